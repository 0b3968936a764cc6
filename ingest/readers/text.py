"""Plain text and Markdown, in any common encoding (UTF-8/16, cp1250, ISO-8859-2 …)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register

_CENTRAL_EUROPEAN = ("cp1250", "iso8859_2")
# characters a Central European text almost never has: C1 controls and the symbols that
# cp1250 and ISO-8859-2 put where the other one has a letter
_UNLIKELY = re.compile("[\x80-\x9f±¶©®«»¦¬ˇ¤§¨°´¸˝˘˙µ]")
_RARE = re.compile("[ľĽ]")


def _plausibility(text: str) -> int:
    """Higher is more plausible as cs/pl/sk/sl/de/en text (used to pick among 8-bit codecs)."""
    return -10 * len(_UNLIKELY.findall(text)) - len(_RARE.findall(text))


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes: the text with U+FFFD for them, else None.

    It is UTF-8 when valid multi-byte sequences clearly outnumber the broken ones
    (8-bit encodings of Czech or Polish almost never form valid UTF-8 sequences).
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if broken and multibyte >= 4 * broken:
        return text
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes: BOM, then a declared charset, UTF-8, damaged UTF-8, charset detection.

    Czech and Polish 8-bit text is told apart as cp1250 or ISO-8859-2 by which decoding
    gives plausible letters rather than control characters and symbols.

    >>> decode_bytes("Vězeňská služba".encode("cp1250"))
    'Vězeňská služba'
    >>> decode_bytes("Příliš žluťoučký kůň, Vězeňská služba".encode("iso8859_2"))
    'Příliš žluťoučký kůň, Vězeňská služba'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            data = data[:-1]
        return data.decode("utf-16", errors="replace")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise IngestError("binary content (not text)")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
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
    text = str(best)
    if best.encoding in _CENTRAL_EUROPEAN:
        candidates = [text]
        for codec in _CENTRAL_EUROPEAN:
            if codec != best.encoding:
                try:
                    candidates.append(data.decode(codec))
                except UnicodeDecodeError:
                    pass
        text = max(candidates, key=_plausibility)  # first (detector's) wins ties
    return text


# control characters other than line/tab/form feeds, and the replacement character
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def looks_binary(text: str) -> bool:
    """Whether more than 5% of the first 8192 characters are controls or U+FFFD.

    >>> looks_binary("Vězeňská služba\\n"), looks_binary("\\x00\\x01ab")
    (False, True)
    """
    if not text:
        return False
    sample = text[:8192]
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.05


_MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "a zip archive (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "RTF",
    b"\x1f\x8b": "gzip",
}


def sniff_binary(data: bytes) -> None:
    """Refuse well-known binary formats saved under a text name, saying what they are.

    >>> sniff_binary(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    ingest.documents.IngestError: content is PDF, not text (wrong file name suffix?)
    """
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"content is {kind}, not text (wrong file name suffix?)")


@register(".txt", ".text")
def read_text(path: Path) -> RawText:
    data = path.read_bytes()
    sniff_binary(data)
    text = decode_bytes(data)
    if looks_binary(text):
        raise IngestError("binary content (not text)")
    return RawText(text)


_MD_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", re.MULTILINE)
_MD_INLINE = re.compile(r"(\*\*|__|`)")


@register(".md", ".markdown")
def read_markdown(path: Path) -> RawText:
    """Markdown: markup characters become spaces, so offsets into the file stay valid."""
    data = path.read_bytes()
    sniff_binary(data)
    text = decode_bytes(data)
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
