"""Word choice for the same thing: the different words articles use for the same person, group, place
or event, found from the texts themselves (no topic word list).

Three kinds of evidence, each a :class:`WordChoice` with every use and where it is:

- ``"same statement"``: two articles report the same statement (:mod:`widgets.statements`) and, with
  the words around it the same, one writes "protesters" where the other writes "rioters". The words
  of the two sentences are lined up with rapidfuzz (:func:`rapidfuzz.distance.Levenshtein.opcodes`
  over the words' dictionary forms); a changed noun or adjective with the same words before or after
  it is a word choice.
- ``"description"``: the words an article puts beside a name spaCy recognises: a title or label before
  it ("President Xi", "dictator Xi"), an apposition ("Xi, China's leader") or a group noun it owns
  ("Putin's regime", "Putin's government").
- ``"name"``: the same person, group or place named in ways that are not just longer or shorter
  ("Kiev" and "Kyiv", "U.S." and "America"; names are joined by ``data/entities.csv`` and
  ``data/speakers.csv``).

Every use is checked against the loaded-language highlighter (:func:`widgets.loaded.find_loaded`):
a loaded word is flagged with the highlighter's explanation.

>>> from widgets.corpus import article_from_text
>>> a = article_from_text("Hundreds of protesters gathered outside the town hall in Leeds on Saturday.", id="a")
>>> b = article_from_text("Hundreds of rioters gathered outside the town hall in Leeds on Saturday.", id="b")
>>> [(c.kind, c.terms()) for c in find_word_choices([a, b]).items]
[('same statement', {'a': ['protesters'], 'b': ['rioters']})]
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from .errors import KitError
from .stories import article_names
from .wording import did_you_mean, shorten

KINDS = ("same statement", "description", "name")
#: Entity labels whose descriptions and names are compared.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
#: Parts of speech that can be a word choice for a thing (names are not: "Putin" and "Xi" are two people).
_CHOICE_POS = frozenset({"NOUN", "ADJ"})
#: Nouns for the body that rules a person, party or country: "Putin's regime", "Russia's government".
RULING_NOUNS = frozenset({"government", "regime", "administration", "leadership", "junta", "authority",
                          "authorities", "dictatorship", "cabinet", "rulers", "state"})
#: Longest run of changed words (on either side) still read as one word choice.
MAX_CHANGED = 3
#: Words beside a name that are not descriptions of it.
_NOT_DESCRIPTIONS = frozenset({"mr", "mrs", "ms", "dr", "the", "s"})


@dataclass(frozen=True)
class TermUse:
    """One use of a word for the thing: where it is and the sentence around it; ``loaded`` is True
    when the highlighter marks it, with its ``category`` and ``explanation``."""

    file: str
    term: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    loaded: bool = False
    category: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class WordChoice:
    """Different words for one thing across articles.

    ``thing`` says what the words are for ("Vladimir Putin", or the statement they appear in);
    ``kind`` is one of :data:`KINDS`; ``uses`` every use, in article order.
    """

    thing: str
    kind: str
    uses: tuple[TermUse, ...]

    def terms(self) -> dict[str, list[str]]:
        """``{file: [words it uses]}``, each word once, in the order first used."""
        out: dict[str, list[str]] = {}
        for u in self.uses:
            words = out.setdefault(u.file, [])
            if u.term not in words:
                words.append(u.term)
        return out

    @property
    def loaded(self) -> tuple[TermUse, ...]:
        """The uses the loaded-language highlighter marks."""
        return tuple(u for u in self.uses if u.loaded)

    def describe(self, *, names: Mapping[str, str] | None = None) -> str:
        """The choice in plain words (``names`` maps article names to shorter labels).

        >>> c = WordChoice("the group", "same statement", (TermUse("a", "protesters", 0, 10, 0, 20),
        ...                TermUse("b", "rioters", 0, 7, 0, 20, True, "loaded_language", "Makes them sound violent.")))
        >>> print(c.describe())
        the group: a says “protesters”; b says “rioters” (loaded: Makes them sound violent.)
        """
        parts = []
        for file, terms in self.terms().items():
            shown = []
            for term in terms:
                flag = next((u for u in self.uses if u.file == file and u.term == term and u.loaded), None)
                shown.append(f"“{term}”" + (f" (loaded: {flag.explanation})" if flag else ""))
            parts.append(f"{(names or {}).get(file, file)} says {', '.join(shown)}")
        return f"{self.thing}: " + "; ".join(parts)

    def to_dict(self) -> dict:
        """The choice as a plain dict (``medialit compare --json``)."""
        return {"thing": self.thing, "kind": self.kind, "terms": self.terms(), "description": self.describe(),
                "uses": [asdict(u) for u in self.uses]}


@dataclass(frozen=True)
class WordChoices:
    """The result of :func:`find_word_choices`: ``items`` (most articles first, then loaded ones)."""

    files: tuple[str, ...]
    items: tuple[WordChoice, ...]

    def of_kind(self, kind: str) -> tuple[WordChoice, ...]:
        """Only the choices of one kind (see :data:`KINDS`)."""
        if kind not in KINDS:
            raise KitError(f'"{kind}" is not a kind of word choice.{did_you_mean(kind, KINDS)}',
                           fix=f"Use one of: {', '.join(KINDS)}.")
        return tuple(c for c in self.items if c.kind == kind)

    @property
    def loaded(self) -> tuple[WordChoice, ...]:
        """The choices where at least one word is loaded language."""
        return tuple(c for c in self.items if c.loaded)

    def to_dict(self) -> list[dict]:
        """The ``word_choices`` part of ``medialit compare --json``."""
        return [c.to_dict() for c in self.items]


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------
def _lemma(token) -> str:
    return (token.lemma_ or token.lower_).lower().replace("’", "'")


def _tokens(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = span if span is not None else [t for t in doc if start <= t.idx < end]
    return [t for t in tokens if start <= t.idx < end and not t.is_space and not t.is_punct]


def _span_text(raw: str, tokens: Sequence) -> tuple[int, int, str]:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return start, end, raw[start:end]


def _flag(use: TermUse, loaded: Sequence) -> TermUse:
    for m in loaded:
        if m.start < use.end and use.start < m.end:
            return TermUse(use.file, use.term, use.start, use.end, use.sentence_start, use.sentence_end,
                           True, m.category, m.explanation)
    return use


# --------------------------------------------------------------------------------------------------
# 1. Different words in the same statement
# --------------------------------------------------------------------------------------------------
def _choice(token) -> bool:
    return token.pos_ in _CHOICE_POS and not token.like_num and not token.is_stop and token.ent_type_ in ("", "NORP")


def substitutions(doc_a, a_span: tuple[int, int], doc_b, b_span: tuple[int, int]) -> list[tuple[list, list]]:
    """The words that one sentence changes for another when the words around them stay the same:
    [(tokens of a, tokens of b)], nouns and adjectives only, at most :data:`MAX_CHANGED` words a side.

    >>> from widgets.nlp import parse
    >>> a, b = parse("Police arrested ten protesters near the bank."), parse("Police arrested ten rioters near the bank.")
    >>> [([t.text for t in x], [t.text for t in y]) for x, y in substitutions(a, (0, len(a.text)), b, (0, len(b.text)))]
    [(['protesters'], ['rioters'])]
    """
    ta, tb = _tokens(doc_a, *a_span), _tokens(doc_b, *b_span)
    la, lb = [_lemma(t) for t in ta], [_lemma(t) for t in tb]
    ops = list(Levenshtein.opcodes(la, lb))
    out = []
    for k, op in enumerate(ops):
        if op.tag != "replace":
            continue
        xa, xb = ta[op.src_start:op.src_end], tb[op.dest_start:op.dest_end]
        if len(xa) > MAX_CHANGED or len(xb) > MAX_CHANGED:
            continue
        before = ta[ops[k - 1].src_start:ops[k - 1].src_end] if k > 0 and ops[k - 1].tag == "equal" else None
        after = ta[ops[k + 1].src_start:ops[k + 1].src_end] if k + 1 < len(ops) and ops[k + 1].tag == "equal" else None
        at_start, at_end = op.src_start == 0 and op.dest_start == 0, op.src_end == len(ta) and op.dest_end == len(tb)
        context = (before or []) + (after or [])
        if not ((before or at_start) and (after or at_end)) or sum(not t.is_stop for t in context) < 2:
            continue  # the words around the change must be the same on both sides
        xa = [t for t in xa if _choice(t)]
        xb = [t for t in xb if _choice(t)]
        if not xa or not xb or {_lemma(t) for t in xa} == {_lemma(t) for t in xb}:
            continue
        out.append((xa, xb))
    return out


def _statement_choices(reporting, docs: Mapping[str, object], raws: Mapping[str, str]) -> list[WordChoice]:
    number_of = {}
    for s in reporting.statements:
        for sent in s.sentences:
            number_of[(sent.file, sent.start)] = s
    groups: list[tuple[object, list[TermUse]]] = []
    for m in reporting.matches:
        for xa, xb in substitutions(docs[m.a.file], (m.a.start, m.a.end), docs[m.b.file], (m.b.start, m.b.end)):
            statement = number_of[(m.a.file, m.a.start)]
            uses = []
            for sent, tokens in ((m.a, xa), (m.b, xb)):
                start, end, text = _span_text(raws[sent.file], tokens)
                uses.append(TermUse(sent.file, text, start, end, sent.start, sent.end))
            for key, existing in groups:
                if key is statement and any(u.term.lower() == e.term.lower() for u in uses for e in existing):
                    existing.extend(u for u in uses if (u.file, u.start) not in {(e.file, e.start) for e in existing})
                    break
            else:
                groups.append((statement, uses))
    out = []
    for statement, uses in groups:
        thing = f"in the statement “{shorten(statement.text, 90)}”"
        out.append(WordChoice(thing, "same statement", tuple(uses)))
    return out


# --------------------------------------------------------------------------------------------------
# 2 and 3. Descriptions and names of the same entity
# --------------------------------------------------------------------------------------------------
def _comma_between(a, b) -> bool:
    """True when a comma sits between two tokens and nothing but it separates the phrases ("Xi, China's leader")."""
    lo, hi = sorted((a, b), key=lambda t: t.i)
    between = lo.doc[lo.right_edge.i + 1 if lo.right_edge.i < hi.left_edge.i else lo.i + 1:hi.left_edge.i]
    return len(between) == 1 and between[0].text == ","


def _descriptors(ent) -> list:
    """Tokens that describe an entity: titles and labels before it, appositions, group nouns it owns."""
    root = ent.root
    inside = set(range(ent.start, ent.end))
    out = []
    for child in root.children:
        if child.i in inside or child.ent_type_:
            continue
        if child.dep_ in ("compound", "amod", "nmod") and child.i < ent.start and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(child)  # a title or label before the name: "dictator Xi"
        elif child.dep_ == "appos" and child.pos_ == "NOUN" and _comma_between(root, child):
            out.append(child)  # "Xi, China's leader"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_ and _comma_between(root.head, root):
        out.append(root.head)  # "China's leader, Xi"
    if root.dep_ == "poss" and root.head.pos_ == "NOUN" and _lemma(root.head) in RULING_NOUNS:
        out.append(root.head)  # "Putin's regime"
    return [t for t in out if _lemma(t).strip(".") not in _NOT_DESCRIPTIONS and not t.like_num]


def _form(text: str) -> str:
    """A name as written, without "the" and a possessive ending ("the Kremlin's" -> "Kremlin")."""
    import re

    text = " ".join(text.replace("’", "'").split())
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"^(?:the|The)\s+", "", text).strip(" ,;:'\"“”")


def _same_form(a: str, b: str) -> bool:
    """Two ways of writing a name that are not a choice: case, dots, a longer or shorter form, initials."""
    fa, fb = a.replace(".", "").casefold(), b.replace(".", "").casefold()
    if fa in fb or fb in fa:
        return True
    for short, long in ((fa, fb), (fb, fa)):
        if " " not in short and "".join(w[0] for w in long.split() if w[0].isalnum()) == short:
            return True
    return False


def _entity_choices(articles, files, docs) -> list[WordChoice]:
    from .coverage import entity_mentions

    described: dict[str, list[tuple[str, object]]] = {}  # entity -> [(file, token)]
    named: dict[str, list[TermUse]] = {}
    shorter: dict[str, str] = {}
    names: dict[str, str] = {}  # mention -> entity, looked up once
    for article, name in zip(articles, files):
        for ent, item in entity_mentions(article, docs[name], labels=ENTITY_LABELS, names=names):
            sent = ent.sent
            form = _form(ent.text)
            named.setdefault(item, []).append(TermUse(name, form, ent.start_char, ent.end_char, sent.start_char, sent.end_char))
            for token in _descriptors(ent):
                described.setdefault(item, []).append((name, token))
    # one name per person: "Nixon" counted as "Richard Nixon" when one full name ends with it
    full: dict[str, set[str]] = {}
    for item in named:
        if " " in item:
            full.setdefault(item.split()[-1], set()).add(item)
    for item in list(named):
        if " " not in item and len(full.get(item, ())) == 1:
            shorter[item] = next(iter(full[item]))
    for item, target in shorter.items():
        named.setdefault(target, []).extend(named.pop(item))
        described.setdefault(target, []).extend(described.pop(item, []))

    out = []
    for item, pairs in described.items():
        by_file: dict[str, set[str]] = {}
        for file, token in pairs:
            by_file.setdefault(file, set()).add(_lemma(token))
        if len(by_file) < 2:
            continue
        every = set.union(*by_file.values())
        if all(words == every for words in by_file.values()):
            continue
        uses = []
        for file, token in pairs:
            sent = token.sent
            uses.append(TermUse(file, token.text, token.idx, token.idx + len(token), sent.start_char, sent.end_char))
        out.append(WordChoice(item, "description", tuple(sorted(uses, key=lambda u: (files.index(u.file), u.start)))))
    for item, uses in named.items():
        forms: dict[str, set[str]] = {}
        for u in uses:
            forms.setdefault(u.file, set()).add(u.term)
        if len(forms) < 2:
            continue
        everyone = sorted({f for fs in forms.values() for f in fs}, key=len, reverse=True)
        distinct: list[str] = []
        for f in everyone:
            if not any(_same_form(f, g) for g in distinct):
                distinct.append(f)
        if len(distinct) < 2:
            continue
        keep = [u for u in uses if any(_same_form(u.term, d) for d in distinct)]
        if len({u.file for u in keep}) < 2:
            continue
        out.append(WordChoice(item, "name", tuple(sorted(keep, key=lambda u: (files.index(u.file), u.start)))))
    return out


# --------------------------------------------------------------------------------------------------
# The whole search
# --------------------------------------------------------------------------------------------------
def find_word_choices(
    articles: Sequence,
    *,
    names: Sequence[str] | None = None,
    reporting=None,
    loaded: Mapping[str, Sequence] | None = None,
) -> WordChoices:
    """Different words the articles use for the same person, group, place or event.

    Args:
        articles: :class:`~widgets.corpus.Article` objects.
        names: what to call each article (default: the article ids).
        reporting: the matched statements (:func:`widgets.statements.match_statements`; found if None).
        loaded: ``{name: highlights}`` from :func:`widgets.loaded.find_loaded` (found if None).

    More in the module example.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("The regime of Vladimir Putin said on Monday that the talks in Minsk had failed.", id="a")
    >>> b = article_from_text("The government of Vladimir Putin said on Monday that the talks in Minsk had failed.",
    ...                       id="b")
    >>> choices = find_word_choices([a, b], names=["Daily", "Herald"])
    >>> [(c.kind, c.terms(), [use.term for use in c.loaded]) for c in choices.items]
    [('same statement', {'Daily': ['regime'], 'Herald': ['government']}, ['regime'])]
    """
    from .loaded import find_loaded
    from .nlp import parse
    from .statements import match_statements

    articles = list(articles)
    files = article_names(articles, names, what="find_word_choices()")
    if reporting is None:
        reporting = match_statements(articles, names=files)
    docs = {name: parse(a) for a, name in zip(articles, files)}
    raws = {name: a.raw for a, name in zip(articles, files)}
    items = _statement_choices(reporting, docs, raws) + _entity_choices(articles, files, docs)
    if loaded is None:
        loaded = {name: find_loaded(docs[name]) for name in files}
    flagged = []
    for c in items:
        uses = tuple(_flag(u, loaded.get(u.file, ())) for u in c.uses)
        flagged.append(WordChoice(c.thing, c.kind, uses))
    flagged.sort(key=lambda c: (KINDS.index(c.kind), -len({u.file for u in c.uses}), not c.loaded, c.thing.casefold()))
    return WordChoices(files, tuple(flagged))


__all__ = ["ENTITY_LABELS", "KINDS", "MAX_CHANGED", "TermUse", "WordChoice", "WordChoices", "find_word_choices",
           "substitutions"]
