"""Readers: one module per format, registered by file suffix.

A reader turns a file into :class:`RawText` (text + optional title/metadata) or raises
:class:`~ingest.documents.IngestError` with a one-line reason. ``read_file`` adds the
shared steps: size/emptiness checks, normalisation, hashing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.documents import Document, IngestError
from ingest.normalise import normalise_text

MAX_BYTES = 50 * 1024 * 1024


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


def read_file(path: str | Path) -> Document:
    """Read, normalise and identify one file; raises IngestError with a clear reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise IngestError(f"unsupported file type {suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"unreadable: {exc.strerror or exc}") from exc
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
    except Exception as exc:  # a broken file must not stop the batch
        raise IngestError(f"cannot parse {suffix} file: {type(exc).__name__}: {exc}") from exc
    body = normalise_text(raw.text)
    if not body.strip():
        raise IngestError("no text (empty after extraction)")
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
from ingest.readers import docx, html, pdf, text  # noqa: E402, F401
