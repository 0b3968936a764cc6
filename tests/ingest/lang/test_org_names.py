"""Organisation names per language: several bodies sharing one plural head, German
adjective inflection and genitive heads, name boundaries at conjunctions, articles and
clause words, heads of names kept in their own language."""

from __future__ import annotations

import pytest

SHARED_HEAD = [
    # lang, text, labels that must all be found (one organisation per name), actor type
    (
        "de",
        "Ab Juli arbeiten in den Justizvollzugsanstalten Zeithain, Waldheim und Chemnitz "
        "zusätzliche Fachkräfte.",
        {
            "Justizvollzugsanstalt Zeithain",
            "Justizvollzugsanstalt Waldheim",
            "Justizvollzugsanstalt Chemnitz",
        },
        "prison-service",
    ),
    (
        "de",
        "Die Polizeipräsidien Köln und Bonn tauschen Daten aus.",
        {"Polizeipräsidium Köln", "Polizeipräsidium Bonn"},
        "police",
    ),
    (
        "cs",
        "Kurzy probíhají ve věznicích Pankrác a Ruzyně od září.",
        {"Věznice Pankrác", "Věznice Ruzyně"},
        "prison-service",
    ),
    (
        "pl",
        "Program realizują zakłady karne we Wronkach i Rawiczu.",
        {"Zakład Karny we Wronkach", "Zakład Karny w Rawiczu"},
        "prison-service",
    ),
    (
        "pl",
        "Szkolenia odbyły się w Zakładach Karnych w Lublinie, Chełmie i Zamościu.",
        {"Zakład Karny w Lublinie", "Zakład Karny w Chełmie", "Zakład Karny w Zamościu"},
        "prison-service",
    ),
    (
        "sl",
        "Sodelujejo zapori Dob in Koper.",
        {"Zapor Dob", "Zapor Koper"},
        "prison-service",
    ),
]


@pytest.mark.parametrize(("lang", "text", "labels", "actor_type"), SHARED_HEAD)
def test_a_shared_plural_head_gives_one_organisation_per_name(
    analyse, lang: str, text: str, labels: set[str], actor_type: str
) -> None:
    found = analyse(lang, text)
    for label in labels:
        assert found.org(label).actor_type == actor_type


NOT_SHARED = [
    # lang, text, a label that must not be made up
    # a singular head before "oraz" and a longer name: two names, no enumeration
    (
        "pl",
        "Byli przedstawiciele Straży Miejskiej w Łowiczu oraz Miejskiego Ośrodka Pomocy "
        "Społecznej, który prowadzi akcję.",
        "Straż Miejska w Miejskiego",
    ),
    # Czech prisons "in Oslo and Bergen" are described, not named
    ("cs", "Navštívili jsme několik norských věznic v Oslu a Bergenu.", "Věznice v Oslu"),
    # municipalities after a location preposition are where something happens
    (
        "pl",
        "Kolejne spotkania zaplanowano w gminach Nieborów i Kocierzew Południowy.",
        "Gmina Nieborów",
    ),
    ("sl", "Srečanja bodo še v Mestni četrti Pobrežje in Studenci.", "Mestni četrt Studenci"),
    # German plural common nouns are not heads by their lemma
    ("de", "Es geht um Austausch und Netzwerke in der Region.", "Austausch und Netzwerk"),
]


@pytest.mark.parametrize(("lang", "text", "label"), NOT_SHARED)
def test_no_shared_head_organisation(analyse, lang: str, text: str, label: str) -> None:
    assert label not in analyse(lang, text).organisations


def test_a_singular_head_before_oraz_keeps_both_names(analyse) -> None:
    found = analyse(
        "pl",
        "Byli przedstawiciele Straży Miejskiej w Łowiczu oraz Miejskiego Ośrodka Pomocy "
        "Społecznej, który prowadzi akcję.",
    )
    assert found.org("Straż Miejska w Łowiczu").actor_type == "municipal-police"
    assert found.org("Miejski Ośrodek Pomocy Społecznej").actor_type == "social-services"


GERMAN_LABELS = [
    # text, nominative label: strong adjective ending by the head's gender, no article
    (
        "Pressemitteilung des Sächsischen Staatsministeriums der Justiz. Das Projekt läuft.",
        "Sächsisches Staatsministerium der Justiz",
    ),
    ("Die Beamten des Polizeipräsidiums Gelsenkirchen kamen.", "Polizeipräsidium Gelsenkirchen"),
    (
        "Der Kommunale Präventionsrat der Stadt Essen tagte.",
        "Kommunaler Präventionsrat der Stadt Essen",
    ),
    ("Mit dem Kommunalen Ordnungsdienst wurde gesprochen.", "Kommunaler Ordnungsdienst"),
    (
        "Eine Referentin der Niedersächsischen Staatskanzlei sprach.",
        "Niedersächsische Staatskanzlei",
    ),
    ("Wir danken dem Weißen Ring e. V. für die Hilfe.", "Weißer Ring e. V."),
    ("Der WEISSE RING e. V. hilft.", "WEISSER RING e. V."),
]


