"""Organisation names without a head noun, told by their context (role cues, partner
lists, a place in brackets, "X is a charity"), and names in a third language (heads in
``ingest/data/org_heads_foreign.tsv``, little words such as "de", "del" inside names).
Texts are written for these tests; none is from an evaluation set."""

from __future__ import annotations

import pytest

FOUND = [
    # lang, text, label, actor type (None: not checked)
    (
        "en",
        "The evening sessions were run with youth workers from Open Doors Belfast.",
        "Open Doors Belfast",
        None,
    ),
    ("en", "The workshop was facilitated by EUROCITIES staff.", "EUROCITIES", None),
    (
        "en",
        "The training is delivered in partnership with Second Chance Kitchens.",
        "Second Chance Kitchens",
        None,
    ),
    ("cs", "Kurz připravujeme ve spolupráci s Rainbow Works.", "Rainbow Works", None),
    ("pl", "Szkolenie prowadzimy we współpracy z Open Space Lab.", "Open Space Lab", None),
    ("sl", "Delavnice izvajamo v sodelovanju z Green Hub Koper.", "Green Hub Koper", None),
    ("de", "Das Projekt läuft in Zusammenarbeit mit Brückenbauer Ost.", "Brückenbauer Ost", None),
    ("pl", "W panelu wystąpi przedstawicielka EAPN, Bruksela.", "EAPN", None),
    ("en", "Partners: Nasc, Crosscare and Safe Harbour (Cork).", "Crosscare", None),
    ("en", "Partners: Nasc, Crosscare and Safe Harbour (Cork).", "Nasc", None),
    (
        "de",
        "Projektpartner: Stadt Graz; Lichtblick Steiermark; ZARA Beratung",
        "Lichtblick Steiermark",
        None,
    ),
    (
        "cs",
        "Partneři projektu: Kolping Works (Vídeň) – vede workshopy pro mladé.",
        "Kolping Works",
        None,
    ),
    (
        "en",
        "Nadir is an independent, non-governmental organisation supporting migrants. "
        "Volunteers join Nadir for six months.",
        "Nadir",
        "ngo",
    ),
    ("en", "Open Kitchen – Annual Report 2024\nOur year in numbers.", "Open Kitchen", None),
    ("sk", "Liga za práva migrantov – newsletter, máj 2025\nMilí čitatelia,", None, None),
    ("de", "Träger seit 2015: SPRUNG Bildung gGmbH und Partner", None, None),
    (
        "en",
        "The Safe Places Network director opened the second day.",
        "Safe Places Network",
        None,
    ),
    (
        "pl",
        "Gościem będzie zespół organizacji Bridge Research Group z Pragi.",
        "Bridge Research Group",
        "ngo",
    ),
    (
        "sl",
        "Partnerja: Center za socialno delo Maribor; Hjelp til Frihet (HTF), Bergen, Norveška",
        "Hjelp til Frihet",
        None,
    ),
    (
        "en",
        "Harbour Lights Trust @HarbourLightsNI\n\nOur volunteers met.",
        "Harbour Lights Trust",
        None,
    ),
    ("sl", "Zelena mreža\n5 ur · 🌍\n\nIščemo prostovoljce!", "Zelena mreža", None),
    ("cs", "Pestrá síť\nVčera v 10:15 · 🌍\n\nTento týden jsme otevřeli klub.", "Pestrá síť", None),
    ("en", "Our mentoring strand was delivered by Catch22 last year.", "Catch22", None),
    (
        "en",
        "Kirkens Bymisjon is a Norwegian charity working with people in street situations.",
        "Kirkens Bymisjon",
        "ngo",
    ),
    ("cs", "Školení vedli zástupci EAPN a FEANTSA z Bruselu.", "FEANTSA", None),
    ("de", "Vertreterinnen von EAPN und FEANTSA stellten die Ergebnisse vor.", "EAPN", None),
    (
        "en",
        "Local employers such as Brightwell and Harper Foods offered jobs.",
        "Harper Foods",
        "employer",
    ),
    ("en", "We refer people to charities like Nasc and Focus Ireland.", "Nasc", "ngo"),
    ("cs", "Spolupracujeme s organizacemi jako Brána v tísni a Krok 21.", "Brána v tísni", "ngo"),
    (
        "de",
        "Arbeitgeber wie Brenner und Kessler Bau bieten Praktika an.",
        "Kessler Bau",
        "employer",
    ),
    (
        "cs",
        "Partneři projektu: Rubikon Works, Romodrom, IQ Roma servis a Slovo 21.",
        "IQ Roma servis",
        None,
    ),
    (
        "cs",
        "Partneři projektu: Rubikon Works, Romodrom, IQ Roma servis a Slovo 21.",
        "Slovo 21",
        None,
    ),
    (
        "pl",
        "Partnerzy: Fundacja Ashoka, Otwarta Rzeczpospolita i Homo Faber (Lublin).",
        "Fundacja Ashoka",
        "ngo",
    ),
    (
        "pl",
        "Partnerzy: Fundacja Ashoka, Otwarta Rzeczpospolita i Homo Faber (Lublin).",
        "Homo Faber",
        None,
    ),
    (
        "sl",
        "Partnerji projekta so: Društvo Ključ, Slovenska filantropija in Ekvilib Inštitut.",
        "Ekvilib Inštitut",
        None,
    ),
    (
        "en",
        "Project partners: Second Step (Sweden), Hope for Justice and KMOP.",
        "Hope for Justice",
        None,
    ),
    ("en", "Project partners: Second Step (Sweden), Hope for Justice and KMOP.", "KMOP", None),
    (
        "en",
        "Partners:\n- MTÜ Uus Päev, Tartu, Estonia\n- Second Step – mentoring\n\nSummary: …",
        "MTÜ Uus Päev",
        None,
    ),
    (
        "en",
        "Partners:\n- MTÜ Uus Päev, Tartu, Estonia\n- Second Step – mentoring",
        "Second Step",
        None,
    ),
    ("cs", "PARTNEŘI\n\n\nVOLNÝ KRAJ\nchceme pomáhat\n\nDalší text.", "VOLNÝ KRAJ", None),
    (
        "en",
        "PARTNERS AND ROLES\n\nRubikon Works – Czech Republic\nHosts the meeting.\n\n"
        "Šviesos namai – Lithuania\nTests the tools.",
        "Šviesos namai",
        None,
    ),
    ("en", "Brightwell, a UK company, offered six jobs.", "Brightwell", "employer"),
    ("en", "Nasc, an Irish NGO working with migrants, joined.", "Nasc", "ngo"),
    ("en", "We thank Crosscare, a social enterprise from Dublin.", "Crosscare", None),
    ("de", "Der Arbeitgeber Spar bietet Praktika an.", "Spar", "employer"),
    (
        "de",
        "Umgesetzt wird es von der KONTRA – Werkstatt für Gewaltprävention, die seit Jahren "
        "tätig ist.",
        "KONTRA – Werkstatt für Gewaltprävention",
        None,
    ),
    # third-language heads and their little words
    (
        "en",
        "In Porto the Junta de Freguesia de Bonfim offered rooms for the classes.",
        "Junta de Freguesia de Bonfim",
        "municipality",
    ),
    (
        "pl",
        "Projekt realizujemy razem z Confederazione Italiana del Lavoro Sociale (CILS).",
        "Confederazione Italiana del Lavoro Sociale",
        "trade-union",
    ),
    (
        "de",
        "Es berichteten Gäste von Sindicatul Liber Muncitoresc (Rumänien) über ihre Arbeit.",
        "Sindicatul Liber Muncitoresc",
        "trade-union",
    ),
    (
        "en",
        "Our partner in Timișoara is Asociația Casa Speranței, a shelter for women.",
        "Asociația Casa Speranței",
        "ngo",
    ),
    (
        "de",
        "Zu Gast waren Vertreter der Fondazione Casa della Carità aus Mailand.",
        "Fondazione Casa della Carità",
        "ngo",
    ),
    (
        "cs",
        "Portugalským partnerem je Câmara Municipal do Porto.",
        "Câmara Municipal do Porto",
        "municipality",
    ),
    (
        "sl",
        "Na hrvaški strani sodeluje Javna vatrogasna postrojba Pula.",
        "Javna vatrogasna postrojba Pula",
        "fire-rescue",
    ),
    (
        "en",
        "The county administration Länsstyrelsen Uppsala hosted the second meeting.",
        "Länsstyrelsen Uppsala",
        "regional-government",
    ),
    (
        "cs",
        "Nizozemským partnerem je Gemeente Utrecht.",
        "Gemeente Utrecht",
        "municipality",
    ),
]


