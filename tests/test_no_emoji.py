"""Nothing a student sees depends on an emoji font (issue 13 item 10).

Chromium on Debian, as on many school machines, has no emoji font: emoji feedback icons showed as empty
boxes. Feedback now shows a word ("Right!", "Not yet.") and, in HTML, a CSS shape beside it.
"""
import re
from pathlib import Path

import pytest

from widgets.exercises import Feedback, check

ROOT = Path(__file__).resolve().parents[1]
#: Pictographs, dingbats (✅ ❌ ✏), misc. symbols (⚠ ⚖) and the emoji presentation selector.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]")


def _files():
    yield from (ROOT / "widgets").rglob("*.py")
    yield from (ROOT / "widgets").rglob("*.js")
    yield from (ROOT / "widgets").rglob("*.css")
    yield from (ROOT / "lessons").glob("*.ipynb")
    yield from (ROOT / "solutions").glob("*.ipynb")
    yield ROOT / "README.md"
    yield from (ROOT / "docs").rglob("*.md")


@pytest.mark.parametrize("path", sorted(_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_what_students_see(path):
    found = [(n, line.strip()[:80]) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if EMOJI.search(line)]
    assert not found, f"{path.relative_to(ROOT)} uses emoji (no emoji font on many school machines): {found[:3]}"


@pytest.mark.parametrize("status", sorted(Feedback._WORDS))
def test_every_feedback_has_a_word_and_a_shape_never_colour_alone(status):
    fb = Feedback("0.1", status, "A message.")
    assert repr(fb).startswith(Feedback._WORDS[status])
    html = fb._repr_html_()
    assert f"<strong>{Feedback._WORDS[status]}</strong>" in html
    assert '<span aria-hidden="true" style="display:inline-block' in html
    assert not EMOJI.search(html)


def test_check_says_right_in_words():
    assert repr(check("0.1", "Shift+Enter")).startswith("Right! ")
    assert repr(check("0.1", 42)).startswith("Wrong kind of answer: ")
