"""Ingest files or folders into a store: read → NLP → extract → RDF → one graph per file.

>>> from graph.store import open_store
>>> summary = ingest_paths([], open_store(":memory:"), progress=False)
>>> summary.files_read, summary.skipped
(0, [])
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from graph.resolve import Curation, Resolver, resolve_extraction, set_current_resolver
from graph.store import META_GRAPH, ONTOLOGY_GRAPH, GraphStore, StoreError
from ingest.cache import cache_dir, write_atomically
from ingest.documents import Document, Extraction, FieldFact, IngestError
from ingest.identifiers import find_project_identifier
from ingest.rdf import doc_graph, extraction_quads, project_iri_of
from ingest.readers import one_line, read_file, supported_suffixes
from ingest.structured import MatchProbe, match_probe, match_projects, matching_project
from ontology import ontology_graph
from ontology.namespaces import DCTERMS, PG


@dataclass
class IngestSummary:
    files_read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    projects: int = 0
    organisations: int = 0
    triples: int = 0
    per_file: list[dict[str, object]] = field(default_factory=list)
    #: seconds from the start: ``ontology`` checked, ``analysed`` (last file analysed),
    #: ``written`` (last batch committed), ``indexed`` (search index updated)
    timings: dict[str, float] = field(default_factory=dict)
    #: seconds from the start at which each file's result reached the writer (benchmarks)
    file_times: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "files_read": self.files_read,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "projects": self.projects,
            "organisations": self.organisations,
            "triples": self.triples,
            "files": self.per_file,
        }


def iter_files(paths: Iterable[str | os.PathLike[str]], summary: IngestSummary) -> Iterator[Path]:
    """Files under the given paths, sorted, each once; hidden files and symlink loops skipped."""
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    suffixes = set(supported_suffixes())

    def visit(path: Path, explicit: bool) -> Iterator[Path]:
        try:
            if path.is_dir():
                real = os.path.realpath(path)
                if real in seen_dirs:
                    summary.skipped.append((str(path), "symlink loop or folder seen twice"))
                    return
                seen_dirs.add(real)
                for child in sorted(path.iterdir(), key=lambda p: p.name):
                    if child.name.startswith("."):
                        continue
                    yield from visit(child, explicit=False)
            elif path.is_file():
                if not explicit and path.suffix.lower() not in suffixes:
                    return  # files of other kinds inside a folder are not ours
                real = os.path.realpath(path)
                if real not in seen_files:
                    seen_files.add(real)
                    yield path
            elif path.exists():  # FIFO, socket or device (maybe via a symlink): never read
                if explicit or path.suffix.lower() in suffixes:
                    summary.skipped.append((str(path), "not a regular file (FIFO or device)"))
            elif path.is_symlink():
                summary.skipped.append((str(path), "broken symlink"))
            else:
                summary.skipped.append((str(path), "no such file or folder"))
        except OSError as exc:
            summary.skipped.append((str(path), f"unreadable: {exc.strerror or exc}"))

    for p in paths:
        yield from visit(Path(p), explicit=True)


def analyse(document: Document) -> Extraction:
    """Run the language's pipeline and extract facts (a file of records: one per project)."""
    from ingest.extract import extract  # spaCy: not imported by a writer without analysis
    from ingest.nlp import make_nlp

    if document.metadata.get("records") is not None:
        from ingest.structured import analyse_records

        return analyse_records(document)
    nlp = make_nlp(document.lang)
    extraction = extract(document, nlp(document.text))
    found = find_project_identifier(document.text)
    if found is not None:  # a report naming its project number joins that project's IRI
        key, span = found
        extraction.project_key = key
        extraction.facts.append(
            FieldFact(str(DCTERMS.identifier), span.text, span, extractor="praxis_identifiers")
        )
    return extraction


