"""praxisgraph's on-disk cache folder and the safe way to write a file into it.

Caches (search index, analytics, ontology N-Quads, vocabulary, lemmatiser dictionaries, label
keys) live beside the store where possible, else under :func:`cache_dir`. A cache file is
written to a temporary name and renamed into place, so a reader sees the old file or the whole
new one.

The caches in :data:`CONTENT_KEYED` folders are named ``[<part>-]<key>.<suffix>``, the key a
hash of what they were built from (sources, code, library versions): a file under a new key
supersedes the files of the same part under other keys, which nothing reads any more, so
:func:`write_atomically` removes them. Caches keyed by a store (search index, analytics) are
not among them: several stores keep theirs side by side.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

#: cache folders whose files are keyed by their content (see the module docstring)
CONTENT_KEYED = frozenset({"labels", "ontology", "simplemma", "vocabulary"})
#: ``[<part>-]<32 hex digits>.<suffix>``: the name of a content-keyed cache file
_KEYED_NAME = re.compile(r"^(?:(?P<part>[^.]+)-)?(?P<key>[0-9a-f]{32})\.[^/]+$")


def cache_dir() -> Path:
    """``$PRAXIS_CACHE``, by default ``~/.cache/praxisgraph`` (``$XDG_CACHE_HOME`` honoured)."""
    base = os.environ.get("PRAXIS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "praxisgraph"
    )
    return Path(base)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place (readers see
    the old file or the whole new one); an unwritable cache is silently skipped. In a
    :data:`CONTENT_KEYED` folder the files it supersedes are removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return
    for old in superseded(path):
        try:
            old.unlink()
        except OSError:
            pass


def superseded(path: Path) -> list[Path]:
    """The files a content-keyed cache file at ``path`` supersedes: in its folder, those of
    the same part under another key (any suffix); temporary files (``.*``) are left alone.

    >>> superseded(Path("/nonexistent/simplemma/cs-" + 32 * "a" + ".marshal"))
    []
    """
    name = _KEYED_NAME.match(path.name)
    if path.parent.name not in CONTENT_KEYED or name is None:
        return []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    out = []
    for other in siblings:
        found = _KEYED_NAME.match(other.name)
        if (
            found is not None
            and found["part"] == name["part"]
            and found["key"] != name["key"]
            and other.is_file()
        ):
            out.append(other)
    return sorted(out)


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
