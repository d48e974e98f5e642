"""MarkingWidget: mark the loaded words (or the quotes, and who said them) yourself, then compare.

The student marks words in an article or one paragraph, with the mouse (click a word to mark or unmark
it; drag across words to mark them all) or the keyboard alone (see :data:`KEYS`). *Compare* then shows
three layers at once on the text: the student's marks, the tool's highlights and the answer key (where
one exists), each told apart by a pattern and a label as well as a colour, with one line per place that
says who marked it and why, and how far the student and the key agree, in words.

The marks are part of the student's saved work (:func:`widgets.exercises.save_work`, the WorkSaver's
*Save my work* button); loading the work back restores them in every marking widget.

The text is drawn by a small custom widget (:class:`MarkedText`, built on ``anywidget``; its JavaScript,
``marking.js``, ships inside this package, so it works offline). Python keeps the state and the logic in
:class:`MarkingModel`; the JavaScript only draws and reports clicks and keys. Text reaches the page as
text (``textContent``), never as markup.

>>> view = MarkingWidget(article_id="xi-invites-putin", paragraph=17)
>>> view.model.mark_phrase("malarkey")
1
>>> [m.text for m in view.model.marks()]
['malarkey']
>>> result = view.model.compare()
>>> print(result.with_key)
you and the key agree on 1 of 1 word
>>> view.compare_button.value = True
>>> "you and the key agree on 1 of 1 word" in view.status.value.lower()
True
"""
from __future__ import annotations

import re
from pathlib import Path

import anywidget
import ipywidgets as W
import traitlets

from .. import exercises
from ..corpus import Corpus
from ..render.corpus import skipped_html
from ..render.html import escape
from ..marking import KEY, TOOL, YOU
from .markingmodel import MarkingModel

HERE = Path(__file__).resolve().parent
MODE_CHOICES = (("Mark the loaded words", "loaded"), ("Mark the quotes and who said them", "quotes"))
#: The keys of the marking widget (the README and the lesson show this list). Inside JupyterLab the plain
#: up/down arrows move between cells, so the text is walked with left/right.
KEYS = (
    ("Tab", "move into the text (and on to the buttons)"),
    ("Left / Right arrow", "move to the previous / next word"),
    ("Home / End", "move to the first / last word"),
    ("Space or Enter", "mark the word, or unmark it if it is marked"),
    ("Shift + Left / Right arrow", "mark the word you move to (and the one you leave)"),
    ("Escape", "leave the text"),
)
LAYER_NAMES = {YOU: "you", TOOL: "tool", KEY: "key"}


class MarkedText(anywidget.AnyWidget):
    """The text, word by word, with the marks drawn; reports clicks and keys to Python (no logic in JS).

    Synced state: ``text`` (the part shown), ``words`` (``[start, end]`` of each word in ``text``),
    ``marked`` (indices of marked words), ``flags`` (per word, who marked it when comparing: bits of
    :data:`widgets.marking.YOU`, ``TOOL``, ``KEY``, ``KEY_NOT_COUNTED``), ``labels`` (``[word index,
    text]``: a small label drawn after that word), ``cursor`` (the word the keyboard is on) and
    ``description`` (what a screen reader announces for the text).
    """

    _esm = HERE / "marking.js"
    _css = HERE / "marking.css"
    text = traitlets.Unicode("").tag(sync=True)
    words = traitlets.List([]).tag(sync=True)
    marked = traitlets.List([]).tag(sync=True)
    flags = traitlets.List([]).tag(sync=True)
    labels = traitlets.List([]).tag(sync=True)
    cursor = traitlets.Int(0).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)


def _flags_and_labels(model: MarkingModel) -> tuple[list[int], list[list]]:
    """What the text widget draws besides the marks: layer flags per word and small labels after words."""
    labels: dict[int, list[str]] = {}
    if model.mode == "quotes":
        for i in sorted(model.marked):
            if i + 1 not in model.marked or model.marked[i + 1] != model.marked[i]:
                labels.setdefault(i, []).append(f"said: {model.marked[i] or '?'}")
    comparison = model.comparison
    if comparison is None:
        return [], [[i, " · ".join(t)] for i, t in sorted(labels.items())]
    flags = comparison.layer_flags()  # the comparison's words are the words shown, numbered alike from 0
    for f in comparison.findings:
        last = max((w.index for w in comparison.words if w.start < f.end and f.start < w.end), default=None)
        if last is None:
            continue
        who = [name for name, on in (("you", f.you), ("tool", f.tool), ("key", f.key)) if on]
        text = " + ".join(who) + (" only" if len(who) == 1 else "")
        if f.key_not_counted:
            text += " · key: not counted"
        labels.setdefault(last, []).append(text)
    return flags, [[i, " · ".join(t)] for i, t in sorted(labels.items())]


