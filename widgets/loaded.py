"""Loaded language: find the words that push a reader, say why, whose voice they are in, and what a
neutral writer might have said instead.

Every highlight comes from the teacher-editable lexicon (``data/lexicon.csv``, see :mod:`widgets.lexicon`)
or from one of a few named rules (:data:`RULES`) for what a word list cannot catch, and records which one
fired. Each highlight also knows its *voice*: ``"narrator"`` (the outlet's own words) or ``"quote"``
(inside quotation marks, with the speaker when the quote spotter found one).

How scare quotes count: a scare-quoted term (quotation marks with nobody quoted, e.g. a so-called
"Cold War mentality") is somebody else's phrase that the writer holds at arm's length. So a loaded word
*inside* it is in the ``"quote"`` voice with no speaker, never the narrator's; the act of putting the
term in scare quotes is the narrator's, and is highlighted separately, on the whole term with its
quotation marks, as ``doubt`` (rule ``rule:scare_quotes``).

>>> matches = find_loaded("Officials slammed the so-called “peace plan”. “It is a massacre,” Kirby said.")
>>> [(m.text, m.category, m.voice, m.rule) for m in matches]   # doctest: +NORMALIZE_WHITESPACE
[('slammed', 'loaded_language', 'narrator', 'lexicon:slam'),
 ('so-called', 'doubt', 'narrator', 'rule:so_called'),
 ('“peace plan”', 'doubt', 'narrator', 'rule:scare_quotes'),
 ('massacre', 'loaded_language', 'quote', 'lexicon:massacre')]
>>> matches[-1].speaker
'John Kirby'
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .errors import KitError, MetadataError
from .lexicon import CATEGORIES, Lexicon, LexiconEntry, load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: The rules beyond the word list, with what each one looks for (shown to students).
RULES: dict[str, str] = {
    "rule:so_called": '"so-called" before a name tells the reader not to trust the name (doubt).',
    "rule:scare_quotes": "a term put in quotation marks with nobody quoted: the writer holds it at arm's length (doubt).",
    "rule:sincerity_doubt": '"if ... really" suggests that someone does not mean what they say (doubt).',
    "rule:superlative_claim": 'a superlative with "history" or "ever" ("the highest level in history"): a claim nobody can check (exaggeration).',
    "rule:name_calling_attached": "a charged word from the lexicon attached to a person, group, country or organisation turns into a label (name calling).",
}

VOICES = ("narrator", "quote")
#: Nouns that refer to people or groups, for the name-calling rule (besides names of people,
#: nationalities, countries and organisations that the spaCy model recognises).
GROUP_NOUNS = frozenset("""
    government regime nation country state leader official people protester demonstrator force military
    army police party administration president minister group movement company media elite politician
    activist journalist press worker class citizen voter opposition ally alliance side power rebel
    soldier troop crowd community organisation organization ministry authority authorities
    senator mayor governor lawmaker legislator congressman congresswoman judge diplomat spokesman
    spokeswoman spokesperson candidate critic supporter opponent fan man woman person boss chief ceo
    chairman chairwoman campaigner commentator analyst