@pytest.mark.parametrize(("text", "label"), GERMAN_LABELS)
def test_german_label_is_nominative(analyse, text: str, label: str) -> None:
    analyse("de", text).org(label)


def test_a_city_adjective_keeps_its_form() -> None:
    from ingest.components.organisations.labels import _german_adjective_stem

    assert _german_adjective_stem("Berliner") is None
    assert _german_adjective_stem("Hamburger") is None
    assert _german_adjective_stem("Sächsischen") == "Sächsisch"
    assert _german_adjective_stem("WEISSEN") == "WEISS"


BOUNDARIES = [
    # lang, text, the exact surface, a longer surface that must not be found
    # "and" + preposition starts a new phrase
    (
        "cs",
        "Spolupracuje s odborovým svazem KOVO a s organizací Poradna pro integraci, z. ú. "
        "na projektu.",
        "Poradna pro integraci, z. ú.",
        "KOVO a s organizací Poradna pro integraci, z. ú.",
    ),
    (
        "de",
        "Mit der Caritas und vom Verein Roma-Selbsthilfe Ruhr e. V. arbeiten wir.",
        "Roma-Selbsthilfe Ruhr e. V.",
        "Caritas und vom Verein Roma-Selbsthilfe Ruhr e. V.",
    ),
    # a nominative article never stands inside a name after one of its words
    (
        "de",
        "In Chemnitz die Stadtmission Chemnitz e. V. hilft.",
        "Stadtmission Chemnitz e. V.",
        "Chemnitz die Stadtmission Chemnitz e. V.",
    ),
    # a sentence-initial article is not part of the name
    ("de", "Der WEISSE RING e. V. hilft.", "WEISSE RING e. V.", "Der WEISSE RING e. V."),
    # forms of "to be" and particles after a name end it
    (
        "sl",
        "Na Upravni enoti Ljubljana pa smo mu pomagali.",
        "Upravni enoti Ljubljana",
        "Upravni enoti Ljubljana pa",
    ),
    (
        "cs",
        "V Probační a mediační službě jsem pracovala dva roky.",
        "Probační a mediační službě",
        "Probační a mediační službě jsem",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "longer"), BOUNDARIES)
def test_name_boundary(analyse, lang: str, text: str, surface: str, longer: str) -> None:
    surfaces = analyse(lang, text).surfaces()
    assert surface in surfaces, sorted(surfaces)
    assert longer not in surfaces


OWN_LANGUAGE = [
    # lang, text, surface, actor type: names kept in their own language
    # municipal police in an inflected case keeps its type (the adjective's lemma is a key)
    (
        "cs",
        "Přednášku vedli strážníci Městské policie Kroměříž.",
        "Městské policie Kroměříž",
        "municipal-police",
    ),
    (
        "sk",
        "Prednášali príslušníci Mestskej polície Trenčín.",
        "Mestskej polície Trenčín",
        "municipal-police",
    ),
    # social services named by what they do, not by a generic 'centre' (which defaults to ngo)
    (
        "pl",
        "Współpracujemy z Miejskim Ośrodkiem Pomocy Rodzinie w Lublinie.",
        "Miejskim Ośrodkiem Pomocy Rodzinie w Lublinie",
        "social-services",
    ),
    (
        "en",
        "The Vilnius City Social Support Centre hosted the group.",
        "Vilnius City Social Support Centre",
        "social-services",
    ),
    (
        "cs",
        "Intervenční centrum Jihlava pomáhá obětem.",
        "Intervenční centrum Jihlava",
        "social-services",
    ),
    # a Slovak labour office in the instrumental ('práce' lemmatised as 'práca')
    (
        "sk",
        "Spolupracovali sme s Úradom práce, sociálnych vecí a rodiny v Košiciach.",
        "Úradom práce, sociálnych vecí a rodiny v Košiciach",
        "labour-office",
    ),
    ("en", "The partner Stichting Kompas runs groups in Utrecht.", "Stichting Kompas", "ngo"),
    ("en", "Our Estonian partner MTÜ Uus Algus trains mentors.", "MTÜ Uus Algus", "ngo"),
    ("en", "Funding came from the Hope Street Trust in London.", "Hope Street Trust", "ngo"),
    (
        "en",
        "Volunteers of the Lithuanian Red Cross Society helped.",
        "Lithuanian Red Cross Society",
        "ngo",
    ),
    (
        "sk",
        "Prednášku mala Jednota dôchodcov Slovenska v Košiciach.",
        "Jednota dôchodcov Slovenska",
        "ngo",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "actor_type"), OWN_LANGUAGE)
