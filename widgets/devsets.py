"""Development sets: read two hand-annotated news corpora, split them in two fixed halves, and score the
kit's quote spotter and loaded-language highlighter against them.

The corpora live outside the kit (``../shared/devsets/``, see its README) and are never shipped or needed
by a test; everything here takes their folder as an argument. Two sets:

- **PolNeAR** (``polnear-train/``): US election news with hand-annotated attributions (Source, Cue,
  Content) in BRAT standoff files. Measures quote recall, precision and speaker accuracy.
- **PTC** (``ptc-train/``): the Propaganda Techniques Corpus of SemEval-2020 task 11, spans labelled with
  14 techniques. Measures loaded language (and the other categories) with the task's span scoring.

Every accuracy figure is reported on two halves, fixed by file name (:func:`half_of`): the **tuning**
half, which may be read, inspected and learned from, and the **report** half, which may only be scored.

Scoring rules, in words (the functions below implement exactly these):

- *Words* (for speakers): lower-cased runs of ``[a-z0-9]``, minus pronouns, titles and function words
  (:func:`content_words`).
- *Direct quote* (gold): an annotated Content whose text starts and ends with a quotation mark
  (``"`` ``“`` ``”`` ``‘`` ``’``, or a doubled apostrophe ``''`` as in NYT files) and has 4+ words.
- *Found* (recall): the kit's quotes (any kind) that overlap the gold quote together cover at least half
  of its characters (letters and digits and punctuation, not spaces or quotation marks). The speaker
  judged is that of the found quote with the largest overlap.
- *Inside a content* (precision): a kit quote of 4+ words that is not a scare quote counts as right when
  at least half of its characters lie inside some annotated Content (of any attribution, direct or not).
- *Speaker right*: the kit's speaker shares a word with the annotated Source, or for a pronoun Source
  (``he``, ``she``, ``they``, ...) with the words of the person it refers to (``resolved_words`` in
  ``pronoun-sources.tsv``, from CoreNLP coreference). Only quotes whose Source is a name, a title or
  description, or a resolved pronoun are scored; an unknown speaker (``None``) is wrong.
- *Spans* (PTC): per article, overlapping spans are merged, then ``P = sum over predictions of
  |pred & gold| / |pred|`` divided by the number of predictions and ``R`` likewise over gold spans;
  ``F1 = 2PR / (P + R)`` (SemEval-2020 task 11, task SI).

>>> half_of("705035735"), half_of("706088110")
('tuning', 'report')
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .errors import KitError

TUNING = "tuning"
REPORT = "report"
HALVES = (TUNING, REPORT)


def half_of(name: str) -> str:
    """Which half an article belongs to: ``"tuning"`` when the SHA-1 of its name is even, else ``"report"``.

    ``name`` is the PolNeAR file stem (no annotator, no ``.txt``) or the PTC article id (digits only).
    This is the one split every measurement uses: tune on one half, report on the other.

    >>> half_of("705035735"), half_of("706088110")
    ('tuning', 'report')
    """
    return TUNING if int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 == 0 else REPORT


def _check_half(half: str | None) -> None:
    if half is not None and half not in HALVES:
        raise KitError(f"Unknown half {half!r}.", fix=f"Use one of {', '.join(HALVES)}, or None for both.")


# --------------------------------------------------------------------------------------------------
# Words, as the devsets README counts them
# --------------------------------------------------------------------------------------------------
PRONOUNS = frozenset("""i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves who whom whose which that this these
those one someone somebody anyone anybody everyone everybody""".split())
#: Titles and honorifics: "Sen. Ted Cruz" and "Ted Cruz" share the word that matters, "cruz".
TITLES = frozenset("""mr mrs ms miss mx dr sen senator gov governor rep reps representative congressman congresswoman
president pres vice prof professor rev gen lt col sgt capt adm secretary sec judge justice mayor chairman chairwoman
former jr sr st hon""".split())
FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at by for from with without about as into onto
over under after before between through during than then so if not no also just only very s t d ll re ve m said
says say according told some many several all any each both other others another most more few such own""".split())


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that can identify a speaker: lower-cased runs of ``[a-z0-9]`` minus
    :data:`PRONOUNS`, :data:`TITLES` and :data:`FUNCTION_WORDS`.

    >>> sorted(content_words("Sen. Ted Cruz, R-Texas, who"))
    ['cruz', 'r', 'ted', 'texas']
    >>> content_words("he")
    frozenset()
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if w not in PRONOUNS and w not in TITLES and w not in FUNCTION_WORDS)


def word_count(text: str) -> int:
    """Words in ``text`` (runs of letters or digits, joined by apostrophes or hyphens), for the 4+ words rule.

    >>> word_count("“It's a so-called plan,” he said")
    6
    """
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


