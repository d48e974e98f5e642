"""Source comparison: the same story through several outlets, side by side.

:func:`compare` puts these analyses together for two or more articles. The first three work on any
story, with no word lists to write first:

- **shared and missing reporting** (:mod:`widgets.statements`): the statements the articles report,
  matched across articles even when worded differently; per article what others report too, what only
  it reports and what most others report and it leaves out;
- **who is quoted** (:mod:`widgets.quoted`): per article each speaker's share of quotes and quoted
  words, by side when the speaker table knows it;
- **word choice** (:mod:`widgets.wordchoice`): different words for the same person, group, place or
  event, loaded ones flagged with the highlighter's explanation.

The others:

- **aligned quotes** (:mod:`widgets.align`): the same statement quoted in different articles, with a
  word-level diff, whether both give it to the same speaker, and whether one side is a paraphrase
  (the statement reported without quotation marks);
- **coverage** (:mod:`widgets.coverage`): the key facts (``data/facts.csv``) and the people,
  organisations and places each article mentions, and where;
- **framing** (:mod:`widgets.framing`): word choices (``data/framing.csv``) counted per article.

The two teacher's lists (``facts.csv``, ``framing.csv``) are written for one story and optional: when
they match nothing in the chosen articles, :attr:`Comparison.teacher_lists` says so in one line.

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
from dataclasses import dataclass
from typing import Sequence

from .align import AlignedQuote, align_quotes, find_paraphrases, rarity_weights
from .coverage import (
    FACTS_FILE,
    CoverageHit,
    Fact,
    Sentences,
    coverage_table,
    find_entities,
    find_facts,
    load_facts,
    merge_short_names,
)
from .datafiles import data_path
from .errors import KitError
from .framing import FRAMING_FILE, FramingHit, FramingTerm, find_framing, framing_table, load_framing
from .memo import remember
from .plainwords import describe_pair
from .quoted import QuotedVoices
from .quotes import find_quotes
from .reported import SPEECH_VERBS, one_name_per_speaker, quote_sides, reported_speech
from .statements import Reporting
from .stories import article_names, story_name
from .wordchoice import WordChoices
from .speakers import load_speakers_or_warn
from .text import fold, squash_spaces
from .wording import plural



@dataclass(frozen=True)
class TeacherLists:
    """How the teacher's story-specific lists fared: how many key facts (``data/facts.csv``) and framing
    terms (``data/framing.csv``) were looked for, and how many were found in the chosen articles."""

    facts: int
    facts_found: int
    terms: int
    terms_found: int

    @property
    def message(self) -> str | None:
        """One line when a list matches nothing (or there is none); None when both found something.

        >>> print(TeacherLists(12, 0, 20, 0).message)
        The teacher's key facts (data/facts.csv) and framing words (data/framing.csv) match nothing in these articles: they were written for another story. See the automatic tables instead: shared and missing reporting, who is quoted, word choice.
        >>> TeacherLists(12, 3, 20, 5).message is None
        True
        """
        unmatched = [what for what, rows, found in (("key facts (data/facts.csv)", self.facts, self.facts_found),
                                                    ("framing words (data/framing.csv)", self.terms, self.terms_found))
                     if rows and not found]
        if unmatched:
            text = (f"The teacher's {' and '.join(unmatched)} match nothing in these articles: "
                    "they were written for another story.")
        elif not self.facts and not self.terms:
            text = "There are no teacher's lists of key facts or framing words here (they are optional)."
        else:
            return None
        return text + " See the automatic tables instead: shared and missing reporting, who is quoted, word choice."

    def to_dict(self) -> dict:
        """The ``teacher_lists`` part of ``medialit compare --json``."""
        return {"facts": self.facts, "facts_found": self.facts_found, "terms": self.terms,
                "terms_found": self.terms_found, "message": self.message}


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`: ``files`` (names in order), ``aligned`` quote pairs, ``coverage``
    and ``framing`` hits (each with where), and the ``facts`` and ``terms`` that were looked for; the
    automatic tables ``reporting`` (shared and missing statements), ``quoted`` (who is quoted) and
    ``word_choices``; the ``story`` the data cards name (None if they name none)."""

    files: tuple[str, ...]
    aligned: tuple[AlignedQuote, ...]
    coverage: tuple[CoverageHit, ...]
    framing: tuple[FramingHit, ...]
    facts: tuple[Fact, ...] = ()
    terms: tuple[FramingTerm, ...] = ()
    reporting: Reporting | None = None
    quoted: QuotedVoices | None = None
    word_choices: WordChoices | None = None
    story: str | None = None

    @property
    def topic(self) -> str:
        """What the compared articles are about, in one line for a heading: the story their data cards
        name; else the people, organisations and places every article names (most named first, at most
        three); else a line that says the articles name nothing in common.

        >>> from widgets.corpus import article_from_text
        >>> a = article_from_text("Maria Lopez opened the new bridge in Porto on Monday.", id="a")
        >>> b = article_from_text("In Porto, Maria Lopez cut the ribbon on the bridge.", id="b")
        >>> compare([a, b], facts=[], terms=[], automatic=False).topic
        'About Maria Lopez and Porto (named in every article; the data cards name no story)'
        >>> c = article_from_text("The football club signed a goalkeeper.", id="c")
        >>> compare([a, c], facts=[], terms=[], automatic=False).topic
        'No story name: the data cards name none, and no person, group or place is named in every article'
        """
        if self.story:
            return self.story
        counts = self.coverage_table(kind="entity")
        everywhere = sorted((name for name, row in counts.items() if all(row.get(f) for f in self.files)),
                            key=lambda name: (-sum(counts[name].values()), name))[:3]
        if not everywhere:
            return "No story name: the data cards name none, and no person, group or place is named in every article"
        names = everywhere[0] if len(everywhere) == 1 else ", ".join(everywhere[:-1]) + " and " + everywhere[-1]
        return f"About {names} (named in every article; the data cards name no story)"

    @property
    def teacher_lists(self) -> TeacherLists:
        """How many of the teacher's facts and framing terms were found (see :class:`TeacherLists`)."""
        found_facts = {h.item for h in self.coverage if h.kind == "fact"}
        found_terms = {h.term for h in self.framing}
        return TeacherLists(len(self.facts), len(found_facts), len(self.terms), len(found_terms))

    def describe_pair(self, pair: AlignedQuote) -> str:
        """How one aligned pair compares, in plain words, naming the articles.

        >>> from widgets.corpus import load_corpus
        >>> c = load_corpus()
        >>> r = compare([c["blinken-diplomatic-cover"], c["presidents-meet-us-targets"]], entities=False, automatic=False)
        >>> r.describe_pair(r.pairs_with("rest and refit")[0])
        "presidents-meet-us-targets leaves out the end of blinken-diplomatic-cover's quote"
        """
        return describe_pair(pair, a_name=pair.a.file, b_name=pair.b.file)

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
        """The ``medialit compare --json`` object (the README lists every key)."""
        out = {
            "files": list(self.files),
            "aligned_quotes": [p.to_dict() for p in self.aligned],
            "coverage": self.coverage_table(),
            "framing": self.framing_table(),
            "story": self.story,
            "aligned_quote_descriptions": [self.describe_pair(p) for p in self.aligned],
            "teacher_lists": self.teacher_lists.to_dict(),
        }
        if self.reporting is not None:
            out.update(self.reporting.to_dict())
        if self.quoted is not None:
            out["quoted"] = self.quoted.to_dict()
        if self.word_choices is not None:
            out["word_choices"] = self.word_choices.to_dict()
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------------------------------
# compare()
# --------------------------------------------------------------------------------------------------
def compare(
    articles: Sequence,
    *,
    names: Sequence[str] | None = None,
    facts: Sequence[Fact] | None = None,
    terms: Sequence[FramingTerm] | None = None,
    entities: bool = True,
    paraphrases: bool = True,
    automatic: bool = True,
) -> Comparison:
    """Compare two or more articles: shared and missing reporting, who is quoted, word choice, aligned
    quotes, and the teacher's key facts and framing words.

    Args:
        articles: :class:`~widgets.corpus.Article` objects (e.g. ``[corpus["xi-invites-putin"], ...]``).
        names: what to call each article in the results (default: the article ids).
        facts: the key facts (default: ``data/facts.csv``; none if the file is not there).
        terms: the framing word choices (default: ``data/framing.csv``; none if the file is not there).
        entities: also count spaCy's people, organisations and places.
        paraphrases: also look for quotes reported without quotation marks in other articles.
        automatic: also build the tables that need no lists (``reporting``, ``quoted``,
            ``word_choices``); False leaves them None (faster).

    More in the module example.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                       id="a")
    >>> b = article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.", id="b")
    >>> result = compare([a, b], names=["Daily", "Herald"], facts=[], terms=[])
    >>> result.files, [(p.a.speaker, p.b.speaker, p.same_speaker) for p in result.aligned]
    (('Daily', 'Herald'), [('Maria Lopez', 'Tom Reyes', False)])
    >>> compare([a])
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: compare() needs at least two articles; it got 1. Fix: ...
    """
    articles = list(articles)
    if len(articles) < 2:
        raise KitError(f"compare() needs at least two articles; it got {len(articles)}.",
                       fix='Pass a list, e.g. compare([corpus["xi-invites-putin"], corpus["xi-meets-lukashenko"]]).')
    files = article_names(articles, names)
    facts = tuple(_optional(load_facts, FACTS_FILE) if facts is None else facts)
    terms = tuple(_optional(load_framing, FRAMING_FILE) if terms is None else terms)
    sides, reported, cov, fr = [], [], [], []
    found_quotes = {}
    for article, name in zip(articles, files):
        sentences = remember(article, "sentences", Sentences.of_text)  # a too-long article is named in the error
        quotes = found_quotes[name] = remember(article, "quotes", find_quotes)
        sides.extend(quote_sides(article, name=name, quotes=quotes))
        if paraphrases:
            reported.extend(remember(article, "reported", lambda a: reported_speech(
                a, name=name, quotes=quotes, sentences=sentences), name))
        cov.extend(remember(article, "facts", lambda a: find_facts(a, facts=facts, name=name, sentences=sentences),
                            name, facts))
        if entities:
            cov.extend(remember(article, "entities", lambda a: find_entities(a, name=name), name))
        spans = [(q.start, q.end) for q in quotes if q.kind != "scare"]
        fr.extend(remember(article, "framing", lambda a: find_framing(
            a, terms=terms, name=name, sentences=sentences, quoted=spans), name, terms))
    cov = merge_short_names(cov)
    sides, reported = one_name_per_speaker(sides, reported)
    aligned = align_quotes(sides)
    if paraphrases:
        weights = rarity_weights([r.unquoted for r in reported] + [q.text for q in sides])
        aligned += find_paraphrases(sides, reported, aligned=aligned, weights=weights)
    order = {f: i for i, f in enumerate(files)}
    aligned.sort(key=lambda p: (order[p.a.file], p.a.start, order[p.b.file], p.b.start))
    reporting = quoted = choices = None
    if automatic:
        from .loaded import find_loaded
        from .nlp import parse
        from .quoted import who_is_quoted
        from .statements import match_statements
        from .wordchoice import find_word_choices

        reporting = match_statements(articles, names=files)
        quoted = who_is_quoted(articles, names=files, quotes=found_quotes)
        loaded = {name: remember(a, "loaded", lambda a, q=found_quotes[name]: find_loaded(parse(a), quotes=q))
                  for a, name in zip(articles, files)}
        choices = find_word_choices(articles, names=files, reporting=reporting, loaded=loaded)
    return Comparison(files, tuple(aligned), tuple(cov), tuple(fr), facts, terms, reporting, quoted, choices,
                      story_name(articles))


def _optional(load, filename: str) -> tuple:
    """A teacher's story-specific list, or nothing when its file is not in the data folder."""
    return load() if data_path(filename).exists() else ()


__all__ = ["Comparison", "SPEECH_VERBS", "TeacherLists", "compare", "quote_sides", "reported_speech"]
