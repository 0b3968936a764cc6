"""RDF namespaces used by praxisgraph, as objects (never IRI strings in code).

``PG`` is the project's own ontology (``praxis.ttl``); the W3C/schema.org ones are
re-exported from rdflib so that every module imports namespaces from one place.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

BASE = "https://w3id.org/praxisgraph/"

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Concept schemes: ``VOCAB["funder/erasmus-plus"]``.
VOCAB = Namespace(BASE + "vocab/")
#: Data resources: ``ID["project/…"]``, ``ID["org/…"]``, ``ID["doc/…"]``.
ID = Namespace(BASE + "id/")
#: Named graphs: ``GRAPH["doc/<doc id>"]``, ``GRAPH["meta"]``, ``GRAPH["curation"]``.
GRAPH = Namespace(BASE + "graph/")


class PG(DefinedNamespace):
    """The praxisgraph ontology (``ontology/praxis.ttl``); unknown names raise."""

    _fail = True
    _NS = Namespace(BASE + "ns#")

    # classes
    Project: URIRef
    Organisation: URIRef
    Participation: URIRef
    Evidence: URIRef
    Method: URIRef
    SourceDocument: URIRef
    Role: URIRef
    # project / organisation properties
    country: URIRef
    funder: URIRef
    activity: URIRef
    actorType: URIRef
    acronym: URIRef
    domain: URIRef
    lemmaText: URIRef
    # structured sources (funder exports, lists of operations, project pages)
    programme: URIRef
    status: URIRef
    callYear: URIRef
    grantAmount: URIRef
    totalCost: URIRef
    goodPractice: URIRef
    successStory: URIRef
    interventionCategory: URIRef
    rowNumber: URIRef
    layout: URIRef
    titleKey: URIRef
    # participation
    participation: URIRef
    project: URIRef
    organisation: URIRef
    role: URIRef
    # evidence
    evidence: URIRef
    supports: URIRef
    property: URIRef
    value: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef
    method: URIRef
    extractor: URIRef
    confidence: URIRef
    page: URIRef
    # source documents
    fileName: URIRef
    sourcePath: URIRef
    contentHash: URIRef
    charCount: URIRef
    ingestedAt: URIRef
    # store bookkeeping
    version: URIRef
    modelVersion: URIRef
    # theme profiles (missing-stakeholder analysis)
    ThemeProfile: URIRef
    triggeredBy: URIRef
    expects: URIRef
    reason: URIRef
    weight: URIRef
    keyword: URIRef
    # roles (individuals)
    coordinator: URIRef
    partner: URIRef
    funderRole: URIRef
    donorPartner: URIRef
    associated: URIRef
    mentioned: URIRef


SCHEMES = ("funder", "actor-type", "target-group", "activity-type")

__all__ = [
    "BASE",
    "DCTERMS",
    "GRAPH",
    "ID",
    "OA",
    "ORG",
    "OWL",
    "PG",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SCHEMES",
    "SH",
    "SKOS",
    "VOCAB",
    "WD",
    "XSD",
]
