"""Menus and lists whose options come from a model: the two small pieces of wiring every view uses.

ipywidgets chooses the first option of a menu or list by itself when its options are replaced while
something is chosen. :func:`show_choices` chooses nothing before replacing the options, so what shows
is always the model's choice; :func:`on_choice` passes only a student's choice on to the model (the
empty choice exists only in that moment: a student cannot choose "nothing" in a menu or a list).

>>> import ipywidgets as W
>>> menu = W.Dropdown(options=["a", "b"], value="b")
>>> show_choices(menu, ["c", "b"], "b")
>>> menu.options, menu.value
(('c', 'b'), 'b')
"""
from __future__ import annotations

from typing import Callable, Sequence


def _values(options: Sequence) -> list:
    return [o[1] if isinstance(o, tuple) else o for o in options]


def show_choices(widget, options: Sequence, value) -> None:
    """Give a ``Dropdown`` or ``Select`` these options (values, or (label, value) pairs) and choose
    ``value`` (nothing, if it is not among them).

    >>> import ipywidgets as W
    >>> picker = W.Select(options=[("first", 0), ("second", 1)], value=1)
    >>> show_choices(picker, [("third", 2)], 1)
    >>> picker.value is None
    True
    """
    options = tuple(options)
    if tuple(widget.options) != options:
        widget.index = None  # choose nothing first, so ipywidgets does not choose the first new option
        widget.options = options
    widget.value = value if value in _values(options) else None


def on_choice(widget, set_in_model: Callable[[object], None], *, capture) -> None:
    """Call ``set_in_model(value)`` when the student chooses an option of ``widget``.

    ``capture`` is the view's ``Output.capture()`` decorator, so an error shows under the view.

    >>> import ipywidgets as W
    >>> chosen, menu = [], W.Dropdown(options=["a", "b"])
    >>> on_choice(menu, chosen.append, capture=W.Output().capture())
    >>> menu.value = "b"
    >>> show_choices(menu, ["c"], None)
    >>> chosen
    ['b']
    """
    def changed(change) -> None:
        if change["new"] is not None:
            set_in_model(change["new"])

    widget.observe(capture(changed), names="value")


__all__ = ["on_choice", "show_choices"]