# --------------------------------------------------------------------------------------------------
# PolNeAR: BRAT standoff attributions
# --------------------------------------------------------------------------------------------------
class _Fragments:
    """``start`` and ``end`` of a span made of one or more ``fragments`` (``(start, end)`` pairs)."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Annotation(_Fragments):
    """One BRAT text-bound annotation (``T`` line): a label and one or more character fragments.

    ``text`` is taken from the article (fragments joined by a space, as BRAT writes it), not from the
    ``.ann`` file, so a fragment that runs over a line break is read correctly.
    """

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True)
class Attribution:
    """One attribution (``E`` line): who (``source``, may be None), the cue, and what (``contents``)."""

    id: str
    source: Annotation | None
    cue: Annotation | None
    contents: tuple[Annotation, ...]


@dataclass(frozen=True)
class PolnearArticle:
    """One PolNeAR article: its stem, text, the annotation file used and its attributions.

    ``annotators`` lists every annotator who annotated the article; ``annotation_file`` is the one read
    (see :func:`choose_annotation_file`).
    """

    name: str
    text: str
    annotation_file: str
    annotators: tuple[str, ...]
    attributions: tuple[Attribution, ...]

    @property
    def contents(self) -> tuple[Annotation, ...]:
        """Every Content of every attribution, in text order."""
        return tuple(sorted((c for a in self.attributions for c in a.contents), key=lambda c: c.fragments))


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")


def parse_brat(ann_text: str, text: str, *, where: str = "") -> tuple[Attribution, ...]:
    """The attributions in one BRAT ``.ann`` file over the article ``text``.

    ``T`` lines give spans (``start end`` fragments separated by ``;``), ``E`` lines tie them together
    (``Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Content2`` is a further content of the same
    attribution). Lines of other kinds (notes) and the continuation lines of a span text that contains a
    line break are skipped.

    >>> text = 'Kirby said “We are watching, and we will act.”'
    >>> ann = ("T1\\tSource 0 5\\tKirby\\nT2\\tCue 6 10\\tsaid\\n"
    ...        "T3\\tContent 11 29;35 46\\t“We are watching, will act.”\\n"
    ...        "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n")
    >>> [(a.source.text, a.contents[0].text) for a in parse_brat(ann, text)]
    [('Kirby', '“We are watching, will act.”')]
    """
    spans: dict[str, Annotation] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for number, line in enumerate(ann_text.split("\n"), start=1):
        m = _T_LINE.match(line)
        if m:
            fragments = tuple(tuple(int(x) for x in frag.split()) for frag in m.group(3).split(";"))
            if any(not 0 <= s <= e <= len(text) for s, e in fragments):
                raise KitError(f"Line {number} has a span outside the article ({m.group(3)}).", where=where,
                               fix="Check that the .ann file belongs to this article's text file.")
            spans[m.group(1)] = Annotation(m.group(1), m.group(2), fragments,
                                           " ".join(text[s:e] for s, e in fragments))
        elif line.startswith("E") and "\t" in line:
            eid, roles = line.split("\t", 1)
            parts: dict[str, list[str]] = {}
            for role in roles.split():
                name, _, ref = role.partition(":")
                parts.setdefault(re.sub(r"\d+$", "", name), []).append(ref)
            events.append((eid, parts))
    out = []
    for eid, parts in events:
        def one(role: str) -> Annotation | None:
            refs = parts.get(role, [])
            return spans.get(refs[0]) if refs else None

        contents = tuple(spans[r] for r in parts.get("Content", []) if r in spans)
        out.append(Attribution(eid, one("Source"), one("Cue"), contents))
    return tuple(out)


def choose_annotation_file(names: Iterable[str]) -> str:
    """The annotation file read for an article with several annotators: the first in sorted order
    (so the one of the annotator whose id sorts first). Deterministic, and blind to the content.

    >>> choose_annotation_file(["a_d473.ann", "a_4b22.ann"])
    'a_4b22.ann'
    """
    return sorted(names)[0]


def _need_dir(path: Path, what: str) -> None:
    if not path.is_dir():
        raise KitError(f"{what} folder {path} does not exist.",
                       fix="Pass the folder that holds the development set (see ../shared/devsets/README.md).")


def read_polnear(directory: str | os.PathLike, *, half: str | None = None) -> list[PolnearArticle]:
    """Every PolNeAR article in ``directory`` (with ``text/`` and ``attributions/``), sorted by name;
    only one half when ``half`` is ``"tuning"`` or ``"report"``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "text").mkdir(); (d / "attributions").mkdir()
    >>> _ = (d / "text" / "a.txt").write_text("Kirby said yes.", encoding="utf-8")
    >>> _ = (d / "attributions" / "a_x1.ann").write_text(
    ...     "T1\\tSource 0 5\\tKirby\\nT2\\tContent 11 14\\tyes\\nE1\\tAttribution:T2 Content:T2 Source:T1\\n")
    >>> [(a.name, a.annotators, len(a.attributions)) for a in read_polnear(d)]
    [('a', ('x1',), 1)]
    """
    _check_half(half)
    root = Path(directory)
    _need_dir(root / "text", "The PolNeAR text")
    _need_dir(root / "attributions", "The PolNeAR attributions")
    by_article: dict[str, list[str]] = {}
    for path in (root / "attributions").glob("*.ann"):
        by_article.setdefault(path.stem.rsplit("_", 1)[0], []).append(path.name)
    articles = []
    for name in sorted(by_article):
        if half is not None and half_of(name) != half:
            continue
        text_path = root / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        chosen = choose_annotation_file(by_article[name])
        ann_path = root / "attributions" / chosen
        attributions = parse_brat(ann_path.read_text(encoding="utf-8"), text, where=str(ann_path))
        annotators = tuple(sorted(n[:-4].rsplit("_", 1)[1] for n in by_article[name]))
        articles.append(PolnearArticle(name, text, chosen, annotators, attributions))
    return articles


def read_pronoun_sources(path: str | os.PathLike) -> dict[tuple[str, int, int], tuple[str, ...]]:
    """``pronoun-sources.tsv``: (annotation file, source start, source end) -> the resolved words
    (an empty tuple when CoreNLP found no referent).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.tsv"
    >>> _ = p.write_text("ann_file\\tsource_start\\tsource_end\\tsource_text\\tresolved_words\\n"
    ...                  "a_x1.ann\\t0\\t2\\the\\tted cruz\\na_x1.ann\\t9\\t13\\tthey\\t\\n")
    >>> read_pronoun_sources(p)
    {('a_x1.ann', 0, 2): ('ted', 'cruz'), ('a_x1.ann', 9, 13): ()}
    """
    path = Path(path)
    if not path.exists():
        raise KitError(f"{path} does not exist.", fix="Use pronoun-sources.tsv from the PolNeAR devset folder.")
    out = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                key = (row["ann_file"], int(row["source_start"]), int(row["source_end"]))
            except (KeyError, ValueError, TypeError) as err:
                raise KitError(f"A row of {path.name} is malformed ({err}).", where=str(path),
                               fix="Each row needs ann_file, source_start, source_end, source_text, resolved_words.") from err
            out[key] = tuple((row.get("resolved_words") or "").split())
    return out


# --------------------------------------------------------------------------------------------------
# Direct quotes and their sources
# --------------------------------------------------------------------------------------------------
QUOTE_MARKS = '"“”‘’'
_NOT_COUNTED = set(QUOTE_MARKS + "'" + "\u00a0\u202f\u2009") | {" ", "\n", "\t", "\r"}


def is_direct_quote(text: str) -> bool:
    """True when a Content's text starts and ends with a quotation mark (or a doubled apostrophe ``''``).

    >>> is_direct_quote("“We are watching.”"), is_direct_quote("''Yes, we can,''"), is_direct_quote("that he won")
    (True, True, False)
    """
    t = text.strip()
    if len(t) < 2:
        return False
    return (t[0] in QUOTE_MARKS or t.startswith("''")) and (t[-1] in QUOTE_MARKS or t.endswith("''"))


#: Source classes, in the order they are reported.
SOURCE_CLASSES = ("name", "title", "pronoun", "organisation", "missing")
#: Of those, the classes whose quotes are scored for speaker accuracy.
SCORED_CLASSES = ("name", "title", "pronoun")
_HEAD_CUT = re.compile(r",|\(|—|–| (?:of|who|whose|which|at|for|in|from|with|on|and|to|that)\b", re.IGNORECASE)
#: Head nouns of sources that are organisations or documents.
ORGANISATION_WORDS = frozenset("""campaign campaigns committee department administration house times post journal news
network poll polls survey surveys study studies report reports statement statements company companies party
parties group groups agency agencies court courts office board association council foundation institute
university center centre team organization organisation union commission bureau fund pac magazine newspaper
paper website site blog ad ads advertisement memo letter letters book article data analysis editorial release
tweet tweets video document documents website transcript filing filings complaint lawsuit bill plan platform
poll website staff government state states senate congress panel caucus coalition firm corporation inc
media outlet outlets network networks channel station sources source email emails column passage headline
ministry headlines op-ed oped page press caller watch institution""".split())
#: Head words of sources that are groups or unnamed people (plural or indefinite).
GROUP_WORDS = frozenset("""officials aides advisers advisors people voters critics supporters opponents democrats
republicans conservatives liberals progressives experts analysts observers strategists members residents americans
protesters activists leaders lawmakers senators delegates donors insiders economists scholars researchers
scientists officers police polls pollsters reporters journalists staffers operatives allies friends rivals
candidates many some others few most several everyone""".split())
_INDEFINITE = frozenset("a an one another some two three several many".split())
_NOT_PERSON_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT"})
_SOURCE_WORD = re.compile(r"[A-Za-z0-9][\w'’.&-]*")


def classify_source(text: str | None, *, pronoun: bool = False, entity_labels: Mapping[str, str] | None = None) -> str:
    """The kind of an annotated Source, one of :data:`SOURCE_CLASSES`:

    - ``name``: names a person (``Hillary Clinton``, ``Mr. Trump, the nominee``, ``his wife, Jane Doe``);
    - ``title``: a title or description of one person, with no name (``the senator``,
      ``the Republican nominee``, ``his spokeswoman``);
    - ``pronoun``: ``he``, ``she``, ``they``, ``who``... (``pronoun=True`` when the pronoun table lists it);
    - ``organisation``: an organisation, a document, a group or an unnamed source
      (``the Clinton campaign``, ``a poll``, ``Democrats``, ``a senior official``, ``many``);
    - ``missing``: no Source annotated.

    The head of the source is its last word before the first comma, bracket or preposition. A head that
    names an organisation, a document or a group decides; else a capitalised head is a name, unless
    ``entity_labels`` (word -> spaCy entity label, ``PERSON`` for a word of any person named in the
    article; see :func:`gold_direct_quotes`) says it is an organisation, nationality or place.

    >>> [classify_source(t) for t in ["Hillary Clinton", "the senator", "he", "the Clinton campaign",
    ...                               "a senior official", "The Republican nominee", None]]
    ['name', 'title', 'pronoun', 'organisation', 'organisation', 'title', 'missing']
    >>> classify_source("the NRA", entity_labels={"NRA": "ORG"})
    'organisation'
    """
    if text is None or not text.strip():
        return "missing"
    labels = entity_labels or {}
    words = _SOURCE_WORD.findall(text)
    lower = [w.lower().strip(".'’") for w in words]
    if pronoun or (lower and lower[0] in PRONOUNS and not content_words(text)):
        return "pronoun"
    if not content_words(text):
        return "title" if any(w in TITLES for w in lower) else "organisation"
    head_words = _SOURCE_WORD.findall(_HEAD_CUT.split(text, maxsplit=1)[0]) or words
    head_word = re.sub(r"['’]s$", "", head_words[-1].strip(".'’"))
    head = head_word.lower()
    if head in ORGANISATION_WORDS or head in GROUP_WORDS:
        return "organisation"
    if head_word[:1].isupper() and head not in TITLES:
        capitals = [w for w in head_words if w[:1].isupper() and w.lower().strip(".") not in TITLES
                    and w.lower() not in FUNCTION_WORDS]
        # "Carly Fiorina" is a name even when the small model calls it an ORG; a lone "NRA" is not.
        return "organisation" if len(capitals) < 2 and labels.get(head_word, "") in _NOT_PERSON_LABELS else "name"
    if "PERSON" in labels.values():
        return "name"
    if head_words[0].lower() in _INDEFINITE or (head.endswith("s") and not head.endswith("ss")):
        return "organisation"
    return "title"


@dataclass(frozen=True)
class GoldQuote(_Fragments):
    """A direct quote annotated in PolNeAR, with its Source and how its speaker is scored.

    ``speaker_words`` are the words a right speaker must share one of (from the Source text, or from the
    resolved referent for a pronoun); None when the quote is not scored for its speaker (``why_unscored``
    says why: an organisation, no source, an unresolved pronoun, a title with no content word).
    """

    article: str
    fragments: tuple[tuple[int, int], ...]
    text: str
    source_text: str | None
    source_span: tuple[int, int] | None
    source_class: str
    speaker_words: frozenset[str] | None
    why_unscored: str = ""


def _entity_labels(doc, span: tuple[int, int] | None, people: frozenset[str]) -> dict[str, str]:
    """Word -> entity label for the capitalised words of a source: ``PERSON`` when the word is part of a
    person's name anywhere in the article (the small model often calls a lone surname an ORG), else the
    label spaCy gave it there."""
    if doc is None or span is None:
        return {}
    cut = doc.char_span(span[0], span[1], alignment_mode="expand")
    if cut is None:
        return {}
    return {t.text: "PERSON" if t.lower_ in people else t.ent_type_
            for t in cut if t.text[:1].isupper() and (t.ent_type_ or t.lower_ in people)}


def gold_direct_quotes(article: PolnearArticle, *, pronouns: Mapping | None = None, doc=None,
                       min_words: int = 4) -> list[GoldQuote]:
    """The direct quotes of ``min_words`` or more words in an article, with their source class.

    ``pronouns`` is the table of :func:`read_pronoun_sources`; ``doc`` (optional) a spaCy parse of the
    article, whose entity labels help tell a name from an organisation.

    >>> text = '“We will win this race,” Clinton said. “No,” he said.'
    >>> a = PolnearArticle("a", text, "a_x.ann", ("x",), parse_brat(
    ...     "T1\\tSource 25 32\\tClinton\\nT2\\tContent 0 24\\t“We will win this race,”\\n"
    ...     "E1\\tAttribution:T2 Content:T2 Source:T1\\n", text))
    >>> [(q.text, q.source_class, sorted(q.speaker_words)) for q in gold_direct_quotes(a)]
    [('“We will win this race,”', 'name', ['clinton'])]
    """
    pronouns = pronouns or {}
    people = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent) if doc is not None else frozenset()
    out = []
    for attribution in article.attributions:
        source = attribution.source
        span = (source.start, source.end) if source else None
        key = (article.annotation_file, *span) if span else None
        listed = key in pronouns if key else False
        for content in attribution.contents:
            if not is_direct_quote(content.text) or word_count(content.text) < min_words:
                continue
            text = source.text if source else None
            cls = classify_source(text, pronoun=listed, entity_labels=_entity_labels(doc, span, people))
            words: frozenset[str] | None = None
            why = ""
            if cls == "pronoun":
                resolved = pronouns.get(key, ()) if key else ()
                words = content_words(" ".join(resolved)) or None
                why = "" if words else "pronoun not resolved by CoreNLP"
            elif cls in ("name", "title"):
                words = content_words(text or "") or None
                why = "" if words else "title with no content word (no referent annotated)"
            else:
                why = "organisation, document, group or unnamed" if cls == "organisation" else "no source annotated"
            out.append(GoldQuote(article.name, content.fragments, content.text, text, span, cls, words, why))
    return sorted(out, key=lambda q: q.fragments)


# --------------------------------------------------------------------------------------------------
# Quote scoring
# --------------------------------------------------------------------------------------------------
def _chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Offsets in ``spans`` that hold a counted character (not a space or a quotation mark)."""
    return {i for s, e in spans for i in range(s, e) if text[i] not in _NOT_COUNTED}


