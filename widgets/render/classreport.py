"""The class view as HTML: one script-free page, or a block in a notebook; every text escaped.

The analysis is :mod:`widgets.classreport`; this module only draws its :class:`~widgets.classreport.ClassReport`.
Like :mod:`widgets.render.html`, it imports nothing that imports the class view, so a report can draw itself with
it (``report.html()``, and its notebook display). The words both the text report and the page use are here too:
the names of the two marking tasks, and what Krippendorff's alpha means.

>>> alpha_text(0.4567), MODE_NAMES["quotes"]
('0.46', 'quotes')
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..corpus import load_corpus
from ..wording import shorten
from .html import escape, table_html

if TYPE_CHECKING:
    from ..classreport import ClassReport, ParagraphReport

MODE_NAMES = {"loaded": "loaded words", "quotes": "quotes"}
ALPHA_EXPLAINED = ("Krippendorff's alpha says how much the students agree with each other on which words to mark, "
                   "beyond what chance would give: 1 means everyone marked exactly the same words, 0 means no more "
                   "agreement than chance, and below 0 means they disagree more than chance would; about 0.67 or "
                   "more is usually taken as agreement worth trusting.")


def alpha_text(alpha: float | None) -> str:
    """An agreement figure as the report writes it.

    >>> alpha_text(0.712), alpha_text(None)
    ('0.71', 'cannot be computed (fewer than two students, or all marked exactly the same)')
    """
    return "cannot be computed (fewer than two students, or all marked exactly the same)" if alpha is None \
        else f"{alpha:.2f}"


def phrase_list(items) -> str:
    """Phrases as a list for the report: each in quotes, long ones shortened, or "none".

    >>> phrase_list(["hypocrisy", "far more appropriate"]), phrase_list([])
    ('"hypocrisy", "far more appropriate"', 'none')
    """
    return ", ".join(f'"{short_phrase(i)}"' for i in items) if items else "none"


def short_phrase(text: str, n: int = 10) -> str:
    """``text`` cut to ``n`` words (at a word, with " …") for the report.

    >>> short_phrase("one two three four", 2)
    'one two …'
    """
    return shorten(text, words=n)


PAGE_STYLE = """<style>
.ml-class{font-family:system-ui,sans-serif;max-width:62em;color:#111}
.ml-class .ml-para{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.6;font-family:Georgia,serif;border:1px solid #999;padding:.4em .7em;border-radius:4px}
.ml-class .ml-count{font:bold .7em sans-serif;vertical-align:super;border:1px solid #333;border-radius:3px;padding:0 .2em;margin-left:.1em;background:#fff;color:#000}
.ml-class .ml-tool{border-top:3px dashed #D55E00}
.ml-class .ml-key{border-bottom:3px dotted #009E73;padding-bottom:2px}
.ml-class table{border-collapse:collapse;margin:.5em 0}.ml-class td,.ml-class th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
.ml-class .ml-legend span{margin-right:1em;padding:0 .3em}
</style>"""


def _shade(share: float) -> str:
    """A background from white to Okabe-Ito blue by share (the count is also written as a number)."""
    r, g, b = (round(255 + (c - 255) * 0.75 * share) for c in (0x56, 0xB4, 0xE9))
    return f"#{r:02x}{g:02x}{b:02x}"


def _paragraph_html(raw: str, p: ParagraphReport) -> str:
    out, pos = [], p.start
    for w in p.words:
        out.append(escape(raw[pos:w.start]))
        classes = " ".join(c for c, on in (("ml-tool", w.tool), ("ml-key", bool(w.key))) if on)
        style = f' style="background-color:{_shade(w.students / p.students)}"' if w.students else ""
        title = f"{w.students} of {p.students} students" + ("; the tool marks it" if w.tool else "") + (
            "; the key counts it" if w.key else "")
        count = f'<span class="ml-count">{w.students}</span>' if w.students else ""
        out.append(f'<span class="{classes}"{style} title="{escape(title)}">{escape(w.text)}</span>{count}')
        pos = w.end
    out.append(escape(raw[pos:p.end]))
    return f'<div class="ml-para mathjax_ignore">{"".join(out)}</div>'


def class_report_body(report: ClassReport, *, anonymous: bool, heading: bool = True) -> str:
    """The report as an HTML block for a notebook (what a :class:`~widgets.classreport.ClassReport` shows as).

    >>> from widgets.classreport import SAMPLE_CLASS, class_report
    >>> body = class_report_body(class_report(SAMPLE_CLASS), anonymous=True)
    >>> "Student 1" in body, "Sam Lopez" in body, body.count("<h3>Paragraph")
    (True, False, 2)
    """
    corpus_raw = _raw_of(report.article_id)
    task = MODE_NAMES[report.mode]
    parts = [f'<div class="ml-class mathjax_ignore">{PAGE_STYLE}',
             f"<h2>Class view: {escape(report.article_id)}, {escape(task)}</h2>" if heading else "",
             f"<p>{len(report.hand_ins)} students. Agreement between students (Krippendorff's alpha): "
             f"<strong>{escape(alpha_text(report.alpha))}</strong>. {escape(ALPHA_EXPLAINED)}</p>"]
    if report.problems:
        if anonymous:
            parts.append(f"<p>{len(report.problems)} files were left out (see the teacher's copy).</p>")
        else:
            items = "".join(f"<li>{escape(str(b))}</li>" for b in report.problems)
            parts.append(f"<h3>Left out ({len(report.problems)})</h3><ul>{items}</ul>")
    parts.append('<p class="ml-legend">On the text: <span style="background-color:#a0d3f0">blue, with a number</span> '
                 'how many students marked the word (darker: more); <span class="ml-tool">dashed line above</span> the '
                 'tool marks it; <span class="ml-key">dotted line below</span> the key counts it.</p>')
    for p in report.paragraphs:
        parts.append(f"<h3>Paragraph {p.number} (alpha {escape(alpha_text(p.alpha))})</h3>")
        parts.append(_paragraph_html(corpus_raw, p))
        rows = [("the class agrees on (at least 75% marked)", phrase_list(p.agreed)),
                ("the class splits on (25% to 75% marked)", phrase_list(p.split)),
                ("the class marked (half or more), the tool did not", phrase_list(p.class_not_tool)),
                ("the tool marked, the class did not (under half)", phrase_list(p.tool_not_class))]
        if report.has_key:
            rows.append(("the key counts, the class did not (under half)", phrase_list(p.key_not_class)))
        for tally in p.speakers:
            said = ", ".join(f"{name} {n}" for name, n in tally.said) or "nobody marked it"
            rows.append((f'who said "{short_phrase(tally.text)}"',
                         f"the {tally.reference}: {tally.speaker or 'nobody named'}; the class: {said}"))
        parts.append(table_html(["", "words"], rows))
    per = report.per_student(anonymous=anonymous)
    parts.append("<h3>Per student</h3>")
    parts.append(table_html(["student", "words marked", "agrees with the class majority", "agrees with the key"],
                            [(r["student"], r["words marked"], r["agrees with the class majority"], r["agrees with the key"])
                             for r in per]))
    parts.append("</div>")
    return "\n".join(parts)


def _raw_of(article_id: str) -> str:
    return load_corpus(warn=False)[article_id].raw


def class_report_html(report: ClassReport, *, anonymous: bool = False, chart: bool = True) -> str:
    """The report as one self-contained HTML page: no script, a Content-Security-Policy that forbids any, and
    the chart as an SVG image drawn offline.

    >>> from widgets.classreport import SAMPLE_CLASS, class_report
    >>> page = class_report_html(class_report(SAMPLE_CLASS), anonymous=True, chart=False)
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page, "Sam Lopez" in page
    (True, False, False)
    """
    from ..export import CSP, PAGE_STYLE as EXPORT_STYLE, _figure, chart_svg

    title = f"Class view: {report.article_id} ({MODE_NAMES[report.mode]})" + (" (anonymous)" if anonymous else "")
    figure = _figure(chart_svg(report.chart(anonymous=anonymous)), "How many students marked each word, and each "
                     "student's agreement with the class") if chart else ""
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(title)}</title>", EXPORT_STYLE, "</head><body>",
        f"<h1>{escape(title)}</h1>",
        class_report_body(report, anonymous=anonymous, heading=False), figure,
        "<p><small>Made with the media-literacy notebooks from the students' saved-work files.</small></p>",
        "</body></html>"])


__all__ = ["ALPHA_EXPLAINED", "MODE_NAMES", "PAGE_STYLE", "alpha_text", "class_report_body", "class_report_html",
           "phrase_list", "short_phrase"]
