"""Ingest files or folders into a store: read → NLP → extract → RDF → one graph per file.

>>> from graph.store import open_store
>>> summary = ingest_paths([], open_store(":memory:"), progress=False)
>>> summary.files_read, summary.skipped
(0, [])
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from graph.resolve import resolve_extraction
from graph.store import META_GRAPH, ONTOLOGY_GRAPH, GraphStore, StoreError
from ingest.documents import Document, Extraction, FieldFact, IngestError
from ingest.extract import extract
from ingest.identifiers import find_project_identifier
from ingest.rdf import doc_graph, extraction_quads
from ingest.readers import one_line, read_file, supported_suffixes
from ingest.structured import match_projects
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
    """
    from ontology import ontology_dir

    sources = hashlib.sha256()
    for ttl in sorted(ontology_dir().rglob("*.ttl")):
        sources.update(ttl.relative_to(ontology_dir()).as_posix().encode() + b"\0")
        sources.update(ttl.read_bytes())
    digest = sources.hexdigest()
    marker = NamedNode(str(PG.contentHash))
    rows = store.select(
        "SELECT ?h WHERE { GRAPH ?g { ?s ?p ?h } }", g=META_GRAPH, s=ONTOLOGY_GRAPH, p=marker
    )
    if rows and rows[0]["h"].value == digest:
        return
    from pyoxigraph import parse

    data = ontology_graph().serialize(format="nt", encoding="utf-8")
    quads = [
        Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)
        for t in parse(data, RdfFormat.N_TRIPLES)
    ]
    meta = [q for q in store.quads(META_GRAPH) if q.subject != ONTOLOGY_GRAPH]
    meta.append(Quad(ONTOLOGY_GRAPH, marker, Literal(digest), META_GRAPH))
    # the version triple is rewritten by replace_graphs itself
    meta = [q for q in meta if str(q.predicate) != str(PG.version)]
    store.replace_graphs({ONTOLOGY_GRAPH: quads, META_GRAPH: meta})


def ingest_document(store: GraphStore, document: Document) -> Extraction:
    """Extract one document and atomically replace its graph in the store."""
    extraction = analyse(document)
    quads = document_quads(store, extraction)
    store.replace_graphs({doc_graph(document.doc_id): quads})
    return extraction


def document_quads(store: GraphStore, extraction: Extraction) -> list[Quad]:
    """Resolve an extraction against the store and map it to its graph's quads (both the
    one-process and the parallel path call this, so they cannot drift apart)."""
    resolve_extraction(extraction, store)  # organisation IRIs: authority file + curation graph
    match_projects(extraction, store)  # same project from another source, no identifier
    return extraction_quads(extraction)


def title_keys(extraction: Extraction) -> set[str]:
    """Title keys a project match looks up (a pending batch with one of them is flushed
    first, so matching sees exactly what the one-process path would see)."""
    from ingest.identifiers import title_key

    parts = getattr(extraction, "parts", None) or [extraction]
    return {title_key(part.title) for part in parts}


def _analyse_file(path: str) -> tuple[str, Document | None, Extraction | None, str | None]:
    """Read and analyse one file (in a worker): ``(path, document, extraction, reason)``."""
    try:
        document = read_file(path)
        return path, document, analyse(document), None
    except IngestError as exc:
        return path, None, None, exc.reason
    except RecursionError as exc:
        return path, None, None, f"too deeply nested: {exc}"
    except Exception as exc:  # a bug hit by one odd document must not stop the batch
        return path, None, None, one_line(f"internal error: {type(exc).__name__}: {exc}")


def _warm_worker() -> None:
    """Worker start-up: keep workers quiet; the pipelines are built on first use."""
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)


class _BatchWriter:
    """Collects document graphs and writes several per ``replace_graphs`` call.

    One call is one SPARQL update (one transaction), so each document stays all-or-nothing.
    If a batch is refused, its documents are written one by one so only a bad one fails.
    """

    def __init__(self, store: GraphStore, max_docs: int, max_quads: int = 150_000) -> None:
        self.store = store
        self.max_docs = max_docs
        self.max_quads = max_quads
        self.graphs: dict[NamedNode, list[Quad]] = {}
        self.quads = 0
        self.written: list[NamedNode] = []
        self.pending_keys: set[str] = set()

    def add(self, graph: NamedNode, quads: list[Quad], keys: Iterable[str] = ()) -> None:
        self.graphs[graph] = quads
        self.quads += len(quads)
        self.pending_keys.update(keys)
        if len(self.graphs) >= self.max_docs or self.quads >= self.max_quads:
            self.flush()

    def flush(self) -> None:
        if not self.graphs:
            return
        graphs, self.graphs, self.quads = self.graphs, {}, 0
        self.pending_keys = set()
        try:
            self.store.replace_graphs(graphs)
        except StoreError:
            if len(graphs) == 1:
                raise
            for graph, quads in graphs.items():
                self.store.replace_graphs({graph: quads})
        self.written.extend(graphs)


