"""Multilingual search over projects: query words are lemmatised in all six languages and
folded, so "vězeň", "więzień", "Gefangene" or "prisoner" meet the lemmas of any document.

The index is SQLite FTS5 (standard library ``sqlite3``), kept beside the store:

* ``docs``    one row per project (IRI, title, language, file, named graph, folded title,
              folded lemma text). A project described by several files (matched at ingest:
              one IRI, facts in several named graphs) is one row combining all of them: the
              title, language, file and graph of its first document (the one that minted
              its IRI, else the first by file name), the lemmas and titles of every
              document, the facets of every document (``dgraphs`` lists its graphs, so
              replacing or dropping one recomputes it from the others);
* ``fts``     an external-content FTS5 table over the folded title and lemmas
              (``unicode61 remove_diacritics 2``, ``detail=full``: BM25 reads stored
              positions instead of re-tokenising every hit), ranked with BM25;
* ``fvalues`` one row per (facet, value) with its precomputed count over all projects;
* ``dfacets`` (doc, facet value id) pairs, clustered by document (updated per project
              on ingest), plus an index by value;
* ``dgraphs`` (doc, named graph) pairs: the graphs holding facts of each project;
* ``arrays``  the (doc, facet value) pairs and the documents in title order as integer
              blobs, loaded once per process and index version (facet counts, filters and
              ranking are numpy passes over them; only the text match runs in SQLite);
* ``meta``    the store version the index reflects.

Where it lives: ``<store>.search.sqlite`` next to an on-disk store; for a SPARQL server or an
unwritable folder, ``$PRAXIS_CACHE`` (default ``~/.cache/praxisgraph``)/search/<hash of the
location>.sqlite; for ``:memory:`` stores, in memory. Ingest updates it incrementally
(:func:`refresh_index`); a search on a store whose version differs rebuilds it.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import sqlite3
import tempfile
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode

from graph.queries import load_query, values_query
from graph.store import GraphStore, OxigraphStore, Row
from ingest.cache import cache_dir
from ingest.langid import SUPPORTED
from ingest.lemmatize import lemmatize
from ingest.normalise import fold
from ontology import split_concept_iri
from ontology.namespaces import DCTERMS, GRAPH, ID, PG

FACETS = {
    str(PG.funder): "funder",
    str(DCTERMS.audience): "target-group",
    str(PG.activity): "activity-type",
    str(PG.actorType): "actor-type",
    str(PG.country): "country",
}
ACTOR_TYPE = str(PG.actorType)
COUNTRY = str(PG.country)
SCHEMA_VERSION = "fts-8"  # 3: concepts; 4: detail=full; 5: arrays; 6: postings; 7: words;
# 8: one row per project from all its documents (dgraphs)
GRAPH_CHUNK = 400  # named graphs per VALUES block when updating incrementally
IN_LIST_MAX = 900  # ids per "IN (…)" list; bigger pages read every document's row


@dataclass
class Hit:
    project: str
    title: str
    lang: str
    file: str
    score: float
    facets: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SearchResult:
    hits: list[Hit]
    facets: dict[str, Counter[str]]
    total: int


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    iri TEXT NOT NULL UNIQUE,
    graph TEXT NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL,
    file TEXT NOT NULL,
    ftitle TEXT NOT NULL,
    lemmas TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_graph ON docs(graph);
CREATE INDEX IF NOT EXISTS docs_title ON docs(title);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    ftitle, lemmas, content='docs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', detail='full'
);
CREATE TABLE IF NOT EXISTS fvalues (
    id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, UNIQUE (facet, value)
);
CREATE TABLE IF NOT EXISTS dfacets (
    doc INTEGER NOT NULL, fv INTEGER NOT NULL, PRIMARY KEY (doc, fv)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dfacets_fv ON dfacets(fv, doc);
CREATE TABLE IF NOT EXISTS dgraphs (
    doc INTEGER NOT NULL, graph TEXT NOT NULL, PRIMARY KEY (doc, graph)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dgraphs_graph ON dgraphs(graph, doc);
CREATE TABLE IF NOT EXISTS arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS postings (
    term TEXT PRIMARY KEY, docs BLOB NOT NULL, title BLOB NOT NULL, lemmas BLOB NOT NULL
) WITHOUT ROWID;
"""


# --------------------------------------------------------------------------- index location
_MEMORY: weakref.WeakKeyDictionary[GraphStore, sqlite3.Connection] = weakref.WeakKeyDictionary()
_LOCK = threading.RLock()


def index_path(store: GraphStore) -> Path | None:
    """Where the index of ``store`` lives (``None``: in memory, for ``:memory:`` stores)."""
    if store.location == ":memory:":
        return None
    if isinstance(store, OxigraphStore):
        store_dir = Path(store.location).resolve()
        beside = store_dir.parent / f"{store_dir.name}.search.sqlite"
        if os.access(store_dir.parent, os.W_OK):
            return beside
    digest = hashlib.sha256(store.location.encode("utf-8")).hexdigest()[:24]
    return cache_dir() / "search" / f"{digest}.sqlite"


def _writer_busy(store: GraphStore) -> bool:
    """A reader of an on-disk store while another process is writing to it."""
    if not (isinstance(store, OxigraphStore) and store.read_only):
        return False
    from graph import store as store_module

    active = getattr(store_module, "_writer_active", None)
    return bool(active and active(Path(store.location)))


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-65536")
    return conn


def _indexed_version(conn: sqlite3.Connection) -> str | None:
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return None
    if rows.get("schema") != SCHEMA_VERSION:
        return None
    return rows.get("version")


