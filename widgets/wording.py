"""Counted nouns in plain English: "1 warning", "2 warnings", never "1 warnings".

>>> plural(1, "warning"), plural(2, "warning"), plural(0, "error")
('1 warning', '2 warnings', '0 errors')
>>> plural(1_000, "quote"), plural(1, "article loads", "articles load"), plural(2, "article loads", "articles load")
('1,000 quotes', '1 article loads', '2 articles load')
"""
from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun, singular for exactly one, else ``many`` (default: the noun plus "s").

    >>> plural(1, "match", "matches"), plural(3, "match", "matches")
    ('1 match', '3 matches')
    """
    word = singular if count == 1 else (many if many is not None else singular + "s")
    return f"{count:,} {word}"


__all__ = ["plural"]