def ingest_paths(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    progress: bool = True,
    jobs: int = 1,
    batch_size: int = 32,
) -> IngestSummary:
    """Ingest files and folders; bad files are reported in the summary and skipped.

    ``jobs > 1`` reads and analyses files in that many worker processes (spawned, each with
    its own pipelines) and writes ``batch_size`` documents per store update; the summary
    and the resulting graph are the same as with one process.
    """
    summary = IngestSummary()
    files = list(iter_files(paths, summary))
    previous_version = store.version()
    ensure_ontology(store)
    bar = None
    if progress and files:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", desc="ingest", dynamic_ncols=True)
    orgs: set[str] = set()
    written: list[NamedNode] = []

    def record(path: Path | str, document: Document, extraction: Extraction) -> None:
        summary.files_read += 1
        projects = extraction.parts or [extraction]  # a table file holds many projects
        summary.projects += len(projects)
        for org in extraction.organisations:
            orgs.add(org.key or org.label)
        summary.per_file.append(
            {
                "path": str(path),
                "lang": document.lang,
                "projects": len(projects),
                "organisations": len({o.key or o.label for o in extraction.organisations}),
                "funders": sorted(extraction.notations("funder")),
            }
        )

    if jobs <= 1 or len(files) <= 1:
        for path in files:
            try:
                document = read_file(path)
                extraction = ingest_document(store, document)
            except IngestError as exc:
                summary.skipped.append((str(path), exc.reason))
            except RecursionError as exc:
                summary.skipped.append((str(path), f"too deeply nested: {exc}"))
            except StoreError:
                raise  # the store is broken: stop, don't skip every remaining file
            except Exception as exc:  # a bug hit by one odd document must not stop the batch
                summary.skipped.append(
                    (str(path), one_line(f"internal error: {type(exc).__name__}: {exc}"))
                )
            else:
                written.append(doc_graph(document.doc_id))
                record(path, document, extraction)
            if bar is not None:
                bar.update(1)
    else:
        writer = _BatchWriter(store, max(1, batch_size))
        for path, document, extraction in _analysed_in_workers(files, jobs, summary, bar):
            try:
                keys = title_keys(extraction)
                if keys & writer.pending_keys:
                    writer.flush()
                quads = document_quads(store, extraction)
            except StoreError:
                raise
            except Exception as exc:
                summary.skipped.append(
                    (str(path), one_line(f"internal error: {type(exc).__name__}: {exc}"))
                )
                continue
            writer.add(doc_graph(document.doc_id), quads, keys)
            record(path, document, extraction)
        writer.flush()
        written = writer.written
    if bar is not None:
        bar.close()
    summary.organisations = len(orgs)
    summary.triples = store.count_quads()
    if written:
        from graph.search import refresh_index

        refresh_index(store, written, previous_version)
    return summary


def _analysed_in_workers(
    files: list[Path], jobs: int, summary: IngestSummary, bar: object
) -> Iterator[tuple[Path, Document, Extraction]]:
    """Analysed documents in input order; at most ``4 * jobs`` files in flight (bounded
    memory). Files that fail are added to ``summary.skipped`` here."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # lingua/morfeusz do not survive fork
    window: deque[tuple[Path, Future]] = deque()  # type: ignore[type-arg]
    pending = iter(files)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_warm_worker
    ) as pool:

        def top_up() -> None:
            while len(window) < 4 * jobs:
                path = next(pending, None)
                if path is None:
                    return
                window.append((path, pool.submit(_analyse_file, str(path))))

        top_up()
        while window:
            path, future = window.popleft()
            top_up()
            _, document, extraction, reason = future.result()
            if bar is not None:
                bar.update(1)  # type: ignore[attr-defined]
            if reason is not None or document is None or extraction is None:
                summary.skipped.append((str(path), reason or "not analysed"))
                continue
            yield path, document, extraction