@contextlib.contextmanager
def _open(store: GraphStore) -> Iterator[sqlite3.Connection]:
    """A connection to an index that matches the store's current version (rebuilt if not)."""
    version = store.version()
    path = index_path(store)
    with _LOCK:
        if path is None:
            conn = _MEMORY.get(store)
            if conn is None:
                conn = _connect(":memory:")
                _MEMORY[store] = conn
            if _indexed_version(conn) != version:
                _build(store, conn, version)
        else:
            conn = None
            if path.exists():
                conn = _connect(path)
                indexed = _indexed_version(conn)
                # while an ingest runs, a reader sees snapshots with passing versions: it keeps
                # the index it has (ingest brings it up to date when it finishes) instead of
                # rebuilding it for every snapshot
                if indexed != version and not (indexed and _writer_busy(store)):
                    conn.close()
                    conn = None
            if conn is None:
                rebuild_index(store, path, version)
                conn = _connect(path)
    if path is None:
        with _LOCK:  # one shared in-memory connection: one search at a time
            yield conn
        return
    try:
        yield conn
    finally:
        conn.close()


def rebuild_index(store: GraphStore, path: Path | None = None, version: str | None = None) -> Path:
    """Build the index from the store into a fresh file and move it into place."""
    path = path or index_path(store)
    if path is None:
        with _open(store):
            return Path(":memory:")
    version = version or store.version()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = _connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        _build(store, conn, version)
        conn.close()
        os.replace(tmp, path)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(str(path) + suffix)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
    return path


# --------------------------------------------------------------------------- filling the index
#: a facet row: (project IRI, facet property IRI, value, named graph)
FacetRow = tuple[str, str, str, str]


def _fetch(
    store: GraphStore, graphs: Sequence[NamedNode] | None
) -> tuple[list[Row], list[FacetRow]]:
    """Project rows (one per project and graph) and (project, facet property IRI, value,
    graph) rows, for all or some graphs."""

    def rows(name: str) -> list[Row]:
        return store.select(load_query(name) if graphs is None else values_query(name, graphs))

    facet_rows = [
        (r["project"].value, r["facet"].value, r["value"].value, r["g"].value)
        for r in rows("search_facets_own")
    ]
    for r in rows("search_facets_orgs"):
        if "type" in r:
            facet_rows.append((r["project"].value, ACTOR_TYPE, r["type"].value, r["g"].value))
        if "country" in r:
            facet_rows.append((r["project"].value, COUNTRY, r["country"].value, r["g"].value))
    return rows("project_summaries"), facet_rows


_MINTED = str(ID["project/"])
_DOC_GRAPH = str(GRAPH["doc/"])


def _document_order(project: str, row: Row) -> tuple[int, str, str]:
    """Which of a project's documents comes first (its title, language and file are the
    hit's; its lemmas lead the text): the document that minted the project's IRI (the
    project was first read from it; later files were matched onto it), then by file name,
    then by graph IRI. Projects from one file are unchanged."""
    graph = row["g"].value
    minted = project.startswith(_MINTED) and graph == _DOC_GRAPH + project[len(_MINTED) :]
    return (0 if minted else 1, row["file"].value, graph)


def _row_key(row: Row) -> tuple[str, ...]:
    """A stable choice among several rows of one project in one graph (two titles …)."""
    return tuple(row[v].value if v in row else "" for v in ("title", "lang", "file", "lemmas"))


def _insert(
    conn: sqlite3.Connection,
    summaries: list[Row],
    facet_rows: list[FacetRow],
    projects: set[str] | None = None,
) -> None:
    """Add one row per project (only ``projects`` when given) combining all of its
    documents: the title, language and file of the first document
    (:func:`_document_order`), the lemmas of every document (the first one's first) then
    the other documents' folded titles (so a word counts as often as in all the documents
    together, like :func:`graph.precedents.text_index`), and the facets of every document
    (the language facet holds every document's language). ``summaries`` and
    ``facet_rows`` must hold every graph of those projects."""
    ids: dict[str, int] = {}
    docs = []
    tokens_of: dict[str, set[str]] = defaultdict(set)
    notations: dict[str, str | None] = {}  # concept IRI -> notation (a few hundred distinct)
    tokens: dict[tuple[str, str], str] = {}

    def notation(value: str) -> str | None:
        if value not in notations:
            try:
                notations[value] = split_concept_iri(value)[1]
            except ValueError:
                notations[value] = None
        return notations[value]

    if projects is not None:
        summaries = [r for r in summaries if r["project"].value in projects]
        facet_rows = [r for r in facet_rows if r[0] in projects]
    for project, prop, value, _g in facet_rows:
        facet = FACETS[prop]
        if facet in CONCEPT_FACETS:
            code = notation(value)
            if code is not None:
                token = tokens.get((facet, code))
                if token is None:
                    token = tokens[(facet, code)] = concept_token(facet, code)
                tokens_of[project].add(token)
    by_graph: dict[str, dict[str, Row]] = defaultdict(dict)  # project -> graph -> its row
    for row in summaries:
        iri, graph = row["project"].value, row["g"].value
        held = by_graph[iri].get(graph)
        if held is None or _row_key(row) < _row_key(held):
            by_graph[iri][graph] = row
    graphs_of: dict[str, set[str]] = {iri: set(rows) for iri, rows in by_graph.items()}
    for project, _prop, _value, graph in facet_rows:
        if project in graphs_of:
            graphs_of[project].add(graph)
    languages: dict[str, set[str]] = {}
    next_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM docs").fetchone()[0]) + 1
    for iri in by_graph:  # in the order the store gave them (ids as before)
        rows = sorted(by_graph[iri].values(), key=lambda r: _document_order(iri, r))
        first = rows[0]
        ids[iri] = next_id
        title = first["title"].value
        texts = [row["lemmas"].value if "lemmas" in row else "" for row in rows]
        ftitle = fold(title)
        texts += [fold(row["title"].value) for row in rows[1:]]  # every document's words
        languages[iri] = {row["lang"].value if "lang" in row else "und" for row in rows}
        docs.append(
            (
                next_id,
                iri,
                first["g"].value,
                title,
                first["lang"].value if "lang" in first else "und",
                first["file"].value,
                ftitle,
                " ".join([*texts, *sorted(tokens_of[iri])]),
            )
        )
        next_id += 1
    conn.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", docs)
    conn.executemany(
        "INSERT INTO dgraphs VALUES (?, ?)",
        sorted((ids[iri], g) for iri, graphs in graphs_of.items() for g in graphs),
    )
    conn.executemany(
        "INSERT INTO fts(rowid, ftitle, lemmas) VALUES (?,?,?)",
        ((d[0], d[6], d[7]) for d in docs),
    )
    facets: set[tuple[int, str, str]] = {
        (d[0], "language", lang) for d in docs for lang in languages[d[1]]
    }
    for project, prop, value, _g in facet_rows:
        doc = ids.get(project)
        if doc is None:
            continue
        facet = FACETS[prop]
        if facet != "country":
            code = notation(value)
            if code is None:
                continue
            value = code
        facets.add((doc, facet, value))
    ids_of = {(f, v): i for i, f, v in conn.execute("SELECT id, facet, value FROM fvalues")}
    for _doc, facet, value in facets:
        if (facet, value) not in ids_of:
            cur = conn.execute("INSERT INTO fvalues(facet, value) VALUES (?, ?)", (facet, value))
            ids_of[(facet, value)] = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT OR IGNORE INTO dfacets VALUES (?, ?)",
        sorted((doc, ids_of[(facet, value)]) for doc, facet, value in facets),
    )