def ensure_ontology(store: GraphStore) -> None:
    """Keep the ontology, vocabularies and authority file in their own graph, current.

    The marker is a hash of the source files: the N-Triples of the parsed graph differ in
    every process (rdflib's blank node labels and order), which made each run reload it.
    The graph is written first (into a fresh store by :meth:`GraphStore.write_graphs`' bulk
    path, without a SPARQL update), the marker after it: a crash in between leaves an old
    marker, and the next run writes the graph again.
    """
    from ontology import sources_digest

    digest = sources_digest()
    marker = NamedNode(str(PG.contentHash))
    rows = store.select(
        "SELECT ?h WHERE { GRAPH ?g { ?s ?p ?h } }", g=META_GRAPH, s=ONTOLOGY_GRAPH, p=marker
    )
    if rows and rows[0]["h"].value == digest:
        return
    store.write_graphs({ONTOLOGY_GRAPH: ontology_nquads(digest)})
    meta = [q for q in store.quads(META_GRAPH) if q.subject != ONTOLOGY_GRAPH]
    meta.append(Quad(ONTOLOGY_GRAPH, marker, Literal(digest), META_GRAPH))
    # the version triple is rewritten by replace_graphs itself
    meta = [q for q in meta if str(q.predicate) != str(PG.version)]
    store.replace_graphs({META_GRAPH: meta})


def ontology_nquads(digest: str) -> bytes:
    """The ontology graph as N-Quads in :data:`ONTOLOGY_GRAPH`, kept under
    ``$PRAXIS_CACHE`` (default ``~/.cache/praxisgraph``) ``/ontology/`` by the hash of its
    sources and of the code that builds it: rdflib parses the Turtle files in about a
    second, every fresh store again. Without a writable cache it is built each time."""
    import ontology

    code = hashlib.sha256(digest.encode() + b"\0nquads")
    for module in (ontology.__file__, ontology.namespaces.__file__):
        code.update(Path(module).read_bytes())
    path = cache_dir() / "ontology" / f"{code.hexdigest()[:32]}.nq"
    try:
        data = path.read_bytes()
        if data.endswith(b" .\n"):  # written whole (renamed into place), never cut short
            return data
    except OSError:
        pass
    triples = ontology_graph().serialize(format="nt", encoding="utf-8")
    data = serialize(
        (
            Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)
            for t in parse(triples, RdfFormat.N_TRIPLES)
        ),
        None,
        RdfFormat.N_QUADS,
    )
    write_atomically(path, data)
    return data


def ingest_document(store: GraphStore, document: Document) -> Extraction:
    """Extract one document and atomically replace its graph in the store."""
    extraction = analyse(document)
    quads = document_quads(store, extraction)
    store.replace_graphs({doc_graph(document.doc_id): quads})
    return extraction


def document_quads(store: GraphStore, extraction: Extraction) -> list[Quad]:
    """Resolve an extraction against the store and map it to its graph's quads (the same
    steps :func:`analyse_file` and :meth:`AnalysedFile.graph_quads` split between an ingest
    worker and the writing process)."""
    resolve_extraction(extraction, store)  # organisation IRIs: authority file + curation graph
    match_projects(extraction, store)  # same project from another source, no identifier
    return extraction_quads(extraction)


def store_title_keys(store: GraphStore) -> set[str]:
    """Every project title key (``pg:titleKey``) in the store, read once per ingest: a
    project to match whose key is not there (nor in a file written since) has no match,
    and most have none, so :func:`~ingest.structured.matching_project` (a store query per
    project) runs only for the others."""
    rows = store.select(
        "SELECT DISTINCT ?key WHERE { GRAPH ?g { ?project ?p ?key } }",
        p=NamedNode(str(PG.titleKey)),
    )
    return {row["key"].value for row in rows}


def title_keys(extraction: Extraction) -> set[str]:
    """Title keys a project match looks up (a pending batch with one of them is flushed
    first, so matching sees exactly what the one-process path would see)."""
    from ingest.identifiers import title_key

    parts = getattr(extraction, "parts", None) or [extraction]
    return {title_key(part.title) for part in parts}


