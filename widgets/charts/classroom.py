"""Charts for the class view: how many students marked each word, and how each student agrees with the class.

Every bar also shows its number, and whether the tool and the key mark a word is written beside it, so
nothing is read from colour alone.

>>> from widgets.classreport import SAMPLE_CLASS, class_report
>>> chart = class_chart(class_report(SAMPLE_CLASS), anonymous=True)
>>> [row["student"] for row in chart.to_dict()["vconcat"][1]["data"]["values"]][:2]
['Student 1', 'Student 2']
"""
from __future__ import annotations

from . import OKABE_ITO, use_offline_renderer


def word_rows(report) -> list[dict]:
    """One row per word that a student, the tool or the key marked, in text order.

    >>> from widgets.classreport import SAMPLE_CLASS, class_report
    >>> row = word_rows(class_report(SAMPLE_CLASS))[0]
    >>> sorted(row)
    ['also marked by', 'order', 'students', 'tool', 'word']
    """
    rows = []
    for p in report.paragraphs:
        for w in p.words:
            if not (w.students or w.tool or w.key):
                continue
            also = [name for name, on in (("tool", w.tool), ("key", bool(w.key))) if on]
            rows.append({"order": len(rows), "word": f"¶{p.number} {w.text} ({len(rows) + 1})",
                         "students": w.students, "tool": "the tool marks it" if w.tool else "the tool does not",
                         "also marked by": " + ".join(also) if also else "—"})
    return rows


def class_chart(report, *, anonymous: bool = False):
    """Two charts, one above the other: students per word (with what the tool and key did), and each
    student's agreement with the class majority. ``anonymous`` shows Student 1, 2, ... instead of names.

    >>> from widgets.classreport import SAMPLE_CLASS, class_report
    >>> spec = class_chart(class_report(SAMPLE_CLASS)).to_dict()
    >>> spec["title"], [part["title"] for part in spec["vconcat"]]
    ('Class view: presidents-meet-us-targets (loaded words)',
     ['How many students marked each word (right: also marked by the tool / the key)', 'Each student and the class majority'])
    """
    import altair as alt

    use_offline_renderer()
    rows = word_rows(report)
    n = len(report.hand_ins)
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("word:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=260)))
    bars = base.mark_bar().encode(
        x=alt.X("students:Q", title=f"students who marked the word (of {n})", scale=alt.Scale(domain=[0, max(n, 1)])),
        color=alt.Color("tool:N", title="the tool", scale=alt.Scale(domain=["the tool marks it", "the tool does not"],
                                                                     range=[OKABE_ITO[5], OKABE_ITO[1]])),
        tooltip=[alt.Tooltip("word:N"), alt.Tooltip("students:Q"), alt.Tooltip("also marked by:N")])
    counts = base.mark_text(align="left", dx=3).encode(x="students:Q", text="students:Q")
    also = base.mark_text(align="left").encode(
        x=alt.value(450), text="also marked by:N")
    words_chart = alt.layer(bars, counts, also).properties(
        width=420, height=max(60, 16 * len(rows)),
        title="How many students marked each word (right: also marked by the tool / the key)")
    students = [{"student": r["student"], "share": round(r["share_class"], 3),
                 "label": r["agrees with the class majority"]} for r in report.per_student(anonymous=anonymous)]
    sbase = alt.Chart(alt.Data(values=students)).encode(y=alt.Y("student:N", sort=None, title=None))
    sbars = sbase.mark_bar(color=OKABE_ITO[4]).encode(
        x=alt.X("share:Q", title="share of words agreeing with the class majority", scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("student:N"), alt.Tooltip("label:N", title="agrees on")])
    slabels = sbase.mark_text(align="left", dx=3).encode(x="share:Q", text="label:N")
    students_chart = alt.layer(sbars, slabels).properties(width=420, height=max(40, 18 * len(students)),
                                                          title="Each student and the class majority")
    return alt.vconcat(words_chart, students_chart).properties(
        title=f"Class view: {report.article_id} ({'loaded words' if report.mode == 'loaded' else 'quotes'})")


__all__ = ["class_chart", "word_rows"]