def test_name_with_a_head_in_its_own_language(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    found = analyse(lang, text)
    assert found.with_surface(surface).actor_type == actor_type


NOT_NAMES = [
    # lower-case uses of the new heads are no names
    ("en", "Building trust with the local society takes time.", "trust"),
    ("cs", "Sedli jsme si do kruhu a mluvili o lize.", "kruhu"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_NAMES)
def test_lower_case_head_is_no_name(analyse, lang: str, text: str, word: str) -> None:
    assert not any(word in s for s in analyse(lang, text).surfaces())


PERSON_AFTER_NAME = [
    # lang, text, the name, the name with the person's name glued on
    (
        "cs",
        "Za Městský úřad Kolín Petra Hájková uvedla, že projekt pokračuje.",
        "Městský úřad Kolín",
        "Městský úřad Kolín Petra",
    ),
    (
        "pl",
        "Przewodniczący Zarządu Regionu Dominik Kolorz powiedział, że to ważne.",
        "Zarządu Regionu",
        "Zarządu Regionu Dominik Kolorz",
    ),
    (
        "de",
        "Für das Jobcenter Essen Thomas Müller sprach zuerst.",
        "Jobcenter Essen",
        "Jobcenter Essen Thomas Müller",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "longer"), PERSON_AFTER_NAME)
def test_a_person_after_a_name_is_not_part_of_it(
    analyse, lang: str, text: str, surface: str, longer: str
) -> None:
    surfaces = analyse(lang, text).surfaces()
    assert surface in surfaces, sorted(surfaces)
    assert not any(s.startswith(longer) for s in surfaces)


def test_a_genitive_person_inside_a_name_stays(analyse) -> None:
    assert "Nadace Olgy Havlové" in analyse("cs", "Nadace Olgy Havlové pomáhá.").surfaces()


CLAUSE_AFTER_NAME = [
    ("cs", "Peníze dalo Ministerstvo vnitra, a zbytek dala obec.", "Ministerstvo vnitra, a zbytek"),
    ("cs", "Město zároveň platí asistenty prevence kriminality.", "Město zároveň"),
]


@pytest.mark.parametrize(("lang", "text", "surface"), CLAUSE_AFTER_NAME)
def test_a_clause_after_a_name_is_not_part_of_it(
    analyse, lang: str, text: str, surface: str
) -> None:
    assert surface not in analyse(lang, text).surfaces()


def test_a_short_form_without_its_complement_is_the_same_body(analyse) -> None:
    found = analyse(
        "de",
        "Der Kommunale Präventionsrat der Stadt Gelsenkirchen tagte. "
        "Der Kommunale Präventionsrat beschloss ein Programm.",
    )
    assert len(found.organisations) == 1
    org = found.org("Kommunaler Präventionsrat der Stadt Gelsenkirchen")
    assert "Kommunale Präventionsrat" in org.surface_forms


def test_a_unit_is_not_merged_into_its_parent(analyse) -> None:
    found = analyse(
        "cs",
        "Odbor prevence kriminality Ministerstva vnitra vypsal výzvu. "
        "Ministerstvo vnitra ji financuje.",
    )
    assert len(found.organisations) == 2


MORE_NAMES = [
    # lang, text, surface, actor type
    # a hyphenated adjective inside a German complement
    (
        "de",
        "Mit dem Gemeinsamen Zentrum der deutsch-tschechischen Polizei- und "
        "Zollzusammenarbeit arbeiten wir.",
        "Gemeinsamen Zentrum der deutsch-tschechischen Polizei- und Zollzusammenarbeit",
        "police",
    ),
    # Scandinavian names end with their head, also inside Czech, Polish or English text
    (
        "cs",
        "Setkali jsme se s lidmi z Oslo politidistrikt, kteří pomohli.",
        "Oslo politidistrikt",
        "police",
    ),
    ("pl", "Delegacja odwiedziła Halden fengsel w Norwegii.", "Halden fengsel", "prison-service"),
    (
        "en",
        "We visited Statens barnehus Oslo last year.",
        "Statens barnehus Oslo",
        "social-services",
    ),
    # German and Austrian states as governments
    (
        "de",
        "Der Freistaat Sachsen verstärkt die Begleitung.",
        "Freistaat Sachsen",
        "regional-government",
    ),
    (
        "de",
        "Fördergeber: Land Steiermark, Abteilung Soziales.",
        "Land Steiermark",
        "regional-government",
    ),
    (
        "de",
        "Mittel aus dem Programm des Landes Nordrhein-Westfalen.",
        "Landes Nordrhein-Westfalen",
        "regional-government",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "actor_type"), MORE_NAMES)
def test_more_names_are_found_and_typed(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    found = analyse(lang, text)
    assert found.with_surface(surface).actor_type == actor_type


NOT_MORE_NAMES = [
    # a state after "im" is a place
    ("de", "Förderung: ESF Plus im Freistaat Sachsen 2021–2027.", "Freistaat Sachsen"),
    # English lower-case plural heads after capitals are generic
    ("en", "Education in Slovenian prisons is funded by the ESF.", "Slovenian prisons"),
    # a Czech location after a name-final head is the text's, not the name's
    ("cs", "Navštívili jsme Bredtveit fengsel v Norsku.", "Bredtveit fengsel v Norsku"),
]


@pytest.mark.parametrize(("lang", "text", "surface"), NOT_MORE_NAMES)
def test_not_more_names(analyse, lang: str, text: str, surface: str) -> None:
    assert surface not in analyse(lang, text).surfaces()


APPOSITIVE = [
    # lang, text, surface: a name described after its comma by a classifier noun
    (
        "en",
        "The cascade continues. Queer Montenegro, a local civil society organisation, "
        "co-delivered the sessions.",
        "Queer Montenegro",
    ),
    (
        "sk",
        "Pomáha nám Liga za ľudské práva, mimovládna organizácia z Bratislavy.",
        "Liga za ľudské práva",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface"), APPOSITIVE)
def test_a_name_described_by_an_appositive_is_found(
    analyse, lang: str, text: str, surface: str
) -> None:
    found = analyse(lang, text)
    orgs = [m for m in found.organisations.values() if surface in m.surface_forms]
    assert orgs and orgs[0].actor_type == "ngo", sorted(found.surfaces())


NOT_APPOSITIVE = [
    # a place or a capitalised preposition before the comma is no name
    ("en", "In Prague, a large organisation helped the prison."),
    ("sk", "Cez workshopy, ktoré vedie organizácia, sa učia."),
    ("sl", "V Novem mestu, kjer deluje organizacija, so tečaji."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_APPOSITIVE)
def test_no_appositive_name(analyse, lang: str, text: str) -> None:
    assert analyse(lang, text).organisations == {}


LEFT_AND_NESTED = [
    # lang, text, surface that must be found, longer surface that must not
    # a plural noun opening the sentence is not part of the name after it
    (
        "sl",
        "Policisti Policijske postaje Maribor II so prišli na srečanje.",
        "Policijske postaje Maribor II",
        "Policisti Policijske postaje Maribor II",
    ),
    (
        "cs",
        "Policisté Krajského ředitelství policie Jihomoravského kraje pomohli.",
        "Krajského ředitelství policie Jihomoravského kraje",
        "Policisté Krajského ředitelství policie Jihomoravského kraje",
    ),
    # a nested body keeps its own complement
    (
        "de",
        "Die Regionaldirektion Sachsen der Bundesagentur für Arbeit zahlt.",
        "Regionaldirektion Sachsen der Bundesagentur für Arbeit",
        "Regionaldirektion Sachsen der Bundesagentur für Arbeit zahlt",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "longer"), LEFT_AND_NESTED)
def test_left_edge_and_nested_complement(
    analyse, lang: str, text: str, surface: str, longer: str
) -> None:
    surfaces = analyse(lang, text).surfaces()
    assert surface in surfaces, sorted(surfaces)
    assert longer not in surfaces


def test_unknown_adjectives_still_open_a_name(analyse) -> None:
    surfaces = analyse(
        "sk", "Konzultačné a informačné centrum EDUKOS pomáha mladým ľuďom."
    ).surfaces()
    assert "Konzultačné a informačné centrum EDUKOS" in surfaces


def test_a_capitalised_genitive_noun_ending_like_an_adjective_stays(analyse) -> None:
    found = analyse(
        "sl", "Člani Lokalnega preventivnega sveta Mestne občine Maribor so se sestali."
    )
    org = found.org("Lokalni preventivni svet Mestne občine Maribor")
    assert org.actor_type == "advisory-body"
