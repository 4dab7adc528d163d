"""Plain text (.txt, .md): decoding Chinese encodings and the admin metadata header."""

from __future__ import annotations

from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.metadata import split_header
from knowledge.models import LoadedFile
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 first, then GB18030 (a superset of GBK/GB2312), then charset-normalizer's guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise MalformedDocument(path, "binary content, not a text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise MalformedDocument(path, "cannot decode text (not UTF-8, GBK/GB18030 or another known encoding)")
    return str(best)


def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    text = newlines(decode_text(data, path))
    if not text.strip():
        raise MalformedDocument(path, "empty file (no text)")
    metadata, body = split_header(text, path)
    if not body.strip():
        raise MalformedDocument(path, "no text after the metadata header")
    return LoadedFile(path=str(path), text=body, format=fmt, metadata=metadata)
