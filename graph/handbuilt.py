"""Project and organisation RDF written directly (no extraction), in the same model ingest
produces: for hand-built test graphs with known answers and for analytics benchmarks.

>>> ngo = OrgSpec("ngo-a", "NGO A", "ngo", "CZ")
>>> quads = project_quads(ProjectSpec("p1", "Prison training", [(ngo, "coordinator")]))
>>> len(quads) > 10
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from graph.store import GraphStore
from ontology import concept_iri, role_iri
from ontology.namespaces import DCTERMS, GRAPH, ID, ORG, PG, PROV, RDF, SKOS

PG_NS = "https://w3id.org/praxisgraph/ns#"


def _n(iri: object) -> NamedNode:
    return NamedNode(str(iri))


@dataclass(frozen=True)
class OrgSpec:
    key: str
    label: str
    actor_type: str | None = None
    country: str | None = None
    parent: str | None = None  # key of the parent organisation

    @property
    def iri(self) -> str:
        return str(ID[f"org/{self.key}"])


@dataclass
class ProjectSpec:
    doc_id: str
    title: str
    orgs: Sequence[tuple[OrgSpec, str]] = ()  # (organisation, role name)
    funders: Sequence[str] = ()
    target_groups: Sequence[str] = ()
    activities: Sequence[str] = ()
    actor_types: Sequence[str] = ()  # generic mentions ("ministries")
    countries: Sequence[str] = ()
    lemmas: str = ""
    year: int | None = None
    lang: str = "en"
    extra: list[Quad] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return str(ID[f"project/{self.doc_id}"])

    @property
    def graph(self) -> NamedNode:
        return _n(GRAPH[f"doc/{self.doc_id}"])


def project_quads(spec: ProjectSpec) -> list[Quad]:
    """The quads of one project's document graph."""
    g = spec.graph
    project = _n(spec.iri)
    doc = _n(ID[f"doc/{spec.doc_id}"])
    out = [
        Quad(doc, _n(RDF.type), _n(PG.SourceDocument), g),
        Quad(doc, _n(PG.fileName), Literal(f"{spec.doc_id}.txt"), g),
        Quad(doc, _n(PG.sourcePath), Literal(f"handbuilt/{spec.doc_id}.txt"), g),
        Quad(project, _n(RDF.type), _n(PG.Project), g),
        Quad(project, _n(DCTERMS.title), Literal(spec.title), g),
        Quad(project, _n(DCTERMS.language), Literal(spec.lang), g),
        Quad(project, _n(PROV.wasDerivedFrom), doc, g),
        Quad(project, _n(PG.lemmaText), Literal(spec.lemmas), g),
    ]
    for prop, scheme, values in (
        (PG.funder, "funder", spec.funders),
        (DCTERMS.audience, "target-group", spec.target_groups),
        (PG.activity, "activity-type", spec.activities),
        (PG.actorType, "actor-type", spec.actor_types),
    ):
        for v in values:
            out.append(Quad(project, _n(prop), NamedNode(concept_iri(scheme, v)), g))
    for c in spec.countries:
        out.append(Quad(project, _n(PG.country), Literal(c), g))
    if spec.year is not None:
        out.append(Quad(project, _n(DCTERMS.date), Literal(str(spec.year)), g))
    for index, (org, role) in enumerate(spec.orgs, start=1):
        o = _n(org.iri)
        out.append(Quad(o, _n(RDF.type), _n(PG.Organisation), g))
        out.append(Quad(o, _n(SKOS.prefLabel), Literal(org.label), g))
        if org.actor_type:
            out.append(
                Quad(o, _n(PG.actorType), NamedNode(concept_iri("actor-type", org.actor_type)), g)
            )
        if org.country:
            out.append(Quad(o, _n(PG.country), Literal(org.country), g))
        if org.parent:
            out.append(Quad(o, _n(ORG.subOrganizationOf), _n(ID[f"org/{org.parent}"]), g))
        part = _n(ID[f"participation/{spec.doc_id}-{index}"])
        out.append(Quad(part, _n(PG.project), project, g))
        out.append(Quad(part, _n(PG.organisation), o, g))
        out.append(Quad(part, _n(PG.role), _n(role_iri(role)), g))
    out.extend(spec.extra)
    return out


def load_projects(store: GraphStore, specs: Iterable[ProjectSpec]) -> str:
    """Write the projects in one transaction (stamps a new store version)."""
    return store.replace_graphs({s.graph: project_quads(s) for s in specs})


def bulk_load_projects(store: GraphStore, specs: Iterable[ProjectSpec], chunk: int = 25000) -> str:
    """Bulk-load many projects (N-Quads in chunks), then stamp a new store version."""
    batch: list[Quad] = []
    count = 0
    for spec in specs:
        batch.extend(project_quads(spec))
        count += 1
        if count % chunk == 0:
            store.load(serialize(batch, format=RdfFormat.N_QUADS), RdfFormat.N_QUADS)
            batch = []
    if batch:
        store.load(serialize(batch, format=RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    return store.replace_graphs({})


def theme_quads(
    name: str,
    label: str,
    triggers: Sequence[tuple[str, str]],
    expects: Sequence[tuple[str, float, str]],
    keywords: Sequence[tuple[str, str]] = (),
    graph: NamedNode | None = None,
) -> list[Quad]:
    """A ``pg:ThemeProfile`` as in ``ontology/themes.ttl``: triggers are (scheme, notation),
    expectations (actor type, weight, reason), keywords (text, language)."""
    from pyoxigraph import BlankNode

    g = graph or _n(GRAPH["ontology"])
    theme = _n(ID[f"theme/{name}"])
    out = [
        Quad(theme, _n(RDF.type), NamedNode(PG_NS + "ThemeProfile"), g),
        Quad(theme, _n(SKOS.prefLabel), Literal(label, language="en"), g),
    ]
    for scheme, notation in triggers:
        out.append(
            Quad(
                theme, NamedNode(PG_NS + "triggeredBy"), NamedNode(concept_iri(scheme, notation)), g
            )
        )
    for text, lang in keywords:
        out.append(Quad(theme, NamedNode(PG_NS + "keyword"), Literal(text, language=lang), g))
    for actor_type, weight, reason in expects:
        node = BlankNode()
        out += [
            Quad(theme, NamedNode(PG_NS + "expects"), node, g),
            Quad(node, _n(PG.actorType), NamedNode(concept_iri("actor-type", actor_type)), g),
            Quad(
                node, NamedNode(PG_NS + "weight"), Literal(str(weight), datatype=_n(XSD_DECIMAL)), g
            ),
            Quad(node, NamedNode(PG_NS + "reason"), Literal(reason, language="en"), g),
        ]
    return out


XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
