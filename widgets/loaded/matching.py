"""Finding loaded language: the lexicon's words, phrases and patterns, and the named rules, matched over a
parsed text; each highlight gets its category, explanation, alternative, voice and the rule that fired."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Sequence

from ..lexicon import Lexicon, LexiconEntry, load_lexicon
from ..nlp import as_doc, has_parser, load_pipeline, parse_corpus
from ..quotes import find_quotes
from .rules import _attached_person, _is_person_or_group, _standard_name, _superlative_claims
from .scorer import ScoredPhrase, ScorerModel, load_scorer, score_phrases

#: Token attributes a Matcher pattern can only use when the pipeline has a tagger/lemmatizer/parser.
_TAGGED_ATTRS = frozenset({"POS", "TAG", "MORPH", "LEMMA", "DEP"})


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


def find_loaded(source, *, lexicon: Lexicon | None = None, quotes: Sequence | None = None,
                scorer: ScorerModel | bool | None = None) -> list[LoadedMatch]:
    """Every loaded-language highlight in an article, a string or a parsed ``Doc``, in text order.

    Args:
        source: a :class:`~widgets.corpus.Article`, a ``str`` or a spaCy ``Doc``.
        lexicon: the lexicon to use (default: :func:`~widgets.lexicon.load_lexicon`, re-read when the
            file changes).
        quotes: the quotes in the text (default: :func:`widgets.quotes.find_quotes`), for the voice.
        scorer: ``True`` to add the statistical scorer's phrases (evidence and weights from
            :func:`~widgets.loaded.scorer.load_scorer`), or a :class:`ScorerModel`; default ``None``: off,
            the lexicon and the rules only (measured on the PTC tuning half by 5-fold cross-validation the
            scorer never reached precision 0.40, so it is not on for students; see issue 10).

    >>> [(m.text, m.category) for m in find_loaded("The regime's massive, brutal crackdown.")]
    [('regime', 'name_calling'), ('massive', 'exaggeration'), ('brutal', 'loaded_language'), ('crackdown', 'loaded_language')]
    >>> find_loaded("")
    []
    """
    raw, doc, _ = as_doc(source, what="find_loaded()", example='"Officials slammed the plan."')
    if not raw.strip():
        return []
    lexicon = lexicon if lexicon is not None else load_lexicon()
    built = _build(lexicon, load_pipeline())
    if quotes is None:
        quotes = find_quotes(raw)
    parsed = has_parser(doc)

    found: list[tuple[int, int, str, str, str | None, str, int]] = []  # start, end, category, explanation, alt, rule, priority

    def add_entry(entry: LexiconEntry, start_tok: int, end_tok: int) -> None:
        span = doc[start_tok:end_tok]
        category, rule, explanation = entry.category, entry.rule, entry.explanation
        if parsed and len(span) == 1 and _standard_name(span[0]):
            return
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
        if token.pos_ == "PROPN" and token.is_title and token.lemma_ == token.text:
            # A headline in Title Case ("Senator Slams Regime") is tagged as a name, so it has no lemma.
            forms += _crude_lemmas(token.lower_)
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
    if parsed and scorer is not None and scorer is not False:
        model = scorer if isinstance(scorer, ScorerModel) else load_scorer()
        _add_scored(found, doc, score_phrases(doc, quotes=quote_list, model=model, lexicon=lexicon), built, model)
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


_SCORED_LL = ("The kit's scorer rates this as likely loaded language (words chosen to make the reader feel "
              "something rather than to inform), from clues learned from news that trained annotators marked.")
_SCORED_NC = ("The kit's scorer rates this as likely name calling (a label stuck on a person or group instead of "
              "describing what they did), from clues learned from news that trained annotators marked.")


def _add_scored(found: list, doc, phrases: Sequence[ScoredPhrase], built: _Built, model: ScorerModel) -> None:
    """Add the scorer's phrases to ``found``, each explained by its evidence. A phrase that overlaps a
    highlight of the lexicon or the rules is left out: that highlight, with its own explanation and
    alternative, is the one a student sees."""
    taken = [(f[0], f[1]) for f in found]
    listed = _listed_words(built.lexicon)
    for p in phrases:
        if any(s < p.end and p.start < e for s, e in taken):
            continue
        trigger = doc[p.trigger_index]
        if trigger.lower_ in listed or trigger.lemma_.lower() in listed:
            continue      # the lexicon decides about the words it lists (e.g. "devastating" only as an adjective)
        category = _scored_category(doc, p, built.labels)
        why = " ".join(r[0].upper() + r[1:] + ("" if r.endswith(".") else ".") for r in p.reasons)
        why = f"Clues: {why}" if why else ""
        explanation = (_SCORED_NC if category == "name_calling" else _SCORED_LL) + (f" {why}" if why else "")
        row = model.evidence.get(p.trigger)
        trigger = doc[p.trigger_index]
        alternative = row.alternative if row is not None and row.alternative else None
        if alternative is None and trigger.pos_ in ("ADJ", "ADV") and p.end_token - p.start_token > 1:
            alternative = f"(leave out “{trigger.text}”)"
        elif alternative is None and trigger.pos_ in ("ADJ", "ADV"):
            alternative = "(leave it out)"
        found.append((p.start, p.end, category, explanation, alternative, f"scorer:{p.trigger}", 3))


_listed_cache: dict[int, tuple[Lexicon, frozenset]] = {}


def _listed_words(lexicon: Lexicon) -> frozenset:
    """Every word that appears in a lexicon term (lower case), for any category."""
    cached = _listed_cache.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        words = frozenset(w for e in lexicon.entries for w in re.findall(r"[a-z][a-z'-]*", e.term.lower()))
        _listed_cache.clear()
        cached = _listed_cache[id(lexicon)] = (lexicon, words)
    return cached[1]


def _scored_category(doc, phrase: ScoredPhrase, labels: frozenset) -> str:
    """Name calling when the phrase names or labels a person or group, else loaded language."""
    span = doc[phrase.start_token:phrase.end_token]
    root = span.root
    if root.pos_ in ("NOUN", "PROPN") and (_is_person_or_group(root, labels) or root.ent_type_ in ("PERSON", "NORP")):
        return "name_calling"
    if _attached_person(doc[phrase.trigger_index], labels) is not None:
        return "name_calling"
    return "loaded_language"


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


def find_loaded_corpus(corpus, *, lexicon: Lexicon | None = None, body_only: bool = False) -> dict[str, list[LoadedMatch]]:
    """Highlights for every article of a corpus, by article id (parsed in one batch first).

    Args:
        body_only: keep only highlights inside the article proper (no site chrome or teasers).

    >>> from widgets.corpus import load_corpus
    >>> by_id = find_loaded_corpus(load_corpus())
    >>> sorted(by_id)[0], len(by_id)
    ('blinken-diplomatic-cover', 5)
    """
    docs = parse_corpus(corpus)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    result = {}
    for article in corpus:
        matches = find_loaded(docs[article.id], lexicon=lexicon, quotes=find_quotes(article.raw))
        if body_only:
            matches = [m for m in matches if article.in_body(m.start, m.end)]
        result[article.id] = matches
    return result
