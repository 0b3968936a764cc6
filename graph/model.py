"""The RDF model a store's document graphs are written in, and the upgrade of older stores.

Model 2 (this code) differs from model 1 in two ways that change what queries find:

* evidence names its extractor and confidence through a method node
  (``ev pg:method m . m pg:extractor "…" ; pg:confidence 0.80``, the node described once in
  each graph that uses it) instead of carrying both itself;
* a participation is found from its project with ``?part pg:project ?project``: the project
  no longer links to it (``pg:participation``) and ``rdf:type pg:Participation`` is not
  written (the domain of ``pg:project`` implies it).

Queries written for model 2 would silently miss the evidence and organisations of a model-1
store, so every store the command line or the app opens is checked (:func:`ensure_model`):
the model is stamped on the store node of the meta graph (``pg:modelVersion``); a store with
documents and no stamp was written before the stamp existed and is looked at. A model-1
store opened for writing is upgraded in place (one SPARQL update, one transaction); opened
read-only it is refused with a one-line reason that says how to upgrade it.

>>> from graph.store import open_store
>>> store = open_store(":memory:")
>>> ensure_model(store)
>>> stamped_model(store) == MODEL_VERSION
True
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from graph.store import META_GRAPH, STORE_NODE, GraphStore, StoreError, term_sparql
from ingest.rdf import method_iri
from ontology.namespaces import PG, XSD

#: the model ingest/rdf.py writes
MODEL_VERSION = 2
MODEL = NamedNode(str(PG.modelVersion))

_PREFIX = "PREFIX pg: <https://w3id.org/praxisgraph/ns#>\n"

#: any model-1 pattern: a project's link to its participation, a typed participation, or
#: the extractor on evidence itself (one evidence node is enough: a store is upgraded whole,
#: in one transaction, before anything new is written into it; looking at all of them
#: took a second on 100k projects)
_OLD_PATTERNS = (
    _PREFIX
    + """ASK {
  { GRAPH ?g { ?project pg:participation ?part } }
  UNION { GRAPH ?g { ?part a pg:Participation } }
  UNION {
    { SELECT ?g ?ev WHERE { GRAPH ?g { ?s pg:evidence ?ev } } LIMIT 1 }
    GRAPH ?g { ?ev pg:extractor ?extractor }
  }
}"""
)


class OldModelError(StoreError):
    """The store holds graphs in an older RDF model and is open read-only."""


def stamped_model(store: GraphStore) -> int | None:
    """The model stamped on the store, or None (an empty store, or one from before stamps)."""
    rows = store.select(
        "SELECT ?v WHERE { GRAPH ?g { ?s ?p ?v } }", g=META_GRAPH, s=STORE_NODE, p=MODEL
    )
    return max(int(r["v"].value) for r in rows) if rows else None


def has_old_model(store: GraphStore) -> bool:
    """Whether any graph holds model-1 quads (looked at, whatever the stamp says)."""
    return bool(store.ask(_OLD_PATTERNS))


def _stamp_sparql() -> str:
    meta, node = term_sparql(META_GRAPH), term_sparql(STORE_NODE)
    value = term_sparql(Literal(str(MODEL_VERSION), datatype=NamedNode(str(XSD.integer))))
    return (
        f"DELETE WHERE {{ GRAPH {meta} {{ {node} {term_sparql(MODEL)} ?v }} }} ;\n"
        f"INSERT DATA {{ GRAPH {meta} {{ {node} {term_sparql(MODEL)} {value} }} }}"
    )


def ensure_model(store: GraphStore, look: bool = False, upgrade: bool | None = None) -> None:
    """Make sure queries read the store right: stamp a current store, upgrade a model-1
    store opened for writing, refuse (:class:`OldModelError`) one opened read-only.

    ``look``: look at the graphs even if the stamp is current (after a bulk load of
    N-Quads, which may come from an older store's dump). ``upgrade=False``: only check,
    never write (the app's reader); default: upgrade unless the store is read-only.
    """
    if upgrade is None:
        upgrade = not getattr(store, "read_only", False)
    stamp = stamped_model(store)
    if stamp is not None and stamp > MODEL_VERSION:
        raise StoreError(
            f"the store at {store.location} was written by a newer praxisgraph (RDF model "
            f"{stamp}; this version reads model {MODEL_VERSION}): upgrade praxisgraph"
        )
    if stamp == MODEL_VERSION and not look:
        return
    old = store.has_documents() and has_old_model(store)
    if not upgrade:
        if old:
            raise OldModelError(
                f"the store at {store.location} was written by an older praxisgraph (RDF "
                f"model 1): run `praxis migrate --store {store.location}` once to upgrade it"
            )
        return
    if old:
        migrate(store)
    elif stamp != MODEL_VERSION:
        store.update(_stamp_sparql())


def migrate(store: GraphStore) -> dict[str, int]:
    """Rewrite model-1 graphs as model 2 in one transaction, stamp the model and a new store
    version (caches follow). Idempotent: model-2 graphs match none of its patterns.

    Returns the number of method nodes used and of participations and evidence rewritten.
    """
    counts = {
        "participations": _count(store, "?project pg:participation ?part"),
        "evidence": _count(store, "?s pg:evidence ?ev . ?ev pg:extractor ?x"),
    }
    pairs = store.select(
        _PREFIX
        + """SELECT DISTINCT ?x ?c WHERE { GRAPH ?g {
               ?s pg:evidence ?ev . ?ev pg:extractor ?x ; pg:confidence ?c } }"""
    )
    counts["methods"] = len(pairs)
    parts = [
        "DELETE { GRAPH ?g { ?project pg:participation ?part } } "
        "WHERE { GRAPH ?g { ?project pg:participation ?part } }",
        "DELETE { GRAPH ?g { ?part a pg:Participation } } "
        "WHERE { GRAPH ?g { ?part a pg:Participation ; pg:project ?project } }",
    ]
    if pairs:
        rows = " ".join(
            f"({term_sparql(r['x'])} {term_sparql(r['c'])} "
            f"{term_sparql(method_iri(r['x'].value, float(r['c'].value)))})"
            for r in pairs
        )
        parts.append(
            "DELETE { GRAPH ?g { ?ev pg:extractor ?x ; pg:confidence ?c } }\n"
            "INSERT { GRAPH ?g { ?ev pg:method ?m . ?m pg:extractor ?x ; pg:confidence ?c } }\n"
            f"WHERE {{ VALUES (?x ?c ?m) {{ {rows} }}\n"
            "  GRAPH ?g { ?s pg:evidence ?ev . ?ev pg:extractor ?x ; pg:confidence ?c } }"
        )
    parts.append(_stamp_sparql())
    store.update(_PREFIX + " ;\n".join(parts))
    store.replace_graphs({})  # a new store version: caches keyed by it are rebuilt
    return counts


def _count(store: GraphStore, pattern: str) -> int:
    rows = store.select(_PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {pattern} }} }}")
    return int(rows[0]["n"].value)
