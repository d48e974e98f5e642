"""Reporting cues: the verbs that introduce a quotation ("said", "told reporters", "called on")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import _Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: The reporting verbs are the teacher-editable ``data/reporting_verbs.csv`` (:mod:`widgets.wordlists`),
#: read once per call of ``find_quotes`` into ``ctx.verbs``.
#: Particles and objects shown as part of a cue ("told reporters", "hit out").
_CUE_OBJECTS = frozenset("reporters journalists me us them him her parliament lawmakers".split())


def _is_cue(tok: "Token", ctx: _Context) -> bool:
    low = tok.text.lower()
    verbs = ctx.verbs.by_form(low)
    if not verbs:
        return False
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    verbs = [v for v in verbs if not v.particle or v.particle == nxt]
    if not verbs:
        return False  # "went" without "on", "shot" without "back"
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-":  # "so-called", "long-awaited"
        return False
    if low.startswith("continu") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("to", "with"):
        return False  # "continued to occur" is not "he continued"
    if ctx.tagged:
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and low in ("says",))
    # No tagger: a verb that is often a noun counts only in a form a noun cannot have ("reported").
    return any(not (v.noun_too and (low == v.lemma or low == v.lemma + "s")) for v in verbs)


def _cue_text(cue: "Token", ctx: _Context) -> str:
    words = [cue.text]
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None:
        if nxt.dep_ == "prt" or any(v.particle == nxt.lower_ for v in ctx.verbs.by_form(cue.text)) or (cue.lemma_ == "call" and nxt.text.lower() in ("on", "for")):
            words.append(nxt.text)
        elif cue.text.lower().startswith(("tell", "told")) and (nxt.text.lower() in _CUE_OBJECTS
                                                                or nxt.ent_type_ == "PERSON"):
            words.append(nxt.text)
    return " ".join(words)
