"""Organisation names of a few structural kinds, per language: a town written with a
lower-case town word when it acts ("hradí město Kroměříž"), not where something happens
("v obci Hermanovce"); a foundation named as a funder ("Nadácia Pontis")."""

from __future__ import annotations

import pytest

TOWN_AS_ACTOR = [
    # lang, text, label, a surface form
    (
        "cs",
        "Náklady ve výši 180 000 Kč hradí město Kroměříž ze svého rozpočtu.",
        "Město Kroměříž",
        "město Kroměříž",
    ),
    (
        "pl",
        "Dodatkowe służby miasto Bydgoszcz sfinansowało z własnego budżetu.",
        "Miasto Bydgoszcz",
        "miasto Bydgoszcz",
    ),
    (
        "sk",
        "Oznamujeme, že obec Hermanovce uspela so žiadosťou o pokračovanie projektu.",
        "Obec Hermanovce",
        "obec Hermanovce",
    ),
    (
        "sk",
        "Projekt realizujeme spolu s mestom Uherské Hradiště.",
        "Mesto Uherské Hradiště",
        "mestom Uherské Hradiště",
    ),
    (
        "pl",
        "Akcję przygotowaliśmy razem z gminą Maszkowice.",
        "Gmina Maszkowice",
        "gminą Maszkowice",
    ),
    (
        "sl",
        "Delavnice pripravljamo skupaj z Mestno občino Celje.",
        "Mestna občina Celje",
        "Mestno občino Celje",
    ),
    # the capitalised title of a capital city
    (
        "sk",
        "Projekt podporilo Hlavné mesto Slovenskej republiky Bratislava.",
        None,
        "Hlavné mesto Slovenskej republiky Bratislava",
    ),
]


@pytest.mark.parametrize(("lang", "text", "label", "surface"), TOWN_AS_ACTOR)
def test_a_town_that_acts_is_an_organisation(
    analyse, lang: str, text: str, label: str | None, surface: str
) -> None:
    found = analyse(lang, text)
    body = found.with_surface(surface)
    assert body.actor_type == "municipality"
    if label is not None:
        assert body.label == label


TOWN_AS_PLACE = [
    # lang, text, a word that must not be in any organisation's name
    ("sk", "Projekt sa realizuje v obci Hermanovce a v meste Trnava.", "Hermanovce"),
    ("cs", "Seminář se konal ve městě Kroměříž.", "Kroměříž"),
    ("cs", "Do města Kroměříž přijeli hosté z Norska.", "Kroměříž"),
    ("cs", "Odborníci přijeli z města Brna.", "Brna"),
    ("pl", "Spotkania zaplanowano w gminie Maszkowice i w mieście Bydgoszcz.", "Bydgoszcz"),
    ("pl", "Mieszkańcy miast Polski spotkali się w Krakowie.", "Polski"),
    ("sl", "Srečanje je bilo v občini Brežice.", "Brežice"),
    # a town of another body's name is not a second body
    ("cs", "Podporu zajišťuje Odbor sociálních služeb Magistrátu města Plzně.", None),
]


@pytest.mark.parametrize(("lang", "text", "word"), TOWN_AS_PLACE)
def test_a_town_as_a_place_is_no_organisation(
    analyse, lang: str, text: str, word: str | None
) -> None:
    found = analyse(lang, text)
    if word is None:
        assert len(found.organisations) == 1, sorted(found.organisations)
        return
    assert not any(word in s for s in found.surfaces()), sorted(found.surfaces())


def test_a_town_of_a_parent_stays_in_the_units_name(analyse) -> None:
    found = analyse("cs", "Podporu zajišťuje Odbor sociálních služeb Magistrátu města Plzně.")
    assert "Odbor sociálních služeb Magistrátu města Plzně" in found.surfaces()


