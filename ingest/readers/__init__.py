"""Readers: one module per format, registered by file suffix.

A reader turns a file into :class:`RawText` (text + optional title/metadata) or raises
:class:`~ingest.documents.IngestError` with a one-line reason. ``read_file`` adds the
shared steps: size/emptiness checks, normalisation, hashing.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.documents import Document, IngestError
from ingest.normalise import normalise_text

MAX_BYTES = 50 * 1024 * 1024
# longer texts are reports bundles or logs, not one project: refuse rather than stall the NLP
MAX_CHARS = 2_000_000
MAX_REASON = 180


@dataclass
class RawText:
    text: str
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


Reader = Callable[[Path], RawText]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def wrap(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = fn
        return fn

    return wrap


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def doc_id_for(path: Path) -> str:
    """Stable id of a source: the resolved path, so re-ingesting a file replaces its graph."""
    return hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def one_line(reason: str) -> str:
    r"""A reason fit for one summary line: whitespace collapsed, cut at MAX_REASON characters.

    >>> one_line("cannot parse:\n  bad   xref\n")
    'cannot parse: bad xref'
    """
    flat = " ".join(str(reason).split()) or "unknown error"
    return flat if len(flat) <= MAX_REASON else flat[: MAX_REASON - 1] + "…"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def read_file(path: str | Path) -> Document:
    """Read, normalise and identify one file; raises IngestError with a one-line reason."""
    try:
        return _read_file(Path(path))
    except IngestError as exc:
        reason = one_line(exc.reason)
        if reason == exc.reason:
            raise
        raise IngestError(reason) from exc


def _read_file(path: Path) -> Document:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise IngestError(f"unsupported file type {suffix or '(none)'}")
    try:
        info = os.stat(path)  # follows symlinks: a link to /dev/zero is a device
    except OSError as exc:
        raise IngestError(f"unreadable: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        # never open FIFOs or devices: reading would block or never end
        raise IngestError(f"not a regular file ({_kind(info.st_mode)})")
    size = info.st_size
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_BYTES:
        raise IngestError(
            f"too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        raw = reader(path)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"unreadable: {exc.strerror or exc}") from exc
    except RecursionError as exc:
        raise IngestError(f"cannot parse {suffix} file: too deeply nested") from exc
    except MemoryError as exc:
        raise IngestError(f"cannot parse {suffix} file: out of memory") from exc
    except Exception as exc:  # a broken file must not stop the batch
        raise IngestError(f"cannot parse {suffix} file: {type(exc).__name__}: {exc}") from exc
    if len(raw.text) > 2 * MAX_CHARS:
        raise IngestError(
            f"too long ({len(raw.text):,} characters > {MAX_CHARS:,}); split the document"
        )
    body = normalise_text(raw.text)
    if not body.strip():
        raise IngestError("no text (empty after extraction)")
    if len(body) > MAX_CHARS:
        raise IngestError(
            f"too long ({len(body):,} characters > {MAX_CHARS:,}); split the document"
        )
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    from ingest.langid import detect_language

    return Document(
        doc_id=doc_id_for(path),
        text=body,
        source_path=str(path.resolve()),
        file_name=path.name,
        content_hash=content_hash,
        lang=detect_language(body),
        title=raw.title,
        metadata=raw.metadata,
    )


# register the built-in readers
# (csv/xlsx: tables of projects; eea: EEA/Norway Grants project pages, wrapping the html
# reader, which it imports first so that its own .html registration wins)
from ingest.readers import csv, docx, eea, html, pdf, text, xlsx  # noqa: E402, F401
