"""Map an :class:`Extraction` to quads in the document's own named graph.

Every fact ``s p o`` gets an evidence node ``ev`` (``s pg:evidence ev``) holding the
supported property and value, character offsets into the stored document text, the quoted
span and the method (``ev pg:method m``): seven quads per fact. A method node
``ID["method/<extractor>/<confidence>"]`` carries ``pg:extractor`` and ``pg:confidence`` and
is written once in each graph whose evidence uses it (a graph stays complete on its own, so
removing or re-ingesting one document touches nothing else). The source document is the
``pg:SourceDocument`` of the evidence's named graph (one document per graph), so it is not
repeated on every evidence node; only in a graph holding several documents (a table file,
one document per row) does ``ev prov:wasDerivedFrom doc`` name it. ``rdf:type pg:Evidence``
is implied by the range of ``pg:evidence`` and not written.

An organisation mention is evidenced once, on its participation (``part pg:role`` for the
first span, ``part pg:organisation`` for the others). The organisation's ``rdf:type`` and
``pg:actorType`` written in the same graph come from that same mention (same span, extractor
and confidence), so they share the participation's evidence instead of repeating it on the
organisation: ``GRAPH ?g { ?part pg:organisation ?org ; pg:evidence ?ev }``
(``graph/queries/organisation_evidence.rq``).

A participation is ``part pg:project project ; pg:organisation org ; pg:role role``; the
project does not link back (``?part pg:project ?project`` finds them) and ``rdf:type
pg:Participation`` is implied by the domain of ``pg:project``, not written (RDF model 2,
:mod:`graph.model`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from graph.resolve import organisation_iri, parent_iri, resolve_extraction
from ingest.documents import Extraction, Span
from ingest.identifiers import title_key
from ontology import concept_iri, role_iri
from ontology.namespaces import DCTERMS, GRAPH, ID, ORG, PG, PROV, RDF, SCHEMA, SKOS, XSD

XSD_INTEGER = NamedNode(str(XSD.integer))
XSD_DECIMAL = NamedNode(str(XSD.decimal))
XSD_DATETIME = NamedNode(str(XSD.dateTime))


def n(iri: object) -> NamedNode:
    return NamedNode(str(iri))


_PREDICATES: dict[str, NamedNode] = {}


def predicate(iri: object) -> NamedNode:
    """``n(iri)`` for the few properties quads use, built once (rdflib's namespace lookup
    and the IRI check cost more than the quad itself)."""
    if isinstance(iri, NamedNode):
        return iri
    key = str(iri)
    node = _PREDICATES.get(key)
    if node is None:
        node = _PREDICATES[key] = NamedNode(key)
    return node


def doc_graph(doc_id: str) -> NamedNode:
    return n(GRAPH[f"doc/{doc_id}"])


def project_iri(doc_id: str) -> NamedNode:
    return n(ID[f"project/{doc_id}"])


def document_iri(doc_id: str) -> NamedNode:
    return n(ID[f"doc/{doc_id}"])


def project_iri_of(ex: Extraction) -> NamedNode:
    """The project's IRI: from its identifier when known (one IRI across sources and files),
    else from its source document."""
    if ex.project_key:
        return n(ID[f"project/id-{ex.project_key}"])
    if ex.project_iri:
        return n(ex.project_iri)
    return project_iri(ex.document.doc_id)


EVIDENCE_BASE = str(ID["evidence/"])
_EVIDENCE = predicate(PG.evidence)
_PROPERTY = predicate(PG.property)
_VALUE = predicate(PG.value)
_DERIVED_FROM = predicate(PROV.wasDerivedFrom)
_START = predicate(PG.start)
_END = predicate(PG.end)
_QUOTE = predicate(PG.quote)
_METHOD = predicate(PG.method)
_EXTRACTOR = predicate(PG.extractor)
_CONFIDENCE = predicate(PG.confidence)
METHOD_BASE = str(ID["method/"])


def method_iri(extractor: str, confidence: float) -> NamedNode:
    """The method node of an extractor at one confidence (two decimals, as written)."""
    return NamedNode(f"{METHOD_BASE}{quote(extractor, safe='')}/{confidence:.2f}")


class QuadWriter:
    """Collects the quads of one document graph, numbering evidence nodes."""

    def __init__(
        self,
        extraction: Extraction,
        graph: NamedNode | None = None,
        methods: dict[tuple[str, str], NamedNode] | None = None,
    ) -> None:
        self.ex = extraction
        self.doc_id = extraction.document.doc_id
        self.graph = graph if graph is not None else doc_graph(self.doc_id)
        #: other documents share this graph (the rows of a table file)
        self.shared_graph = self.graph != doc_graph(self.doc_id)
        self.doc = document_iri(self.doc_id)
        self.quads: list[Quad] = []
        self._evidence = 0
        #: method nodes already described in this graph (shared by a table file's rows)
        self.methods = methods if methods is not None else {}

    def add(self, s: NamedNode, p: object, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, predicate(p), o, self.graph))

    def fact(
        self,
        s: NamedNode,
        p: object,
        o: NamedNode | Literal,
        span: Span,
        extractor: str,
        confidence: float,
    ) -> None:
        """A triple plus an evidence node pointing at the span that supports it."""
        p = predicate(p)
        g = self.graph
        self._evidence += 1
        ev = NamedNode(f"{EVIDENCE_BASE}{self.doc_id}-{self._evidence}")
        quads = [
            Quad(s, p, o, g),
            Quad(s, _EVIDENCE, ev, g),
            Quad(ev, _PROPERTY, p, g),
            Quad(ev, _VALUE, o, g),
        ]
        if self.shared_graph:  # the graph holds several documents: name this one
            quads.append(Quad(ev, _DERIVED_FROM, self.doc, g))
        quads += [
            Quad(ev, _START, Literal(str(span.start), datatype=XSD_INTEGER), g),
            Quad(ev, _END, Literal(str(span.end), datatype=XSD_INTEGER), g),
            Quad(ev, _QUOTE, Literal(span.text or " "), g),
            Quad(ev, _METHOD, self.method(extractor, confidence), g),
        ]
        self.quads += quads
        pages = self.ex.document.metadata.get("page_offsets")
        if pages:  # a paged source (PDF): the page the span starts on
            page = bisect.bisect_right(pages, span.start)
            self.add(ev, PG.page, Literal(str(max(page, 1)), datatype=XSD_INTEGER))

    def method(self, extractor: str, confidence: float) -> NamedNode:
        """The method node, described (``pg:extractor``, ``pg:confidence``) on first use."""
        key = (extractor, f"{confidence:.2f}")
        node = self.methods.get(key)
        if node is None:
            node = self.methods[key] = method_iri(extractor, confidence)
            g = self.graph
            self.quads.append(Quad(node, _EXTRACTOR, Literal(extractor), g))
            self.quads.append(Quad(node, _CONFIDENCE, Literal(key[1], datatype=XSD_DECIMAL), g))
        return node


def extraction_quads(
    ex: Extraction,
    ingested_at: dt.datetime | None = None,
    graph: NamedNode | None = None,
    methods: dict[tuple[str, str], NamedNode] | None = None,
) -> list[Quad]:
    """All quads of one document's named graph (``graph``: a table file's graph, which
    holds the documents of all its rows; ``methods``: the method nodes already described
    in it)."""
    if ex.parts:  # a file of records: all its projects in the file's graph
        target = graph if graph is not None else doc_graph(ex.document.doc_id)
        shared: dict[tuple[str, str], NamedNode] = {}
        return [q for part in ex.parts for q in extraction_quads(part, ingested_at, target, shared)]
    w = QuadWriter(ex, graph, methods)
    d = ex.document
    lang = d.lang if d.lang != "und" else None
    project = project_iri_of(ex)

    w.add(w.doc, RDF.type, n(PG.SourceDocument))
    w.add(w.doc, PG.fileName, Literal(d.file_name))
    w.add(w.doc, PG.sourcePath, Literal(d.source_path))
    w.add(w.doc, PG.contentHash, Literal(d.content_hash))
    w.add(w.doc, PG.charCount, Literal(str(len(d.text)), datatype=XSD_INTEGER))
    w.add(w.doc, SCHEMA.text, Literal(d.text, language=lang) if lang else Literal(d.text))
    if ingested_at is not None:
        w.add(w.doc, PG.ingestedAt, Literal(ingested_at.isoformat(), datatype=XSD_DATETIME))
    if d.metadata.get("row") is not None:
        w.add(w.doc, PG.rowNumber, Literal(str(d.metadata["row"]), datatype=XSD_INTEGER))
    if d.metadata.get("layout"):
        w.add(w.doc, PG.layout, Literal(str(d.metadata["layout"])))

    w.add(project, RDF.type, n(PG.Project))
    w.add(project, DCTERMS.title, Literal(ex.title))
    key = title_key(ex.title)
    if key:
        w.add(project, PG.titleKey, Literal(key))
    if lang:
        w.add(project, DCTERMS.language, Literal(lang))
    summary = d.metadata.get("summary") or d.text[:600]
    w.add(project, DCTERMS.description, Literal(summary))
    w.add(project, PROV.wasDerivedFrom, w.doc)
    w.add(project, PG.lemmaText, Literal(" ".join(ex.lemmas)))

    def concept_facts(mentions: list, prop: object, scheme: str) -> None:  # type: ignore[type-arg]
        for m in mentions:
            w.fact(
                project, prop, n(concept_iri(scheme, m.notation)), m.span, m.extractor, m.confidence
            )

    concept_facts(ex.funders, PG.funder, "funder")
    concept_facts(ex.target_groups, DCTERMS.audience, "target-group")
    concept_facts(ex.activity_types, PG.activity, "activity-type")
    # generic actor-type mentions ("municipalities") describe the project's actors
    concept_facts(ex.generic_actor_types, PG.actorType, "actor-type")
    for code, span, extractor in ex.countries:
        w.fact(project, PG.country, Literal(code), span, extractor, 0.7)
    for f in ex.facts:  # structured fields: typed literals with evidence in the record text
        subject = n(f.subject) if f.subject else project
        if f.is_iri:
            obj: NamedNode | Literal = n(f.value)
        elif f.datatype:
            obj = Literal(f.value, datatype=n(f.datatype))
        else:
            obj = Literal(f.value)
        if f.span is None:
            w.add(subject, f.property, obj)
        else:
            w.fact(subject, f.property, obj, f.span, f.extractor, f.confidence)

    if any(org.key is None for org in ex.organisations):
        resolve_extraction(ex)  # authority file + names (ingest resolves with curation first)
    for index, org in enumerate(ex.organisations, start=1):
        oiri = n(organisation_iri(org))
        first = org.spans[0]
        # type and actor type: evidenced by the participation's evidence (the same mention)
        w.add(oiri, RDF.type, n(PG.Organisation))
        w.add(oiri, SKOS.prefLabel, Literal(org.label))
        for surface in org.surface_forms:
            if surface != org.label:
                w.add(oiri, SKOS.altLabel, Literal(surface))
        if org.acronym:
            w.add(oiri, PG.acronym, Literal(org.acronym))
        if org.actor_type:
            w.add(oiri, PG.actorType, n(concept_iri("actor-type", org.actor_type)))
        if org.country:
            w.add(oiri, PG.country, Literal(org.country))
        if org.domain:
            w.add(oiri, PG.domain, Literal(org.domain))
        part = n(ID[f"participation/{d.doc_id}-{index}"])
        w.add(part, PG.project, project)
        w.add(part, PG.organisation, oiri)
        w.fact(part, PG.role, n(role_iri(org.role)), first, org.extractor, org.confidence)
        for span in org.spans[1:]:
            w.fact(part, PG.organisation, oiri, span, org.extractor, org.confidence)
        parent = parent_iri(org, lang)
        if parent and parent != str(oiri.value):
            w.add(oiri, ORG.subOrganizationOf, n(parent))
    return w.quads
