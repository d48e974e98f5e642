"""The benchmark report: ``python -m widgets.bench`` prints a table of measured times and memory.

Measures (each in a fresh process where "cold" matters):

- fresh install time and size (``--install``: a new virtual environment and ``pip install -r requirements.txt``);
- time to import the kit and load the spaCy pipeline, in a new Python process;
- analysing the whole corpus, cold (nothing parsed yet) and warm (from the parse cache);
- source comparison after parsing: the corpus, and five generated articles of about 1,000 words each;
- per lesson: execution time after the model is loaded, and peak memory of the kernel that ran it;
- nbval time per notebook (``pytest --nbval``), which is what the test command spends on it.

``python -m widgets.bench accuracy [--polnear DIR] [--ptc DIR]`` measures accuracy on unseen, hand-annotated
news instead (see :mod:`widgets.bench_accuracy`).

Targets from the issues are printed beside the figures. This is a script, not a test: timings vary with
the machine, so nothing here fails a build.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

_COLD_SCRIPT = r"""
import json, time
t0 = time.perf_counter()
import widgets
from widgets import nlp
t1 = time.perf_counter()
nlp.set_notice_stream(open('/dev/null', 'w'))
nlp.load_pipeline()
t2 = time.perf_counter()
from widgets.corpus import load_corpus
corpus = load_corpus()
nlp.parse_corpus(corpus)
from widgets.bench import analyse_everything
analyse_everything(corpus)
t3 = time.perf_counter()
analyse_everything(corpus)
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "cold": t3 - t2, "warm": t4 - t3}))
"""


def analyse_everything(corpus) -> dict:
    """Run every analysis the kit has over the corpus: counts, quotes, loaded language, comparison.

    >>> from widgets.corpus import load_corpus
    >>> everything = analyse_everything(load_corpus())
    >>> sorted(everything), len(everything["quotes"]), everything["compare"].files[0]
    (['compare', 'loaded', 'quotes', 'stats'], 5, 'blinken-diplomatic-cover')
    """
    from .compare import compare
    from .loaded import find_loaded
    from .quotes import find_quotes
    from .stats import corpus_stats

    quotes = {a.id: find_quotes(a) for a in corpus}
    return {
        "stats": corpus_stats(corpus),
        "quotes": quotes,
        "loaded": {a.id: find_loaded(a, quotes=quotes[a.id]) for a in corpus},
        "compare": compare(list(corpus)),
    }


def generated_corpus(corpus, n: int = 1000, *, seed: int = 0) -> list[str]:
    """``n`` article-like texts made by shuffling the corpus's paragraphs (deterministic for a seed).

    >>> from widgets.corpus import load_corpus
    >>> texts = generated_corpus(load_corpus(), 3)
    >>> len(texts), texts == generated_corpus(load_corpus(), 3), texts == generated_corpus(load_corpus(), 3, seed=1)
    (3, True, False)
    """
    import random

    paragraphs = [p for a in corpus for p in a.body.split("\n") if len(p.split()) > 8]
    rng = random.Random(seed)
    return ["\n\n".join(rng.sample(paragraphs, k=min(12, len(paragraphs)))) for _ in range(n)]


def measure_throughput(n: int = 1000, *, batch_size: int = 32, processes: int = 2, progress: bool = True) -> dict:
    """Parse and analyse ``n`` generated articles: ``nlp.pipe`` with batching on ``processes`` cores, then
    quote spotting and loaded-language highlighting on each Doc (quotes found once, reused for voice).

    >>> result = measure_throughput(2, processes=1, progress=False)
    >>> sorted(result), result["articles"], result["words_per_s"] > 0
    (['articles', 'found', 'processes', 'seconds', 'words', 'words_per_s'], 2, True)
    """
    from tqdm import tqdm

    from . import nlp
    from .corpus import load_corpus
    from .loaded import find_loaded
    from .quotes import find_quotes
    from .stats import count_words

    texts = generated_corpus(load_corpus(warn=False), n)
    words = sum(count_words(t) for t in texts)
    pipeline = nlp.load_pipeline()
    find_loaded("Warm up the lexicon, so loading it is not timed.")
    start = time.perf_counter()
    found = 0
    docs = pipeline.pipe(texts, batch_size=batch_size, n_process=processes)
    for doc in tqdm(docs, total=n, desc="articles", unit="art", disable=not progress, file=sys.stderr):
        quotes = find_quotes(doc)
        found += len(quotes) + len(find_loaded(doc, quotes=quotes))
    seconds = time.perf_counter() - start
    return {"articles": n, "words": words, "seconds": seconds, "words_per_s": words / seconds, "found": found,
            "processes": processes}


def five_articles_of_1000_words(corpus, *, seed: int = 0) -> list:
    """Five articles of about 1,000 words each, made from the corpus's paragraphs (deterministic).

    >>> from widgets.corpus import load_corpus
    >>> articles = five_articles_of_1000_words(load_corpus())
    >>> [a.id for a in articles][:2], all(len(a.raw.split()) >= 1000 for a in articles)
    (['generated-1', 'generated-2'], True)
    """
    import random

    from .corpus import article_from_text

    paragraphs = [p for a in corpus for p in a.body.split("\n") if len(p.split()) > 8]
    rng = random.Random(seed)
    out = []
    for i in range(5):
        chosen, words = [], 0
        for p in rng.sample(paragraphs, k=len(paragraphs)):
            if words >= 1000:
                break
            chosen.append(p)
            words += len(p.split())
        out.append(article_from_text("\n\n".join(chosen), id=f"generated-{i + 1}"))
    return out


def measure_comparison(repeats: int = 5, *, corpus=None) -> list[tuple[str, float]]:
    """Median seconds of ``compare()`` after parsing: the corpus (with and without the automatic tables),
    and five generated articles of about 1,000 words each. Remembered per-article results
    (:mod:`widgets.memo`) are forgotten before each run, so every run analyses every article.
    ``corpus``: the articles to compare and to make the generated ones from (default: the kit's corpus).

    >>> from widgets.corpus import Corpus, article_from_text
    >>> toy = Corpus([article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                                 id="a"),
    ...               article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.",
    ...                                 id="b")])
    >>> for label, seconds in measure_comparison(1, corpus=toy):
    ...     print(label, seconds >= 0)
    the corpus (2 articles), every table True
    the corpus, without the automatic tables (as before issue 12) True
    5 generated articles of ... words each, every table True
    """
    import statistics

    from .memo import forget

    from . import nlp
    from .compare import compare
    from .corpus import load_corpus

    corpus = list(load_corpus(warn=False) if corpus is None else corpus)
    generated = five_articles_of_1000_words(corpus)
    nlp.parse_corpus(corpus + generated)
    compare(corpus)  # warm: lexicon, speaker table
    out = []
    for label, articles, automatic in ((f"the corpus ({len(corpus)} articles), every table", corpus, True),
                                       ("the corpus, without the automatic tables (as before issue 12)", corpus, False),
                                       (f"5 generated articles of {sum(len(a.raw.split()) for a in generated) // 5:,} "
                                        "words each, every table", generated, True)):
        times = []
        for _ in range(repeats):
            forget()
            start = time.perf_counter()
            compare(articles, automatic=automatic)
            times.append(time.perf_counter() - start)
        out.append((label, statistics.median(times)))
    return out


def _timed_changes(model, trait: str, values: list, changes: int) -> tuple[float, float]:
    """Set ``model.<trait>`` to each value in turn (cycling) ``changes`` times; median and p95 in ms."""
    import statistics

    for value in values:  # warm: every article parsed once, as a lesson does on first view
        setattr(model, trait, value)
    times = []
    for i in range(changes):
        start = time.perf_counter()
        setattr(model, trait, values[(i + 1) % len(values)])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def measure_widget_latency(changes: int = 100, *, corpus=None) -> list[tuple[str, float, float]]:
    """Kernel-side time for a view to re-render after a change (model trait set -> HTML rebuilt), per view:
    switching the article, choosing another pair of articles, toggling a category (``corpus``: the
    articles to show, default the kit's corpus).

    >>> from widgets.corpus import Corpus, article_from_text
    >>> toy = Corpus([article_from_text("“We will rebuild the bridge,” said Mayor Maria Lopez.", id="a"),
    ...               article_from_text("“It was a brutal storm,” said Tom Reyes.", id="b")])
    >>> for name, median, p95 in measure_widget_latency(2, corpus=toy):
    ...     print(name, 0 <= median and 0 <= p95)
    ArticleBrowser: switch article True
    QuoteSpotter: switch article True
    LoadedLanguageHighlighter: switch article True
    SourceComparer: choose another pair of articles True
    LoadedLanguageHighlighter: toggle a category True
    """
    from itertools import combinations

    from .corpus import load_corpus
    from .views import ArticleBrowser, LoadedLanguageHighlighter, QuoteSpotter, SourceComparer

    corpus = load_corpus(warn=False) if corpus is None else corpus
    ids = list(corpus.ids)
    out = []
    for cls in (ArticleBrowser, QuoteSpotter, LoadedLanguageHighlighter):
        out.append((f"{cls.__name__}: switch article", *_timed_changes(cls(corpus).model, "article_id", ids, changes)))
    pairs = [tuple(p) for p in combinations(ids, 2)]
    out.append(("SourceComparer: choose another pair of articles",
                *_timed_changes(SourceComparer(corpus).model, "article_ids", pairs, changes)))
    highlighter = LoadedLanguageHighlighter(corpus)
    every = tuple(highlighter.model.categories)
    toggles = [every, every[1:]]  # the first category off, then on again
    out.append(("LoadedLanguageHighlighter: toggle a category",
                *_timed_changes(highlighter.model, "categories", toggles, changes)))
    return out


def measure_cold_and_warm() -> dict:
    """Seconds, in a new Python process: importing the kit, loading the pipeline, analysing the corpus cold
    (parse + every analysis) and warm (from the parse cache).

    Not run by the doctests (a new Python process loads spaCy and analyses the corpus twice: 10 s or more):

    >>> sorted(measure_cold_and_warm())  # doctest: +SKIP
    ['cold', 'import', 'load', 'warm']
    """
    out = subprocess.run([PY, "-c", _COLD_SCRIPT], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_lesson(path: Path) -> dict:
    """Run a notebook cell by cell in a fresh kernel: time after the model is loaded, and peak kernel memory.

    Not run by the doctests (it starts a Jupyter kernel and runs a whole lesson):

    >>> sorted(measure_lesson(ROOT / "lessons" / "01-meet-the-corpus.ipynb"))  # doctest: +SKIP
    ['after_load_mb', 'after_model_s', 'model_load_s', 'peak_mb']
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    preload = nbformat.v4.new_code_cell(
        "from widgets import nlp as _n\n_n.load_pipeline()\nimport resource as _r\n"
        "print(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss)")
    peak = nbformat.v4.new_code_cell("import resource as _r\nprint(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss)")
    nb.cells = [preload, *nb.cells, peak]
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    times = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            start = time.perf_counter()
            client.execute_cell(cell, index)
            times.append(time.perf_counter() - start)
    def last_int(cell) -> int:
        return int("".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream").split()[-1])
    return {"after_model_s": sum(times[1:-1]), "model_load_s": times[0],
            "peak_mb": last_int(nb.cells[-1]) / 1024, "after_load_mb": last_int(nb.cells[0]) / 1024}


def measure_nbval(path: Path) -> float:
    """Seconds that ``pytest --nbval`` (strict, fresh kernel) takes on one notebook.

    Not run by the doctests (it runs pytest --nbval on a whole lesson in a fresh kernel):

    >>> measure_nbval(ROOT / "lessons" / "01-meet-the-corpus.ipynb") > 0  # doctest: +SKIP
    True
    """
    start = time.perf_counter()
    subprocess.run([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--override-ini", "addopts=",
                    "--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/sanitize.cfg", str(path)],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def measure_install() -> dict:
    """Seconds and megabytes of a fresh ``pip install -r requirements.txt`` into a new virtual environment.

    Not run by the doctests (it needs the package index and takes minutes):

    >>> sorted(measure_install())  # doctest: +SKIP
    ['install_mb', 'install_s']
    """
    tmp = Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    try:
        subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True)
        cache = tmp / "pip-cache"
        start = time.perf_counter()
        subprocess.run([str(tmp / "venv" / "bin" / "python"), "-m", "pip", "install", "-q", "--cache-dir", str(cache),
                        "-r", "requirements.txt"], cwd=ROOT, check=True)
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in (tmp / "venv").rglob("*") if f.is_file() and not f.is_symlink())
        return {"install_s": seconds, "install_mb": size / 1e6}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _row(what: str, figure: str, target: str = "") -> str:
    return f"| {what} | {figure} | {target} |"


def main(argv: list[str] | None = None) -> int:
    """``python -m widgets.bench [options]`` (or ``accuracy [options]``): print the benchmark table; returns 0.

    >>> try:
    ...     main(["--help"])
    ... except SystemExit as done:
    ...     print("exit code", done.code)
    usage: python -m widgets.bench [-h] [--install] ...
    ...
      --articles ARTICLES  size of the generated corpus (0 to skip)
    ...
    exit code 0
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["accuracy"]:
        from .bench_accuracy import main as accuracy

        return accuracy(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m widgets.bench", description=__doc__.split("\n\n")[0],
                                     epilog="python -m widgets.bench accuracy --help: accuracy on unseen news.")
    parser.add_argument("--install", action="store_true", help="also time a fresh install (needs PyPI, about a minute)")
    parser.add_argument("--no-nbval", action="store_true", help="skip the nbval timings")
    parser.add_argument("--only", default="", help="only notebooks whose name contains this text")
    parser.add_argument("--articles", type=int, default=1000, help="size of the generated corpus (0 to skip)")
    parser.add_argument("--processes", type=int, default=2, help="processes for nlp.pipe on the generated corpus")
    parser.add_argument("--no-lessons", action="store_true", help="skip the per-notebook measurements")
    args = parser.parse_args(argv)

    rows = ["| measure | figure | target |", "|---|---|---|"]
    if args.install:
        inst = measure_install()
        rows.append(_row("fresh install (`pip install -r requirements.txt`, empty pip cache)", f"{inst['install_s']:.0f} s, {inst['install_mb']:.0f} MB"))
    cw = measure_cold_and_warm()
    rows.append(_row("import the kit, new process", f"{cw['import']:.2f} s"))
    rows.append(_row("load the spaCy pipeline", f"{cw['load']:.2f} s"))
    rows.append(_row("analyse the whole corpus, cold (parse + every analysis)", f"{cw['cold']:.2f} s"))
    rows.append(_row("analyse the whole corpus, warm (parse cache)", f"{cw['warm']:.3f} s"))
    from . import nlp

    nlp.set_notice_stream(sys.stderr)
    for label, seconds in measure_comparison():
        rows.append(_row(f"compare() after parsing, median of 5: {label}", f"{seconds:.2f} s", "< 2 s"))
    for name, median, p95 in measure_widget_latency():
        rows.append(_row(f"{name}: re-render, median / p95 of 100 changes", f"{median:.1f} / {p95:.1f} ms", "p95 < 100 ms"))
    if args.articles:
        t = measure_throughput(args.articles, processes=args.processes)
        rows.append(_row(f"generated corpus: {t['articles']:,} articles, {t['words']:,} words: parse + quotes + "
                         f"loaded language, nlp.pipe on {t['processes']} processes",
                         f"{t['words_per_s']:,.0f} words/s ({t['seconds']:.0f} s)", ">= 5,000 words/s"))
    notebooks = [] if args.no_lessons else sorted((ROOT / "lessons").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
    for path in notebooks:
        if args.only and args.only not in path.name:
            continue
        name = f"{path.parent.name}/{path.name}"
        m = measure_lesson(path)
        rows.append(_row(f"{name}: run after model load / peak kernel memory",
                         f"{m['after_model_s']:.1f} s / {m['peak_mb']:.0f} MB", "< 10 s / < 600 MB"))
        if not args.no_nbval:
            rows.append(_row(f"{name}: nbval (fresh kernel, strict)", f"{measure_nbval(path):.1f} s"))
    print("\n".join(rows))
    print(f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
