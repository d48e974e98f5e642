"""Shared pytest set-up for the unit tests and the doctests in widgets/.

- Loads the spaCy pipeline once, sending its one-line notice to stderr so doctests stay clean.
- Fails the session if anything under data/ changed (the kit must only ever read data/).
- Blocks network connections from the test process (the kit must work offline); loopback stays open.
"""
from __future__ import annotations

import hashlib
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"


def _snapshot() -> dict[str, str]:
    return {str(p.relative_to(DATA)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(DATA.rglob("*")) if p.is_file()}


_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or self.family == socket.AF_UNIX):
        return _real_connect(self, address)
    raise OSError(f"Network access attempted in a test ({address!r}); the kit must work offline.")


@pytest.fixture(scope="session", autouse=True)
def offline_and_read_only():
    before = _snapshot()
    socket.socket.connect = _guarded_connect
    from widgets import nlp

    nlp.set_notice_stream(sys.stderr)
    nlp.load_pipeline()
    nlp.set_notice_stream(None)
    yield
    socket.socket.connect = _real_connect
    after = _snapshot()
    assert after == before, "Something changed files under data/: the kit must never modify data/."
