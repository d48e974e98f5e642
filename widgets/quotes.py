"""Quote spotting: find every quotation in a text, say what kind it is and who said it.

The engine works in three steps a student can follow:

1. **Find the marks.** Curly (“ ” ‘ ’) and straight (" ') quotation marks are paired up, even when
   one text mixes them, when a closing mark is used as an opening one (``said, ”Genocide ...”``), or
   when a quotation runs over a paragraph break and is reopened. Apostrophes (``Xi’s``, ``Belarus’``)
   are not quotation marks.
2. **Find the speaker**, with the first rule that applies (the rule is recorded in ``Quote.reason``):
   a reporting verb and its subject (``Blinken said``, ``said Blinken``, before or after the quote);
   ``according to X``; a headline ``X: ...``; a continuation (a new quote with no verb keeps the last
   speaker); a pronoun (``he said``) takes the most recent named speaker; short forms and titles
   (``Mr Kirby``) map to one canonical name through the speaker table (``data/speakers.csv``).
   When no rule applies, the speaker is unknown (``None``), never a guess.
3. **Say what kind it is**: ``direct`` (a full statement), ``partial`` (a phrase woven into the
   reporter's sentence) or ``scare`` (a term set off in quotation marks with nobody quoted, such as a
   so-called “Cold War mentality”). A scare quote never gets a speaker.

>>> text = 'Kirby spoke first. “We are watching,” he said. It is a so-called “peace plan”.'
>>> for q in find_quotes(text):
...     print(q.kind, q.text, "|", q.speaker, "|", q.cue)
direct We are watching, | John Kirby | said
scare peace plan | None | None
>>> find_quotes(text)[0].reason
"reporting verb 'said', subject 'he': pronoun 'he' -> most recent named speaker John Kirby"
"""
from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .errors import KitError
from .nlp import as_doc, has_parser
from .speakers import SpeakerTable, load_speakers, normalise_mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

KINDS = ("direct", "partial", "scare")

# --------------------------------------------------------------------------------------------------
# Step 1: quotation marks
# --------------------------------------------------------------------------------------------------
DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
QUOTE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
#: Characters after which a straight quotation mark opens a quotation.
_OPENING_CONTEXT = set(" \t\n\r\u00a0\u202f\u2009([{—–-/:")
_SPACES = " \t\u00a0\u202f\u2009\u2007\u200a"


