"""Reading a text file the one way the kit reads every file: UTF-8, a byte-order mark dropped, ``\\n`` line ends.

:func:`read_text_file` (a path) and :func:`decode_text` (bytes) say in plain words what is wrong with a file
that cannot be read as text (missing, empty, a Word document or PDF, UTF-16, a damaged or Windows-1252
byte) and how to fix it, with the line and column of a bad byte.

>>> decode_text("\\ufeffKirby said no.\\r\\n".encode("utf-8"))
'Kirby said no.\\n'
"""
from __future__ import annotations

import codecs
import io
import os
import unicodedata
from pathlib import Path

from .errors import ArticleError


class EmptyFileError(ArticleError):
    """A file with nothing in it, or only spaces and invisible characters."""

_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a Word document or other zip file (.docx, .odt)",
    b"%PDF": "a PDF",
    b"{\\rtf": "a Rich Text (.rtf) file",
    b"\xd0\xcf\x11\xe0": "an old Word (.doc) file",
}


def read_text_file(path: str | os.PathLike, *, inside: str | os.PathLike | None = None) -> str:
    """Read an article (or data) file as UTF-8 text, as ``open(path, encoding="utf-8-sig").read()`` would.

    A byte-order mark at the start (which some Windows editors add) is dropped, and Windows (CRLF) and old
    Mac (CR) line ends become ``\\n``, so the same text gives the same offsets and results however it was
    saved. Raises :class:`~widgets.errors.ArticleError` with a friendly message (naming the file, the
    problem and the fix) for a missing, empty, binary or non-UTF-8 file. With ``inside``, a file that is
    (or is reached through) a link to somewhere outside that folder is refused, not read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
    >>> _ = p.write_bytes("Caf\\xe9 society".encode("cp1252"))
    >>> try:
    ...     read_text_file(p)
    ... except ArticleError as err:
    ...     print(err.message)
    This file is not UTF-8 text: byte 0xe9 at line 1, column 4 (character position 3) cannot be read. It looks like Windows-1252 (reads as "Café society").
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfKirby said no.\\r\\n")
    >>> read_text_file(p)
    'Kirby said no.\\n'
    """
    return decode_text(read_file_bytes(path, inside=inside), where=str(path))


def read_file_bytes(path: str | os.PathLike, *, inside: str | os.PathLike | None = None) -> bytes:
    """The bytes of a file, after the checks :func:`read_text_file` makes: it exists, it is a file, and
    (with ``inside``) it is not a link to somewhere outside that folder.

    >>> read_file_bytes("no-such-file.txt")
    Traceback (most recent call last):
    ...
    widgets.errors.ArticleError: no-such-file.txt: There is no such file. Fix: Check the name and folder.
    """
    path = Path(path)
    where = str(path)
    if inside is not None:
        _refuse_links_out(path, Path(inside))
    if not path.exists():
        raise ArticleError("There is no such file.", fix="Check the name and folder.", where=where)
    if path.is_dir():
        raise ArticleError("This is a folder, not a text file.", fix="Give the path of a .txt file.", where=where)
    return path.read_bytes()


def decode_text(data: bytes, *, where: str = "") -> str:
    """Decode the bytes of a text file as :func:`read_text_file` does (``where`` names it in messages).

    >>> decode_text("\\ufeffOne.\\r\\nTwo.".encode("utf-8"))
    'One.\\nTwo.'
    >>> decode_text("\\u00a0 \\u00a0\\n".encode("utf-8"))
    Traceback (most recent call last):
    ...
    widgets.textfiles.EmptyFileError: The file is empty (it holds only spaces or invisible characters). Fix: Paste the article text into it and save it as UTF-8 text.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        raise EmptyFileError(
            "The file is empty.", fix="Paste the article text into it and save it as UTF-8 text.", where=where
        )
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(
                f"This is {what}, not plain text.",
                fix="Open it, choose 'Save as' > 'Plain text (.txt)' with UTF-8 encoding, and use that file.",
                where=where,
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(
            "This file is UTF-16 text, not UTF-8.",
            fix="Open it in a text editor and save it again with the encoding 'UTF-8'.",
            where=where,
        )
    if b"\x00" in data[:8192]:
        raise ArticleError(
            "This looks like a binary file (it contains NUL bytes), not plain text.",
            fix="Save the article as plain text (.txt) with UTF-8 encoding.",
            where=where,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        message, fix = _describe_decode_error(data, err)
        raise ArticleError(message, fix=fix, where=where) from None
    # Decode exactly as open(..., encoding="utf-8") does, universal newlines included.
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
    if all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text):
        raise EmptyFileError(
            "The file is empty (it holds only spaces or invisible characters).",
            fix="Paste the article text into it and save it as UTF-8 text.", where=where,
        )
    return text


def _refuse_links_out(path: Path, folder: Path) -> None:
    """Raise if ``path`` resolves (through links) to somewhere outside ``folder``."""
    try:
        target = path.resolve()
        root = folder.resolve()
    except (OSError, RuntimeError):  # a link loop
        raise ArticleError("This is a link that cannot be followed (it points to itself).",
                           fix="Delete the link and copy the real file into the folder.", where=str(path)) from None
    if target != root and root not in target.parents:
        raise ArticleError(
            f"This is a link to {target}, which is outside {folder}, so it was not read.",
            fix=f"Copy the file itself into {folder} instead of linking to it.", where=str(path),
        )


_ENCODING_FIX = (
    "Open the file in a text editor and save it again with the encoding 'UTF-8' "
    "(or copy the text into a new UTF-8 file). The kit never changes your file itself."
)


def _describe_decode_error(data: bytes, err: UnicodeDecodeError) -> tuple[str, str]:
    """What is wrong with a file that is not valid UTF-8, and the fix.

    The rule: a file with at least as many valid UTF-8 characters beyond ASCII (curly quotes, accents,
    dashes) as bytes that cannot be read is UTF-8 with a few damaged bytes, so the message says which
    bytes and where. Only a file with fewer valid ones (typically none: a real Windows-1252 file almost
    never contains a valid UTF-8 sequence) gets the "looks like Windows-1252" hint.
    """
    position = err.start
    before = data[:position]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1  # in characters
    char_position = len(before.decode("utf-8", errors="replace"))
    where = f"byte 0x{data[position]:02x} at line {line}, column {column} (character position {char_position})"
    decoded = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in decoded if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in decoded if ch > "\x7f" and not "\udc80" <= ch <= "\udcff")
    if good and good >= bad:
        context = " ".join(before.decode("utf-8", errors="replace")[-30:].split())
        count = "1 byte" if bad == 1 else f"{bad:,} bytes"
        first = "it is" if bad == 1 else "the first is"
        message = (f"This file is UTF-8 text except for {count} that cannot be read: {first} {where}, "
                   f'just after "{context}". The file is probably damaged there.')
        fix = (f"Open the file in a text editor, go to line {line}, retype the damaged character (it may show as "
               "a box or a question mark) and save the file as UTF-8. The kit never changes your file itself.")
        return message, fix
    message = f"This file is not UTF-8 text: {where} cannot be read."
    guess = _guess_encoding(data, position)
    return (f"{message} {guess}" if guess else message), _ENCODING_FIX


def _guess_encoding(data: bytes, position: int) -> str:
    start, end = max(0, position - 24), min(len(data), position + 24)
    for name, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1 (ISO-8859-1)")):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = " ".join(data[start:end].decode(name).split())
        return f'It looks like {label} (reads as "{sample}").'
    return ""


__all__ = ["EmptyFileError", "decode_text", "read_file_bytes", "read_text_file"]
