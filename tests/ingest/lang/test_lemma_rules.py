"""Case-ending rules give lemmas to Czech, Slovak and Slovene words the lemmatiser lacks."""

from __future__ import annotations

import pytest

from ingest.components.lemmatizer import lemma_of
from ingest.lemmatize import lemmatize


@pytest.mark.parametrize(
    ("word", "lang", "lemma"),
    [
        ("metodiku", "cs", "metodika"),
        ("modelu", "cs", "model"),
        ("stratégiou", "sk", "stratégia"),
        # verbs: past forms and the third person
        ("vyškolili", "cs", "vyškolit"),
        ("školí", "cs", "školit"),
        ("zmapovali", "cs", "zmapovat"),
        ("izobrazili", "sl", "izobraziti"),
    ],
)
def test_case_endings(word: str, lang: str, lemma: str) -> None:
    assert lemma_of(word, lang) == lemma


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("Metodiku", "cs"),  # capitalised words (names) are left to the lemmatiser
        ("xyzabcu", "cs"),  # no known base form
        ("metodiku", "de"),  # no rules for German
    ],
)
def test_no_rule_applies(word: str, lang: str) -> None:
    assert lemma_of(word, lang) == lemmatize(word, lang)


def test_inflected_label_matches_in_text(analyse) -> None:
    found = analyse("cs", "Projekt.\nPartneři společně vytvořili metodiku práce s klienty.")
    assert "strategy-development" in found.activity_types


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Mitarbeiter*innen", "Mitarbeiter"),
        ("SozialarbeiterInnen", "Sozialarbeiter"),
        ("Polizeibeamt*innen", "Polizeibeamter"),
        ("Psycholog*in", "Psychologe"),
        ("Berlin", "Berlin"),  # no gender form
    ],
)
def test_german_gender_forms(word: str, lemma: str) -> None:
    assert lemma_of(word, "de") == lemma


@pytest.mark.parametrize(
    ("word", "lang", "lemma"),
    [
        # adjectives the lemmatiser does not know, also capitalised inside a name
        ("Nadačního", "cs", "nadační"),
        ("Intervenčním", "cs", "intervenční"),
        ("nadačného", "sk", "nadačný"),
        # an -í noun in the instrumental keeps its -í
        ("vzděláváním", "cs", "vzdělávání"),
    ],
)
def test_adjective_endings(word: str, lang: str, lemma: str) -> None:
    assert lemma_of(word, lang) == lemma


def test_an_inflected_name_with_an_unknown_adjective_is_found(analyse) -> None:
    found = analyse("cs", "Na dresy jsme dostali příspěvek od Nadačního fondu Albert.")
    assert found.with_surface("Nadačního fondu Albert").actor_type == "ngo"
    assert "private-foundation" in found.funders


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Kriminalpräventive", "kriminalpräventiv"),
        ("niedrigschwelligen", "niedrigschwellig"),
        ("Migranten", "Migrant"),  # a noun the lemmatiser knows is left to it
        ("Regensburger", "Regensburger"),  # no adjective suffix before the ending
    ],
)
def test_german_adjectives_the_lemmatiser_lacks(word: str, lemma: str) -> None:
    assert lemma_of(word, "de") == lemma


def test_a_declined_german_adjective_label_matches(analyse) -> None:
    assert "advisory-body" in analyse("de", "Der Kriminalpräventive Rat tagte.").actor_types


def test_a_capitalised_label_word_meets_its_inflected_lower_case_lemma(analyse) -> None:
    # "Norveški" lemmatises to the country, "Norveškega" to the adjective "norveški"
    found = analyse("sl", "Obisk je bil financiran iz Norveškega finančnega mehanizma.")
    assert "eea-norway-grants" in found.funders
