"""Mentions: every place the text names a speaker (from the speaker table, or a person spaCy
recognises), and the most recent person or pair named before a given offset."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from ..speakers import normalise_mention
from .context import _Context, _doc_tokens_between, _Mention
from .marks import QUOTE_MARKS


def _build_mentions(ctx: _Context) -> None:
    """Every place the text names a speaker from the table, or a person spaCy recognises."""
    raw = ctx.raw
    masked = "".join(" " if c in QUOTE_MARKS and c not in "’'" else c for c in raw).replace("’", "'")
    taken = [False] * (len(raw) + 1)
    found: list[_Mention] = []

    def subject_at(start: int, end: int) -> bool:
        if not ctx.parsed:
            return True
        toks = _doc_tokens_between(ctx.doc, start, end)
        return any(t.dep_ in ("nsubj", "nsubjpass") for t in toks)

    for form, speaker in ctx.table.forms():
        words = [re.escape(w.replace("’", "'")) for w in form.split()]
        if not words:
            continue
        pattern = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
        flags = re.IGNORECASE if form[:1].islower() else 0
        for m in re.finditer(pattern, masked, flags):
            if any(taken[m.start():m.end()]):
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            found.append(_Mention(m.start(), m.end(), speaker.name, speaker.type, raw[m.start():m.end()],
                                  subject_at(m.start(), m.end())))
    for ent in ctx.ents:
        if ent.label_ == "PERSON" and not any(taken[ent.start_char:ent.end_char]):
            name = _person_name(ent.text, ctx)
            if name:
                found.append(_Mention(ent.start_char, ent.end_char, name, "person", ent.text,
                                      subject_at(ent.start_char, ent.end_char)))
    found.sort(key=lambda m: m.start)
    ctx.mentions = found
    ctx.mention_starts = [m.start for m in found]


def _person_name(text: str, ctx: _Context) -> str | None:
    """Canonical name for a person mention not in the table: the longest name in the text ending the same way."""
    clean = normalise_mention(text, titles=ctx.titles)
    if not clean or not any(c.isalpha() for c in clean):
        return None
    words = [w for w in re.split(r"\s+", text.replace("’", "'").strip(" .,'")) if w]
    words = [w for w in words if normalise_mention(w, titles=ctx.titles)]
    if not words:
        return None
    surname = words[-1].removesuffix("'s")
    if not surname[:1].isupper():
        return None
    best = " ".join(words).removesuffix("'s")
    for ent in ctx.ents:
        if ent.label_ == "PERSON":
            parts = ent.text.replace("’", "'").split()
            if parts and parts[-1].removesuffix("'s") == surname and len(ent.text) > len(best):
                best = " ".join(parts).removesuffix("'s")
    return best


def _mentions_before(ctx: _Context, offset: int) -> Iterable[_Mention]:
    k = bisect_right(ctx.mention_starts, offset) - 1
    while k >= 0:
        yield ctx.mentions[k]
        k -= 1


def _recent_person(ctx: _Context, offset: int) -> _Mention | None:
    for m in _mentions_before(ctx, offset):
        if m.end <= offset and m.type == "person" and m.subject and not ctx.inside_quote(m.start):
            return m
    return None


def _recent_pair(ctx: _Context, offset: int) -> tuple[str, ...] | None:
    names: list[_Mention] = []
    for m in _mentions_before(ctx, offset):
        if m.end <= offset and m.type == "group" and not names and not ctx.inside_quote(m.start):
            return (m.name,)
        if m.end <= offset and m.type == "person" and not ctx.inside_quote(m.start):
            if all(m.name != seen.name for seen in names):
                names.append(m)
            if len(names) == 2:
                break
    if len(names) < 2:
        return None
    first_seen = {m.name: m.start for m in reversed(ctx.mentions) if m.type == "person"}
    a, b = sorted((names[0].name, names[1].name), key=lambda name: first_seen.get(name, 0))
    return a, b


def _group_name(ctx: _Context, pair: tuple[str, ...]) -> str:
    if len(pair) == 1:
        return pair[0]
    a, b = pair
    for candidate in (f"{a} and {b}", f"{b} and {a}"):
        speaker = ctx.table.lookup(candidate)
        if speaker is not None:
            return speaker.name
    return f"{a} and {b}"