""".split())
_PERSON_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
#: Adjectives that describe how someone feels, not what they are: "fans were furious" is not a label.
FEELINGS = frozenset({"furious", "angry", "outraged", "terrified", "shocked", "horrified", "appalled", "upset",
                      "frightened", "scared", "afraid", "disgusted", "sickened", "livid", "enraged"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "who"})
_SUPERLATIVE_ENDS = frozenset({"history", "ever"})
#: Token attributes a Matcher pattern can only use when the pipeline has a tagger/lemmatizer/parser.
_TAGGED_ATTRS = frozenset({"POS", "TAG", "MORPH", "LEMMA", "DEP"})
KEY_FILE = Path("keys") / "loaded.csv"


@dataclass(frozen=True)
class LoadedMatch:
    """One highlight: where it is, what technique, why, a neutral alternative, whose voice, which rule.

    ``start``/``end`` are offsets into the text as read from the file, so ``raw[start:end] == text``.
    """

    start: int
    end: int
    text: str
    category: str
    explanation: str
    alternative: str | None
    voice: str
    speaker: str | None
    rule: str

    def to_dict(self) -> dict:
        """The JSON object of the ``medialit loaded --json`` contract.

        >>> find_loaded("A brutal plan.")[0].to_dict()["category"]
        'loaded_language'
        """
        return asdict(self)


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------
@dataclass
class _Built:
    lexicon: Lexicon
    lemmas: dict[str, LexiconEntry]
    phrase_matcher: object
    matchers: dict[frozenset, object]
    rule_matcher: object
    by_key: dict[str, LexiconEntry] = field(default_factory=dict)
    labels: frozenset = frozenset()


_built: list[tuple[int, int, _Built]] = []


def _build(lexicon: Lexicon, nlp) -> _Built:
    for lex_id, vocab_id, built in _built:
        if lex_id == id(lexicon) and vocab_id == id(nlp.vocab) and built.lexicon is lexicon:
            return built
    from spacy.matcher import Matcher, PhraseMatcher

    lemmas: dict[str, LexiconEntry] = {}
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matchers: dict[frozenset, Matcher] = {}
    by_key: dict[str, LexiconEntry] = {}
    for i, entry in enumerate(lexicon.entries):
        key = f"e{i}"
        by_key[key] = entry
        if entry.match == "lemma":
            lemmas.setdefault(entry.term.lower(), entry)
        elif entry.match == "phrase":
            phrase_matcher.add(key, [nlp.make_doc(entry.term)])
        else:
            pattern = json.loads(entry.pattern)
            needs = frozenset(a for token in pattern for a in token if a in _TAGGED_ATTRS)
            matchers.setdefault(needs, Matcher(nlp.vocab)).add(key, [pattern])
    rule_matcher = Matcher(nlp.vocab)
    rule_matcher.add("rule:so_called", [[{"LOWER": "so"}, {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}, {"LOWER": "called"}],
                                        [{"LOWER": "so-called"}]])
    rule_matcher.add("rule:sincerity_doubt", [[{"LOWER": "if"}, {"IS_ALPHA": True, "OP": "{1,3}"}, {"LOWER": "really"}]])
    labels = frozenset(e.term.lower() for e in lexicon.entries if e.match == "lemma" and e.category == "name_calling")
    built = _Built(lexicon, lemmas, phrase_matcher, matchers, rule_matcher, by_key, labels)
    _built.append((id(lexicon), id(nlp.vocab), built))
    del _built[:-4]
    return built


def _source_parts(source) -> tuple[str, "Doc"]:
    from spacy.tokens import Doc

    from .corpus import Article
    from .nlp import parse

    if isinstance(source, Doc):
        return source.text, source
    if isinstance(source, (Article, str)):
        doc = parse(source)
        return doc.text, doc
    raise KitError(f"find_loaded() needs an article, a string of text or a parsed Doc, not {type(source).__name__}.",
                   fix='Pass corpus["some-id"] or a string such as "Officials slammed the plan."')


def find_loaded(source, *, lexicon: Lexicon | None = None, quotes: Sequence | None = None) -> list[LoadedMatch]:
    """Every loaded-language highlight in an article, a string or a parsed ``Doc``, in text order.

    Args:
        source: a :class:`~widgets.corpus.Article`, a ``str`` or a spaCy ``Doc``.
        lexicon: the lexicon to use (default: :func:`~widgets.lexicon.load_lexicon`, re-read when the
            file changes).
        quotes: the quotes in the text (default: :func:`widgets.quotes.find_quotes`), for the voice.

    >>> [(m.text, m.category) for m in find_loaded("The regime's massive, brutal crackdown.")]
    [('regime', 'name_calling'), ('massive', 'exaggeration'), ('brutal', 'loaded_language'), ('crackdown', 'loaded_language')]
    >>> find_loaded("")
    []
    """
    raw, doc = _source_parts(source)
    if not raw.strip():
        return []
    from .nlp import has_parser, load_pipeline

    lexicon = lexicon if lexicon is not None else load_lexicon()
    built = _build(lexicon, load_pipeline())
    if quotes is None:
        from .quotes import find_quotes

        quotes = find_quotes(raw)
    parsed = has_parser(doc)

    found: list[tuple[int, int, str, str, str | None, str, int]] = []  # start, end, category, explanation, alt, rule, priority

    def add_entry(entry: LexiconEntry, start_tok: int, end_tok: int) -> None:
        span = doc[start_tok:end_tok]
        category, rule, explanation = entry.category, entry.rule, entry.explanation
        if parsed and category == "loaded_language" and len(span) == 1:
            target = _attached_person(span[0], built.labels)
            if target is not None:
                category = "name_calling"
                rule = f"rule:name_calling_attached ({entry.rule})"
                explanation = (f"{explanation} Here it is attached to “{target}”, so it works as a label "
                               "for them (name calling).")
        found.append((span.start_char, span.end_char, category, explanation, entry.alternative, rule, 0))

    for token in doc:
        forms = (token.lower_, token.lemma_.lower()) if token.lemma_ else _crude_lemmas(token.lower_)
        entry = next((built.lemmas[f] for f in forms if f in built.lemmas), None)
        if entry is not None:
            add_entry(entry, token.i, token.i + 1)
    if len(built.phrase_matcher):
        for key_id, s, e in built.phrase_matcher(doc):
            add_entry(built.by_key[doc.vocab.strings[key_id]], s, e)
    for needs, matcher in built.matchers.items():
        # Patterns that use part of speech or lemmas only run when the pipeline provides them.
        if all(doc.has_annotation(attr) for attr in needs):
            for key_id, s, e in matcher(doc):
                add_entry(built.by_key[doc.vocab.strings[key_id]], s, e)
    for key_id, s, e in built.rule_matcher(doc):
        rule = doc.vocab.strings[key_id]
        span = doc[s:e]
        if rule == "rule:so_called":
            found.append((span.start_char, span.end_char, "doubt",
                          '"So-called" tells the reader not to trust the name that follows.',
                          "(leave it out, or say who uses the name)", rule, 1))
        else:
            found.append((span.start_char, span.end_char, "doubt",
                          '"If ... really" suggests that someone does not mean what they say.',
                          "if (leave out 'really')", rule, 1))
    if parsed:
        for s, e in _superlative_claims(doc):
            found.append((s, e, "exaggeration",
                          "A superlative claim ('the highest in history', 'the best ever'): as big as possible, and impossible to check.",
                          "(give the facts that show the change)", "rule:superlative_claim", 1))
    quote_list = sorted(quotes, key=lambda q: (q.start, q.end))
    for q in quote_list:
        if q.kind == "scare" and q.end > q.start:
            s = q.open_mark if q.open_mark is not None else q.start
            e = q.close_mark + 1 if q.close_mark is not None else q.end
            found.append((s, e, "doubt",
                          "The writer put these words in quotation marks without quoting anyone: scare quotes "
                          "hold a term at arm's length and suggest the writer doubts it.",
                          "(say whose term it is, without the quotation marks)", "rule:scare_quotes", 2))

    matches = []
    for s, e, category, explanation, alternative, rule, _ in _deduplicate(found):
        voice, speaker = "narrator", None
        if rule != "rule:scare_quotes":
            for q in quote_list:
                if q.start <= s and e <= q.end:
                    voice, speaker = "quote", q.speaker
                    break
        matches.append(LoadedMatch(s, e, raw[s:e], category, explanation, alternative, voice, speaker, rule))
    return matches


def _crude_lemmas(word: str) -> tuple[str, ...]:
    """Guesses at a word's base form when the pipeline has no lemmatizer (the blank fallback).

    >>> _crude_lemmas("atrocities"), _crude_lemmas("slammed")
    (('atrocities', 'atrocity'), ('slammed', 'slamm', 'slam'))
    """
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem + "e"]
    return tuple(forms)


def _deduplicate(found):
    """Keep one highlight per (span, category); drop one inside a longer one of the same category."""
    ordered = sorted(found, key=lambda f: (f[6], -(f[1] - f[0]), f[0]))
    kept: list = []
    for item in ordered:
        s, e, category = item[0], item[1], item[2]
        if any(k[2] == category and k[0] <= s and e <= k[1] for k in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda f: (f[0], f[1], f[2]))


def _is_person_or_group(token, labels: frozenset = frozenset()) -> bool:
    lemma = token.lemma_.lower()
    return (token.ent_type_ in _PERSON_ENTS or lemma in GROUP_NOUNS or lemma in labels
            or token.lower_ in _PERSON_PRONOUNS)


def _attached_person(token, labels: frozenset = frozenset()) -> str | None:
    """The person/group a charged adjective or noun is attached to, or None (needs a parser).

    ``labels`` are the lexicon's name-calling words: a charged adjective on a label ("a notorious
    denier") is attached to a person too.
    """
    head = token.head
    if token.pos_ == "ADJ":
        if token.dep_ == "amod" and _is_person_or_group(head, labels):
            return head.text
        if token.dep_ == "acomp" and token.lower_ not in FEELINGS:
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and _is_person_or_group(child, labels):
                    return child.text
    elif token.pos_ == "NOUN":
        if token.dep_ == "appos" and _is_person_or_group(head, labels):
            return head.text
        if token.dep_ == "attr":
            for child in head.children:
                if child.dep_ == "nsubj" and _is_person_or_group(child, labels):
                    return child.text
    return None


def _superlative_claims(doc) -> list[tuple[int, int]]:
    spans = []
    for token in doc:
        # "highest", "best" (JJS), or "most"/"least" before an adjective ("the most advanced ever")
        if token.tag_ != "JJS" and not (token.tag_ == "RBS" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADJ"):
            continue
        sent_end = token.sent.end
        for other in doc[token.i + 1 : min(token.i + 8, sent_end)]:
            if other.lower_ in _SUPERLATIVE_ENDS:
                spans.append((token.idx, other.idx + len(other)))
                break
    return spans


def find_loaded_corpus(corpus, *, lexicon: Lexicon | None = None, body_only: bool = False) -> dict[str, list[LoadedMatch]]:
    """Highlights for every article of a corpus, by article id (parsed in one batch first).

    Args:
        body_only: keep only highlights inside the article proper (no site chrome or teasers).

    >>> from widgets.corpus import load_corpus
    >>> by_id = find_loaded_corpus(load_corpus())
    >>> sorted(by_id)[0], len(by_id)
    ('blinken-diplomatic-cover', 5)
    """
    from .nlp import parse_corpus
    from .quotes import find_quotes

    docs = parse_corpus(corpus)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    result = {}
    for article in corpus:
        matches = find_loaded(docs[article.id], lexicon=lexicon, quotes=find_quotes(article.raw))
        if body_only:
            matches = [m for m in matches if article.in_body(m.start, m.end)]
        result[article.id] = matches
    return result


# --------------------------------------------------------------------------------------------------
# The answer key and scoring
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyItem:
    """One row of the answer key, located in the article (``counted`` False: the key deliberately does
    not count it, and ``why`` says why)."""

    article: str
    start: int
    end: int
    text: str
    category: str
    voice: str
    counted: bool
    why: str
    line: int


def default_key_path() -> Path:
    """``data/keys/loaded.csv`` in the kit's data folder."""
    from .corpus import default_data_dir

    return Path(default_data_dir()) / KEY_FILE