@dataclass(frozen=True)
class Quote:
    """One quoted span, its kind and its speaker.

    Offsets point into the raw text: ``raw[q.start:q.end] == q.text`` (the words between the marks).
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str | None
    mention: str | None
    reason: str
    open_mark: int | None
    close_mark: int | None

    def to_json(self) -> dict:
        """The object ``medialit quotes --json`` prints for this quote."""
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "kind": self.kind, "cue": self.cue}


@dataclass(frozen=True)
class QuoteMarks:
    """A pair of quotation marks found in the text (step 1), before any speaker is looked for.

    ``reopened`` is True when the quotation continues from the paragraph before (news style: no closing
    mark at the end of a paragraph, a new opening mark at the start of the next).
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    style: str  # "double" or "single"
    reopened: bool = False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Pair up the quotation marks in ``text``; returns the quoted spans in text order.

    >>> [text[m.start:m.end] for text in ['He said “yes” and ‘no’; Xi’s "plan".']
    ...  for m in find_quote_marks(text)]
    ['yes', 'no', 'plan']
    >>> t = 'Blinken said, ”Genocide” continued.'
    >>> [t[m.start:m.end] for m in find_quote_marks(t)]
    ['Genocide']
    """
    n = len(text)
    spans: list[QuoteMarks] = []
    open_at: int | None = None      # offset of the open double mark
    open_style = ""
    reopened = False
    single_at: int | None = None    # an open single mark outside any double quotation
    i = 0

    def prev_char(k: int) -> str:
        return text[k - 1] if k > 0 else "\n"

    def next_char(k: int) -> str:
        return text[k + 1] if k + 1 < n else "\n"

    def add(o: int | None, c: int | None, style: str, start: int, end: int, again: bool = False) -> None:
        # Trim the span to the paragraph when the closing mark is missing.
        if c is None:
            while end > start and text[end - 1] in _SPACES + "\n\r":
                end -= 1
        if end > start:
            spans.append(QuoteMarks(start, end, o, c, style, again))

    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            # A line break inside an open quotation: news style reopens it on the next paragraph;
            # a blank line always ends it.
            j = i
            while j < n and text[j] in _SPACES + "\n\r":
                j += 1
            blank = text.count("\n", i, j) >= 2
            reopen = j < n and text[j] in DOUBLE_OPEN + STRAIGHT_DOUBLE
            if blank or reopen or j >= n:
                add(open_at, None, open_style, open_at + 1, i)
                open_at = None
                if reopen and j < n:
                    open_at, open_style, reopened = j, "double", True
                    i = j + 1
                    continue
        if ch == "\n" and single_at is not None:
            single_at = None  # a single mark never spans a line: it was an apostrophe
        if ch in DOUBLE_OPEN:
            if open_at is not None:
                # A second opening mark: the first had no partner. Keep what it opened, up to here.
                add(open_at, None, open_style, open_at + 1, i, reopened)
            open_at, open_style, reopened, single_at = i, "double", False, None
        elif ch in DOUBLE_CLOSE:
            if open_at is not None:
                add(open_at, i, open_style, open_at + 1, i, reopened)
                open_at, reopened = None, False
            elif (prev_char(i) in _OPENING_CONTEXT or prev_char(i) in _SPACES) and (
                    _is_word(next_char(i)) or next_char(i) == "["):
                # A closing mark used as an opening one: 'said, ”Genocide ...”'.
                open_at, open_style, reopened, single_at = i, "double", False, None
        elif ch == STRAIGHT_DOUBLE:
            before, after = prev_char(i), next_char(i)
            opens = before in _OPENING_CONTEXT and not after.isspace()
            closes = not before.isspace() and (not _is_word(after))
            if open_at is not None and (closes or not opens):
                add(open_at, i, open_style, open_at + 1, i, reopened)
                open_at, reopened = None, False
            elif open_at is None and (opens or not closes):
                open_at, open_style, reopened, single_at = i, "double", False, None
            elif open_at is not None:
                add(open_at, None, open_style, open_at + 1, i, reopened)
                open_at, open_style, reopened = i, "double", False
        elif open_at is None and ch in SINGLE_OPEN + STRAIGHT_SINGLE + SINGLE_CLOSE:
            before, after = prev_char(i), next_char(i)
            if single_at is None:
                if ch != SINGLE_CLOSE and not _is_word(before) and (_is_word(after) or after == "["):
                    single_at = i
            elif ch in SINGLE_CLOSE + STRAIGHT_SINGLE and not before.isspace() and not _is_word(after):
                add(single_at, i, "single", single_at + 1, i)
                single_at = None
            elif ch in SINGLE_OPEN and not _is_word(before):
                single_at = i
        i += 1
    if open_at is not None:
        add(open_at, None, open_style, open_at + 1, n, reopened)
    return spans


# --------------------------------------------------------------------------------------------------
# Step 2: reporting cues and speakers
# --------------------------------------------------------------------------------------------------
_CUE_VERBS = """
say says said saying | tell tells told telling | add adds added adding | state states stated stating |
declare declares declared declaring | announce announces announced announcing | urge urges urged urging |
warn warns warned warning | claim claims claimed claiming | insist insists insisted insisting |
stress stresses stressed stressing | emphasise emphasises emphasised emphasising emphasize emphasizes
emphasized emphasizing | note notes noted noting | explain explains explained explaining |
argue argues argued arguing | accuse accuses accused accusing | criticise criticises criticised criticising
criticize criticizes criticized criticizing | denounce denounces denounced denouncing |
call calls called calling | cite cites cited citing | describe describes described describing |
write writes wrote written writing | report reports reported reporting | reiterate reiterates reiterated
reiterating | acknowledge acknowledges acknowledged acknowledging | express expresses expressed expressing |
oppose opposes opposed opposing | list lists listed listing | promise promises promised promising |
pledge pledges pledged pledging | vow vows vowed vowing | reaffirm reaffirms reaffirmed reaffirming |
deny denies denied denying | admit admits admitted admitting | conclude concludes concluded concluding |
reply replies replied replying | respond responds responded responding | ask asks asked asking |
reveal reveals revealed revealing | speak speaks spoke spoken speaking | comment comments commented
commenting | remark remarks remarked remarking | predict predicts predicted predicting |
condemn condemns condemned condemning | slam slams slammed slamming | mention mentions mentioned mentioning |
confirm confirms confirmed confirming | demand demands demanded demanding | suggest suggests suggested
suggesting | assert asserts asserted asserting | concede concedes conceded conceding |
complain complains complained complaining | tweet tweets tweeted tweeting | quip quips quipped |
continue continues continued continuing | recall recalls recalled recalling
"""
CUE_FORMS = frozenset(w for w in _CUE_VERBS.replace("|", " ").split())
#: Forms that are often nouns ("the report", "a call"): only cues when the tagger says VERB.
_AMBIGUOUS_FORMS = frozenset("report reports call calls list lists state states note notes comment comments "
                             "remark remarks demand demands promise promises tweet tweets vow vows pledge "
                             "pledges claim claims".split())
#: Particles and objects shown as part of a cue ("told reporters", "hit out").
_CUE_OBJECTS = frozenset("reporters journalists me us them him her parliament lawmakers".split())
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "group", "them": "group", "it": "thing"}
_RELATIVES = frozenset({"which", "that", "who", "whom"})
DOCUMENT_NOUNS = frozenset("statement statements report reports plan proposal paper document declaration "
                           "position communique communiqué letter memo agreement".split())
GROUP_NOUNS = frozenset("leaders presidents sides heads".split())
#: Nouns that can name a speaker who is described rather than named ("a White House official").
SPEAKER_NOUNS = frozenset("""official officials spokesman spokeswoman spokesperson spokespeople spokesmen
minister ministers ministry government diplomat diplomats barrister lawyer lawyers analyst analysts expert experts
source sources reporter reporters president premier secretary leader adviser advisor advisers envoy ambassador
department office court council agency embassy commission committee police army military regime media
newspaper broadcaster critic critics observer observers resident residents witness witnesses protester
protesters activist activists scholar scholars researcher researchers economist economists historian
professor officer officers commander general senator lawmaker lawmakers politician politicians chairman
chairwoman chair director chief executive president-elect mayor governor judge prosecutor prosecutors
party parliament ministry spokesperson statement report""".split())
_SO_CALLED = re.compile(r"(?:so[\s-]called|what (?:it|they|he|she) calls?|dubbed|termed)\s*$", re.IGNORECASE)
_SENTENCE_END = frozenset(".!?")
#: Penn tags of verbs that make a statement (not participles like "rules-based").
_FINITE_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    type: str
    text: str
    subject: bool


@dataclass
class _Context:
    raw: str
    doc: "Doc"
    table: SpeakerTable
    parsed: bool
    tagged: bool
    spans: list[QuoteMarks]
    quoted: list[tuple[int, int]]  # (open offset, close offset + 1) of every quotation
    quote_starts: list[int]
    mentions: list[_Mention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    body: tuple[int, int] | None = None
    last_group: tuple[int, str] | None = None

    def inside_quote(self, offset: int) -> bool:
        k = bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]


def _doc_tokens_between(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _np_span(tok: "Token", ctx: _Context) -> tuple[int, int]:
    """Character extent of the noun phrase headed by ``tok`` (its left modifiers, the entity it is in),
    never reaching across a line break."""
    start, end = tok.idx, tok.idx + len(tok)
    line_start = ctx.raw.rfind("\n", 0, tok.idx) + 1
    if ctx.parsed:
        for child in tok.lefts:
            if child.dep_ in ("det", "poss", "compound", "amod", "nummod", "nmod", "case", "punct") \
                    and child.i >= tok.i - 8:
                edge = child.left_edge.idx if child.dep_ in ("poss", "compound", "nmod") else child.idx
                start = min(start, max(edge, line_start))
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            start, end = min(start, max(ent.start_char, line_start)), max(end, ent.end_char)
    newline = ctx.raw.find("\n", start, end)
    if newline >= 0:
        end = max(newline, start)
    while start < end and ctx.raw[start] in QUOTE_MARKS + " ,":
        start += 1
    return start, end


def _clean_description(text: str) -> str:
    text = re.sub(r"^(?:the|a|an|its|their|his|her|one)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


@dataclass(frozen=True)
class _Resolved:
    """Who a mention names, how the text named them, and why."""

    speaker: str
    mention: str
    reason: str
    type: str = "person"


def _resolved(speaker: str, mention: str, reason: str, type_: str = "person") -> _Resolved:
    return _Resolved(speaker, mention, reason, type_)


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
    for ent in ctx.doc.ents:
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
    clean = normalise_mention(text)
    if not clean or not any(c.isalpha() for c in clean):
        return None
    words = [w for w in re.split(r"\s+", text.replace("’", "'").strip(" .,'")) if w]
    words = [w for w in words if normalise_mention(w)]
    if not words:
        return None
    surname = words[-1].removesuffix("'s")
    if not surname[:1].isupper():
        return None
    best = " ".join(words).removesuffix("'s")
    for ent in ctx.doc.ents:
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


def _resolve(ctx: _Context, head: "Token | None", text: str, offset: int) -> _Resolved | None:
    """Who a subject noun phrase names, with the reason, or None if it names no speaker."""
    text = text.strip()
    if not text:
        return None
    lower = text.lower()
    head_text = (head.text if head is not None else text.split()[-1]).lower()
    # Pronouns.
    if lower in PRONOUNS:
        kind = PRONOUNS[lower]
        if kind == "person":
            m = _recent_person(ctx, offset)
            if m is not None:
                return _resolved(m.name, text, f"pronoun '{text}' -> most recent named speaker {m.name}")
            return None
        if kind == "group":
            if ctx.last_group is not None and offset - ctx.last_group[0] < 1500:
                name = ctx.last_group[1]
                return _resolved(name, text, f"pronoun '{text}' -> the group last quoted, {name}", "group")
            pair = _recent_pair(ctx, offset)
            if pair:
                name = _group_name(ctx, pair)
                return _resolved(name, text, f"pronoun '{text}' -> the two people last named, {name}", "group")
        return None
    if lower in _RELATIVES:
        for m in _mentions_before(ctx, offset):
            if m.end <= offset and offset - m.end < 200:
                return _resolved(m.name, text, f"'{text}' refers back to {m.text!r} -> {m.name}", m.type)
            break
        if head is not None and ctx.parsed and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return _resolve(ctx, antecedent, ctx.raw[slice(*_np_span(antecedent, ctx))], antecedent.idx)
        return None
    # "The spokesperson, Mao Ning, said": the name in apposition.
    if head is not None and ctx.parsed:
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and _same_line(child.idx, head.idx, ctx.raw):
                found = _resolve(ctx, child, ctx.raw[slice(*_np_span(child, ctx))], offset)
                if found is not None:
                    return found
    # The speaker table.
    speaker = ctx.table.lookup(text)
    if speaker is None and head is not None and head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            speaker = ctx.table.lookup(ent.text)
    if speaker is not None:
        if normalise_mention(text) == normalise_mention(speaker.name):
            reason = f"named: {text!r} -> {speaker.name}"
        else:
            reason = f"{text!r} is another name for {speaker.name} (speaker table)"
        return _resolved(speaker.name, text, reason, speaker.type)
    # "the two leaders", "the presidents".
    plural = head_text in GROUP_NOUNS or (head is not None and ctx.tagged and head.tag_ == "NNS"
                                          and head.lemma_.lower() in {"leader", "president", "side"})
    if plural:
        pair = _recent_pair(ctx, offset)
        if pair:
            name = _group_name(ctx, pair)
            return _resolved(name, text, f"{text!r} -> the two people last named, {name}", "group")
        return None
    # "the statement", "the report": the document last mentioned.
    if head_text in DOCUMENT_NOUNS and re.match(r"(?i)(the|this|that|its|their)\b", text):
        for m in _mentions_before(ctx, offset):
            if m.end <= offset and m.type == "document":
                return _resolved(m.name, text, f"{text!r} -> the document last mentioned, {m.name}", "document")
    # "the government", "the ministry": the last speaker whose name ends with that word.
    if re.match(r"(?i)(the|its|their)\b", text):
        for m in _mentions_before(ctx, offset):
            if m.end <= offset and m.name.lower().split()[-1] == head_text and offset - m.end < 2000:
                return _resolved(m.name, text, f"{text!r} -> the last one mentioned, {m.name}", m.type)
    # "the Ukrainian president": a person named shortly before whose role (speaker table) has that word.
    if re.match(r"(?i)the\b", text) and head_text not in DOCUMENT_NOUNS:
        for m in _mentions_before(ctx, offset):
            if offset - m.end > 600:
                break
            known = ctx.table.get(m.name)
            if m.end <= offset and known is not None and known.type == "person" \
                    and re.search(rf"(?i)\b{re.escape(head_text)}\b", known.role):
                return _resolved(m.name, text, f"{text!r} -> {m.name}, named just before ({known.role})")
    # A person spaCy recognises but the table does not list (or only recognises elsewhere: "Lopez").
    if head is not None and (head.ent_type_ == "PERSON" or (
            head.pos_ == "PROPN" and any(e.label_ == "PERSON" and e.text.split()[-1] == head.text
                                         for e in head.doc.ents))):
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end and e.label_ == "PERSON"), None)
        name = _person_name(ent.text if ent is not None else head.text, ctx)
        if name:
            return _resolved(name, text, f"named: {text!r} (not in the speaker table)")
    # Someone described, not named ("a Victorian barrister", "a White House official").
    if head_text in SPEAKER_NOUNS or (head is not None and head.ent_type_ in ("ORG", "NORP", "GPE")):
        if head is not None and ctx.parsed:  # "the secretary of state", "a spokesman for the ministry"
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == head.i + 1 \
                        and _same_line(child.right_edge.idx, head.idx, ctx.raw) \
                        and not ctx.inside_quote(child.right_edge.idx):
                    start = ctx.raw.find(text, max(0, head.idx - len(text) - 1))
                    if start >= 0:
                        text = ctx.raw[start:child.right_edge.idx + len(child.right_edge)]
        desc = _clean_description(text)
        if desc:
            return _resolved(desc, text, f"described, not named: {text!r} (not in the speaker table)", "other")
    return None


def _same_line(a: int, b: int, raw: str) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in raw[lo:hi]


def _subjects_of(cue: "Token", ctx: _Context) -> list[tuple["Token", str]]:
    """Candidate subjects of a reporting verb, best first: its own subject, then (for a participle or a
    conjoined verb with none) the subject of the clause it belongs to, then the name right next to it."""
    out: list[tuple["Token", str]] = []
    if ctx.parsed and cue.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in cue.children):
        # "the leaders declared X and, ..., declared Y": the same verb repeated shares its subject.
        for earlier in reversed(cue.doc[cue.sent.start:cue.i]):
            if earlier.lemma_ == cue.lemma_ and _same_line(earlier.idx, cue.idx, ctx.raw):
                subjects = [c for c in earlier.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    out.append((subjects[0], ctx.raw[slice(*_np_span(subjects[0], ctx))]))
                break
    if ctx.parsed:
        tok = cue
        for _ in range(8):
            if not _same_line(tok.idx, cue.idx, ctx.raw):
                break
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                        and _same_line(c.idx, cue.idx, ctx.raw) and not ctx.inside_quote(c.idx)]
            if subjects:
                out.append((subjects[0], ctx.raw[slice(*_np_span(subjects[0], ctx))]))
            if tok is cue and tok.dep_ == "acl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                out.append((tok.head, ctx.raw[slice(*_np_span(tok.head, ctx))]))  # "Wang Yi telling ..."
                break
            if tok.dep_ in ("ROOT",) or tok.head is tok or (tok is not cue and tok.dep_ in ("ccomp",)):
                break
            if tok.dep_ == "ccomp" and tok is cue:
                break
            tok = tok.head
    adjacent = _adjacent_name(cue, ctx)
    if adjacent is not None:
        out.append(adjacent)
    return out


def _adjacent_name(cue: "Token", ctx: _Context) -> tuple["Token", str] | None:
    """The name right next to a reporting verb, without a parse: "said Blinken", "Mr Kirby said"."""
    doc = cue.doc
    # Inverted: "said Blinken", "said the statement".
    j = cue.i + 1
    if j < len(doc) and doc[j].text.lower() in ("the",):
        j += 1
    k = j
    while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text.lower() in PRONOUNS) and doc[k].is_alpha:
        k += 1
    if k > j and doc[j].text.lower() not in ("on", "in", "at"):
        if cue.i == 0 or doc[cue.i - 1].is_punct or doc[cue.i - 1].text in QUOTE_MARKS:
            return doc[k - 1], doc[j:k].text
    # Before: "Blinken said", "Mr Kirby said", "he said", "the statement added".
    k = cue.i - 1
    while k >= 0 and doc[k].text.lower() in ("also", "later", "earlier", "has", "had", "have", "then", "once"):
        k -= 1
    end = k
    while k >= 0 and doc[k].is_alpha and (doc[k].text[:1].isupper() or doc[k].text.lower() in PRONOUNS
                                           or (k < end and doc[k].text.lower() in ("the", "a", "an", "its"))
                                           or (k == end and doc[k].text.lower() in DOCUMENT_NOUNS | SPEAKER_NOUNS)):
        if doc[k].text.lower() in PRONOUNS and k < end:
            break
        k -= 1
        if k >= 0 and doc[k + 1].text.lower() in ("the", "a", "an", "its") and k < end:
            break
    if k < end:
        return doc[end], doc[k + 1:end + 1].text
    return None


def _is_cue(tok: "Token", ctx: _Context) -> bool:
    low = tok.text.lower()
    if low not in CUE_FORMS:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-":  # "so-called", "long-awaited"
        return False
    if low.startswith("continu") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("to", "with"):
        return False  # "continued to occur" is not "he continued"
    if ctx.tagged:
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and low in ("says",))
    return low not in _AMBIGUOUS_FORMS


def _cue_text(cue: "Token") -> str:
    words = [cue.text]
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None:
        if nxt.dep_ == "prt" or (cue.lemma_ == "call" and nxt.text.lower() in ("on", "for")):
            words.append(nxt.text)
        elif cue.text.lower().startswith(("tell", "told")) and (nxt.text.lower() in _CUE_OBJECTS
                                                                or nxt.ent_type_ == "PERSON"):
            words.append(nxt.text)
    return " ".join(words)


def _attribute_with_cue(ctx: _Context, tokens: list["Token"], offset: int,
                        seen: list | None = None) -> tuple[_Resolved, str] | None:
    for tok in tokens:
        if not _is_cue(tok, ctx) or ctx.inside_quote(tok.idx):
            continue
        if seen is not None:
            seen.append(tok)
        for head, text in _subjects_of(tok, ctx):
            if ctx.inside_quote(head.idx):
                continue
            found = _resolve(ctx, head, text, head.idx)
            if found is not None:
                return found, _cue_text(tok)
    return None


def _according_to(ctx: _Context, tokens: list["Token"]) -> _Resolved | None:
    for k, tok in enumerate(tokens[:-1]):
        if tok.text.lower() == "according" and tokens[k + 1].text.lower() == "to" \
                and not ctx.inside_quote(tok.idx):
            rest = tokens[k + 2:]
            words = []
            for t in rest:
                if t.is_punct or (ctx.tagged and t.pos_ in ("VERB", "AUX", "ADP", "SCONJ")) or ctx.inside_quote(t.idx):
                    break
                words.append(t)
            if words:
                text = ctx.raw[words[0].idx:words[-1].idx + len(words[-1])]
                found = _resolve(ctx, words[-1], text, words[0].idx)
                if found is not None:
                    return _resolved(found.speaker, found.mention, f"'according to {text}' -> {found.speaker}",
                                     found.type)
    return None


# --------------------------------------------------------------------------------------------------
# Step 3: kinds
# --------------------------------------------------------------------------------------------------
def _has_verb(tokens: list["Token"], ctx: _Context) -> bool:
    words = [t for t in tokens if t.is_alpha]
    if ctx.tagged:
        return any(t.tag_ in _FINITE_TAGS for t in words)
    return len(words) >= 4


def _noun_after(inner: list["Token"], span: QuoteMarks) -> "Token | None":
    heads = {t.head for t in inner if t.is_alpha and not (span.start <= t.head.idx < span.end)}
    heads = [h for h in heads if h.idx >= span.end and h.pos_ in ("NOUN", "PROPN")]
    return heads[0] if len(heads) == 1 else None


def _modifies_noun_after(inner: list["Token"], span: QuoteMarks, ctx: _Context) -> bool:
    """True for 'a “win-win” arrangement': the quoted words modify a noun right after the quote."""
    noun = _noun_after(inner, span)
    if noun is None or "\n" in ctx.raw[span.end:noun.idx]:
        return False
    return noun.i - max(t.i for t in inner) <= 3


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


# --------------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------------
def _table(speakers) -> SpeakerTable:
    if isinstance(speakers, SpeakerTable):
        return speakers
    if speakers is None:
        try:
            return load_speakers()
        except KitError:
            return SpeakerTable(())
    return load_speakers(speakers)


def _sentence_before(ctx: _Context, open_mark: int) -> tuple[int, list["Token"]]:
    """Start offset of the reporter's words before a quote in its sentence, and their tokens."""
    raw = ctx.raw
    line_start = raw.rfind("\n", 0, open_mark) + 1
    tokens = [t for t in _doc_tokens_between(ctx.doc, line_start, open_mark) if t.idx < open_mark]
    start = line_start
    for t in reversed(tokens):
        if t.text in _SENTENCE_END and not ctx.inside_quote(t.idx):
            start = t.idx + 1
            break
        if ctx.inside_quote(t.idx) and t.idx + len(t) <= open_mark and raw[t.idx] in DOUBLE_CLOSE + '"' \
                and t.i > 0 and t.doc[t.i - 1].text in _SENTENCE_END:
            start = t.idx + 1
            break
    return start, [t for t in tokens if t.idx >= start]


