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
        # the subject of an active paying verb, in a sentence that names money
        (
            "de",
            "Die Kosten von rund 200.000 Euro trägt das Land Brandenburg.",
            {"national-public"},
        ),
        ("de", "Die Gemeinde Wabern übernimmt CHF 20'000 pro Jahr.", {"local-public"}),
        (
            "sl",
            "Obnovo igrišča je v celoti plačala Občina Trebnje iz proračunske postavke.",
            {"local-public"},
        ),
        (
            "pl",
            "Projekt kosztuje 50 tys. zł, z czego 20 tys. zł dołożył Samorząd Województwa "
            "Podkarpackiego.",
            {"national-public"},
        ),
        (
            "cs",
            "Na nákup vybavení přispěl částkou 40 tis. Kč Jihočeský kraj.",
            {"national-public"},
        ),
        (
            "en",
            "Leeds City Council covered the costs of the venue.",
            {"local-public"},
        ),
        # a second organisation joined by "and" to one that pays
        (
            "de",
            "Gefördert durch das Hessische Ministerium der Justiz sowie durch die Stadt "
            "Kassel und den Landkreis Kassel.",
            {"national-public", "local-public"},
        ),
        (
            "en",
            "The programme was funded by the Ministry of Justice (Violence Reduction Fund) and "
            "by the Esmée Fairbairn Foundation.",
            {"national-public", "private-foundation"},
        ),
        # a contribution from a named body
        ("de", "Ein Beitrag der Stadt Zürich deckt die Miete.", {"local-public"}),
        # bullet lines under a funding heading
        (
            "sk",
            "Financovanie projektu v roku 2025:\n• Nadácia Orange – 9 000 €\n"
            "• Mesto Poprad – 3 000 €",
            {"private-foundation", "local-public"},
        ),
        # a long bracket between the two paying bodies does not part them
        (
            "en",
            "Our work was funded by the Ministry of Justice (National Lottery Project "
            "Grants and Small Awards) and by the Paul Hamlyn Foundation.",
            {"national-public", "private-foundation"},
        ),
        # a funding word of its own after the programme: a co-funder, not the operator
        (
            "en",
            "It is funded by the Internal Security Fund (ISF) and co-funded by the Ministry "
            "of the Interior of the Czech Republic.",
            {"isf", "national-public"},
        ),
        # an active "funds" with an amount
        (
            "de",
            "Das Bayerische Staatsministerium der Justiz fördert das Vorhaben mit 180.000 Euro.",
            {"national-public"},
        ),
        # the state joined by "and" to a first funder
        (
            "sl",
            "Projekt sofinancirata Evropska unija iz Evropskega socialnega sklada plus in "
            "Republika Slovenija.",
            {"esf", "national-public"},
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
        # "contributes" without money: expertise, data, a session
        (
            "sl",
            "Pri tem sodeluje z Državno revizijsko komisijo, ki bo prispevala odločitve.",
            set(),
        ),
        (
            "en",
            "Queer Montenegro, a local organisation, contributed a session on reporting.",
            set(),
        ),
        # a body joined by "and" to a funder, but by a verb of its own: it implements
        (
            "de",
            "Gefördert durch das Bundesministerium der Justiz und umgesetzt von der "
            "Stiftung Hilfe.",
            {"national-public"},
        ),
        # a town that starts a clause of its own after "and" does not pay
        ("cs", "Projekt je financován z ESF a město pořádá akce.", {"esf"}),
        # the manager of a grant does not pay it
        ("en", "The grant is managed by the Czech National Agency, DZS.", set()),
    ],
)
def test_organisations_that_do_not_pay(analyse, lang: str, text: str, funders: set[str]) -> None:
    assert analyse(lang, text).funders == funders