def _find_occurrence(raw: str, text: str, occurrence: int) -> tuple[int, int] | None:
    pattern = re.escape(text)
    if re.match(r"\w", text):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", text):
        pattern += r"(?!\w)"
    for n, m in enumerate(re.finditer(pattern, raw), start=1):
        if n == occurrence:
            return m.start(), m.end()
    return None


def load_key(path: str | os.PathLike | None = None, *, corpus=None) -> list[KeyItem]:
    """Read the loaded-language answer key and find each marked text in its article.

    Each row names an article, the exact ``text`` and which ``occurrence`` of it (1 = first), the
    ``category``, the ``voice`` and whether the key ``counted`` it (``yes``/``no``), with ``why``.

    >>> key = load_key()
    >>> item = next(k for k in key if k.text == "malarkey")
    >>> item.category, item.voice, item.counted
    ('loaded_language', 'quote', True)
    """
    from .corpus import load_corpus
    from .csvtools import record_line

    path = Path(path) if path is not None else default_key_path()
    corpus = corpus if corpus is not None else load_corpus(warn=False)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        raise MetadataError(f"There is no answer key at {path}.", fix="Check the path.") from None
    problems, items = [], []
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        line = record_line(reader, row)  # the line a text editor shows, blank rows included
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(row.values()):
            continue
        article_id = row.get("article", "")
        if article_id not in corpus.ids:
            problems.append(f"line {line}: unknown article {article_id!r} (use one of: {', '.join(corpus.ids)})")
            continue
        counted = row.get("counted", "").lower()
        if counted not in ("yes", "no"):
            problems.append(f"line {line}: counted must be yes or no, not {row.get('counted')!r}")
            continue
        category = row.get("category", "")
        if (counted == "yes" or category) and category not in CATEGORIES:
            problems.append(f"line {line}: unknown category {category!r} (use one of: {', '.join(CATEGORIES)})")
            continue
        voice = row.get("voice", "")
        if voice not in VOICES:
            problems.append(f"line {line}: voice must be narrator or quote, not {voice!r}")
            continue
        try:
            occurrence = int(row.get("occurrence") or 1)
        except ValueError:
            problems.append(f"line {line}: occurrence must be a whole number, not {row.get('occurrence')!r}")
            continue
        where = _find_occurrence(corpus[article_id].raw, row.get("text", ""), occurrence) if row.get("text") else None
        if where is None:
            problems.append(f"line {line}: {row.get('text')!r} (occurrence {occurrence}) is not in {article_id}")
            continue
        items.append(KeyItem(article_id, where[0], where[1], corpus[article_id].raw[where[0]:where[1]], category,
                             voice, counted == "yes", row.get("why", ""), line))
    if problems:
        raise MetadataError("The answer key has problems: " + "; ".join(problems) + ".",
                            fix="Copy the text exactly from the article (same quotation marks) and check the names.",
                            where=path.name)
    return items