@dataclass(frozen=True)
class QuoteVerdict:
    """What the kit made of one gold direct quote.

    ``right`` is None when the speaker is not scored (see ``gold.why_unscored``) or the quote was not found.
    """

    gold: GoldQuote
    found: bool
    overlap: float
    speaker: str | None
    kind: str | None
    reason: str
    right: bool | None


@dataclass(frozen=True)
class QuoteScore:
    """Quote recall, precision and speaker accuracy over a set of PolNeAR articles.

    - ``recall``: found / gold direct quotes (4+ words);
    - ``precision``: kit quotes (4+ words, not scare) inside an annotated content / all such kit quotes;
    - ``speaker_accuracy``: right speakers / scored found quotes (unknown counts as wrong);
    - ``unknown_share``: scored found quotes with no speaker / scored found quotes;
    - ``named_accuracy``: right speakers / scored found quotes where the kit named someone;
    - ``by_class``: source class -> (gold quotes, found, scored, right);
    - ``unscored``: why a found quote was not scored -> count.
    """

    articles: int
    gold: int
    found: int
    recall: float
    kit_quotes: int
    kit_inside: int
    precision: float
    scored: int
    right: int
    unknown: int
    speaker_accuracy: float
    unknown_share: float
    named_accuracy: float
    by_class: tuple[tuple[str, int, int, int, int], ...]
    unscored: tuple[tuple[str, int], ...]
    verdicts: tuple[QuoteVerdict, ...] = ()
    outside: tuple[tuple[str, int, int, str], ...] = ()

    @property
    def name_accuracy(self) -> float:
        """Speaker accuracy over the quotes whose source is a name: the part of the key that needs no
        coreference (CoreNLP's pronoun referents are sometimes wrong, see the devset notes)."""
        row = next((r for r in self.by_class if r[0] == "name"), ("name", 0, 0, 0, 0))
        return _ratio(row[4], row[3])

    def summary(self) -> dict:
        """The headline figures as a plain dict (what the benchmark saves and prints)."""
        return {"articles": self.articles, "gold_direct_quotes": self.gold, "recall": self.recall,
                "kit_quotes": self.kit_quotes, "precision": self.precision, "scored": self.scored,
                "speaker_accuracy": self.speaker_accuracy, "unknown_share": self.unknown_share,
                "named_accuracy": self.named_accuracy, "name_accuracy": self.name_accuracy}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score_quotes(found: Mapping[str, Sequence], articles: Sequence[PolnearArticle], *,
                 pronouns: Mapping | None = None, docs: Mapping | None = None,
                 gold: Mapping[str, Sequence[GoldQuote]] | None = None, min_words: int = 4,
                 min_overlap: float = 0.5) -> QuoteScore:
    """Score the kit's quotes (article name -> objects with ``start``, ``end``, ``text``, ``kind``,
    ``speaker``, ``reason``) against the PolNeAR annotations of ``articles``.

    The gold quotes come from :func:`gold_direct_quotes` (with ``pronouns`` and, if given, the parse of
    each article in ``docs``), or ready-made from ``gold`` (article name -> gold quotes).

    >>> text = '“We will win this race,” Clinton said. “It is all a lie, I say,” Bo added.'
    >>> a = PolnearArticle("a", text, "a_x.ann", ("x",), parse_brat(
    ...     "T1\\tSource 25 32\\tClinton\\nT2\\tContent 0 24\\t“We will win this race,”\\n"
    ...     "E1\\tAttribution:T2 Content:T2 Source:T1\\n", text))
    >>> from types import SimpleNamespace as Q
    >>> kit = [Q(start=1, end=23, text=text[1:23], kind="direct", speaker="Hillary Clinton", reason=""),
    ...        Q(start=40, end=63, text=text[40:63], kind="direct", speaker="Bo", reason="")]
    >>> s = score_quotes({"a": kit}, [a])
    >>> s.recall, s.precision, s.speaker_accuracy
    (1.0, 0.5, 1.0)
    >>> s.summary()["name_accuracy"], s.summary()["unknown_share"]
    (1.0, 0.0)
    """
    docs = docs or {}
    verdicts: list[QuoteVerdict] = []
    outside = []
    kit_quotes = kit_inside = 0
    for article in articles:
        text = article.text
        quotes = [q for q in found.get(article.name, [])]
        quote_chars = [(q, _chars(text, [(q.start, q.end)])) for q in quotes]
        golds = gold[article.name] if gold is not None and article.name in gold else gold_direct_quotes(
            article, pronouns=pronouns, doc=docs.get(article.name), min_words=min_words)
        for one in golds:
            gchars = _chars(text, one.fragments)
            covered: set[int] = set()
            best, best_n = None, 0
            for q, qchars in quote_chars:
                n = len(gchars & qchars)
                if n:
                    covered |= gchars & qchars
                    if n > best_n:
                        best, best_n = q, n
            overlap = len(covered) / len(gchars) if gchars else 0.0
            hit = best is not None and overlap >= min_overlap
            right = None
            if hit and one.speaker_words is not None:
                right = bool(best.speaker) and bool(content_words(best.speaker) & one.speaker_words)
            verdicts.append(QuoteVerdict(one, hit, round(overlap, 3), best.speaker if hit else None,
                                         getattr(best, "kind", None) if hit else None,
                                         getattr(best, "reason", "") if hit else "", right))
        content_chars = _chars(text, [f for c in article.contents for f in c.fragments])
        for q, qchars in quote_chars:
            if getattr(q, "kind", "direct") == "scare" or word_count(q.text) < min_words or not qchars:
                continue
            kit_quotes += 1
            if len(qchars & content_chars) / len(qchars) >= min_overlap:
                kit_inside += 1
            else:
                outside.append((article.name, q.start, q.end, q.text))
    found_n = sum(v.found for v in verdicts)
    scored = [v for v in verdicts if v.right is not None]
    right = sum(v.right for v in scored)
    unknown = sum(1 for v in scored if not v.speaker)
    named = len(scored) - unknown
    by_class = []
    for cls in SOURCE_CLASSES:
        vs = [v for v in verdicts if v.gold.source_class == cls]
        by_class.append((cls, len(vs), sum(v.found for v in vs), sum(v.right is not None for v in vs),
                         sum(bool(v.right) for v in vs)))
    reasons: dict[str, int] = {}
    for v in verdicts:
        if v.found and v.right is None:
            reasons[v.gold.why_unscored] = reasons.get(v.gold.why_unscored, 0) + 1
    return QuoteScore(
        articles=len(articles), gold=len(verdicts), found=found_n, recall=_ratio(found_n, len(verdicts)),
        kit_quotes=kit_quotes, kit_inside=kit_inside, precision=_ratio(kit_inside, kit_quotes),
        scored=len(scored), right=right, unknown=unknown, speaker_accuracy=_ratio(right, len(scored)),
        unknown_share=_ratio(unknown, len(scored)), named_accuracy=_ratio(right, named),
        by_class=tuple(by_class), unscored=tuple(sorted(reasons.items())), verdicts=tuple(verdicts),
        outside=tuple(outside))