@pytest.mark.parametrize(("lang", "text", "label", "actor_type"), FOUND)
def test_cued_or_foreign_name_found(analyse, lang, text, label, actor_type) -> None:
    result = analyse(lang, text)
    if label is None:  # the first words of the text up to the dash or the legal form
        label = text.split(" – ")[0].split(": ")[-1].removesuffix(" gGmbH und Partner")
        assert any(label in s for s in result.surfaces()), sorted(result.surfaces())
        return
    org = result.org(label)
    if actor_type is not None:
        assert org.actor_type == actor_type


NOT_ORGANISATIONS = [
    # lang, text, words that must not be an organisation's label
    ("en", "The sessions were led by Sarah Collins and John Peters.", {"Sarah Collins"}),
    ("en", "We are working with Roma families in the district.", {"Roma"}),
    ("en", "The project was led by Erasmus+ funding.", {"Erasmus+"}),
    ("en", "VOLUNTEER CALL – Befriending Volunteer (Limerick)", {"Befriending Volunteer"}),
    ("sk", "Miesto: Nowy Sącz (Poľsko), priestory mestskej knižnice.", {"Nowy Sącz"}),
    (
        "de",
        "Kooperationspartner: Behörde für Arbeit, Gesundheit, Soziales und Integration",
        {"Gesundheit", "Soziales", "Integration"},
    ),
    (
        "pl",
        "Partner słowacki: Inštitút pre restoratívnu justíciu, o. z., Bratysława",
        {"Bratysława"},
    ),
    (
        "en",
        "Partner: Training Centre of the Directorate for Prison System and Probation, Zagreb",
        {"Probation", "Zagreb"},
    ),
    ("en", "This is a charity shop. This shop opened in May.", {"This"}),
    ("en", "The partners met in Lisbon (Portugal) and Porto.", {"Lisbon"}),
    (
        "de",
        "Träger: LICHTBLICK – Beratung, Begleitung, Soziale Arbeit, Büro Linz (Linz)",
        {"Soziale Arbeit", "Begleitung"},
    ),
    ("en", "Newsletter – Winter 2025\nDear friends,", {"Newsletter", "Winter"}),
    ("en", "The Project director and the Roma coordinator met.", {"Project", "Roma"}),
    ("cs", "Jana Nováková\n2 h · 🌍\n\nDnes jsem byla na konferenci.", {"Jana Nováková"}),
    ("en", "Mary Clarke Smith is a charity worker in Leeds.", {"Mary Clarke Smith"}),
    ("en", "Employers such as the NHS hire nurses.", {"NHS hire"}),
    ("en", "The project was coordinated by Maria Novak.", {"Maria Novak"}),
    ("en", "The event was organised by the SAFE-HARBOUR project.", {"SAFE", "SAFE-HARBOUR"}),
    ("en", "The conference was hosted by Ljubljana Castle.", {"Ljubljana Castle"}),
    ("en", "It was delivered in partnership with Monday Mornings.", {"Monday Mornings"}),
    ("en", "The seminar was facilitated by Dr Ivana Horvat.", {"Dr Ivana Horvat", "Ivana Horvat"}),
    ("cs", "Kurz vedeme ve spolupráci s Janou Novákovou.", {"Janou Novákovou", "Jana Nováková"}),
    (
        "pl",
        "Szkolenie prowadzimy we współpracy z Anną Kowalską.",
        {"Anną Kowalską", "Anna Kowalska"},
    ),
    (
        "de",
        "In Zusammenarbeit mit Maria Huber und Stefan Gruber.",
        {"Maria Huber", "Stefan Gruber"},
    ),
    ("en", "Programme\nStudy visit – Norway\nWe met the police.", {"Study visit"}),
    (
        "de",
        "Kooperationspartner: Frauenzentrum Linz\nFördergeber: Land Oberösterreich",
        {"Fördergeber"},
    ),
    (
        "de",
        "PARTNER UND AUFGABEN\n\nLeitung der Partnerschaft\n• Stadt Linz – Steuerung",
        {"Leitung der Partnerschaft"},
    ),
    (
        "sk",
        "Vďaka partnerom: Egyesület a Fiatalokért (Miskolc) a Cesta von (Ostrava).",
        {"Egyesület", "Fiatalokért"},
    ),
    (
        "pl",
        "Partnerzy: Fundacja Ashoka, Otwarta Rzeczpospolita i Homo Faber (Lublin).",
        {"Fundacja Ashoka, Otwarta Rzeczpospolita i Homo Faber"},
    ),
    ("en", "We work with organisations such as Roma communities.", {"Roma"}),
    ("en", "Great day in Leeds!\n2 h · 🌍\n\nWe met.", {"Great", "Great day in Leeds"}),
]