@dataclass(frozen=True)
class CategoryScore:
    """Precision and recall for one category (or ``"all"``).

    ``correct``: highlights that overlap a counted key item of the same category; ``found``: key items
    overlapped by a highlight of the same category. A category with nothing predicted has precision 1.0
    and one with nothing in the key has recall 1.0 (nothing to get wrong / to miss).
    """

    category: str
    highlights: int
    correct: int
    key_items: int
    found: int

    @property
    def precision(self) -> float:
        return self.correct / self.highlights if self.highlights else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.key_items if self.key_items else 1.0


@dataclass(frozen=True)
class KeyScore:
    """How the highlighter compares with the answer key."""

    overall: CategoryScore
    by_category: tuple[CategoryScore, ...]
    false_positives: tuple[LoadedMatch, ...]
    missed: tuple[KeyItem, ...]
    voice_checked: int
    voice_agreed: int

    def table(self) -> str:
        """A plain-text table (one line per category, then all)."""
        lines = [f"{'category':28} {'highlights':>10} {'correct':>8} {'key':>5} {'found':>6} {'precision':>9} {'recall':>7}"]
        for s in (*self.by_category, self.overall):
            lines.append(f"{s.category:28} {s.highlights:10d} {s.correct:8d} {s.key_items:5d} {s.found:6d} "
                         f"{s.precision:9.2f} {s.recall:7.2f}")
        lines.append(f"voice agrees with the key for {self.voice_agreed} of {self.voice_checked} matched highlights")
        return "\n".join(lines)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_against_key(matches_by_article: dict[str, Sequence[LoadedMatch]], key: Sequence[KeyItem]) -> KeyScore:
    """Precision and recall per category (overlap and same category counts as a match).

    >>> key = [KeyItem("a", 0, 6, "brutal", "loaded_language", "narrator", True, "", 2)]
    >>> hit = LoadedMatch(0, 6, "brutal", "loaded_language", "", None, "narrator", None, "lexicon:brutal")
    >>> score_against_key({"a": [hit]}, key).overall.recall
    1.0
    """
    counted = [k for k in key if k.counted]
    articles = {k.article for k in key} | set(matches_by_article)
    per: dict[str, list[int]] = {c: [0, 0, 0, 0] for c in CATEGORIES}  # highlights, correct, key, found
    false_positives, missed = [], []
    voice_checked = voice_agreed = 0
    for article_id in sorted(articles):
        matches = list(matches_by_article.get(article_id, ()))
        items = [k for k in counted if k.article == article_id]
        for m in matches:
            per[m.category][0] += 1
            hits = [k for k in items if k.category == m.category and _overlaps(m.start, m.end, k.start, k.end)]
            if hits:
                per[m.category][1] += 1
                voice_checked += 1
                voice_agreed += hits[0].voice == m.voice
            else:
                false_positives.append(m)
        for k in items:
            per[k.category][2] += 1
            if any(m.category == k.category and _overlaps(m.start, m.end, k.start, k.end) for m in matches):
                per[k.category][3] += 1
            else:
                missed.append(k)
    by_category = tuple(CategoryScore(c, *v) for c, v in per.items())
    overall = CategoryScore("all", *(sum(v[i] for v in per.values()) for i in range(4)))
    return KeyScore(overall, by_category, tuple(false_positives), tuple(missed), voice_checked, voice_agreed)