def test_a_lower_case_and_a_titled_mention_are_one_town(analyse) -> None:
    found = analyse(
        "cs",
        "Realizátor: Statutární město Olomouc. Spolufinancování z rozpočtu statutárního "
        "města Olomouce.",
    )
    assert list(found.organisations) == ["Statutární město Olomouc"]
    assert "statutárního města Olomouce" in found.org("Statutární město Olomouc").surface_forms


FUNDING_FOUNDATIONS = [
    ("sk", "Projekt podporila Nadácia Pontis z grantového programu.", "Nadácia Pontis"),
    ("cs", "Projekt podpořila Nadace ČEZ.", "Nadace ČEZ"),
]


@pytest.mark.parametrize(("lang", "text", "label"), FUNDING_FOUNDATIONS)
def test_a_foundation_named_as_funder_is_an_organisation(
    analyse, lang: str, text: str, label: str
) -> None:
    found = analyse(lang, text)
    assert found.org(label).actor_type == "ngo"
    assert "private-foundation" in found.funders or found.funders


AUTHORITIES_WITHOUT_USUAL_HEAD = [
    # lang, text, a surface form, actor type
    (
        "de",
        "Die Senatorin für Justiz und Verfassung stellt dafür jährlich Mittel bereit.",
        "Senatorin für Justiz und Verfassung",
        "ministry",
    ),
    (
        "de",
        "Kooperationspartner: Behörde für Arbeit, Gesundheit, Soziales, Familie und "
        "Integration (Sozialbehörde); Jobcenter Hamburg",
        "Behörde für Arbeit, Gesundheit, Soziales, Familie und Integration",
        "government-agency",
    ),
    (
        "de",
        "Es sprechen Vertreter der Gewerbeaufsicht und Landesamt für Arbeitsschutz, "
        "Verbraucherschutz und Gesundheit Brandenburg.",
        "Landesamt für Arbeitsschutz, Verbraucherschutz und Gesundheit Brandenburg",
        "government-agency",
    ),
    # a compound the lemmatiser does not know, in the genitive
    (
        "de",
        "Partner: Der Präsident des Landesjustizvollzugsamtes NRW",
        "Landesjustizvollzugsamtes NRW",
        "prison-service",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "actor_type"), AUTHORITIES_WITHOUT_USUAL_HEAD)
