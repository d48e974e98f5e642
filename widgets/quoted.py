"""Who gets quoted: per article, each speaker's share of the quotes and of the quoted words, by side when
the speaker table knows it, and the speakers one article quotes and the others do not.

Quotes come from :func:`widgets.quotes.find_quotes` (scare quotes are left out: nobody is quoted).
A quote with no speaker counts for "unknown speaker". The same person named differently in two
articles ("Christopher Hale", "Chris Hale", "Hale") is counted as one speaker when the surnames
match and the first names fit (:func:`same_person`); titles such as "President" or "Coach", and
words in small letters before a name ("board chair"), are dropped first. The side comes from ``data/speakers.csv``; a speaker it does not list
is on the side "not in the speaker table".

>>> from widgets.corpus import article_from_text
>>> a = article_from_text('“We will rebuild the bridge by May,” said Mayor Ana Lopes. “It is safe,” Lopes added.', id="a")
>>> b = article_from_text('“The bridge was never safe,” said engineer Tom Reyes.', id="b")
>>> v = who_is_quoted([a, b])
>>> [(s.file, s.speaker, s.quotes, s.words) for s in v.speakers]
[('a', 'Ana Lopes', 2, 10), ('b', 'Tom Reyes', 1, 5)]
>>> v.only_quoted_by()
{'a': ['Ana Lopes'], 'b': ['Tom Reyes']}
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Mapping, Sequence

from .align import words
from .errors import KitError
from .stories import article_names
from .wording import did_you_mean

#: What a quote with no speaker counts for.
UNKNOWN_SPEAKER = "unknown speaker"
#: Words before a name that are titles or jobs, not first names ("Coach Chris Hale"). Words in small
#: letters before a name ("board chair Ana Lopes") are never first names either.
TITLE_WORDS = frozenset("""
    mr mrs ms miss dr prof professor sir dame lord lady president vice premier prime minister secretary
    state foreign defence defense interior spokesman spokeswoman spokesperson leader chairman chairwoman
    chair chief director administrator commander captain capt general gen colonel col lieutenant lt
    sergeant sgt officer astronaut astronauts senator sen representative rep congressman congresswoman
    governor gov mayor judge justice ambassador envoy ceo king queen prince princess pope bishop
    rev reverend father sister brother coach minister official officials councillor councilor councilman
    councilwoman alderman mp lawmaker deputy inspector detective chancellor u.s. us uk eu un nasa
