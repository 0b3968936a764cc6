"""Funders from the organisation that pays, and programmes named inside such names."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "funders"),
    [
        (
            "de",
            "Die Konferenz wird von der Privatstiftung Brückenschlag und vom "
            "Bundesministerium für Justiz gefördert.",
            {"private-foundation", "national-public"},
        ),
        ("en", "Funding: U.S. Embassy in Prague (USD 48,000).", {"foreign-government"}),
        ("sk", "Projekt podporil Medzinárodný vyšehradský fond.", {"visegrad-fund"}),
        (
            "en",
            "Funded by the European Union's Justice Programme (JUST-2021-JACC).",
            {"justice-programme"},
        ),
        (
            "pl",
            "Projekt jest współfinansowany przez Szwajcarię w ramach "
            "Szwajcarsko-Polskiego Programu Współpracy.",
            {"swiss-contribution"},
        ),
        (
            "sl",
            "Financiranje: Mestna občina Celje, javni razpis za programe preventive.",
            {"local-public"},
        ),
    ],
)
def test_paying_organisations(analyse, lang: str, text: str, funders: set[str]) -> None:
    assert analyse(lang, text).funders == funders


@pytest.mark.parametrize(
    ("lang", "text", "funders"),
    [
        # a partner is not a funder
        ("cs", "Partnerem projektu je Ministerstvo vnitra.", set()),
        # a ministry that operates a named programme adds no national money
        (
            "pl",
            "Umowę o dofinansowanie z Europejskiego Funduszu Społecznego podpisało "
            "Ministerstwo Rodziny i Polityki Społecznej.",
            {"esf"},
        ),
        (
            "en",
            "The project, funded by Erasmus+, is coordinated by the Ministry of Justice.",
            {"erasmus-plus"},
        ),
    ],
)
def test_organisations_that_do_not_pay(analyse, lang: str, text: str, funders: set[str]) -> None:
    assert analyse(lang, text).funders == funders