# --------------------------------------------------------------------------------------------------
# PTC: propaganda technique spans
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PtcSpan:
    """One labelled span: technique and character offsets (end exclusive)."""

    technique: str
    start: int
    end: int


@dataclass(frozen=True)
class PtcArticle:
    """One PTC article: its id (digits), text and labelled spans."""

    id: str
    text: str
    spans: tuple[PtcSpan, ...]

    def spans_of(self, techniques: Iterable[str]) -> list[tuple[int, int]]:
        """(start, end) of every span labelled with one of ``techniques``.

        >>> PtcArticle("1", "A vile plan.", (PtcSpan("Loaded_Language", 2, 6),)).spans_of(["Loaded_Language"])
        [(2, 6)]
        """
        wanted = set(techniques)
        return [(s.start, s.end) for s in self.spans if s.technique in wanted]


#: The kit's categories (widgets.lexicon.CATEGORIES) for each PTC technique. None: the kit has no such
#: category, so the technique is not scored. Two PTC labels fold two of the kit's ideas into one
#: ("Exaggeration,Minimisation"; "Whataboutism,Straw_Men,Red_Herring"): the kit's category covers the
#: first of them, so recall on those is bounded by how much of the label is the first idea.
#:
#: | PTC technique                        | kit category                 |
#: |--------------------------------------|------------------------------|
#: | Loaded_Language                      | loaded_language              |
#: | Name_Calling,Labeling                | name_calling                 |
#: | Exaggeration,Minimisation            | exaggeration                 |
#: | Appeal_to_fear-prejudice             | fear_appeal                  |
#: | Doubt                                | doubt                        |
#: | Flag-Waving                          | flag_waving                  |
#: | Causal_Oversimplification            | causal_oversimplification    |
#: | Slogans                              | slogan                       |
#: | Whataboutism,Straw_Men,Red_Herring   | whataboutism                 |
#: | Black-and-White_Fallacy              | black_and_white              |
#: | Thought-terminating_Cliches          | thought_terminating_cliche   |
#: | Repetition                           | (none)                       |
#: | Appeal_to_Authority                  | (none)                       |
#: | Bandwagon,Reductio_ad_hitlerum       | (none)                       |
TECHNIQUE_CATEGORIES: dict[str, str | None] = {
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling",
    "Exaggeration,Minimisation": "exaggeration",
    "Appeal_to_fear-prejudice": "fear_appeal",
    "Doubt": "doubt",
    "Flag-Waving": "flag_waving",
    "Causal_Oversimplification": "causal_oversimplification",
    "Slogans": "slogan",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism",
    "Black-and-White_Fallacy": "black_and_white",
    "Thought-terminating_Cliches": "thought_terminating_cliche",
    "Repetition": None,
    "Appeal_to_Authority": None,
    "Bandwagon,Reductio_ad_hitlerum": None,
}
#: The headline: these PTC techniques against these kit categories, scored together.
HEADLINE_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
HEADLINE_CATEGORIES = ("loaded_language", "name_calling")


