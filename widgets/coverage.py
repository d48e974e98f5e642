"""Coverage: which key facts, people, organisations and places each article mentions, and where.

Two kinds of item:

- **facts**: the teacher-editable list in ``data/facts.csv`` (one row per fact, with the phrases that
  count as mentioning it, separated by ``;``; a phrase ending in ``*`` also matches longer words:
  ``sanction*`` finds "sanctions"),
- **entities**: the people, organisations and places spaCy finds, each mapped to one name with
  ``data/speakers.csv`` and ``data/entities.csv`` ("Xi", "President Xi" -> "Xi Jinping"). Without a
  spaCy model (blank pipeline) there are no entities, only facts.

What an outlet leaves out is a zero in :func:`coverage_table`.

>>> from widgets.corpus import article_from_text
>>> a = article_from_text("The ICC issued an arrest warrant. Sanctions followed.", id="toy")
>>> facts = [Fact("ICC warrant", ("ICC", "arrest warrant*")), Fact("Sanctions", ("sanction*",))]
>>> [(h.item, h.text) for h in find_facts(a, facts=facts)]
[('ICC warrant', 'ICC'), ('ICC warrant', 'arrest warrant'), ('Sanctions', 'Sanctions')]
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from .datafiles import Table, data_path, load, split_cell
from .errors import MetadataError
from .nlp import as_doc, parse
from .speakers import load_speakers_or_warn
from .text import squash_spaces, straighten_quotes

FACTS_FILE = "facts.csv"
ENTITIES_FILE = "entities.csv"
#: Columns of the two files (the first two of each are required).
FACT_COLUMNS = ("fact", "patterns", "note")
ENTITY_COLUMNS = ("name", "aliases", "note")
#: spaCy entity labels counted as people, organisations and places.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC")


@dataclass(frozen=True)
class Fact:
    """A key fact of the story and the phrases that count as mentioning it."""

    name: str
    patterns: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class CoverageHit:
    """One mention of a fact or entity: ``kind`` is "fact" or "entity"; ``file`` the article's name;
    ``start``/``end`` offsets of the words; ``sentence_start``/``sentence_end`` the sentence around them.
    """

    item: str
    kind: str
    file: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int


# --------------------------------------------------------------------------------------------------
# Phrases -> regular expressions
# --------------------------------------------------------------------------------------------------
_SPACE = r"[\s\u00a0\u202f]+"
_APOS = "['’‘ʼ]"
_HYPHEN = r"[-‐‑–\s\u00a0\u202f]?"


def phrase_pattern(phrase: str) -> str:
    """A case-insensitive regular expression for a teacher's phrase: any spaces, straight or curly
    apostrophes, optional hyphens ("cease-fire" also finds "ceasefire"); a final ``*`` matches longer words.

    >>> bool(re.search(phrase_pattern("cease-fire"), "a ceasefire now", re.I))
    True
    >>> bool(re.search(phrase_pattern("war"), "warfare", re.I)), bool(re.search(phrase_pattern("sanction*"), "sanctions", re.I))
    (False, True)
    """
    phrase = phrase.strip()
    wildcard = phrase.endswith("*")
    phrase = phrase.rstrip("*").strip()
    parts = []
    for ch in phrase:
        if ch.isspace():
            if not parts or parts[-1] != _SPACE:
                parts.append(_SPACE)
        elif ch in "'’‘ʼ":
            parts.append(_APOS)
        elif ch in "-‐‑–":
            parts.append(_HYPHEN)
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    tail = r"\w*" if wildcard else r"(?!\w)"
    return rf"(?<!\w){body}{tail}"


def load_facts(path: str | os.PathLike | None = None) -> tuple[Fact, ...]:
    """The key facts from ``data/facts.csv`` (columns ``fact``, ``patterns``, ``note``); read again when
    the file changes.

    >>> facts = load_facts()
    >>> "Taiwan" in [f.name for f in facts]
    True
    """
    return load(data_path(FACTS_FILE, path), _facts_from_table, what="list of key facts",
                required=FACT_COLUMNS[:2], known=FACT_COLUMNS)


def _facts_from_table(table: Table) -> tuple[Fact, ...]:
    facts = []
    for row in table.rows:
        name, patterns = row["fact"], split_cell(row["patterns"])
        if not name and not patterns:
            continue
        if not name or not patterns:
            raise MetadataError("This row needs both a fact and at least one pattern.",
                                fix='Fill in both cells, e.g. "Taiwan" and "Taiwan".', where=f"{table.where}, line {row.line}")
        facts.append(Fact(name, patterns, row["note"]))
    return tuple(facts)


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------
class Sentences:
    """Sentence boundaries of a text (from spaCy), to say which sentence an offset is in.

    >>> s = Sentences.of_text("One. Two here.")
    >>> s.around(6)
    (5, 14)
    """

    def __init__(self, bounds: Sequence[tuple[int, int]]) -> None:
        self.bounds = list(bounds)
        self._starts = [b[0] for b in self.bounds]

    @classmethod
    def of_text(cls, text) -> "Sentences":
        """Split ``text`` (a str or an Article) with the kit's pipeline (cached)."""
        doc = parse(text)
        return cls([(s.start_char, s.end_char) for s in doc.sents])

    def around(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0 or not self.bounds:
            return (offset, offset)
        return self.bounds[i]


def _name_of(article) -> str:
    return getattr(article, "id", None) or "text"


def find_facts(article, *, facts: Sequence[Fact] | None = None, name: str | None = None,
               sentences: Sentences | None = None) -> list[CoverageHit]:
    """Every mention of each key fact in the article proper (not in site chrome or teasers).

    Args:
        article: a :class:`~widgets.corpus.Article`.
        facts: the facts to look for (default: ``data/facts.csv``).
        name: the name to give the article in the results (default: its id).

    More in the module example.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("New sanctions hit Moscow. The sanctions were expected.", id="toy")
    >>> [(h.item, h.text, h.file) for h in find_facts(a, facts=[Fact("Sanctions", ("sanction*",))], name="Daily")]
    [('Sanctions', 'sanctions', 'Daily'), ('Sanctions', 'sanctions', 'Daily')]
    """
    facts = load_facts() if facts is None else facts
    name = name or _name_of(article)
    raw, lo, hi = article.raw, article.body_start, article.body_end
    sentences = sentences or Sentences.of_text(raw)
    hits = []
    for fact in facts:
        rx = _compiled(fact.patterns)
        for m in rx.finditer(raw, lo, hi):
            s, e = sentences.around(m.start())
            hits.append(CoverageHit(fact.name, "fact", name, m.start(), m.end(), m.group(), s, e))
    hits.sort(key=lambda h: (h.start, h.item))
    return _drop_nested(hits)


def _drop_nested(hits: list[CoverageHit]) -> list[CoverageHit]:
    """Keep one hit per fact and place (e.g. "peace plan" inside "12-point peace plan")."""
    out: list[CoverageHit] = []
    for h in hits:
        if any(o.item == h.item and o.start <= h.start and h.end <= o.end for o in out):
            continue
        out = [o for o in out if not (o.item == h.item and h.start <= o.start and o.end <= h.end)]
        out.append(h)
    return out


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), re.IGNORECASE)