# --------------------------------------------------------------------------------------------------
# Exercises: pick the loaded words in a paragraph; rewrite a sentence and re-score it
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paragraph:
    """One paragraph (a non-empty line) of an article, with its offsets in ``raw``."""

    article: str
    number: int
    start: int
    end: int
    text: str


def paragraphs(article) -> list[Paragraph]:
    """The paragraphs (non-empty lines) of the article proper, numbered from 1.

    >>> from widgets.corpus import article_from_text
    >>> [p.text for p in paragraphs(article_from_text("One.\\n\\nTwo."))]
    ['One.', 'Two.']
    """
    result = []
    offset = article.body_start
    for line in article.body.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            result.append(Paragraph(article.id, len(result) + 1, start, start + len(stripped), stripped))
        offset += len(line)
    return result


def paragraph(article_id: str, number: int, *, corpus=None) -> Paragraph:
    """Paragraph ``number`` (from 1) of a corpus article, with a friendly error if there is none.

    >>> paragraph("xi-invites-putin", 17).text[:28]
    '“That’s just a bunch of mala'
    """
    from .corpus import load_corpus

    corpus = corpus if corpus is not None else load_corpus(warn=False)
    found = paragraphs(corpus[article_id])
    if not 1 <= number <= len(found):
        raise KitError(f"{article_id} has paragraphs 1 to {len(found)}, not {number}.",
                       fix=f"Use a number from 1 to {len(found)}.")
    return found[number - 1]


