"""Text is shortened at a word, with " …", by one helper (issue 13 item 12: "summary e")."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from widgets.wording import ELLIPSIS, shorten

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["The summit ended without a summary statement, officials said.", "Yes.", "word " * 40,
         "Antidisestablishmentarianism is long", "a, b; c: d " * 10, "  spaces\n\nand\tlines  " * 5]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("limit", [5, 12, 20, 33, 60])
def test_shorten_cuts_at_a_word_within_the_limit(text, limit):
    flat = " ".join(text.split())
    out = shorten(text, limit)
    assert len(out) <= limit
    if len(flat) <= limit:
        assert out == flat
        return
    assert out.endswith(ELLIPSIS)
    kept = out[:-1].rstrip()
    assert flat.startswith(kept)
    one_long_word = " " not in flat[:limit - 1]
    assert one_long_word or flat[len(kept)] in " ,;:", f"cut inside a word: {out!r}"


def test_quote_spotter_list_never_cuts_a_quote_mid_word():
    from widgets.views import QuoteSpotter

    spotter = QuoteSpotter(article_id="xi-invites-putin")
    labels = [label for label, _ in spotter.picker.options]
    assert labels
    cut = 0
    for (label, i) in spotter.picker.options:
        quote = " ".join(spotter.model.quotes[i].text.split())
        shown = label.split(": ", 1)[1]
        if shown != quote:
            cut += 1
            assert shown.endswith(f" {ELLIPSIS}") and quote.startswith(shown[:-2])
            assert quote[len(shown) - 2] in " ,;:", f"cut mid-word: {label!r}"
    assert cut, "no quote was long enough to be shortened: the test shows nothing"


def test_no_module_shortens_text_by_slicing_by_hand():
    """Every place that shortens text for people uses shorten(): no `text[:N] + "..."` left."""
    pattern = re.compile(r"""\[:\s*[\w\s+-]*\]\s*\+\s*["'](\.\.\.|…)["']|\[:\d+\]\}?…""")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in (ROOT / "widgets").rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []
