"""Czech: inflected names to nominative labels, typing, odbor vs odbory, funders in context."""

from __future__ import annotations

import pytest

ORGANISATIONS = [
    # text, canonical label, actor type
    (
        "Projekt realizuje Probační a mediační služba ve spolupráci s Vězeňskou službou "
        "České republiky.",
        "Vězeňská služba České republiky",
        "prison-service",
    ),
    (
        "Ve dnech 18.–20. dubna přivítala Vazební věznice Praha-Ruzyně návštěvu z Krajského "
        "soudu v Žilině.",
        "Krajský soud v Žilině",
        "court-prosecution",
    ),
    (
        "Ve dnech 18.–20. dubna přivítala Vazební věznice Praha-Ruzyně návštěvu.",
        "Vazební věznice Praha-Ruzyně",
        "prison-service",
    ),
    (
        "Organizace In IUSTITIA, o. p. s. pomáhá obětem tzv. zločinů z nenávisti.",
        "In IUSTITIA, o. p. s.",
        "ngo",
    ),
    (
        "Odbor prevence kriminality Ministerstva vnitra pořádá seminář.",
        "Odbor prevence kriminality Ministerstva vnitra",
        "ministry",
    ),
]


@pytest.mark.parametrize(("text", "label", "actor_type"), ORGANISATIONS)
def test_organisation_label_and_type(analyse, text: str, label: str, actor_type: str) -> None:
    assert analyse("cs", text).org(label).actor_type == actor_type


def test_a_department_gets_its_ministry_as_parent(analyse) -> None:
    found = analyse("cs", "Odbor prevence kriminality Ministerstva vnitra pořádá seminář.")
    org = found.org("Odbor prevence kriminality Ministerstva vnitra")
    assert org.parent is not None and org.parent.startswith("Ministerstvo vnitra")


def test_odbor_is_a_department_but_odbory_are_trade_unions(analyse) -> None:
    department = analyse("cs", "Odbor prevence kriminality Ministerstva vnitra pořádá seminář.")
    assert "trade-union" not in department.actor_types
    unions = analyse("cs", "Kulatého stolu se zúčastnily odbory, zaměstnavatelé a obce.")
    assert {"trade-union", "employer", "municipality"} <= unions.actor_types
    assert not unions.organisations  # generic mentions invent no organisation


def test_acronym_defined_in_brackets_is_resolved_later(analyse) -> None:
    found = analyse(
        "cs", "Policie České republiky (PČR) spolupracuje s obcemi. Zástupci PČR přišli."
    )
    police = found.org("Policie České republiky")
    assert police.acronym == "PČR" and police.actor_type == "police"
    assert sum(s.text == "PČR" for s in police.spans) == 2


def test_roles_from_the_nearest_cue(analyse) -> None:
    found = analyse(
        "cs",
        "Projekt realizuje Probační a mediační služba ve spolupráci s Vězeňskou službou "
        "České republiky.",
    )
    assert found.org("Vězeňská služba České republiky").role == "partner"
    coordinator = [m for m in found.organisations.values() if m.role == "coordinator"]
    assert [m.actor_type for m in coordinator] == ["probation-service"]


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        ("Projekt je financován z Evropského sociálního fondu.", {"esf"}),
        # a seminar *about* ESF money does not make ESF a funder
        (
            "Na semináři o možnostech čerpání z Evropského sociálního fondu promluvil ředitel.",
            set(),
        ),
        (
            "Projekt je podpořen z programu Active Citizens Fund.",
            {"active-citizens-fund", "eea-norway-grants"},
        ),
        ("Projekt byl financován z programu Spravedlnost Norských fondů.", {"eea-norway-grants"}),
    ],
)
def test_funders(analyse, text: str, funders: set[str]) -> None:
    assert analyse("cs", text).funders == funders


def test_generic_mentions_are_not_organisations(analyse) -> None:
    found = analyse("cs", "Zapojená ministerstva a Vaše město nejsou organizace.")
    assert not found.organisations
    assert "ministry" in found.actor_types


def test_demonyms_and_target_groups(analyse) -> None:
    found = analyse("cs", "Na workshopu vystoupili norští partneři. Vězni a odsouzení se učili.")
    assert "NO" in found.countries
    assert "prisoners" in found.target_groups
    assert "workshop" in found.activity_types


def test_abbreviations_do_not_end_sentences(analyse) -> None:
    found = analyse("cs", "Pomáháme obětem tzv. zločinů z nenávisti, mj. v Praze. Druhá věta.")
    assert len(found.sentences) == 2
