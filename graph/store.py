"""The triple store behind a small interface the rest of the code uses.

Two implementations:

* :class:`OxigraphStore` — embedded, on-disk ``pyoxigraph.Store`` (the default);
* :class:`SparqlHttpStore` — any SPARQL 1.1 Query/Update endpoint (Oxigraph server,
  Fuseki, GraphDB, Virtuoso), selected with ``sparql+http://host:port/path``.

Both speak pyoxigraph terms, so callers never see which one they have.
Every write goes through :meth:`GraphStore.replace_graphs`, one SPARQL update (a single
transaction in Oxigraph) that drops and rewrites whole named graphs and stamps a new
store version, or :meth:`GraphStore.write_graphs` (ingest: graphs new to the embedded store
are added by one transactional N-Quads load with their version stamp), so a crash leaves
each document either fully present or absent.

>>> store = open_store(":memory:")
>>> g = NamedNode("https://example.org/g")
>>> version = store.replace_graphs({g: [Quad(NamedNode("https://example.org/s"),
...     NamedNode("https://example.org/p"), Literal("x"), g)]})
>>> store.count_quads(g)
1
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import io
import itertools
import json
import os
import queue
import re
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
    serialize,
)

from ontology.namespaces import GRAPH, PG

Term = NamedNode | BlankNode | Literal
Row = dict[str, Term]

META_GRAPH = NamedNode(str(GRAPH["meta"]))
ONTOLOGY_GRAPH = NamedNode(str(GRAPH["ontology"]))
STORE_NODE = NamedNode(str(GRAPH["meta"]) + "#store")
VERSION = NamedNode(str(PG.version))

DEFAULT_STORE = "var/store"


class StoreError(RuntimeError):
    """The store cannot be opened or cannot answer."""


class StoreLockedError(StoreError):
    """Another process holds the on-disk store for writing."""


def term_sparql(term: Term | DefaultGraph) -> str:
    """SPARQL/N-Triples syntax of a term (pyoxigraph's ``str`` is exactly that)."""
    return str(term)


_STAMP = re.compile(r"^v\d{20}-")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def bind_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    r"""Bind variables with a ``VALUES`` block opening the first ``WHERE {``.

    Values are serialised as RDF terms (pyoxigraph escapes literals and validates IRIs), so
    user input can never change the query's structure. Binding inside the pattern (not a
    trailing VALUES) keeps aggregates and sub-selects correct, on every SPARQL 1.1 server.

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('x" } DROP ALL')})
    'SELECT ?s WHERE { VALUES (?o) { ("x\\" } DROP ALL") } ?s ?p ?o }'
    """
    if not bindings:
        return sparql
    for name in bindings:
        if not _VARNAME.match(name):
            raise ValueError(f"bad variable name {name!r}")
    match = _WHERE.search(sparql)
    if not match:
        raise ValueError("query has no WHERE { to bind values into")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(term_sparql(v) for v in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    return sparql[: match.end()] + block + sparql[match.end() :]


class GraphStore(ABC):
    """What ingest, analytics and the app need from a store."""

    location: str

    @abstractmethod
    def _query(self, sparql: str, bindings: Mapping[str, Term]) -> Any: ...

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction."""

    @abstractmethod
    def dump(self, out: IO[bytes], fmt: RdfFormat, graph: NamedNode | None = None) -> None: ...

    @abstractmethod
    def load(self, data: bytes, fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        """Add RDF (bulk path: no graph replacement, no version stamp)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store (a no-op where nothing is held)."""

    # ------------------------------------------------------------------ reads
    def select(self, sparql: str, **bindings: Term) -> list[Row]:
        """Rows of a SELECT query, values bound as terms (never spliced into text)."""
        result = self._query(sparql, bindings)
        if not isinstance(result, list):
            raise StoreError("not a SELECT query")
        return result

    def ask(self, sparql: str, **bindings: Term) -> bool:
        result = self._query(sparql, bindings)
        if not isinstance(result, bool):
            raise StoreError("not an ASK query")
        return result

    def construct(self, sparql: str, **bindings: Term) -> list[Quad]:
        result = self._query(sparql, bindings)
        if not isinstance(result, tuple):
            raise StoreError("not a CONSTRUCT/DESCRIBE query")
        return list(result[0])

    def raw_query(self, sparql: str, **bindings: Term) -> list[Row] | bool | list[Quad]:
        result = self._query(sparql, bindings)
        return list(result[0]) if isinstance(result, tuple) else result

    def version(self) -> str:
        rows = self.select(
            "SELECT ?v WHERE { GRAPH ?g { ?s ?p ?v } }", g=META_GRAPH, s=STORE_NODE, p=VERSION
        )
        # normally one stamp; after a crash between a write and the removal of the stamps
        # before it (:meth:`OxigraphStore.write_graphs`) the newest, i.e. the largest, counts
        return max(r["v"].value for r in rows) if rows else "empty"

    def _next_version(self) -> str:
        """A new version stamp, larger (as a string) than the store's current one.

        ``v`` + nanoseconds since the epoch, zero-padded (one more than the current stamp's
        if the clock went back) + a random suffix; stamps from before (32 hex digits) all
        sort below ``v``.
        """
        current = self.version()
        last = int(current[1:21]) if _STAMP.match(current) else 0
        return f"v{max(time.time_ns(), last + 1):020d}-{uuid.uuid4().hex[:8]}"

    def named_graphs(self) -> list[NamedNode]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [r["g"] for r in rows if isinstance(r["g"], NamedNode)]

    def count_quads(self, graph: NamedNode | None = None) -> int:
        if graph is None:
            rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        else:
            rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", g=graph)
        return int(rows[0]["n"].value)

    # ------------------------------------------------------------------ writes
    def replace_graphs(
        self,
        graphs: Mapping[NamedNode, Iterable[Quad]],
        drop: Iterable[NamedNode] = (),
    ) -> str:
        """Atomically replace each named graph with the given quads, drop others, stamp a version.

        Returns the new store version.
        """
        version = self._next_version()
        parts = [f"DROP SILENT GRAPH {term_sparql(g)}" for g in (*graphs, *drop)]
        body: list[str] = []
        for g, quads in graphs.items():
            lines = [
                f"{term_sparql(q.subject)} {term_sparql(q.predicate)} {term_sparql(q.object)} ."
                for q in quads
            ]
            if lines:
                body.append(f"GRAPH {term_sparql(g)} {{\n" + "\n".join(lines) + "\n}")
        if body:
            parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
        parts.append(
            f"DELETE WHERE {{ GRAPH {term_sparql(META_GRAPH)} "
            f"{{ {term_sparql(STORE_NODE)} {term_sparql(VERSION)} ?v }} }}"
        )
        stamp = f"{term_sparql(STORE_NODE)} {term_sparql(VERSION)} {term_sparql(Literal(version))}"
        parts.append(f"INSERT DATA {{ GRAPH {term_sparql(META_GRAPH)} {{ {stamp} }} }}")
        self.update(" ;\n".join(parts))
        return version

    def write_graphs(self, graphs: Mapping[NamedNode, bytes | list[Quad]]) -> str:
        """Replace each named graph with its quads — a list, or N-Quads bytes whose quads are
        all in that graph — and stamp a new store version; returns it.

        Each graph is replaced atomically; the call as a whole need not be one transaction
        (here it is: one :meth:`replace_graphs`). :class:`OxigraphStore` adds graphs that are
        not in the store yet without SPARQL (see there). Unreadable bytes: :class:`StoreError`.
        """
        parsed: dict[NamedNode, list[Quad]] = {}
        for graph, data in graphs.items():
            if isinstance(data, bytes):
                try:
                    data = list(parse(data, RdfFormat.N_QUADS))
                except (SyntaxError, ValueError) as exc:
                    raise StoreError(f"cannot read the quads of {graph}: {exc}") from exc
            parsed[graph] = data
        return self.replace_graphs(parsed)

    def quads(self, graph: NamedNode) -> list[Quad]:
        rows = self.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", g=graph)
        return [Quad(r["s"], r["p"], r["o"], graph) for r in rows]

    def has_documents(self) -> bool:
        """Whether any named graph other than the store's own (meta, ontology) has data."""
        return self.ask(
            "ASK WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?meta && ?g != ?ontology) }",
            meta=META_GRAPH,
            ontology=ONTOLOGY_GRAPH,
        )

    def bulk_load(
        self,
        sources: Iterable[str | os.PathLike[str]],
        jobs: int = 1,
        lenient: bool = False,
    ) -> str:
        """Add RDF files (N-Quads, N-Triples, TriG, Turtle … by extension) and stamp a new
        store version; returns it.

        Not transactional: quads are added, never replaced (a graph already in the store is
        merged with the file's, not replaced), and a file that fails part-way leaves what was
        read before the error in the store (:class:`StoreError` names the file and the byte
        range). N-Quads and N-Triples are read in line-aligned pieces, so memory stays
        bounded however big the file. Here pieces go one after the other through
        :meth:`load`; :class:`OxigraphStore` loads them from ``jobs`` threads.
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        try:
            for piece in load_pieces(sources, PIECE_BYTES):
                with piece.open() as fh:
                    try:
                        self.load(fh.read(), piece.fmt)
                    except (SyntaxError, ValueError) as exc:
                        raise StoreError(f"cannot load {piece}: {exc}") from exc
        finally:
            version = self.replace_graphs({})  # caches and the search index follow versions
        return version

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OxigraphStore(GraphStore):
    """pyoxigraph on disk (or in memory for ``:memory:``).

    Concurrency and locking (one writer, any number of readers; see README):

    * A writer holds an exclusive ``flock`` on ``<store>/praxis-writer.lock`` (and RocksDB's
      own ``LOCK``); a second writer gets :class:`StoreLockedError` at once.
    * pyoxigraph calls a read-only open during a write "undefined behaviour", so while a
      writer runs, readers never touch its live files: the writer publishes immutable
      snapshots (``Store.backup``, hard links, milliseconds) in ``<store>/snapshots/`` when
      it opens, every ``SNAPSHOT_INTERVAL`` seconds while writing, and when it closes;
      ``snapshots/CURRENT`` names the newest (replaced atomically).
    * A reader opens the newest snapshot while a writer is active and the store itself when
      none is. Before every query it checks (one ``stat``, one non-blocking lock probe)
      whether that choice or the snapshot changed, and reopens; a query failing with
      ``OSError`` (a snapshot removed under it) is retried once on a fresh open.
    """

    def __init__(self, path: str | os.PathLike[str] | None, read_only: bool = False) -> None:
        self.location = str(path) if path else ":memory:"
        self.read_only = read_only
        self._lock: IO[bytes] | None = None  # a file object: closed (lock dropped) on GC too
        self._opened_as: tuple[bool, str] | None = None
        self._last_publish = 0.0
        self._dirty = False
        if path is None:
            self._store = Store()
            return
        self._path = Path(path)
        try:
            if read_only:
                self._store = self._open_reader()
            else:
                self._path.mkdir(parents=True, exist_ok=True)
                self._lock = _take_writer_lock(self._path)
                self._store = Store(str(self._path))
                self.publish_snapshot()
        except OSError as exc:
            self._release_lock()
            if "lock" in str(exc).lower():
                # RocksDB's own lock: held by a process that is not praxis (e.g. a server)
                raise StoreLockedError(_locked_message(self._path, with_pid=False)) from exc
            raise StoreError(f"cannot open store at {path}: {exc}") from exc
        except StoreError:
            self._release_lock()
            raise

    # ---------------------------------------------------------------- readers
    def _reader_token(self) -> tuple[bool, str]:
        """(a writer is active, name of the newest snapshot): what a reader should open."""
        return _writer_active(self._path), _current_snapshot(self._path)

    def _open_reader(self) -> Store:
        token = self._reader_token()
        writer_active, snapshot = token
        target = self._path
        if writer_active and snapshot:
            target = self._path / SNAPSHOTS / snapshot
        store = Store.read_only(str(target))
        self._opened_as = token
        return store

    def _refresh(self, force: bool = False) -> None:
        if not self.read_only or self.location == ":memory:":
            return
        if force or self._reader_token() != self._opened_as:
            self._store = self._open_reader()

    def _query(self, sparql: str, bindings: Mapping[str, Term]) -> Any:
        self._refresh()
        text = bind_values(sparql, bindings)
        try:
            return self._run_query(text)
        except OSError:
            if not self.read_only:
                raise
            self._refresh(force=True)  # e.g. the snapshot was removed under us
            return self._run_query(text)

    def _run_query(self, text: str) -> Any:
        result = self._store.query(text)
        if isinstance(result, QueryBoolean):
            return bool(result)
        if isinstance(result, QuerySolutions):
            names = [v.value for v in result.variables]
            return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]
        if isinstance(result, QueryTriples):
            return (list(result),)
        raise StoreError(f"unexpected query result {type(result)}")

    # ---------------------------------------------------------------- writers
    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        self._store.update(sparql)
        self._changed()

    def write_graphs(self, graphs: Mapping[NamedNode, bytes | list[Quad]]) -> str:
        """As :meth:`GraphStore.write_graphs`; graphs not in the store yet skip SPARQL.

        Those are added by one ``Store.load`` of their N-Quads together with the new version
        stamp: one transaction, parsed in Rust (about half the CPU of the SPARQL update,
        which is mostly spent parsing its own text). The stamps before it are removed after
        it; a crash in between leaves two, and :meth:`version` takes the newest. Graphs
        already in the store are replaced by :meth:`replace_graphs` (drop and insert in one
        transaction), before the new ones.
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        present = {g: d for g, d in graphs.items() if self._has_quads(g)}
        version = super().write_graphs(present) if present else None
        new = [d for g, d in graphs.items() if g not in present]
        if not new:
            return version or self.replace_graphs({})
        version = self._next_version()
        stamp = Quad(STORE_NODE, VERSION, Literal(version), META_GRAPH)
        lists = [q for d in new if not isinstance(d, bytes) for q in d]
        data = [d for d in new if isinstance(d, bytes)]
        data.append(serialize([*lists, stamp], None, RdfFormat.N_QUADS))
        try:
            self._store.load(b"".join(data), RdfFormat.N_QUADS)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot read the quads of a new graph: {exc}") from exc
        for old in list(self._store.quads_for_pattern(STORE_NODE, VERSION, None, META_GRAPH)):
            if old.object != stamp.object:
                self._store.remove(old)
        self._changed()
        return version

    def _has_quads(self, graph: NamedNode) -> bool:
        return next(self._store.quads_for_pattern(None, None, None, graph), None) is not None

    def _changed(self) -> None:
        self._dirty = True
        if time.monotonic() - self._last_publish >= SNAPSHOT_INTERVAL:
            self.publish_snapshot()

    def publish_snapshot(self) -> str | None:
        """Give readers a consistent copy of the store as it is now; returns its name."""
        if self.read_only or self.location == ":memory:":
            return None
        folder = self._path / SNAPSHOTS
        folder.mkdir(exist_ok=True)
        numbers = [int(p.name) for p in folder.iterdir() if p.name.isdigit()]
        name = str(max(numbers, default=0) + 1)
        tmp = folder / f".tmp-{name}-{uuid.uuid4().hex[:8]}"
        self._store.backup(str(tmp))
        os.rename(tmp, folder / name)
        pointer = folder / f".CURRENT-{uuid.uuid4().hex[:8]}"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, folder / "CURRENT")
        self._last_publish = time.monotonic()
        self._dirty = False
        keep = {str(n) for n in sorted([*numbers, int(name)])[-KEEP_SNAPSHOTS:]}
        for old in folder.iterdir():
            if old.name == "CURRENT" or old.name in keep:
                continue
            # older snapshots and leftovers of killed writers (we hold the writer lock)
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
        return name

    def dump(self, out: IO[bytes], fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        self._refresh()
        if graph is None:
            self._store.dump(out, fmt)
        else:
            self._store.dump(out, fmt, from_graph=graph)

    def load(self, data: bytes, fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        if graph is None:
            self._store.bulk_load(data, fmt)
        else:
            self._store.bulk_load(data, fmt, to_graph=graph)
        self._changed()

    def bulk_load(
        self,
        sources: Iterable[str | os.PathLike[str]],
        jobs: int = 0,
        lenient: bool = False,
    ) -> str:
        """Bulk-load RDF files from ``jobs`` threads (0: one per CPU) and stamp a new version.

        Semantics as :meth:`GraphStore.bulk_load` (additive, not transactional). pyoxigraph's
        bulk loader parses on the calling thread and releases the GIL, so N-Quads split into
        line-aligned pieces load about ``jobs`` times faster on as many idle cores. Pieces are
        read straight from the file (nothing is copied; memory stays bounded). ``lenient``
        skips IRI validation (for files this program wrote itself).
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        jobs = jobs if jobs > 0 else os.cpu_count() or 1
        sources = [Path(p) for p in sources]
        total = sum(p.stat().st_size for p in sources)
        # about four pieces per thread: threads that get less CPU still finish together
        pieces = load_pieces(sources, max(total // (jobs * 4) + 1, 1 << 20))
        todo: queue.SimpleQueue[LoadPiece] = queue.SimpleQueue()
        for piece in pieces:
            todo.put(piece)
        errors: list[str] = []

        def work() -> None:
            while not errors:
                try:
                    piece = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    if piece.whole:
                        self._store.bulk_load(
                            path=str(piece.path), format=piece.fmt, lenient=lenient
                        )
                    else:
                        with piece.open() as fh:
                            self._store.bulk_load(fh, piece.fmt, lenient=lenient)
                except (SyntaxError, ValueError, OSError) as exc:
                    errors.append(f"cannot load {piece}: {exc}")

        threads = [threading.Thread(target=work) for _ in range(min(jobs, len(pieces)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        version = self.replace_graphs({})  # also after a failure: the store did change
        self._store.flush()
        self.publish_snapshot()
        if errors:
            raise StoreError(
                errors[0] + " (bulk loading is not transactional: what was read before "
                "the error stays in the store)"
            )
        return version

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file drops the flock
            self._lock = None

    def close(self) -> None:
        if not hasattr(self, "_store"):
            return
        if not self.read_only and self.location != ":memory:":
            self._store.flush()
            self.publish_snapshot()
        del self._store
        self._release_lock()


SNAPSHOTS = "snapshots"
WRITER_LOCK = "praxis-writer.lock"
# seconds between snapshots while a writer is busy
SNAPSHOT_INTERVAL = float(os.environ.get("PRAXIS_SNAPSHOT_INTERVAL") or 5.0)
KEEP_SNAPSHOTS = 3
LOCK_WAIT = 1.0  # a writer retries this long (a reader's lock probe lasts microseconds)


#: bytes per piece when pieces go one after the other (SPARQL endpoints)
PIECE_BYTES = 32 * 2**20
#: line-based formats: a file splits at any line end
LINE_FORMATS = (RdfFormat.N_QUADS, RdfFormat.N_TRIPLES)


class _ByteRange(io.RawIOBase):
    """Bytes ``start``..``end`` of a file, read lazily."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        super().__init__()
        self._file = open(path, "rb", buffering=0)  # closed in close()
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._left <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[: min(len(buffer), self._left)]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


class LoadPiece:
    """A line-aligned byte range of an RDF file (the whole file for non-line formats)."""

    def __init__(self, path: Path, fmt: RdfFormat, start: int, end: int, whole: bool) -> None:
        self.path, self.fmt, self.start, self.end, self.whole = path, fmt, start, end, whole

    def open(self) -> IO[bytes]:
        return io.BufferedReader(_ByteRange(self.path, self.start, self.end), 1 << 20)

    def __str__(self) -> str:
        return str(self.path) if self.whole else f"{self.path} (bytes {self.start}-{self.end})"


def rdf_format(path: Path) -> RdfFormat:
    """The RDF format of a file from its extension, or :class:`StoreError`."""
    fmt = RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file extension (use .nq, .nt, .trig, .ttl …)")
    return fmt


def load_pieces(sources: Iterable[str | os.PathLike[str]], piece_bytes: int) -> list[LoadPiece]:
    """Split files into pieces of about ``piece_bytes``, each ending at a line end."""
    pieces: list[LoadPiece] = []
    for source in sources:
        path = Path(source)
        if not path.is_file():
            raise StoreError(f"{path}: no such file")
        fmt = rdf_format(path)
        size = path.stat().st_size
        if fmt not in LINE_FORMATS or size <= piece_bytes:
            pieces.append(LoadPiece(path, fmt, 0, size, True))
            continue
        cuts = [0]
        with open(path, "rb") as fh:
            while cuts[-1] + piece_bytes < size:
                fh.seek(cuts[-1] + piece_bytes)
                fh.readline()  # to the end of the line the cut fell into
                if fh.tell() >= size:
                    break
                cuts.append(fh.tell())
        cuts.append(size)
        pieces += [LoadPiece(path, fmt, a, b, False) for a, b in itertools.pairwise(cuts)]
    return pieces


def _locked_message(path: Path, with_pid: bool = True) -> str:
    pid = ""
    if with_pid:
        with contextlib.suppress(OSError, ValueError):
            pid = f" (pid {int((path / WRITER_LOCK).read_text().strip())})"
    return (
        f"the store at {path} is open for writing by another process{pid}: "
        "one writer at a time; wait for it to finish, or use a SPARQL server "
        "(--store sparql+http://host:port/path) for concurrent writers"
    )


def _take_writer_lock(path: Path) -> IO[bytes]:
    """An exclusive flock on the store's writer lock file, or StoreLockedError.

    Held through a file object, so a store that is dropped without ``close()`` still lets
    go of the lock when it is garbage-collected (as RocksDB's own lock does).
    """
    lock = open(path / WRITER_LOCK, "a+b")  # lives as long as the store
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                lock.close()
                raise StoreLockedError(_locked_message(path)) from None
            time.sleep(0.05)
    lock.truncate(0)
    lock.write(str(os.getpid()).encode())
    lock.flush()
    return lock


def _writer_active(path: Path) -> bool:
    """Whether some process holds the writer lock (probed without blocking anyone)."""
    try:
        fd = os.open(path / WRITER_LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also drops our shared lock at once
    return False


def _current_snapshot(path: Path) -> str:
    try:
        return (path / SNAPSHOTS / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


_COMMENT_LINE = re.compile(r"^\s*#.*$", re.MULTILINE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_RETRY_STATUS = {502, 503, 504}


def query_form(sparql: str) -> str:
    r"""``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (first keyword after comments).

    >>> query_form("# CONSTRUCT in a comment\nPREFIX a: <x:> SELECT * WHERE { ?s ?p ?o }")
    'SELECT'
    """
    match = _FORM.search(_COMMENT_LINE.sub("", sparql))
    return match.group(1).upper() if match else "SELECT"


def _endpoint(base: str, value: str | None, default: str) -> str:
    """An endpoint URL from an override: absolute URL, absolute path, relative path or ``.``."""
    if value is None:
        return base + default
    if value in ("", "."):
        return base
    if "://" in value:
        return value
    if value.startswith("/"):
        parts = urllib.parse.urlsplit(base)
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, value, "", ""))
    return base + "/" + value


class SparqlHttpStore(GraphStore):
    """A SPARQL 1.1 Protocol endpoint: ``sparql+http://host:port/base``.

    Queries go to ``<base>/query``, updates to ``<base>/update`` and bulk loads/dumps to the
    Graph Store endpoint ``<base>/store`` (Oxigraph server and Fuseki layout). Override any
    of them with ``?query=…&update=…&store=…`` (an absolute URL, a path, a path relative to
    the base, or ``.`` for the base itself), e.g. for GraphDB
    ``sparql+http://host:7200/repositories/praxis?query=.&update=statements&store=rdf-graphs/service``.
    ``?timeout=`` sets the request timeout in seconds. Credentials in the URL are sent as
    HTTP Basic authentication.

    Requests use the protocol's form encoding (``query=`` / ``update=``), which every SPARQL
    1.1 server accepts. Reads are retried on connection failures and 502/503/504; an update
    is retried only when the connection was refused (nothing was sent).
    """

    def __init__(self, url: str, timeout: float = 120.0, read_only: bool = False) -> None:
        parsed = urllib.parse.urlsplit(url)
        scheme = parsed.scheme.removeprefix("sparql+")
        host = parsed.hostname or ""
        if not host:
            raise StoreError(f"no host in SPARQL store URL {url!r}")
        netloc = f"{host}:{parsed.port}" if parsed.port else host
        if ":" in host:  # IPv6 literal
            netloc = f"[{host}]:{parsed.port}" if parsed.port else f"[{host}]"
        base = urllib.parse.urlunsplit((scheme, netloc, parsed.path.rstrip("/"), "", ""))
        params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        self.location = urllib.parse.urlunsplit(
            ("sparql+" + scheme, netloc, parsed.path, parsed.query, "")
        )
        self.query_url = _endpoint(base, params.get("query"), "/query")
        self.update_url = _endpoint(base, params.get("update"), "/update")
        self.store_url: str | None = _endpoint(base, params.get("store"), "/store")
        if params.get("store") == "none":
            self.store_url = None
        self.timeout = float(params.get("timeout", timeout))
        self.read_only = read_only
        self.retries = 3
        self._auth: str | None = None
        if parsed.username:
            user = urllib.parse.unquote(parsed.username)
            password = urllib.parse.unquote(parsed.password or "")
            self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    # ------------------------------------------------------------------ HTTP
    def _request(
        self,
        url: str,
        data: bytes | None,
        content_type: str | None,
        accept: str,
        retry: bool,
        method: str = "POST",
    ) -> tuple[bytes, str]:
        import time

        attempt = 0
        while True:
            attempt += 1
            req = urllib.request.Request(url, data=data, method=method)
            if content_type:
                req.add_header("Content-Type", content_type)
            req.add_header("Accept", accept)
            if self._auth:
                req.add_header("Authorization", self._auth)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    return resp.read(), resp.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
                if retry and exc.code in _RETRY_STATUS and attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"SPARQL endpoint {url} answered {exc.code}: {detail}") from exc
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                refused = isinstance(reason, ConnectionRefusedError)
                if (retry or refused) and attempt < self.retries:
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"SPARQL endpoint {url} unreachable: {reason}") from exc

    def _query(self, sparql: str, bindings: Mapping[str, Term]) -> Any:
        text = bind_values(sparql, bindings)
        form = query_form(text)
        is_graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = (
            "application/n-triples, text/turtle;q=0.5"
            if is_graph
            else "application/sparql-results+json, application/sparql-results+xml;q=0.5"
        )
        body = urllib.parse.urlencode({"query": text}).encode()
        data, ctype = self._request(
            self.query_url, body, "application/x-www-form-urlencoded", accept, retry=True
        )
        ctype = ctype.split(";")[0].strip().lower()
        try:
            if is_graph:
                from pyoxigraph import parse

                fmt = RdfFormat.TURTLE if "turtle" in ctype else RdfFormat.N_TRIPLES
                return ([Quad(t.subject, t.predicate, t.object) for t in parse(data, fmt)],)
            fmt_r = QueryResultsFormat.XML if "xml" in ctype else QueryResultsFormat.JSON
            result = parse_query_results(data, fmt_r)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(
                f"SPARQL endpoint {self.query_url} sent unreadable results: {exc}"
            ) from exc
        if isinstance(result, QueryBoolean):
            return bool(result)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        body = urllib.parse.urlencode({"update": sparql}).encode()
        self._request(
            self.update_url, body, "application/x-www-form-urlencoded", "*/*", retry=False
        )

    # ------------------------------------------------------------------ bulk
    def dump(self, out: IO[bytes], fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        from pyoxigraph import serialize

        if graph is None:
            quads = self.construct_dataset()
        else:
            quads = [Quad(q.subject, q.predicate, q.object, graph) for q in self.quads(graph)]
        if fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG):
            serialize(quads, out, fmt)
        else:
            serialize([q.triple for q in quads], out, fmt)

    def construct_dataset(self) -> list[Quad]:
        """Every quad in a named graph: one Graph Store Protocol GET of the dataset where the
        server offers it (Oxigraph, Fuseki), else one query per named graph (small answers
        that never time out)."""
        from pyoxigraph import parse

        if self.store_url is not None:
            try:
                data, ctype = self._request(
                    self.store_url, None, None, "application/n-quads", retry=True, method="GET"
                )
                if "n-quads" in ctype:
                    return [
                        q
                        for q in parse(data, RdfFormat.N_QUADS)
                        if not isinstance(q.graph_name, DefaultGraph)
                    ]
            except StoreError as exc:
                if not re.search(r"answered (400|404|405|406|415|501)", str(exc)):
                    raise
        out: list[Quad] = []
        for g in self.named_graphs():
            out.extend(self.quads(g))
        return out

    def load(self, data: bytes, fmt: RdfFormat, graph: NamedNode | None = None) -> None:
        """Add RDF: Graph Store Protocol POST where the server has one, else INSERT DATA in
        batches of 5000 quads (no version stamp, as for the embedded store)."""
        from pyoxigraph import parse, serialize

        quads = list(parse(data, fmt))
        if graph is not None:
            quads = [Quad(q.subject, q.predicate, q.object, graph) for q in quads]
        if self.read_only:
            raise StoreError("store opened read-only")
        if self.store_url is not None:
            try:
                for i in range(0, len(quads), 200_000):
                    body = serialize(quads[i : i + 200_000], None, RdfFormat.N_QUADS)
                    self._request(self.store_url, body, "application/n-quads", "*/*", retry=False)
                return
            except StoreError as exc:
                if not re.search(r"answered (400|404|405|415|501)", str(exc)):
                    raise
        lines = []
        for q in quads:
            triple = f"{q.subject} {q.predicate} {q.object} ."
            g = q.graph_name
            lines.append(triple if isinstance(g, DefaultGraph) else f"GRAPH {g} {{ {triple} }}")
        for i in range(0, len(lines), 5000):
            self.update("INSERT DATA {\n" + "\n".join(lines[i : i + 5000]) + "\n}")


def open_store(spec: str | os.PathLike[str] | None = None, read_only: bool = False) -> GraphStore:
    """Open a store from a path, ``:memory:`` or a ``sparql+http(s)://`` URL.

    ``None`` reads ``$PRAXIS_STORE`` and falls back to ``var/store``.
    """
    spec = str(spec or os.environ.get("PRAXIS_STORE") or DEFAULT_STORE)
    if spec.startswith(("sparql+http://", "sparql+https://")):
        return SparqlHttpStore(spec, read_only=read_only)
    if spec == ":memory:":
        return OxigraphStore(None)
    return OxigraphStore(spec, read_only=read_only)


def rows_to_json(rows: list[Row]) -> list[dict[str, str]]:
    """Plain strings of a result table (for ``--json`` and CSV)."""
    return [{k: v.value for k, v in row.items()} for row in rows]


def results_to_json(result: list[Row] | bool | list[Quad]) -> Any:
    if isinstance(result, bool):
        return {"boolean": result}
    if result and isinstance(result[0], Quad):
        return [[str(q.subject), str(q.predicate), str(q.object)] for q in result]  # type: ignore[union-attr]
    return rows_to_json(result)  # type: ignore[arg-type]


__all__ = [
    "DEFAULT_STORE",
    "META_GRAPH",
    "ONTOLOGY_GRAPH",
    "GraphStore",
    "OxigraphStore",
    "Row",
    "SparqlHttpStore",
    "StoreError",
    "StoreLockedError",
    "Term",
    "json",
    "open_store",
    "results_to_json",
    "rows_to_json",
]