def _sentence_after(ctx: _Context, close_end: int) -> list["Token"]:
    raw = ctx.raw
    line_end = raw.find("\n", close_end)
    line_end = len(raw) if line_end < 0 else line_end
    out = []
    for t in _doc_tokens_between(ctx.doc, close_end, line_end):
        if t.idx < close_end:
            continue
        if raw[t.idx] in DOUBLE_OPEN or (raw[t.idx] == '"' and ctx.inside_quote(t.idx)):
            break
        out.append(t)
        if t.text in _SENTENCE_END:
            break
    return out


def _content(tokens: list["Token"]) -> list["Token"]:
    return [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in "[]")]


def find_quotes(source, *, speakers=None) -> list[Quote]:
    """Every quotation in a text, in text order, with its kind, speaker, cue and the reason.

    Args:
        source: a ``str``, a spaCy ``Doc`` or a :class:`widgets.corpus.Article`.
        speakers: the speaker table (a :class:`~widgets.speakers.SpeakerTable` or a path to a CSV);
            ``None`` reads ``data/speakers.csv``.

    Returns:
        A list of :class:`Quote`. Offsets point into the raw text (``article.raw`` for an article).

    >>> qs = find_quotes('“The world should not be fooled,” Blinken said. It is a so-called “peace plan”.')
    >>> [(q.kind, q.speaker, q.cue) for q in qs]
    [('direct', 'Antony Blinken', 'said'), ('scare', None, None)]
    """
    raw, doc, body = as_doc(source, what="find_quotes()", example="'Kirby said: “Yes.”'")
    spans = find_quote_marks(raw)
    quoted = [(s.open_mark if s.open_mark is not None else s.start,
               (s.close_mark + 1) if s.close_mark is not None else s.end) for s in spans]
    ctx = _Context(raw=raw, doc=doc, table=_table(speakers), parsed=has_parser(doc),
                   tagged=bool(doc.has_annotation("TAG")), spans=spans, quoted=quoted,
                   quote_starts=[q[0] for q in quoted], body=body)
    _build_mentions(ctx)
    results: list[Quote] = []
    for k, span in enumerate(spans):
        results.append(_analyse(ctx, k, span, results))
    return results