def keys_html() -> str:
    """The keys, as one HTML line for the widget's help (always shown: no need to find it first).

    >>> "Space or Enter" in keys_html()
    True
    """
    items = "; ".join(f"<kbd>{escape(k)}</kbd> {escape(what)}" for k, what in KEYS)
    return (f'<p class="ml-marking-help"><strong>Keys:</strong> {items}. <strong>Mouse:</strong> click a word to '
            "mark or unmark it; drag across words to mark them all.</p>")


class MarkingWidget(W.VBox):
    """Mark an article (or one paragraph) yourself, then compare with the tool and the answer key."""

    def __init__(self, article_id: str | None = None, *, paragraph: int | None = None, mode: str = "loaded",
                 corpus: Corpus | None = None):
        options = dict(mode=mode, part=paragraph or 0)
        if article_id is not None:
            options["article_id"] = article_id
        self.model = MarkingModel(corpus=corpus, **options)
        model = self.model
        self.text = MarkedText()
        self.article = W.Dropdown(options=[(a.label, a.id) for a in model.corpus], value=model.article_id,
                                  description="Article:", layout=W.Layout(width="34em"))
        self.part = W.Dropdown(options=model.parts(), value=model.part, description="Part:",
                               layout=W.Layout(width="30em"))
        self.mode = W.ToggleButtons(options=MODE_CHOICES, value=model.mode, description="Task:",
                                    tooltips=["Mark the words that push the reader", "Mark the quoted words and say who said them"],
                                    style={"button_width": "auto"})
        self.speaker = W.Combobox(options=[], placeholder="choose or type a name", description="Who said it:",
                                  ensure_option=False, layout=W.Layout(width="26em"))
        self.give_button = W.Button(description="Give the quote at the cursor to this speaker",
                                    layout=W.Layout(width="auto"),
                                    tooltip="Changes the speaker of the marked quote the keyboard cursor is in")
        self.compare_button = W.ToggleButton(value=False, description="Compare", icon="balance-scale",
                                             tooltip="Show your marks, the tool's and the key's together")
        self.clear_button = W.Button(description="Clear my marks", icon="eraser",
                                     tooltip="Unmark every word of the part shown")
        self.instructions = W.HTML()
        self.status = W.HTML()
        self.help = W.HTML(keys_html())
        self.errors = W.Output()
        self.speaker_row = W.HBox([self.speaker, self.give_button])

        traitlets.link((self.article, "value"), (model, "article_id"))
        traitlets.link((self.mode, "value"), (model, "mode"))
        traitlets.link((self.speaker, "value"), (model, "speaker"))
        traitlets.link((self.text, "cursor"), (model, "cursor"))
        self.part.observe(self._on_part, names="value")
        model.observe(self._on_article, names="article_id")
        model.observe(self._on_part_changed, names="part")
        model.observe(self._redraw, names=["marked", "comparison", "mode", "article_id", "part"])
        self.compare_button.observe(self._on_compare, names="value")
        self.clear_button.on_click(self._on_clear)
        self.give_button.on_click(self._on_give)
        self.text.on_msg(self._on_text_event)
        exercises.when_work_is_loaded(self._on_work_loaded)

        super().__init__([W.HTML(skipped_html(model.corpus.skipped)), W.HBox([self.article, self.part]), self.mode, self.instructions, self.speaker_row,
                          self.text, W.HBox([self.compare_button, self.clear_button]), self.status, self.help,
                          self.errors])
        self.add_class("ml-marking-widget")
        self._redraw()

    # ----- drawing ---------------------------------------------------------------------------------
    def _redraw(self, _change=None) -> None:
        model = self.model
        start, end = model.window()
        text = model.article.raw[start:end]
        words_now = [[w.start - start, w.end - start] for w in model.words]
        if self.text.text != text or self.text.words != words_now:
            with self.text.hold_sync():
                self.text.text = text
                self.text.words = words_now
        flags, labels = _flags_and_labels(model)
        with self.text.hold_sync():
            self.text.marked = sorted(model.marked)
            self.text.flags = flags
            self.text.labels = labels
            where = "the whole article" if not model.part else f"paragraph {model.part}"
            task = "the loaded words" if model.mode == "loaded" else "the quotes"
            self.text.description = (f"Text of {model.article.label}, {where}: mark {task}. Left and Right arrows move "
                                     "word by word, Space marks or unmarks, Shift with an arrow marks as you move.")
        self.speaker_row.layout.display = "" if model.mode == "quotes" else "none"
        if model.mode == "quotes":
            self.speaker.options = model.people()
        self.instructions.value = self._instructions_html()
        self.status.value = self._status_html()
        if model.comparison is None and self.compare_button.value:
            self.compare_button.value = False

    def _instructions_html(self) -> str:
        if self.model.mode == "loaded":
            text = ("Mark the words that push the reader to feel or judge, where a plainer word would say the same. "
                    "Then press Compare.")
        else:
            text = ("Mark the words inside each quotation, and say who said them: choose or type a name in the box "
                    "first (it is given to the words you mark next). Then press Compare.")
        return f'<p class="ml-marking-instructions">{escape(text)}</p>'

    def _status_html(self) -> str:
        model = self.model
        marks = model.marks()
        n_words = len(model.marked)
        where = "in the whole article" if not model.part else f"in paragraph {model.part}"
        parts = [f"<p role=\"status\"><strong>{escape(model.article.label)}</strong> {escape(where)}: "
                 f"{len(model.words)} words. You marked {n_words} word{'s' if n_words != 1 else ''} in "
                 f"{len(marks)} place{'s' if len(marks) != 1 else ''}.</p>"]
        if model.problem:
            parts.append(f"<p><strong>Note:</strong> {escape(model.problem)}</p>")
        comparison = model.comparison
        if comparison is not None:
            _tool, key = model.layers()
            legend = ('<p class="ml-marking-legend-text">On the text: <span class="ml-word ml-you">your marks</span> '
                      '(blue background, solid underline), <span class="ml-word ml-tool">the tool</span> (dashed line '
                      'above), <span class="ml-word ml-key">the key</span> (dotted box), <span class="ml-word ml-keyno">'
                      'the key does not count it</span> (grey dotted box); a label after each place says who marked it.</p>')
            summary = "".join(f"<li>{escape(s)}</li>" for s in comparison.summary())
            if key.problem:
                summary += f"<li>{escape('No key is shown: ' + key.problem + '.')}</li>"
            lines = "".join(f"<li>{escape(line)}</li>" for line in comparison.lines()) or "<li>Nobody marked anything here.</li>"
            parts.append(f'{legend}<ul class="ml-marking-summary">{summary}</ul>'
                         f'<p><strong>Place by place:</strong></p><ul class="ml-marking-findings">{lines}</ul>')
        return f'<div class="ml-marking-status mathjax_ignore">{"".join(parts)}</div>'

    # ----- events ------------------------------------------------------------------------------------
    def _on_text_event(self, _widget, content, _buffers) -> None:
        with self.errors:
            if not isinstance(content, dict):
                return
            kind = content.get("kind")
            index = content.get("index")
            if kind == "toggle" and isinstance(index, int):
                self.model.toggle(index, move_cursor=False)  # the page moved its cursor itself
            elif kind in ("mark", "unmark") and isinstance(index, int):
                self.model.mark_range(index, index, on=kind == "mark")
            elif kind == "range" and isinstance(content.get("first"), int) and isinstance(content.get("last"), int):
                self.model.mark_range(content["first"], content["last"])

    def _on_article(self, _change) -> None:
        with self.errors:
            self.part.options = self.model.parts()
            self.part.value = self.model.part

    def _on_part(self, change) -> None:
        with self.errors:
            if change["new"] is not None and change["new"] != self.model.part:
                self.model.part = change["new"]

    def _on_part_changed(self, change) -> None:
        if self.part.value != change["new"]:
            self.part.value = change["new"]

    def _on_compare(self, change) -> None:
        with self.errors:
            if change["new"]:
                self.model.compare()
            else:
                self.model.hide_comparison()

    def _on_clear(self, _button) -> None:
        with self.errors:
            self.model.clear()

    def _on_give(self, _button) -> None:
        with self.errors:
            changed = self.model.give_quote_to(self.model.cursor, self.speaker.value)
            if not changed:
                self.status.value = self._status_html() + (
                    '<p role="alert">Move the cursor (the arrow keys, or a click) onto a marked quote first.</p>')

    def _on_work_loaded(self) -> None:
        with self.errors:
            self.model.reload()


def _marked_text_class_is_an_anywidget() -> bool:
    """For the tests: the text is drawn by an anywidget whose JavaScript is a file in this package.

    >>> _marked_text_class_is_an_anywidget()
    True
    """
    return issubclass(MarkedText, anywidget.AnyWidget) and (HERE / "marking.js").is_file() and bool(
        re.search(r"export default", (HERE / "marking.js").read_text(encoding="utf-8")))


__all__ = ["KEYS", "MarkedText", "MarkingModel", "MarkingWidget", "keys_html"]
