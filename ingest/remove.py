"""Take ingested documents back out of a store (``praxis remove``): the inverse of ingest.

The unit of removal is what ingest writes: one named graph per ingested file (a table
file's graph holds all of its rows). A target names documents by

* **path** — a file, or a folder (every document whose ``pg:sourcePath`` lies under it);
  matched on the absolute path ingest recorded, so the file need not exist any more;
* **document id** (the 20 hex digits of ``GRAPH["doc/<id>"]``), or the document's or its
  graph's IRI;
* **file name** (``report.pdf``) when no path matches; a name that several ingested files
  carry is refused as ambiguous (give the path).

Organisations, projects and participations live in the document graphs (only authority
bodies also live in the ontology graph, curation rules in the curation graph), so dropping
a document's graph removes every fact it stated: an organisation or project no other
document states is gone from SPARQL, search, network and app at once; a project or
organisation that another file also describes stays, with that file's facts. All graphs
are dropped by ONE :meth:`GraphStore.replace_graphs` (one transaction, a new store
version, so every cache keyed by the version follows), and the search index is refreshed
for the dropped graphs (:func:`graph.search.refresh_index`). Curation rules are reviewer
decisions and stay (they apply again when a document naming the organisation comes back).

Any target that matches nothing stops the whole request before the store is touched.

>>> from graph.store import open_store
>>> remove_documents(open_store(":memory:"), ["no-such-file.txt"])
Traceback (most recent call last):
...
ingest.remove.RemovalError: no ingested document at or named no-such-file.txt
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from graph.queries import run_query, values_query
from graph.search import GRAPH_CHUNK
from graph.store import GraphStore, Row
from ingest.rdf import doc_graph, document_iri
from ingest.readers import one_line
from ontology.namespaces import GRAPH, ID

_DOC_ID = re.compile(r"^[0-9a-f]{20}(-r\d+)?$")
_DOC_GRAPH = str(GRAPH["doc/"])
_DOC_IRI = str(ID["doc/"])


class RemovalError(ValueError):
    """A target that names no ingested document, or names it ambiguously (one line)."""


@dataclass
class RemovedDocument:
    doc_id: str
    file: str
    path: str
    graph: str
    rows: int = 1  # documents in the graph (a table file: one per row)


@dataclass
class RemovalSummary:
    """What a removal dropped (or, with ``dry_run``, would drop)."""

    dry_run: bool
    documents: list[RemovedDocument] = field(default_factory=list)
    #: projects no remaining document describes: (IRI, title)
    projects_removed: list[tuple[str, str]] = field(default_factory=list)
    #: projects that lost a source but remain: (IRI, title, remaining source files)
    projects_kept: list[tuple[str, str, list[str]]] = field(default_factory=list)
    #: organisations no remaining document mentions: (IRI, label)
    organisations_removed: list[tuple[str, str]] = field(default_factory=list)
    version: str | None = None  # the store version after the removal

    def as_dict(self) -> dict[str, object]:
        return {
            "dry_run": self.dry_run,
            "documents": [vars(d) for d in self.documents],
            "projects_removed": [{"iri": i, "title": t} for i, t in self.projects_removed],
            "projects_kept": [
                {"iri": i, "title": t, "remaining_files": f} for i, t, f in self.projects_kept
            ],
            "organisations_removed": [
                {"iri": i, "label": label} for i, label in self.organisations_removed
            ],
            "version": self.version,
        }


def resolve_target(store: GraphStore, target: str) -> list[Row]:
    """Rows (``doc``, ``g``, ``file``, ``path``) of the documents ``target`` names, or
    :class:`RemovalError`."""
    text = target.strip()
    doc_id = None
    if _DOC_ID.match(text):
        doc_id = text
    elif text.startswith(_DOC_IRI):
        doc_id = text[len(_DOC_IRI) :]
    elif text.startswith(_DOC_GRAPH):
        doc_id = text[len(_DOC_GRAPH) :]
    if doc_id and _DOC_ID.match(doc_id):
        rows = run_query(store, "source_documents", doc=document_iri(doc_id))
        if rows:
            graph = rows[0]["g"].value
            if graph != doc_graph(doc_id).value:  # a row of a table file
                raise RemovalError(
                    f"document {doc_id} is one row of the table file {rows[0]['path'].value}: "
                    "remove the whole file, or edit the table and ingest it again"
                )
            return rows
    # a path: as given (absolute) and with symlinks resolved, as ingest records it
    candidates = dict.fromkeys(
        p.rstrip("/") or "/"
        for p in (os.path.abspath(os.path.expanduser(text)), os.path.realpath(text))
    )
    rows = []
    for path in candidates:
        rows += run_query(store, "source_documents", path=Literal(path))
        under = path if path.endswith("/") else path + "/"
        rows += run_query(store, "source_documents_under", under=Literal(under))
    if rows:
        return rows
    if "/" not in text:
        rows = run_query(store, "source_documents", file=Literal(text))
        paths = sorted({r["path"].value for r in rows})
        if len(paths) > 1:
            raise RemovalError(
                f"{text} names {len(paths)} ingested files, give the path: "
                + ", ".join(paths[:3])
                + (" …" if len(paths) > 3 else "")
            )
        if rows:
            return rows
    raise RemovalError(f"no ingested document at or named {text}")


def _chunked(store: GraphStore, name: str, values: Sequence[NamedNode], var: str) -> Iterable[Row]:
    for i in range(0, len(values), GRAPH_CHUNK):
        yield from store.select(values_query(name, values[i : i + GRAPH_CHUNK], var=var))


def remove_documents(
    store: GraphStore, targets: Iterable[str], dry_run: bool = False
) -> RemovalSummary:
    """Drop the graphs of every document ``targets`` name in one transaction and refresh
    the search index; report documents, projects gone or kept, organisations gone.

    Every target is resolved first: one that names nothing (:class:`RemovalError`) leaves
    the store untouched. ``dry_run``: resolve and report, change nothing.
    """
    found: dict[str, Row] = {}
    errors = []
    for target in targets:
        try:
            for row in resolve_target(store, target):
                found.setdefault(row["doc"].value, row)
        except RemovalError as exc:
            errors.append(str(exc))
    if errors:
        raise RemovalError(one_line("; ".join(errors)))
    summary = RemovalSummary(dry_run=dry_run)
    by_graph: dict[str, list[Row]] = defaultdict(list)
    for row in found.values():
        by_graph[row["g"].value].append(row)
    graphs = [NamedNode(g) for g in sorted(by_graph)]
    for g in graphs:
        rows = run_query(store, "source_documents", g=g)  # a table file: all of its rows
        first = min(rows or by_graph[g.value], key=lambda r: r["doc"].value)
        summary.documents.append(
            RemovedDocument(
                doc_id=g.value[len(_DOC_GRAPH) :],
                file=first["file"].value,
                path=first["path"].value,
                graph=g.value,
                rows=max(1, len(rows)),
            )
        )
    summary.documents.sort(key=lambda d: (d.path, d.graph))
    dropped = {g.value for g in graphs}
    _projects(store, graphs, dropped, summary)
    _organisations(store, graphs, dropped, summary)
    if dry_run or not graphs:
        return summary
    from graph.search import refresh_index

    previous_version = store.version()
    summary.version = store.replace_graphs({}, drop=graphs)
    refresh_index(store, graphs, previous_version)
    return summary


def _projects(
    store: GraphStore, graphs: list[NamedNode], dropped: set[str], summary: RemovalSummary
) -> None:
    projects = sorted({r["project"].value for r in _chunked(store, "project_graphs", graphs, "g")})
    sources: dict[str, set[str]] = defaultdict(set)
    nodes = [NamedNode(p) for p in projects]
    for r in _chunked(store, "project_graphs", nodes, "project"):
        sources[r["project"].value].add(r["g"].value)
    titles: dict[str, dict[str, str]] = defaultdict(dict)  # project -> graph -> title
    files: dict[str, str] = {}  # graph -> file name
    for r in _chunked(store, "project_summaries", nodes, "project"):
        titles[r["project"].value].setdefault(r["g"].value, r["title"].value)
        files[r["g"].value] = r["file"].value
    for p in projects:
        remaining = sorted(sources[p] - dropped)
        by_graph = titles.get(p, {})
        title = next((by_graph[g] for g in sorted(by_graph) if g in dropped), "")
        title = title or next(iter(by_graph.values()), p)
        if remaining:
            summary.projects_kept.append((p, title, sorted({files.get(g, g) for g in remaining})))
        else:
            summary.projects_removed.append((p, title))


def _organisations(
    store: GraphStore, graphs: list[NamedNode], dropped: set[str], summary: RemovalSummary
) -> None:
    labels: dict[str, str] = {}
    for r in _chunked(store, "organisation_graphs", graphs, "g"):
        label = r["label"].value if "label" in r else r["org"].value
        org = r["org"].value
        labels[org] = min(labels.get(org, label), label)
    orgs = sorted(labels)
    still: set[str] = set()
    for r in _chunked(store, "organisation_graphs", [NamedNode(o) for o in orgs], "org"):
        g = r["g"].value
        if g.startswith(_DOC_GRAPH) and g not in dropped:
            still.add(r["org"].value)
    summary.organisations_removed = [(o, labels[o]) for o in orgs if o not in still]