def test_an_authority_without_the_usual_head(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    found = analyse(lang, text)
    assert found.with_surface(surface).actor_type == actor_type


NOT_AUTHORITIES = [
    # a field's label and plural kinds of bodies are no names
    ("de", "Zuständige Behörde: Bundesamt für Migration und Flüchtlinge (BAMF)", "Zuständige"),
    (
        "de",
        "Es kamen Fachkräfte aus Vereinen, Beratungsstellen und Behörden zum Netzwerktreffen.",
        "Behörde",
    ),
    # an English clause after a name ("for the use of …") is not part of it
    ("en", "We thank Belfast City Council for the use of the Waterworks park.", "use"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_AUTHORITIES)
def test_no_authority_name(analyse, lang: str, text: str, word: str) -> None:
    assert not any(word in s for s in analyse(lang, text).surfaces())


def test_a_typing_adjective_before_a_shared_plural_head(analyse) -> None:
    found = analyse(
        "sl",
        "Program bo v prvem letu potekal v probacijskih enotah Celje in Koper, kjer je "
        "največ brezposelnih.",
    )
    for label in ("Probacijska enota Celje", "Probacijska enota Koper"):
        assert found.org(label).actor_type == "probation-service"


NAME_BOUNDARIES = [
    # lang, text, the whole name as a surface form
    (
        "pl",
        "12:15 Standardy pracy – Ogólnopolska Federacja na rzecz Rozwiązywania Problemu "
        "Bezdomności",
        "Ogólnopolska Federacja na rzecz Rozwiązywania Problemu Bezdomności",
    ),
    (
        "sk",
        "Konferenciu organizuje Úrad na ochranu oznamovateľov v spolupráci s partnermi.",
        "Úrad na ochranu oznamovateľov",
    ),
    # two of the same kind inside the complement: one body
    (
        "cs",
        "Pořádá Oblastní inspektorát práce pro Moravskoslezský kraj a Olomoucký kraj ve "
        "spolupráci s partnery.",
        "Oblastní inspektorát práce pro Moravskoslezský kraj a Olomoucký kraj",
    ),
    # a second school type after "s" (with) is part of the school's name
    (
        "sk",
        "Zlepšila sa dochádzka detí do Základnej školy s materskou školou Hermanovce – "
        "členovia hliadky pomáhajú.",
        "Základnej školy s materskou školou Hermanovce",
    ),
    # a German unit's subjects, and its name without the parent after it
    (
        "de",
        "Zuständig ist die Abteilung Jugend und Familie der Stadt Dornbirn.",
        "Abteilung Jugend und Familie",
    ),
    (
        "de",
        "Der Präventionsrat tagte mit dem Referat Bauordnung der Stadt Gelsenkirchen.",
        "Referat Bauordnung",
    ),
    # a Slovak adjective after a diphthong has a short ending
    (
        "sk",
        "Fond malých projektov spravuje Trenčiansky samosprávny kraj.",
        "Trenčiansky samosprávny kraj",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface"), NAME_BOUNDARIES)
def test_where_a_name_ends(analyse, lang: str, text: str, surface: str) -> None:
    found = analyse(lang, text)
    assert surface in found.surfaces(), sorted(found.surfaces())


def test_a_place_after_na_ends_a_name(analyse) -> None:
    found = analyse("sk", "Deti chodia do Komunitného centra Hermanovce na sídlisku pri škole.")
    assert not any("sídlisku" in s for s in found.surfaces()), sorted(found.surfaces())


def test_a_different_head_after_and_in_a_complement_is_another_body(analyse) -> None:
    found = analyse(
        "cs", "Pořádá Ministerstvo pro místní rozvoj a Olomoucký kraj ve spolupráci s obcemi."
    )
    assert "Olomoucký kraj" in found.organisations, sorted(found.organisations)


CHAPTERS = [
    # lang, text, a national chapter's name
    (
        "cs",
        "11:00 Identifikace obětí a krizová pomoc – zkušenosti La Strada Česká republika",
        "La Strada Česká republika",
    ),
    (
        "sk",
        "Pre ľudí bez domova s nocľahárňou Depaul Slovensko sme zaviedli spoločné postupy.",
        "Depaul Slovensko",
    ),
    (
        "en",
        "Speakers:\n      Transparency International Bosnia and Herzegovina\n      Others\n",
        "Transparency International Bosnia and Herzegovina",
    ),
    (
        "pl",
        "Współpracujemy z Caritas Polska oraz z Amnesty International Polska.",
        "Amnesty International Polska",
    ),
]


@pytest.mark.parametrize(("lang", "text", "label"), CHAPTERS)
def test_a_brand_and_a_country_name_a_chapter(analyse, lang: str, text: str, label: str) -> None:
    assert label in analyse(lang, text).organisations


NOT_CHAPTERS = [
    # lang, text, a country that must not close a name
    ("sk", "Projekt je financovaný v rámci Programu Slovensko 2021 – 2027.", "Slovensko"),
    ("pl", "Prowadzi projekt Wspólnych Polsko-Niemieckich Placówek.", "Polsko"),
    ("en", "Slovakia\nBeautiful Slovakia\n", "Slovakia"),
    ("en", "We travelled to Graz Austria and Ljubljana Slovenia in May.", "Austria"),
    ("cs", "Hosté přijeli z Bratislavy Slovensko a z Prahy.", "Slovensko"),
    ("sk", "Projekt je financovaný z programu Interreg Slovensko – Česko.", "Slovensko"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_CHAPTERS)
def test_a_country_after_capitals_is_not_always_a_chapter(
    analyse, lang: str, text: str, word: str
) -> None:
    assert not any(word in s for s in analyse(lang, text).surfaces())


BRANCHES = [
    # lang, text, the body's name with its branch after a dash
    (
        "sl",
        "Projektni partnerji: Uprava Republike Slovenije za zaščito in reševanje – Izpostava "
        "Koper; Javna vatrogasna postrojba Umag",
        "Uprava Republike Slovenije za zaščito in reševanje – Izpostava Koper",
    ),
    (
        "de",
        "Beraten werden sie auch durch das Úřad práce ČR – Krajská pobočka v Plzni sowie "
        "die Kammer.",
        "Úřad práce ČR – Krajská pobočka v Plzni",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface"), BRANCHES)
def test_a_branch_after_a_dash_names_the_body(analyse, lang: str, text: str, surface: str) -> None:
    found = analyse(lang, text)
    orgs = [m for m in found.organisations.values() if surface in m.surface_forms]
    assert len(orgs) == 1, sorted(found.surfaces())
    assert not any(s.startswith("Krajská") for s in found.surfaces())


NATIONAL_BODIES_INFLECTED = [
    # lang, text, the home country's one-word body
    ("sl", "Delo obsega sodelovanje s Policijo, centri za socialno delo in drugimi.", "Policija"),
    ("pl", "Zwiększenie zdolności Policji i Straży Granicznej w regionie.", "Policja"),
]


@pytest.mark.parametrize(("lang", "text", "label"), NATIONAL_BODIES_INFLECTED)
def test_a_one_word_national_body_in_any_case(analyse, lang: str, text: str, label: str) -> None:
    assert analyse(lang, text).org(label).actor_type == "police"


def test_the_body_of_a_kind_of_unit_is_not_named(analyse) -> None:
    found = analyse("pl", "Projekt buduje relacje komisariatów Policji z grupami wykluczonymi.")
    assert "Policja" not in found.organisations


KINDS_OF_BODIES = [
    # lang, text, a body named by a head of a kind added to the head table
    (
        "sl",
        "- sodelovanje s centri za socialno delo in Medresorsko delovno skupino za boj proti "
        "trgovini z ljudmi,",
        "Medresorsko delovno skupino za boj proti trgovini z ljudmi",
    ),
    (
        "de",
        "Die Bewährungs- und Gerichtshilfe Baden-Württemberg (BGBW) begleitet die jungen Menschen.",
        "Bewährungs- und Gerichtshilfe Baden-Württemberg",
    ),
    (
        "pl",
        "W weekendy do patroli dołącza Wodne Ochotnicze Pogotowie Ratunkowe, którego ratownicy "
        "kontrolują akweny.",
        "Wodne Ochotnicze Pogotowie Ratunkowe",
    ),
    ("de", "Kofinanzierung durch die Freie und Hansestadt Hamburg", "Freie und Hansestadt Hamburg"),
    # a body with a legal form after "von" is not part of its advice centre's name
    (
        "de",
        "Wer weitere Hilfe braucht, wird an die Beratungsstelle von Hilfe für Opfer von "
        "Straftaten e. V. weitervermittelt.",
        "Hilfe für Opfer von Straftaten e. V.",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface"), KINDS_OF_BODIES)
def test_a_kind_of_body(analyse, lang: str, text: str, surface: str) -> None:
    found = analyse(lang, text)
    assert surface in found.surfaces(), sorted(found.surfaces())


MORE_KINDS = [
    (
        "en",
        "| Justizanstalt Graz-Karlau | AT | host of the study visit |",
        "Justizanstalt Graz-Karlau",
    ),
    (
        "de",
        "Die Entlassung in drei Anstalten – JVA Bautzen, JVA Zeithain und "
        "Jugendstrafvollzugsanstalt Regis-Breitingen – wurde vorbereitet.",
        "Jugendstrafvollzugsanstalt Regis-Breitingen",
    ),
    (
        "pl",
        "Dotacja z budżetu państwa za pośrednictwem Wojewody Małopolskiego.",
        "Wojewody Małopolskiego",
    ),
    ("sk", "Právnici pravidelne navštevujú Záchytný tábor Sečovce.", "Záchytný tábor Sečovce"),
    (
        "sk",
        "Hostiteľom bolo aj Zariadenie pre seniorov Záhorie.",
        "Zariadenie pre seniorov Záhorie",
    ),
    (
        "pl",
        "Dyżurował psycholog z Poradni Psychologiczno-Pedagogicznej w Limanowej, co pomogło.",
        "Poradni Psychologiczno-Pedagogicznej w Limanowej",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface"), MORE_KINDS)
def test_more_kinds_of_bodies(analyse, lang: str, text: str, surface: str) -> None:
    found = analyse(lang, text)
    assert surface in found.surfaces(), sorted(found.surfaces())


def test_an_english_name_joined_by_institutional_words(analyse) -> None:
    found = analyse(
        "en",
        "None of this happens without partners. HM Prison and Probation Service gives us "
        "access to prison kitchens, as does HMP Highpoint.",
    )
    assert "HM Prison and Probation Service" in found.surfaces(), sorted(found.surfaces())
    assert "HMP Highpoint" in found.surfaces()


def test_two_english_names_with_places_stay_two(analyse) -> None:
    found = analyse("en", "Visits took place at Pankrác Remand Prison and Opava Prison.")
    assert {"Pankrác Remand Prison", "Opava Prison"} <= found.surfaces()


def test_a_head_with_its_seat_is_the_body_named_before(analyse) -> None:
    found = analyse(
        "de",
        "Ausstellung in der Kreisverwaltung Prignitz eröffnet. Seit Dienstag ist im Foyer der "
        "Kreisverwaltung in Perleberg die Ausstellung zu sehen. Der Landkreis Prignitz lädt ein.",
    )
    assert len(found.organisations) == 1, sorted(found.organisations)
    assert {"Kreisverwaltung in Perleberg", "Landkreis Prignitz"} <= found.surfaces()


def test_a_police_force_in_a_town_is_its_command_there(analyse) -> None:
    found = analyse(
        "pl",
        "Debatę zorganizowała Komenda Powiatowa Policji w Łowiczu. Policja w Łowiczu zaprasza "
        "seniorów.",
    )
    assert len(found.organisations) == 1, sorted(found.organisations)


@pytest.mark.parametrize(
    ("lang", "text", "surfaces"),
    [
        # a name word before "and" and a head after it: two bodies
        (
            "en",
            "Volunteers ran reading groups at HMP Grendon and HMP Springhill.",
            {"HMP Grendon", "HMP Springhill"},
        ),
        # a possessive adjective names the parent, whose head follows in lower case
        (
            "cs",
            "Kliniku vede Právnická fakulta Masarykovy univerzity v Brně.",
            {"Právnická fakulta Masarykovy univerzity v Brně"},
        ),
        # a possessive inside a name after its preposition
        (
            "en",
            "The grant was awarded by the Ministry for Social Policy and Children's Rights.",
            {"Ministry for Social Policy and Children's Rights"},
        ),
    ],
)
def test_names_joined_or_continued(analyse, lang: str, text: str, surfaces: set[str]) -> None:
    assert surfaces <= analyse(lang, text).surfaces()


def test_with_and_a_singular_instrumental_is_one_body(analyse) -> None:
    # "s Centrom" is singular: the names after it are one region, not two centres
    found = analyse("sl", "Sodelujemo s Centrom za socialno delo Dolenjska in Bela krajina.")
    assert "Bela" not in found.surfaces()
    assert len(found.organisations) == 1


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor_type"),
    [
        # a police unit named by its parent or the parent's acronym
        ("sk", "Spolupracujeme s Obvodným oddelením Policajného zboru Martin.",
         "Obvodným oddelením Policajného zboru Martin", "police"),
        ("pl", "Szkolenie prowadzi Wydział Doskonalenia Zawodowego KWP w Lublinie.",
         "Wydział Doskonalenia Zawodowego KWP w Lublinie", "police"),
        # research institutes and research funders
        ("de", "Begleitet wird es vom Kriminologischen Forschungsinstitut Niedersachsen.",
         "Kriminologischen Forschungsinstitut Niedersachsen", "university-research"),
        ("de", "Die Studie wurde von der Deutschen Forschungsgemeinschaft gefördert.",
         "Deutschen Forschungsgemeinschaft", "government-agency"),
        ("en", "It is funded by the Independent Research Fund Denmark.",
         "Independent Research Fund Denmark", "government-agency"),
        # unions and employers' associations
        ("de", "Mit dabei ist die IG Bauen-Agrar-Umwelt.", "IG Bauen-Agrar-Umwelt", "trade-union"),
        ("sk", "Partnerom je Zväz stavebných podnikateľov Slovenska.",
         "Zväz stavebných podnikateľov Slovenska", "employer"),
    ],
)  # fmt: skip
def test_kinds_typed_by_parent_or_modifier(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    assert analyse(lang, text).with_surface(surface).actor_type == actor_type


def test_a_police_acronym_with_its_town_is_the_command_named_in_full(analyse) -> None:
    found = analyse("pl", "Komenda Powiatowa Policji w Łowiczu (KPP w Łowiczu) zaprasza seniorów.")
    assert len(found.organisations) == 1


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor_type"),
    [
        # a Polish name with a feminine adjective in an oblique case
        ("pl", "Pomagali członkowie Ochotniczej Straży Pożarnej w Szaflarach.",
         "Ochotniczej Straży Pożarnej w Szaflarach", "fire-rescue"),
        # abbreviated heads of schools and volunteer fire brigades
        ("cs", "Děkujeme ZŠ a MŠ Újezd za pomoc.", "ZŠ a MŠ Újezd", "school"),
        ("cs", "Soutěž pořádal SDH Lhota.", "SDH Lhota", "fire-rescue"),
        ("sl", "Sodelovala je OŠ Hruševec Šentjur.", "OŠ Hruševec Šentjur", "school"),
        ("pl", "Pokaz przygotowała OSP Szaflary.", "OSP Szaflary", "fire-rescue"),
    ],
)  # fmt: skip
def test_oblique_adjectives_and_abbreviated_heads(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    assert analyse(lang, text).with_surface(surface).actor_type == actor_type


def test_a_foreign_one_word_head_gets_no_polish_adjective_forms(analyse) -> None:
    # "zaklada" (a Slovene/Croatian foundation) must not read Polish "Zakłady" as a head
    found = analyse("pl", "Partnerem są Pomorskie Zakłady Stolarskie Sp. z o.o.")
    assert found.with_surface("Pomorskie Zakłady Stolarskie Sp. z o.o.").actor_type == "employer"


@pytest.mark.parametrize(
    ("lang", "text", "not_surface"),
    [
        # a pronoun or particle after a sentence-initial head is no part of a name
        ("sl", "Šola naj bo varen prostor za vse.", "Šola naj"),
        ("cs", "Ombudsman nám sdělil, že stížnost prošetří.", "Ombudsman nám"),
    ],
)
def test_a_particle_after_a_head_ends_the_name(
    analyse, lang: str, text: str, not_surface: str
) -> None:
    assert not_surface not in analyse(lang, text).surfaces()


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor_type"),
    [
        # the head inflects, its genitive complement (with diacritics) does not
        ("sk", "Spolupracujeme s Centrom sociálnych služieb Kolónia Martin.",
         "Centrom sociálnych služieb Kolónia Martin", "social-services"),
        ("cs", "Pomáhá Centrum sociálních služeb Praha a se Centrem sociálních služeb Tábor "
         "spolupracujeme.", "Centrem sociálních služeb Tábor", "social-services"),
    ],
)  # fmt: skip
def test_an_inflected_head_before_its_fixed_complement(
    analyse, lang: str, text: str, surface: str, actor_type: str
) -> None:
    assert analyse(lang, text).with_surface(surface).actor_type == actor_type
