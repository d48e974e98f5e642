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
    _build_genders(ctx)


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


#: Pronouns by the gender they refer to.
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
#: How far back a pronoun looks for the person it refers to (characters), and across how many paragraphs.
_PRONOUN_REACH = 4000
_PRONOUN_PARAGRAPHS = 6


def _title_gender(ctx: _Context, m: _Mention) -> str:
    """The gender a title before or at the start of a mention says ("Mrs. Clinton", "Congresswoman X")."""
    before = re.search(r"([A-Za-z]+)\.?\s*$", ctx.raw[max(0, m.start - 20):m.start])
    words = ([before.group(1)] if before else []) + m.text.split()[:1]
    for word in words:
        gender = ctx.titles.gender(word)
        if gender:
            return gender
    return ""


def _build_genders(ctx: _Context) -> None:
    """What the text itself says about each person's gender, from two kinds of evidence: a title
    ("Mr.", "Mrs.", "Congresswoman": ``data/titles.csv``), and the pronouns in a sentence whose subject
    is the only person it names ("Clinton said she would ..."). A person with no evidence, or as much
    for one as for the other, gets ``""`` (compatible with both)."""
    evidence: dict[str, list[int]] = {}
    for m in ctx.mentions:
        if m.type == "person":
            gender = _title_gender(ctx, m)
            if gender:
                evidence.setdefault(m.name, [0, 0])[gender == "female"] += 2
    if ctx.parsed:
        for sent in ctx.doc.sents:
            k = bisect_right(ctx.mention_starts, sent.start_char - 1)
            named = []
            while k < len(ctx.mentions) and ctx.mentions[k].start < sent.end_char:
                m = ctx.mentions[k]
                if m.type == "person" and not ctx.inside_quote(m.start):
                    named.append(m)
                k += 1
            if len({m.name for m in named}) != 1 or not any(m.subject for m in named):
                continue
            first_end = min(m.end for m in named)
            for t in sent:
                gender = PRONOUN_GENDER.get(t.lower_)
                if gender and t.idx >= first_end and not ctx.inside_quote(t.idx):
                    evidence.setdefault(named[0].name, [0, 0])[gender == "female"] += 1
    ctx.genders = {name: "male" if m > f else "female" if f > m else "" for name, (m, f) in evidence.items()}


def _recent_person(ctx: _Context, offset: int, pronoun: str = "") -> _Mention | None:
    """The person a pronoun at ``offset`` most likely refers to: the most recent person named as a
    subject, outside quotations, whose gender (as far as the text shows it) fits the pronoun; None when
    nobody fits within a few paragraphs."""
    want = PRONOUN_GENDER.get(pronoun.lower(), "")
    for m in _mentions_before(ctx, offset):
        if offset - m.end > _PRONOUN_REACH or ctx.raw.count("\n", m.end, offset) > _PRONOUN_PARAGRAPHS:
            return None
        if m.end <= offset and m.type == "person" and m.subject and not ctx.inside_quote(m.start):
            if want and ctx.genders.get(m.name, "") not in ("", want):
                continue
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
