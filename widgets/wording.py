"""Plain-English wording: counted nouns ("1 warning", never "1 warnings") and text shortened at a word.

>>> plural(1, "warning"), plural(2, "warning"), plural(0, "error")
('1 warning', '2 warnings', '0 errors')
>>> plural(1_000, "quote"), plural(1, "article loads", "articles load"), plural(2, "article loads", "articles load")
('1,000 quotes', '1 article loads', '2 articles load')
"""
from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun, singular for exactly one, else ``many`` (default: the noun plus "s").

    >>> plural(1, "match", "matches"), plural(3, "match", "matches")
    ('1 match', '3 matches')
    """
    word = singular if count == 1 else (many if many is not None else singular + "s")
    return f"{count:,} {word}"


#: What marks text that :func:`shorten` cut.
ELLIPSIS = "…"


def shorten(text: str, limit: int = 60, *, words: int | None = None) -> str:
    """Shorten ``text`` for a list, a table, a chart or a tooltip: never in the middle of a word.

    The one helper for this, used wherever the kit shows part of a quote or a sentence. Runs of spaces and
    line breaks become one space. Text over ``limit`` characters is cut after the last whole word that
    fits and ends in " …" (the result is at most ``limit`` characters); only a single word longer than
    the limit is cut inside it. With ``words=N``, the first ``N`` words are kept instead.

    >>> shorten("The summit ended without a summary statement.", 30)
    'The summit ended without a …'
    >>> shorten("  A short\\nquote. ", 30)
    'A short quote.'
    >>> shorten("Organ harvesting has been documented, officials said.", words=3)
    'Organ harvesting has …'
    >>> shorten("Antidisestablishmentarianism", 10)
    'Antidises…'
    """
    parts = str(text).split()
    if words is not None:
        return " ".join(parts[:words]) + (f" {ELLIPSIS}" if len(parts) > words else "")
    flat = " ".join(parts)
    if len(flat) <= limit:
        return flat
    room = flat[: max(limit - 1, 1)]
    if " " not in room.strip():
        return room + ELLIPSIS
    kept = room.rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{kept} {ELLIPSIS}" if kept else room + ELLIPSIS


__all__ = ["ELLIPSIS", "plural", "shorten"]
