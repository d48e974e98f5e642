"""How two versions of the same words differ, said in plain words for students (no bare scores):
two articles' versions of one quote (:func:`describe_pair`: "b leaves out the end of a's quote") and two
sentences that report the same statement (:func:`describe_match`: "reported in different words; the
numbers differ: 61 in a, 72 in b").

How close two sentences' wording is, is graded with rapidfuzz (:func:`rapidfuzz.fuzz.ratio` and
``token_sort_ratio`` on the text with quotation marks and case folded).

>>> describe_match("A survey found that 61 percent of parents supported a ban.",
...                "The survey found that a massive 72 percent of parents supported a ban.", a_name="wire", b_name="site")
'almost the same words; the numbers differ: 61 in wire, 72 in site'
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:  # pragma: no cover
    from .align import AlignedQuote

#: rapidfuzz ratio (0-100) of the folded texts from which two sentences are "the same words".
SAME_WORDS = 95
#: ... and "almost the same words".
ALMOST_SAME = 75

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?![\w])")


# --------------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------------
def _first_part(n_cut: int, n_all: int) -> str:
    share = n_cut / n_all if n_all else 0
    return "the first half" if 0.35 <= share <= 0.65 else ("most of the beginning" if share > 0.65 else "the first words")


def describe_pair(pair: "AlignedQuote", *, a_name: str = "a", b_name: str = "b") -> str:
    """How side b's version of a quote differs from side a's, in plain words (no numbers to decode).

    >>> from widgets.align import QuoteSide, align_quotes
    >>> a = QuoteSide("a", 0, 9, "allow President Putin to rest and refit his troops, and then restart the war")
    >>> b = QuoteSide("b", 0, 9, "rest and refit his troops")
    >>> describe_pair(align_quotes([a, b])[0])
    "b leaves out the first words of a's quote; it also leaves out the end"
    >>> c = QuoteSide("c", 0, 9, "Allow President Putin to rest and refit his troops")
    >>> describe_pair(align_quotes([b, c])[0], a_name="WSWS", b_name="CNN")
    "CNN adds words at the start that WSWS's quote does not have"
    """
    if pair.paraphrase:
        text = f"{b_name} tells what {a_name} quotes without quotation marks, in its own words"
    else:
        parts = list(pair.diff)
        n_a = sum(len(d.a.split()) for d in parts)
        clauses = []
        edges = set()
        if len(parts) > 1 or (parts and parts[0].op != "replace"):
            first, last = parts[0], parts[-1]
            if first.op == "delete":
                clauses.append(f"leaves out {_first_part(len(first.a.split()), n_a)} of {a_name}'s quote")
                edges.add(0)
            elif first.op == "insert":
                clauses.append(f"adds words at the start that {a_name}'s quote does not have")
                edges.add(0)
            if len(parts) > 1 and last.op == "delete":
                clauses.append("leaves out the end" if clauses else f"leaves out the end of {a_name}'s quote")
                edges.add(len(parts) - 1)
            elif len(parts) > 1 and last.op == "insert":
                clauses.append("adds an ending" if clauses else f"adds an ending that {a_name}'s quote does not have")
                edges.add(len(parts) - 1)
        middle = [d for k, d in enumerate(parts) if k not in edges and d.op != "equal"]
        for test, words in ((lambda d: d.op == "replace" and "[" in d.b, "puts its own words in [brackets]"),
                            (lambda d: d.op == "replace" and "[" not in d.b, "changes some words"),
                            (lambda d: d.op == "delete", "leaves out words in the middle"),
                            (lambda d: d.op == "insert", "adds words in the middle")):
            if any(test(d) for d in middle):
                clauses.append(words)
        if not clauses:
            text = "the same words"
        elif len(clauses) == 1:
            text = f"{b_name} {clauses[0]}"
        else:
            rest = clauses[1:]
            also = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
            text = f"{b_name} {clauses[0]}; it also {also}"
    if pair.same_speaker is False:
        text += "; the two articles give the words to different people"
    return text


# --------------------------------------------------------------------------------------------------
# Statements
# --------------------------------------------------------------------------------------------------
def figures(text: str) -> tuple[str, ...]:
    """The numbers written in digits in ``text``, in order ("2,000", "5:57", "12").

    >>> figures("At 7:30 p.m., 2,000 people watched the 12th match.")
    ('7:30', '2,000')
    """
    return tuple(m.group() for m in _NUMBER.finditer(text))


def _counted(text: str) -> dict[str, str]:
    """{number: the word after it} ("30 people" -> {"30": "peopl"}), to tell comparable figures apart."""
    out = {}
    for m in _NUMBER.finditer(text):
        after = re.match(r"[\s\u00a0-]*([^\W\d_]+)", text[m.end():])
        out.setdefault(m.group(), after.group(1).lower()[:5] if after else "")
    return out


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def describe_match(a: str, b: str, *, a_name: str = "a", b_name: str = "b") -> str:
    """How two sentences that report the same statement compare, in plain words.

    >>> describe_match("The dam broke at noon.", "The dam broke at noon.")
    'the same words'
    >>> describe_match("At noon the dam broke.", "The dam broke at noon.")
    'the same words in a different order'
    >>> describe_match("Officials said 12 people died.", "At least 15 people died, officials said.")
    'reported in different words; the numbers differ: 12 in a, 15 in b'
    >>> describe_match("The 30-year-old ferry made its final crossing on Sunday.", "The ferry made its last trip across the bay at 7:30.")
    'reported in different words; only a gives the number 30; only b gives the number 7:30'
    """
    closeness = fuzz.ratio(_fold(a), _fold(b))
    if closeness >= SAME_WORDS:
        text = "the same words"
    elif closeness >= ALMOST_SAME:
        text = "almost the same words"
    elif fuzz.token_sort_ratio(_fold(a), _fold(b)) >= SAME_WORDS:
        text = "the same words in a different order"
    else:
        text = "reported in different words"
    fa, fb = _counted(a), _counted(b)
    only_a = {n: u for n, u in fa.items() if n not in fb}
    only_b = {n: u for n, u in fb.items() if n not in fa}
    differ = [(n, m) for n, u in only_a.items() for m, v in only_b.items() if u and u == v]
    if differ:
        text += "; the numbers differ: " + ", ".join(f"{n} in {a_name}, {m} in {b_name}" for n, m in differ)
    else:
        for extra, who in ((only_a, a_name), (only_b, b_name)):
            if extra:
                text += f"; only {who} gives the number {', '.join(extra)}"
    return text


__all__ = ["ALMOST_SAME", "SAME_WORDS", "describe_match", "describe_pair", "figures"]