@dataclass
class AnalysedFile:
    """One file read, analysed, resolved and mapped to quads, before project matching and
    writing (the part of ingest that needs no store: it runs in the workers).

    From a worker the quads travel as N-Quads bytes (parsed ten times faster than pickled
    quads), with the IRI each matchable project has in them: a project match only changes
    that IRI, so the writer renames it in the parsed quads (no extraction, no resolver).
    """

    path: str
    reason: str | None = None  # why the file was skipped (nothing else is set then)
    graph: str = ""
    record: dict[str, object] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)  # keys (or labels) for the summary
    title_keys: frozenset[str] = frozenset()
    probes: list[tuple[int, MatchProbe]] = field(default_factory=list)  # (part, probe)
    quads: list[Quad] | None = None  # in process
    nquads: bytes = b""  # from a worker
    extraction: Extraction | None = None  # in process
    project_iris: dict[int, str] = field(default_factory=dict)  # from a worker: part -> IRI
    unit_parents: dict[str, str] = field(default_factory=dict)

    def graph_quads(self, store: GraphStore, curation: Curation) -> list[Quad]:
        """The document graph: projects without identifier matched against the store (as
        :func:`match_projects` does), the quads rebuilt when one joins another's IRI."""
        data = self.graph_data(store, curation)
        return list(parse(data, RdfFormat.N_QUADS)) if isinstance(data, bytes) else data

    def graph_data(
        self, store: GraphStore, curation: Curation, title_keys: set[str] | None = None
    ) -> list[Quad] | bytes:
        """:meth:`graph_quads`, but a worker's N-Quads bytes as they came when no project
        match changed them (:meth:`GraphStore.write_graphs` loads them unparsed).

        ``title_keys``: every title key the store may hold; a project
        whose key is not among them matches nothing, so the store is not asked
        (:func:`store_title_keys`)."""
        own_graph = self.graph
        found = {
            i: matching_project(store, own_graph, probe)
            for i, probe in self.probes
            if title_keys is None or probe[0] in title_keys
        }
        renamed = {i: iri for i, iri in found.items() if iri is not None}
        if renamed and self.extraction is None:
            return _rename(
                parse(self.nquads, RdfFormat.N_QUADS),
                {self.project_iris[i]: iri for i, iri in renamed.items()},
            )
        if renamed and self.extraction is not None:
            extraction, unit_parents = self.extraction, self.unit_parents
            resolver = Resolver(curation=curation)
            resolver.unit_parents = dict(unit_parents)
            set_current_resolver(resolver)  # parent_iri answers as it did in the worker
            parts = extraction.parts or [extraction]
            for i, iri in found.items():
                if iri is not None:
                    parts[i].project_iri = iri
            return extraction_quads(extraction)
        if self.quads is not None:
            return self.quads
        return self.nquads


def _rename(quads: Iterable[Quad], iris: dict[str, str]) -> list[Quad]:
    """The quads with the named nodes ``iris`` maps renamed (subjects and objects)."""
    nodes = {NamedNode(old): NamedNode(new) for old, new in iris.items()}
    return [
        Quad(
            nodes.get(q.subject, q.subject),
            q.predicate,
            nodes.get(q.object, q.object),
            q.graph_name,
        )
        for q in quads
    ]


def analyse_file(path: str, curation: Curation, ship: bool = False) -> AnalysedFile:
    """Read, analyse and resolve one file and map it to quads; bad input gives a reason.

    ``ship``: prepare the result for another process (quads as N-Quads bytes, with the IRI
    of each project that project matching may rename).
    """
    try:
        document = read_file(path)
        extraction = analyse(document)
        resolver = resolve_extraction(extraction, curation=curation)
        parts = extraction.parts or [extraction]
        probes = [(i, p) for i, part in enumerate(parts) if (p := match_probe(part)) is not None]
        quads = extraction_quads(extraction)
        organisations = [o.key or o.label for o in extraction.organisations]
        item = AnalysedFile(
            path,
            graph=doc_graph(document.doc_id).value,
            record={
                "path": str(path),
                "lang": document.lang,
                "projects": len(parts),
                "organisations": len(set(organisations)),
                "funders": sorted(extraction.notations("funder")),
            },
            organisations=organisations,
            title_keys=frozenset(title_keys(extraction)),
            probes=probes,
        )
        if ship:
            item.nquads = serialize(quads, None, RdfFormat.N_QUADS)
            item.project_iris = {i: project_iri_of(parts[i]).value for i, _probe in probes}
        else:
            item.quads, item.extraction = quads, extraction
            item.unit_parents = resolver.unit_parents
        return item
    except IngestError as exc:
        return AnalysedFile(path, reason=exc.reason)
    except RecursionError as exc:
        return AnalysedFile(path, reason=f"too deeply nested: {exc}")
    except Exception as exc:  # a bug hit by one odd document must not stop the batch
        return AnalysedFile(path, reason=one_line(f"internal error: {type(exc).__name__}: {exc}"))


