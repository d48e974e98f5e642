"""The three-layer comparison: a student's marks, the tool's and the key's, word by word, with one line per place.

Each place where any layer marked something gets one line saying who marked it and why, and agreement is counted in
words a student understands: "you and the key agree on 7 of 10 words" means that of the 10 words either of you
marked, you both marked 7.

>>> r = compare_marks("A brutal crackdown.", [Mark(2, 8, "brutal")], tool=[Span(2, 8, "brutal", "loaded language")])
>>> print(r.with_tool)
you and the tool agree on 1 of 1 word
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..wording import shorten
from .marks import MODES, Mark, Span, Word, words, words_in

#: Bits of :meth:`Comparison.layer_flags`: who marked a word.
YOU, TOOL, KEY, KEY_NOT_COUNTED = 1, 2, 4, 8
#: How many words of a long quote a line shows.
QUOTE_WORDS_SHOWN = 8


@dataclass(frozen=True)
class Agreement:
    """How many words two readers both marked, out of the words either of them marked.

    >>> print(Agreement("you", "the key", 7, 10))
    you and the key agree on 7 of 10 words
    >>> print(Agreement("you", "the tool", 0, 0))
    you and the tool agree: neither marked any word
    """

    first: str
    second: str
    both: int
    either: int

    @property
    def share(self) -> float:
        """``both / either`` (1.0 when neither marked anything)."""
        return self.both / self.either if self.either else 1.0

    def __str__(self) -> str:
        if not self.either:
            return f"{self.first} and {self.second} agree: neither marked any word"
        return f"{self.first} and {self.second} agree on {self.both} of {self.either} word{'s' if self.either != 1 else ''}"


@dataclass(frozen=True)
class Finding:
    """One place where at least one layer marked something, and the line that explains it."""

    start: int
    end: int
    text: str
    you: bool
    tool: bool
    key: bool
    key_not_counted: bool
    line: str

    @property
    def agreed(self) -> bool:
        """True when every layer that exists says the same (marked, or not)."""
        return self.you == self.tool == self.key


@dataclass(frozen=True)
class Comparison:
    """Three layers over the same words: the student's marks, the tool's, the key's, and what they mean."""

    mode: str
    words: tuple[Word, ...]
    you: frozenset[int]
    tool: frozenset[int]
    key: frozenset[int]
    key_not_counted: frozenset[int]
    has_key: bool
    findings: tuple[Finding, ...]
    with_tool: Agreement
    with_key: Agreement | None
    speakers_agreed: tuple[int, int] | None = None

    def layer_flags(self) -> list[int]:
        """Per word, who marked it: a sum of :data:`YOU`, :data:`TOOL`, :data:`KEY`, :data:`KEY_NOT_COUNTED`."""
        return [(YOU if w.index in self.you else 0) | (TOOL if w.index in self.tool else 0)
                | (KEY if w.index in self.key else 0) | (KEY_NOT_COUNTED if w.index in self.key_not_counted else 0)
                for w in self.words]

    def lines(self) -> list[str]:
        """One line per place any layer marked, in text order."""
        return [f.line for f in self.findings]

    def summary(self) -> list[str]:
        """The agreement figures as sentences for a student."""
        out = [str(self.with_tool).capitalize() + "."]
        if self.with_key is not None:
            out.append(str(self.with_key).capitalize() + ".")
        else:
            out.append("There is no answer key for this text: compare your marks with the tool's and with your classmates'.")
        if self.speakers_agreed is not None and self.speakers_agreed[1]:
            same, total = self.speakers_agreed
            out.append(f"You and the {'key' if self.has_key else 'tool'} name the same speaker for {same} of the "
                       f"{total} quote{'s' if total != 1 else ''} you both marked.")
        return out


def _spans_words(word_list: Sequence[Word], spans: Iterable, *, counted: bool | None = None) -> set[int]:
    out: set[int] = set()
    for s in spans:
        if counted is None or getattr(s, "counted", True) == counted:
            out.update(words_in(word_list, s.start, s.end))
    return out


def _short(text: str) -> str:
    return shorten(text, words=QUOTE_WORDS_SHOWN)


def _clusters(word_list: Sequence[Word], spans: Iterable) -> list[list[int]]:
    """Groups of words covered by spans that overlap one another (any layer): one line each."""
    ranges = sorted(r for r in (words_in(word_list, s.start, s.end) for s in spans) if r)
    out: list[list[int]] = []
    for r in ranges:
        if out and r[0] <= out[-1][-1]:
            out[-1] = list(range(out[-1][0], max(out[-1][-1], r[-1]) + 1))
        else:
            out.append(list(range(r[0], r[-1] + 1)))
    return out


