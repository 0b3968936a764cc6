"""German adjectival nouns in every declension, and words whose sense depends on the text."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "notation"),
    [
        ("Vermittlung von ehemaligen Inhaftierten in Arbeit\n\nProjekt.", "ex-prisoners"),
        ("Projekt.\nBegleitet wurden 40 Gefangene.", "prisoners"),
        ("Projekt.\nDas Angebot richtet sich an Langzeitarbeitslose.", "unemployed"),
        (
            "Projekt.\nZielgruppe: 24 junge Menschen, die weder in Ausbildung noch in Arbeit sind.",
            "neet",
        ),
    ],
)
def test_declined_forms_match(analyse, text: str, notation: str) -> None:
    assert notation in analyse("de", text).target_groups


def test_officers_in_a_police_text(analyse) -> None:
    text = (
        "Projekt.\nDie Polizei plant gemeinsame Streifen.\nSprachkurse Tschechisch für 120 Beamte."
    )
    found = analyse("de", text).target_groups
    assert "law-enforcement-officers" in found
    assert "public-officials" not in found


def test_civil_servants_elsewhere(analyse) -> None:
    text = "Projekt.\nDas Ministerium bietet Schulungen für 120 Beamte an."
    found = analyse("de", text).target_groups
    assert "public-officials" in found
    assert "law-enforcement-officers" not in found


def test_a_noun_label_is_not_a_verb(analyse) -> None:
    # "Richter" (judges) has no declension variant that is the verb "richten"
    assert (
        "judiciary-staff"
        not in analyse("de", "Projekt.\nWir richten den Blick nach vorn.").target_groups
    )
