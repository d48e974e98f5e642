"""Export one article's analysis as a single offline HTML file: ``export_html(article, report=...)``.

The file is self-contained and opens in any browser without internet: the text with its quotes and
loaded-language highlights (colour, underline style and labels), the data card, the student's own report,
and the charts as SVG images. It contains no JavaScript at all, and its Content-Security-Policy forbids
scripts, so even a hostile article can only ever show as text.

Charts are drawn to SVG by ``vl-convert`` (bundled with its own renderer, so no CDN is needed).

>>> from widgets.corpus import article_from_text
>>> import tempfile, pathlib
>>> article = article_from_text("“We will win,” Kirby said. <script>alert(1)</script>", id="toy")
>>> result = export_html(article, pathlib.Path(tempfile.mkdtemp()) / "toy.html", report="Kirby is quoted once.",
...                      charts=False)
>>> html = result.path.read_text(encoding="utf-8")
>>> "<script>" in html, "&lt;script&gt;" in html, "Kirby is quoted once." in html
(False, True, True)
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from .charts.loaded import density_chart
from .charts.quotes import quoted_words_chart
from .corpus import Article, Corpus, load_corpus
from .errors import KitError
from .loaded import find_loaded
from .quotes import find_quotes
from .render import STYLE, escape, render_highlights, table_html
from .render.loaded import article_html, category_label, category_legend, match_highlight
from .render.quotes import quote_highlights, quotes_table_html
from .speakers import load_speakers
from .wording import plural

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

PAGE_STYLE = """<style>
body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em} h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}
.ml-table{border-collapse:collapse;margin:.5em 0} .ml-table td,.ml-table th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
.report{white-space:pre-wrap;border-left:6px solid #009E73;padding:.5em 1em;background:#f4faf7}
figure{margin:1em 0} figcaption{font-size:.9em;color:#333}
</style>"""


@dataclass(frozen=True)
class ExportResult:
    """Where the export went and how big it is."""

    path: Path
    size_bytes: int
    charts: int

    def __repr__(self) -> str:
        return (f"Saved {self.path} ({self.size_bytes / 1024:.0f} KB, {plural(self.charts, 'chart')}). "
                "Download it (right-click in the file browser > Download) and open it in any browser.")


def chart_svg(chart) -> str:
    """An Altair chart as an SVG string, drawn offline by vl-convert.

    >>> import altair as alt
    >>> svg = chart_svg(alt.Chart(alt.Data(values=[{"x": 1}])).mark_bar().encode(x="x:Q"))
    >>> svg.startswith("<svg"), "<script" in svg
    (True, False)
    """
    import vl_convert as vlc

    spec = chart.to_dict()
    m = re.search(r"/v(\d+\.\d+)", spec.get("$schema", ""))
    version = m.group(1) if m else "5.20"
    return vlc.vegalite_to_svg(spec, vl_version=version)


def _figure(svg: str, caption: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<figure><img alt="{escape(caption)}" src="data:image/svg+xml;base64,{data}">'
            f"<figcaption>{escape(caption)}</figcaption></figure>")


def _quotes_section(article: Article) -> str:
    quotes = [q for q in find_quotes(article) if article.in_body(q.start, q.end)]
    speakers = sorted({q.speaker for q in quotes if q.speaker})
    text = render_highlights(article.body, quote_highlights(quotes, speakers=speakers), base_offset=article.body_start,
                             include_style=False)
    return (f"<h2>Who is quoted</h2><p>{plural(len(quotes), 'quotation')} in the article body.</p>"
            + quotes_table_html(quotes, load_speakers(), article) + text)


def _loaded_section(article: Article) -> str:
    matches = [m for m in find_loaded(article) if article.in_headline_or_body(m.start, m.end)]
    legend = category_legend(sorted({m.category for m in matches}), title="Techniques")
    rows = [(m.text, category_label(m.category), m.voice + (f" ({m.speaker})" if m.speaker else ""),
             m.explanation, m.alternative or "") for m in matches]
    text = article_html(article, [match_highlight(m, i) for i, m in enumerate(matches)], include_style=False)
    where = "the headline and the article body" if article.headline_span else "the article body"
    return (f"<h2>Loaded language</h2><p>{plural(len(matches), 'highlight')} in {where}.</p>{legend}"
            + table_html(["words", "technique", "whose voice", "why", "a neutral alternative"], rows) + text)


def _charts(article: Article, corpus: Corpus) -> list[tuple[str, str]]:
    together = corpus if article.id in corpus.ids else Corpus([*corpus, article])
    out = []
    for make, caption in (
        (lambda: quoted_words_chart(together, by="affiliation"), "Share of quoted words by affiliation, per article"),
        (lambda: density_chart(together), "Loaded language per 1,000 words, per article"),
    ):
        out.append((chart_svg(make()), caption))
    return out


#: Where exports go when no path is given (next to the notebook).
EXPORT_FOLDER = "exports"


def _default_export_path(article: Article) -> Path:
    """``exports/<id>.html``, refusing any id that would put the file anywhere else (ids are checked where
    they enter the kit; this is the second line of defence, for an Article made by hand)."""
    from .corpus import id_problem
    from .errors import KitError

    folder = Path(EXPORT_FOLDER)
    path = folder / f"{article.id}.html"
    problem = id_problem(article.id)
    if problem or path.resolve().parent != folder.resolve():
        raise KitError(f'Cannot export an article with the id "{article.id}": {problem or "it names another folder"}. '
                       "Nothing was written.",
                       fix=f'Give a path, e.g. export_html(article, "{EXPORT_FOLDER}/my-report.html"), or load the '
                           "article with a safe id (letters, digits and hyphens).")
    return path


def export_html(
    article: Article,
    path: str | Path | None = None,
    *,
    report: str = "",
    corpus: Corpus | None = None,
    charts: bool = True,
) -> ExportResult:
    """Write one self-contained, script-free HTML page about ``article`` and return where it went.

    Args:
        article: the article to export (from the corpus, or made with ``article_from_text``).
        path: the file to write (default: ``exports/<article id>.html`` next to the notebook; an id that
            would write anywhere else is refused).
        report: the student's own short report (plain text), shown at the top.
        corpus: the articles to compare with in the charts (default: the kit's corpus).
        charts: include the comparison charts (SVG images).

    >>> import tempfile, pathlib
    >>> from widgets.corpus import article_from_text
    >>> article = article_from_text("A brutal plan, “we will win,” Kirby said.", id="toy")
    >>> result = export_html(article, pathlib.Path(tempfile.mkdtemp()) / "toy.html", charts=False)
    >>> result
    Saved .../toy.html (... KB, 0 charts). Download it (right-click in the file browser > Download) and open it in any browser.
    >>> html = result.path.read_text(encoding="utf-8")
    >>> "(no report written yet)" in html, "1 quotation in the article body" in html, "1 highlight in" in html
    (True, True, True)
    >>> export_html("not an article")
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: export_html needs an article, not str. Fix: Use corpus["some-id"] or article_from_text("...").
    """
    if not isinstance(article, Article):
        raise KitError(f"export_html needs an article, not {type(article).__name__}.",
                       fix='Use corpus["some-id"] or article_from_text("...").')
    if report is None or report is Ellipsis:  # the lesson's placeholder: no report written yet
        report = ""
    elif not isinstance(report, str):
        report = str(report)
    path = Path(path) if path is not None else _default_export_path(article)
    path.parent.mkdir(parents=True, exist_ok=True)
    figures = _charts(article, corpus if corpus is not None else load_corpus(warn=False)) if charts else []
    card = table_html(["field", "value"], [("id", article.id), *article.card.rows()])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(article.title if article.title != 'unknown' else article.id)}: media-literacy report</title>",
        PAGE_STYLE,
        STYLE,
        "</head><body>",
        f"<h1>{escape(article.title if article.title != 'unknown' else article.id)}</h1>",
        "<h2>My report</h2>",
        f'<div class="report">{escape(report) if report.strip() else "(no report written yet)"}</div>',
        "<h2>What we know about this article</h2>",
        card,
        _quotes_section(article),
        _loaded_section(article),
    ]
    if figures:
        parts.append("<h2>Compared with the other articles</h2>")
        parts += [_figure(svg, caption) for svg, caption in figures]
    parts.append("<p><small>Made with the media-literacy notebooks. The tools count and highlight; "
                 "they do not judge. Read the article yourself.</small></p></body></html>")
    html = "\n".join(parts)
    path.write_text(html, encoding="utf-8")
    return ExportResult(path=path, size_bytes=len(html.encode("utf-8")), charts=len(figures))


__all__ = ["EXPORT_FOLDER", "ExportResult", "chart_svg", "export_html"]