@dataclass(frozen=True)
class PickFeedback:
    """Feedback on the words a student picked in a paragraph, against the answer key.

    ``found``/``missed``: counted key items (text, category, why); ``not_counted``: picks the key
    deliberately does not count (text, why); ``not_in_key``: picks the key says nothing about;
    ``not_in_paragraph``: picks that are not in the paragraph at all.
    """

    paragraph: Paragraph
    found: tuple[tuple[str, str, str], ...]
    missed: tuple[tuple[str, str, str], ...]
    not_counted: tuple[tuple[str, str], ...]
    not_in_key: tuple[str, ...]
    not_in_paragraph: tuple[str, ...]
    answered: bool = True

    def __str__(self) -> str:
        if not self.answered:
            return ('✏️ Not answered yet: replace the ... with a list of the words you picked, '
                    'e.g. ["slammed", "regime"], and run the cell again.')
        total = len(self.found) + len(self.missed)
        lines = [f"You found {len(self.found)} of the {total} loaded words or phrases the key marks in this paragraph."]
        for text, category, why in self.found:
            lines.append(f"  ✅ {text!r} ({category.replace('_', ' ')}): {why}")
        for text, category, why in self.missed:
            lines.append(f"  🔍 missed {text!r} ({category.replace('_', ' ')}): {why}")
        for text, why in self.not_counted:
            lines.append(f"  ⚖️ {text!r}: the key does not count it. {why}")
        for text in self.not_in_key:
            lines.append(f"  ❔ {text!r}: the key does not mark it. Can you say what makes it loaded? "
                         "Discuss it with your class.")
        for text in self.not_in_paragraph:
            lines.append(f"  ✏️ {text!r} is not in this paragraph: copy the words exactly as they appear.")
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def check_picks(article_id: str, number: int, picks: Iterable[str], *, key: Sequence[KeyItem] | None = None,
                corpus=None) -> PickFeedback:
    """Compare the words a student picked in paragraph ``number`` of an article with the answer key.

    Picks are matched ignoring capitals and curly/straight apostrophes; a pick counts if it overlaps a key item.

    >>> fb = check_picks("xi-invites-putin", 17, ["malarkey"])
    >>> [f[0] for f in fb.found]
    ['malarkey']
    >>> print(check_picks("xi-invites-putin", 17, ...))
    ✏️ Not answered yet: replace the ... with a list of the words you picked, e.g. ["slammed", "regime"], and run the cell again.
    """
    para = paragraph(article_id, number, corpus=corpus)
    if picks is Ellipsis or picks is None:
        return PickFeedback(para, (), (), (), (), (), answered=False)
    if isinstance(picks, str):
        picks = [picks]
    key = key if key is not None else load_key(corpus=corpus)
    items = [k for k in key if k.article == article_id and para.start <= k.start and k.end <= para.end]
    hay = _fold(para.text)
    found_items: set[int] = set()
    not_counted, not_in_key, not_in_paragraph = [], [], []
    for pick in picks:
        pick = str(pick).strip()
        if not pick:
            continue
        needle = _fold(pick)
        spans = [(m.start() + para.start, m.end() + para.start) for m in re.finditer(re.escape(needle), hay)]
        if not spans:
            not_in_paragraph.append(pick)
            continue
        hit = [i for i, k in enumerate(items) if any(_overlaps(s, e, k.start, k.end) for s, e in spans)]
        counted = [i for i in hit if items[i].counted]
        if counted:
            found_items.update(counted)
        elif hit:
            not_counted.append((pick, items[hit[0]].why))
        else:
            not_in_key.append(pick)
    found = tuple((items[i].text, items[i].category, items[i].why) for i in sorted(found_items))
    missed = tuple((k.text, k.category, k.why) for i, k in enumerate(items) if k.counted and i not in found_items)
    return PickFeedback(para, found, missed, tuple(not_counted), tuple(not_in_key), tuple(not_in_paragraph))


