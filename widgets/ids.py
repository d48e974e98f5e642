"""Article ids: they name export files and end up in spreadsheets, so only safe ones are accepted.

>>> id_problem("xi-invites-putin"), safe_id("My Article (BBC, 2023)")
('', 'my-article-bbc-2023')
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
#: The longest id the kit accepts (it becomes a file name).
MAX_ID_LENGTH = 80
_FORMULA_STARTS = "=+-@"
_WINDOWS_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def id_problem(article_id: str) -> str:
    """What is wrong with ``article_id`` as an article id, or '' if it is safe.

    A safe id is at most 80 letters (a-z, A-Z), digits, hyphens, underscores and dots, starting with a
    letter or digit. It names the file an export is saved to, so it cannot climb out of a folder (``../x``),
    and it cannot start with ``= + - @`` (a spreadsheet would run it as a formula).

    >>> id_problem("xi-invites-putin")
    ''
    >>> id_problem("../../etc/x")
    'it starts with "."; an id must start with a letter or a digit'
    >>> id_problem('=HYPERLINK("http://x.example","click")')
    'it starts with "=", so a spreadsheet would run it as a formula'
    """
    if not isinstance(article_id, str):
        return f"it is {type(article_id).__name__}, not text"
    if not article_id:
        return "it is empty"
    if article_id[0] in _FORMULA_STARTS:
        return f'it starts with "{article_id[0]}", so a spreadsheet would run it as a formula'
    if not article_id[0].isascii() or not article_id[0].isalnum():
        return f'it starts with "{article_id[0]}"; an id must start with a letter or a digit'
    if not _SAFE_ID.fullmatch(article_id):
        bad = next(ch for ch in article_id if not (ch.isascii() and (ch.isalnum() or ch in "_.-")))
        shown = {" ": "a space", "/": '"/"', "\\": '"\\"'}.get(bad, f'"{bad}"' if bad.isprintable() else f"U+{ord(bad):04X}")
        return f"it contains {shown}; use only letters, digits, hyphens (-), underscores (_) and dots (.)"
    if len(article_id) > MAX_ID_LENGTH:
        return f"it is {len(article_id)} characters long; the limit is {MAX_ID_LENGTH}"
    if article_id.split(".")[0].lower() in _WINDOWS_NAMES:
        return f'"{article_id}" is a name Windows keeps for a device, not a file'
    return ""


def safe_id(text: str) -> str:
    """A safe article id made from ``text`` (e.g. a file name): lower case, letters, digits and hyphens.

    Returns '' if ``text`` has no letters or digits to make one from.

    >>> safe_id("My Article (BBC, 2023)"), safe_id("=cmd|' /C calc'!A0"), safe_id("Über uns"), safe_id("...")
    ('my-article-bbc-2023', 'cmd-c-calc-a0', 'uber-uns', '')
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    if slug.split(".")[0] in _WINDOWS_NAMES:
        slug = f"{slug}-article"
    return slug


def _suggest_id(article_id: str, filename: str = "") -> str:
    return safe_id(article_id) or safe_id(Path(filename).stem) or "my-article-1"


__all__ = ["MAX_ID_LENGTH", "id_problem", "safe_id"]