def _first(spans: Iterable, lo: int, hi: int, *, counted: bool | None = None):
    """The spans inside ``lo:hi`` joined into one (labels and reasons together), or None."""
    found = [s for s in spans if s.start < hi and lo < s.end and (counted is None or s.counted == counted)]
    if len(found) <= 1:
        return found[0] if found else None
    labels = list(dict.fromkeys(s.label for s in found if s.label))
    whys = list(dict.fromkeys(s.why.rstrip(".") for s in found if s.why))
    first = found[0]
    return Span(first.start, found[-1].end, first.text, ", ".join(labels), "; ".join(whys) + ("." if whys else ""),
                first.counted, first.speaker)


def _describe(s: Span | None) -> str:
    if s is None:
        return ""
    if s.label and s.why:
        return f"{s.label}: {s.why}"
    return s.label or s.why


def _loaded_line(t: str, you: bool, tool: Span | None, key: Span | None, not_counted: Span | None, has_key: bool) -> str:
    q = f'"{t}"'
    nc = f": the key does not count it, because {not_counted.why[0].lower() + not_counted.why[1:]}" if (
        not_counted and not_counted.why) else (": the key does not count it" if not_counted else "")
    if you and tool and key:
        return f"{q}: you, the tool and the key all marked it ({_describe(key)})"
    if you and key:
        return f"{q}: you and the key marked it ({_describe(key)}); the tool missed it"
    if tool and key:
        return f"{q}: the tool and the key marked it, you did not ({_describe(key)})"
    if key:
        return f"{q}: the key marks it ({_describe(key)}); you and the tool did not"
    if you and tool:
        if not has_key:
            return f"{q}: you marked it, the tool did too: {_describe(tool)}"
        return f"{q}: you and the tool marked it ({tool.label}){nc or '; the key does not mention it'}"
    if tool:
        if not has_key:
            return f"{q}: the tool marked it ({_describe(tool)}), you did not"
        return f"{q}: the tool marked it ({tool.label}), you did not{nc or '; the key does not mention it either'}"
    # only you
    if not has_key:
        return f"{q}: you marked it, the tool did not. Can you say what makes it loaded? Discuss it with your class."
    if nc:
        return f"{q}: you marked it; the tool did not{nc}"
    return f"{q}: you marked it; neither the tool nor the key did. Can you say what makes it loaded? Discuss it with your class."


def same_speaker(a: str | None, b: str | None, table=None) -> bool:
    """True if two speaker names mean the same person (through the speaker table when given).

    >>> same_speaker("Kirby", "John Kirby"), same_speaker("Xi", "Putin"), same_speaker(None, "")
    (True, False, True)
    """
    from ..speakers import normalise_mention

    a, b = (a or "").strip(), (b or "").strip()
    if not a or not b:
        return not a and not b
    if table is not None:
        sa, sb = table.lookup(a), table.lookup(b)
        if sa is not None and sb is not None:
            return sa.name == sb.name
    na, nb = normalise_mention(a), normalise_mention(b)
    return na == nb or na.split()[-1:] == nb.split()[-1:]


def _who(name: str | None, kind: str = "") -> str:
    if kind == "scare":
        return "nobody (a scare quote)"
    return name if name else "nobody named"


def _quote_line(t: str, you: Mark | None, tool: Span | None, key: Span | None, has_key: bool, table) -> str:
    q = f'"{_short(t)}"'
    if key and key.label == "scare":
        head = "the key calls it a scare quote: a term set apart, with nobody quoted"
    elif key:
        head = f"the key gives it to {_who(key.speaker)} ({key.label} quote)"
    else:
        head = ""
    parts = []
    if you and tool and key:
        parts.append("you, the tool and the key all marked this quote")
    elif you and key:
        parts.append("you and the key marked this quote; the tool missed it")
    elif tool and key:
        parts.append("the tool and the key marked this quote, you did not")
    elif key:
        parts.append("the key marks this quote; you and the tool did not")
    elif you and tool:
        parts.append("you and the tool marked this quote" + ("; the key does not list it" if has_key else ""))
    elif tool:
        parts.append("the tool marked this quote, you did not" + ("; the key does not list it" if has_key else ""))
    else:
        parts.append("you marked it; " + ("neither the tool nor the key finds a quote here" if has_key
                                           else "the tool finds no quote here"))
    if you is not None:
        said = f"you say {_who(you.speaker)}"
        if tool is not None:
            said += f", the tool says {_who(tool.speaker, tool.label)}"
        reference = key if key is not None else tool
        if reference is not None:
            ref_speaker = None if reference.label == "scare" else reference.speaker
            verdict = "same speaker" if same_speaker(you.speaker, ref_speaker, table) else "a different speaker"
            said += f" ({verdict} as the {'key' if key is not None else 'tool'})"
        parts.append(said)
    elif tool is not None:
        parts.append(f"the tool says {_who(tool.speaker, tool.label)}")
    if head:
        parts.append(head)
    return f"{q}: " + "; ".join(parts)