# --------------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------------
def _clean_mention(text: str) -> str:
    text = squash_spaces(straighten_quotes(text)).strip(" .,;:'\"")
    if "(" in text and ")" not in text:  # "Shanghai Cooperation Organization (SCO": spaCy cut the bracket
        text = text[: text.index("(")]
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text.strip()


def load_entities(path: str | os.PathLike | None = None) -> Mapping[str, str]:
    """The names in ``data/entities.csv``: each name and alias (cleaned, case-folded) -> the one name to
    count it under. Read again when the file changes; no file means no aliases.

    >>> load_entities()["usa"]
    'United States'
    """
    path = data_path(ENTITIES_FILE, path)
    if not path.exists() and not path.is_symlink():
        return MappingProxyType({})
    return load(path, _entities_from_table, what="list of entity names", required=ENTITY_COLUMNS[:2],
                known=ENTITY_COLUMNS)


def _entities_from_table(table: Table) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for row in table.rows:
        name = row["name"]
        if not name:
            continue
        out[name.casefold()] = name
        for alias in split_cell(row["aliases"]):
            out[_clean_mention(alias).casefold()] = name
    return MappingProxyType(out)


def normalise_entity(mention: str, *, entities_path: str | os.PathLike | None = None) -> str:
    """One name per entity: ``data/entities.csv`` first ("U.S." -> "United States"), then the speaker table
    ("Blinken" -> "Antony Blinken"); otherwise the mention without "the" and "'s".

    >>> normalise_entity("U.S."), normalise_entity("President Xi"), normalise_entity("the Kremlin’s")
    ('United States', 'Xi Jinping', 'Kremlin')
    """
    return _normalise(mention, load_entities(entities_path), load_speakers_or_warn())


def _normalise(mention: str, aliases: Mapping[str, str], speakers) -> str:
    cleaned = _clean_mention(mention)
    hit = aliases.get(cleaned.casefold())
    if hit:
        return hit
    speaker = speakers.lookup(cleaned)
    if speaker is not None and getattr(speaker, "type", "person") in ("person", "organisation"):
        return speaker.name
    return cleaned


