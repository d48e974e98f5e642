"""Reporting cues: the verbs that introduce a quotation ("said", "told reporters", "called on")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import _Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

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