def _analyse(ctx: _Context, k: int, span: QuoteMarks, done: list[Quote]) -> Quote:
    raw = ctx.raw
    text = raw[span.start:span.end]
    open_at = span.open_mark if span.open_mark is not None else span.start
    close_end = (span.close_mark + 1) if span.close_mark is not None else span.end
    before_start, before = _sentence_before(ctx, open_at)
    after = _sentence_after(ctx, close_end)
    inner = _doc_tokens_between(ctx.doc, span.start, span.end)
    before_words = _content([t for t in before])
    starts_sentence = not before_words
    reporter_before = raw[before_start:open_at]

    speaker = cue = mention = None
    reason = ""
    found = None
    cues: list = []  # reporting verbs seen around the quote, even when their subject names nobody
    # Rule 1: a reporting verb and its subject.
    if starts_sentence:
        found = _attribute_with_cue(ctx, after[:8], close_end, cues)
        if found is None:
            found = _attribute_with_cue(ctx, list(reversed(before)), open_at, cues)
    else:
        found = _attribute_with_cue(ctx, list(reversed(before)), open_at, cues)
        if found is None and (text.rstrip().endswith(",") or (after and after[0].text == ",")):
            found = _attribute_with_cue(ctx, after[:5], close_end, cues)
    if found is not None:
        res, cue = found
        speaker, mention = res.speaker, res.mention
        reason = f"reporting verb '{cue}', subject {res.mention!r}: " + res.reason
        if res.type == "group":
            ctx.last_group = (open_at, res.speaker)
    # Rule 2: "according to X".
    if speaker is None:
        res = _according_to(ctx, before + after)
        if res is not None:
            speaker, mention, cue, reason = res.speaker, res.mention, "according to", res.reason
    # Rule 3: a headline "X: ...".
    if speaker is None:
        line_start = raw.rfind("\n", 0, open_at) + 1
        line_end = raw.find("\n", close_end)
        line = raw[line_start:len(raw) if line_end < 0 else line_end]
        m = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:\s*$", raw[line_start:open_at])
        if m and not line.rstrip().endswith("."):
            tok = _doc_tokens_between(ctx.doc, line_start + m.start(1), line_start + m.end(1))
            res = _resolve(ctx, tok[-1] if tok else None, m.group(1), line_start + m.start(1))
            if res is not None:
                speaker, mention, cue = res.speaker, res.mention, ":"
                reason = f"headline '{m.group(1)}: ...' -> {res.speaker}"
    # Rule 4: the same words were quoted before, with a speaker.
    if speaker is None:
        same = next((q for q in reversed(done) if q.speaker is not None
                     and " ".join(q.text.lower().strip(" ,.").split()) == " ".join(text.lower().strip(" ,.").split())),
                    None)
        if same is not None:
            speaker, mention, cue = same.speaker, None, None
            reason = f"the same words were quoted earlier from {same.speaker}"
    # Rule 5: a continuation: a new quote with no verb keeps the last speaker.
    previous = done[-1] if done else None
    if speaker is None and starts_sentence and previous is not None and previous.speaker is not None \
            and not _content(after):
        gap = raw[(previous.close_mark + 1) if previous.close_mark is not None else previous.end:open_at]
        crosses_body = ctx.body is not None and (ctx.body[0] <= previous.start < ctx.body[1]) != (
            ctx.body[0] <= span.start < ctx.body[1])
        paragraphs = len(re.findall(r"\n\s*", gap))
        if (paragraphs <= 1 or span.reopened) and sum(gap.count(p) for p in _SENTENCE_END) <= 1 \
                and not crosses_body:
            speaker, mention = previous.speaker, None
            reason = f"continuation: no reporting verb, so it keeps the previous speaker {previous.speaker}"

    # Kinds.
    words = _word_count(text)
    verb = _has_verb(inner, ctx)
    first = text.lstrip(" '‘\"“”…")[:1]
    prev_tok = before[-1] if before else None
    # A whole utterance: it starts the sentence and ends with its own punctuation ("Yes," Kirby said).
    utterance = starts_sentence and (text.rstrip()[-1:] in ",.!?…" or (after and after[0].text == ","))
    scare_reason = ""
    if _SO_CALLED.search(reporter_before):
        scare_reason = "scare quote: 'so-called' (or similar) sets the term apart; nobody is quoted"
    elif words <= 4 and not verb and prev_tok is not None and ctx.parsed and not ctx.inside_quote(prev_tok.idx) \
            and prev_tok.dep_ in ("amod", "compound", "nummod", "nmod") \
            and span.start <= prev_tok.head.idx < span.end:
        scare_reason = (f"scare quote: a term inside the reporter's own noun phrase "
                        f"('{prev_tok.text} “{text.strip()}”'); nobody is quoted")
    elif words <= 3 and not verb and ctx.parsed and inner and _modifies_noun_after(inner, span, ctx):
        scare_reason = (f"scare quote: the term describes the reporter's own noun "
                        f"('“{text.strip()}” {_noun_after(inner, span).text}'); nobody is quoted")
    elif speaker is None and words <= 5 and not verb and not utterance and not cues:
        scare_reason = "scare quote: a short term with no reporting verb or speaker nearby"
    if scare_reason:
        kind, speaker, cue, mention, reason = "scare", None, None, None, scare_reason
    else:
        capital = first.isupper() or first == "["
        framed = reporter_before.rstrip().endswith((",", ":")) and verb
        # Direct: a statement set apart from the reporter's words (it starts the sentence, or follows
        # "said," or a colon); a phrase inside the reporter's sentence is partial.
        kind = "direct" if capital and (utterance or framed or (starts_sentence and verb)) else "partial"
        if speaker is None and cues:
            reason = (f"reporting verb '{cues[0].text}', but its subject names nobody the kit can identify: "
                      "speaker unknown")
        elif speaker is None:
            reason = "no rule found a speaker: unknown"
    return Quote(start=span.start, end=span.end, text=text, kind=kind, speaker=speaker, cue=cue,
                 mention=mention, reason=reason, open_mark=span.open_mark, close_mark=span.close_mark)


