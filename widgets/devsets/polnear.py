"""Reading PolNeAR: BRAT standoff attributions (Source, Cue, Content) and the pronoun-referent table."""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import KitError
from .split import _check_half, _need_dir, half_of


class _Fragments:
    """``start`` and ``end`` of a span made of one or more ``fragments`` (``(start, end)`` pairs)."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Annotation(_Fragments):
    """One BRAT text-bound annotation (``T`` line): a label and one or more character fragments.

    ``text`` is taken from the article (fragments joined by a space, as BRAT writes it), not from the
    ``.ann`` file, so a fragment that runs over a line break is read correctly.
    """

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True)
class Attribution:
    """One attribution (``E`` line): who (``source``, may be None), the cue, and what (``contents``)."""

    id: str
    source: Annotation | None
    cue: Annotation | None
    contents: tuple[Annotation, ...]


@dataclass(frozen=True)
class PolnearArticle:
    """One PolNeAR article: its stem, text, the annotation file used and its attributions.

    ``annotators`` lists every annotator who annotated the article; ``annotation_file`` is the one read
    (see :func:`choose_annotation_file`).
    """

    name: str
    text: str
    annotation_file: str
    annotators: tuple[str, ...]
    attributions: tuple[Attribution, ...]

    @property
    def contents(self) -> tuple[Annotation, ...]:
        """Every Content of every attribution, in text order."""
        return tuple(sorted((c for a in self.attributions for c in a.contents), key=lambda c: c.fragments))


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")


def parse_brat(ann_text: str, text: str, *, where: str = "") -> tuple[Attribution, ...]:
    """The attributions in one BRAT ``.ann`` file over the article ``text``.

    ``T`` lines give spans (``start end`` fragments separated by ``;``), ``E`` lines tie them together
    (``Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Content2`` is a further content of the same
    attribution). Lines of other kinds (notes) and the continuation lines of a span text that contains a
    line break are skipped.

    >>> text = 'Kirby said “We are watching, and we will act.”'
    >>> ann = ("T1\\tSource 0 5\\tKirby\\nT2\\tCue 6 10\\tsaid\\n"
    ...        "T3\\tContent 11 29;35 46\\t“We are watching, will act.”\\n"
    ...        "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n")
    >>> [(a.source.text, a.contents[0].text) for a in parse_brat(ann, text)]
    [('Kirby', '“We are watching, will act.”')]
    """
    spans: dict[str, Annotation] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for number, line in enumerate(ann_text.split("\n"), start=1):
        m = _T_LINE.match(line)
        if m:
            fragments = tuple(tuple(int(x) for x in frag.split()) for frag in m.group(3).split(";"))
            if any(not 0 <= s <= e <= len(text) for s, e in fragments):
                raise KitError(f"Line {number} has a span outside the article ({m.group(3)}).", where=where,
                               fix="Check that the .ann file belongs to this article's text file.")
            spans[m.group(1)] = Annotation(m.group(1), m.group(2), fragments,
                                           " ".join(text[s:e] for s, e in fragments))
        elif line.startswith("E") and "\t" in line:
            eid, roles = line.split("\t", 1)
            parts: dict[str, list[str]] = {}
            for role in roles.split():
                name, _, ref = role.partition(":")
                parts.setdefault(re.sub(r"\d+$", "", name), []).append(ref)
            events.append((eid, parts))
    out = []
    for eid, parts in events:
        def one(role: str) -> Annotation | None:
            refs = parts.get(role, [])
            return spans.get(refs[0]) if refs else None

        contents = tuple(spans[r] for r in parts.get("Content", []) if r in spans)
        out.append(Attribution(eid, one("Source"), one("Cue"), contents))
    return tuple(out)


def choose_annotation_file(names: Iterable[str]) -> str:
    """The annotation file read for an article with several annotators: the first in sorted order
    (so the one of the annotator whose id sorts first). Deterministic, and blind to the content.

    >>> choose_annotation_file(["a_d473.ann", "a_4b22.ann"])
    'a_4b22.ann'
    """
    return sorted(names)[0]



def read_polnear(directory: str | os.PathLike, *, half: str | None = None) -> list[PolnearArticle]:
    """Every PolNeAR article in ``directory`` (with ``text/`` and ``attributions/``), sorted by name;
    only one half when ``half`` is ``"tuning"`` or ``"report"``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "text").mkdir(); (d / "attributions").mkdir()
    >>> _ = (d / "text" / "a.txt").write_text("Kirby said yes.", encoding="utf-8")
    >>> _ = (d / "attributions" / "a_x1.ann").write_text(
    ...     "T1\\tSource 0 5\\tKirby\\nT2\\tContent 11 14\\tyes\\nE1\\tAttribution:T2 Content:T2 Source:T1\\n")
    >>> [(a.name, a.annotators, len(a.attributions)) for a in read_polnear(d)]
    [('a', ('x1',), 1)]
    """
    _check_half(half)
    root = Path(directory)
    _need_dir(root / "text", "The PolNeAR text")
    _need_dir(root / "attributions", "The PolNeAR attributions")
    by_article: dict[str, list[str]] = {}
    for path in (root / "attributions").glob("*.ann"):
        by_article.setdefault(path.stem.rsplit("_", 1)[0], []).append(path.name)
    articles = []
    for name in sorted(by_article):
        if half is not None and half_of(name) != half:
            continue
        text_path = root / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        chosen = choose_annotation_file(by_article[name])
        ann_path = root / "attributions" / chosen
        attributions = parse_brat(ann_path.read_text(encoding="utf-8"), text, where=str(ann_path))
        annotators = tuple(sorted(n[:-4].rsplit("_", 1)[1] for n in by_article[name]))
        articles.append(PolnearArticle(name, text, chosen, annotators, attributions))
    return articles


def read_pronoun_sources(path: str | os.PathLike) -> dict[tuple[str, int, int], tuple[str, ...]]:
    """``pronoun-sources.tsv``: (annotation file, source start, source end) -> the resolved words
    (an empty tuple when CoreNLP found no referent).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.tsv"
    >>> _ = p.write_text("ann_file\\tsource_start\\tsource_end\\tsource_text\\tresolved_words\\n"
    ...                  "a_x1.ann\\t0\\t2\\the\\tted cruz\\na_x1.ann\\t9\\t13\\tthey\\t\\n")
    >>> read_pronoun_sources(p)
    {('a_x1.ann', 0, 2): ('ted', 'cruz'), ('a_x1.ann', 9, 13): ()}
    """
    path = Path(path)
    if not path.exists():
        raise KitError(f"{path} does not exist.", fix="Use pronoun-sources.tsv from the PolNeAR devset folder.")
    out = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                key = (row["ann_file"], int(row["source_start"]), int(row["source_end"]))
            except (KeyError, ValueError, TypeError) as err:
                raise KitError(f"A row of {path.name} is malformed ({err}).", where=str(path),
                               fix="Each row needs ann_file, source_start, source_end, source_text, resolved_words.") from err
            out[key] = tuple((row.get("resolved_words") or "").split())
    return out
