"""Benchmark: the kit's quote spotter against textacy's ``direct_quotations`` on the hand-made key.

Development only. textacy is not a dependency of the kit; install it in a separate environment:

    python -m venv /tmp/bench-venv
    /tmp/bench-venv/bin/pip install -r requirements-bench.txt
    /tmp/bench-venv/bin/python benchmarks/quotes_vs_textacy.py

Both tools get the same spaCy ``Doc`` (the kit's pipeline) for each article and are scored with the
same function (``widgets.evaluation.score_quotes``) against ``data/keys/quotes.csv``. textacy names its
speaker by the tokens of the subject ("Mr Kirby", "he"); to be fair, those are mapped to canonical
names with the same speaker table the kit uses (a pronoun stays a pronoun: textacy does not resolve
it). textacy refuses a whole text when it counts an odd number of quotation marks (apostrophes
included), so it is run twice: on whole articles, as its documentation intends, and paragraph by
paragraph, which lets it keep the paragraphs it can handle.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from widgets.corpus import load_corpus  # noqa: E402
from widgets.nlp import parse, parse_corpus  # noqa: E402
from widgets.quotes import find_quotes, load_answer_key, score_quotes  # noqa: E402
from widgets.speakers import load_speakers  # noqa: E402

MARKS = "“”\"‘’'„«» \n\t\u202f"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    speaker: str | None
    kind: str = "direct"


def _canonical(tokens, table) -> str | None:
    text = " ".join(t.text for t in tokens).strip()
    if not text:
        return None
    speaker = table.lookup(text) or (table.lookup(tokens[-1].text) if tokens else None)
    return speaker.name if speaker else text


def textacy_quotes(doc, table, *, offset: int = 0) -> tuple[list[Found], str | None]:
    from textacy.extract import triples

    try:
        triples_found = list(triples.direct_quotations(doc))
    except ValueError as err:  # textacy bails out on an odd number of quotation marks
        return [], str(err)
    out = []
    for t in triples_found:
        start, end = t.content.start_char, t.content.end_char
        text = doc.text
        while start < end and text[start] in MARKS:
            start += 1
        while end > start and text[end - 1] in MARKS:
            end -= 1
        out.append(Found(start + offset, end + offset, _canonical(t.speaker, table)))
    return out, None


def textacy_by_paragraph(article, table) -> tuple[list[Found], int]:
    found, refused = [], 0
    offset = 0
    for line in article.raw.split("\n"):
        if line.strip():
            quotes, error = textacy_quotes(parse(line), table, offset=offset)
            found += quotes
            refused += error is not None
        offset += len(line) + 1
    return found, refused


def main() -> int:
    corpus = load_corpus()
    parse_corpus(corpus)
    key = load_answer_key()
    table = load_speakers()

    t0 = time.perf_counter()
    ours = {a.id: find_quotes(a) for a in corpus}
    ours_time = time.perf_counter() - t0

    whole, refused_articles = {}, []
    t0 = time.perf_counter()
    for a in corpus:
        whole[a.id], error = textacy_quotes(parse(a), table)
        if error:
            refused_articles.append(a.id)
    textacy_time = time.perf_counter() - t0
    by_paragraph, refused_paragraphs = {}, 0
    for a in corpus:
        by_paragraph[a.id], refused = textacy_by_paragraph(a, table)
        refused_paragraphs += refused

    rows = [("kit (widgets.quotes)", score_quotes(ours, key), f"{ours_time:.2f} s"),
            ("textacy, whole articles", score_quotes(whole, key), f"{textacy_time:.2f} s"),
            ("textacy, by paragraph", score_quotes(by_paragraph, key), "")]
    print(f"Answer key: {len(key)} quotes in {len(corpus)} articles (data/keys/quotes.csv)\n")
    print(f"{'tool':26} {'found':>5} {'precision':>9} {'recall':>6} {'speaker acc.':>12} {'time':>7}")
    for name, s, t in rows:
        print(f"{name:26} {s.found_quotes:5d} {s.precision:9.3f} {s.recall:6.3f} {s.speaker_accuracy:12.3f} {t:>7}")
    print("\nspeaker accuracy = share of the key quotes a tool found whose speaker it got right")
    print("(a quote with no speaker in the key, e.g. a scare quote, counts as right only if the tool gives none).")
    print(f"textacy refused {len(refused_articles)} of {len(corpus)} whole articles "
          f"({', '.join(refused_articles)}) and {refused_paragraphs} paragraphs: odd number of quotation marks.")
    ours_score, best_textacy = rows[0][1], max(rows[1:], key=lambda r: r[1].recall)[1]
    beats = (ours_score.recall > best_textacy.recall and ours_score.speaker_accuracy > best_textacy.speaker_accuracy)
    print("\nThe kit beats textacy on recall and speaker accuracy:", "yes" if beats else "NO")
    return 0 if beats else 1


if __name__ == "__main__":
    sys.exit(main())
