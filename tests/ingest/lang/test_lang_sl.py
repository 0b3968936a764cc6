"""Slovene: nominative labels from instrumental forms, multiword places, typing."""

from __future__ import annotations

import pytest

TEXT = (
    "Center za socialno delo Krško sodeluje z Občino Brežice, Policijsko postajo Brežice in "
    "Društvom za razvijanje prostovoljnega dela Novo mesto."
)


@pytest.mark.parametrize(
    ("label", "actor_type", "surface"),
    [
        ("Center za socialno delo Krško", "social-services", "Center za socialno delo Krško"),
        ("Občina Brežice", "municipality", "Občino Brežice"),
        ("Policijska postaja Brežice", "police", "Policijsko postajo Brežice"),
        (
            "Društvo za razvijanje prostovoljnega dela Novo mesto",
            "ngo",
            "Društvom za razvijanje prostovoljnega dela Novo mesto",
        ),
    ],
)
def test_organisations(analyse, label: str, actor_type: str, surface: str) -> None:
    org = analyse("sl", TEXT).org(label)
    assert org.actor_type == actor_type
    assert surface in org.surface_forms  # the inflected form stays as evidence


def test_prison_administration_with_acronym(analyse) -> None:
    found = analyse(
        "sl",
        "Uprava Republike Slovenije za izvrševanje kazenskih sankcij (URSIKS) in Ministrstvo za "
        "pravosodje sta organizirala usposabljanje.",
    )
    ursiks = [m for m in found.organisations.values() if m.acronym == "URSIKS"]
    assert ursiks and ursiks[0].actor_type == "prison-service"
    assert "training" in found.activity_types


def test_prisoners_and_esf(analyse) -> None:
    found = analyse(
        "sl",
        "Zaporniki in obsojenci so se udeležili delavnice. Projekt sofinancira Evropska unija "
        "iz Evropskega socialnega sklada.",
    )
    assert "prisoners" in found.target_groups
    assert found.funders == {"esf"}
    assert not found.organisations  # "Evropska unija" as a funder is not a partner body
