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

The package, one module per idea (every public name is re-exported here, so ``from widgets import
devsets; devsets.read_polnear(...)`` keeps working):

- :mod:`~widgets.devsets.split`: the tuning / report split (:func:`half_of`);
- :mod:`~widgets.devsets.words`: speaker words and word counts (:func:`content_words`);
- :mod:`~widgets.devsets.polnear`: reading PolNeAR (BRAT attributions, the pronoun table);
- :mod:`~widgets.devsets.sources`: gold direct quotes and the kind of their source;
- :mod:`~widgets.devsets.scoring`: quote recall, precision, speaker accuracy;
- :mod:`~widgets.devsets.ptc`: reading PTC, span scoring, the TextBlob baseline.
"""
from __future__ import annotations

from .polnear import (Annotation, Attribution, PolnearArticle, choose_annotation_file, parse_brat, read_polnear,
                      read_pronoun_sources)
from .ptc import (HEADLINE_CATEGORIES, HEADLINE_TECHNIQUES, TECHNIQUE_CATEGORIES, PtcArticle, PtcSpan, SpanScore,
                  merge_spans, read_ptc, score_spans, textblob_spans, textblob_word_score)
from .scoring import QuoteScore, QuoteVerdict, score_quotes
from .sources import (GROUP_WORDS, ORGANISATION_WORDS, QUOTE_MARKS, SCORED_CLASSES, SOURCE_CLASSES, GoldQuote,
                      classify_source, gold_direct_quotes, is_direct_quote)
from .split import HALVES, REPORT, TUNING, half_of
from .words import FUNCTION_WORDS, PRONOUNS, TITLES, content_words, word_count

__all__ = [
    "Annotation", "Attribution", "PolnearArticle", "choose_annotation_file", "parse_brat", "read_polnear",
    "read_pronoun_sources", "HEADLINE_CATEGORIES", "HEADLINE_TECHNIQUES", "TECHNIQUE_CATEGORIES", "PtcArticle",
    "PtcSpan", "SpanScore", "merge_spans", "read_ptc", "score_spans", "textblob_spans", "textblob_word_score",
    "QuoteScore", "QuoteVerdict", "score_quotes", "GROUP_WORDS", "ORGANISATION_WORDS", "QUOTE_MARKS",
    "SCORED_CLASSES", "SOURCE_CLASSES", "GoldQuote", "classify_source", "gold_direct_quotes", "is_direct_quote",
    "HALVES", "REPORT", "TUNING", "half_of", "FUNCTION_WORDS", "PRONOUNS", "TITLES", "content_words", "word_count",
]
