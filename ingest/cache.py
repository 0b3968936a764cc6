"""praxisgraph's on-disk cache folder and the safe way to write a file into it.

Caches (search index, analytics, ontology N-Triples, lemmatiser dictionaries, label keys) live
beside the store where possible, else under :func:`cache_dir`. A cache file is written to a
temporary name and renamed into place, so a reader sees the old file or the whole new one.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path


def cache_dir() -> Path:
    """``$PRAXIS_CACHE``, by default ``~/.cache/praxisgraph`` (``$XDG_CACHE_HOME`` honoured)."""
    base = os.environ.get("PRAXIS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "praxisgraph"
    )
    return Path(base)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place (readers see
    the old file or the whole new one); an unwritable cache is silently skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def seal(payload: bytes, magic: bytes) -> bytes:
    """``payload`` behind ``magic`` and its length and CRC-32 (checked by :func:`unseal`)."""
    size = len(payload).to_bytes(8, "big")
    return magic + size + zlib.crc32(payload).to_bytes(4, "big") + payload


def unseal(data: bytes, magic: bytes) -> bytes | None:
    """The payload of a :func:`seal` ed file, or None when it is cut short or damaged."""
    head = len(magic) + 12
    if len(data) < head or not data.startswith(magic):
        return None
    size = int.from_bytes(data[len(magic) : len(magic) + 8], "big")
    payload = data[head:]
    if len(payload) != size or zlib.crc32(payload) != int.from_bytes(data[head - 4 : head], "big"):
        return None
    return payload
