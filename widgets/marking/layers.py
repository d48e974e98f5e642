"""The tool's and the answer key's layers for a corpus article, and the people it names (the speaker box).

The tool's layer comes from :func:`widgets.loaded.find_loaded` or :func:`widgets.quotes.find_quotes`, the key's
from ``data/keys/``; both as :class:`~widgets.marking.Span`, ready for :func:`~widgets.marking.compare_marks`.

>>> from widgets.corpus import article_from_text
>>> [s.text for s in tool_spans(article_from_text("A brutal crackdown."), "loaded")]
['brutal', 'crackdown']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .marks import Span


def tool_spans(article, mode: str) -> list[Span]:
    """The tool's highlights (loaded) or quotes (quotes) in an article, as :class:`Span`.

    >>> from widgets.corpus import article_from_text
    >>> [(s.text, s.label) for s in tool_spans(article_from_text("A brutal crackdown."), "loaded")]
    [('brutal', 'loaded language'), ('crackdown', 'loaded language')]
    """
    if mode == "quotes":
        from ..quotes import find_quotes

        return [Span(q.start, q.end, q.text, q.kind, q.reason, True, q.speaker) for q in find_quotes(article)]
    from ..loaded import find_loaded

    return [Span(m.start, m.end, m.text, _category_label(m.category), m.explanation, True, m.speaker)
            for m in find_loaded(article)]


def _category_label(category: str) -> str:
    return "thought-terminating cliché" if category == "thought_terminating_cliche" else category.replace("_", " ")


@dataclass(frozen=True)
class KeyLayer:
    """The key's spans for one article (``spans`` is None when the key has nothing for it), and any problem."""

    spans: tuple[Span, ...] | None
    problem: str = ""
    notes: tuple[str, ...] = field(default=())


def key_spans(article, mode: str, *, corpus=None) -> KeyLayer:
    """The answer key's spans for an article (None when the key does not cover it); never raises.

    >>> layer = key_spans(__import__("widgets.corpus").corpus.load_corpus()["xi-invites-putin"], "loaded")
    >>> any(s.text == "malarkey" for s in layer.spans)
    True
    """
    from ..errors import KitError

    try:
        if mode == "quotes":
            from ..quotes import load_answer_key

            rows = [k for k in load_answer_key() if k.article == article.id]
            if not rows:
                return KeyLayer(None)
            raw = article.raw
            spans = tuple(Span(k.start, k.end, k.text, k.kind, k.note, True, k.speaker) for k in rows
                          if raw[k.start:k.end] == k.text)
            if len(spans) < len(rows):
                return KeyLayer(None, "the quotes key does not match this version of the article")
            return KeyLayer(spans)
        from ..loaded import load_key

        items = [k for k in load_key(corpus=corpus) if k.article == article.id]
        if not items:
            return KeyLayer(None)
        return KeyLayer(tuple(Span(k.start, k.end, k.text, _category_label(k.category) if k.category else "", k.why,
                                   k.counted, None) for k in items))
    except (KitError, OSError, ValueError) as err:
        return KeyLayer(None, f"the answer key could not be read ({err})")


def people(article) -> list[str]:
    """The people (and groups, documents) an article names, in order of first mention: the choices of
    the speaker box. Names in the speaker table come by their canonical name; other people the spaCy
    model finds come as written.

    >>> from widgets.corpus import article_from_text
    >>> people(article_from_text("Kirby spoke. Then Maria Lopez, a farmer, answered Mr Kirby."))
    ['John Kirby', 'Maria Lopez']
    """
    from ..nlp import parse
    from ..speakers import load_speakers

    raw = article.raw if hasattr(article, "raw") else str(article)
    table = load_speakers()
    first: dict[str, int] = {}
    for form, speaker in table.forms():
        m = re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", raw)
        if m and (speaker.name not in first or m.start() < first[speaker.name]):
            first[speaker.name] = m.start()
    for ent in parse(article).ents:
        if ent.label_ != "PERSON":
            continue
        known = table.lookup(ent.text)
        name = known.name if known else re.sub(r"[’']s$", "", ent.text.strip())
        if name and (name not in first or ent.start_char < first[name]):
            first[name] = ent.start_char
    longer = {part for n in first if len(n.split()) > 1 for part in n.split()}
    return sorted((n for n in first if len(n.split()) > 1 or n not in longer), key=lambda n: (first[n], n))


__all__ = ["KeyLayer", "key_spans", "people", "tool_spans"]
