"""German: compounds as heads, genitive complements, legal forms, nominative adjectives."""

from __future__ import annotations

import pytest

TEXT = (
    "Das Justizministerium des Landes Schleswig-Holstein und die JVA Kiel arbeiten mit dem "
    "Christlichen Jugenddorfwerk Deutschlands e. V. zusammen."
)


@pytest.mark.parametrize(
    ("label", "actor_type"),
    [
        ("Justizministerium des Landes Schleswig-Holstein", "ministry"),
        ("JVA Kiel", "prison-service"),
        ("Christliches Jugenddorfwerk Deutschlands e. V.", "ngo"),
    ],
)
def test_organisations(analyse, label: str, actor_type: str) -> None:
    assert analyse("de", TEXT).org(label).actor_type == actor_type


def test_state_government_is_a_ministry_in_the_nominative(analyse) -> None:
    found = analyse("de", "Die Integrationsbeauftragte der Bayerischen Staatsregierung kam.")
    assert found.org("Bayerische Staatsregierung").actor_type == "ministry"


def test_acronym_defined_in_brackets(analyse) -> None:
    found = analyse(
        "de", "Leitung: Zentralstelle für die Weiterbildung im Handwerk (ZWH). Die ZWH koordiniert."
    )
    org = found.org("Zentralstelle für die Weiterbildung im Handwerk")
    assert org.acronym == "ZWH" and org.role == "coordinator"


def test_a_generic_court_is_an_actor_type_not_an_organisation(analyse) -> None:
    found = analyse("de", "Das Gericht verhängte eine Geldstrafe.")
    assert not found.organisations
    assert "court-prosecution" in found.actor_types


def test_funder_and_target_group(analyse) -> None:
    found = analyse(
        "de",
        "Das Projekt wird aus Mitteln des Europäischen Sozialfonds gefördert. Gefangene "
        "und Inhaftierte nehmen teil.",
    )
    assert found.funders == {"esf"}
    assert "prisoners" in found.target_groups