def _finish(conn: sqlite3.Connection, version: str) -> None:
    import numpy as np

    conn.execute("UPDATE fvalues SET n = (SELECT COUNT(*) FROM dfacets WHERE fv = fvalues.id)")
    # what every search needs in memory, stored as arrays so a process loads them at once
    pairs = conn.execute("SELECT doc, fv FROM dfacets ORDER BY doc, fv").fetchall()
    order = conn.execute("SELECT id FROM docs ORDER BY title, id").fetchall()
    conn.executemany(
        "INSERT OR REPLACE INTO arrays VALUES (?, ?)",
        [
            ("pairs", np.array(pairs, dtype=np.int32).reshape(-1, 2).tobytes()),
            ("order", np.array(order, dtype=np.int32).reshape(-1).tobytes()),
        ],
    )
    _write_postings(conn)
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("version", version)],
    )


#: an index token as FTS5's unicode61 tokenizer cuts the (already folded) text
TOKEN = re.compile(r"[^\W_]+")
BM25_K1 = 1.2
BM25_B = 0.75
TITLE_WEIGHT, LEMMAS_WEIGHT = 2.0, 1.0


def _write_postings(conn: sqlite3.Connection) -> None:
    """Every token's documents with its count in the title and in the lemmas, and each
    document's length in tokens: what BM25 needs, so a search scores its hits with numpy
    instead of FTS5's ``bm25()`` (1.5 µs per hit: 60 ms for 40k hits at 100k projects).
    ``words`` is the length without concept tokens (the lemmas and title words
    :func:`word_postings` serves to the precedent ranking).
    Rewritten whole after every change (about 10 s at 100k projects)."""
    from array import array

    import numpy as np

    postings: dict[str, tuple[array[int], array[int], array[int]]] = {}
    lengths: list[tuple[int, int, int]] = []
    concept_prefixes = tuple(concept_token(facet, "") for facet in CONCEPT_FACETS)
    for doc, ftitle, lemmas in conn.execute("SELECT id, ftitle, lemmas FROM docs ORDER BY id"):
        in_title = Counter(TOKEN.findall(ftitle))
        in_lemmas = Counter(TOKEN.findall(lemmas))
        total = in_title.total() + in_lemmas.total()
        concepts = sum(n for t, n in in_lemmas.items() if t.startswith(concept_prefixes))
        lengths.append((doc, total, total - concepts))
        for term in in_title.keys() | in_lemmas.keys():
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("i"), array("H"), array("H"))
            entry[0].append(doc)
            entry[1].append(min(in_title.get(term, 0), 65535))
            entry[2].append(min(in_lemmas.get(term, 0), 65535))
    conn.execute("DELETE FROM postings")
    conn.executemany(
        "INSERT INTO postings VALUES (?, ?, ?, ?)",
        ((t, d.tobytes(), a.tobytes(), b.tobytes()) for t, (d, a, b) in postings.items()),
    )
    size = max((d for d, _, _ in lengths), default=0) + 2
    length = np.zeros(size, dtype=np.int32)
    words = np.zeros(size, dtype=np.int32)  # the same without concept tokens
    for doc, n, n_words in lengths:
        length[doc] = n
        words[doc] = n_words
    conn.executemany(
        "INSERT OR REPLACE INTO arrays VALUES (?, ?)",
        [("length", length.tobytes()), ("words", words.tobytes())],
    )


