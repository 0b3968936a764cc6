"""Countries from cities and city adjectives; languages and migrants' origins are not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("de", "Es berichten die Prager Organisation Mezikrok und die Krakauer Stiftung.", "CZ"),
        ("de", "Es berichten die Prager Organisation Mezikrok und die Krakauer Stiftung.", "PL"),
        ("sk", "Projekt realizuje združenie v Nitre.", "SK"),
        ("cs", "Konference se koná v Olomouci a v Brně.", "CZ"),
        ("sl", "Delavnice potekajo v Mariboru.", "SI"),
        # partners and bodies of a country are that country's, people words aside
        ("cs", "Norští partneři přijeli do Brna.", "NO"),
        ("en", "Norwegian prison officers visited the Ukrainian police academy.", "UA"),
    ],
)
def test_cities_give_countries(analyse, lang: str, text: str, country: str) -> None:
    assert country in analyse(lang, text).countries


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        # a language, not a country
        ("en", "A handbook in Czech, Slovenian, German and English.", "DE"),
        ("en", "An NGO offering German courses with childcare.", "DE"),
        ("pl", "Konferencja będzie tłumaczona na język niemiecki.", "DE"),
        # where migrants and refugees come from
        ("en", "Job counselling for 240 refugees from Ukraine, Syria and Afghanistan.", "UA"),
        (
            "de",
            "Frauen mit Fluchthintergrund aus Syrien, Afghanistan und der Ukraine lernen Deutsch.",
            "UA",
        ),
        # a country word beside a group of people says where they come from
        ("pl", "Mówiono o doświadczeniach społeczności ukraińskiej i muzułmańskiej.", "UA"),
        ("en", "Workshops for the Ukrainian community in Brno started in May.", "UA"),
        ("cs", "Poradna pomáhá ukrajinským uprchlíkům v Liberci.", "UA"),
        ("de", "Beratung für ukrainische Geflüchtete in Dresden.", "UA"),
        # where workers come from
        (
            "pl",
            "Zwrócono uwagę na pracowników z Ukrainy i Kolumbii zatrudnianych przez agencje.",
            "UA",
        ),
        ("en", "Inspectors met agency workers from Moldova and the Philippines.", "MD"),
        # German uninflected language names
        ("de", "Die Beamten besuchten Sprachkurse in Deutsch bzw. Tschechisch.", "DE"),
        # a foreign city named like an inflected common word ("varna" = safe)
        ("sl", "Projekt SPV Varna pot se nadaljuje tudi letos.", "BG"),
        # Slovene "Rome" is the Roma people, not Rome
        ("sl", "Center dela z Romi in za Rome v Krškem.", "IT"),
        # a city name that starts a sentence may be a common word ("Tábor": camp)
        ("cs", "Tábor pro děti proběhl v létě.", "CZ"),
    ],
)
def test_not_a_project_country(analyse, lang: str, text: str, country: str) -> None:
    assert country not in analyse(lang, text).countries


def test_a_country_named_with_a_language_noun_elsewhere_still_counts(analyse) -> None:
    found = analyse("en", "German partners from Germany joined the project.")
    assert "DE" in found.countries


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Officers of Police Scotland in Aberdeen took part."),
        ("en", "The programme is supported by Arts Council England."),
        ("cs", "Projekt vznikl ve spolupráci s partnery ze Skotska."),
    ],
)
def test_nations_of_the_united_kingdom(analyse, lang: str, text: str) -> None:
    assert "GB" in analyse(lang, text).countries


def test_the_english_language_is_no_country(analyse) -> None:
    assert "GB" not in analyse("en", "All sessions are held in English.").countries
