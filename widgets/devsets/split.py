"""The fixed split of every development set into a tuning half and a report half, by article name.

>>> half_of("705035735"), half_of("706088110")
('tuning', 'report')
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import KitError
from ..wording import did_you_mean

TUNING = "tuning"
REPORT = "report"
HALVES = (TUNING, REPORT)


def half_of(name: str) -> str:
    """Which half an article belongs to: ``"tuning"`` when the SHA-1 of its name is even, else ``"report"``.

    ``name`` is the PolNeAR file stem (no annotator, no ``.txt``) or the PTC article id (digits only).
    This is the one split every measurement uses: tune on one half, report on the other.

    >>> half_of("705035735"), half_of("706088110")
    ('tuning', 'report')
    """
    return TUNING if int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 == 0 else REPORT


def _check_half(half: str | None) -> None:
    if half is not None and half not in HALVES:
        raise KitError(f"Unknown half {half!r}.{did_you_mean(half, HALVES)}",
                       fix=f"Use one of {', '.join(HALVES)}, or None for both.")


def _need_dir(path: Path, what: str) -> None:
    if not path.is_dir():
        raise KitError(f"{what} folder {path} does not exist.",
                       fix="Pass the folder that holds the development set (see ../shared/devsets/README.md).")
