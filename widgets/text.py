"""Text folding and word counting: the one place the kit decides when two pieces of text are "the same"
and what counts as a word.

- :func:`straighten_quotes`: curly quotation marks and apostrophes become straight ones (same length);
- :func:`fold`: capitals and quote styles folded, every character kept in its place, so offsets found in
  the folded text are offsets into the original;
- :func:`squash_spaces`: runs of spaces, tabs, line breaks and no-break spaces become one space;
- :func:`count_words`: runs of letters and digits (``Xi’s`` and ``cease-fire`` are one word each).

>>> fold("Kirby’s “Malarkey”")
'kirby\\'s "malarkey"'
>>> squash_spaces("  peace\\n\\u00a0plan ")
'peace plan'
>>> count_words("Xi’s cease-fire plan, in 12 points.")
6
"""
from __future__ import annotations

import re

#: Curly quotation marks and apostrophes, and the straight mark each one folds to.
QUOTE_FOLDS = {"‘": "'", "’": "'", "“": '"', "”": '"'}
_QUOTE_TABLE = str.maketrans(QUOTE_FOLDS)
#: A word: letters or digits, with apostrophes and hyphens inside it ("Xi’s", "cease-fire", "12‐point").
WORD = re.compile(r"\w+(?:['’‘\-‐]\w+)*")


def straighten_quotes(text: str) -> str:
    """Curly quotation marks and apostrophes (‘ ’ “ ”) made straight (' and "); the length is kept.

    >>> straighten_quotes("Russia’s “peace plan”")
    'Russia\\'s "peace plan"'
    """
    return text.translate(_QUOTE_TABLE)


def fold(text: str) -> str:
    """Lower case and straight quotation marks, with every character in its place (``len`` is kept), so a
    match found in ``fold(text)`` is at the same offsets in ``text``.

    >>> fold("The “So-Called” Plan")
    'the "so-called" plan'
    >>> len(fold("İstanbul")) == len("İstanbul")    # a capital whose lower case is two characters stays
    True
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # rare: a few capitals lower-case to two characters
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return straighten_quotes(lowered)


def squash_spaces(text: str) -> str:
    """Every run of white space (spaces, tabs, line breaks, no-break spaces) as one space, none at the ends.

    >>> squash_spaces(" a\\t b\\n\\nc\\u202fd ")
    'a b c d'
    """
    return " ".join(text.split())


def count_words(text: str) -> int:
    """Words, counted as runs of letters and digits (``Xi’s`` and ``cease-fire`` are one word each).

    >>> count_words("Xi’s so-called plan, 12 points.")
    5
    """
    return len(WORD.findall(text))


__all__ = ["QUOTE_FOLDS", "WORD", "count_words", "fold", "squash_spaces", "straighten_quotes"]