@pytest.mark.parametrize(("lang", "text", "labels"), NOT_ORGANISATIONS)
def test_not_an_organisation(analyse, lang, text, labels) -> None:
    result = analyse(lang, text)
    assert not labels & set(result.organisations), sorted(result.organisations)


def test_own_language_name_in_brackets_is_the_same_body(analyse) -> None:
    result = analyse(
        "en",
        "The meeting was hosted by the Finnish Social Insurance Board (Kansaneläkelaitos) "
        "in Helsinki.",
    )
    board = result.org("Finnish Social Insurance Board")
    assert "Kansaneläkelaitos" in board.surface_forms
    assert "Kansaneläkelaitos" not in result.organisations


def test_long_top_level_domain_names_its_body(analyse) -> None:
    result = analyse(
        "cs",
        "Přihlášky posílejte na adresu partneri@modrybod.example. Organizace MODRYBOD z. ú. "
        "vede kurzy. MODRYBOD hledá partnery.",
    )
    assert any(m.domain == "modrybod.example" for m in result.organisations.values()), sorted(
        (m.label, m.domain) for m in result.organisations.values()
    )


def test_country_in_brackets_is_no_acronym(analyse) -> None:
    result = analyse("en", "Partners:\n- Hope for Justice (UK)\n- Second Step (Sweden)")
    assert "UK" not in result.org("Hope for Justice").surface_forms
