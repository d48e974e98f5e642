"""Step 1 of quote spotting: find the quotation marks and pair them up.

Curly (“ ” ‘ ’) and straight (" ') quotation marks are paired up, even when one text mixes them, when a
closing mark is used as an opening one (``said, ”Genocide ...”``), or when a quotation runs over a
paragraph break and is reopened. German quotation marks pair too: „ opens and “ closes (``„Frieden“``).
Apostrophes (``Xi’s``, ``Belarus’``) are not quotation marks.
"""
from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
#: German quotation marks: „ (and ‚) open, and then “ (and ‘) close: „Frieden“, ‚Frieden‘.
GERMAN_OPEN = "„‚"
GERMAN_CLOSE = "“‘"
STRAIGHT_SINGLE = "'"
QUOTE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
#: Characters after which a straight quotation mark opens a quotation.
_OPENING_CONTEXT = set(" \t\n\r\u00a0\u202f\u2009([{—–-/:")
_SPACES = " \t\u00a0\u202f\u2009\u2007\u200a"


@dataclass(frozen=True)
class QuoteMarks:
    """A pair of quotation marks found in the text (step 1), before any speaker is looked for.

    ``reopened`` is True when the quotation continues from the paragraph before (news style: no closing
    mark at the end of a paragraph, a new opening mark at the start of the next).
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    style: str  # "double" or "single"
    reopened: bool = False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Pair up the quotation marks in ``text``; returns the quoted spans in text order.

    >>> [text[m.start:m.end] for text in ['He said “yes” and ‘no’; Xi’s "plan".']
    ...  for m in find_quote_marks(text)]
    ['yes', 'no', 'plan']
    >>> t = 'Blinken said, ”Genocide” continued.'
    >>> [t[m.start:m.end] for m in find_quote_marks(t)]
    ['Genocide']
    >>> t = '„Nein“, sagte er, ein ‚Plan‘ sei das nicht.'
    >>> [t[m.start:m.end] for m in find_quote_marks(t)]
    ['Nein', 'Plan']
    """
    n = len(text)
    spans: list[QuoteMarks] = []
    open_at: int | None = None      # offset of the open double mark
    open_style = ""
    reopened = False
    single_at: int | None = None    # an open single mark outside any double quotation
    i = 0

    def prev_char(k: int) -> str:
        return text[k - 1] if k > 0 else "\n"

    def next_char(k: int) -> str:
        return text[k + 1] if k + 1 < n else "\n"

    def add(o: int | None, c: int | None, style: str, start: int, end: int, again: bool = False) -> None:
        # Trim the span to the paragraph when the closing mark is missing.
        if c is None:
            while end > start and text[end - 1] in _SPACES + "\n\r":
                end -= 1
        if end > start:
            spans.append(QuoteMarks(start, end, o, c, style, again))

    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            # A line break inside an open quotation: news style reopens it on the next paragraph;
            # a blank line always ends it.
            j = i
            while j < n and text[j] in _SPACES + "\n\r":
                j += 1
            blank = text.count("\n", i, j) >= 2
            reopen = j < n and text[j] in DOUBLE_OPEN + STRAIGHT_DOUBLE
            if blank or reopen or j >= n:
                add(open_at, None, open_style, open_at + 1, i)
                open_at = None
                if reopen and j < n:
                    open_at, open_style, reopened = j, "double", True
                    i = j + 1
                    continue
        if ch == "\n" and single_at is not None:
            single_at = None  # a single mark never spans a line: it was an apostrophe
        if ch in GERMAN_CLOSE and open_at is not None and text[open_at] in GERMAN_OPEN:
            # German style: „ opens and “ closes („Frieden“), so “ ends the quotation „ opened.
            add(open_at, i, open_style, open_at + 1, i, reopened)
            open_at, reopened = None, False
        elif ch in DOUBLE_OPEN:
            if open_at is not None:
                # A second opening mark: the first had no partner. Keep what it opened, up to here.
                add(open_at, None, open_style, open_at + 1, i, reopened)
            open_at, open_style, reopened, single_at = i, "double", False, None
        elif ch in DOUBLE_CLOSE:
            if open_at is not None:
                add(open_at, i, open_style, open_at + 1, i, reopened)
                open_at, reopened = None, False
            elif (prev_char(i) in _OPENING_CONTEXT or prev_char(i) in _SPACES) and (
                    _is_word(next_char(i)) or next_char(i) == "["):
                # A closing mark used as an opening one: 'said, ”Genocide ...”'.
                open_at, open_style, reopened, single_at = i, "double", False, None
        elif ch == STRAIGHT_DOUBLE:
            before, after = prev_char(i), next_char(i)
            opens = before in _OPENING_CONTEXT and not after.isspace()
            closes = not before.isspace() and (not _is_word(after))
            if open_at is not None and (closes or not opens):
                add(open_at, i, open_style, open_at + 1, i, reopened)
                open_at, reopened = None, False
            elif open_at is None and (opens or not closes):
                open_at, open_style, reopened, single_at = i, "double", False, None
            elif open_at is not None:
                add(open_at, None, open_style, open_at + 1, i, reopened)
                open_at, open_style, reopened = i, "double", False
        elif open_at is None and ch in SINGLE_OPEN + STRAIGHT_SINGLE + SINGLE_CLOSE:
            before, after = prev_char(i), next_char(i)
            if single_at is None:
                if ch != SINGLE_CLOSE and not _is_word(before) and (_is_word(after) or after == "["):
                    single_at = i
            elif (ch in SINGLE_CLOSE + STRAIGHT_SINGLE or (ch in GERMAN_CLOSE and text[single_at] in GERMAN_OPEN)) \
                    and not before.isspace() and not _is_word(after):
                add(single_at, i, "single", single_at + 1, i)
                single_at = None
            elif ch in SINGLE_OPEN and not _is_word(before):
                single_at = i
        i += 1
    if open_at is not None:
        add(open_at, None, open_style, open_at + 1, n, reopened)
    return spans
