"""Mentions: every place the text names a speaker (from the speaker table, or a person spaCy
recognises), and the most recent person or pair named before a given offset."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Iterable

from ..speakers import normalise_mention
from .context import _Context, _doc_tokens_between, _Mention
from .cues import _is_cue
from .marks import QUOTE_MARKS

#: Quotation marks become spaces before the speaker table is searched (apostrophes stay).
_MASK = str.maketrans({c: " " for c in QUOTE_MARKS if c not in "’'"})
#: Entity labels that are never a person.
_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _subject_depth(toks) -> tuple[bool, int]:
    """Whether a mention (its tokens) is the subject of a clause, and how many clauses down from the
    sentence's main verb that clause is (0: "Nehlen responded ...", 1: "... reports that Trump planned").
    A name in apposition to a subject ("Another superdelegate, Michael Brown, explained") is that subject."""
    subject = next((t for t in toks if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and toks:
        # The parser sometimes misses a subject ("62-year-old Brenda Johnson also railed", parsed as an
        # object of "in"): a name right before a verb that has no subject of its own is that subject.
        doc, k = toks[-1].doc, toks[-1].i + 1
        while k < len(doc) and doc[k].pos_ == "ADV":
            k += 1
        if k < len(doc) and doc[k].pos_ == "VERB" and doc[k].tag_ in ("VBD", "VBZ", "VBP") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[k].children):
            return True, _clause_depth(doc[k])
    if subject is None and toks:
        # A name in apposition to the subject ("Another superdelegate, Michael Brown of Washington, explained";
        # "Kazakhstan's foreign minister, Erlan Idrissov, plays down"), or the name a subject is given ("a worker
        # named Antonio Arroyo has"): the subject is that person.
        first, last = toks[0].i, toks[-1].i
        root = next((t for t in toks if not first <= t.head.i <= last or t.head is t), None)
        if root is not None and root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
            return True, _clause_depth(root.head.head)
        if root is not None and root.dep_ in ("oprd", "attr", "dobj", "npadvmod") and root.head.dep_ == "acl" \
                and root.head.lower_ in ("named", "called") and root.head.head.dep_ in ("nsubj", "nsubjpass"):
            return True, _clause_depth(root.head.head.head)
    if subject is None:
        return False, 0
    return True, _clause_depth(subject.head)


def _clause_depth(verb) -> int:
    """How many clauses down from its sentence's main verb ``verb`` is (conjoined verbs count as one)."""
    depth = 0
    for _ in range(12):
        if verb.dep_ == "ROOT" or verb.head is verb:
            break
        if verb.dep_ not in ("conj", "parataxis"):
            depth += 1
        verb = verb.head
    return depth


def _descriptions(toks, ctx: _Context) -> frozenset[str]:
    """The words a text describes a named person with, in the name's own noun phrase: titles and nouns
    before it ("Texas Sen. Ted Cruz", "Republican nominee Donald Trump") and an apposition after it
    ("Ben Carson, the retired neurosurgeon"). Titles are given in full ("Sen." -> "senator")."""
    if not toks:
        return frozenset()
    root = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head is t), toks[-1])
    words: set[str] = set()

    def take(tok) -> None:
        for t in tok.subtree:
            if toks[0].i <= t.i <= toks[-1].i:
                continue
            full = ctx.titles.full(t.text)
            if full:
                words.update(full.split())
            elif t.pos_ in ("NOUN", "ADJ", "PROPN") and t.is_alpha:
                words.add(t.lemma_.lower())

    for t in toks:
        full = ctx.titles.full(t.text)
        if full:
            words.update(full.split())
    for child in root.children:
        if child.i < toks[0].i and child.dep_ in ("compound", "amod", "nmod"):
            take(child)
        elif child.i > toks[-1].i and child.dep_ == "appos" and _same_sentence(child, root):
            take(child)
    return frozenset(words)


def _same_sentence(a, b) -> bool:
    return a.sent.start == b.sent.start


