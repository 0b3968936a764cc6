"""The data that flows through ingest: frozen dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class IngestError(Exception):
    """A file cannot be ingested; ``reason`` is one line for the summary."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    """One readable source: its text (normalised), language and where it came from."""

    doc_id: str
    text: str
    source_path: str
    file_name: str
    content_hash: str
    lang: str = "und"
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Span:
    """A stretch of the document text that supports a fact."""

    start: int
    end: int
    text: str


@dataclass
class ConceptMention:
    scheme: str
    notation: str
    span: Span
    extractor: str
    confidence: float = 0.8


@dataclass
class OrganisationMention:
    """An organisation as found in one document (before cross-document resolution)."""

    label: str  # canonical (nominative) label
    actor_type: str | None
    spans: list[Span]
    role: str = "mentioned"
    acronym: str | None = None
    country: str | None = None
    parent: str | None = None  # canonical label of the parent organisation, when a unit
    extractor: str = "praxis_organisations"
    confidence: float = 0.6
    key: str | None = None  # resolution key (set by the resolver / authority lookup)
    domain: str | None = None  # web domain from a structured website field (identity key)

    @property
    def surface_forms(self) -> list[str]:
        return sorted({s.text for s in self.spans})


@dataclass
class FieldFact:
    """A fact read from a field of a structured record (export row, project page).

    ``span`` points at the field's value in the record's stored text; without a span the
    triple is written without evidence (e.g. the type of an amount node).
    """

    property: str  # predicate IRI
    value: str  # lexical form, or an IRI when ``is_iri``
    span: Span | None
    datatype: str | None = None  # XSD datatype IRI of a literal
    is_iri: bool = False
    subject: str | None = None  # subject IRI; None = the project
    extractor: str = "structured"
    confidence: float = 1.0


@dataclass
class ProjectRecord:
    """One project read from a structured source (a table row or a project page).

    ``text`` is what gets stored as the record's source text: ``Header: value`` lines and
    then the summary; every span (facts, funders, organisations, the summary) is an offset
    into it. A file with records becomes one named graph holding all of its projects.
    """

    layout: str  # mapping / page layout name, e.g. "erasmus-results", "esf-cs", "eea-grants"
    row: int  # 1-based row of the table (the header row not counted); 0 for a page
    text: str
    title: str
    summary: Span | None = None
    identifier: str | None = None  # normalised project identifier
    lang: str | None = None  # language of the layout, used when the summary is too short
    facts: list[FieldFact] = field(default_factory=list)
    funders: list[ConceptMention] = field(default_factory=list)
    countries: list[tuple[str, Span, str]] = field(default_factory=list)
    organisations: list[OrganisationMention] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    title: str
    funders: list[ConceptMention] = field(default_factory=list)
    target_groups: list[ConceptMention] = field(default_factory=list)
    activity_types: list[ConceptMention] = field(default_factory=list)
    generic_actor_types: list[ConceptMention] = field(default_factory=list)
    countries: list[tuple[str, Span, str]] = field(default_factory=list)  # (code, span, extractor)
    organisations: list[OrganisationMention] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    facts: list[FieldFact] = field(default_factory=list)  # structured fields (typed literals)
    project_key: str | None = None  # normalised project identifier: one IRI across sources
    project_iri: str | None = None  # a project found in another source (no identifier)
    # a file of records (table, project page): one extraction per project, written together
    parts: list[Extraction] = field(default_factory=list)

    def notations(self, scheme: str) -> set[str]:
        source = {
            "funder": self.funders,
            "target-group": self.target_groups,
            "activity-type": self.activity_types,
            "actor-type": self.generic_actor_types,
        }[scheme]
        return {m.notation for m in source}