# --------------------------------------------------------------------------------------------------
# Measuring the engine against a hand-made answer key (data/keys/quotes.csv)
# --------------------------------------------------------------------------------------------------
KEY_FILE = "quotes.csv"


@dataclass(frozen=True)
class KeyQuote:
    """One quotation in the hand-made answer key."""

    article: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str | None
    in_body: bool
    note: str = ""


@dataclass(frozen=True)
class Score:
    """How well a set of found quotes matches the answer key.

    ``speaker_accuracy`` and ``kind_accuracy`` are over the key quotes that were found;
    ``scare_with_speaker`` counts found quotes called scare quotes that still name a speaker (must be 0).
    """

    key_quotes: int
    found_quotes: int
    matched: int
    precision: float
    recall: float
    speaker_accuracy: float
    kind_accuracy: float
    scare_with_speaker: int
    speaker_errors: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()


def load_answer_key(path=None) -> list[KeyQuote]:
    """Read the answer key (``data/keys/quotes.csv`` by default).

    >>> key = load_answer_key()
    >>> key[0].article, key[0].text, key[0].speaker
    ('blinken-diplomatic-cover', 'diplomatic cover', 'Antony Blinken')
    """
    import csv
    from pathlib import Path

    from .speakers import default_speakers_path

    path = Path(path) if path is not None else default_speakers_path().parent / "keys" / KEY_FILE
    if not path.exists():
        raise KitError(f"The answer key {path} does not exist.", fix="Use the kit's data/keys/quotes.csv.")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    key = []
    for number, row in enumerate(rows, start=2):
        try:
            key.append(KeyQuote(article=row["article"], start=int(row["start"]), end=int(row["end"]),
                                text=row["text"], kind=row["kind"], speaker=row["speaker"] or None,
                                cue=row["cue"] or None, in_body=row.get("in_body", "yes") != "no",
                                note=row.get("note", "")))
        except (KeyError, ValueError) as err:
            raise KitError(f"Row {number} of the answer key is malformed ({err}).", where=str(path),
                           fix="Each row needs article, start, end (whole numbers), text, kind and speaker.") from err
    return key


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score_quotes(found: dict[str, list], key: list[KeyQuote], *, min_overlap: float = 0.5) -> Score:
    """Compare found quotes (article id -> list of objects with ``start``, ``end``, ``speaker`` and
    optionally ``kind``) with the answer key. A found span matches a key span when they share at least
    ``min_overlap`` of their combined extent.

    >>> key = [KeyQuote("a", 1, 4, "Yes", "direct", "John Kirby", "said", True)]
    >>> score_quotes({"a": find_quotes('“Yes,” Kirby said.')}, key).speaker_accuracy
    1.0
    """
    matched = 0
    right_speaker = right_kind = 0
    used: set[tuple[str, int]] = set()
    errors, missed = [], []
    for kq in key:
        best, best_overlap = None, 0.0
        for k, q in enumerate(found.get(kq.article, [])):
            if (kq.article, k) in used:
                continue
            ov = _overlap((kq.start, kq.end), (q.start, q.end))
            if ov > best_overlap:
                best, best_overlap = k, ov
        if best is None or best_overlap < min_overlap:
            missed.append(f"{kq.article}: {kq.text[:50]!r}")
            continue
        used.add((kq.article, best))
        q = found[kq.article][best]
        matched += 1
        if (q.speaker or None) == kq.speaker:
            right_speaker += 1
        else:
            errors.append(f"{kq.article}: {kq.text[:40]!r}: key {kq.speaker}, found {q.speaker}")
        if getattr(q, "kind", None) == kq.kind:
            right_kind += 1
    n_found = sum(len(v) for v in found.values())
    scare_speakers = sum(1 for v in found.values() for q in v if getattr(q, "kind", "") == "scare" and q.speaker)
    return Score(
        key_quotes=len(key), found_quotes=n_found, matched=matched,
        precision=round(len(used) / n_found, 4) if n_found else 0.0,
        recall=round(matched / len(key), 4) if key else 0.0,
        speaker_accuracy=round(right_speaker / matched, 4) if matched else 0.0,
        kind_accuracy=round(right_kind / matched, 4) if matched else 0.0,
        scare_with_speaker=scare_speakers, speaker_errors=tuple(errors), missed=tuple(missed))