def _build(store: GraphStore, conn: sqlite3.Connection, version: str) -> None:
    summaries, facet_rows = _fetch(store, None)
    with conn:
        for table in ("fts", "dfacets", "dgraphs", "fvalues", "arrays", "postings", "docs", "meta"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.executescript(_SCHEMA)
        _insert(conn, summaries, facet_rows)
        _finish(conn, version)
    conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    conn.commit()


def refresh_index(store: GraphStore, graphs: Iterable[NamedNode], previous_version: str) -> bool:
    """After an ingest: update an index that was current at ``previous_version`` for the
    replaced ``graphs``. Returns whether it did; a missing or older index is left for the
    next search to rebuild."""
    graphs = list(dict.fromkeys(graphs))
    path = index_path(store)
    with _LOCK:
        if path is None:
            conn = _MEMORY.get(store)
            if conn is None:
                return False
        elif path.exists():
            conn = _connect(path)
        else:
            return False
        try:
            if _indexed_version(conn) != previous_version:
                return False
            with conn:
                _recompute(store, conn, graphs)
                _finish(conn, store.version())
            return True
        finally:
            if path is not None:
                conn.close()


def _recompute(store: GraphStore, conn: sqlite3.Connection, graphs: list[NamedNode]) -> None:
    """Rewrite the rows of every project with facts in ``graphs`` (before or now) from all
    of the graphs that hold its facts now, so a project described by several files keeps
    one row combining them when one file is re-ingested or dropped."""
    names = [g.value for g in graphs]
    projects: set[str] = set()
    for i in range(0, len(names), IN_LIST_MAX):  # indexed from these graphs before
        chunk = names[i : i + IN_LIST_MAX]
        marks = ",".join("?" * len(chunk))
        projects.update(
            iri
            for (iri,) in conn.execute(
                "SELECT DISTINCT docs.iri FROM dgraphs JOIN docs ON docs.id = dgraphs.doc"
                f" WHERE dgraphs.graph IN ({marks})",
                chunk,
            )
        )
    for i in range(0, len(graphs), GRAPH_CHUNK):  # in these graphs now
        query = values_query("project_graphs", graphs[i : i + GRAPH_CHUNK])
        projects.update(r["project"].value for r in store.select(query))
    ordered = sorted(projects)
    sources: set[str] = set()  # every graph holding facts of those projects now
    for i in range(0, len(ordered), GRAPH_CHUNK):
        chunk = [NamedNode(p) for p in ordered[i : i + GRAPH_CHUNK]]
        query = values_query("project_graphs", chunk, var="project")
        sources.update(r["g"].value for r in store.select(query))
    _delete_projects(conn, ordered)
    summaries: list[Row] = []
    facet_rows: list[FacetRow] = []
    sorted_sources = [NamedNode(g) for g in sorted(sources)]
    for i in range(0, len(sorted_sources), GRAPH_CHUNK):
        got_summaries, got_facets = _fetch(store, sorted_sources[i : i + GRAPH_CHUNK])
        summaries += got_summaries
        facet_rows += got_facets
    _insert(conn, summaries, facet_rows, projects)


def _delete_projects(conn: sqlite3.Connection, projects: list[str]) -> None:
    old = []
    for i in range(0, len(projects), IN_LIST_MAX):
        chunk = projects[i : i + IN_LIST_MAX]
        marks = ",".join("?" * len(chunk))
        old += conn.execute(
            f"SELECT id, ftitle, lemmas FROM docs WHERE iri IN ({marks})", chunk
        ).fetchall()
    conn.executemany("INSERT INTO fts(fts, rowid, ftitle, lemmas) VALUES ('delete', ?, ?, ?)", old)
    conn.executemany("DELETE FROM dfacets WHERE doc = ?", [(r[0],) for r in old])
    conn.executemany("DELETE FROM dgraphs WHERE doc = ?", [(r[0],) for r in old])
    conn.executemany("DELETE FROM docs WHERE id = ?", [(r[0],) for r in old])


# --------------------------------------------------------------------------- querying
@lru_cache(maxsize=4096)
def query_variants(word: str) -> frozenset[str]:
    """Folded lemmas of a query word in every supported language (plus the word itself)."""
    variants = {fold(word)}
    for lang in SUPPORTED:
        variants.add(fold(lemmatize(word, lang)))
    return frozenset(v for v in variants if v)


CONCEPT_FACETS = ("target-group", "activity-type", "actor-type", "funder")


def concept_token(facet: str, notation: str) -> str:
    """The index token standing for a concept, one alphanumeric word (FTS5 splits on "-").

    >>> concept_token("target-group", "ex-prisoners")
    'zzctargetgroupexprisoners'
    """
    return "zzc" + "".join(ch for ch in f"{facet}{notation}" if ch.isalnum())


@lru_cache(maxsize=1)
def concept_words() -> dict[str, frozenset[str]]:
    """Folded single-word labels (and their lemmas) of every concept, in all six languages.

    This is what makes search cross languages: "vězeň" is a Czech label of the target
    group prisoners, so it also finds Polish or Slovene projects about prisoners.
    """
    from ontology import vocabulary

    out: dict[str, set[str]] = defaultdict(set)
    for scheme, concepts in vocabulary().items():
        for notation, c in concepts.items():
            token = concept_token(scheme, notation)
            for lang in SUPPORTED:
                for label in c.all_labels(lang):
                    if " " in label.strip() or len(label) < 4:
                        continue  # phrases and short acronyms are too loose for one word
                    out[fold(label)].add(token)
                    out[fold(lemmatize(label, lang))].add(token)
    return {k: frozenset(v) for k, v in out.items() if k}


def word_concepts(word: str) -> frozenset[str]:
    """Concept tokens a query word names in any language (empty if none)."""
    table = concept_words()
    found: set[str] = set()
    for variant in query_variants(word):
        found |= table.get(variant, frozenset())
    return frozenset(found)


def match_expression(query: str) -> str | None:
    """FTS5 query: every word must match (AND), any of its lemma variants (OR).

    >>> match_expression("Vězni")
    '("vezen" OR "vezni" OR "zzctargetgroupprisoners")'
    """
    clauses = []
    for options in _clauses(query):
        texts = [" AND ".join(f'"{t}"' for t in group) for group in options]
        clauses.append("(" + " OR ".join(f"({o})" if " " in o else o for o in texts) + ")")
    return " AND ".join(clauses) if clauses else None


def _clauses(query: str) -> list[list[tuple[str, ...]]]:
    """Per query word, its options (lemma variants, then concept tokens), each a group of
    phrases that must all match: a variant of several tokens ("e learning") needs all of
    them (AND, not a phrase)."""
    clauses = []
    for word in query.split():
        if not any(ch.isalnum() for ch in word):
            continue
        variants = sorted(query_variants(word))
        if variants:
            options = [tuple(v.split()) if " " in v else (v,) for v in variants]
            options += [(t,) for t in sorted(word_concepts(word))]
            clauses.append(options)
    return clauses


class _Columns:
    """What a search needs besides the FTS5 match, per index version, as arrays: every (doc,
    facet value) pair sorted by doc (facet counts and filters are vectorised passes) and the
    documents in title order (ranking ties, pages without a query). Both are stored in the
    index as blobs (:func:`_finish`), so a new process has them in milliseconds; the display
    fields of hits are read per page (all at once for big pages)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        import numpy as np

        blobs = dict(conn.execute("SELECT name, data FROM arrays").fetchall())
        pairs = np.frombuffer(blobs["pairs"], dtype=np.int32).reshape(-1, 2).astype(np.int64)
        self.doc = pairs[:, 0]
        self.fv = pairs[:, 1]
        self.order = np.frombuffer(blobs["order"], dtype=np.int32).astype(np.int64)
        length = np.frombuffer(blobs["length"], dtype=np.int32).astype(np.float64)
        self.max_doc = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM docs").fetchone()[0])
        size = self.max_doc + 2
        self.starts = np.searchsorted(self.doc, np.arange(size + 1))
        by_value = np.argsort(self.fv, kind="stable")  # the same pairs grouped by value
        self.value_docs = self.doc[by_value]
        self.names = _facet_values(conn)
        self.value_ids = {name: i for i, name in self.names.items()}
        self.size = max(self.names, default=0) + 1
        self.value_starts = np.searchsorted(self.fv[by_value], np.arange(self.size + 1))
        self.rank = np.full(size, size, dtype=np.int64)  # position in (title, id) order
        self.rank[self.order] = np.arange(len(self.order))
        self.present = np.zeros(size, dtype=bool)
        self.present[self.order] = True
        self.n_docs = len(self.order)
        self.length = np.zeros(size, dtype=np.float64)  # tokens per document (BM25's D)
        self.length[: min(size, len(length))] = length[:size]
        self.avgdl = float(length.sum()) / max(self.n_docs, 1)
        words = np.frombuffer(blobs["words"], dtype=np.int32)
        self.words = np.zeros(size, dtype=np.int64)  # tokens without concept tokens
        self.words[: min(size, len(words))] = words[:size]
        self.iris: list[str] | None = None  # IRI by document id, read on first need
        self.ids: dict[str, int] | None = None
        self.info: dict[int, tuple[str, str, str, str]] = {}
        self.all_info = False
        self.shapes: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {}

    def load_info(self, conn: sqlite3.Connection, ids: list[int]) -> None:
        """Display fields (IRI, title, language, file) of these documents, kept."""
        missing = [] if self.all_info else [i for i in ids if i not in self.info]
        if not missing:
            return
        sql = "SELECT id, iri, title, lang, file FROM docs"
        if len(missing) > IN_LIST_MAX:  # a big page: every document at once
            rows = conn.execute(sql).fetchall()
            self.all_info = True
        else:
            marks = ",".join("?" * len(missing))
            rows = conn.execute(f"{sql} WHERE id IN ({marks})", missing).fetchall()
        for doc, *info in rows:
            self.info[doc] = tuple(info)  # type: ignore[assignment]

    def iri_list(self, conn: sqlite3.Connection) -> list[str]:
        """IRI by document id ("" for ids without a document), read once."""
        if self.iris is None:
            iris = [""] * (self.max_doc + 2)
            for doc, iri in conn.execute("SELECT id, iri FROM docs"):
                iris[doc] = iri
            self.iris = iris
        return self.iris

    def id_map(self, conn: sqlite3.Connection) -> dict[str, int]:
        """Document id by IRI, built once."""
        if self.ids is None:
            self.ids = {iri: doc for doc, iri in enumerate(self.iri_list(conn)) if iri}
        return self.ids

    def mask(self, ids: Any) -> Any:
        import numpy as np

        out = np.zeros(self.max_doc + 2, dtype=bool)
        out[ids] = True
        return out

    def filtered(self, filters: dict[str, list[str]] | None) -> Any:
        """Boolean doc mask of the facet filters (AND across facets, OR within), or None."""
        import numpy as np

        out = None
        for facet, values in (filters or {}).items():
            if not values:
                continue
            wanted = [self.value_ids[(facet, v)] for v in values if (facet, v) in self.value_ids]
            mask = np.zeros(self.max_doc + 2, dtype=bool)
            for fv in wanted:
                mask[self.value_docs[self.value_starts[fv] : self.value_starts[fv + 1]]] = True
            out = mask if out is None else out & mask
        return out

    def counts(self, hits: Any) -> dict[str, Counter[str]]:
        """Facet value counts over the hit documents: a pass over all pairs for big hit sets,
        over the hits' own pairs (gathered by document) for small ones."""
        import numpy as np

        if len(hits) * 4 > self.n_docs:
            values = self.fv[self.mask(hits)[self.doc]]
        else:
            first, lens = self.starts[hits], self.starts[hits + 1] - self.starts[hits]
            ends = np.cumsum(lens)
            values = self.fv[np.repeat(first - ends + lens, lens) + np.arange(int(ends[-1]))]
        tally = np.bincount(values, minlength=self.size)
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for fv in np.flatnonzero(tally):
            facet, value = self.names[int(fv)]
            out[facet][value] = int(tally[fv])
        return dict(out)

    def hit(self, doc: int, score: float) -> Hit:
        shape = self.shapes.get(doc)
        if shape is None:  # sorted (facet, values) of the document, kept for the next page
            facets: dict[str, list[str]] = defaultdict(list)
            for fv in self.fv[self.starts[doc] : self.starts[doc + 1]].tolist():
                facet, value = self.names[fv]
                facets[facet].append(value)
            shape = self.shapes[doc] = tuple(
                (k, tuple(sorted(v))) for k, v in sorted(facets.items())
            )
        info = self.info.get(doc) or ("", "", "und", "")
        return Hit(*info, round(score, 4), {k: list(v) for k, v in shape})


_COLUMNS: dict[tuple[str, str], _Columns] = {}


def _columns(conn: sqlite3.Connection) -> _Columns:
    path = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
    key = (path, _indexed_version(conn) or "")
    with _LOCK:
        columns = _COLUMNS.get(key)
        if columns is None:
            for old in [k for k in _COLUMNS if k[0] == path]:
                del _COLUMNS[old]
            columns = _COLUMNS[key] = _Columns(conn)
    return columns


#: result orders: the index's own (BM25 then title; title without words) and orders on
#: per-project columns (title A–Z, years, organisations) that need the analytics projection
SORTS = ("relevance", "title", "newest", "oldest", "organisations")
#: the year facet: years a project ran (analytics projection), a filter like the others
YEAR = "year"


class _SortKeys:
    """Per-document columns for the orders other than relevance and for the year filter,
    built once per (index version, projection version): casefolded title rank and group,
    first/last year, number of organisations (every role, as the search page counts them)
    and the documents of each year."""

    def __init__(self, conn: sqlite3.Connection, cols: _Columns, proj: Any) -> None:
        import numpy as np

        size = cols.max_doc + 2
        rows = conn.execute("SELECT id, iri, title FROM docs").fetchall()
        folded = sorted((title.casefold(), iri, doc) for doc, iri, title in rows)
        self.title_rank = np.full(size, size, dtype=np.int64)  # (casefolded title, IRI)
        self.title_group = np.zeros(size, dtype=np.int64)  # equal casefolded titles: equal
        group, last = -1, None
        for i, (title, _, doc) in enumerate(folded):
            if title != last:
                group, last = group + 1, title
            self.title_rank[doc] = i
            self.title_group[doc] = group
        self.dated = np.zeros(size, dtype=bool)
        self.first_year = np.zeros(size, dtype=np.int64)
        self.last_year = np.zeros(size, dtype=np.int64)
        self.organisations = np.zeros(size, dtype=np.int64)
        year_docs: dict[str, list[int]] = defaultdict(list)
        for doc, iri, _ in rows:
            rec = proj.projects.get(iri)
            if rec is not None and rec.years:
                self.dated[doc] = True
                self.first_year[doc] = min(rec.years)
                self.last_year[doc] = max(rec.years)
                for year in rec.years:
                    year_docs[str(year)].append(doc)
            self.organisations[doc] = len(proj.members.get(iri, ()))
        self.year_docs = {y: np.array(d, dtype=np.int64) for y, d in year_docs.items()}

    def order(self, sort: str, hits: Any) -> Any:
        """Positions of ``hits`` (given in relevance order) in ``sort`` order: the search
        page's sort keys, ties kept in relevance order (a stable sort)."""
        import numpy as np

        rel = np.arange(len(hits))
        if sort == "title":
            return np.argsort(self.title_rank[hits], kind="stable")
        group = self.title_group[hits]
        if sort == "organisations":
            return np.lexsort((rel, group, -self.organisations[hits]))
        dated = self.dated[hits]
        year = -self.last_year[hits] if sort == "newest" else self.first_year[hits]
        # dated first (by year, then title), the undated after them in relevance order
        return np.lexsort((rel, np.where(dated, group, 0), np.where(dated, year, 0), ~dated))

    def years_mask(self, cols: _Columns, years: Iterable[str]) -> Any:
        import numpy as np

        out = np.zeros(cols.max_doc + 2, dtype=bool)
        for year in years:
            docs = self.year_docs.get(str(year))
            if docs is not None:
                out[docs] = True
        return out


_SORT_KEYS: dict[tuple[str, str, str], _SortKeys] = {}


def _sort_keys(store: GraphStore, conn: sqlite3.Connection, cols: _Columns) -> _SortKeys:
    from graph.projection import projection

    proj = projection(store)
    path = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
    key = (path, _indexed_version(conn) or "", proj.version)
    with _LOCK:
        keys = _SORT_KEYS.get(key)
        if keys is None:
            for old in [k for k in _SORT_KEYS if k[0] == path]:
                del _SORT_KEYS[old]
            keys = _SORT_KEYS[key] = _SortKeys(conn, cols, proj)
    return keys


@dataclass
class _Selection:
    """A search's hits in the requested order (document ids) with their BM25 scores."""

    hits: Any
    scores: Any  # None without words
    order: Any  # None: ``hits`` is already in the requested order; else positions


def _select(
    store: GraphStore,
    conn: sqlite3.Connection,
    cols: _Columns,
    query: str,
    filters: dict[str, list[str]] | None,
    sort: str,
    within: Iterable[str] | None,
) -> _Selection:
    import numpy as np

    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    expression = match_expression(query)
    active = {k: list(v) for k, v in (filters or {}).items() if v}
    years = active.pop(YEAR, None)
    keys = _sort_keys(store, conn, cols) if years or sort != "relevance" else None
    extra = None
    if keys is not None and years:
        extra = keys.years_mask(cols, years)
    if within is not None:
        ids = cols.id_map(conn)
        allowed = cols.mask([ids[p] for p in within if p in ids])
        extra = allowed if extra is None else extra & allowed
    hits, scores = _hits(conn, cols, query, expression, active, extra)
    order = None if scores is None else np.lexsort((cols.rank[hits], -scores))
    if keys is not None and sort != "relevance":
        ranked = hits if order is None else hits[order]
        by_sort = keys.order(sort, ranked)
        order = by_sort if order is None else order[by_sort]
    return _Selection(hits, scores, order)


def search(
    store: GraphStore,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    limit: int = 50,
    offset: int = 0,
    sort: str = "relevance",
    within: Iterable[str] | None = None,
) -> SearchResult:
    """Projects matching every query word (any language) and all facet filters.

    Ranked by BM25 (title weighted 2, lemmas 1), then title; without a query, by title.
    ``sort`` (one of :data:`SORTS`) orders by title A–Z, newest or oldest year (undated
    projects last) or most organisations instead, ties in relevance order. ``filters`` may
    hold ``year`` (years a project ran, any of them); ``within`` keeps only those project
    IRIs. Facet counts cover the index facets (not ``year``). Only the page is built."""
    limit, offset = max(limit, 0), max(offset, 0)
    plain = not match_expression(query) and not any((filters or {}).values())
    with _open(store) as conn:
        cols = _columns(conn)
        if plain and within is None and sort == "relevance":
            return _everything(conn, cols, limit, offset)
        chosen_rows = _select(store, conn, cols, query, filters, sort, within)
        hits, scores, order = chosen_rows.hits, chosen_rows.scores, chosen_rows.order
        total = len(hits)
        counts = cols.counts(hits) if total else {}
        end = offset + limit
        positions = range(offset, min(end, total)) if order is None else order[offset:end]
        chosen = [(int(hits[i]), 0.0 if scores is None else float(scores[i])) for i in positions]
        cols.load_info(conn, [doc for doc, _ in chosen])
        page_hits = [cols.hit(doc, score) for doc, score in chosen]
    return SearchResult(page_hits, counts, total)


@dataclass
class SearchCounts:
    """What a search page shows above and beside the hits."""

    total: int  # projects matching the words, ``within`` and every filter
    matching: int  # projects matching the words and ``within`` (no facet filter)
    facets: dict[str, Counter[str]]  # a facet with a selection counts as if unselected


def search_counts(
    store: GraphStore,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    within: Iterable[str] | None = None,
    years: bool = True,
) -> SearchCounts:
    """Totals and facet counts for a search page, the ``year`` facet included (``years``;
    from the analytics projection): values of a facet with a selection are counted over
    the projects matching every other filter, so they show what choosing them would add.
    The words are matched once; each filter combination is a mask over those hits."""
    active = {k: list(v) for k, v in (filters or {}).items() if v}
    with _open(store) as conn:
        cols = _columns(conn)
        keys = _sort_keys(store, conn, cols) if years or YEAR in active else None
        base_mask = None
        if within is not None:
            ids = cols.id_map(conn)
            base_mask = cols.mask([ids[p] for p in within if p in ids])
        base, _ = _hits(conn, cols, query, match_expression(query), {}, base_mask)

        def narrowed(skip: str | None) -> Any:
            wanted = {f: v for f, v in active.items() if f not in (skip, YEAR)}
            mask = cols.filtered(wanted)
            if keys is not None and YEAR in active and skip != YEAR:
                year_mask = keys.years_mask(cols, active[YEAR])
                mask = year_mask if mask is None else mask & year_mask
            return base if mask is None else base[mask[base]]

        hits = narrowed(None)
        counts = cols.counts(hits) if len(hits) else {}
        for facet in active:
            if facet != YEAR:
                others = narrowed(facet)
                counts.pop(facet, None)
                if len(others) and (found := cols.counts(others).get(facet)):
                    counts[facet] = found
        if keys is not None and years:
            in_hits = cols.mask(narrowed(YEAR))
            tally = Counter(
                {y: n for y, d in keys.year_docs.items() if (n := int(in_hits[d].sum()))}
            )
            if tally:
                counts[YEAR] = tally
    return SearchCounts(len(hits), len(base), counts)


def _hits(
    conn: sqlite3.Connection,
    cols: _Columns,
    query: str,
    expression: str | None,
    active: dict[str, list[str]],
    extra: Any = None,
) -> tuple[Any, Any]:
    """The documents matching the words, the facet filters and the ``extra`` document mask,
    and their BM25 scores (``None`` without words: then the documents are already in title
    order)."""
    mask = cols.filtered(active)
    if extra is not None:
        mask = extra if mask is None else mask & extra
    if expression is None:
        return (cols.order[mask[cols.order]] if mask is not None else cols.order), None
    hits, scores = _match(conn, cols, expression, _clauses(query))
    keep = cols.present[hits] if mask is None else cols.present[hits] & mask[hits]
    return hits[keep], scores[keep]


def hit_projects(
    store: GraphStore,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    within: Iterable[str] | None = None,
) -> list[str]:
    """The IRIs of every project :func:`search` finds, in its (relevance) order, without
    building a :class:`Hit` per project (what a page needs for counts over all hits, e.g.
    years)."""
    with _open(store) as conn:
        cols = _columns(conn)
        chosen = _select(store, conn, cols, query, filters, "relevance", within)
        hits = chosen.hits if chosen.order is None else chosen.hits[chosen.order]
        iris = cols.iri_list(conn)
    return [iris[d] for d in hits.tolist()]


@dataclass
class WordPostings:
    """The index's folded lemmas and title words per project, for a ranker of its own
    (:mod:`graph.precedents`): the projects that contain each chosen term with the term's
    count (title and lemmas together), every project's length in words, and their mean.
    Concept tokens are left out of lengths and never chosen."""

    n_docs: int
    avg_length: float  # mean words per project
    df: dict[str, int]  # every asked term the index holds -> projects containing it
    terms: list[str]  # the chosen terms, in the chooser's order
    docs: dict[str, Any]  # chosen term -> document ids (sorted int64 array)
    tf: dict[str, Any]  # chosen term -> its count in each of those documents (float64)
    length: Any  # words per document id (int64 array)
    iris: list[str]  # IRI per document id


def word_postings(
    store: GraphStore,
    terms: Iterable[str],
    choose: Any = None,
) -> WordPostings:
    """Postings of some words, read from the search index (kept in step with the store, so
    nothing is built here). ``choose(df, n_docs)`` picks, from the document frequencies of
    the asked terms the index holds, the terms whose postings to read (default: all)."""
    import numpy as np

    wanted = sorted({t for t in terms if t and not t.startswith("zzc")})
    with _open(store) as conn:
        cols = _columns(conn)
        df: dict[str, int] = {}
        for i in range(0, len(wanted), IN_LIST_MAX):
            chunk = wanted[i : i + IN_LIST_MAX]
            marks = ",".join("?" * len(chunk))
            df.update(
                conn.execute(
                    f"SELECT term, length(docs) / 4 FROM postings WHERE term IN ({marks})", chunk
                ).fetchall()
            )
        chosen = list(df) if choose is None else list(choose(df, cols.n_docs))
        docs: dict[str, Any] = {}
        tf: dict[str, Any] = {}
        for term in chosen:
            row = conn.execute(
                "SELECT docs, title, lemmas FROM postings WHERE term = ?", (term,)
            ).fetchone()
            docs[term] = np.frombuffer(row[0], dtype=np.int32).astype(np.int64)
            tf[term] = np.frombuffer(row[1], dtype=np.uint16).astype(np.float64) + np.frombuffer(
                row[2], dtype=np.uint16
            ).astype(np.float64)
        iris = cols.iri_list(conn)
        total = int(cols.words.sum())
    return WordPostings(
        n_docs=cols.n_docs,
        avg_length=(total / max(cols.n_docs, 1)) or 1.0,
        df=df,
        terms=chosen,
        docs=docs,
        tf=tf,
        length=cols.words,
        iris=iris,
    )


def _match(
    conn: sqlite3.Connection, cols: _Columns, expression: str, clauses: list[list[tuple[str, ...]]]
) -> tuple[Any, Any]:
    """Documents matching the FTS5 expression and their BM25 scores (higher is better)."""
    import numpy as np

    groups = [group for options in clauses for group in options]
    if not all(TOKEN.fullmatch(t) for group in groups for t in group):  # FTS5 scores those
        rows = conn.execute(
            "SELECT rowid, -bm25(fts, ?, ?) FROM fts WHERE fts MATCH ?",
            (TITLE_WEIGHT, LEMMAS_WEIGHT, expression),
        ).fetchall()
        found = np.array(rows, dtype=np.float64).reshape(-1, 2)
        return found[:, 0].astype(np.int64), found[:, 1]
    rows = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)).fetchall()
    hits = np.array(rows, dtype=np.int64).reshape(-1)
    return hits, _bm25(conn, cols, groups, hits)


