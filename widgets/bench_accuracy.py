"""Accuracy on unseen news: ``python -m widgets.bench accuracy [--polnear DIR] [--ptc DIR]``.

Parses the two development sets (``../shared/devsets/polnear-train`` and ``ptc-train`` next to the kit's
folder, or the folders given) with ``nlp.pipe``, runs the quote spotter and the loaded-language
highlighter on every article, and prints, for each engine, the figures on the tuning half and the report
half side by side, beside the figures of the previous engine (``benchmarks/accuracy-baseline.json``,
written by ``--save-baseline``). How each figure is scored: :mod:`widgets.devsets`.

A full run costs about 6 minutes of CPU time (345 s measured, most of it parsing 916,000 words, spread
over 2 processes); ``--parse-cache DIR`` keeps the parses on disk so that a second run, after a change to
an engine, costs about 1 minute of CPU (52 s measured). The parse does not depend on the engines, so a
cached parse measures the same thing.

This is a development tool: the devsets are not part of the kit and no test needs them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import devsets
from .devsets import HALVES, REPORT, TUNING

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSETS = ROOT.parent / "shared" / "devsets"
BASELINE_FILE = ROOT / "benchmarks" / "accuracy-baseline.json"
#: Targets from issue 10, on the report half.
TARGETS = {"recall": ">= 0.98", "precision": ">= 0.95", "speaker_accuracy": ">= 0.90",
           "headline_f1": ">= 0.35 (P >= 0.50)"}
#: The threshold grid for the bare TextBlob baseline (chosen on the tuning half; 9 = test switched off).
_POLARITY_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 9)
_SUBJECTIVITY_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 9)

MISSING_MESSAGE = """\
python -m widgets.bench accuracy: cannot find the development sets ({what}).
This benchmark measures the quote spotter and the loaded-language highlighter on real, hand-annotated news
that the kit has never seen: PolNeAR (quotation attribution) and the Propaganda Techniques Corpus
(SemEval-2020 task 11). They are development data, not part of the kit, so a user's copy does not have
them. By default they are looked for in ../shared/devsets/polnear-train and ../shared/devsets/ptc-train
next to the kit's folder; pass --polnear DIR and --ptc DIR to point at them elsewhere (see the devsets
README for their layout). Nothing else in the kit needs them."""


# --------------------------------------------------------------------------------------------------
# Parsing (nlp.pipe on several processes, optionally cached on disk)
# --------------------------------------------------------------------------------------------------
def _parsed(label: str, names: list[str], texts: list[str], *, processes: int, cache: Path | None):
    """(name, Doc) for every text, in order: from the cache when it has exactly these texts, else parsed."""
    from spacy.tokens import DocBin

    from . import nlp

    pipeline = nlp.load_pipeline()
    digest = hashlib.sha1("\0".join(n + "\0" + t for n, t in zip(names, texts)).encode()).hexdigest()[:16]
    path = cache / f"{label}-{nlp.pipeline_info().name}-{digest}.spacy" if cache else None
    if path is not None and path.exists():
        docs = DocBin().from_disk(path).get_docs(pipeline.vocab)
        yield from zip(names, docs)
        return
    store = DocBin(store_user_data=False) if path is not None else None
    batch = 8 if processes > 1 else 32
    for name, doc in zip(names, pipeline.pipe(texts, batch_size=batch, n_process=processes)):
        if store is not None:
            store.add(doc)
        yield name, doc
    if store is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        store.to_disk(path)


# --------------------------------------------------------------------------------------------------
# Running the engines
# --------------------------------------------------------------------------------------------------
@dataclass
class EngineRun:
    """What one engine made of every article of a devset, and the time it took (parsing left out).

    ``found``: article -> the kit's quotes (PolNeAR) or ``(start, end, category, rule)`` highlights (PTC).
    ``gold``: article -> gold direct quotes, classified with the parse (PolNeAR only).
    ``words``: article -> ``(offset, word)`` of every alphabetic token, for the TextBlob baseline (PTC only).
    """

    articles: list
    found: dict = field(default_factory=dict)
    gold: dict = field(default_factory=dict)
    words: dict = field(default_factory=dict)
    seconds_engine: float = 0.0


def _run_quotes(articles, pronouns, *, processes: int = 2, cache: Path | None = None, progress=None) -> EngineRun:
    """Parse every PolNeAR article and find its quotes (the kit's ``find_quotes`` on the Doc)."""
    from .quotes import find_quotes

    run = EngineRun(list(articles))
    by_name = {a.name: a for a in run.articles}
    names = [a.name for a in run.articles]
    for name, doc in _parsed("polnear", names, [by_name[n].text for n in names], processes=processes, cache=cache):
        start = time.perf_counter()
        run.found[name] = find_quotes(doc)
        run.seconds_engine += time.perf_counter() - start
        run.gold[name] = devsets.gold_direct_quotes(by_name[name], pronouns=pronouns, doc=doc)
        if progress:
            progress()
    return run


def _run_loaded(articles, *, processes: int = 2, cache: Path | None = None, progress=None) -> EngineRun:
    """Parse every PTC article and highlight it (``find_quotes`` then ``find_loaded`` on the Doc)."""
    from .loaded import find_loaded
    from .quotes import find_quotes

    run = EngineRun(list(articles))
    by_id = {a.id: a for a in run.articles}
    ids = [a.id for a in run.articles]
    for aid, doc in _parsed("ptc", ids, [by_id[i].text for i in ids], processes=processes, cache=cache):
        start = time.perf_counter()
        matches = find_loaded(doc, quotes=find_quotes(doc))
        run.seconds_engine += time.perf_counter() - start
        run.found[aid] = [(m.start, m.end, m.category, m.rule) for m in matches]
        run.words[aid] = [(t.idx, t.text) for t in doc if t.is_alpha]
        if progress:
            progress()
    return run


# --------------------------------------------------------------------------------------------------
# Scoring both halves
# --------------------------------------------------------------------------------------------------
def _quote_figures(run: EngineRun, pronouns) -> dict[str, devsets.QuoteScore]:
    """Half -> :class:`~widgets.devsets.QuoteScore`."""
    out = {}
    for half in HALVES:
        arts = [a for a in run.articles if devsets.half_of(a.name) == half]
        out[half] = devsets.score_quotes(run.found, arts, pronouns=pronouns, gold=run.gold)
    return out


def _predicted(run: EngineRun, ids, categories) -> dict[str, list[tuple[int, int]]]:
    wanted = set(categories)
    return {i: [(s, e) for s, e, c, _ in run.found.get(i, []) if c in wanted] for i in ids}


def _gold(articles, techniques) -> dict[str, list[tuple[int, int]]]:
    return {a.id: a.spans_of(techniques) for a in articles}


def _choose_textblob_thresholds(run: EngineRun, articles) -> tuple[float, float, devsets.SpanScore]:
    """The (polarity, subjectivity) thresholds with the best headline F1 on ``articles`` (the tuning half)."""
    gold = _gold(articles, devsets.HEADLINE_TECHNIQUES)
    best = None
    for pol in _POLARITY_GRID:
        for subj in _SUBJECTIVITY_GRID:
            if pol == 9 and subj == 9:
                continue
            pred = {a.id: devsets.textblob_spans(run.words[a.id], polarity=pol, subjectivity=subj) for a in articles}
            score = devsets.score_spans(pred, gold)
            if best is None or score.f1 > best[2].f1:
                best = (pol, subj, score)
    return best


def _loaded_figures(run: EngineRun) -> dict:
    """Half -> {"headline": SpanScore, "textblob": SpanScore, "categories": {category: SpanScore}},
    plus "textblob_thresholds": (polarity, subjectivity) chosen on the tuning half."""
    halves = {h: [a for a in run.articles if devsets.half_of(a.id) == h] for h in HALVES}
    pol, subj, _ = _choose_textblob_thresholds(run, halves[TUNING])
    out: dict = {"textblob_thresholds": (pol, subj)}
    for half, arts in halves.items():
        ids = [a.id for a in arts]
        gold = _gold(arts, devsets.HEADLINE_TECHNIQUES)
        figures = {"headline": devsets.score_spans(_predicted(run, ids, devsets.HEADLINE_CATEGORIES), gold),
                   "textblob": devsets.score_spans(
                       {a.id: devsets.textblob_spans(run.words[a.id], polarity=pol, subjectivity=subj) for a in arts},
                       gold),
                   "categories": {}}
        for technique, category in devsets.TECHNIQUE_CATEGORIES.items():
            if category is not None:
                figures["categories"][category] = devsets.score_spans(
                    _predicted(run, ids, [category]), _gold(arts, [technique]))
        out[half] = figures
    return out


# --------------------------------------------------------------------------------------------------
# The baseline file and the printed tables
# --------------------------------------------------------------------------------------------------
def _figures_json(quotes: dict | None, loaded: dict | None) -> dict:
    """The measured figures as plain JSON (what ``--save-baseline`` writes)."""
    out: dict = {}
    if quotes is not None:
        out["quotes"] = {h: quotes[h].summary() for h in HALVES}
    if loaded is not None:
        out["loaded"] = {"textblob_thresholds": list(loaded["textblob_thresholds"])}
        for h in HALVES:
            out["loaded"][h] = {"headline": loaded[h]["headline"].summary(),
                                "textblob": loaded[h]["textblob"].summary(),
                                "categories": {c: s.summary() for c, s in loaded[h]["categories"].items()}}
    return out


def _git_commit() -> str:
    """HEAD, and the tracked files that differ from it (the figures are of HEAD plus those changes)."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    changed = [line[3:] for line in dirty if line.strip()]
    return head.stdout.strip() + (f" with uncommitted changes to {', '.join(changed)}" if changed else "")


def _load_baseline(path: Path) -> dict:
    """The saved figures of the previous engine, or {} when there are none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _get(d: dict, *keys, default=None):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return default
        d = d[k]
    return d


def _f(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def _prf(d: dict | None) -> str:
    if not d:
        return "-"
    return f"{d['precision']:.2f} / {d['recall']:.2f} / {d['f1']:.2f}"


def _quote_table(quotes: dict, base: dict) -> list[str]:
    """Markdown rows: each quote figure on both halves, beside the previous engine's."""
    rows = ["| quotes (PolNeAR) | tuning | report | previous: tuning | previous: report | target (report) |",
            "|---|---|---|---|---|---|"]
    for key, what in (("recall", "direct quotes (4+ words) found: recall"),
                      ("precision", "kit quotes (4+ words, not scare) inside an annotated content: precision"),
                      ("speaker_accuracy", "speaker accuracy (name, title or resolved-pronoun sources)"),
                      ("unknown_share", "speaker unknown (share of those quotes)"),
                      ("named_accuracy", "speaker accuracy where the kit named someone"),
                      ("name_accuracy", "speaker accuracy, name sources only (no coreference in the key)"),
                      ("title_accuracy", "speaker accuracy, title sources only (speaker or recorded mention)"),
                      ("pronoun_accuracy", "speaker accuracy, pronoun sources only (against CoreNLP's referent)")):
        rows.append(f"| {what} | {_f(quotes[TUNING].summary()[key])} | {_f(quotes[REPORT].summary()[key])} | "
                    f"{_f(_get(base, 'quotes', TUNING, key))} | {_f(_get(base, 'quotes', REPORT, key))} | "
                    f"{TARGETS.get(key, '')} |")
    t, r = quotes[TUNING], quotes[REPORT]
    (tn, tr), (rn, rr) = t.pronoun_named, r.pronoun_named
    tp, rp = next(x for x in t.by_class if x[0] == "pronoun"), next(x for x in r.by_class if x[0] == "pronoun")
    rows.append(f"| (information) pronoun sources whose CoreNLP referent names a person of the article: "
                f"share of scored pronouns; accuracy on them | {_f(tn / tp[3] if tp[3] else None)}; {_f(tr / tn if tn else None)} | "
                f"{_f(rn / rp[3] if rp[3] else None)}; {_f(rr / rn if rn else None)} | | | |")
    rows.append(f"| counted: articles / gold direct quotes / kit quotes / scored for speaker | "
                f"{t.articles} / {t.gold} / {t.kit_quotes} / {t.scored} | "
                f"{r.articles} / {r.gold} / {r.kit_quotes} / {r.scored} | | | |")
    return rows


def _source_table(quotes: dict) -> list[str]:
    """Markdown rows: gold direct quotes by source class, found, scored and right, per half."""
    rows = ["| source of the gold direct quote | tuning: gold / found / scored / right | report: gold / found / scored / right |",
            "|---|---|---|"]
    for (cls, *t), (_, *r) in zip(quotes[TUNING].by_class, quotes[REPORT].by_class):
        rows.append(f"| {cls} | {' / '.join(map(str, t))} | {' / '.join(map(str, r))} |")
    reasons = sorted({k for h in HALVES for k, _ in quotes[h].unscored})
    for reason in reasons:
        n = [dict(quotes[h].unscored).get(reason, 0) for h in HALVES]
        rows.append(f"| found but not scored: {reason} | {n[0]} | {n[1]} |")
    return rows


def _loaded_table(loaded: dict, base: dict) -> list[str]:
    """Markdown rows: span P / R / F1 on both halves, beside the previous engine's."""
    rows = ["| loaded language (PTC), span P / R / F1 | tuning | report | previous: tuning | previous: report | target (report) |",
            "|---|---|---|---|---|---|"]
    rows.append(f"| loaded language + name calling (the kit's two categories vs the two PTC techniques) | "
                f"{_prf(loaded[TUNING]['headline'].summary())} | {_prf(loaded[REPORT]['headline'].summary())} | "
                f"{_prf(_get(base, 'loaded', TUNING, 'headline'))} | {_prf(_get(base, 'loaded', REPORT, 'headline'))} | "
                f"{TARGETS['headline_f1']} |")
    pol, subj = loaded["textblob_thresholds"]
    rule = " or ".join(x for x in ((f"abs(polarity) >= {pol}" if pol <= 1 else ""),
                                   (f"subjectivity >= {subj}" if subj <= 1 else "")) if x)
    rows.append(f"| bare TextBlob lexicon baseline (every word with {rule}; chosen on the tuning half) | "
                f"{_prf(loaded[TUNING]['textblob'].summary())} | {_prf(loaded[REPORT]['textblob'].summary())} | "
                f"{_prf(_get(base, 'loaded', TUNING, 'textblob'))} | {_prf(_get(base, 'loaded', REPORT, 'textblob'))} | |")
    for category in loaded[TUNING]["categories"]:
        technique = next(t for t, c in devsets.TECHNIQUE_CATEGORIES.items() if c == category)
        t, r = loaded[TUNING]["categories"][category], loaded[REPORT]["categories"][category]
        rows.append(f"| {category} vs {technique} ({t.gold} / {r.gold} gold spans) | {_prf(t.summary())} | "
                    f"{_prf(r.summary())} | {_prf(_get(base, 'loaded', TUNING, 'categories', category))} | "
                    f"{_prf(_get(base, 'loaded', REPORT, 'categories', category))} | |")
    return rows


def _cpu_seconds() -> float:
    """CPU time of this process and its finished child processes (the nlp.pipe workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _resolve_dir(given: str | None, default: Path) -> Path:
    return Path(given) if given else default


def main(argv: list[str] | None = None) -> int:
    """``python -m widgets.bench accuracy``: measure, print the tables, optionally save the baseline.
    Returns the exit status: 0, or 2 when the devsets are not found (with a message on stderr).

    >>> main(["--polnear", "/no/such/folder", "--only", "quotes"])
    2
    """
    parser = argparse.ArgumentParser(prog="python -m widgets.bench accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=None, help="the PolNeAR folder (default: ../shared/devsets/polnear-train)")
    parser.add_argument("--ptc", default=None, help="the PTC folder (default: ../shared/devsets/ptc-train)")
    parser.add_argument("--only", choices=("quotes", "loaded"), default=None, help="measure one engine only")
    parser.add_argument("--processes", type=int, default=2, help="processes for nlp.pipe (default 2)")
    parser.add_argument("--parse-cache", default=None, metavar="DIR",
                        help="keep the parses in DIR (outside the repo), so the next run skips parsing")
    parser.add_argument("--baseline", default=str(BASELINE_FILE), help="the previous engine's figures (JSON)")
    parser.add_argument("--save-baseline", action="store_true",
                        help="write this run's figures to --baseline, as the previous engine's, with the git commit")
    given = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(given)

    polnear = _resolve_dir(args.polnear, DEFAULT_DEVSETS / "polnear-train")
    ptc = _resolve_dir(args.ptc, DEFAULT_DEVSETS / "ptc-train")
    missing = [f"{what} {path}" for what, path, needed in (("PolNeAR folder", polnear, args.only != "loaded"),
                                                           ("PTC folder", ptc, args.only != "quotes"))
               if needed and not path.is_dir()]
    if missing:
        print(MISSING_MESSAGE.format(what="; ".join(f"no {m}" for m in missing)), file=sys.stderr)
        return 2
    from tqdm import tqdm

    from . import nlp
    from .errors import KitError

    nlp.set_notice_stream(sys.stderr)
    cache = Path(args.parse_cache) if args.parse_cache else None
    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    nlp.load_pipeline()
    quotes = loaded = None
    engine_seconds = {}
    try:
        if args.only != "loaded":
            articles = devsets.read_polnear(polnear)
            pronouns = devsets.read_pronoun_sources(polnear / "pronoun-sources.tsv")
            with tqdm(total=len(articles), desc="PolNeAR", unit="art", file=sys.stderr) as bar:
                run = _run_quotes(articles, pronouns, processes=args.processes, cache=cache, progress=bar.update)
            quotes = _quote_figures(run, pronouns)
            engine_seconds["quotes"] = (run.seconds_engine, sum(len(a.text.split()) for a in articles))
        if args.only != "quotes":
            articles = devsets.read_ptc(ptc)
            with tqdm(total=len(articles), desc="PTC", unit="art", file=sys.stderr) as bar:
                lrun = _run_loaded(articles, processes=args.processes, cache=cache, progress=bar.update)
            loaded = _loaded_figures(lrun)
            engine_seconds["loaded"] = (lrun.seconds_engine, sum(len(a.text.split()) for a in articles))
    except KitError as err:
        print(f"python -m widgets.bench accuracy: {err}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started

    base_path = Path(args.baseline)
    base = _load_baseline(base_path)
    lines = []
    if base:
        lines.append(f"Previous engine: {base_path.name}, measured on commit {base.get('commit', '?')} "
                     f"({base.get('date', '?')}).")
    else:
        lines.append(f"Previous engine: no saved figures ({base_path} is missing; write it with --save-baseline).")
    if quotes is not None:
        lines += ["", *_quote_table(quotes, base), "", *_source_table(quotes)]
    if loaded is not None:
        lines += ["", *_loaded_table(loaded, base)]
    lines.append("")
    for what, (secs, words) in engine_seconds.items():
        lines.append(f"Engine time ({what}, after parsing): {secs:.1f} s for {words:,} words.")
    lines.append(f"Whole run: {seconds:.0f} s wall clock, {cpu:.0f} s of CPU time in this process and its parse "
                 f"workers (nlp.pipe on {args.processes} processes{', parses from the cache' if cache else ''}; "
                 f"the wall clock grows when other work shares the cores).")
    print("\n".join(lines))
    if args.save_baseline:
        record = {"commit": _git_commit(), "date": time.strftime("%Y-%m-%d"),
                  "command": " ".join(["python -m widgets.bench accuracy", *given]),
                  "pipeline": nlp.pipeline_info().name, "seconds": round(seconds), "cpu_seconds": round(cpu),
                  "parse_cache": cache is not None,
                  **_figures_json(quotes, loaded)}
        base_path.parent.mkdir(parents=True, exist_ok=True)
        base_path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"Saved these figures to {base_path}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
