"""Altair charts for the lessons, drawn offline.

Why Altair 5.5 and the ``mimetype`` renderer: JupyterLab 4 ships a Vega 5 / Vega-Lite 5 renderer, so a
chart sent as a ``application/vnd.vegalite.v5+json`` output draws with no internet and keeps its
tooltips. Altair 6 emits Vega-Lite 6, which that renderer cannot draw, and its default HTML output loads
Vega from a CDN, which classrooms behind a firewall and CI cannot reach. The mimetype output is plain
JSON, so nbval checks every chart's full specification (no random ids to sanitize).

Every chart function here calls :func:`use_offline_renderer` itself; you never need to.

>>> import altair as alt
>>> use_offline_renderer()
>>> alt.renderers.active
'mimetype'
"""
from __future__ import annotations

import sys

#: Okabe & Ito's colour-blind-safe palette, for categorical colour scales.
from ..render import PALETTE as OKABE_ITO


def _import_altair_without_widgets() -> None:
    """Import Altair without letting it pull in ipywidgets.

    Altair 5.5's ``altair.jupyter`` imports ``anywidget`` (and so ipywidgets) whenever it is installed,
    only to offer ``alt.JupyterChart``, which the kit never uses (it draws with the ``mimetype``
    renderer). The kit installs anywidget for its marking widget, so without this a chart or an HTML
    export would import the whole widget stack. If anywidget is already loaded (a notebook that shows
    a widget), nothing is hidden and Altair is imported as usual.
    """
    if "altair" in sys.modules or "anywidget" in sys.modules:
        return
    sys.modules["anywidget"] = None  # makes "import anywidget" raise ImportError, just for this import
    try:
        import altair  # noqa: F401
    finally:
        del sys.modules["anywidget"]


_import_altair_without_widgets()


def use_offline_renderer() -> None:
    """Switch Altair to the offline ``mimetype`` renderer (safe to call any number of times).

    >>> import altair as alt
    >>> use_offline_renderer(); use_offline_renderer()
    >>> alt.renderers.active
    'mimetype'
    """
    import altair as alt

    if alt.renderers.active != "mimetype":
        alt.renderers.enable("mimetype")


def categorical_scale(domain=None):
    """An Altair colour scale using the colour-blind-safe palette.

    >>> categorical_scale(["Russia", "Ukraine"]).to_dict()
    {'domain': ['Russia', 'Ukraine'], 'range': ['#E69F00', '#56B4E9']}
    >>> len(categorical_scale().to_dict()["range"])
    8
    """
    import altair as alt

    if domain is None:
        return alt.Scale(range=list(OKABE_ITO))
    return alt.Scale(domain=list(domain), range=list(OKABE_ITO[: len(domain)] or OKABE_ITO))


__all__ = ["OKABE_ITO", "categorical_scale", "use_offline_renderer"]