def _fold(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


@dataclass(frozen=True)
class SentenceReport:
    """A sentence (e.g. a student's neutral rewrite) re-scored: highlights and TextBlob scores."""

    text: str
    matches: tuple[LoadedMatch, ...]
    polarity: float
    subjectivity: float
    assessments: tuple[tuple[str, float, float], ...]

    def __str__(self) -> str:
        words = ", ".join(f"{m.text!r} ({m.category.replace('_', ' ')})" for m in self.matches) or "none"
        drivers = ", ".join(f"{w!r} ({p:+.2f})" for w, p, _ in self.assessments) or "no words TextBlob knows"
        return (f"Loaded words: {words}\nPolarity {self.polarity:+.2f} (-1 negative .. +1 positive), "
                f"subjectivity {self.subjectivity:.2f} (0 factual .. 1 opinion); TextBlob's words: {drivers}")

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def score_sentence(text: str, *, lexicon: Lexicon | None = None) -> SentenceReport:
    """Highlights and TextBlob polarity/subjectivity for one sentence, e.g. a neutral rewrite.

    >>> report = score_sentence("The regime launched a brutal crackdown.")
    >>> [m.text for m in report.matches], report.polarity < 0
    (['regime', 'brutal', 'crackdown'], True)
    >>> score_sentence("The government arrested protesters.").matches
    ()
    """
    from .nlp import score_text

    if not isinstance(text, str):
        raise KitError(f"score_sentence() needs text (a str), not {type(text).__name__}.",
                       fix='Put your sentence in quotes, e.g. score_sentence("The government arrested ...").')
    polarity, subjectivity, assessments = score_text(text)
    matches = tuple(find_loaded(text, lexicon=lexicon)) if text.strip() else ()
    return SentenceReport(text, matches, polarity, subjectivity, assessments)


@dataclass(frozen=True)
class RewriteReport:
    """A sentence and a student's neutral rewrite, both re-scored (``after`` is None if not answered)."""

    before: SentenceReport
    after: SentenceReport | None

    def __str__(self) -> str:
        if self.after is None:
            return "✏️ Not answered yet: replace the ... with your neutral sentence (in quotes) and run the cell again."
        lines = ["BEFORE: " + self.before.text, str(self.before), "", "AFTER:  " + self.after.text, str(self.after), ""]
        n_before, n_after = len(self.before.matches), len(self.after.matches)
        if n_after == 0:
            lines.append(f"✅ The highlighter finds no loaded words in your version (it found {n_before} before).")
        elif n_after < n_before:
            lines.append(f"🟡 Fewer loaded words ({n_after} instead of {n_before}); can you replace the rest?")
        else:
            lines.append(f"❌ Still {n_after} loaded word(s): look at the list above and try plainer words.")
        lines.append("Check the facts stayed the same: a neutral sentence says the same thing with less push.")
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def compare_rewrite(original: str, rewrite) -> RewriteReport:
    """Re-score a sentence and its neutral rewrite side by side (``rewrite`` may still be ``...``).

    >>> report = compare_rewrite("The regime launched a brutal crackdown.", "The government arrested 300 people.")
    >>> len(report.before.matches), len(report.after.matches)
    (3, 0)
    >>> print(compare_rewrite("A brutal crackdown.", ...))
    ✏️ Not answered yet: replace the ... with your neutral sentence (in quotes) and run the cell again.
    """
    before = score_sentence(original)
    if rewrite is Ellipsis or rewrite is None:
        return RewriteReport(before, None)
    return RewriteReport(before, score_sentence(rewrite))


# --------------------------------------------------------------------------------------------------
# Tables for charts
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DensityRow:
    """How many highlights of one category and voice an article has, per 1,000 words of its body."""

    article: str
    outlet: str
    category: str
    voice: str
    count: int
    words: int

    @property
    def per_1000_words(self) -> float:
        return round(1000 * self.count / self.words, 2) if self.words else 0.0


def word_count(text: str) -> int:
    """Words in a text (runs of letters or digits, with inner apostrophes and hyphens).

    >>> word_count("Xi’s so-called plan, 12 points.")
    5
    """
    return len(re.findall(r"\w+(?:[’'\-]\w+)*", text))


def density_table(corpus, matches_by_article: dict[str, Sequence[LoadedMatch]]) -> list[DensityRow]:
    """One row per article, category and voice (zeros included), counting highlights in the body only.

    >>> from widgets.corpus import load_corpus
    >>> corpus = load_corpus()
    >>> rows = density_table(corpus, find_loaded_corpus(corpus))
    >>> len(rows) == 5 * len(CATEGORIES) * 2
    True
    """
    rows = []
    for article in corpus:
        words = word_count(article.body)
        counts = Counter((m.category, m.voice) for m in matches_by_article.get(article.id, ())
                         if article.in_body(m.start, m.end))
        for category in CATEGORIES:
            for voice in VOICES:
                rows.append(DensityRow(article.id, article.label, category, voice, counts[(category, voice)], words))
    return rows


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------
def command(args) -> int:
    """``medialit loaded [--json] FILE``: the highlights in any UTF-8 text file (exit 2 on a bad file).

    >>> import argparse, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "toy.txt")
    >>> _ = open(path, "w", encoding="utf-8").write("A brutal plan.")
    >>> command(argparse.Namespace(files=[path], json=True))
    [{"start": 2, "end": 8, "text": "brutal", "category": "loaded_language", "explanation": "An emotional adjective that tells the reader how to feel.", "alternative": "violent / harsh", "voice": "narrator", "speaker": null, "rule": "lexicon:brutal"}]
    0
    """
    import sys

    from .corpus import read_text_file

    path = args.files[0]
    try:
        raw = read_text_file(path)
        matches = find_loaded(raw)
    except KitError as err:
        print(f"medialit loaded: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([m.to_dict() for m in matches], ensure_ascii=False))
        return 0
    if not matches:
        print(f"No loaded language found in {path}.")
        return 0
    print(f"{len(matches)} highlights in {path}:")
    for m in matches:
        who = "narrator" if m.voice == "narrator" else f"quote ({m.speaker or 'speaker unknown'})"
        line = raw.count("\n", 0, m.start) + 1
        alt = f" | instead: {m.alternative}" if m.alternative else ""
        print(f"  line {line:>3}  {m.text!r}  [{m.category}, {who}, {m.rule}]{alt}")
    return 0


__all__ = [
    "CATEGORIES",
    "CategoryScore",
    "DensityRow",
    "KeyItem",
    "KeyScore",
    "LoadedMatch",
    "Paragraph",
    "PickFeedback",
    "RULES",
    "SentenceReport",
    "VOICES",
    "RewriteReport",
    "check_picks",
    "command",
    "compare_rewrite",
    "density_table",
    "find_loaded",
    "find_loaded_corpus",
    "load_key",
    "paragraph",
    "paragraphs",
    "score_against_key",
    "score_sentence",
    "word_count",
]
