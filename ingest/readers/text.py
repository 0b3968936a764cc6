"""Plain text and Markdown, in any common encoding (UTF-8/16, cp1250, ISO-8859-2 …)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register


def decode_bytes(data: bytes) -> str:
    """Decode bytes, trusting BOMs and UTF-8 first, then charset detection.

    >>> decode_bytes("Vězeňská služba".encode("cp1250"))
    'Vězeňská služba'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise IngestError("binary content (not text)")
    from charset_normalizer import from_bytes

    best = from_bytes(
        data,
        cp_isolation=[
            "cp1250",
            "iso8859_2",
            "cp1252",
            "iso8859_1",
            "utf_16",
            "cp1251",
            "mac_latin2",
        ],
    ).best()
    if best is None:
        raise IngestError("undecodable text (unknown encoding)")
    return str(best)


def looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:8192]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(sample) > 0.05


@register(".txt", ".text")
def read_text(path: Path) -> RawText:
    text = decode_bytes(path.read_bytes())
    if looks_binary(text):
        raise IngestError("binary content (not text)")
    return RawText(text)


_MD_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", re.MULTILINE)
_MD_INLINE = re.compile(r"(\*\*|__|`)")


@register(".md", ".markdown")
def read_markdown(path: Path) -> RawText:
    """Markdown: markup characters become spaces, so offsets into the file stay valid."""
    text = decode_bytes(path.read_bytes())
    if looks_binary(text):
        raise IngestError("binary content (not text)")
    title = None
    for line in text.splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            break
    cleaned = _MD_MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    cleaned = _MD_INLINE.sub(lambda m: " " * len(m.group(0)), cleaned)
    cleaned = re.sub(
        r"\[([^\]]*)\]\(([^)]*)\)",
        lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
        cleaned,
    )
    return RawText(cleaned, title=title)