def _build_mentions(ctx: _Context) -> None:
    """Every place the text names a speaker: from the table, a person spaCy recognises, a lone surname
    of a person named in full elsewhere in the text ("Pence" after "Mike Pence"), or a proper noun that
    is the subject of a reporting verb ("Canova said")."""
    raw = ctx.raw
    masked = raw.translate(_MASK).replace("’", "'")
    taken = [False] * (len(raw) + 1)
    found: list[_Mention] = []

    def add(start: int, end: int, name: str, type_: str) -> None:
        for k in range(start, end):
            taken[k] = True
        if ctx.parsed:
            toks = _doc_tokens_between(ctx.doc, start, end)
            subject, depth = _subject_depth(toks)
            described = _descriptions(toks, ctx) if type_ == "person" else frozenset()
        else:
            subject, depth, described = True, 0, frozenset()
        found.append(_Mention(start, end, name, type_, raw[start:end], subject, depth, described))

    for form, speaker in ctx.table.forms():
        words = [re.escape(w.replace("’", "'")) for w in form.split()]
        if not words:
            continue
        pattern = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
        flags = re.IGNORECASE if form[:1].islower() else 0
        for m in re.finditer(pattern, masked, flags):
            if not any(taken[m.start():m.end()]):
                add(m.start(), m.end(), speaker.name, speaker.type)
    for ent in ctx.ents:
        if ent.label_ == "PERSON" and not any(taken[ent.start_char:ent.end_char]):
            name = _person_name(ent.text, ctx, title_gender=_title_before(ctx, ent.start))
            if name:
                add(ent.start_char, ent.end_char, name, "person")
    # Lone surnames of people named in full (the small model often misses "Pence" or calls it an ORG).
    # A surname two people share goes to the one named more often (the first named, on a tie).
    surnames: dict[str, list[str]] = {}
    for m in found:
        parts = m.name.split()
        if m.type == "person" and len(parts) >= 2 and parts[-1][:1].isupper():
            surnames.setdefault(parts[-1], []).append(m.name)
    if ctx.tagged:
        for tok in ctx.doc:
            if taken[tok.idx] or ctx.inside_quote(tok.idx) or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if surnames.get(tok.text):  # exact, capitalised: "Trump" in a headline may be tagged a noun
                prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
                if prev is not None and f"{prev.text} {tok.text}" in surnames[tok.text] and not taken[prev.idx]:
                    add(prev.idx, tok.idx + len(tok), f"{prev.text} {tok.text}", "person")  # "Ivanka Trump" again
                else:
                    add(tok.idx, tok.idx + len(tok), _pick_person(surnames[tok.text], ctx, _title_before(ctx, tok.i)),
                        "person")
            elif ctx.parsed and tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.text[:1].isupper() \
                    and _is_cue(tok.head, ctx) \
                    and tok.ent_type_ not in _NOT_PEOPLE and tok.lower_ not in PRONOUN_GENDER:
                first = tok
                while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" \
                        and first.doc[first.i - 1].pos_ == "PROPN" and not taken[first.doc[first.i - 1].idx]:
                    first = first.doc[first.i - 1]
                name = _person_name(raw[first.idx:tok.idx + len(tok)], ctx)
                if name:
                    add(first.idx, tok.idx + len(tok), name, "person")
    found.sort(key=lambda m: m.start)
    ctx.mentions = found
    ctx.mention_starts = [m.start for m in found]
    for m in found:
        if m.described:
            ctx.descriptions[m.name] = ctx.descriptions.get(m.name, frozenset()) | m.described
    _build_genders(ctx)


def _person_name(text: str, ctx: _Context, *, title_gender: str = "") -> str | None:
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
    mine = " ".join(words).removesuffix("'s")
    fuller: list[str] = []
    for ent in ctx.ents:
        if ent.label_ == "PERSON":
            parts = ent.text.replace("’", "'").split()
            full = " ".join(parts).removesuffix("'s")
            # "Bush" or "W. Bush" -> "George W. Bush", but "Laura Bush" stays Laura Bush.
            if parts and parts[-1].removesuffix("'s") == surname and len(full) > len(mine) \
                    and full.endswith(" " + mine):
                fuller.append(full)
    if not fuller:
        return mine
    title = re.match(r"\s*([A-Za-z]+)\.?\s", text)
    return _pick_person(fuller, ctx, (ctx.titles.gender(title.group(1)) if title else "") or title_gender)


def _title_before(ctx: _Context, i: int) -> str:
    """The gender of a title right before token ``i`` ("Mrs. Clinton": female), or ``""``."""
    return ctx.titles.gender(ctx.doc[i - 1].text.rstrip(".")) if i > 0 else ""


