"""Helpers for the per-language extraction tables: the real pipeline, no stand-ins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from ingest.documents import OrganisationMention
from ingest.nlp import make_nlp


@dataclass
class Analysed:
    """What the pipeline found in one text, in the shapes the tables compare."""

    organisations: dict[str, OrganisationMention]
    funders: set[str]
    target_groups: set[str]
    activity_types: set[str]
    actor_types: set[str]  # generic mentions ("obce", "NGOs")
    countries: set[str]
    sentences: list[str]

    def org(self, label: str) -> OrganisationMention:
        assert label in self.organisations, f"{label!r} not in {sorted(self.organisations)}"
        return self.organisations[label]

    def with_surface(self, surface: str) -> OrganisationMention:
        """The first organisation the text names as ``surface`` (fails when there is none)."""
        orgs = [m for m in self.organisations.values() if surface in m.surface_forms]
        assert orgs, f"{surface!r} not in {sorted(self.surfaces())}"
        return orgs[0]

    def surfaces(self) -> set[str]:
        return {s for m in self.organisations.values() for s in m.surface_forms}


def run(lang: str, text: str) -> Analysed:
    doc = make_nlp(lang)(text)

    def concepts(scheme: str) -> set[str]:
        return {
            s.label_.split("/", 1)[1]
            for s in doc.spans.get("praxis_concepts", [])
            if s.label_.startswith(scheme + "/")
        }

    return Analysed(
        organisations={m.label: m for m in doc._.praxis_organisations},
        funders={m.notation for m in doc._.praxis_funders},
        target_groups=concepts("target-group"),
        activity_types=concepts("activity-type"),
        actor_types=concepts("actor-type"),
        countries={s.label_ for s in doc.spans.get("praxis_countries", [])},
        sentences=[s.text.strip() for s in doc.sents],
    )


@pytest.fixture(scope="session")
def analyse() -> Callable[[str, str], Analysed]:
    return run
