"""Candidate spans and found organisations while one document is analysed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.components.orgdata import Authority


@dataclass
class Candidate:
    start: int
    end: int
    source: str  # head | legal | authority | list | acronym-def
    actor_type: str | None = None
    authority: Authority | None = None
    legal_type: str | None = None
    priority: int = 0
    head_index: int | None = None
    label: str | None = None  # a label not spelt in the text ("Justizvollzugsanstalt Waldheim")
    key: frozenset[str] | None = None  # the merge key of such a label


@dataclass
class Found:
    """One organisation (several mentions) while a document is analysed."""

    key: str
    actor_type: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    authority: Authority | None = None
    acronym: str | None = None
    extra_surfaces: list[tuple[int, int]] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    source: str = "head"
    default_type: bool = False  # typed by a generic head's default only
    domain: str | None = None
    label: str | None = None  # from a candidate whose label is not spelt in the text
