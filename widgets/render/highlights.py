"""Highlight styles and the one span-to-HTML renderer every view and the export use.

Highlights never rely on colour alone: each is drawn with a colour from a colour-blind-safe palette
*and* an underline style *and* a visible label.

>>> html = render_highlights("Kirby said “malarkey”.", [Highlight(12, 20, "Kirby", PALETTE[0], "solid")])
>>> "malarkey" in html and "<script" not in html
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .html import escape, escape_visible

#: Okabe & Ito's colour-blind-safe palette (without black), as pale backgrounds need a light tone too.
PALETTE = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#999999",  # grey
)
#: Underline styles, paired with colours so that a highlight is told apart without colour.
UNDERLINES = ("solid", "dashed", "dotted", "double", "wavy")


@dataclass(frozen=True)
class Highlight:
    """One span to highlight: offsets into the text, a short visible label, a colour and underline style.

    ``title`` becomes the hover text; ``key`` is a stable id (e.g. "q3") put in a ``data-key`` attribute
    so tests and links can find the span.
    """

    start: int
    end: int
    label: str
    colour: str = PALETTE[0]
    underline: str = "solid"
    title: str = ""
    key: str = ""


STYLE = """<style>
.ml-text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;font-family:Georgia,serif;max-width:60em}
.ml-mark{padding:0 .1em;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}
.ml-label{font:bold 0.7em sans-serif;background:#fff;border:1px solid #333;border-radius:3px;padding:0 .25em;margin-left:.15em;vertical-align:super;color:#000}
.ml-invisible{font:0.7em monospace;border:1px dashed #333;color:#000}
.ml-legend{display:flex;flex-wrap:wrap;gap:.6em;margin:.4em 0;font:0.9em sans-serif}
.ml-swatch{padding:0 .4em;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}
.ml-outside{color:#555}
</style>"""


def style_for(index: int) -> tuple[str, str]:
    """The (colour, underline) pair for the n-th category or speaker: distinct in colour *and* underline.

    >>> style_for(0), style_for(5)
    (('#E69F00', 'solid'), ('#D55E00', 'solid'))
    """
    return PALETTE[index % len(PALETTE)], UNDERLINES[index % len(UNDERLINES)]


def _style(h: Highlight) -> str:
    underline = h.underline if h.underline in UNDERLINES else "solid"
    return (f"background-color:{_tint(h.colour)};text-decoration-color:{escape(h.colour)};"
            f"text-decoration-style:{underline}")


def _tint(colour: str) -> str:
    """A light version of a #RRGGBB colour (background), so dark text stays readable (contrast)."""
    c = colour.lstrip("#")
    if len(c) != 6:
        return "#eeeeee"
    try:
        r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#eeeeee"
    r, g, b = (round(v + (255 - v) * 0.65) for v in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def render_highlights(
    text: str,
    highlights: Iterable[Highlight],
    *,
    base_offset: int = 0,
    include_style: bool = True,
) -> str:
    """Escaped HTML of ``text`` with the highlights drawn (colour + underline style + visible label).

    Overlapping highlights are allowed: the text is cut at every highlight boundary and each piece is
    wrapped in the marks that cover it; a highlight's label follows its last piece.

    Args:
        text: the text to show (e.g. ``article.raw`` or ``article.body``).
        highlights: spans with offsets into the *original* text.
        base_offset: where ``text`` starts in the original (e.g. ``article.body_start``).
        include_style: prepend the ``<style>`` block (leave it on unless you add it yourself).

    >>> print(render_highlights("a b c", [Highlight(2, 3, "B", key="x")], include_style=False))
    <div class="ml-text mathjax_ignore">a <mark class="ml-mark" data-key="x" style="background-color:#f6dda6;text-decoration-color:#E69F00;text-decoration-style:solid" title="B">b<span class="ml-label">B</span></mark> c</div>
    """
    n = len(text)
    spans = []
    for h in highlights:
        s, e = max(0, h.start - base_offset), min(n, h.end - base_offset)
        if s < e:
            spans.append((s, e, h))
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(s, e, h) for s, e, h in spans if s <= a and b <= e]
        piece = escape_visible(text[a:b])
        # Outer marks first (longest first) so nesting is stable.
        for s, e, h in sorted(covering, key=lambda t: (t[0] - t[1], t[0]), reverse=True):
            label = f'<span class="ml-label">{escape(h.label)}</span>' if b == e and h.label else ""
            key = f' data-key="{escape(h.key)}"' if h.key else ""
            title = escape(h.title or h.label)
            piece = f'<mark class="ml-mark"{key} style="{_style(h)}" title="{title}">{piece}{label}</mark>'
        out.append(piece)
    # mathjax_ignore: JupyterLab would otherwise typeset "$5 billion ... $10" in an article as maths.
    body = f'<div class="ml-text mathjax_ignore">{"".join(out)}</div>'
    return (STYLE + body) if include_style else body


def legend_html(entries: Sequence[tuple[str, str, str]], *, title: str = "Key") -> str:
    """A legend: one swatch per (label, colour, underline style), each showing its underline style too.

    >>> "Blinken" in legend_html([("Blinken", PALETTE[0], "solid")])
    True
    """
    items = "".join(
        f'<span class="ml-swatch" style="{_style(Highlight(0, 0, label, colour, underline))}">{escape(label)} '
        f'<small>({escape(underline)} underline)</small></span>'
        for label, colour, underline in entries
    )
    return f'<div class="ml-legend mathjax_ignore" role="list" aria-label="{escape(title)}"><strong>{escape(title)}:</strong>{items}</div>'


__all__ = ["Highlight", "PALETTE", "STYLE", "UNDERLINES", "legend_html", "render_highlights", "style_for"]