#: the curation rules a worker resolves with (set once by its initializer)
_worker_curation: list[Curation] = []


def _start_worker(curation: Curation) -> None:
    """Worker start-up: keep workers quiet and take the curation rules; the pipelines and
    dictionaries of a language are built on its first document."""
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    _worker_curation[:] = [curation]


def _analyse_chunk(paths: list[str]) -> list[AnalysedFile]:
    """A few files analysed in a worker (fewer round trips than one task per file)."""
    curation = _worker_curation[0] if _worker_curation else Curation()
    return [analyse_file(path, curation, ship=True) for path in paths]


class _BatchWriter:
    """Collects document graphs and writes several per :meth:`GraphStore.write_graphs` call.

    Each document graph is replaced atomically (all-or-nothing). If a batch is refused, its
    documents are written one by one so only a bad one fails.
    """

    def __init__(self, store: GraphStore, max_docs: int, max_quads: int = 150_000) -> None:
        self.store = store
        self.max_docs = max_docs
        self.max_quads = max_quads
        self.graphs: dict[NamedNode, list[Quad] | bytes] = {}
        self.quads = 0
        self.written: list[NamedNode] = []
        self.pending_keys: set[str] = set()

    def add(self, graph: NamedNode, quads: list[Quad] | bytes, keys: Iterable[str] = ()) -> None:
        self.graphs[graph] = quads
        # N-Quads bytes: about 200 bytes a quad
        self.quads += len(quads) // 200 if isinstance(quads, bytes) else len(quads)
        self.pending_keys.update(keys)
        if len(self.graphs) >= self.max_docs or self.quads >= self.max_quads:
            self.flush()

    def flush(self) -> None:
        if not self.graphs:
            return
        graphs, self.graphs, self.quads = self.graphs, {}, 0
        self.pending_keys = set()
        try:
            self.store.write_graphs(graphs)
        except StoreError:
            if len(graphs) == 1:
                raise
            for graph, quads in graphs.items():
                self.store.write_graphs({graph: quads})
        self.written.extend(graphs)