def read_ptc(directory: str | os.PathLike, *, half: str | None = None) -> list[PtcArticle]:
    """Every PTC article in ``directory`` (``articles/articleID.txt`` and ``labels.tsv``), sorted by id;
    only one half when ``half`` is given (the split uses the id, digits only).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "articles").mkdir()
    >>> _ = (d / "articles" / "article7.txt").write_text("A vile plan.", encoding="utf-8")
    >>> _ = (d / "labels.tsv").write_text("7\\tLoaded_Language\\t2\\t6\\n")
    >>> [(a.id, a.spans) for a in read_ptc(d)]
    [('7', (PtcSpan(technique='Loaded_Language', start=2, end=6),))]
    """
    _check_half(half)
    root = Path(directory)
    _need_dir(root / "articles", "The PTC articles")
    labels_path = root / "labels.tsv"
    if not labels_path.exists():
        raise KitError(f"{labels_path} does not exist.", fix="Use the ptc-train folder of the devsets.")
    spans: dict[str, list[PtcSpan]] = {}
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            article, technique, start, end = parts[0], parts[1], int(parts[2]), int(parts[3])
        except (IndexError, ValueError) as err:
            raise KitError(f"Line {number} of labels.tsv is malformed ({err}).", where=str(labels_path),
                           fix="Each line is: article id, technique, start, end (tab-separated).") from err
        spans.setdefault(article, []).append(PtcSpan(technique, start, end))
    out = []
    for path in sorted((root / "articles").glob("article*.txt")):
        aid = path.stem[len("article"):]
        if half is not None and half_of(aid) != half:
            continue
        text = path.read_text(encoding="utf-8")
        mine = tuple(sorted(spans.get(aid, []), key=lambda s: (s.start, s.end, s.technique)))
        if any(not 0 <= s.start <= s.end <= len(text) for s in mine):
            raise KitError(f"labels.tsv has a span outside article {aid}.", where=str(labels_path),
                           fix="Check that labels.tsv belongs to these article files.")
        out.append(PtcArticle(aid, text, mine))
    return out


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged (touching ones stay apart); empty spans dropped.

    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 4), (5, 9), (9, 12)]
    """
    out: list[list[int]] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@dataclass(frozen=True)
class SpanScore:
    """SemEval-2020 task 11 (SI) span scores: precision, recall, F1, and the spans counted (after merging)."""

    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def summary(self) -> dict:
        """The figures as a plain dict.

        >>> score_spans({"1": [(0, 4)]}, {"1": [(2, 4)]}).summary()
        {'precision': 0.5, 'recall': 1.0, 'f1': 0.6667, 'predicted': 1, 'gold': 1}
        """
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "predicted": self.predicted, "gold": self.gold}


def _covered(span: tuple[int, int], others: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in others)


def score_spans(predicted: Mapping[str, Iterable[tuple[int, int]]],
                gold: Mapping[str, Iterable[tuple[int, int]]]) -> SpanScore:
    """Span precision/recall/F1 with partial-overlap credit, as in SemEval-2020 task 11 (task SI).

    Per article, overlapping spans are merged (predictions among themselves, gold among themselves); then
    ``P = (sum over predictions s of |s & gold| / |s|) / #predictions`` and ``R`` likewise over gold spans.
    An article missing from ``predicted`` has no predictions.

    >>> s = score_spans({"1": [(0, 10)]}, {"1": [(5, 10), (20, 30)]})
    >>> s.precision, s.recall, s.f1
    (0.5, 0.5, 0.5)
    """
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for article in set(predicted) | set(gold):
        preds = merge_spans(predicted.get(article, []))
        golds = merge_spans(gold.get(article, []))
        n_pred += len(preds)
        n_gold += len(golds)
        p_sum += sum(_covered(s, golds) / (s[1] - s[0]) for s in preds)
        r_sum += sum(_covered(t, preds) / (t[1] - t[0]) for t in golds)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return SpanScore(round(p, 4), round(r, 4), round(f1, 4), n_pred, n_gold)


# --------------------------------------------------------------------------------------------------
# The naive baseline: every word TextBlob's lexicon scores as strongly felt
# --------------------------------------------------------------------------------------------------
_TEXTBLOB_CACHE: dict[str, tuple[float, float] | None] = {}


def textblob_word_score(word: str) -> tuple[float, float] | None:
    """(polarity, subjectivity) that TextBlob's PatternAnalyzer gives ``word`` on its own, or None when
    its lexicon does not assess the word.

    >>> textblob_word_score("terrible"), textblob_word_score("table")
    ((-1.0, 1.0), None)
    """
    key = word.lower()
    if key not in _TEXTBLOB_CACHE:
        from textblob import TextBlob

        assessments = TextBlob(key).sentiment_assessments.assessments if key.isalpha() else []
        if assessments:
            _, polarity, subjectivity, _ = assessments[0]
            _TEXTBLOB_CACHE[key] = (round(polarity, 4), round(subjectivity, 4))
        else:
            _TEXTBLOB_CACHE[key] = None
    return _TEXTBLOB_CACHE[key]


def textblob_spans(words: Iterable[tuple[int, str]], *, polarity: float, subjectivity: float) -> list[tuple[int, int]]:
    """Spans of the words (``(offset, word)`` pairs, e.g. from spaCy tokens) that TextBlob's lexicon scores
    with ``|polarity| >= polarity`` or ``subjectivity >= subjectivity`` (use a value above 1 to switch a
    test off).

    >>> textblob_spans([(0, "A"), (2, "terrible"), (11, "table")], polarity=0.5, subjectivity=2)
    [(2, 10)]
    """
    out = []
    for offset, word in words:
        score = textblob_word_score(word)
        if score is not None and (abs(score[0]) >= polarity or score[1] >= subjectivity):
            out.append((offset, offset + len(word)))
    return out
