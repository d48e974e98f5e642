"""Plain-English wording: counted nouns ("1 warning", never "1 warnings") and text shortened at a word.

>>> plural(1, "warning"), plural(2, "warning"), plural(0, "error")
('1 warning', '2 warnings', '0 errors')
>>> plural(1_000, "quote"), plural(1, "article loads", "articles load"), plural(2, "article loads", "articles load")
('1,000 quotes', '1 article loads', '2 articles load')
>>> "There is no story called 'practise-phone-ban'." + did_you_mean("practise-phone-ban", ["practice-phone-ban"])
"There is no story called 'practise-phone-ban'. Did you mean 'practice-phone-ban'?"
"""
from __future__ import annotations

from typing import Iterable


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


#: How alike (0-100, rapidfuzz's ``fuzz.ratio`` after folding case and punctuation) a mistyped value must be
#: to the closest choice for :func:`did_you_mean` to suggest it. ``fuzz.ratio`` is 100 x (1 - letters to add
#: or delete / letters in both): one missing or extra letter scores 89 or more in a word of five letters or
#: more, one wrong letter (a deletion plus an insertion) 80 at five letters and 90 at ten, so 75 lets through
#: a slip or two in a word and a few in a long id ("xi-invite-putin" scores 97). Two different choices in the
#: kit's own lists score at most 58 against each other ("blinken-rights-report" and
#: "blinken-diplomatic-cover"), so a value that passes is far nearer one choice than any choice is to another;
#: a value that is simply something else ("moon-landing" for "practice-phone-ban", 33) gets no guess.
SUGGEST_CUTOFF = 75
#: A value at least this long that starts exactly one choice is suggested too ("loaded" -> "loaded_language").
SUGGEST_PREFIX = 4


def did_you_mean(value, choices: Iterable, *, lead: str = " ", cutoff: float = SUGGEST_CUTOFF) -> str:
    """``" Did you mean 'x'?"`` naming the choice closest to a mistyped ``value``, or ``""`` when none is close.

    For error messages that list the valid choices: append it to the sentence that says what was wrong
    (``lead`` is what goes before "Did you mean": ``". "`` after a list in brackets).
    Case, spaces, hyphens and underscores do not count ("Loaded-Language" finds "loaded_language"); a value
    of four letters or more that starts exactly one choice finds it too. See :data:`SUGGEST_CUTOFF` for
    why 75.

    >>> did_you_mean("xi-invite-putin", ["xi-invites-putin", "xi-meets-lukashenko"])
    " Did you mean 'xi-invites-putin'?"
    >>> did_you_mean("Name Calling", ["loaded_language", "name_calling"])
    " Did you mean 'name_calling'?"
    >>> did_you_mean("loaded", ["loaded_language", "name_calling"])
    " Did you mean 'loaded_language'?"
    >>> kinds = ("honorific", "office", "role")
    >>> f"unknown kind 'ofice' (use one of: {', '.join(kinds)}{did_you_mean('ofice', kinds, lead='. ')})"
    "unknown kind 'ofice' (use one of: honorific, office, role. Did you mean 'office'?)"
    >>> did_you_mean("moon-landing", ["practice-phone-ban"]), did_you_mean("x", []), did_you_mean("any", ["any"])
    ('', '', '')
    """
    from rapidfuzz import fuzz, process, utils

    text = str(value)
    options = [str(c) for c in choices]
    if not options or text in options:
        return ""
    best = process.extractOne(text, options, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff)
    if best is None:
        folded = utils.default_process(text)
        starting = [c for c in options if len(folded) >= SUGGEST_PREFIX and utils.default_process(c).startswith(folded)]
        if len(starting) != 1:
            return ""
        best = (starting[0],)
    return f"{lead}Did you mean {best[0]!r}?"


__all__ = ["ELLIPSIS", "SUGGEST_CUTOFF", "did_you_mean", "plural", "shorten"]