# --------------------------------------------------------------------------------------------------
# Summaries and the command line
# --------------------------------------------------------------------------------------------------
def quotes_table(quotes: Iterable[Quote], *, width: int = 60) -> str:
    """A plain-text table of quotes (what ``medialit quotes FILE`` prints).

    >>> print(quotes_table(find_quotes('“Yes,” Kirby said.')))
    start  end  kind    speaker     cue   text
        1    5  direct  John Kirby  said  Yes,
    """
    rows = [("start", "end", "kind", "speaker", "cue", "text")]
    for q in quotes:
        short = " ".join(q.text.split())
        if len(short) > width:
            short = short[: width - 3] + "..."
        rows.append((str(q.start), str(q.end), q.kind, q.speaker or "unknown", q.cue or "-", short))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[0].rjust(widths[0]), r[1].rjust(widths[1]), *(c.ljust(w) for c, w in zip(r[2:5], widths[2:]))]
        lines.append("  ".join(cells + [r[5]]).rstrip())
    return "\n".join(lines)


def command(args) -> int:
    """``medialit quotes [--json] FILE``: print the quotes of any UTF-8 text file."""
    from .corpus import read_text_file

    path = args.files[0]
    try:
        raw = read_text_file(path)
    except KitError as err:
        print(f"medialit quotes: {err}", file=sys.stderr)
        return 2
    quotes = find_quotes(raw)
    if args.json:
        print(json.dumps([q.to_json() for q in quotes], ensure_ascii=False, indent=1))
    else:
        print(quotes_table(quotes) if quotes else "No quotation marks found.")
    return 0