def compare_marks(text: str, marks: Sequence[Mark], *, tool: Sequence[Span] = (), key: Sequence[Span] | None = None,
                  mode: str = "loaded", start: int = 0, end: int | None = None, speakers=None) -> Comparison:
    """Compare a student's marks with the tool's and the key's, word by word, inside ``text[start:end]``.

    Args:
        text: the whole text the offsets point into (e.g. ``article.raw``).
        marks: the student's marks (:class:`Mark`).
        tool: the tool's spans (:func:`tool_spans`).
        key: the key's spans (:func:`key_spans`), or None when there is no key for this text.
        mode: ``"loaded"`` or ``"quotes"`` (quotes: speakers are compared too).
        start, end: the part of the text shown (e.g. one paragraph).
        speakers: the speaker table, to tell that "Kirby" and "John Kirby" are one person.

    >>> t = "“We are watching,” Kirby said."
    >>> r = compare_marks(t, [Mark(1, 16, "We are watching", "Kirby")], mode="quotes",
    ...                   tool=[Span(1, 16, "We are watching,", "direct", speaker="John Kirby")], key=None)
    >>> r.lines()
    ['"We are watching": you and the tool marked this quote; you say Kirby, the tool says John Kirby (same speaker as the tool)']
    >>> r.summary()[0], r.summary()[-1]
    ('You and the tool agree on 3 of 3 words.', 'You and the tool name the same speaker for 1 of the 1 quote you both marked.')
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    end = len(text) if end is None else end
    word_list = words(text, start=start, end=end)
    has_key = key is not None
    key = list(key or ())
    inside = lambda spans: [s for s in spans if s.start < end and start < s.end]  # noqa: E731
    marks, tool, key = inside(marks), inside(tool), inside(key)
    you_w = _spans_words(word_list, marks)
    tool_w = _spans_words(word_list, tool)
    key_w = _spans_words(word_list, key, counted=True)
    nc_w = _spans_words(word_list, key, counted=False) - key_w
    findings = []
    speaker_pairs = [0, 0]
    for run in _clusters(word_list, [*marks, *tool, *(k for k in key if k.counted)]):
        lo, hi = word_list[run[0]].start, word_list[run[-1]].end
        in_run = set(run)
        has = lambda group: bool(group & in_run)  # noqa: E731
        t = text[lo:hi]
        k = _first(key, lo, hi, counted=True)
        nc = _first(key, lo, hi, counted=False) if not k else None
        tl = _first(tool, lo, hi)
        if mode == "quotes":
            you_mark = _first(marks, lo, hi)
            line = _quote_line(t, you_mark, tl, k, has_key, speakers)
            reference = k if has_key else tl
            if you_mark is not None and reference is not None:
                speaker_pairs[1] += 1
                ref_speaker = None if reference.label == "scare" else reference.speaker
                speaker_pairs[0] += same_speaker(you_mark.speaker, ref_speaker, speakers)
        else:
            line = _loaded_line(t, has(you_w), tl, k, nc, has_key)
        findings.append(Finding(lo, hi, t, has(you_w), has(tool_w), has(key_w), bool(nc), line))
    with_tool = Agreement("you", "the tool", len(you_w & tool_w), len(you_w | tool_w))
    with_key = Agreement("you", "the key", len(you_w & key_w), len(you_w | key_w)) if has_key else None
    return Comparison(mode, tuple(word_list), frozenset(you_w), frozenset(tool_w), frozenset(key_w), frozenset(nc_w),
                      has_key, tuple(findings), with_tool, with_key,
                      tuple(speaker_pairs) if mode == "quotes" else None)


__all__ = ["Agreement", "Comparison", "Finding", "KEY", "KEY_NOT_COUNTED", "QUOTE_WORDS_SHOWN", "TOOL", "YOU",
           "compare_marks", "same_speaker"]