def _bm25(
    conn: sqlite3.Connection, cols: _Columns, groups: list[tuple[str, ...]], hits: Any
) -> Any:
    """FTS5's ``bm25(fts, 2.0, 1.0)``, negated, from the postings: the same formula in the
    same order of operations (k1 1.2, b 0.75; a phrase's frequency is its weighted count in
    each column; D is the document's length, avgdl the mean), so the same numbers. As in
    FTS5, the phrases of an AND group count in a document only where the whole group
    matches."""
    import numpy as np

    k1, b = BM25_K1, BM25_B
    norm = k1 * (1 - b + b * cols.length[hits] / cols.avgdl) if cols.avgdl else 0.0
    found: dict[str, tuple[float, Any]] = {}
    score = np.zeros(len(hits), dtype=np.float64)
    for group in groups:  # in the expression's order, repeats included, as FTS5 sums them
        for term in group:
            if term in found:
                continue
            row = conn.execute(
                "SELECT docs, title, lemmas FROM postings WHERE term = ?", (term,)
            ).fetchone()
            freq = np.zeros(len(hits), dtype=np.float64)
            n_hit = 0 if row is None else len(row[0]) // 4
            if row is not None and len(hits):
                docs = np.frombuffer(row[0], dtype=np.int32)
                n_hit = len(docs)
                at = np.minimum(np.searchsorted(docs, hits), n_hit - 1)
                here = docs[at] == hits
                title = np.frombuffer(row[1], dtype=np.uint16)[at].astype(np.float64)
                lemmas = np.frombuffer(row[2], dtype=np.uint16)[at].astype(np.float64)
                freq = np.where(here, TITLE_WEIGHT * title + LEMMAS_WEIGHT * lemmas, 0.0)
            idf = math.log((cols.n_docs - n_hit + 0.5) / (n_hit + 0.5))
            found[term] = (idf if idf > 0.0 else 1e-6, freq)
        whole = np.ones(len(hits), dtype=bool)
        if len(group) > 1:
            for term in group:
                whole &= found[term][1] > 0
        for term in group:
            idf, freq = found[term]
            freq = freq if len(group) == 1 else np.where(whole, freq, 0.0)
            score += idf * ((freq * (k1 + 1.0)) / (freq + norm))
    return score