def _pick_person(names: list[str], ctx: _Context, title_gender: str = "") -> str:
    """The person a lone surname means, of the full names the text gives it (in text order, repeats
    kept): when two people share it ("Trump": Donald and Ivanka), the one named more often (the first
    named, on a tie), leaving out one whose first name the title contradicts ("Mrs. Clinton" is not Bill);
    of the forms of that name, the longest ("Donald J. Trump")."""
    if title_gender:
        names = [n for n in names if _first_name_gender(ctx, n) in ("", title_gender)] or names
    counts = Counter(name.split()[0] for name in names)
    first = max(counts, key=lambda word: counts[word])
    return max((name for name in names if name.split()[0] == first), key=len)


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
    """What the text says about each person's gender, from two kinds of evidence: a title ("Mr.",
    "Mrs.", "Congresswoman": ``data/titles.csv``, counts 2), and the pronouns in a sentence whose subject
    is the only person it names ("Clinton said she would ...", 1 each). A person with no evidence, or as
    much for one as for the other, gets ``""`` (compatible with both). A first name (``data/first_names.csv``)
    is weaker still: see :func:`_first_name_gender`."""
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


def _first_name_gender(ctx: _Context, name: str) -> str:
    """The gender a person's first name is usually given to (``data/first_names.csv``), or ``""``."""
    parts = name.split()
    return ctx.first_names.get(parts[0].lower(), "") if len(parts) >= 2 else ""


def _recent_person(ctx: _Context, offset: int, pronoun: str = "", *, _chain: int = 0) -> _Mention | None:
    """The person a pronoun at ``offset`` most likely refers to: a person named as a subject, outside
    quotations, whose gender (as far as the text shows it) fits the pronoun, in the nearest sentence that
    has one; of several there, the subject of the main clause ("Nehlen responded to reports that Trump
    planned ...": Nehlen). When that sentence's own subject is a pronoun that fits, above the name ("But he
    suggested that Mr. Lew had ..."), the pronoun's person is looked for instead. A first name usually given
    to the other gender only makes a person the last choice. None when nobody fits within a few paragraphs."""
    want = PRONOUN_GENDER.get(pronoun.lower(), "")
    best: _Mention | None = None
    fallback: _Mention | None = None  # the first one only its first name speaks against ("Lindsey Graham")
    sentence_start = -1
    sentence = None
    for m in _mentions_before(ctx, offset):
        if best is not None and m.start < sentence_start:
            break
        if offset - m.end > _PRONOUN_REACH or ctx.raw.count("\n", m.end, offset) > _PRONOUN_PARAGRAPHS:
            break
        if m.end <= offset and m.type == "person" and m.subject and not ctx.inside_quote(m.start):
            if want and ctx.genders.get(m.name, "") not in ("", want):
                continue
            if want and not ctx.genders.get(m.name) and _first_name_gender(ctx, m.name) not in ("", want):
                fallback = fallback or m
                continue
            if best is None:
                best = m
                toks = _doc_tokens_between(ctx.doc, m.start, m.end) if ctx.parsed else []
                sentence = toks[0].sent if toks else None
                sentence_start = sentence.start_char if sentence is not None else m.start
            elif m.depth < best.depth:
                best = m
    if best is not None and best.depth > 0 and want and sentence is not None and _chain < 3:
        # "Mr. Lou said ... But he suggested that Mr. Lew had ...": the sentence's own subject is a pronoun
        # that fits, higher up than the name; that pronoun is the subject, so look for whom it refers to.
        for t in sentence:
            if t.idx >= offset or t.idx >= best.start:
                break
            if PRONOUN_GENDER.get(t.lower_) == want and t.dep_ in ("nsubj", "nsubjpass") \
                    and t.lower_ in ("he", "she") and not ctx.inside_quote(t.idx) \
                    and _clause_depth(t.head) < best.depth and "\n" not in ctx.raw[t.idx:best.start]:
                return _recent_person(ctx, t.idx, pronoun, _chain=_chain + 1)
    return best or fallback


def _described_person(ctx: _Context, offset: int, noun: str, proper: frozenset[str] = frozenset()) -> _Mention | None:
    """The person named most recently before ``offset`` (within a few paragraphs, outside quotations)
    whom the text described with ``noun`` anywhere ("the senator" -> "Sen. Ted Cruz"), and, when the
    description has proper-noun modifiers (``proper``: "the *Florida* senator"), with one of them too."""
    full = ctx.titles.full(noun) or noun
    for m in _mentions_before(ctx, offset):
        if offset - m.end > _PRONOUN_REACH or ctx.raw.count("\n", m.end, offset) > _PRONOUN_PARAGRAPHS:
            return None
        if m.end <= offset and m.type == "person" and not ctx.inside_quote(m.start):
            words = ctx.descriptions.get(m.name, frozenset())
            if full in words and (not proper or proper & words):
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
