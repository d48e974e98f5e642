"""The state of a marking session (:class:`MarkingModel`): which text, which mode, what is marked, the comparison.

A ``traitlets`` model with no widgets in it: :class:`widgets.views.marking.MarkingWidget` draws it, and scripts
and tests use it alone (the sample hand-ins in ``data/sample-class/`` were made with it). Every change of the
marks is remembered in the student's saved work (:func:`widgets.exercises.remember_marks`).

>>> m = MarkingModel(article_id="xi-invites-putin", part=17)
>>> m.mode, m.parts()[0], m.comparison is None
('loaded', ('whole article', 0), True)
"""
from __future__ import annotations

import traitlets

from .. import exercises
from ..corpus import Corpus, load_corpus
from ..loaded import paragraphs
from ..marking import (
    MODES,
    Comparison,
    Mark,
    compare_marks,
    fingerprint,
    key_spans,
    marked_words,
    marks_from_words,
    people,
    tool_spans,
    words,
)
from ..wording import did_you_mean, shorten


class MarkingModel(traitlets.HasTraits):
    """The state of a marking session: which text, which mode, what is marked, and the comparison.

    Usable without a notebook (the sample hand-ins in ``data/sample-class/`` were made with it):

    >>> m = MarkingModel(article_id="xi-invites-putin", part=17)
    >>> m.mark_phrase("malarkey"), m.toggle(0), len(m.marked)
    (1, None, 2)
    >>> m.toggle(0)
    >>> [x.text for x in m.marks()]
    ['malarkey']
    """

    article_id = traitlets.Unicode()
    part = traitlets.Int(0)  # 0: the whole article; N: paragraph N
    mode = traitlets.Enum(MODES, default_value="loaded")
    speaker = traitlets.Unicode("")
    marked = traitlets.Dict()  # word index (in the part shown) -> speaker (None when marking loaded words)
    cursor = traitlets.Int(0)
    comparison = traitlets.Any(None)  # a widgets.marking.Comparison while the comparison is shown

    def __init__(self, *, corpus: Corpus | None = None, **kwargs):
        self.corpus = (corpus if corpus is not None else load_corpus(warn=False)).analysable()
        self.problem = ""
        self._layers: dict[tuple[str, str], tuple] = {}
        self._people: dict[str, list[str]] = {}
        kwargs.setdefault("article_id", self.corpus.ids[0] if self.corpus.ids else "")
        super().__init__(**kwargs)
        self._load_window()

    # ----- the part of the text shown --------------------------------------------------------------
    @property
    def article(self):
        return self.corpus[self.article_id]

    def parts(self) -> list[tuple[str, int]]:
        """The choices of the Part menu: the whole article, then each paragraph (its first words)."""
        out = [("whole article", 0)]
        for p in paragraphs(self.article):
            out.append((f"paragraph {p.number}: {shorten(p.text, 50)}", p.number))
        return out

    def window(self) -> tuple[int, int]:
        """The offsets (into ``article.raw``) of the part shown."""
        paras = paragraphs(self.article)
        if not paras:
            return self.article.body_start, self.article.body_end
        if 1 <= self.part <= len(paras):
            p = paras[self.part - 1]
            return p.start, p.end
        return paras[0].start, paras[-1].end

    @traitlets.validate("article_id")
    def _known_article(self, proposal):
        if proposal["value"] not in self.corpus.ids:
            raise traitlets.TraitError(f"Unknown article {proposal['value']!r}; choose one of: "
                                       f"{', '.join(self.corpus.ids)}.{did_you_mean(proposal['value'], self.corpus.ids)}")
        return proposal["value"]

    @traitlets.validate("part")
    def _known_part(self, proposal):
        n = len(paragraphs(self.article))
        if not 0 <= proposal["value"] <= n:
            raise traitlets.TraitError(f"{self.article_id} has paragraphs 1 to {n} (or 0 for the whole article), "
                                       f"not {proposal['value']}.")
        return proposal["value"]

    @traitlets.observe("article_id", "mode")
    def _new_text(self, change):
        if change["name"] == "article_id" and self.part > len(paragraphs(self.article)):
            self.part = 0
        self._load_window()

    @traitlets.observe("part")
    def _new_part(self, _change):
        self._load_window()

    def _load_window(self) -> None:
        start, end = self.window()
        self.words = words(self.article.raw, start=start, end=end)
        kept = [Mark(s, e, t, sp) for s, e, t, sp in exercises.previous_marks(self.article_id, self.mode)]
        saved_on = exercises.marks_fingerprint(self.article_id, self.mode)
        self.problem = ("These marks were made on another version of this article: check that they are still "
                        "on the right words." if kept and saved_on and saved_on != fingerprint(self.article.raw) else "")
        self.comparison = None
        self.cursor = 0
        self.marked = marked_words(self.words, kept) if self.mode == "quotes" else {
            i: None for i in marked_words(self.words, kept)}

    def reload(self) -> None:
        """Read the marks again from the saved work (after :func:`widgets.exercises.load_work`)."""
        showing = self.comparison is not None
        self._load_window()
        if showing:
            self.compare()

    # ----- marking -----------------------------------------------------------------------------------
    def _speaker(self) -> str | None:
        return (self.speaker.strip() or None) if self.mode == "quotes" else None

    def _set(self, marked: dict) -> None:
        self.marked = marked
        start, end = self.window()
        outside = [t for t in exercises.previous_marks(self.article_id, self.mode) if t[1] <= start or t[0] >= end]
        inside = [(m.start, m.end, m.text, m.speaker) for m in self.marks()]
        exercises.remember_marks(self.article_id, self.mode, sorted(outside + inside),
                                 fingerprint=fingerprint(self.article.raw))
        if self.comparison is not None:
            self.compare()

    def _valid(self, index: int) -> bool:
        return isinstance(index, int) and 0 <= index < len(self.words)

    def toggle(self, index: int, *, move_cursor: bool = True) -> None:
        """Mark word ``index`` (of the part shown), or unmark it if it is marked; the cursor moves there.

        ``move_cursor=False`` is for a click or key in the browser: the page has moved its own cursor
        already, and a second move sent from here could arrive after the student's next key and pull the
        cursor back (so the next key would mark the wrong word).
        """
        if not self._valid(index):
            return
        marked = dict(self.marked)
        if index in marked:
            del marked[index]
        else:
            marked[index] = self._speaker()
        if move_cursor:
            self.cursor = index
        self._set(marked)

    def mark_range(self, first: int, last: int, *, on: bool = True) -> None:
        """Mark (or with ``on=False`` unmark) every word from ``first`` to ``last``."""
        if not (self._valid(first) and self._valid(last)):
            return
        first, last = min(first, last), max(first, last)
        marked = dict(self.marked)
        for i in range(first, last + 1):
            if on:
                marked[i] = self._speaker()
            else:
                marked.pop(i, None)
        self._set(marked)

    def mark_phrase(self, phrase: str, *, occurrence: int = 1) -> int:
        """Mark the words of ``phrase`` (its ``occurrence``-th appearance in the part shown); return how many.

        For scripts and tests: a student clicks instead.
        """
        targets = [w.text.casefold() for w in words(phrase)]
        texts = [w.text.casefold() for w in self.words]
        seen = 0
        for i in range(len(texts) - len(targets) + 1):
            if targets and texts[i:i + len(targets)] == targets:
                seen += 1
                if seen == occurrence:
                    self.mark_range(i, i + len(targets) - 1)
                    return len(targets)
        return 0

    def clear(self) -> None:
        """Unmark every word of the part shown."""
        self._set({})

    def give_quote_to(self, index: int, speaker: str) -> int:
        """Give the marked quote that word ``index`` is in to ``speaker``; return how many words changed."""
        if index not in self.marked:
            return 0
        old = self.marked[index]
        lo = hi = index
        while lo - 1 in self.marked and self.marked[lo - 1] == old:
            lo -= 1
        while hi + 1 in self.marked and self.marked[hi + 1] == old:
            hi += 1
        marked = dict(self.marked)
        for i in range(lo, hi + 1):
            marked[i] = speaker.strip() or None
        self._set(marked)
        return hi - lo + 1

    def marks(self) -> list[Mark]:
        """The student's marks in the part shown, as spans (runs of marked words)."""
        return marks_from_words(self.article.raw, self.words, self.marked)

    # ----- comparing ---------------------------------------------------------------------------------
    def layers(self):
        """The tool's spans and the key's layer for this article and mode (computed once)."""
        key = (self.article_id, self.mode)
        if key not in self._layers:
            self._layers[key] = (tool_spans(self.article, self.mode), key_spans(self.article, self.mode, corpus=self.corpus))
        return self._layers[key]

    def compare(self) -> Comparison:
        """Compare the marks with the tool and the key; the result stays shown until :meth:`hide_comparison`."""
        from ..speakers import load_speakers

        tool, key = self.layers()
        start, end = self.window()
        self.comparison = compare_marks(self.article.raw, self.marks(), tool=tool, key=key.spans, mode=self.mode,
                                        start=start, end=end, speakers=load_speakers() if self.mode == "quotes" else None)
        return self.comparison

    def hide_comparison(self) -> None:
        self.comparison = None

    def people(self) -> list[str]:
        """The names for the speaker box (the article's people)."""
        if self.article_id not in self._people:
            self._people[self.article_id] = people(self.article)
        return self._people[self.article_id]


__all__ = ["MarkingModel"]
