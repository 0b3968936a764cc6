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

    @property
    def surface_forms(self) -> list[str]:
        return sorted({s.text for s in self.spans})


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

    def notations(self, scheme: str) -> set[str]:
        source = {
            "funder": self.funders,
            "target-group": self.target_groups,
            "activity-type": self.activity_types,
            "actor-type": self.generic_actor_types,
        }[scheme]
        return {m.notation for m in source}
