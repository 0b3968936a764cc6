"""A label is met in the sense it has: homonyms and wrong-sense words do not trigger concepts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "category", "notation"),
    [
        # Polish "ma" (has) lemmatises to "mój", like the English acronym "MoJ"
        (
            "pl",
            "Do końca roku szkolenie ma ukończyć 600 osób. To ma sens.",
            "actor_types",
            "ministry",
        ),
        # Slovene "imeli" (had) and the label "imam" both lemmatise to "imeti"
        ("sl", "Pomembno vlogo bodo imeli tudi centri.", "actor_types", "religious-organisation"),
        # "(red)" signs an article; it is not an editorial office ("redakce")
        ("cs", "Policie hlídkuje společně.\n(red)", "actor_types", "media"),
    ],
)
def test_homonyms_do_not_trigger(
    analyse, lang: str, text: str, category: str, notation: str
) -> None:
    assert notation not in getattr(analyse(lang, text), category)


@pytest.mark.parametrize(
    ("lang", "text", "category", "notation"),
    [
        ("cs", "Pracujeme s dětmi a jejich rodiči.", "target_groups", "children-youth"),
        ("sk", "Deti sa učia bezpečne používať internet.", "target_groups", "children-youth"),
        ("sl", "Delavnice potekajo v 12 šolah.", "actor_types", "school"),
        ("en", "The MoJ and the NGOs met.", "actor_types", "ministry"),
    ],
)
def test_inflected_and_short_forms_still_match(
    analyse, lang: str, text: str, category: str, notation: str
) -> None:
    assert notation in getattr(analyse(lang, text), category)


@pytest.mark.parametrize(
    ("lang", "text", "actor_type", "group"),
    [
        ("cs", "Kurz pro 40 probačních úředníků.", "probation-service", "prison-staff"),
        ("cs", "Výcvik je určen pro probační úředníky.", "probation-service", "prison-staff"),
    ],
)
def test_a_staff_phrase_names_the_group_and_the_kind_of_body(
    analyse, lang: str, text: str, actor_type: str, group: str
) -> None:
    found = analyse(lang, text)
    assert actor_type in found.actor_types and group in found.target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # people under probation supervision are offenders
        ("sl", "Projekt je namenjen osebam, ki so v probacijski obravnavi.", "offenders"),
        ("cs", "Klienti jsou osoby v probačním dohledu.", "offenders"),
        # staff who attended a course took part in it
        (
            "sl",
            "Policisti obeh držav so spomladi obiskovali tečaje jezika.",
            "law-enforcement-officers",
        ),
    ],
)
def test_groups_served_or_taking_part(analyse, lang: str, text: str, group: str) -> None:
    assert group in analyse(lang, text).target_groups
