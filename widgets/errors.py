"""Friendly errors for students and teachers.

Every error the kit expects (a malformed article, a bad metadata row, a wrong answer type) is a
:class:`KitError`: its message says what went wrong and what to do next, so a notebook can show it
without a traceback.

>>> err = KitError("The file is empty.", fix="Paste the article text into it and save.")
>>> print(err)
The file is empty. Fix: Paste the article text into it and save.
"""
from __future__ import annotations


class KitError(Exception):
    """An expected problem, with a message for a person and the fix.

    Args:
        message: what went wrong, in plain words.
        fix: what to do next (optional).
        where: the file (and line) the problem is in (optional).
    """

    def __init__(self, message: str, *, fix: str = "", where: str = "") -> None:
        self.message = message
        self.fix = fix
        self.where = where
        super().__init__(self.describe())

    def describe(self) -> str:
        """The whole message on one line: where, what, and the fix."""
        parts = []
        if self.where:
            parts.append(f"{self.where}:")
        parts.append(self.message)
        if self.fix:
            parts.append(f"Fix: {self.fix}")
        return " ".join(parts)


class ArticleError(KitError):
    """An article file that cannot be read as text (not UTF-8, empty, binary, missing)."""


class MetadataError(KitError):
    """A problem in a teacher-editable CSV file (data cards, speakers, lexicon, ...)."""


class AnswerError(KitError):
    """A student's answer that cannot be checked as given (wrong type, unknown exercise)."""


def install_friendly_errors() -> bool:
    """Inside IPython or Jupyter, show every :class:`KitError` as its friendly message, without a traceback.

    Safe to call any number of times; does nothing outside IPython. A handler for other exceptions that
    another library set is kept: it still gets every exception that is not a KitError. Returns True if
    the friendly messages are active. Importing the kit never calls it: a lesson's first cell does (through
    ``medialit.setup_notebook()``).

    >>> install_friendly_errors()   # a plain Python session: nothing to do
    False
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if getattr(shell.CustomTB, "__func__", None) is getattr(shell, "_medialit_friendly_tb", None):
        return True  # already installed, and nobody has replaced it since
    previous_types = tuple(shell.custom_exceptions or ())
    previous = shell.CustomTB if previous_types else None

    def friendly(self, etype, value, tb, tb_offset=None):
        if isinstance(value, KitError):
            print(f"Problem: {value.describe()}")
            return []
        return previous(etype, value, tb, tb_offset=tb_offset)  # the other library's handler

    shell.set_custom_exc(previous_types + (KitError,), friendly)
    shell._medialit_friendly_tb = shell.CustomTB.__func__
    return True
