"""English: 'of'-complements, authorities, demonyms, discussed programmes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("label", "actor_type"),
    [
        ("Ministry of Justice of the Republic of Slovenia", "ministry"),
        ("Council of Europe", "international-organisation"),
    ],
)
def test_organisations(analyse, label: str, actor_type: str) -> None:
    text = "The Ministry of Justice of the Republic of Slovenia works with the Council of Europe."
    assert analyse("en", text).org(label).actor_type == actor_type


def test_demonym_plus_generic_noun_is_not_a_name(analyse) -> None:
    found = analyse(
        "en", "Slovenian prisons host Norwegian partners; municipalities and NGOs join."
    )
    assert not found.organisations
    assert {"prison-service", "municipality", "ngo"} <= found.actor_types
    assert {"SI", "NO"} <= found.countries


def test_acronym_and_research_type(analyse) -> None:
    found = analyse(
        "en", "Partner: the Institute for Labour and Family Research (IVPR). IVPR leads the survey."
    )
    org = found.org("Institute for Labour and Family Research")
    assert org.actor_type == "university-research" and org.acronym == "IVPR"
    assert "survey-research" in found.activity_types


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("The project is funded by Interreg Austria-Hungary.", {"interreg", "erdf"}),
        ("A seminar about Erasmus+ funding opportunities was held for schools.", set()),
        ("The project is co-funded by the European Union.", {"eu-unspecified"}),
    ],
)
def test_funders(analyse, text: str, funders: set[str]) -> None:
    assert analyse("en", text).funders == funders
