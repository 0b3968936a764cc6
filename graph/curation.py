"""Reviewer curation of organisation identity, kept in the ``GRAPH["curation"]`` named graph.

Ingest only ever replaces document graphs, so the curation graph survives every
re-ingest, and ingest applies it to every document it writes
(:func:`graph.resolve.resolve_extraction` reads it through :func:`load_curation`):

* **merge** A into B: ``A owl:sameAs B``. Mentions that resolve to A are written as B;
  the document graphs already in the store are rewritten in the same transaction. A stays
  a valid alias (``canonical_iri(store, A) == B``), so old links keep working.
* **split** a name off an organisation: ``N skos:hiddenLabel "name"`` pins mentions with
  that name to a new IRI N (and drops a merge that would fold N back).
* **rename**: ``B skos:prefLabel "name"`` overrides the display label.
* **parent**: ``A org:subOrganizationOf B`` sets a unit's parent by hand.

Every change is one :meth:`GraphStore.replace_graphs` transaction (curation graph plus the
rewritten document graphs), so a crash leaves either the old or the new state.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from graph.resolve import (
    Curation,
    authority_index,
    name_key,
    org_iri,
    organisation_key,
)
from graph.store import GraphStore, Term
from ontology.namespaces import GRAPH, ORG, OWL, SKOS

CURATION_GRAPH = NamedNode(str(GRAPH["curation"]))
DOC_GRAPH_PREFIX = str(GRAPH["doc/"])
SAME_AS = NamedNode(str(OWL.sameAs))
HIDDEN = NamedNode(str(SKOS.hiddenLabel))
PREF = NamedNode(str(SKOS.prefLabel))
PARENT = NamedNode(str(ORG.subOrganizationOf))


class CurationError(ValueError):
    """A curation request that cannot be applied (one-line reason)."""


def load_curation(store: GraphStore) -> Curation:
    """The curation rules in the store (empty when there are none)."""
    curation = Curation()
    for q in store.quads(CURATION_GRAPH):
        s, p, o = q.subject.value, q.predicate, q.object
        if p == SAME_AS:
            curation.aliases[s] = o.value
        elif p == HIDDEN:
            curation.pins[name_key(o.value)] = s
        elif p == PREF:
            curation.renames[s] = o.value
        elif p == PARENT:
            curation.parents[s] = o.value
    return curation


def canonical_iri(store: GraphStore, iri: str) -> str:
    """The surviving IRI of an organisation (itself unless it was merged away)."""
    return load_curation(store).canonical(iri)


def known_organisation(store: GraphStore, iri: str) -> bool:
    """Named in a document graph, in the authority file, or in the curation graph."""
    node = NamedNode(iri)
    if iri in authority_index().bodies:
        return True
    return store.ask("ASK WHERE { GRAPH ?g { { ?org ?p ?o } UNION { ?s ?p ?org } } }", org=node)


def _doc_graphs_with(store: GraphStore, iri: str) -> list[NamedNode]:
    rows = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?org ?p ?o } UNION { ?s ?p ?org } } }",
        org=NamedNode(iri),
    )
    return sorted(
        (r["g"] for r in rows if r["g"].value.startswith(DOC_GRAPH_PREFIX)),
        key=lambda g: g.value,
    )


def _swap(quads: Iterable[Quad], old: NamedNode, new: NamedNode) -> list[Quad]:
    out = []
    for q in quads:
        s = new if q.subject == old else q.subject
        o = new if q.object == old else q.object
        out.append(Quad(s, q.predicate, o, q.graph_name))
    return out


def _dedupe(quads: Iterable[Quad]) -> list[Quad]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for q in quads:
        key = (str(q.subject), str(q.predicate), str(q.object))
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def merge(store: GraphStore, source: str, target: str) -> dict[str, object]:
    """Merge organisation ``source`` into ``target``; ``source`` becomes an alias."""
    return merge_many(store, [(source, target)])[0]


def merge_many(store: GraphStore, pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
    """Several merges (``(source, target)``, applied in order) in one transaction."""
    curation = load_curation(store)
    rules = store.quads(CURATION_GRAPH)
    graphs: dict[NamedNode, list[Quad]] = {}
    results: list[dict[str, object]] = []
    for source, target in pairs:
        survivor = curation.canonical(target)
        if curation.canonical(source) == survivor:
            raise CurationError(f"{source} and {target} are already one organisation")
        if survivor == source:
            raise CurationError(f"{target} was merged into {source}; merge the other way")
        for iri in (source, target):
            if not known_organisation(store, iri):
                raise CurationError(f"unknown organisation {iri}")
        src, dst = NamedNode(source), NamedNode(survivor)
        rules = [q for q in rules if not (q.subject == src and q.predicate in (SAME_AS, PREF))]
        # aliases, pins and parents that pointed at the source now point at the survivor
        rules = _swap(rules, src, dst)
        rules = [q for q in rules if not (q.predicate == SAME_AS and q.subject == q.object)]
        rules.append(Quad(src, SAME_AS, dst, CURATION_GRAPH))
        curation.aliases[source] = survivor
        rewritten = 0
        for g in _doc_graphs_with(store, source):
            quads = graphs[g] if g in graphs else store.quads(g)
            graphs[g] = _dedupe(_swap(quads, src, dst))
            rewritten += 1
        for g, quads in graphs.items():  # graphs already rewritten in this batch
            if any(q.subject == src or q.object == src for q in quads):
                graphs[g] = _dedupe(_swap(quads, src, dst))
        results.append({"merged": source, "into": survivor, "documents_rewritten": rewritten})
    store.replace_graphs({CURATION_GRAPH: _dedupe(rules), **graphs})
    return results


def split(store: GraphStore, iri: str, name: str, new_iri: str | None = None) -> dict[str, object]:
    """Move the mentions named ``name`` off organisation ``iri`` to their own IRI.

    The name is pinned (``skos:hiddenLabel``) to the new IRI, so every later ingest puts
    mentions with that name there too.
    """
    key = name_key(name)
    if not key:
        raise CurationError("empty name")
    target = new_iri or org_iri(organisation_key(name))
    if target == iri:
        raise CurationError(f"{name!r} is the name {iri} was minted from; give a new IRI")
    old, new = NamedNode(iri), NamedNode(target)
    rules = [
        q
        for q in store.quads(CURATION_GRAPH)
        if not (q.subject == new and q.predicate == SAME_AS)
        and not (q.predicate == HIDDEN and name_key(q.object.value) == key)
    ]
    rules.append(Quad(new, HIDDEN, Literal(name), CURATION_GRAPH))
    graphs: dict[NamedNode, list[Quad]] = {CURATION_GRAPH: _dedupe(rules)}
    for g in _doc_graphs_with(store, iri):
        quads = store.quads(g)
        labels = [q.object.value for q in quads if q.subject == old and q.predicate == PREF]
        if any(name_key(label) == key for label in labels):
            graphs[g] = _swap(quads, old, new)
    if len(graphs) == 1:
        raise CurationError(f"no document names {iri} as {name!r}")
    store.replace_graphs(graphs)
    return {"split": iri, "name": name, "into": target, "documents_rewritten": len(graphs) - 1}


def rename(store: GraphStore, iri: str, label: str) -> dict[str, object]:
    """Set the display label of an organisation (kept across re-ingests)."""
    label = " ".join(label.split())
    if not label:
        raise CurationError("empty label")
    if not known_organisation(store, iri):
        raise CurationError(f"unknown organisation {iri}")
    _set_rule(store, NamedNode(iri), PREF, Literal(label))
    return {"renamed": iri, "label": label}


def set_parent(store: GraphStore, iri: str, parent: str) -> dict[str, object]:
    """Declare ``iri`` a unit of ``parent`` (org:subOrganizationOf in the curation graph)."""
    if iri == parent:
        raise CurationError("an organisation cannot be its own parent")
    for each in (iri, parent):
        if not known_organisation(store, each):
            raise CurationError(f"unknown organisation {each}")
    _set_rule(store, NamedNode(iri), PARENT, NamedNode(parent))
    return {"unit": iri, "parent": parent}


def _set_rule(store: GraphStore, node: NamedNode, predicate: NamedNode, value: Term) -> None:
    """Replace the one curation rule ``node predicate ?`` with ``value`` (one transaction)."""
    rules = [
        q
        for q in store.quads(CURATION_GRAPH)
        if not (q.subject == node and q.predicate == predicate)
    ]
    rules.append(Quad(node, predicate, value, CURATION_GRAPH))
    store.replace_graphs({CURATION_GRAPH: rules})


def curation_quads(store: GraphStore) -> list[Quad]:
    """The curation graph (for export and backup)."""
    return store.quads(CURATION_GRAPH)


__all__ = [
    "CURATION_GRAPH",
    "CurationError",
    "canonical_iri",
    "export_curation",
    "import_curation",
    "load_curation",
    "merge",
    "merge_many",
    "rename",
    "set_parent",
    "split",
]


CURATION_PREDICATES = (SAME_AS, HIDDEN, PREF, PARENT)


def export_curation(store: GraphStore) -> str:
    """The curation graph as sorted N-Triples (a file to keep beside the corpus)."""
    lines = sorted(f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(CURATION_GRAPH))
    return "\n".join(lines) + ("\n" if lines else "")


def import_curation(store: GraphStore, text: str) -> dict[str, object]:
    """Load curation rules (N-Triples or Turtle) into the store, replacing the current ones.

    Merges are applied to the document graphs already in the store at once; pins, renames
    and parents take effect immediately for display and at the next ingest for documents.
    """
    from pyoxigraph import RdfFormat, parse

    fmt = RdfFormat.N_TRIPLES if _looks_like_ntriples(text) else RdfFormat.TURTLE
    try:
        triples = list(parse(text.encode("utf-8"), fmt))
    except SyntaxError as exc:
        raise CurationError(f"not a curation file: {exc}") from exc
    rules, merges = [], []
    for t in triples:
        if t.predicate not in CURATION_PREDICATES or not isinstance(t.subject, NamedNode):
            raise CurationError(f"not a curation rule: {t.predicate}")
        if t.predicate == SAME_AS:
            merges.append((t.subject.value, t.object.value))
        else:
            rules.append(Quad(t.subject, t.predicate, t.object, CURATION_GRAPH))
    store.replace_graphs({CURATION_GRAPH: _dedupe(rules)})
    present = [
        (a, b)
        for a, b in merges
        if a != b and _doc_graphs_with(store, a) and known_organisation(store, b)
    ]
    absent = [(a, b) for a, b in merges if (a, b) not in present and a != b]
    if present:
        merge_many(store, present)
    if absent:  # aliases of organisations not (yet) in any document: just the rule
        extra = [Quad(NamedNode(a), SAME_AS, NamedNode(b), CURATION_GRAPH) for a, b in absent]
        store.replace_graphs({CURATION_GRAPH: _dedupe(store.quads(CURATION_GRAPH) + extra)})
    return {"rules": len(triples), "merges_applied": len(present)}


def _looks_like_ntriples(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return all(line.startswith(("<", "#", "_:")) for line in lines)
