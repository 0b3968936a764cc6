"""Activity types from specific phrases; generic words named in passing do not count."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # a model, a concept, a network or a lecture mentioned once, in passing
        (
            "pl",
            "Projekt.\nPartner rozwija od lat model policji dzielnicowej.",
            "strategy-development",
        ),
        (
            "de",
            "Projekt.\nDas Ministerium stellt das österreichische Modell vor.",
            "strategy-development",
        ),
        ("cs", "Projekt.\nVýzvu šíříme prostřednictvím sítě REN.", "networking-meetings"),
        ("sl", "Projekt.\nV centru potekajo delavnice in predavanja.", "seminar"),
        (
            "en",
            "Project.\nHow can they share it with colleagues abroad?",
            "exchange-of-good-practice",
        ),
        ("sk", "Projekt.\nPlatforma na šírenie výsledkov.", "awareness-campaign"),
        # a case study is a teaching form; Slovak "štúdia" after a genitive adjective is schooling
        (
            "en",
            "Project.\nParticipants worked through case studies involving attacks.",
            "survey-research",
        ),
        ("sk", "Projekt.\nPripravili sme prípadové štúdie z praxe.", "survey-research"),
        ("sk", "Projekt.\nDo stredoškolského štúdia sa zapísalo 46 odsúdených.", "survey-research"),
        # a press conference announces a project; it is none of its conferences
        ("cs", "Projekt.\nŘeditelka to řekla na tiskové konferenci v Praze.", "conference"),
        ("sl", "Projekt.\nNa novinarski konferenci v Ljubljani je poudarila.", "conference"),
        ("pl", "Projekt.\nNa konferencji prasowej poinformowano o wynikach.", "conference"),
        ("de", "Projekt.\nAuf der Pressekonferenz sagte die Ministerin.", "conference"),
        ("en", "Project.\nAt a press conference the minister said so.", "conference"),
        ("sk", "Projekt.\nNa tlačovej konferencii to povedal riaditeľ.", "conference"),
        # words in another sense: Polish "w praktyce" (in practice), German "Förderung" (funding)
        ("pl", "Projekt.\nProjekt bezpieczny w praktyce otrzymał dotację.", "study-visit"),
        ("de", "Projekt.\nFörderung: Europäischer Sozialfonds Plus.", "advocacy"),
    ],
)
def test_generic_words_in_passing(analyse, lang: str, text: str, notation: str) -> None:
    assert notation not in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # a specific phrase
        (
            "cs",
            "Projekt.\nPartneři společně vytvořili metodiku práce s klienty.",
            "strategy-development",
        ),
        ("en", "Project.\nThe partners organised a study visit to Oslo.", "study-visit"),
        (
            "de",
            "Projekt.\nDer Erfahrungsaustausch fand in Wien statt.",
            "exchange-of-good-practice",
        ),
        # a generic word the text returns to, or in the title
        ("pl", "Nowy model współpracy\nModel testujemy w trzech gminach.", "strategy-development"),
        (
            "sl",
            "Projekt.\nSrečanje partnerjev je bilo v maju.\nNaslednje srečanje bo jeseni.",
            "networking-meetings",
        ),
        # a campaign is always an activity
        ("sk", "Projekt.\nKu kampani patria aj plagáty v školách.", "awareness-campaign"),
    ],
)
def test_specific_or_recurring_activities(analyse, lang: str, text: str, notation: str) -> None:
    assert notation in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # a sector is not a building project
        ("en", "Project.\nWe inspected sites in the construction sector.", "infrastructure", False),
        (
            "en",
            "Project.\nThe construction of a halfway house began in May.",
            "infrastructure",
            True,
        ),
        ("en", "Project.\nThe team took part in a concerted inspection.", "joint-operations", True),
        ("de", "Projekt.\nEs gab gemeinsame Kontrollen mit der Polizei.", "joint-operations", True),
        (
            "cs",
            "Projekt.\nStrážníci a policisté vyrážejí na společné hlídky.",
            "joint-operations",
            True,
        ),
        (
            "en",
            "Project.\nStreet-based youth work runs four nights a week.",
            "direct-support",
            True,
        ),
        ("sk", "Projekt.\nTerénna sociálna práca v osadách pokračuje.", "direct-support", True),
    ],
)
def test_activity_phrases_and_sectors(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # the first line says what the document is: no publication activity
        (
            "cs",
            "NEWSLETTER | listopad 2025 | Intervenční centrum\n\nPoradna pomáhá.",
            "publication",
            False,
        ),
        (
            "en",
            "Final report - Executive summary\n\nThe project trained staff.",
            "publication",
            False,
        ),
        ("en", "Project.\nThe partners published a handbook for trainers.", "publication", True),
        # leaflets and posters are awareness material; recommendations are advocacy
        (
            "pl",
            "Projekt.\nNa zakończenie policjanci rozdali ulotki seniorom.",
            "awareness-campaign",
            True,
        ),
        (
            "pl",
            "Projekt.\nNa zakończenie policjanci rozdali ulotki seniorom.",
            "publication",
            False,
        ),
        ("cs", "Projekt.\nVýsledkem jsou doporučení pro strategický plán města.", "advocacy", True),
    ],
)
def test_document_genre_leaflets_and_recommendations(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Project.\nFor details, visit our website.", False),
        ("sk", "Projekt.\nWebovú stránku navštívilo už viac ako milión ľudí.", False),
        ("sl", "Projekt.\nSodelavci projekta so obiskali Švedsko.", True),
    ],
)
def test_a_website_visit_is_no_study_visit(analyse, lang: str, text: str, expected: bool) -> None:
    assert ("study-visit" in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # research cited ("according to surveys") is not research done
        ("sk", "Projekt.\nPodľa prieskumov sa s tým stretáva každé piate dieťa.", False),
        ("en", "Project.\nAccording to research, one in five children is affected.", False),
        # a conversation technique is no interview study
        ("cs", "Projekt.\nTémata: vedení motivačního rozhovoru s pachateli.", False),
        ("cs", "Projekt.\nPartneři provedli polostrukturované rozhovory s odsouzenými.", True),
        ("pl", "Projekt.\nPartnerzy przeprowadzili badanie ankietowe wśród 300 osób.", True),
    ],
)
def test_cited_research_and_conversations(analyse, lang: str, text: str, expected: bool) -> None:
    assert ("survey-research" in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("sk", "Projekt.\nKOZ SR viedla kolektívne vyjednávanie v 12 podnikoch.", True),
        ("sl", "Projekt.\nOddali smo predloge sprememb zakona v javno obravnavo.", True),
        ("en", "Project.\nThe unions prepared legislative proposals.", True),
        # a site's navigation menu names sections, not what the project did
        ("sk", "Domov | O nás | Kolektívne vyjednávanie | Projekty | Kontakt\n\nProjekt.", False),
    ],
)
def test_advocacy_phrases_and_menus(analyse, lang: str, text: str, expected: bool) -> None:
    assert ("advocacy" in analyse(lang, text).activity_types) is expected


def test_a_markdown_table_row_is_no_menu(analyse) -> None:
    text = (
        "Project.\n\n| Partner | Country | Role |\n|---|---|---|\n| ULS | SI | teacher training |\n"
    )
    assert "training" in analyse("en", text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # a workshop as a workplace ("in the prison workshops") is no workshop event
        ("pl", "Projekt.\nZajęcia odbywały się w przywięziennych warsztatach.", "workshop", False),
        ("cs", "Projekt.\nOdsouzené pracovaly v dílnách firmy.", "workshop", False),
        ("pl", "Projekt.\nW MOPR odbyły się trzy warsztaty dla pracowników.", "workshop", True),
        # a building is a thing, not a building project
        ("pl", "Projekt.\nZarządcy budynków nie mają narzędzi.", "infrastructure", False),
        ("en", "Project.\nThe renovation of the building ended in May.", "infrastructure", True),
    ],
)
def test_places_and_things_are_not_activities(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # help with housing, shelter, accompaniment and learning support: direct support
        (
            "cs",
            "Projekt.\nPracovníci poskytovali podporu v bydlení a doprovod k lékařům.",
            "direct-support",
        ),
        ("cs", "Projekt.\nPo propuštění jim pomohou najít bydlení.", "direct-support"),
        ("pl", "Projekt.\nStowarzyszenie pomaga w znalezieniu mieszkania.", "direct-support"),
        ("pl", "Projekt.\nWszystkie ofiary zostały objęte wsparciem.", "direct-support"),
        (
            "de",
            "Projekt.\nDie Bewährungshilfe unterstützt bei der Wohnungssuche.",
            "direct-support",
        ),
        (
            "en",
            "Project.\nThe centre provides shelter and counselling to victims.",
            "direct-support",
        ),
        ("sl", "Projekt.\nZa naš program učne pomoči iščemo prostovoljce.", "direct-support"),
        ("sk", "Projekt.\nKlienti s vyriešeným bývaním do troch mesiacov.", "direct-support"),
        # publications and e-learning under other names
        ("sk", "Projekt.\nVydali sme aktualizovanú brožúrku.", "publication"),
        ("cs", "Projekt.\nVydáme otevřený výukový balíček.", "publication"),
        ("cs", "Projekt.\nBalíček bude zahrnovat online modul.", "e-learning-tool"),
        ("en", "Project.\nAn online self-learning course with video lessons.", "e-learning-tool"),
        ("de", "Projekt.\nDazu gibt es ein Online-Modul.", "e-learning-tool"),
    ],
)
def test_activity_labels(analyse, lang: str, text: str, notation: str) -> None:
    assert notation in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # a visit by a guest, an interview method, monitoring as a topic, a piece of advice
        (
            "de",
            "Projekt.\nDas erklärte die Ministerin bei einem Besuch der Justizvollzugsanstalt.",
            "study-visit",
        ),
        (
            "sl",
            "Projekt.\nSvetovalke bodo opravile usposabljanje za motivacijski intervju.",
            "survey-research",
        ),
        (
            "pl",
            "Projekt.\nUczyli się negocjować zapisy o monitoringu pracowników.",
            "survey-research",
        ),
        ("en", "Project.\nParticipants: mayors' advisers and integrity officers.", "counselling"),
        ("pl", "Projekt.\nW mediach publikowane są filmy z poradami ratowników.", "counselling"),
    ],
)
def test_generic_words_named_once_are_no_activity(
    analyse, lang: str, text: str, notation: str
) -> None:
    assert notation not in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # the participants toured a prison (a verb): a study visit
        ("sk", "Projekt.\nNa záver si účastníci prezreli ústav na výkon trestu.", "study-visit"),
        ("sl", "Projekt.\nSodelavci projekta so obiskali Švedsko.", "study-visit"),
        # the same word in two sentences is an activity of the text
        (
            "en",
            "Project.\nWe ran an evaluation of the pilot.\nThe evaluation showed a fall in calls.",
            "survey-research",
        ),
    ],
)
def test_visits_by_participants_and_repeated_words_count(
    analyse, lang: str, text: str, notation: str
) -> None:
    assert notation in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # a grant scheme the project's money comes from passes no grants on
        (
            "sk",
            "Projekt.\nPodporila nás Nadácia Pontis z grantového programu Nadačného fondu.",
            "regranting",
            False,
        ),
        (
            "sk",
            "Projekt.\nMesto vyhlásilo grantový program pre mimovládne organizácie.",
            "regranting",
            True,
        ),
        # "reporting" is no report
        (
            "en",
            "Project.\nWorkshop B: designing internal reporting channels.",
            "publication",
            False,
        ),
        ("en", "Project.\nWe will publish a report on the results.", "publication", True),
    ],
)
def test_grant_sources_and_reporting(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Projekt.\nLO podzieliła się doświadczeniem w organizowaniu pracowników."),
        ("cs", "Projekt.\nPartneři sdíleli zkušenosti z práce s odsouzenými."),
        ("sk", "Projekt.\nÚčastníci si vymenili skúsenosti."),
        ("de", "Projekt.\nDie Teilnehmenden tauschen sich aus."),
        ("en", "Project.\nThe partners shared their experiences."),
        ("sl", "Projekt.\nPartnerji so izmenjali izkušnje."),
    ],
)
def test_sharing_experience_as_a_verb(analyse, lang: str, text: str) -> None:
    assert "exchange-of-good-practice" in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # a model the project develops, a law it proposes changes to
        (
            "en",
            "Project.\nThe partnership developed and piloted a model of peer teaching.",
            "strategy-development",
            True,
        ),
        (
            "sl",
            "Projekt.\nPredstavili bomo predloge sindikatov za prenos direktive v zakonodajo.",
            "advocacy",
            True,
        ),
        # a pilot far from the verb, in a list of tasks, stays weak
        (
            "pl",
            "Projekt.\nZadania: opracowanie narzędzia szkoleniowego online dla pedagogów, "
            "pilotaż w trzech krajach.",
            "strategy-development",
            False,
        ),
    ],
)
def test_strong_context_of_generic_words(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Project.\nMidnight football and a pop-up boxing session."),
        ("de", "Projekt.\nDen Abschluss bildete ein Bürgerfest auf der Brücke."),
        ("pl", "Projekt.\nW sobotę odbył się festyn rodzinny."),
        ("cs", "Projekt.\nV září proběhne sousedská slavnost."),
        ("sk", "Projekt.\nZorganizovali sme futbalový turnaj."),
        ("sl", "Projekt.\nOrganizirali smo sosedski praznik."),
    ],
)
def test_community_and_sports_events(analyse, lang: str, text: str) -> None:
    assert "cultural-event" in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a detention or refugee camp is no event; a children's summer camp is
        ("sk", "Projekt.\nNaši právnici navštevujú Záchytný tábor Sečovce.", False),
        ("sk", "Projekt.\nV lete organizujeme detský tábor.", True),
        ("sl", "Projekt.\nVodi poletne tabore za otroke.", True),
    ],
)
def test_camps(analyse, lang: str, text: str, expected: bool) -> None:
    assert ("cultural-event" in analyse(lang, text).activity_types) is expected


def test_a_camp_label_leaves_its_group(analyse) -> None:
    assert (
        "children-youth" in analyse("sl", "Projekt.\nVodi poletne tabore za otroke.").target_groups
    )


@pytest.mark.parametrize(
    ("lang", "text", "notation", "expected"),
    [
        # family group conferences are a service for the family, not a conference
        (
            "sk",
            "Projekt.\nRodiny sa budú zapájať do tzv. rodinných konferencií.",
            "conference",
            False,
        ),
        (
            "sk",
            "Projekt.\nRodiny sa budú zapájať do tzv. rodinných konferencií.",
            "direct-support",
            True,
        ),
        # a poster is a campaign, not a publication; Slovene "prenos" (transposition) once
        (
            "de",
            "Projekt.\nErgänzend läuft eine Plakat- und Social-Media-Kampagne.",
            "publication",
            False,
        ),
        (
            "sl",
            "Projekt.\nPredstavili bomo predloge za prenos direktive v zakonodajo.",
            "exchange-of-good-practice",
            False,
        ),
    ],
)
def test_family_conferences_posters_and_transposition(
    analyse, lang: str, text: str, notation: str, expected: bool
) -> None:
    assert (notation in analyse(lang, text).activity_types) is expected


@pytest.mark.parametrize(
    ("lang", "text", "notation"),
    [
        # what was done, said with a verb
        ("pl", "W ramach projektu przeszkolono 120 policjantów z województwa.", "training"),
        ("cs", "Lektoři vyškolili 80 učitelů základních škol.", "training"),
        ("sk", "Vyškolili sme 50 sociálnych pracovníkov.", "training"),
        ("de", "Die Polizei hat 300 Lehrkräfte geschult.", "training"),
        ("sl", "Usposobili smo 40 prostovoljcev.", "training"),
        ("de", "Das Institut befragte 6.000 Jugendliche zu ihren Erfahrungen.", "survey-research"),
        ("cs", "Studenti zmapovali dostupnost služeb v kraji.", "survey-research"),
        ("pl", "Fundacja opublikowała raport o przemocy wobec seniorów.", "publication"),
        ("de", "Die Ergebnisse werden 2026 veröffentlicht.", "publication"),
    ],
)
def test_activities_named_by_a_verb(analyse, lang: str, text: str, notation: str) -> None:
    assert notation in analyse(lang, text).activity_types


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a page's date line is no publication
        ("pl", "Opublikowano: 15.03.2024\nSeniorzy patrolują osiedle."),
        ("de", "Veröffentlicht am 3. März 2025 von der Redaktion."),
        # "Schulen" (schools) is no training
        ("de", "150 Schulen nehmen am Programm teil."),
    ],
)
def test_date_lines_and_homonyms_are_no_activity(analyse, lang: str, text: str) -> None:
    found = analyse(lang, text).activity_types
    assert not found & {"publication", "training"}


def test_a_service_named_only_on_a_programme_line_is_a_topic(analyse) -> None:
    text = (
        "Conference programme\n"
        "09:00 Opening\n"
        "10:30 Panel: the first police contact\n"
        "13:00 Study visits: Tallinn Women's Shelter and a victim counselling centre\n"
        "15:00 Closing\n"
    )
    found = analyse("en", text).activity_types
    assert not found & {"counselling", "direct-support"}


def test_a_service_also_described_in_prose_stays(analyse) -> None:
    text = (
        "09:00 Opening\n10:30 Panel\n13:00 Counselling for victims\n15:00 Closing\n"
        "The project offers counselling to victims of hate crime in three cities.\n"
    )
    assert "counselling" in analyse("en", text).activity_types
