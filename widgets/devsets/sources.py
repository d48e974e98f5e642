"""The gold direct quotes of a PolNeAR article and the kind of their annotated Source (name, title,
pronoun, organisation), which decides how the speaker is scored."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from .polnear import PolnearArticle, _Fragments
from .words import FUNCTION_WORDS, PRONOUNS, TITLES, content_words, word_count

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

    >>> from widgets.devsets import parse_brat
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
