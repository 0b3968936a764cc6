"""Public budgets fund a project; a programme the text excludes does not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        ("cs", "Projekt je spolufinancován ze státního rozpočtu.", "national-public"),
        (
            "cs",
            "Spolufinancování z rozpočtu statutárního města Olomouce (95 000 Kč).",
            "local-public",
        ),
        ("pl", "Projekt został sfinansowany z budżetu gminy Lublin.", "local-public"),
        ("sl", "Delavnice so financirane iz proračuna občine.", "local-public"),
        ("sl", "Projekt sofinancirata Republika Slovenija in Evropska unija.", "national-public"),
        ("sk", "Projekt bol financovaný z rozpočtu samosprávneho kraja.", "national-public"),
        (
            "de",
            "Das Projekt wird aus Mitteln des Europäischen Sozialfonds Plus (ESF Plus) und "
            "des Freistaates Sachsen finanziert.",
            "national-public",
        ),
        ("de", "Das Netzwerktreffen wird aus dem Kreishaushalt finanziert.", "local-public"),
        ("de", "Gefördert vom Land Brandenburg.", "national-public"),
        ("en", "The project is funded from the city budget.", "local-public"),
        ("en", "The centre is financed by the state.", "national-public"),
    ],
)
def test_public_budget_is_a_funder(analyse, lang: str, text: str, notation: str) -> None:
    assert notation in analyse(lang, text).funders


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # a budget named without money for this project
        ("en", "The city budget was discussed by the council.", "local-public"),
        # support *for* municipalities is not money from them
        ("cs", "Projekt podporuje obce v Libereckém kraji.", "local-public"),
        ("pl", "Szkolenia dla gmin i powiatów.", "local-public"),
        # an organisation that is not public, named after a budget word
        (
            "cs",
            "Vydání brožury podpořil příspěvkem Svaz průmyslu a dopravy České republiky.",
            "national-public",
        ),
        # "ně" (them) is no negation in Czech: the programme funds the project
    ],
)
def test_no_public_money(analyse, lang: str, text: str, notation: str) -> None:
    assert notation not in analyse(lang, text).funders


@pytest.mark.parametrize(
    ("lang", "text", "excluded", "funder"),
    [
        (
            "sl",
            "Projekt ne bo financiran iz Evropskega socialnega sklada, ampak iz programa Interreg.",
            "esf",
            "interreg",
        ),
        ("en", "The project is not funded by the ESF but by Erasmus+.", "esf", "erasmus-plus"),
        (
            "de",
            "Im Gegensatz zu Erasmus+ wird das Projekt aus dem ESF Plus gefördert.",
            "erasmus-plus",
            "esf",
        ),
        (
            "pl",
            "Projekt nie jest finansowany z EFS, lecz z programu Erasmus+.",
            "esf",
            "erasmus-plus",
        ),
    ],
)
def test_excluded_programme_is_not_a_funder(
    analyse, lang: str, text: str, excluded: str, funder: str
) -> None:
    funders = analyse(lang, text).funders
    assert excluded not in funders
    assert funder in funders


def test_czech_them_is_not_a_negation(analyse) -> None:
    text = (
        "Město na ně získalo dotaci z Programu prevence kriminality, který vyhlašuje "
        "Ministerstvo vnitra."
    )
    assert "national-public" in analyse("cs", text).funders


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "from its own budget": the money of the public body the sentence is about
        ("cs", "Projekt.\nNáklady hradí město Kroměříž ze svého rozpočtu.", True),
        (
            "pl",
            "Projekt.\nDodatkowe służby miasto Bydgoszcz sfinansowało z własnego budżetu.",
            True,
        ),
        ("sk", "Projekt.\nObec prispieva 5 % zo svojho rozpočtu.", True),
        # a programme's name is no owner; partners' own funds are no public money
        (
            "sl",
            "Projekt.\nProjekt je sofinanciran iz Evropskega sklada za regionalni razvoj (80 %), "
            "preostanek pokrivajo partnerji iz lastnih sredstev.",
            False,
        ),
    ],
)
def test_own_budget_of_a_public_body(analyse, lang: str, text: str, expected: bool) -> None:
    funders = analyse(lang, text).funders
    assert bool(funders & {"local-public", "national-public"}) is expected
