"""Interactive views (ipywidgets) on top of the analysis modules.

Each view keeps its state in a ``traitlets`` model (``widgets.views.models``: filtering and derived
state, no widgets), is built from small widgets that only draw it, and is shown by the notebook (a
constructor never calls ``display``)::

    from widgets.views import ArticleBrowser
    ArticleBrowser()
"""
from __future__ import annotations

import importlib

_VIEWS = {
    "ArticleBrowser": "corpus",
    "QuoteSpotter": "quotes",
    "SourceComparer": "compare",
    "LoadedLanguageHighlighter": "loaded",
    "WorkSaver": "work",
    "MarkingWidget": "marking",
}


def __getattr__(name: str):
    if name in _VIEWS:
        return getattr(importlib.import_module(f"{__name__}.{_VIEWS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}; views: {', '.join(_VIEWS)}")


__all__ = list(_VIEWS)
