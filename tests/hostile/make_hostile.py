"""A hostile article (and a hostile data card) for the safety tests; never written into data/.

Every payload, if it ever ran in a browser, would set ``window.__pwned`` (and change ``document.title``).
The browser tests assert that neither happened and that the payloads show as literal text.

    python tests/hostile/make_hostile.py /tmp/hostile-data     # a copy of data/ plus the hostile article

>>> text = hostile_text()
>>> "<script>" in text and "\\u202e" in text and "\\u200b" in text
True
>>> max(len(line) for line in text.splitlines()) > 20_000
True
"""
from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

HOSTILE_ID = "hostile-article"
HOSTILE_FILE = f"{HOSTILE_ID}.txt"
PWN = "window.__pwned=1;document.title='PWNED'"

#: Payloads that must show as text (each would run script if it reached the page as markup).
PAYLOADS = (
    f"<script>{PWN}</script>",
    f'<img src="x" onerror="{PWN}">',
    f'<svg onload="{PWN}"><circle r="5"/></svg>',
    f'<a href="javascript:{PWN}">read more</a>',
    f'<iframe srcdoc="<script>parent.{PWN}</script>"></iframe>',
    f'<div style="background:url(javascript:{PWN})" onmouseover="{PWN}">hover</div>',
    f"</textarea></style></script><script>{PWN}</script>",
    f"<details open ontoggle=\"{PWN}\">x</details>",
)

#: Text that looks like markup to other renderers (Markdown, LaTeX in JupyterLab, templates).
LOOKALIKES = (
    "The deal is worth $5 billion and the loan $10 billion.",  # LaTeX delimiters for MathJax
    "{{ 7*7 }} ${7*7} #{7*7} <%= 7*7 %>",
    "**not bold** _not italic_ [not a link](javascript:alert(1))",
)

ZERO_WIDTH = "peace\u200bplan"  # zero-width space inside a word
RTL = "\u202eevil.exe\u202c"  # right-to-left override around a word
ARABIC = "قال المتحدث"  # right-to-left script (Arabic: "the spokesman said")
LONG_WORD = "A" * 25_000  # one very long line with no spaces


def hostile_text() -> str:
    """The hostile article: hostile markup inside and outside quotation marks, with speakers."""
    lines = [
        f"Hostile test article {PAYLOADS[0]}",
        "",
        f'The spokesman John Kirby said "{PAYLOADS[1]} is <b>not</b> a <plan>" and left.',
        f"“We will never accept {PAYLOADS[2]},” Foreign Minister Sergei Lavrov told reporters on Tuesday.",
        f"Antony Blinken said the plan was a “so-called {PAYLOADS[3]} peace deal” and slammed it.",
        f"“{PAYLOADS[4]}” said Xi Jinping, according to state media. {PAYLOADS[5]}",
        f"A brutal, shameful crackdown, critics said. “Quotes ‘inside “quotes” <i>with</i> brackets’ > <” {PAYLOADS[6]}",
        f"{PAYLOADS[7]} {LOOKALIKES[0]}",
        f"{LOOKALIKES[1]} {LOOKALIKES[2]}",
        f"Invisible: {ZERO_WIDTH}. Reversed: {RTL}. Arabic: {ARABIC}. Ampersands: &amp; &lt;script&gt; &#60;b&#62;",
        f"Very long line: {LONG_WORD}",
        "",
        "Related Articles",
        f"Teaser <script>{PWN}</script> after the body.",
    ]
    return "\n".join(lines) + "\n"


#: The data card: every field is hostile too (it reaches tables, menus and chart labels).
HOSTILE_CARD = {
    "id": HOSTILE_ID,
    "file": HOSTILE_FILE,
    "title": f"<script>{PWN}</script> “Quoted” title",
    "outlet": f'<img src="x" onerror="{PWN}"> Outlet & Co',
    "outlet_evidence": f'"><svg onload="{PWN}">',
    "byline": f"<b onmouseover=\"{PWN}\">Byline</b>",
    "date": "2023-03-21",
    "date_evidence": f"<a href=\"javascript:{PWN}\">link</a>",
    "body_starts_at": "The spokesman",
    "body_ends_before": "Related Articles",
    "defects": "site_chrome; <script>bad</script>",
    "notes": f"</td></tr></table><script>{PWN}</script>",
}


def make_hostile_data_dir(source: Path, target: Path) -> Path:
    """Copy the data folder ``source`` to ``target`` and add the hostile article with its data card."""
    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve() or source.resolve() in target.resolve().parents:
        raise ValueError("The hostile data folder must be a copy outside data/, never data/ itself.")
    shutil.copytree(source, target)
    (target / "articles" / HOSTILE_FILE).write_text(hostile_text(), encoding="utf-8")
    cards = target / "articles.csv"
    text = cards.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([HOSTILE_CARD.get(h.strip(), "") for h in header])
    cards.write_text(text.rstrip("\n") + "\n" + out.getvalue(), encoding="utf-8")
    return target


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/make_hostile.py TARGET_FOLDER")
    root = Path(__file__).resolve().parents[2]
    print(make_hostile_data_dir(root / "data", Path(sys.argv[1])))
