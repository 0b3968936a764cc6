"""Target groups in all six languages: beneficiaries count, implementers and bystanders do not.

Staff-like groups (experts, trainers, workers, officers, residents, families, …) are a
project's target group only where the text presents them as the people it is for:
a target-group statement, "for"/"among" before them, a count, or the title.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # a target-group statement
        (
            "cs",
            "Projekt pomáhá obci.\nCílovou skupinou jsou sociální pracovníci a učitelé.",
            "professionals",
        ),
        ("sk", "Projekt pomáha obci.\nCieľová skupina: zamestnanci a odborári.", "workers"),
        (
            "pl",
            "Projekt wspiera gminę.\nGrupa docelowa: urzędnicy samorządowi.",
            "public-officials",
        ),
        (
            "de",
            "Das Projekt hilft der Stadt.\nZielgruppe sind Fachkräfte der Sozialarbeit.",
            "professionals",
        ),
        (
            "en",
            "The project helps the town.\nTarget group: police officers.",
            "law-enforcement-officers",
        ),
        ("sl", "Projekt pomaga občini.\nCiljne skupine: prostovoljci in zaposleni.", "ngo-staff"),
        # "for" before the group (also before a list that ends with it)
        (
            "cs",
            "Město otevřelo centrum.\nV září proběhne kurz pro policisty.",
            "law-enforcement-officers",
        ),
        (
            "en",
            "Town.\nWe run a course for prison staff, librarians and volunteers.",
            "ngo-staff",
        ),
        ("sl", "Občina je odprla center.\nPripravili smo delavnice za učitelje.", "professionals"),
        (
            "de",
            "Die Stadt eröffnet ein Zentrum.\nEs gibt Kurse für Bürgerinnen und Bürger.",
            "general-public",
        ),
        # a count of the people reached
        (
            "pl",
            "Gmina otworzyła centrum.\nPrzeszkolono 420 policjantów z całego regionu.",
            "law-enforcement-officers",
        ),
        (
            "sk",
            "Mesto otvorilo centrum.\nKurz absolvovalo 90 sociálnych pracovníkov.",
            "professionals",
        ),
    ],
)
def test_beneficiary_cues_keep_a_group(analyse, lang: str, text: str, group: str) -> None:
    assert group in analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # the implementers: "experts from …", "lecturers of …", "mentors for …"
        ("cs", "Projekt pomáhá vězňům.\nPřednášeli odborníci z Norska.", "professionals"),
        ("sk", "Projekt pomáha väzňom.\nŠkolili experti z Rakúska a Česka.", "professionals"),
        (
            "pl",
            "Projekt wspiera więźniów.\nZajęcia prowadzili eksperci Komendy Głównej Policji.",
            "professionals",
        ),
        (
            "sl",
            "Projekt.\nVsebine so pripravili strokovnjaki iz Glavne policijske uprave.",
            "professionals",
        ),
        (
            "sl",
            "Projekt.\nPo odpustu jih bo spremljal mentor za ljudi po prestani kazni.",
            "professionals",
        ),
        # a bystander mentioned once, in passing
        ("cs", "Projekt pomáhá vězňům.\nPracovníci centra nám ukázali dílny.", "workers"),
        (
            "de",
            "Das Projekt hilft Gefangenen.\nDie Koordinierung der Fachkräfte lag beim Verband.",
            "professionals",
        ),
        (
            "en",
            "Project.\nIn Slovakia, probation officers work at district courts.",
            "law-enforcement-officers",
        ),
    ],
)
def test_implementers_and_bystanders_are_not_target_groups(
    analyse, lang: str, text: str, group: str
) -> None:
    assert group not in analyse(lang, text).target_groups


def test_specific_groups_need_no_cue(analyse) -> None:
    found = analyse("pl", "Projekt.\nW zakładzie karnym osadzeni uczą się zawodu.")
    assert "prisoners" in found.target_groups


def test_a_group_the_text_keeps_returning_to_counts(analyse) -> None:
    text = (
        "Projekt.\nDobrovolníci se scházejí každý týden.\n"
        "Dobrovolníci navštěvují rodiny.\nDobrovolníci vedou kluby."
    )
    assert "ngo-staff" in analyse("cs", text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # bare staff words are some body's staff, unless the text is about labour
        ("sk", "Projekt.\nV centre pôsobia pre 40 rodín dvaja komunitní pracovníci.", False),
        ("cs", "Projekt.\nŠkolení pro 25 zaměstnanců obcí.", False),
        ("en", "Project.\nTraining for 30 staff of the municipality.", False),
        (
            "cs",
            "Projekt.\nSeminář pro 40 zaměstnanců pořádá odborový svaz KOVO s odbory.",
            True,
        ),
        (
            "sk",
            "Projekt.\nOdbory pripravili konferenciu pre 50 pracovníkov.",
            True,
        ),
    ],
)
def test_staff_words_are_workers_only_in_a_labour_text(
    analyse, lang: str, text: str, expected: bool
) -> None:
    assert ("workers" in analyse(lang, text).target_groups) is expected


@pytest.mark.parametrize(
    ("lang", "text", "group", "expected"),
    [
        # working *with* a group serves it; cooperating with it names a partner
        ("cs", "Projekt.\nHledáme organizace pracující s pachateli.", "offenders", True),
        ("de", "Projekt.\nDer Verein arbeitet mit Straffälligen.", "offenders", True),
        (
            "cs",
            "Projekt.\nKurz vznikl ve spolupráci s policisty.",
            "law-enforcement-officers",
            False,
        ),
        # a double "handicap" (disadvantage) is no disability
        (
            "cs",
            "Projekt.\nŽeny mají na trhu práce dvojí handicap.",
            "people-with-disabilities",
            False,
        ),
    ],
)
def test_with_and_handicap(analyse, lang: str, text: str, group: str, expected: bool) -> None:
    assert (group in analyse(lang, text).target_groups) is expected


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # a verb of training in the present tense: the trained are the beneficiaries
        (
            "en",
            "Project.\nThe project trains police investigators and labour inspectors.",
            "law-enforcement-officers",
        ),
        ("cs", "Projekt.\nCentrum školí policisty v oblasti prevence.", "law-enforcement-officers"),
        ("pl", "Projekt.\nSeminarium adresujemy do pedagogów i psychologów.", "professionals"),
    ],
)
def test_training_verbs_and_addressees_are_cues(analyse, lang: str, text: str, group: str) -> None:
    assert group in analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # a group of people the work is about, named in several words, needs no cue
        ("cs", "Projekt.\nPo propuštění jim pomůžeme najít bydlení.", "ex-prisoners"),
        ("de", "Projekt.\nDie Ausbildung wird nach der Entlassung abgeschlossen.", "ex-prisoners"),
        ("pl", "Projekt.\nPo zwolnieniu byli osadzeni mogą liczyć na wsparcie.", "ex-prisoners"),
        ("sk", "Projekt.\nRodiny odsúdených sa budú môcť zapájať do konferencií.", "families"),
        ("en", "Project.\nMany people leave prison without a bank account.", "ex-prisoners"),
    ],
)
def test_topic_groups_named_in_several_words_count(
    analyse, lang: str, text: str, group: str
) -> None:
    assert group in analyse(lang, text).target_groups


def test_a_single_family_word_in_passing_is_no_target_group(analyse) -> None:
    found = analyse("sk", "Projekt.\nKlienti žiadajú o zlúčenie rodiny.")
    assert "families" not in found.target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        ("de", "Projekt.\nEs richtet sich an geflüchtete Frauen.", "refugees"),
        ("de", "Projekt.\nBeratung für neu zugewanderte Familien.", "migrants"),
        ("de", "Projekt.\nArbeitsrechte mobiler Beschäftigter durchsetzen.", "migrants"),
        ("en", "Project.\nAdvice for posted workers in construction.", "migrants"),
        ("pl", "Projekt.\nPomagamy pracownikom delegowanym.", "migrants"),
        ("cs", "Projekt.\nDomácnosti předtím žily na ulici.", "homeless"),
        ("sk", "Projekt.\nTretina klientov prespáva na ulici.", "homeless"),
        ("en", "Project.\nThe city runs a Housing First programme.", "homeless"),
        ("pl", "Projekt.\nW noclegowni pracują wolontariusze.", "homeless"),
        (
            "sk",
            "Projekt.\nMladí ľudia, ktorí predčasne opustili školu, nepracujú ani sa nevzdelávajú.",
            "neet",
        ),
        ("cs", "Projekt.\nKonference je určena inspektorům práce.", "public-officials"),
        ("sl", "Projekt.\nUsposabljanje je namenjeno inšpektorjem za delo.", "public-officials"),
        ("sl", "Projekt.\nProbacijske svetovalke bodo opravile usposabljanje.", "prison-staff"),
        ("en", "Project.\nA course for probation practitioners.", "prison-staff"),
        ("de", "Projekt.\n8 Teilnehmende mit Flucht- oder Migrationsgeschichte.", "migrants"),
        ("en", "Project.\nThird-country workers had been posted by subcontractors.", "migrants"),
        ("pl", "Projekt.\nWśród kobiet uciekających z Ukrainy przed wojną.", "refugees"),
        ("cs", "Projekt.\nPomáháme lidem prchajícím před válkou.", "refugees"),
        ("pl", "Projekt.\nSzkolenie dla przedstawicieli związków zawodowych.", "workers"),
        ("de", "Projekt.\nDie Tagung richtet sich an Gewerkschafter.", "workers"),
    ],
)
def test_labels_of_groups(analyse, lang: str, text: str, group: str) -> None:
    assert group in analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # people a text recruits do the work: volunteers and staff sought
        ("sl", "IŠČEMO PROSTOVOLJKE IN PROSTOVOLJCE!\nPomagajte otrokom pri učenju.", "ngo-staff"),
        (
            "en",
            "VOLUNTEER OPPORTUNITY - Befriending Volunteer\nWe are looking for volunteers.",
            "ngo-staff",
        ),
        ("sl", "ZAPOSLIMO: svetovalec za pomoč žrtvam\nDruštvo.", "professionals"),
        ("cs", "Projekt.\nHledáme sociální pracovníky pro 20 klientů.", "professionals"),
        ("de", "Projekt.\nWir suchen Sozialarbeiterinnen und Sozialarbeiter.", "professionals"),
        # "the public" of a press release header
        (
            "sl",
            "SPOROČILO ZA JAVNOST\nMinistrstvo je začelo program za zapornike.",
            "general-public",
        ),
    ],
)
def test_recruited_staff_and_press_headers_are_no_target_groups(
    analyse, lang: str, text: str, group: str
) -> None:
    assert group not in analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Project on labour trafficking.\nVictims are accompanied to safe shelters."),
        (
            "pl",
            "Projekt przeciw handlowi ludźmi.\nStowarzyszenie udziela pomocy ofiarom.",
        ),
        ("cs", "Projekt proti obchodu s lidmi.\nOběti dostanou ubytování."),
    ],
)
def test_bare_victims_in_a_trafficking_text_are_its_victims(analyse, lang: str, text: str) -> None:
    groups = analyse(lang, text).target_groups
    assert "victims-of-trafficking" in groups
    assert "victims-of-crime" not in groups


def test_victims_of_crime_elsewhere_stay(analyse) -> None:
    assert (
        "victims-of-crime"
        in analyse("cs", "Projekt.\nPomáháme obětem trestných činů.").target_groups
    )


def test_slovene_age_is_no_seniors(analyse) -> None:
    found = analyse("sl", "Projekt.\nŽivi 60 mladoletnikov, starih od 14 do 17 let.")
    assert "seniors" not in found.target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group", "expected"),
    [
        # judges and prison staff named in passing are bystanders or implementers
        (
            "de",
            "Projekt.\nDer Fall landet nicht mehr vor dem Jugendrichter, sondern beim Verein.",
            "judiciary-staff",
            False,
        ),
        (
            "sk",
            "Projekt.\nRemeslo pomáha, povedal riaditeľ ústavu plk. Juraj Baláž.",
            "prison-staff",
            False,
        ),
        # a training noun right before them makes them the trained
        ("cs", "Projekt.\nNavrhujeme společné školení zaměstnanců věznic.", "prison-staff", True),
        (
            "pl",
            "Projekt.\nZorganizowano szkolenie funkcjonariuszy Służby Więziennej.",
            "prison-staff",
            True,
        ),
        ("en", "Project.\nA course for judges and prosecutors.", "judiciary-staff", True),
        # ... but not a training they lead
        (
            "cs",
            "Projekt.\nŠkolení vedly naše sociální pracovnice.",
            "professionals",
            False,
        ),
    ],
)
def test_judges_and_prison_staff_need_a_cue(
    analyse, lang: str, text: str, group: str, expected: bool
) -> None:
    assert (group in analyse(lang, text).target_groups) is expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # vulnerable people named as people count; a risk the text names does not
        ("cs", "Projekt.\nTéma workshopu: děti, mladiství a zvlášť zranitelné osoby.", True),
        (
            "sk",
            "Projekt.\nCieľom je u osôb vo výkone trestu znížiť riziko sociálneho vylúčenia.",
            False,
        ),
    ],
)
def test_vulnerable_persons_named_as_people(analyse, lang: str, text: str, expected: bool) -> None:
    assert ("vulnerable-persons" in analyse(lang, text).target_groups) is expected


@pytest.mark.parametrize(
    ("lang", "text", "groups"),
    [
        # an adjective label leaves the noun to its own group
        ("de", "Projekt.\nWege geflüchteter Frauen in den Arbeitsmarkt.", {"refugees", "women"}),
        ("de", "Projekt.\nFür zugewanderte Familien und Kinder.", {"migrants", "children-youth"}),
        ("en", "Project.\nSupport for migrant women.", {"migrants", "women"}),
    ],
)
def test_adjective_labels_leave_the_noun(analyse, lang: str, text: str, groups: set[str]) -> None:
    assert groups <= analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # bare officer words in a text about prisons (no police) are prison officers
        (
            "pl",
            "Projekt Służby Więziennej.\nKurs ukończyło 1 412 funkcjonariuszy i pracowników.",
            "prison-staff",
        ),
        # Slovak probation officers in their own declension
        (
            "sk",
            "Projekt.\nNa súdoch pôsobilo 61 probačných a mediačných úradníkov.",
            "prison-staff",
        ),
        ("pl", "Projekt: kompetencje kadry więziennej.\nSzkolenia.", "prison-staff"),
    ],
)
def test_prison_officers(analyse, lang: str, text: str, group: str) -> None:
    assert group in analyse(lang, text).target_groups


def test_officers_with_police_stay_law_enforcement(analyse) -> None:
    text = "Projekt policji i Służby Więziennej.\nPrzeszkolono 420 policjantów i funkcjonariuszy."
    assert "law-enforcement-officers" in analyse("pl", text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        # one service's staff: the practitioners beside them are that staff
        (
            "cs",
            "Školením projde 120 dozorců, speciálních pedagogů a vychovatelů věznice.",
            False,
        ),
        (
            "sl",
            "Usposabljanje je namenjeno pravosodnim policistom in strokovnim delavcem zaporov.",
            False,
        ),
        (
            "en",
            "The course trained 60 police officers; specialist trainers and social workers "
            "from the charity led the sessions for the officers.",
            False,
        ),
        # a multi-agency audience: practitioners in general are a group of their own
        (
            "pl",
            "Szkolenie jest skierowane do sędziów, policjantów i pracowników socjalnych.",
            True,
        ),
        # no service staff at all
        ("de", "Die Fortbildung richtet sich an Sozialarbeiterinnen und Lehrkräfte.", True),
    ],
)
def test_practitioners_beside_one_service_are_its_staff(
    analyse, lang: str, text: str, kept: bool
) -> None:
    assert ("professionals" in analyse(lang, text).target_groups) is kept


@pytest.mark.parametrize(
    ("lang", "text", "groups"),
    [
        # kinds of bodies listed after an audience statement stand for their staff
        (
            "en",
            "Target audience: victim support workers, police, prosecutors, policymakers.",
            {"law-enforcement-officers", "judiciary-staff", "public-officials"},
        ),
        (
            "de",
            "Zielgruppe: Polizeibeamt*innen, Staatsanwaltschaften und Kommunalverwaltungen.",
            {"law-enforcement-officers"},
        ),
        (
            "cs",
            "Cílová skupina: policie, státní zastupitelství a neziskové organizace.",
            {"law-enforcement-officers", "judiciary-staff", "ngo-staff"},
        ),
        # "Adresaci:" (addressees) states the audience too
        (
            "pl",
            "Konferencja w Poznaniu.\n"
            "Adresaci: sędziowie rodzinni, prokuratorzy, pracownicy socjalni.",
            {"judiciary-staff", "professionals"},
        ),
    ],
)
def test_bodies_in_an_audience_statement_are_their_staff(
    analyse, lang: str, text: str, groups: set[str]
) -> None:
    assert groups <= analyse(lang, text).target_groups


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [
        # after a relative pronoun the body is no audience ("… for people whom a court …")
        (
            "sl",
            "Program je namenjen osebam, ki jim je sodišče izreklo pogojno obsodbo.",
            "judiciary-staff",
        ),
        # after ";" a new clause: the invited representatives are not the stated audience
        (
            "cs",
            "Pro koho: předsedové odborových organizací; přizváni jsou také zástupci "
            "krajského úřadu.",
            "public-officials",
        ),
    ],
)
def test_bodies_outside_the_audience_clause(analyse, lang: str, text: str, group: str) -> None:
    assert group not in analyse(lang, text).target_groups
