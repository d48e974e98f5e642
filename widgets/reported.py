"""What an article quotes and what it reports someone said without quotation marks, ready to be
lined up with other articles (:mod:`widgets.align`): quote sides, reported-speech sentences, and one
name per person across articles.

>>> from widgets.corpus import article_from_text
>>> a = article_from_text('“We will rebuild the bridge,” Mayor Ana Lopes said. Lopes said the bridge would reopen in May.', id="a")
>>> [(q.text, q.speaker) for q in quote_sides(a)]
[('We will rebuild the bridge,', 'Ana Lopes')]
"""
from __future__ import annotations

import re
from dataclasses import replace

from .align import QuoteSide, ReportedSpeech, content_stems
from .coverage import Sentences
from .errors import KitError
from .quoted import merge_speakers
from .quotes import find_quotes
from .speakers import load_speakers

#: Reporting verbs that make a sentence reported speech (a candidate paraphrase).
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "urged", "urges", "warned", "warns", "claimed", "claims",
    "accused", "accuses", "denounced", "criticised", "criticized", "suggested", "suggests", "insisted",
    "promised", "added", "stated", "announced", "denied", "declared", "stressed", "argued",
    "acknowledged", "slammed", "called", "reiterated", "emphasised", "emphasized",
)
_SPEECH_RX = re.compile(r"(?<!\w)(?:" + "|".join(SPEECH_VERBS) + r")(?!\w)", re.IGNORECASE)
#: Reported-speech sentences need at least this many content words outside quotation marks.
MIN_REPORTED_WORDS = 4


def quote_sides(article, *, name: str | None = None, quotes=None) -> list[QuoteSide]:
    """The article's quotes (from :func:`widgets.quotes.find_quotes`) inside the article proper.

    >>> from widgets.corpus import article_from_text
    >>> [q.text for q in quote_sides(article_from_text('Kirby said: “That is malarkey.”', id="t"))]
    ['That is malarkey.']
    """
    name = name or article.id
    quotes = find_quotes(article) if quotes is None else quotes
    return [QuoteSide(name, q.start, q.end, q.text, q.speaker) for q in quotes if article.in_body(q.start, q.end)]


def reported_speech(article, *, name: str | None = None, quotes=None, sentences: Sentences | None = None) -> list[ReportedSpeech]:
    """Sentences of the article proper that report what someone said (a reporting verb such as "said",
    "told", "urged" outside quotation marks). Their quoted words are blanked out in ``unquoted``; the
    speaker is the speaker-table name nearest before the verb (or just after it: "said Blinken"),
    otherwise None.

    >>> from widgets.corpus import article_from_text
    >>> r = reported_speech(article_from_text("Rain fell. Blinken said China should face accountability for it.", id="t"))
    >>> [(s.text, s.speaker) for s in r]
    [('Blinken said China should face accountability for it.', 'Antony Blinken')]
    """
    name = name or article.id
    raw = article.raw
    quotes = find_quotes(article) if quotes is None else quotes
    sentences = sentences or Sentences.of_text(raw)
    out = []
    for s, e in sentences.bounds:
        s, e = max(s, article.body_start), min(e, article.body_end)
        if s >= e:
            continue
        chars = list(raw[s:e])
        for q in quotes:
            lo = q.open_mark if q.open_mark is not None else q.start
            hi = (q.close_mark + 1) if q.close_mark is not None else q.end
            for i in range(max(lo, s), min(hi, e)):
                chars[i - s] = " "
        unquoted = "".join(chars)
        verb = _SPEECH_RX.search(unquoted)
        if verb is None or len(content_stems(unquoted)) < MIN_REPORTED_WORDS:
            continue
        # trim whitespace so that raw[start:end] == text holds for the trimmed span
        lead = len(unquoted) - len(unquoted.lstrip())
        trail = len(unquoted.rstrip())
        start, end = s + lead, s + trail
        if start >= end:
            continue
        out.append(ReportedSpeech(name, start, end, raw[start:end], _speaker_near(unquoted, verb.start()),
                                  unquoted[lead:trail]))
    return out


def _speaker_near(text: str, verb_at: int) -> str | None:
    """The speaker-table name mentioned nearest before ``verb_at`` (else just after it)."""
    try:
        table = load_speakers()
    except Exception:  # noqa: BLE001 - no table: speakers stay unknown
        return None
    best_before, best_after = None, None
    for form, speaker in table.forms():
        if getattr(speaker, "type", "person") not in ("person", "group"):
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if m.end() <= verb_at:
                if best_before is None or m.end() > best_before[0] or (m.end() == best_before[0] and m.start() < best_before[1]):
                    best_before = (m.end(), m.start(), speaker.name)
            elif m.start() >= verb_at and (best_after is None or m.start() < best_after[0]):
                best_after = (m.start(), speaker.name)
    if best_before is not None:
        return best_before[2]
    if best_after is not None and best_after[0] - verb_at < 12:
        return best_after[1]
    return None


def one_name_per_speaker(sides: list[QuoteSide], reported: list[ReportedSpeech]):
    """Give a person one name in every file ("board chair Margit Ashdown" and "Margit Ashdown" are the
    same speaker, see :func:`widgets.quoted.merge_speakers`), so that ``same_speaker`` compares people.

    >>> sides = [QuoteSide("a", 0, 4, "Yes.", "board chair Margit Ashdown"), QuoteSide("b", 0, 4, "Yes.", "Margit Ashdown")]
    >>> [q.speaker for q in one_name_per_speaker(sides, [])[0]]
    ['Margit Ashdown', 'Margit Ashdown']
    """
    try:
        keep = set(load_speakers().names)
    except KitError:
        keep = set()
    merged = merge_speakers([x.speaker for x in (*sides, *reported) if x.speaker], keep=keep)
    return ([replace(q, speaker=merged.get(q.speaker, q.speaker)) for q in sides],
            [replace(r, speaker=merged.get(r.speaker, r.speaker)) for r in reported])


__all__ = ["MIN_REPORTED_WORDS", "SPEECH_VERBS", "one_name_per_speaker", "quote_sides", "reported_speech"]
