"""Slovak: genitive complements with enumerations, unions, border police, acronyms."""

from __future__ import annotations

import pytest

TEXT = (
    "Seminár zorganizovalo Ústredie práce, sociálnych vecí a rodiny so Zborom väzenskej a "
    "justičnej stráže a Konfederáciou odborových zväzov SR."
)


@pytest.mark.parametrize(
    ("label", "actor_type"),
    [
        ("Ústredie práce, sociálnych vecí a rodiny", "labour-office"),
        ("Zbor väzenskej a justičnej stráže", "prison-service"),
    ],
)
def test_organisations(analyse, label: str, actor_type: str) -> None:
    assert analyse("sk", TEXT).org(label).actor_type == actor_type


def test_union_confederation_is_a_trade_union(analyse) -> None:
    unions = [
        m for m in analyse("sk", TEXT).organisations.values() if m.actor_type == "trade-union"
    ]
    assert len(unions) == 1 and "Konfederáciou odborových zväzov SR" in unions[0].surface_forms


def test_border_police_office_is_border_guard_with_parent(analyse) -> None:
    found = analyse(
        "sk",
        "Úrad hraničnej a cudzineckej polície Prezídia Policajného zboru spolupracuje s "
        "Medzinárodnou organizáciou pre migráciu (IOM).",
    )
    office = found.org("Úrad hraničnej a cudzineckej polície Prezídia Policajného zboru")
    assert office.actor_type == "border-guard"
    assert office.parent == "Prezídium Policajného zboru"
    iom = [m for m in found.organisations.values() if m.acronym == "IOM"]
    assert iom and iom[0].actor_type == "international-organisation"


def test_odbory_prisoners_and_norway_grants(analyse) -> None:
    found = analyse(
        "sk",
        "Odsúdení a väzni sa zúčastnili. Dohodu podpísali odbory. Prišli aj zamestnávatelia. "
        "Projekt je financovaný z Nórskych grantov.",
    )
    assert "prisoners" in found.target_groups
    assert {"trade-union", "employer"} <= found.actor_types
    assert found.funders == {"eea-norway-grants"}