""".split())


@dataclass(frozen=True)
class SpeakerShare:
    """One speaker in one article: how many quotes and quoted words, and their share of the article's
    (0-1); ``side`` from the speaker table; ``spans`` the (start, end) offsets of the quotes."""

    file: str
    speaker: str
    quotes: int
    words: int
    quote_share: float
    word_share: float
    side: str
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict:
        """The row as a plain dict (``medialit compare --json``)."""
        out = asdict(self)
        out["spans"] = [list(s) for s in self.spans]
        return out


@dataclass(frozen=True)
class SideShare:
    """One side in one article: its quotes, quoted words and share of the quoted words (0-1)."""

    file: str
    side: str
    quotes: int
    words: int
    word_share: float


@dataclass(frozen=True)
class QuotedVoices:
    """The result of :func:`who_is_quoted`: ``speakers`` (per article, most quoted words first) and
    ``sides`` (per article, the same by side)."""

    files: tuple[str, ...]
    speakers: tuple[SpeakerShare, ...]
    sides: tuple[SideShare, ...]

    def for_file(self, file: str) -> tuple[SpeakerShare, ...]:
        """The speakers of one article, most quoted words first."""
        if file not in self.files:
            raise KitError(f'"{file}" is not one of the compared articles.{did_you_mean(file, self.files)}',
                           fix=f"Use one of: {', '.join(self.files)}.")
        return tuple(s for s in self.speakers if s.file == file)

    def only_quoted_by(self) -> dict[str, list[str]]:
        """For each article, the named speakers it quotes and no other article quotes."""
        where: dict[str, set[str]] = {}
        for s in self.speakers:
            if s.speaker != UNKNOWN_SPEAKER:
                where.setdefault(s.speaker, set()).add(s.file)
        return {f: [s.speaker for s in self.for_file(f) if s.speaker != UNKNOWN_SPEAKER and where[s.speaker] == {f}]
                for f in self.files}

    def table(self, *, measure: str = "words") -> dict[str, dict[str, int]]:
        """``{speaker: {file: quoted words}}`` (or ``measure="quotes"``), 0 where an article does not quote them."""
        if measure not in ("words", "quotes"):
            raise KitError(f'measure is "{measure}".', fix='Use "words" or "quotes".')
        out: dict[str, dict[str, int]] = {}
        for s in self.speakers:
            out.setdefault(s.speaker, {f: 0 for f in self.files})[s.file] = getattr(s, measure)
        return out

    def to_dict(self) -> dict:
        """The ``quoted`` part of ``medialit compare --json``."""
        return {
            "speakers": [s.to_dict() for s in self.speakers],
            "sides": [asdict(s) for s in self.sides],
            "only_quoted_by": self.only_quoted_by(),
        }


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------
def _parts(name: str) -> tuple[tuple[str, ...], str]:
    """(given names, surname) of a name, titles and words in small letters before it dropped:
    "Coach Chris Hale" -> (("Chris",), "Hale"), "board chair Ana Lopes" -> (("Ana",), "Lopes")."""
    tokens = [t for t in re.split(r"\s+", name.replace("’", "'").strip()) if t]
    while len(tokens) > 1 and (tokens[0].strip(".,").lower() in TITLE_WORDS or tokens[0][:1].islower()):
        tokens = tokens[1:]
    if not tokens:
        return (), ""
    return tuple(tokens[:-1]), re.sub(r"'s?$", "", tokens[-1])


def _fits(a: str, b: str) -> bool:
    a, b = a.strip(".").lower(), b.strip(".").lower()
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def same_person(a: str, b: str) -> bool:
    """True when two speaker names can be the same person: the same surname, and first names that fit
    ("Chris" and "Christopher") or a name with no first name ("Hale"). Titles are ignored.

    >>> same_person("Christopher Hale", "Coach Chris Hale"), same_person("Ana Lopes", "Rui Lopes")
    (True, False)
    >>> same_person("Margit Ashdown", "board chair Margit Ashdown")
    True
    """
    (ga, sa), (gb, sb) = _parts(a), _parts(b)
    if not sa or sa.lower() != sb.lower():
        return False
    return not ga or not gb or _fits(ga[0], gb[0])


def merge_speakers(names: Sequence[str], *, keep: frozenset | set = frozenset()) -> dict[str, str]:
    """Map every speaker name to one name per person (see :func:`same_person`): a name in ``keep``
    (the speaker table's names) if the person has one, else the form with the shortest first name,
    then the most used, titles dropped. A surname alone is merged only when one person has it.

    >>> merge_speakers(["Christopher Hale", "Hale", "Coach Hale", "Ana Lopes"])["Coach Hale"]
    'Christopher Hale'
    """
    counts = Counter(names)
    by_surname: dict[str, list[str]] = {}
    for n in counts:
        _, surname = _parts(n)
        by_surname.setdefault(surname.lower(), []).append(n)
    out = {n: n for n in counts}
    for surname, group in by_surname.items():
        if not surname:
            continue
        full = [n for n in group if _parts(n)[0]]
        people: list[list[str]] = []
        for n in sorted(full, key=lambda n: (-counts[n], n)):
            for person in people:
                if all(same_person(n, m) for m in person):
                    person.append(n)
                    break
            else:
                people.append([n])
        bare = [n for n in group if not _parts(n)[0]]
        if len(people) == 1:
            people[0].extend(bare)
        elif not people and bare:
            people = [bare]
        for person in people:
            kept = [n for n in person if n in keep]
            if kept:
                canonical = max(kept, key=lambda n: counts[n])
            else:
                best = max(person, key=lambda n: (bool(_parts(n)[0]), -len(_parts(n)[0][0]) if _parts(n)[0] else 0,
                                                  counts[n], n))
                given, last = _parts(best)
                canonical = " ".join((*given, last)) if last else best
            for n in person:
                out[n] = canonical
    return out


# --------------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------------
def who_is_quoted(
    articles: Sequence,
    *,
    names: Sequence[str] | None = None,
    quotes: Mapping[str, Sequence] | None = None,
    speakers=None,
) -> QuotedVoices:
    """Count who is quoted in each article, by speaker and by side.

    Args:
        articles: :class:`~widgets.corpus.Article` objects.
        names: what to call each article (default: the article ids).
        quotes: ``{name: quotes}`` already found with :func:`widgets.quotes.find_quotes` (found here if None).
        speakers: the speaker table for the sides (default: ``data/speakers.csv``; a missing or broken
            table leaves every side "not in the speaker table").

    More in the module example.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the bridge by May,” said Maria Lopez. “Soon,” Kirby said.",
    ...                       id="a")
    >>> v = who_is_quoted([a], names=["Daily"])
    >>> [(s.file, s.speaker, s.words, s.word_share, s.side) for s in v.speakers]
    [('Daily', 'Maria Lopez', 7, 0.875, 'not in the speaker table'), ('Daily', 'John Kirby', 1, 0.125, 'US and allies')]
    """
    from .quotes import find_quotes
    from .speakers import NOT_IN_TABLE, SpeakerTable, load_speakers

    articles = list(articles)
    files = article_names(articles, names, what="who_is_quoted()")
    if speakers is None:
        try:
            speakers = load_speakers()
        except KitError:
            speakers = SpeakerTable(())
    found: list[tuple[str, str, int, int, int]] = []  # (file, speaker, words, start, end)
    for article, name in zip(articles, files):
        qs = quotes[name] if quotes is not None and name in quotes else find_quotes(article)
        for q in qs:
            if q.kind == "scare" or not article.in_body(q.start, q.end):
                continue
            found.append((name, q.speaker or UNKNOWN_SPEAKER, len(words(q.text)), q.start, q.end))
    merged = merge_speakers([f[1] for f in found if f[1] != UNKNOWN_SPEAKER], keep=set(speakers.names))
    rows, sides = [], []
    for name in files:
        mine = [(merged.get(s, s), w, st, en) for f, s, w, st, en in found if f == name]
        total_q, total_w = len(mine), sum(m[1] for m in mine)
        per: dict[str, list] = {}
        for speaker, w, st, en in mine:
            per.setdefault(speaker, []).append((w, st, en))
        side_count: dict[str, list[int]] = {}
        article_rows = []
        for speaker, items in per.items():
            n_words = sum(i[0] for i in items)
            side = speakers.side_of(speaker) if speaker != UNKNOWN_SPEAKER else NOT_IN_TABLE
            article_rows.append(SpeakerShare(name, speaker, len(items), n_words, round(len(items) / total_q, 3),
                                             round(n_words / total_w, 3) if total_w else 0.0, side,
                                             tuple((st, en) for _, st, en in items)))
            count = side_count.setdefault(side, [0, 0])
            count[0] += len(items)
            count[1] += n_words
        article_rows.sort(key=lambda r: (-r.words, -r.quotes, r.speaker == UNKNOWN_SPEAKER, r.speaker))
        rows.extend(article_rows)
        for side, (q, w) in sorted(side_count.items(), key=lambda kv: (-kv[1][1], kv[0])):
            sides.append(SideShare(name, side, q, w, round(w / total_w, 3) if total_w else 0.0))
    return QuotedVoices(files, tuple(rows), tuple(sides))


__all__ = ["QuotedVoices", "SideShare", "SpeakerShare", "TITLE_WORDS", "UNKNOWN_SPEAKER", "merge_speakers",
           "same_person", "who_is_quoted"]
