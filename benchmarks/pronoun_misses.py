"""Pronoun-source speaker misses of the quote spotter on the TUNING half of PolNeAR (never the report half).

Development only (issue 10): lists every gold direct quote whose Source is a pronoun ("he", "she",
"they", ...) and that the kit got wrong or left unknown, with the paragraph before, and sorts the misses
into classes, so that rules can be written for the commonest ones.

    python benchmarks/pronoun_misses.py [--polnear DIR] [--parse-cache DIR] [--show N] [--class NAME]

The parse cache must be the benchmark's (``python -m widgets.bench accuracy --parse-cache DIR``): the
script passes every article to the same parser so that the cached parse is found, and then reads only the
tuning half (``widgets.devsets.half_of(name) == "tuning"``).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from widgets import devsets  # noqa: E402
from widgets.bench_accuracy import DEFAULT_DEVSETS, _parsed  # noqa: E402
from widgets.devsets import TUNING  # noqa: E402

MALE = {"he", "him", "his"}
FEMALE = {"she", "her", "hers"}


def _short(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _para_start(text: str, offset: int, back: int = 0) -> int:
    start = text.rfind("\n", 0, offset) + 1
    for _ in range(back):
        if start <= 1:
            return 0
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def _first_name_gender(first_names: dict, name: str) -> str:
    parts = name.split()
    return first_names.get(parts[0].lower(), "") if len(parts) >= 2 else ""


def classify(v, text: str, quotes, first_names: dict) -> str:
    """One class per miss (the first that fits)."""
    g = v.gold
    pron = (g.source_text or "").strip().lower()
    words = g.speaker_words or frozenset()
    src = g.source_span[0] if g.source_span else g.start
    q_start = min(f[0] for f in g.fragments)
    before = text[:min(src, q_start)]
    # Where is the right person last named before the pronoun (by any of the referent words, capitalised)?
    last = -1
    for w in words:
        for m in re.finditer(rf"\b{re.escape(w)}\b", before, re.IGNORECASE):
            if text[m.start()].isupper():
                last = max(last, m.start())
    paras_back = before.count("\n", last) if last >= 0 else None
    if pron not in ("he", "she", "him", "her"):
        kind = "they/we/other pronoun"
        return f"{kind}: {'unknown' if not v.speaker else 'wrong'}"
    if last < 0:
        return "referent never named before (description / CoreNLP)" + (": unknown" if not v.speaker else ": wrong")
    if not v.speaker:
        return f"unknown, referent named {paras_back} paragraph(s) back"
    # The kit named someone else.
    gender = _first_name_gender(first_names, v.speaker)
    want = "male" if pron in MALE else "female"
    if gender and gender != want:
        return "wrong: gender mismatch (first name)"
    prev_speakers = [q for q in quotes if q.end <= q_start and q.speaker]
    right_was_speaker = any(devsets.content_words(q.speaker) & words for q in prev_speakers[-3:])
    if paras_back and paras_back > 0:
        return ("wrong: referent in an earlier paragraph" + (" (and a recent speaker)" if right_was_speaker else ""))
    return "wrong: referent in the same paragraph" + (" (and a recent speaker)" if right_was_speaker else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=str(DEFAULT_DEVSETS / "polnear-train"))
    parser.add_argument("--parse-cache", default=None)
    parser.add_argument("--show", type=int, default=6, help="examples per class")
    parser.add_argument("--class", dest="only", default=None, help="show every example of classes containing this")
    parser.add_argument("--all", action="store_true", help="also the right pronoun attributions' reasons, counted")
    parser.add_argument("--dump", default=None, help="write every scored verdict (tab-separated) to this file, "
                                                     "to compare two runs with diff")
    args = parser.parse_args(argv)

    from widgets.quotes import find_quotes
    from widgets.wordlists import load_first_names

    folder = Path(args.polnear)
    articles = devsets.read_polnear(folder)
    pronouns = devsets.read_pronoun_sources(folder / "pronoun-sources.tsv")
    by_name = {a.name: a for a in articles}
    names = [a.name for a in articles]
    cache = Path(args.parse_cache) if args.parse_cache else None
    found, gold, tuning = {}, {}, []
    for name, doc in _parsed("polnear", names, [by_name[n].text for n in names], processes=2, cache=cache):
        if devsets.half_of(name) != TUNING:
            continue
        tuning.append(by_name[name])
        found[name] = find_quotes(doc)
        gold[name] = devsets.gold_direct_quotes(by_name[name], pronouns=pronouns, doc=doc)
    score = devsets.score_quotes(found, tuning, pronouns=pronouns, gold=gold)
    first_names = load_first_names()
    print(f"tuning half: speaker accuracy {score.speaker_accuracy:.4f}, unknown {score.unknown_share:.4f}, "
          + ", ".join(f"{c} {r}/{s}" for c, _, _, s, r in score.by_class if s))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for v in score.verdicts:
                if v.right is not None:
                    print(v.gold.article, v.gold.start, v.gold.source_class, v.gold.source_text, v.right, v.speaker,
                          " ".join(v.reason.split()), sep="\t", file=out)
    misses = [v for v in score.verdicts if v.right is False and v.gold.source_class == "pronoun"]
    classes: dict[str, list] = defaultdict(list)
    for v in misses:
        a = by_name[v.gold.article]
        classes[classify(v, a.text, found[a.name], first_names)].append(v)
    print(f"\n{len(misses)} pronoun misses ({sum(not v.speaker for v in misses)} unknown):")
    for cls, vs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(vs):4d}  {cls}")
    rules = Counter(re.sub(r"'[^']*'|\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*", "X", v.reason)[:90]
                    for v in misses if v.speaker)
    print("\nkit reasons of the wrong names:")
    for r, n in rules.most_common(12):
        print(f"  {n:4d}  {r}")
    for cls, vs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        if args.only and args.only not in cls:
            continue
        print(f"\n### {cls} ({len(vs)})")
        for v in vs[: (None if args.only else args.show)]:
            a = by_name[v.gold.article]
            g = v.gold
            src = g.source_span[0] if g.source_span else g.start
            p0 = _para_start(a.text, src, 1)
            ctx = a.text[p0:src].replace("\n", " ¶ ")
            print(f"- {a.name} @{src}: gold {g.source_text!r} = {' '.join(sorted(g.speaker_words or ()))!r}; "
                  f"kit {v.speaker!r} [{_short(v.reason, 140)}]\n    …{_short(ctx[-600:], 600)} <<{g.source_text}>>")
    if args.all:
        ok = Counter(re.sub(r"'[^']*'|\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*", "X", v.reason)[:90]
                     for v in score.verdicts if v.right and v.gold.source_class == "pronoun")
        print("\nkit reasons of the right pronoun attributions:")
        for r, n in ok.most_common(12):
            print(f"  {n:4d}  {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
