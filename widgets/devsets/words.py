"""Words as the devsets README counts them: which words of a source can identify a speaker, and how
many words a quote has.
"""
from __future__ import annotations

import re

PRONOUNS = frozenset("""i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves who whom whose which that this these
those one someone somebody anyone anybody everyone everybody""".split())
#: Titles and honorifics: "Sen. Ted Cruz" and "Ted Cruz" share the word that matters, "cruz".
TITLES = frozenset("""mr mrs ms miss mx dr sen senator gov governor rep reps representative congressman congresswoman
president pres vice prof professor rev gen lt col sgt capt adm secretary sec judge justice mayor chairman chairwoman
former jr sr st hon""".split())
FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at by for from with without about as into onto
over under after before between through during than then so if not no also just only very s t d ll re ve m said
says say according told some many several all any each both other others another most more few such own""".split())


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that can identify a speaker: lower-cased runs of ``[a-z0-9]`` minus
    :data:`PRONOUNS`, :data:`TITLES` and :data:`FUNCTION_WORDS`.

    >>> sorted(content_words("Sen. Ted Cruz, R-Texas, who"))
    ['cruz', 'r', 'ted', 'texas']
    >>> content_words("he")
    frozenset()
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if w not in PRONOUNS and w not in TITLES and w not in FUNCTION_WORDS)


def word_count(text: str) -> int:
    """Words in ``text`` (runs of letters or digits, joined by apostrophes or hyphens), for the 4+ words rule.

    >>> word_count("“It's a so-called plan,” he said")
    6
    """
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))
