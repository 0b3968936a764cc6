"""Polish: morfeusz2 nominative labels, typing by modifiers, acronyms, funders."""

from __future__ import annotations

import pytest

ORGANISATIONS = [
    (
        "Razem z Wojewódzką Komendą Policji w Krakowie podejmiemy działania.",
        "Wojewódzka Komenda Policji w Krakowie",
        "police",
    ),
    (
        "Komenda Główna Straży Granicznej współpracuje z Urzędem ds. Cudzoziemców.",
        "Komenda Główna Straży Granicznej",
        "border-guard",
    ),
    (
        "Komenda Główna Straży Granicznej współpracuje z Urzędem ds. Cudzoziemców.",
        "Urząd ds. Cudzoziemców",
        "government-agency",
    ),
    (
        "Osadzeni Zakładu Karnego Nr 1 w Łodzi uczestniczyli w warsztatach.",
        "Zakład Karny Nr 1 w Łodzi",
        "prison-service",
    ),
    (
        "Wnioskodawcą jest Fundacja UWOLNIENIE z Łodzi.",
        "Fundacja UWOLNIENIE",
        "ngo",
    ),
]


@pytest.mark.parametrize(("text", "label", "actor_type"), ORGANISATIONS)
def test_organisation_label_and_type(analyse, text: str, label: str, actor_type: str) -> None:
    assert analyse("pl", text).org(label).actor_type == actor_type


def test_trade_union_confederation_with_acronym(analyse) -> None:
    found = analyse(
        "pl",
        "Partnerem jest Ogólnopolskie Porozumienie Związków Zawodowych (OPZZ). OPZZ zaprasza.",
    )
    opzz = found.org("Ogólnopolskie Porozumienie Związków Zawodowych")
    assert opzz.actor_type == "trade-union" and opzz.acronym == "OPZZ"
    assert opzz.parent is None  # "Związków Zawodowych" is not a parent body
    assert opzz.role == "partner"


def test_border_guard_headquarters_has_the_border_guard_as_parent(analyse) -> None:
    found = analyse("pl", "Komenda Główna Straży Granicznej prowadzi szkolenia.")
    assert found.org("Komenda Główna Straży Granicznej").parent == "Straż Graniczna"


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego "
            "Funduszu Społecznego.",
            {"esf"},  # a named EU programme replaces "co-financed by the EU"
        ),
        ("Projekt współfinansowany ze środków Unii Europejskiej.", {"eu-unspecified"}),
        ("Projekt finansowany z Funduszy Norweskich.", {"eea-norway-grants"}),
    ],
)
def test_funders(analyse, text: str, funders: set[str]) -> None:
    assert analyse("pl", text).funders == funders


def test_generic_heads_and_other_meanings(analyse) -> None:
    # "okres" is a period in Polish (a district in Czech); "Zakład karny" alone is generic
    found = analyse("pl", "Okres realizacji projektu: 2019-2021. Zakład karny to instytucja.")
    assert not found.organisations
    assert "prison-service" in found.actor_types


def test_prisoners_and_abbreviations(analyse) -> None:
    found = analyse("pl", "Osadzeni i więźniowie, m.in. z Łodzi, uczestniczyli w szkoleniach.")
    assert "prisoners" in found.target_groups
    assert "training" in found.activity_types
    assert len(found.sentences) == 1