def ingest_paths(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    progress: bool = True,
    jobs: int = 1,
    batch_size: int = 64,
) -> IngestSummary:
    """Ingest files and folders; bad files are reported in the summary and skipped.

    Files are read, analysed, resolved and mapped to quads by :func:`analyse_file` — in
    ``jobs`` worker processes when ``jobs > 1`` (forked from a fresh server process that
    loaded every language's pipeline once, :mod:`ingest.worker_preload`; started before the
    ontology check so their start-up overlaps it) — while this process matches projects
    against the store and writes ``batch_size`` documents per store update (each update one
    transaction; one file per update without workers). The summary and the resulting graph
    are the same for any ``jobs``.
    """
    from graph.curation import load_curation

    start = time.perf_counter()
    summary = IngestSummary()
    files = list(iter_files(paths, summary))
    previous_version = store.version()
    curation = load_curation(store)  # ingest writes document graphs only: fixed for the run
    bar = None
    if progress and files:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", desc="ingest", dynamic_ncols=True)
    orgs: set[str] = set()
    known_keys = store_title_keys(store) if files else set()
    parallel = jobs > 1 and len(files) > 1
    # one process: one transaction per file (readers see every file as soon as it is done)
    writer = _BatchWriter(store, max(1, batch_size) if parallel else 1)
    with _analysed(files, jobs if parallel else 1, curation) as analysed:
        ensure_ontology(store)  # while the workers start
        summary.timings["ontology"] = time.perf_counter() - start
        for item in analysed:
            summary.file_times.append(time.perf_counter() - start)
            if bar is not None:
                bar.update(1)
            if item.reason is not None:
                summary.skipped.append((item.path, item.reason))
                continue
            try:
                if item.title_keys & writer.pending_keys:
                    writer.flush()  # matching must see the documents before this one
                quads = item.graph_data(store, curation, known_keys)
            except StoreError:
                raise  # the store is broken: stop, don't skip every remaining file
            except Exception as exc:
                summary.skipped.append(
                    (item.path, one_line(f"internal error: {type(exc).__name__}: {exc}"))
                )
                continue
            writer.add(NamedNode(item.graph), quads, item.title_keys)
            known_keys.update(item.title_keys)
            summary.files_read += 1
            summary.projects += int(item.record["projects"])  # type: ignore[call-overload]
            orgs.update(item.organisations)
            summary.per_file.append(item.record)
        summary.timings["analysed"] = time.perf_counter() - start
        writer.flush()
    summary.timings["written"] = time.perf_counter() - start
    if bar is not None:
        bar.close()
    summary.organisations = len(orgs)
    summary.triples = store.count_quads()
    if writer.written:
        from graph.search import refresh_index

        refresh_index(store, writer.written, previous_version)
    summary.timings["indexed"] = time.perf_counter() - start
    return summary


@contextmanager
def _analysed(files: list[Path], jobs: int, curation: Curation) -> Iterator[Iterator[AnalysedFile]]:
    """Analysed files in input order: in this process (``jobs == 1``) or from ``jobs``
    worker processes, which start at once; at most a bounded window of files is in flight."""
    if jobs <= 1:
        yield (analyse_file(str(path), curation) for path in files)
        return
    import multiprocessing
    import threading
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    chunk = max(1, min(8, len(files) // (4 * jobs)))  # small inputs still use every worker
    chunks = [[str(p) for p in files[i : i + chunk]] for i in range(0, len(files), chunk)]
    # workers fork from a fresh server process that preloaded every language's pipeline
    # (ingest/worker_preload.py), never from this one: lingua does not survive a fork
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.worker_preload"])
    window: deque[Future[list[AnalysedFile]]] = deque()
    pending = iter(chunks)
    in_flight = max(4, (128 // chunk)) * jobs  # covers the writer's pauses; bounded memory
    with (
        _forkserver_stopped(),
        ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(curation,)
        ) as pool,
    ):

        def top_up() -> None:
            while len(window) < in_flight:
                paths = next(pending, None)
                if paths is None:
                    return
                window.append(pool.submit(_analyse_chunk, paths))

        failed: list[BaseException] = []

        def start() -> None:
            try:
                top_up()
            except BaseException as exc:  # re-raised in this thread
                failed.append(exc)

        def results() -> Iterator[AnalysedFile]:
            starter.join()
            if failed:
                raise failed[0]
            while window:
                future = window.popleft()
                top_up()
                yield from future.result()

        # the workers start now, from a thread: starting one waits for the preloading
        # server, and meanwhile this thread checks the ontology
        starter = threading.Thread(target=start, name="ingest-worker-start")
        starter.start()
        try:
            yield results()
        finally:
            starter.join()
            for future in window:
                future.cancel()


@contextmanager
def _forkserver_stopped() -> Iterator[None]:
    """End the preloading server when the workers are done (also after an error): it holds
    every language's pipeline (about 600 MB), which a long-running caller (the app) should
    not keep."""
    try:
        yield
    finally:
        from multiprocessing import forkserver

        stop = getattr(forkserver._forkserver, "_stop", None)  # private in CPython 3.8-3.13
        if stop is not None:
            stop()