def find_entities(article, *, name: str | None = None, labels: Sequence[str] = ENTITY_LABELS) -> list[CoverageHit]:
    """People, organisations and places spaCy finds in the article proper, one name each.

    Returns an empty list when the pipeline has no named-entity recogniser (blank fallback).

    >>> from widgets.corpus import article_from_text
    >>> hits = find_entities(article_from_text("Antony Blinken spoke in Kazakhstan. Blinken left.", id="toy"))
    >>> sorted({h.item for h in hits})
    ['Antony Blinken', 'Kazakhstan']
    """
    name = name or _name_of(article)
    doc = as_doc(article, what="find_entities()")[1]
    return [CoverageHit(item, "entity", name, ent.start_char, ent.end_char, ent.text, ent.sent.start_char,
                        ent.sent.end_char) for ent, item in entity_mentions(article, doc, labels=labels)]


def entity_mentions(article, doc, *, labels: Sequence[str] = ENTITY_LABELS, names: dict | None = None) -> list:
    """``[(entity span, its one name)]`` for the entities spaCy finds in the article proper (``doc`` is
    the article's parse), in text order; mentions with no letters are left out. ``names`` remembers
    each mention's name between calls (a dict to share; the tables are read per lookup).

    >>> from widgets.corpus import article_from_text
    >>> from widgets.nlp import parse
    >>> a = article_from_text("Antony Blinken spoke in Kazakhstan.", id="toy")
    >>> [(ent.text, item) for ent, item in entity_mentions(a, parse(a))]
    [('Antony Blinken', 'Antony Blinken'), ('Kazakhstan', 'Kazakhstan')]
    """
    if not doc.has_annotation("ENT_IOB"):
        return []
    names = {} if names is None else names
    aliases, speakers = load_entities(), load_speakers_or_warn()
    out = []
    for ent in doc.ents:
        if ent.label_ not in labels or not article.in_body(ent.start_char, ent.end_char):
            continue
        item = names.get(ent.text)
        if item is None:
            item = names[ent.text] = _normalise(ent.text, aliases, speakers)
        if item and any(c.isalpha() for c in item):
            out.append((ent, item))
    return out


def merge_short_names(hits: Sequence[CoverageHit]) -> list[CoverageHit]:
    """Count a one-word name ("Nixon") as the full name found elsewhere in the same hits ("Richard Nixon"),
    when exactly one full name ends with it.

    >>> h = [CoverageHit("Richard Nixon", "entity", "a", 0, 13, "Richard Nixon", 0, 20),
    ...      CoverageHit("Nixon", "entity", "b", 0, 5, "Nixon", 0, 9)]
    >>> [x.item for x in merge_short_names(h)]
    ['Richard Nixon', 'Richard Nixon']
    """
    full: dict[str, set[str]] = {}
    for h in hits:
        if h.kind == "entity" and " " in h.item:
            full.setdefault(h.item.split()[-1], set()).add(h.item)
    out = []
    for h in hits:
        names = full.get(h.item) if h.kind == "entity" and " " not in h.item else None
        if names and len(names) == 1:
            h = replace(h, item=next(iter(names)))
        out.append(h)
    return out


def coverage_table(hits: Iterable[CoverageHit], files: Sequence[str], *, items: Sequence[str] = ()) -> dict[str, dict[str, int]]:
    """``{item: {file: count}}`` with a 0 for every file that leaves the item out.

    ``items`` are listed first (and kept even when no file mentions them), then the rest by name.

    >>> h = [CoverageHit("Taiwan", "fact", "a", 0, 6, "Taiwan", 0, 10)]
    >>> coverage_table(h, ["a", "b"], items=["Taiwan", "Sanctions"])
    {'Taiwan': {'a': 1, 'b': 0}, 'Sanctions': {'a': 0, 'b': 0}}
    """
    table: dict[str, dict[str, int]] = {i: {f: 0 for f in files} for i in items}
    rest: dict[str, dict[str, int]] = {}
    for h in hits:
        row = table.get(h.item)
        if row is None:
            row = rest.setdefault(h.item, {f: 0 for f in files})
        if h.file in row:
            row[h.file] += 1
    for item in sorted(rest, key=str.casefold):
        table[item] = rest[item]
    return table


__all__ = [
    "CoverageHit",
    "ENTITY_LABELS",
    "Fact",
    "Sentences",
    "coverage_table",
    "entity_mentions",
    "find_entities",
    "find_facts",
    "load_entities",
    "load_facts",
    "merge_short_names",
    "normalise_entity",
    "phrase_pattern",
]
