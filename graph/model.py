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

from pyoxigraph import NamedNode

from graph.store import META_GRAPH, STORE_NODE, GraphStore, StoreError
from ontology.namespaces import PG

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


#: the stamp of the current model (the integer is MODEL_VERSION; the doctest above checks it)
_STAMP = """DELETE WHERE { GRAPH <https://w3id.org/praxisgraph/graph/meta> {
  <https://w3id.org/praxisgraph/graph/meta#store> <https://w3id.org/praxisgraph/ns#modelVersion> ?v
} } ;
INSERT DATA { GRAPH <https://w3id.org/praxisgraph/graph/meta> {
  <https://w3id.org/praxisgraph/graph/meta#store> <https://w3id.org/praxisgraph/ns#modelVersion> 2
} }"""

#: model 1 -> 2 in one update: the project links and participation types go; extractor and
#: confidence move from each evidence node to its method node (IRI as ingest.rdf.method_iri
#: makes it: the extractor percent-encoded, the confidence with two decimals)
_MIGRATE = (
    _PREFIX
    + """DELETE { GRAPH ?g { ?project pg:participation ?part } }
WHERE { GRAPH ?g { ?project pg:participation ?part } } ;
DELETE { GRAPH ?g { ?part a pg:Participation } }
WHERE { GRAPH ?g { ?part a pg:Participation ; pg:project ?project } } ;
DELETE { GRAPH ?g { ?ev pg:extractor ?x ; pg:confidence ?c } }
INSERT { GRAPH ?g { ?ev pg:method ?m . ?m pg:extractor ?x ; pg:confidence ?c } }
WHERE {
  GRAPH ?g { ?s pg:evidence ?ev . ?ev pg:extractor ?x ; pg:confidence ?c }
  BIND(STR(?c) AS ?canonical)
  BIND(IF(CONTAINS(?canonical, "."), ?canonical, CONCAT(?canonical, ".")) AS ?dotted)
  BIND(SUBSTR(CONCAT(?dotted, "00"), 1, STRLEN(STRBEFORE(?dotted, ".")) + 3) AS ?two)
  BIND(IRI(CONCAT("https://w3id.org/praxisgraph/id/method/", ENCODE_FOR_URI(?x), "/", ?two))
       AS ?m)
}"""
)

_COUNTS = (
    _PREFIX
    + """SELECT
  (COUNT(DISTINCT ?part) AS ?participations) (COUNT(DISTINCT ?ev) AS ?evidence)
  (COUNT(DISTINCT ?method) AS ?methods)
WHERE {
  { GRAPH ?g { ?project pg:participation ?part } }
  UNION { GRAPH ?g { ?s pg:evidence ?ev . ?ev pg:extractor ?x ; pg:confidence ?c }
          BIND(CONCAT(STR(?x), " ", STR(?c)) AS ?method) }
}"""
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
        store.update(_STAMP)


def migrate(store: GraphStore) -> dict[str, int]:
    """Rewrite model-1 graphs as model 2 in one transaction, stamp the model and a new store
    version (caches follow). Idempotent: model-2 graphs match none of its patterns.

    Returns the number of method nodes used and of participations and evidence rewritten.
    """
    row = store.select(_COUNTS)[0]
    counts = {k: int(row[k].value) for k in ("participations", "evidence", "methods")}
    store.update(_MIGRATE + " ;\n" + _STAMP)
    store.replace_graphs({})  # a new store version: caches keyed by it are rebuilt
    return counts
