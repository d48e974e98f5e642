"""Does a text look like English? A cheap, offline check, so the kit can say when its rules do not apply.

The quote spotter, the speaker rules and the loaded-language lexicon are all written for English. An
article in German or French still "works", but gives wrong answers (German „…“ quotes, no English reporting
verbs, no lexicon hits) without saying why. So the kit counts how many of a text's words are among the most
common English function words ("the", "and", "of", "said", ...). In English news they are about a third of
all words (34-40% in the five corpus articles, and at least 18% in each of 1,147 English news articles the
kit was never tuned on); in German or French news they are about 3%. Texts of fewer than :data:`MIN_WORDS`
words are not judged.

>>> looks_english("The minister said that the plan was a step in the right direction, and that it would help.")
True
>>> check_language("Der Minister sagte, dass der Plan ein Schritt in die richtige Richtung sei, und dass "
...                "er helfen werde. Die Opposition kritisierte den Plan scharf und forderte Neuwahlen. "
...                "Viele Bürger sind unsicher, was die Zukunft bringen wird, und warten auf Antworten.")
LanguageCheck(words=40, english_words=2, share=0.05, looks_english=False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Common English function words (and "said", the commonest word in news after them).
ENGLISH_WORDS = frozenset("""
the a an and or but of to in on at for with by from as into about over after than that this these those
is are was were be been being has have had do does did will would can could should may might must
it its he she they we you i his her their our your my him them us who which what when where there
not no said says also
""".split())
#: Below this share of common English words, a text is said not to look like English.
ENGLISH_SHARE_THRESHOLD = 0.15
#: Texts with fewer words are not judged (a headline or one quoted sentence proves nothing).
MIN_WORDS = 40
#: Only the first this many characters are looked at (about 1,500 words: plenty to judge, and quick).
SAMPLE_CHARACTERS = 10_000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class LanguageCheck:
    """How many words a text has, how many are common English words, and the verdict."""

    words: int
    english_words: int
    share: float
    looks_english: bool

    def __repr__(self) -> str:
        return (f"LanguageCheck(words={self.words}, english_words={self.english_words}, share={self.share:.2f}, "
                f"looks_english={self.looks_english})")


def check_language(text: str) -> LanguageCheck:
    """Count the words of ``text`` (its first 10,000 characters) and how many are common English function words.

    >>> check_language("Xi said no.").looks_english   # too short to judge: taken as English
    True
    """
    words = _WORD.findall(text[:SAMPLE_CHARACTERS].lower())
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    share = english / len(words) if words else 0.0
    verdict = len(words) < MIN_WORDS or share >= ENGLISH_SHARE_THRESHOLD
    return LanguageCheck(words=len(words), english_words=english, share=share, looks_english=verdict)


def looks_english(text: str) -> bool:
    """True unless ``text`` has at least :data:`MIN_WORDS` words and few common English words.

    >>> looks_english("Le ministre a déclaré que le plan était un pas dans la bonne direction. " * 5)
    False
    """
    return check_language(text).looks_english


def not_english_message(text: str) -> str:
    """A sentence for a teacher or student when ``text`` does not look like English, else ''.

    >>> not_english_message("Kirby said no.")
    ''
    """
    result = check_language(text)
    if result.looks_english:
        return ""
    return (f"This article does not look like English: only {result.share:.0%} of its {result.words:,} words are "
            "common English words such as 'the', 'and' or 'said' (English news: about a third). The quote, speaker "
            "and loaded-language rules are written for English, so expect wrong or missing results.")


#: What to do about a text that does not look like English.
NOT_ENGLISH_FIX = "Use an English version of the article, or read the results as examples of what the tools miss."

__all__ = ["ENGLISH_SHARE_THRESHOLD", "ENGLISH_WORDS", "LanguageCheck", "MIN_WORDS", "NOT_ENGLISH_FIX",
           "check_language", "looks_english", "not_english_message"]
