"""Step 2 of quote spotting: who said it. A subject noun phrase (or "according to X") is resolved to a
speaker: a name, a short form or title from the speaker table, a pronoun that takes the most recent named
speaker, a group, a document, or someone described but not named. When no rule applies: None."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..speakers import normalise_mention
from .context import _Context, _doc_tokens_between, _np_span, _same_line
from .cues import _cue_text, _is_cue
from .marks import QUOTE_MARKS
from .mentions import (PRONOUN_GENDER, _described_person, _first_name_gender, _group_name, _mentions_before,
                       _person_name, _recent_pair, _recent_person, _title_before)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "group", "them": "group", "it": "thing"}
_RELATIVES = frozenset({"which", "that", "who", "whom"})
#: Dependency labels of verbs inside a subordinate clause (not the sentence's own reporting verb).
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj"})
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
    #: A description of someone unnamed, taken only when its reporting verb is next to the quote.
    local: bool = False


#: How many tokens may separate the quote from a reporting verb whose subject is only a description
#: ("“...,” the investor said"), so that "Blinken said Xi's visit suggests ... “war crimes”" stays Blinken's.
_DESCRIPTION_REACH = 6


def _resolved(speaker: str, mention: str, reason: str, type_: str = "person", *, local: bool = False) -> _Resolved:
    return _Resolved(speaker, mention, reason, type_, local)


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
            m = _recent_person(ctx, offset, lower)
            if m is not None:
                gender = ctx.genders.get(m.name) or _first_name_gender(ctx, m.name)
                fits = gender and gender == PRONOUN_GENDER.get(lower)
                against = gender and not fits
                return _resolved(m.name, text, f"{text} -> {m.name} (the most recent person named as a subject"
                                 + (f" who can be '{lower}'" if fits else "")
                                 + (f"; nobody else fits, though the first name {m.name.split()[0]} is usually "
                                    f"{'a woman' if gender == 'female' else 'a man'}'s" if against else "") + ")")
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
        ent = ctx.ent_at(head.i)
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
                                         for e in ctx.ents))):
        ent = ctx.ent_at(head.i)
        ent = ent if ent is not None and ent.label_ == "PERSON" else None
        first = head
        while ent is None and first.i > 0 and first.doc[first.i - 1].dep_ == "compound" \
                and first.doc[first.i - 1].pos_ == "PROPN" and not ctx.titles.get(first.doc[first.i - 1].text):
            first = first.doc[first.i - 1]  # "Ivanka Trump" that the model does not see as one name this time
        name = _person_name(ent.text if ent is not None else ctx.raw[first.idx:head.idx + len(head)], ctx,
                            title_gender=_title_before(ctx, ent.start if ent is not None else first.i))
        if name:
            return _resolved(name, text, f"named: {text!r} (not in the speaker table)")
    # A person the text names elsewhere in full ("Pence" after "Mike Pence"; see mentions).
    if head is not None:
        m = next((m for m in _mentions_before(ctx, head.idx) if m.start <= head.idx < m.end), None)
        if m is not None and m.type == "person":
            return _resolved(m.name, text, f"named: {text!r} (not in the speaker table)")
    # A capitalised name the model does not recognise, as the subject of a reporting verb ("Husted said",
    # "O’Donnell said"): a named speaker, in the text's own words.
    if head is not None and ctx.tagged and head.dep_ in ("nsubj", "nsubjpass") and head.text[:1].isupper() \
            and head.pos_ in ("PROPN", "NOUN") and not head.is_sent_start and lower not in PRONOUNS \
            and head.ent_type_ not in ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "EVENT", "PRODUCT") \
            and not ctx.titles.get(head.text) and head_text not in SPEAKER_NOUNS | DOCUMENT_NOUNS \
            and _is_cue(head.head, ctx) and not any(t.lower_ in ("the", "a", "an") for t in head.lefts):
        first = head
        while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].text[:1].isupper():
            first = first.doc[first.i - 1]
        words = ctx.raw[first.idx:head.idx + len(head)]
        name = _person_name(words, ctx) if head.ent_type_ != "ORG" else normalise_mention(words, titles=ctx.titles) and words
        if name:
            kind = "organisation" if head.ent_type_ == "ORG" else "person"
            return _resolved(name, text, f"named: {text!r} (not in the speaker table)", kind)
    # A description: "the retired neurosurgeon" is the person the text described so ("Ben Carson, the
    # retired neurosurgeon"); else it stays a description, in the text's own words, never a guessed name.
    if head is not None and ctx.tagged and head.pos_ == "NOUN" and head_text not in DOCUMENT_NOUNS \
            and head.ent_type_ not in ("ORG", "NORP", "GPE"):
        if re.match(r"(?i)(the|this|that)\b", text) and head.tag_ != "NNS":
            proper = frozenset(t.lemma_.lower() for t in head.lefts if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP"))
            m = _described_person(ctx, offset, head.lemma_.lower(), proper)
            if m is not None:
                return _resolved(m.name, text, f"{_clean_description(text)} -> {m.name} (the text called "
                                 f"{m.text!r} a {head.lemma_.lower()} before)")
        if head.dep_ in ("nsubj", "nsubjpass") and _is_cue(head.head, ctx):
            desc = _clean_description(_with_of_phrase(ctx, head, text))
            if desc:
                return _resolved(desc, text, f"described, not named: {text!r}",
                                 "group" if head.tag_ == "NNS" else "other", local=True)
    # Someone described, not named ("a Victorian barrister", "a White House official").
    if head_text in SPEAKER_NOUNS or (head is not None and head.ent_type_ in ("ORG", "NORP", "GPE")):
        if head is not None:
            text = _with_of_phrase(ctx, head, text)
        desc = _clean_description(text)
        if desc:
            return _resolved(desc, text, f"described, not named: {text!r} (not in the speaker table)", "other")
    return None


def _with_of_phrase(ctx: _Context, head: "Token", text: str) -> str:
    """A description with its "of" or "for" phrase: "the secretary of state", "a spokesman for the ministry"."""
    if not ctx.parsed:
        return text
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == head.i + 1 \
                and _same_line(child.right_edge.idx, head.idx, ctx.raw) and not ctx.inside_quote(child.right_edge.idx):
            start = ctx.raw.find(text, max(0, head.idx - len(text) - 1))
            if start >= 0:
                return ctx.raw[start:child.right_edge.idx + len(child.right_edge)]
    return text


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


def _attribute_with_cue(ctx: _Context, tokens: list["Token"], offset: int,
                        seen: list | None = None, *, near: int | None = None) -> tuple[_Resolved, str] | None:
    """The first reporting verb among ``tokens`` whose subject names a speaker, and its cue text.

    With ``near``, a verb further than ``near`` tokens into ``tokens`` counts only when its subject is
    among ``tokens`` too: '“...,” Howard Rubel, an analyst at Jefferies, said.' (the apposition pushes
    the verb far from the quote, but the subject sits between them)."""
    span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else (0, 0)
    for k, tok in enumerate(tokens):
        if not _is_cue(tok, ctx) or ctx.inside_quote(tok.idx):
            continue
        if seen is not None:
            seen.append(tok)
        far = near is not None and k >= near
        # Far from the quote, only the first reporting verb counts, and only as the sentence's own
        # verb, never one inside a subordinate clause ("..., said when Boyle asked him").
        if far and ctx.parsed and tok.dep_ in _SUBORDINATE and span[0] <= tok.head.idx < span[1]:
            return None  # (a verb whose head is the quoted clause itself is the reporting verb)
        for head, text in _subjects_of(tok, ctx):
            if ctx.inside_quote(head.idx) or (far and not span[0] <= head.idx < span[1]):
                continue
            found = _resolve(ctx, head, text, head.idx)
            if found is not None and found.local and near is None and k > _DESCRIPTION_REACH:
                continue  # (a trailing "“...,” the bespectacled, 71-year-old diplomat said" may be long)
            if found is not None:
                return found, _cue_text(tok, ctx)
        if far:
            return None
    return None


def _name_then_cue(ctx: _Context, after: list["Token"]) -> tuple[_Resolved, str] | None:
    """'“...,” William M. Daley, President Obama's former chief of staff, said.': when the parse gives the
    reporting verb no subject, a person named right after the quote, before the first reporting verb of the
    sentence, is its subject (the words between are an apposition)."""
    words = [t for t in after if not t.is_punct and not t.is_space]
    if not words:
        return None
    first = next((m for m in _mentions_before(ctx, words[0].idx + len(words[0]))
                  if m.start <= words[0].idx < m.end), None)
    if first is None or first.type != "person":
        return None
    for tok in after:
        if tok.idx < first.end:
            continue
        if _is_cue(tok, ctx) and not ctx.inside_quote(tok.idx):
            return (_resolved(first.name, first.text, f"the name right after the quote, {first.text!r}, is the "
                                                      f"subject of '{tok.text}' -> {first.name}"), _cue_text(tok, ctx))
        if ctx.tagged and tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBD", "VBZ", "VBP", "MD") \
                and tok.dep_ not in ("relcl", "acl"):
            return None  # another verb first: "“...,” Daley, who ran the campaign, ..." is not this pattern
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
                if text[:1].isupper():  # "according to HuffPo": the source, as the text names it
                    return _resolved(text, text, f"'according to {text}': the source as the text names it", "other")
    return None


def _name_before_colon(ctx: _Context, before: str, before_start: int) -> _Resolved | None:
    """'Pollsters agree - Carl Bialik: “...”': a person named right before a colon that opens the quote,
    unless the name follows a preposition ("He had a message for Trump: “...”"). Runs only when no
    reporting verb gave a speaker ("He asked Trump: “...”" is the asker's)."""
    m = re.search(r"(\S)\s*:\s*$", before)
    if m is None:
        return None
    end = before_start + m.end(1)
    mention = next((x for x in _mentions_before(ctx, end) if x.end == end), None)
    if mention is None or mention.type != "person" or ctx.inside_quote(mention.start):
        return None
    toks = _doc_tokens_between(ctx.doc, mention.start, mention.end) if ctx.parsed else []
    root = next((t for t in toks if not toks[0].i <= t.head.i <= toks[-1].i or t.head is t), None)
    if root is not None and root.dep_ in ("pobj", "dative", "poss"):
        return None
    return _resolved(mention.name, mention.text, f"'{mention.text}: ...': a name and a colon introduce the words "
                                                 f"-> {mention.name}")
