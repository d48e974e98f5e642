"""Remember per-article results (quotes, highlights, sentences, entities) between calls, so that a view
that compares another pair of articles does not analyse an article it has already seen again.

A result is reused only for the same text, the same extra key (e.g. the name the article is given, the
facts looked for), the same spaCy pipeline and the same speaker table, lexicon, entity list, reporting verbs,
titles and first names (the objects their loaders return): these tables
are re-read when their files change, which gives new objects and so new results.

>>> from widgets.corpus import article_from_text
>>> a = article_from_text("Rain fell.", id="a")
>>> calls = []
>>> remember(a, "words", lambda art: calls.append(1) or art.raw.split())
['Rain', 'fell.']
>>> remember(a, "words", lambda art: calls.append(1) or art.raw.split()), len(calls)
(['Rain', 'fell.'], 1)
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable

from .errors import KitError

#: How many per-article results are kept (the corpus is five articles, a few kinds of result each).
SIZE = 128
_memo: "OrderedDict[tuple, tuple]" = OrderedDict()


def _tables() -> tuple:
    from .coverage import load_entities
    from .lexicon import load_lexicon
    from .nlp import load_pipeline
    from .speakers import load_speakers
    from .wordlists import load_first_names, load_reporting_verbs, load_titles

    out = [load_pipeline()]
    for load in (load_speakers, load_lexicon, load_entities, load_reporting_verbs, load_titles, load_first_names):
        try:
            out.append(load())
        except KitError:
            out.append(None)
    return tuple(out)


def remember(article, what: str, compute: Callable, *key: Hashable):
    """``compute(article)``, or the result remembered for the same article, ``what`` and ``key``.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("Rain fell on Leeds.", id="a")
    >>> remember(a, "word count", lambda art: len(art.raw.split()))
    4
    >>> remember(a, "word count", lambda art: 999)   # remembered: not computed again
    4
    >>> remember(a, "word count", lambda art: 999, "another key")
    999
    """
    tables = _tables()
    full_key = (what, article.raw, article.body_start, article.body_end, key, tuple(id(t) for t in tables))
    hit = _memo.get(full_key)
    if hit is not None and all(a is b for a, b in zip(hit[0], tables)):
        _memo.move_to_end(full_key)
        return hit[1]
    value = compute(article)
    _memo[full_key] = (tables, value)
    while len(_memo) > SIZE:
        _memo.popitem(last=False)
    return value


def forget() -> None:
    """Drop every remembered result.

    >>> from widgets import memo
    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("Rain fell.", id="a")
    >>> remember(a, "words", lambda art: art.raw.split())
    ['Rain', 'fell.']
    >>> kept = memo._memo.copy()   # (only so that the other examples need not analyse again)
    >>> forget()
    >>> remember(a, "words", lambda art: "computed again")
    'computed again'
    >>> forget(); memo._memo.update(kept)
    """
    _memo.clear()


__all__ = ["SIZE", "forget", "remember"]
