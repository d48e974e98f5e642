"""The command line's plain-text tables: what ``medialit quotes`` and ``medialit compare`` print.

>>> from widgets.quotes import find_quotes
>>> print(quotes_table(find_quotes('“No,” said Blinken.')))
start  end  kind    speaker         cue   text
    1    4  direct  Antony Blinken  said  No,
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .wording import plural, shorten

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison
    from .quotes import Quote


def quotes_table(quotes: Iterable["Quote"], *, width: int = 60) -> str:
    """A plain-text table of quotes (what ``medialit quotes FILE`` prints).

    >>> from widgets.quotes import find_quotes
    >>> print(quotes_table(find_quotes('“Yes,” Kirby said.')))
    start  end  kind    speaker     cue   text
        1    5  direct  John Kirby  said  Yes,
    """
    rows = [("start", "end", "kind", "speaker", "cue", "text")]
    for q in quotes:
        rows.append((str(q.start), str(q.end), q.kind, q.speaker or "unknown", q.cue or "-", shorten(q.text, width)))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[0].rjust(widths[0]), r[1].rjust(widths[1]), *(c.ljust(w) for c, w in zip(r[2:5], widths[2:]))]
        lines.append("  ".join(cells + [r[5]]).rstrip())
    return "\n".join(lines)


def _short(text: str, n: int = 90) -> str:
    return shorten(text, n)


def report_text(result: "Comparison", *, outlets: dict[str, str] | None = None) -> str:
    """A readable plain-text report of a :class:`Comparison` (what ``medialit compare`` prints).

    >>> from widgets.compare import compare
    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                       id="a")
    >>> b = article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.", id="b")
    >>> print(report_text(compare([a, b], facts=[], terms=[]), outlets={"a": "Daily"}))
    Files:
      [1] a (Daily)
      [2] b
    ...
    Aligned quotes: 1 pair(s)
      (1) the same words; the two articles give the words to different people (DIFFERENT SPEAKERS)
          [1] Maria Lopez: “We will rebuild the old bridge before the winter rains,”
          [2] Tom Reyes: “We will rebuild the old bridge before the winter rains,”
    ...
    People, organisations and places named by every file: none
    """
    from .plainwords import describe_pair

    outlets = outlets or {}
    label = {f: f"[{i}] {f}" + (f" ({outlets[f]})" if outlets.get(f) else "") for i, f in enumerate(result.files, 1)}
    short = {f: f"[{i}]" for i, f in enumerate(result.files, 1)}
    lines = ["Files:"] + [f"  {label[f]}" for f in result.files] + [""]
    if result.story:
        lines[:0] = [f"Story: {result.story}", ""]
    if result.reporting is not None:
        lines += _reporting_lines(result, short) + [""]
    if result.quoted is not None:
        lines += _quoted_lines(result, short) + [""]
    if result.word_choices is not None:
        lines.append(f"Word choice for the same thing: {len(result.word_choices.items)}")
        lines += [f"  {_short(c.describe(names=short), 160)}" for c in result.word_choices.items[:12]]
        lines.append("")
    quotes = [p for p in result.aligned if not p.paraphrase]
    paras = [p for p in result.aligned if p.paraphrase]
    lines.append(f"Aligned quotes: {len(quotes)} pair(s)")
    for n, p in enumerate(quotes, 1):
        who = {True: "same speaker", False: "DIFFERENT SPEAKERS", None: "speaker unknown on one side"}[p.same_speaker]
        lines.append(f"  ({n}) {describe_pair(p, a_name=short[p.a.file], b_name=short[p.b.file])} ({who})")
        lines.append(f"      {short[p.a.file]} {p.a.speaker or 'unknown'}: “{_short(p.a.text)}”")
        lines.append(f"      {short[p.b.file]} {p.b.speaker or 'unknown'}: “{_short(p.b.text)}”")
        changes = [d for d in p.diff if d.op != "equal"]
        for d in changes[:4]:
            if d.op == "delete":
                lines.append(f"      - cut by {short[p.b.file]}: {_short(d.a, 70)}")
            elif d.op == "insert":
                lines.append(f"      + added by {short[p.b.file]}: {_short(d.b, 70)}")
            else:
                lines.append(f"      ~ changed: {_short(d.a, 34)} -> {_short(d.b, 34)}")
        if len(changes) > 4:
            lines.append(f"      ... and {len(changes) - 4} more change(s)")
    lines.append("")
    lines.append(f"Paraphrases (a quote reported without quotation marks elsewhere): {len(paras)}")
    for p in paras:
        lines.append(f"  quote {short[p.a.file]} {p.a.speaker or 'unknown'}: “{_short(p.a.text)}”")
        lines.append(f"  told  {short[p.b.file]} {p.b.speaker or 'unknown'}: {_short(p.b.text)}")
        lines.append(f"        shared words: {', '.join(p.shared)}")
    lines.append("")
    head = "  ".join(short[f] for f in result.files)
    if result.teacher_lists.message:
        lines += [result.teacher_lists.message, ""]
    lists = result.teacher_lists
    for title, table, found in (("Coverage of key facts (0 = left out)", result.coverage_table(kind="fact"), lists.facts_found),
                                ("Framing: word choices", result.framing_table(), lists.terms_found)):
        if not found:
            continue  # the one-line message above says the list matches nothing here
        lines.append(f"{title}:")
        width = max((len(k) for k in table), default=10)
        lines.append(f"  {'':{width}}  {head}")
        for item, row in table.items():
            lines.append(f"  {item:{width}}  " + "  ".join(f"{row[f]:>{len(short[f])}}" for f in result.files))
        lines.append("")
    ents = result.coverage_table(kind="entity")
    shared = [k for k, row in ents.items() if all(row.values())]
    lines.append(f"People, organisations and places named by every file: {', '.join(shared) or 'none'}")
    return "\n".join(lines)


def _reporting_lines(result: "Comparison", short: dict[str, str]) -> list[str]:
    r = result.reporting
    lines = [f"Shared and missing reporting: {r.summary()}"]
    for f in result.files:
        mine = r.for_file(f)
        lines.append(f"  {short[f]} reports {plural(len(mine.shared), 'statement')} others report too, "
                     f"{len(mine.only_here)} only it reports, and leaves out {len(mine.left_out)} that most others report")
        for s in mine.left_out[:5]:
            lines.append(f"      left out: {_short(s.text, 100)}")
    return lines


def _quoted_lines(result: "Comparison", short: dict[str, str]) -> list[str]:
    q = result.quoted
    lines = ["Who is quoted (share of the quoted words):"]
    for f in result.files:
        rows = q.for_file(f)
        shown = ", ".join(f"{s.speaker} {round(100 * s.word_share)}%" for s in rows[:6]) or "nobody"
        lines.append(f"  {short[f]} {shown}")
    only = {f: names for f, names in q.only_quoted_by().items() if names}
    for f, names in only.items():
        lines.append(f"  only {short[f]} quotes: {', '.join(names)}")
    return lines


__all__ = ["quotes_table", "report_text"]
