"""German compounds no label lists take their head's concept; a help compound's first
part names whom the help is for."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "category", "notation"),
    [
        ("Viele brauchen mehr als eine Mindestberatung.", "activity_types", "counselling"),
        ("Wir bieten einen Trainingskurs an.", "activity_types", "training"),
        ("Die Ergebnisse erscheinen im Praxishandbuch.", "activity_types", "publication"),
        (
            "Das Gewaltschutzzentrum bietet Opferschutzberatung an.",
            "target_groups",
            "victims-of-crime",
        ),
        ("Der Verein bietet Seniorenbetreuung an.", "target_groups", "seniors"),
        ("Sie bietet Frauenberatung an.", "target_groups", "women"),
    ],
)
def test_compound_takes_its_parts_concepts(
    analyse, text: str, category: str, notation: str
) -> None:
    assert notation in getattr(analyse("de", text), category)


@pytest.mark.parametrize(
    ("text", "category", "notation"),
    [
        # a verb is no noun label: "besuchen" is not a study visit ("Besuch")
        ("Die Teilnehmer müssen eine Beratung besuchen.", "activity_types", "study-visit"),
        # money and offices are not families or officials
        ("Das Projekt wird aus dem Landeshaushalt finanziert.", "target_groups", "families"),
        ("Die Stadtverwaltung lädt ein.", "target_groups", "public-officials"),
        # childcare offered at an event does not make children the target group
        ("Kinderbetreuung während der Tagung wird angeboten.", "target_groups", "children-youth"),
        # a case conference is a meeting, not a conference
        ("Es gab eine Fallkonferenz mit dem Sozialdienst.", "activity_types", "conference"),
    ],
)
def test_compound_negative_cases(analyse, text: str, category: str, notation: str) -> None:
    assert notation not in getattr(analyse("de", text), category)
