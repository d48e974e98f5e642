"""The rules beyond the word list: what a lexicon cannot catch (so-called, scare quotes, superlative
claims, a charged word attached to a person), each with a name that every highlight records."""
from __future__ import annotations

#: The rules beyond the word list, with what each one looks for (shown to students).
RULES: dict[str, str] = {
    "rule:so_called": '"so-called" before a name tells the reader not to trust the name (doubt).',
    "rule:scare_quotes": "a term put in quotation marks with nobody quoted: the writer holds it at arm's length (doubt).",
    "rule:sincerity_doubt": '"if ... really" suggests that someone does not mean what they say (doubt).',
    "rule:superlative_claim": 'a superlative with "history" or "ever" ("the highest level in history"): a claim nobody can check (exaggeration).',
    "rule:name_calling_attached": "a charged word from the lexicon attached to a person, group, country or organisation turns into a label (name calling).",
    "scorer": "a phrase whose words score high on clues learned from news that trained annotators marked (how often each word was marked, how strongly TextBlob rates it, its neighbours); see data/loaded-evidence.csv and data/loaded-weights.csv.",
}

#: Charged nouns that are also the usual name of an event: used as that name they are not the writer's
#: choice ("the Las Vegas massacre", "the Watergate scandal", "the sex abuse scandals") and are not
#: highlighted. Learned from the PTC tuning half, where annotators marked "massacre" in 1 of 21 and
#: "scandal" in 4 of 33 lexicon matches, nearly all of the rest event names.
EVENT_NOUNS = frozenset({"massacre", "scandal"})

#: Nouns that refer to people or groups, for the name-calling rule (besides names of people,
#: nationalities, countries and organisations that the spaCy model recognises).
GROUP_NOUNS = frozenset("""
    government regime nation country state leader official people protester demonstrator force military
    army police party administration president minister group movement company media elite politician
    activist journalist press worker class citizen voter opposition ally alliance side power rebel
    soldier troop crowd community organisation organization ministry authority authorities
    senator mayor governor lawmaker legislator congressman congresswoman judge diplomat spokesman
    spokeswoman spokesperson candidate critic supporter opponent fan man woman person boss chief ceo
    chairman chairwoman campaigner commentator analyst
""".split())
_PERSON_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
#: Adjectives that describe how someone feels, not what they are: "fans were furious" is not a label.
FEELINGS = frozenset({"furious", "angry", "outraged", "terrified", "shocked", "horrified", "appalled", "upset",
                      "frightened", "scared", "afraid", "disgusted", "sickened", "livid", "enraged"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "who"})
_SUPERLATIVE_ENDS = frozenset({"history", "ever"})


def _is_person_or_group(token, labels: frozenset = frozenset()) -> bool:
    lemma = token.lemma_.lower()
    return (token.ent_type_ in _PERSON_ENTS or lemma in GROUP_NOUNS or lemma in labels
            or token.lower_ in _PERSON_PRONOUNS)


def _attached_person(token, labels: frozenset = frozenset()) -> str | None:
    """The person/group a charged adjective or noun is attached to, or None (needs a parser).

    ``labels`` are the lexicon's name-calling words: a charged adjective on a label ("a notorious
    denier") is attached to a person too.
    """
    head = token.head
    if token.pos_ == "ADJ":
        if token.dep_ == "amod" and _is_person_or_group(head, labels):
            return head.text
        if token.dep_ == "acomp" and token.lower_ not in FEELINGS:
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and _is_person_or_group(child, labels):
                    return child.text
    elif token.pos_ == "NOUN":
        if token.dep_ == "appos" and _is_person_or_group(head, labels):
            return head.text
        if token.dep_ == "attr":
            for child in head.children:
                if child.dep_ == "nsubj" and _is_person_or_group(child, labels):
                    return child.text
    return None


def _standard_name(token) -> bool:
    """True when a lexicon word is used as part of a standard name rather than as the writer's choice:
    an event noun with a name or date before it ("the Las Vegas massacre", "the abuse scandal"), or
    "regime change" (the name of a policy). Needs a parser.

    >>> from widgets.nlp import parse
    >>> doc = parse("Footage of the Las Vegas massacre. It was a massacre. They want regime change.")
    >>> [t.text for t in doc if t.lemma_.lower() in ("massacre", "regime") and _standard_name(t)]
    ['massacre', 'regime']
    """
    lemma = token.lemma_.lower()
    doc = token.doc
    if lemma == "regime":
        return token.i + 1 < len(doc) and doc[token.i + 1].lemma_.lower() == "change"
    if lemma not in EVENT_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(child.i < token.i and (child.dep_ in ("compound", "nmod", "nummod")
                                      or child.ent_type_ in ("GPE", "DATE", "NORP", "EVENT", "ORG"))
               for child in token.children)


def _superlative_claims(doc) -> list[tuple[int, int]]:
    spans = []
    for token in doc:
        # "highest", "best" (JJS), or "most"/"least" before an adjective ("the most advanced ever")
        if token.tag_ != "JJS" and not (token.tag_ == "RBS" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADJ"):
            continue
        sent_end = token.sent.end
        for other in doc[token.i + 1 : min(token.i + 8, sent_end)]:
            if other.lower_ in _SUPERLATIVE_ENDS:
                spans.append((token.idx, other.idx + len(other)))
                break
    return spans
