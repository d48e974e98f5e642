"""Learn the loaded-language scorer's two files from the TUNING half of the PTC devset.

    python benchmarks/train_loaded.py [--ptc DIR] [--parse-cache DIR] [--write] [--report]

Reads ``ptc-train`` (default ``../shared/devsets/ptc-train`` next to the kit; never copied into the repo),
keeps only the tuning half (``widgets.devsets.half_of(id) == "tuning"``; the report half is never read),
parses it with the kit's pipeline (``--parse-cache`` as in ``python -m widgets.bench accuracy``), and:

1. counts, for every word (base form, content words only), how often annotators marked it inside a
   Loaded_Language or Name_Calling,Labeling span ("marked k of n uses");
2. describes every token with the kit's clues (``widgets.loaded.scorer.feature_matrix``). A word's own
   evidence is counted *without the article it is in*, so the weights learn how far evidence from other
   articles carries to a new one (as it will on a teacher's article);
3. chooses the regularisation, the threshold and whether an adjective takes its noun by 5-fold
   cross-validation over articles *inside the tuning half* (SemEval task-SI span scoring,
   ``widgets.devsets.score_spans``), and prints the whole grid;
4. with ``--write``, trains on the whole tuning half and writes ``data/loaded-evidence.csv`` and
   ``data/loaded-weights.csv`` (both plain CSV a teacher can read; see ``widgets/loaded/scorer.py``).

``--report`` does none of this: it measures the files already written, once, on the report half (span P / R /
F1 with and without the scorer, and the scorer's milliseconds per article). Run it after the choices are made.

Needs scikit-learn (``requirements-bench.txt``, development only); the kit itself only reads the CSVs.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from widgets import devsets  # noqa: E402
from widgets.loaded import scorer  # noqa: E402

DEFAULT_PTC = ROOT.parent / "shared" / "devsets" / "ptc-train"
FOLDS = 5
#: Unmarked words are kept in the evidence file only when used at least this often (rarer ones say little).
MIN_USES_UNMARKED = 3
SMOOTHING_GRID = (2.0, 5.0)
C_GRID = (0.1, 1.0)
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
#: The threshold written to the weights file: the one with the best cross-validated F1 of the whole engine
#: (lexicon, rules and scorer) among those whose cross-validated precision is at least this: the precision of
#: issue 10's precision target (a wrong highlight teaches the wrong thing, so precision comes first).
MIN_PRECISION = 0.50
#: Among settings whose F1 is within this of the best, the one with the highest threshold is chosen: fewer,
#: surer highlights for a practically equal F1 (differences this small are within cross-validation noise).
F1_MARGIN = 0.01


def fold_of(article_id: str) -> int:
    """The cross-validation fold (0-4) of a tuning-half article (a hash independent of the half split)."""
    return int(hashlib.sha1(("fold:" + article_id).encode()).hexdigest(), 16) % FOLDS


def word_counts(doc, labels) -> dict[str, list[int]]:
    """lemma -> [marked, uses] for the content words of one article (the words the scorer has evidence for)."""
    out: dict[str, list[int]] = {}
    for t in doc:
        if t.is_alpha and t.pos_ in scorer.CONTENT_POS and t.ent_type_ not in scorer.NAME_ENTITIES:
            row = out.setdefault(t.lemma_.lower() or t.lower_, [0, 0])
            row[0] += labels[t.i]
            row[1] += 1
    return out


def token_labels(doc, gold: list[tuple[int, int]]) -> list[int]:
    """1 for a token that overlaps a gold span, else 0."""
    import bisect

    starts = [s for s, _ in gold]
    out = []
    for t in doc:
        s, e = t.idx, t.idx + len(t.text)
        k = bisect.bisect_right(starts, e) - 1
        hit = False
        while k >= 0 and not hit:
            gs, ge = gold[k]
            hit = gs < e and s < ge and not t.is_space
            if gs < s - 2000:
                break
            k -= 1
        out.append(int(hit))
    return out


def total_counts(per_article: dict[str, dict[str, list[int]]], ids) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for aid in ids:
        for word, (k, n) in per_article[aid].items():
            row = out.setdefault(word, [0, 0])
            row[0] += k
            row[1] += n
    return out


def counts_fn(total: dict[str, list[int]], leave_out: dict[str, list[int]] | None = None):
    """counts(word) -> (marked, uses) as the evidence file will give them, optionally without one article."""
    def counts(word: str) -> tuple[int, int]:
        k, n = total.get(word, (0, 0))
        if leave_out is not None and word in leave_out:
            k, n = k - leave_out[word][0], n - leave_out[word][1]
        if k == 0 and n < MIN_USES_UNMARKED:
            return 0, 0
        return k, n
    return counts


def prior_of(total: dict[str, list[int]]) -> float:
    marked = sum(k for k, _ in total.values())
    uses = sum(n for _, n in total.values())
    return round(marked / uses, 4)


def load(ptc: Path, cache: Path | None):
    """The tuning-half articles, their parses, quotes, token labels and per-article word counts."""
    from widgets.bench_accuracy import _parsed
    from widgets.loaded import find_loaded
    from widgets.quotes import find_quotes

    articles = devsets.read_ptc(ptc, half=devsets.TUNING)
    by_id = {a.id: a for a in articles}
    ids = [a.id for a in articles]
    data = {}
    for aid, doc in _parsed("ptc-tuning", ids, [by_id[i].text for i in ids], processes=2, cache=cache):
        gold = devsets.merge_spans(by_id[aid].spans_of(devsets.HEADLINE_TECHNIQUES))
        labels = token_labels(doc, gold)
        quotes = find_quotes(doc)
        lexicon_spans = [(m.start, m.end) for m in find_loaded(doc, quotes=quotes, scorer=False)
                         if m.category in devsets.HEADLINE_CATEGORIES]
        data[aid] = {"doc": doc, "quotes": quotes, "labels": labels, "gold": gold, "lexicon": lexicon_spans,
                     "counts": word_counts(doc, labels), "article": by_id[aid]}
    return data


def features(data, ids, total, *, leave_own: bool, prior: float, smoothing: float):
    import numpy as np

    model = scorer.ScorerModel({}, {}, 0.5, prior, smoothing)
    blocks, ys, signals = [], [], []
    for aid in ids:
        d = data[aid]
        counts = counts_fn(total, d["counts"] if leave_own else None)
        blocks.append(scorer.feature_matrix(d["doc"], quotes=d["quotes"], model=model, counts=counts))
        ys.append(np.array(d["labels"]))
        signals.append(scorer.own_signal(blocks[-1]))
    return blocks, ys, signals


def fit(blocks, ys, C: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.vstack(blocks)
    y = np.concatenate(ys)
    # the intercept is column 0 of the clues, so sklearn's own intercept is switched off
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=5000)
    model.fit(X, y)
    return model.coef_[0]


def score(data, ids, run, threshold: float, *, noun: bool, signal: bool, with_lexicon: bool = False):
    """Span scores of the scorer's phrases (and, ``with_lexicon``, the lexicon's LL/NC highlights too);
    ``run`` is (probabilities, own-signal flags) by article."""
    pred = {}
    for aid in ids:
        probs, signals = run
        phrases = scorer.phrases_from_scores(data[aid]["doc"], probs[aid], threshold, noun=noun,
                                             signal=signals[aid] if signal else None)
        pred[aid] = [(p.start, p.end) for p in phrases] + (data[aid]["lexicon"] if with_lexicon else [])
    return devsets.score_spans(pred, {aid: data[aid]["gold"] for aid in ids})


def cross_validate(data):
    """{(smoothing, C): ({article id: token probabilities}, {article id: own-signal flags})} from 5-fold
    cross-validation inside the tuning half."""
    import numpy as np

    ids = sorted(data)
    out = {(m, C): ({}, {}) for m in SMOOTHING_GRID for C in C_GRID}
    for k in range(FOLDS):
        train = [a for a in ids if fold_of(a) != k]
        test = [a for a in ids if fold_of(a) == k]
        total = total_counts({a: data[a]["counts"] for a in train}, train)
        prior = prior_of(total)
        for m in SMOOTHING_GRID:
            blocks, ys, _ = features(data, train, total, leave_own=True, prior=prior, smoothing=m)
            test_blocks, _, test_signals = features(data, test, total, leave_own=False, prior=prior, smoothing=m)
            for C in C_GRID:
                w = fit(blocks, ys, C)
                for aid, X, sig in zip(test, test_blocks, test_signals):
                    out[(m, C)][0][aid] = list(1 / (1 + np.exp(-(X @ w))))
                    out[(m, C)][1][aid] = sig
        print(f"  fold {k + 1}/{FOLDS} done", file=sys.stderr)
    return out


def write_files(data, smoothing: float, C: float, threshold: float, noun: bool, signal: bool, out_dir: Path) -> None:
    ids = sorted(data)
    total = total_counts({a: data[a]["counts"] for a in ids}, ids)
    prior = prior_of(total)
    blocks, ys, _ = features(data, ids, total, leave_own=True, prior=prior, smoothing=smoothing)
    w = fit(blocks, ys, C)
    old = {}
    evidence_path = out_dir / scorer.EVIDENCE_FILE
    if evidence_path.exists():   # keep hand-written alternatives across re-training
        old = {e.word: e.alternative for e in scorer.parse_evidence(evidence_path).values() if e.alternative}
    rows = sorted(((word, k, n) for word, (k, n) in total.items() if k > 0 or n >= MIN_USES_UNMARKED),
                  key=lambda r: (-r[1], -r[2], r[0]))
    with open(evidence_path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(scorer.EVIDENCE_COLUMNS)
        for word, k, n in rows:
            out.writerow([word, k, n, old.get(word, ""), scorer.PTC_PROVENANCE])
    meanings = {"(threshold)": scorer.SETTINGS["(threshold)"] + f" (chosen by cross-validation in the PTC tuning half: see benchmarks/train_loaded.py)",
                "(evidence prior)": scorer.SETTINGS["(evidence prior)"],
                "(evidence smoothing)": scorer.SETTINGS["(evidence smoothing)"],
                "(intercept)": "the starting score of every word, before any clue (log-odds)"}
    with open(out_dir / scorer.WEIGHTS_FILE, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(scorer.WEIGHTS_COLUMNS)
        out.writerow(["(threshold)", threshold, meanings["(threshold)"]])
        out.writerow(["(evidence prior)", prior, meanings["(evidence prior)"]])
        out.writerow(["(evidence smoothing)", smoothing, meanings["(evidence smoothing)"]])
        out.writerow(["(adjective takes its noun)", int(noun), scorer.SETTINGS["(adjective takes its noun)"]])
        out.writerow(["(own clue needed)", int(signal), scorer.SETTINGS["(own clue needed)"]])
        for name, weight in zip(scorer.feature_names(), w):
            if abs(weight) >= 5e-5 or name == "(intercept)":
                out.writerow([name, f"{weight:.4f}", meanings.get(name, "")])
    print(f"Wrote {evidence_path} ({len(rows)} words) and {out_dir / scorer.WEIGHTS_FILE}.", file=sys.stderr)


def measure_report(ptc: Path, data_dir: Path) -> None:
    """Measure the scorer files in ``data_dir`` on the REPORT half, once, after all choices are made (nothing here
    feeds back into training): span P / R / F1 (LL + NC) of ``find_loaded`` without and with the scorer, and the
    scorer's time per article after parsing. The articles are parsed afresh, as a teacher's would be."""
    from widgets import nlp
    from widgets.loaded import find_loaded
    from widgets.quotes import find_quotes

    articles = devsets.read_ptc(ptc, half=devsets.REPORT)
    model = scorer.load_scorer(data_dir)
    pred: dict[bool, dict[str, list]] = {False: {}, True: {}}
    gold, seconds, scorer_seconds = {}, {False: 0.0, True: 0.0}, 0.0
    pipeline = nlp.load_pipeline()
    for article, doc in zip(articles, pipeline.pipe([a.text for a in articles], batch_size=8)):
        quotes = find_quotes(doc)
        for on in (False, True):
            started = time.perf_counter()
            found = find_loaded(doc, quotes=quotes, scorer=model if on else None)
            seconds[on] += time.perf_counter() - started
            pred[on][article.id] = [(m.start, m.end) for m in found if m.category in devsets.HEADLINE_CATEGORIES]
        started = time.perf_counter()
        scorer.score_phrases(doc, quotes=quotes, model=model)
        scorer_seconds += time.perf_counter() - started
        gold[article.id] = devsets.merge_spans(article.spans_of(devsets.HEADLINE_TECHNIQUES))
    n = len(articles)
    print(f"\nREPORT half ({n} articles), measured once, LL + NC span P / R / F1:")
    for on in (False, True):
        s = devsets.score_spans(pred[on], gold)
        what = "lexicon + rules + scorer" if on else "lexicon + rules only    "
        print(f"  {what}: P {s.precision:.3f} R {s.recall:.3f} "
              f"F1 {s.f1:.3f} ({s.predicted} highlights; find_loaded {1000 * seconds[on] / n:.1f} ms per article)")
    print(f"  the scorer alone (score_phrases, after parsing): {1000 * scorer_seconds / n:.1f} ms per article")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptc", default=str(DEFAULT_PTC), help="the PTC folder (default ../shared/devsets/ptc-train)")
    parser.add_argument("--parse-cache", default=None, metavar="DIR", help="keep the parses in DIR (outside the repo)")
    parser.add_argument("--write", action="store_true", help="train on the whole tuning half and write the two CSVs")
    parser.add_argument("--out", default=str(ROOT / "data"), help="where --write puts the files (default data/)")
    parser.add_argument("--report", action="store_true",
                        help="only measure the files in --out ONCE on the report half (no training, no tuning)")
    args = parser.parse_args(argv)
    ptc = Path(args.ptc)
    if not ptc.is_dir():
        print(f"No PTC folder at {ptc}: pass --ptc DIR (see ../shared/devsets/README.md).", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.report:
        measure_report(ptc, Path(args.out))
        return 0
    data = load(ptc, Path(args.parse_cache) if args.parse_cache else None)
    ids = sorted(data)
    print(f"Tuning half: {len(ids)} articles, {sum(len(d['doc']) for d in data.values()):,} tokens, "
          f"{sum(len(d['gold']) for d in data.values())} gold LL + NC spans (merged).")
    probs = cross_validate(data)
    lexicon_only = devsets.score_spans({a: data[a]["lexicon"] for a in ids}, {a: data[a]["gold"] for a in ids})
    print(f"\nLexicon and rules only (no scorer): P {lexicon_only.precision:.2f} R {lexicon_only.recall:.2f} "
          f"F1 {lexicon_only.f1:.2f} ({lexicon_only.predicted} highlights).")
    every = []
    for with_lexicon in (False, True):
        print(f"\n5-fold cross-validation inside the tuning half, {'lexicon + rules + scorer' if with_lexicon else 'scorer alone'} "
              "(SemEval task-SI span P / R / F1, LL + NC):\n")
        print("| smoothing | C | adjective takes its noun | own clue needed | " + " | ".join(f"t={t}" for t in THRESHOLDS) + " |")
        print("|---" * (len(THRESHOLDS) + 4) + "|")
        for (m, C), run in probs.items():
            for noun in (False, True):
                for signal in (False, True):
                    cells = []
                    for t in THRESHOLDS:
                        s = score(data, ids, run, t, noun=noun, signal=signal, with_lexicon=with_lexicon)
                        cells.append(f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}")
                        if with_lexicon:
                            every.append((s, m, C, noun, signal, t))
                    print(f"| {m} | {C} | {'yes' if noun else 'no'} | {'yes' if signal else 'no'} | " + " | ".join(cells) + " |")
    floor = MIN_PRECISION
    candidates = [c for c in every if c[0].precision >= floor]
    if not candidates:   # no setting reached the precision wanted: keep the most precise ones, and say so
        floor = round(max(c[0].precision for c in every) - 0.02, 3)
        candidates = [c for c in every if c[0].precision >= floor]
        print(f"\nNo setting reached precision {MIN_PRECISION} (the best was {floor + 0.02:.3f}): choosing among those "
              f"with precision >= {floor}.")
    top = max(c[0].f1 for c in candidates)
    # among the settings within F1_MARGIN of the best, the one with the highest threshold (fewest highlights)
    s, m, C, noun, signal, t = max((c for c in candidates if c[0].f1 >= top - F1_MARGIN),
                                   key=lambda c: (c[5], c[0].f1))
    print(f"\nChosen (the highest threshold whose F1 is within {F1_MARGIN} of the best F1 ({top:.3f}) of the whole "
          f"engine with precision >= {floor}): smoothing {m}, C={C}, "
          f"adjective takes its noun: {'yes' if noun else 'no'}, own clue needed: {'yes' if signal else 'no'}, "
          f"threshold {t}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} ({s.predicted} highlights).")
    if args.write:
        write_files(data, m, C, t, noun, signal, Path(args.out))
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
