"""Generic actor types ("municipalities", "NGOs") only where the text names an actor."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # a region or town used as a place
        ("cs", "Zaměstnávání lidí po výkonu trestu v Libereckém kraji.", "regional-government"),
        ("cs", "Počet krádeží v příhraničních obcích klesl.", "municipality"),
        ("sk", "Služby budú dostupné vo všetkých krajských mestách.", "municipality"),
        ("pl", "Projekt realizowany jest w regionie.", "regional-government"),
        ("de", "Wir zeigen, was in der Region funktioniert.", "regional-government"),
        ("en", "Police officers were trained in the Trenčín region.", "regional-government"),
        # the EU disclaimer names the Commission, not a project actor
        (
            "en",
            "The Commission cannot be held responsible for any use of the information.",
            "advisory-body",
        ),
        # social media are a channel, not a media outlet
        ("en", "Traffickers offer jobs through social media.", "media"),
        ("cs", "Zapojení do sociálních médií bylo omezené.", "media"),
        # where a target group works: genitive right after the group
        ("pl", "Badanie wśród 2 300 pracowników ośrodków pomocy społecznej.", "social-services"),
        ("cs", "Organizace sdružuje zaměstnance norských věznic.", "prison-service"),
    ],
)
def test_not_an_actor(analyse, lang: str, text: str, notation: str) -> None:
    assert notation not in analyse(lang, text).actor_types


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        ("cs", "Do projektu se zapojily obce a neziskové organizace.", "municipality"),
        ("pl", "Partnerami są gminy i organizacje pozarządowe.", "municipality"),
        ("en", "Regional authorities and NGOs take part.", "regional-government"),
        ("de", "Beteiligt sind Kommunen und Vereine.", "municipality"),
        ("sl", "Sodelujejo občine in centri za socialno delo.", "social-services"),
        ("sk", "Zapojili sa samosprávne kraje a mestá.", "regional-government"),
    ],
)
def test_generic_actor_mentions_count(analyse, lang: str, text: str, notation: str) -> None:
    assert notation in analyse(lang, text).actor_types


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a working group, a committee or "the Commission" alone is no advisory body
        ("cs", "Výstupy pracovních skupin shrneme do návrhů."),
        ("en", "That action was financed by the Commission programme."),
        ("de", "Die Arbeitsgruppe trifft sich monatlich."),
    ],
)
def test_generic_group_words_are_no_advisory_body(analyse, lang: str, text: str) -> None:
    assert "advisory-body" not in analyse(lang, text).actor_types


def test_a_named_kind_of_advisory_body_still_counts(analyse) -> None:
    assert "advisory-body" in analyse("de", "Ein Präventionsrat wurde gegründet.").actor_types