def _everything(conn: sqlite3.Connection, cols: _Columns, limit: int, offset: int) -> SearchResult:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for facet, value, n in conn.execute("SELECT facet, value, n FROM fvalues WHERE n > 0"):
        counts[facet][value] = n
    page = [int(d) for d in cols.order[offset : offset + limit]]
    cols.load_info(conn, page)
    return SearchResult([cols.hit(d, 0.0) for d in page], dict(counts), cols.n_docs)


def _facet_values(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    return {i: (f, v) for i, f, v in conn.execute("SELECT id, facet, value FROM fvalues")}


def project_lemmas(store: GraphStore, project: str) -> list[str]:
    """The folded lemmas (and title words) of one project, as the index holds them."""
    with _open(store) as conn:
        row = conn.execute("SELECT ftitle, lemmas FROM docs WHERE iri = ?", (project,)).fetchone()
    if row is None:
        return []
    return row[1].split() + row[0].split()


class _TokenView:
    """``tokens.get(project)`` for callers of the former in-memory index."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def get(self, project: str, default: object = ()) -> Counter[str] | object:
        words = project_lemmas(self.store, project)
        return Counter(words) if words else default


@dataclass
class IndexView:
    tokens: _TokenView


def token_view(store: GraphStore) -> IndexView:
    """Compatibility: ``token_view(store).tokens.get(project)`` -> Counter of lemmas."""
    return IndexView(_TokenView(store))


_index = token_view  # the former in-memory index's name (graph/gaps.py reads .tokens)
