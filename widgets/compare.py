"""Source comparison: the same story through several outlets, side by side.

:func:`compare` puts three analyses together for two or more articles:

- **aligned quotes** (:mod:`widgets.align`): the same statement quoted in different articles, with a
  word-level diff, whether both give it to the same speaker, and whether one side is a paraphrase
  (the statement reported without quotation marks);
- **coverage** (:mod:`widgets.coverage`): the key facts (``data/facts.csv``) and the people,
  organisations and places each article mentions, and where;
- **framing** (:mod:`widgets.framing`): word choices (``data/framing.csv``) counted per article.

Every span has offsets into its article's raw text. Only the article proper is compared (not site
chrome or appended teasers, see ``Article.body_start``).

>>> from widgets.corpus import article_from_text
>>> a = article_from_text('Blinken said any truce “that does not include the removal of Russian forces” fails.', id="a")
>>> b = article_from_text('Kirby said, “Any cease-fire that does not address the removal of Russian forces would fail.”', id="b")
>>> result = compare([a, b])
>>> pair = result.aligned[0]
>>> pair.a.speaker, pair.b.speaker, pair.same_speaker
('Antony Blinken', 'John Kirby', False)
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Sequence

from .align import (
    AlignedQuote,
    QuoteSide,
    ReportedSpeech,
    align_quotes,
    content_stems,
    find_paraphrases,
    rarity_weights,
)
from .coverage import (
    CoverageHit,
    Fact,
    Sentences,
    coverage_table,
    find_entities,
    find_facts,
    load_facts,
    merge_short_names,
)
from .errors import KitError
from .framing import FramingHit, FramingTerm, find_framing, framing_table, load_framing
from .quotes import find_quotes
from .speakers import load_speakers_or_warn
from .text import fold, squash_spaces
from .wording import plural

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


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`: ``files`` (names in order), ``aligned`` quote pairs, ``coverage``
    and ``framing`` hits (each with where), and the ``facts`` and ``terms`` that were looked for."""

    files: tuple[str, ...]
    aligned: tuple[AlignedQuote, ...]
    coverage: tuple[CoverageHit, ...]
    framing: tuple[FramingHit, ...]
    facts: tuple[Fact, ...] = ()
    terms: tuple[FramingTerm, ...] = ()

    def coverage_table(self, *, kind: str | None = None) -> dict[str, dict[str, int]]:
        """``{item: {file: count}}``; ``kind`` "fact" or "entity" keeps one kind only. With both kinds,
        an entity named like a fact is listed as "NAME (entity)" so the two counts never mix."""
        if kind == "fact":
            return coverage_table([h for h in self.coverage if h.kind == "fact"], self.files,
                                  items=[f.name for f in self.facts])
        if kind == "entity":
            return coverage_table([h for h in self.coverage if h.kind == "entity"], self.files)
        table = self.coverage_table(kind="fact")
        for item, row in self.coverage_table(kind="entity").items():
            table[f"{item} (entity)" if item in table else item] = row
        return table

    def framing_table(self) -> dict[str, dict[str, int]]:
        """``{term: {file: count}}`` with every term of ``data/framing.csv``."""
        return framing_table(self.framing, self.files, terms=self.terms)

    def pairs_with(self, words: str) -> list[AlignedQuote]:
        """The aligned pairs where either side contains ``words`` (ignoring case and quote-mark style).

        >>> from widgets.corpus import load_corpus
        >>> c = load_corpus()
        >>> r = compare([c["blinken-diplomatic-cover"], c["presidents-meet-us-targets"]], entities=False)
        >>> [p.b.text for p in r.pairs_with("rest and refit")]
        ['allow President Putin to rest and refit his troops.']
        """
        key = squash_spaces(fold(words))
        return [p for p in self.aligned
                if key in squash_spaces(fold(p.a.text)) or key in squash_spaces(fold(p.b.text))]

    def left_out(self, *, kind: str = "fact") -> dict[str, list[str]]:
        """For each file, the items other files mention and this one does not.

        >>> from widgets.corpus import article_from_text
        >>> c = compare([article_from_text("Taiwan and sanctions.", id="a"), article_from_text("Sanctions.", id="b")],
        ...             facts=[Fact("Taiwan", ("Taiwan",)), Fact("Sanctions", ("sanction*",))], entities=False)
        >>> c.left_out()
        {'a': [], 'b': ['Taiwan']}
        """
        table = self.coverage_table(kind=kind)
        return {f: [item for item, row in table.items() if row[f] == 0 and any(row.values())] for f in self.files}

    def to_dict(self) -> dict:
        """The ``medialit compare --json`` object."""
        return {
            "files": list(self.files),
            "aligned_quotes": [p.to_dict() for p in self.aligned],
            "coverage": self.coverage_table(),
            "framing": self.framing_table(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------------
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
    table = load_speakers_or_warn()
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


# --------------------------------------------------------------------------------------------------
# compare()
# --------------------------------------------------------------------------------------------------
def _names(articles: Sequence, names: Sequence[str] | None) -> tuple[str, ...]:
    if names is None:
        names = [a.id for a in articles]
    names = tuple(names)
    if len(names) != len(articles):
        raise KitError(f"compare() got {plural(len(articles), 'article')} but {plural(len(names), 'name')}.",
                       fix="Give one name per article, or leave names out to use the article ids.")
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise KitError(f"Two articles have the same name: {', '.join(dupes)}.",
                       fix="Pick each article once (or give distinct names).")
    return names


def compare(
    articles: Sequence,
    *,
    names: Sequence[str] | None = None,
    facts: Sequence[Fact] | None = None,
    terms: Sequence[FramingTerm] | None = None,
    entities: bool = True,
    paraphrases: bool = True,
) -> Comparison:
    """Compare two or more articles: aligned quotes, coverage and framing.

    Args:
        articles: :class:`~widgets.corpus.Article` objects (e.g. ``[corpus["xi-invites-putin"], ...]``).
        names: what to call each article in the results (default: the article ids).
        facts: the key facts (default: ``data/facts.csv``).
        terms: the framing word choices (default: ``data/framing.csv``).
        entities: also count spaCy's people, organisations and places.
        paraphrases: also look for quotes reported without quotation marks in other articles.

    See the module example.
    """
    articles = list(articles)
    if len(articles) < 2:
        raise KitError(f"compare() needs at least two articles; it got {len(articles)}.",
                       fix='Pass a list, e.g. compare([corpus["xi-invites-putin"], corpus["xi-meets-lukashenko"]]).')
    files = _names(articles, names)
    facts = tuple(load_facts() if facts is None else facts)
    terms = tuple(load_framing() if terms is None else terms)
    sides, reported, cov, fr = [], [], [], []
    for article, name in zip(articles, files):
        sentences = Sentences.of_text(article)  # an Article: a too-long one is named in the error
        quotes = find_quotes(article)
        sides.extend(quote_sides(article, name=name, quotes=quotes))
        if paraphrases:
            reported.extend(reported_speech(article, name=name, quotes=quotes, sentences=sentences))
        cov.extend(find_facts(article, facts=facts, name=name, sentences=sentences))
        if entities:
            cov.extend(find_entities(article, name=name))
        spans = [(q.start, q.end) for q in quotes if q.kind != "scare"]
        fr.extend(find_framing(article, terms=terms, name=name, sentences=sentences, quoted=spans))
    cov = merge_short_names(cov)
    aligned = align_quotes(sides)
    if paraphrases:
        weights = rarity_weights([r.unquoted for r in reported] + [q.text for q in sides])
        aligned += find_paraphrases(sides, reported, aligned=aligned, weights=weights)
    order = {f: i for i, f in enumerate(files)}
    aligned.sort(key=lambda p: (order[p.a.file], p.a.start, order[p.b.file], p.b.start))
    return Comparison(files, tuple(aligned), tuple(cov), tuple(fr), facts, terms)


__all__ = ["Comparison", "SPEECH_VERBS", "compare", "quote_sides", "reported_speech"]
