"""Word tables and small word tests of the organisation recogniser (per language)."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.components.orgdata import folded

ORG_SPANS = "praxis_orgs"
ACRONYM_SPANS = "praxis_acronyms"

SLAVIC = {"cs", "sk", "pl", "sl"}
HOME_COUNTRY = {"cs": "CZ", "sk": "SK", "pl": "PL", "sl": "SI", "de": "DE"}
#: joins words inside one name ("Probační a mediační služba", "Spraw Wewnętrznych i Administracji")
NAME_CONNECTORS = {"a", "i", "in", "und", "and", "&", "-", "és", "og"}
#: the connectors a name may contain in a text of each language (foreign names included)
CONNECTORS_BY_LANG = {
    "cs": {"a", "und", "and", "&", "-", "és", "og"},
    "sk": {"a", "und", "and", "&", "-", "és", "og"},
    "pl": {"i", "und", "and", "&", "-", "és", "og"},
    "sl": {"in", "und", "and", "&", "-", "és", "og"},
    "de": {"und", "and", "&", "-", "és", "og"},
    "en": {"and", "und", "&", "-", "és", "og"},
}
#: start a prepositional complement after a head, per language
COMPLEMENT_PREPS: dict[str, set[str]] = {
    "cs": {"pro"},
    "sk": {"pre"},
    "pl": {"do", "ds.", "dla"},
    "sl": {"za"},
    "de": {"für", "fur", "der", "des", "beim", "bei", "im", "zur", "zum", "vom", "von", "die"},
    "en": {"of", "for", "against"},
}
LOCATION_PREPS = {"v", "ve", "w", "we", "in", "pri", "při", "na", "nad"}
ARTICLES = {"the", "der", "die", "das", "den", "dem", "des"}
#: German preposition + article in one word ("vom Verein …" = "von dem Verein …")
ARTICLE_CONTRACTIONS = {"vom", "zum", "zur", "beim", "im", "am"}
#: articles that never stand inside a name after one of its words (nominative/accusative:
#: "Chemnitz | die Stadtmission Chemnitz e. V."); genitive "der"/"des" do ("Verein der Freunde")
NOT_INSIDE_ARTICLES = {"die", "das", "the"}
#: prepositions that, right after "and" ("a s organizací", "und vom Verein", "i z fundacją"),
#: start a new phrase: the name before the connector has ended
CLAUSE_PREPS = {
    *"s se z ze k ke ku v ve na do od o u za pro při pri pre so".split(),
    *"w we dla przez przy".split(),
    *"mit vom von bei beim zum zur im in für fur an auf mit".split(),
    *"with by from to at in for on".split(),
}
#: capitalised words that never begin a name (sentence-initial function words, generic nouns)
NOT_NAME_START = {
    "v",
    "ve",
    "na",
    "do",
    "od",
    "po",
    "za",
    "pro",
    "při",
    "pri",
    "s",
    "se",
    "z",
    "ze",
    "k",
    "o",
    "u",
    "a",
    "i",
    "w",
    "we",
    "dla",
    "przez",
    "oraz",
    "in",
    "im",
    "am",
    "an",
    "auf",
    "bei",
    "für",
    "mit",
    "von",
    "vom",
    "zum",
    "zur",
    "und",
    "the",
    "of",
    "for",
    "and",
    "with",
    "by",
    "to",
    "at",
    "on",
    "from",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "projekt",
    "project",
    "program",
    "programme",
    "programm",
    "cílem",
    "celem",
    "ziel",
    "partner",
    "partneři",
    "partnerzy",
    "partners",
    "koordinátor",
    "koordinator",
    "coordinator",
    "projektu",
    "projektem",
    "this",
    "these",
    "our",
    "naše",
    "nasz",
    "unser",
    "unsere",
    "tento",
    "ta",
    "ten",
    "kot",
    "kako",
    "ki",
    "je",
    "jsou",
    "sa",
    "się",
    "sie",
    "ist",
    "is",
    "are",
    "sind",
    "zo",
    "pre",
    "jako",
    "als",
    "as",
    "také",
    "także",
    "auch",
    "also",
    "tudi",
    "tiež",
    "když",
    "gdy",
    "wenn",
    "when",
    "ko",
    "ak",
    "if",
    "během",
    "podczas",
    "während",
    "during",
    "med",
    "počas",
    "mezi",
    "między",
    "zwischen",
    "between",
    "dne",
    "dnia",
}
NOT_NAME_START = {
    folded(word)
    for word in (
        *NOT_NAME_START,
        *"organizace organizácia organizacija organizacja organisation organization".split(),
        *"instituce inštitúcia instytucja institution".split(),
        # kinds of text heading a page ("Novica društva …", "Pozvánka", "Einladung")
        *"novica novice obvestilo sporočilo vabilo aktualność aktualności".split(),
        *"pozvánka pozvanka zaproszenie einladung invitation pressemitteilung".split(),
        *"novinka novinky oznam oznámení".split(),
    )
}
#: lower-case words that end a complement (verbs, pronouns, particles)
COMPLEMENT_STOP = {
    # pronouns and particles that follow a sentence-initial head ("Šola naj bo", "Ombudsman
    # nám sdělil", "Klinika nám pomohla")
    "naj",
    "nam",
    "nám",
    "vám",
    "nás",
    "vás",
    "jim",
    "jej",
    "mu",
    "nas",
    "vas",
    "je",
    "jsou",
    "byl",
    "byla",
    "bylo",
    "byli",
    "bude",
    "budou",
    "se",
    "si",
    "který",
    "která",
    "které",
    "kteří",
    "jenž",
    "že",
    "jak",
    "jako",
    "také",
    "i",
    "a",
    "ale",
    "nebo",
    "jest",
    "są",
    "był",
    "była",
    "było",
    "będzie",
    "się",
    "który",
    "która",
    "które",
    "oraz",
    "lub",
    "albo",
    "ani",
    "nor",
    "noch",
    "niti",
    "że",
    "także",
    "ist",
    "sind",
    "wird",
    "werden",
    "hat",
    "haben",
    "war",
    "und",
    "oder",
    "sowie",
    "auch",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "will",
    "which",
    "who",
    "that",
    "and",
    "or",
    "so",
    "bo",
    "bodo",
    "ki",
    "in",
    "ter",
    "ali",
    "tudi",
    "sa",
    "bol",
    "bola",
    "bolo",
    "boli",
    "budú",
    "ktorý",
    "ktorá",
    "ktoré",
    "alebo",
    "aj",
    "ako",
    "tiež",
    "v",
    "ve",
    "w",
    "we",
    "z",
    "ze",
    "s",
    "od",
    "do",
    "po",
    "o",
    "k",
    "u",
    "to",
    "by",
    "from",
    "with",
    "at",
    "mj.",
    "m.in.",
    "tzv.",
    "tzw.",
    "napr.",
    "npr.",
    "např.",
    "z.B.",
    "u.a.",
    "e.g.",
    "nr",
    "č.",
    "roku",
    "rok",
    "let",
    "lat",
    "leta",
    "years",
    "year",
    "jahr",
    "jahre",
    # forms of "to be" and particles that follow a name in a clause ("služby | jsem",
    # "Upravni enoti Ljubljana | pa smo", "Zakład | jest")
    *"jsem jsme jste jsi som sme ste sú sem smo so pa jestem jesteśmy jesteście".split(),
    # sentence adverbs after a name ("Město | zároveň …", "Urząd | również …")
    *"zároveň rovněž však totiž již už nyní letos opět znovu proto též".split(),
    *"zároveň rovnako však už teraz".split(),
    *"również też jednak już teraz ponadto".split(),
    *"prav že zdaj letos".split(),
    # an event after a name is what the body holds, not part of its name ("s Bílým kruhem
    # bezpečí | workshop pro soudce")
    *"workshop workshopy workshops seminář semináře seminar seminár konference".split(),
    *"konferencia konferenca webinář webinar webinár".split(),
}
#: the most lower-case words between a name's comma and the classifier noun describing it
#: ("Queer Montenegro, | a local civil society | organisation")
APPOSITIVE_WORDS = 5
#: heads that end a name in its own language (Norwegian, Danish, Swedish): the capitalised
#: words before them are the name ("Halden fengsel", "Oslo politidistrikt", "Statens
#: barnehus Oslo"), also when the text around is Czech or English
HEAD_FINAL = {
    *"fengsel fengselet politidistrikt barnehus kriminalomsorgen".split(),
    # Hungarian names end in their head ("Közszolgálati Dolgozók Szakszervezete")
    *"szakszervezet szakszervezete egyesulet egyesulete alapitvany alapitvanya".split(),
    *"szovetseg szovetsege miniszterium onkormanyzat onkormanyzata".split(),
}
#: nouns that, described after a comma, make the capitalised words before them a name
#: ("YouthLink Scotland, the national agency for youth work"); unlike the classifier
#: nouns they do not name what follows them ("the agency said")
APPOSITIVE_NOUNS = {
    "agency": "government-agency",
    "agentura": "government-agency",
    "agencija": "government-agency",
    "agencja": "government-agency",
    "agentur": "government-agency",
    "network": "ngo",
    "federation": "ngo",
    "alliance": "ngo",
    "institute": "university-research",
    "university": "university-research",
}
#: English people described by the body they come from ("a researcher from KU Leuven")
ROLE_FROM_NOUNS = {
    *"researcher researchers expert experts representative representatives speaker".split(),
    *"speakers colleague colleagues delegation delegates trainer trainers staff".split(),
}
#: "is"/"was" linking a name at the start of a sentence to what it is
COPULAS = {*"je jest ist is was war byl byla bol bola".split()}
#: words that may follow such a noun at the end of its description
APPOSITIVE_FOLLOWERS = {"for", "of", "in", "on", "that", "which", "based", "and", "with", "from"}
#: English words for a document or an event: after a name they end it ("the Council of
#: Europe | Recommendation CM/Rec(2018)8", "the European Commission | Directive")
DOCUMENT_WORDS = {
    *"recommendation recommendations directive directives regulation regulations".split(),
    *"convention resolution resolutions report declaration guidelines handbook".split(),
    *"conference award prize strategy standards rules".split(),
}
#: given names in the nominative (cs, sk, pl, sl, de, en, hu): a capitalised tail "Petra
#: Hájková", "Dominik Kolorz" after a name is a person, not part of the name. Names whose
#: nominative is another name's genitive ("Jana", "Petra" of "Jan", "Petr") or a place
#: ("Martin", "Luka Koper") are left out; names inside a name are genitive ("Olgy Havlové").
GIVEN_NAMES = {
    *"petr pavel tomas jiri josef karel milan jaroslav lukas jakub david michal ondrej".split(),
    *"vaclav zdenek miroslav frantisek stanislav radek ales vladimir ladislav peter".split(),
    *"jozef juraj stefan lubomir igor marian rastislav dusan eva hana lenka lucie".split(),
    *"veronika katerina tereza zuzana monika alena jitka barbora marketa simona".split(),
    *"kristyna michaela andrea lucia katarina dagmar vera helena ludmila irena iveta".split(),
    *"eliska klara piotr krzysztof andrzej tomasz pawel marcin grzegorz marek adam".split(),
    *"lukasz dominik mateusz wojciech rafal kamil maciej artur dariusz slawomir".split(),
    *"zbigniew tadeusz jerzy janusz ryszard mariusz szymon bartosz katarzyna".split(),
    *"malgorzata agnieszka ewa krystyna elzbieta joanna magdalena aleksandra beata".split(),
    *"dorota justyna izabela urszula renata iwona karolina natalia marta paulina".split(),
    *"agata halina matej ziga nina mojca spela tanja urska mateja bojan bostjan".split(),
    *"gregor marko janez primoz andrej uros mitja thomas michael andreas klaus".split(),
    *"wolfgang jurgen uwe markus christian sabine susanne claudia birgit ulrike".split(),
    *"kerstin katrin julia anja silke heike gabriele jens torsten matthias tobias".split(),
    *"dirk holger ralf bernd karin ursula ingrid manfred dieter hans werner helmut".split(),
    *"john james sarah emma mary paul richard susan claire rachel laura emily kate".split(),
    *"william george laszlo zoltan istvan gabor zsuzsanna katalin".split(),
}
#: classifier nouns (folded lemmas): a capitalised name right after one is an organisation
#: of that kind ("nezisková organizace Exodus Nederland", "občianskym združením Bezpečne
#: online", "the charity Volonté", "die Organisation Mezikrok")
CLASSIFIER_NOUNS = {
    "organizace": "ngo",
    "organizacia": "ngo",
    "organizacija": "ngo",
    "organizacja": "ngo",
    "organisation": "ngo",
    "organization": "ngo",
    "nno": "ngo",
    "ngo": "ngo",
    "nvo": "ngo",
    "spolek": "ngo",
    "sdruzeni": "ngo",
    "zdruzenie": "ngo",
    "stowarzyszenie": "ngo",
    "drustvo": "ngo",
    "nadace": "ngo",
    "nadacia": "ngo",
    "fundacja": "ngo",
    "fundacija": "ngo",
    "foundation": "ngo",
    "charity": "ngo",
    "association": "ngo",
    "firma": "employer",
    "spolecnost": "employer",
    "spolocnost": "employer",
    "spolka": "employer",
    "podjetje": "employer",
    "company": "employer",
    "firm": "employer",
    "unternehmen": "employer",
    "union": "trade-union",
    "odbory": "trade-union",
    "sindikat": "trade-union",
    "gewerkschaft": "trade-union",
}
#: a classifier preceded by one of these adjectives is of that kind ("odborová organizace")
CLASSIFIER_ADJECTIVES = {
    "odborovy": "trade-union",
    "odborova": "trade-union",
    "zwiazkowy": "trade-union",
    "sindikalni": "trade-union",
    "socialni": "social-enterprise",
}
#: words naming a part of a body (a faculty, a branch, a regional office)
UNIT_WORDS = {
    "faculty",
    "fakulta",
    "fakulteta",
    "wydzial",
    "office",
    "pobocka",
    "branch",
    "department",
    "katedra",
}
UNIFORMED_SERVICES = {
    "police",
    "municipal-police",
    "border-guard",
    "prison-service",
    "probation-service",
    "fire-rescue",
}
#: Czech plural forms of "odbor" that mean trade unions ("Konfederace svobodných odborů")
UNION_PLURALS = {"odborů", "odbory", "odborům", "odbormi"}
#: people, not bodies: they end a name to their right ("Dyrektor Generalny Służby Więziennej")
PERSON_TITLES = {
    "dyrektor",
    "director",
    "reditel",
    "riaditel",
    "direktor",
    "minister",
    "ministr",
    "prezes",
    "president",
    "prasident",
    "predseda",
    "przewodniczacy",
    "namestek",
    "starosta",
    "burmistrz",
    "prezydent",
    "komendant",
    "velitel",
    "nacelnik",
    "zupan",
    "primator",
    "head",
    "chief",
    "leiter",
    "leiterin",
    "vedouci",
    "kierownik",
    "predstavnik",
    "predstavniki",
    "predstavnica",
    "zastupce",
    "zastupci",
    "zastupca",
    "zastupcovia",
    "przedstawiciel",
    "przedstawiciele",
    "przedstawicielka",
    "representative",
    "representatives",
    "vertreter",
    "vertreterin",
    "vertreterinnen",
}
MAX_NAME_TOKENS = 18
MAX_COMPLEMENT = 14
MAX_LOWER_COMPLEMENT = 4
#: abbreviations inside names ("hl. m. Prahy", "św. Jana")
NAME_ABBREVIATIONS = {"hl.", "m.", "st.", "sv.", "św.", "im.", "Wlkp."}
#: months and time words that follow a name but are not part of it
TIME_WORDS = {
    w
    for w in (
        "leden unor brezen duben kveten cerven cervenec srpen zari rijen listopad prosinec "
        "ledna unora brezna dubna kvetna cervna cervence srpna zari rijna listopadu prosince "
        "januar februar marec april maj junij julij avgust september oktober november "
        "december januarja februarja marca aprila maja junija julija avgusta septembra "
        "oktobra novembra decembra stycznia lutego marca kwietnia maja czerwca lipca "
        "sierpnia wrzesnia pazdziernika listopada grudnia januara februara marca aprila "
        "maja juna jula augusta septembra oktobra novembra decembra leto leta roku rok "
        "lat let rokem letu jahr jahre year years montag dienstag mittwoch donnerstag freitag "
        "samstag sonntag monday tuesday wednesday thursday friday saturday sunday pondeli "
        "utery streda ctvrtek patek sobota nedele poniedzialek wtorek sroda czwartek piatek "
        "niedziela ponedeljek torek sreda cetrtek petek nedelja pondelok utorok stvrtok piatok "
        "january february march may june july october"
    ).split()
}
ADJ_ENDINGS = {
    "cs": (
        "í",
        "ý",
        "á",
        "é",
        "ého",
        "ému",
        "ých",
        "ým",
        "ými",
        "ou",
        "ích",
        "ím",
        "ími",
        "ího",
        "ímu",
    ),
    "sk": (
        "í",
        "ý",
        "á",
        "é",
        "ého",
        "ému",
        "eho",
        "emu",
        "ých",
        "ým",
        "ými",
        "ou",
        "ej",
        "ia",
        "ie",
        "iu",
        "ím",
        "ích",
        "ími",
    ),
    "sl": ("i", "a", "o", "e", "ega", "emu", "em", "ih", "im", "imi", "ski", "ška", "ški"),
    "pl": ("y", "a", "e", "ego", "emu", "ej", "ą", "ych", "ym", "ymi", "i", "ie", "iego"),
}
#: Slovak rhythmic law: after a long syllable an adjective ending is short ("Arcidiecézna
#: charita", "Najvyšším správnym súdom"); a diphthong is long too ("Trenčiansky")
SK_SHORT_ADJECTIVE = re.compile(
    r"(?:[áéíóúýô]|i[aeu])[^aeiouyáéíóúýäô]+(?:a|e|y|u|ym|ych|ymi|eho|emu|ej)$"
)
VERB_LEMMA = {
    "cs": re.compile(r"(?:[aeěiyouýí]t|ovat|nout|ci|[ée]st|[íi]st|ůst)$"),
    "sk": re.compile(r"(?:[aeiyou]ť|ovať|núť|ieť|ci)$"),
    "sl": re.compile(r"(?:ati|iti|eti|ovati|niti|ti)$"),
    "pl": re.compile(r"(?:ać|eć|ić|yć|ować|ąć|ść|źć|c)$"),
}
COUNTRY_DESIGNATORS = {
    "cr",
    "sr",
    "rs",
    "srn",
    "rp",
    "brd",
    "ceske republiky",
    "slovenske republiky",
    "slovenskej republiky",
    "republiky slovenije",
    "republike slovenije",
    "rzeczypospolitej polskiej",
    "czech republic",
    "slovak republic",
    "republic of slovenia",
    "of the czech republic",
    "of the slovak republic",
    "of the republic of slovenia",
    "ceska republika",
    "slovenska republika",
    "republika slovenija",
}
ACRONYM_RE = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽĄĆĘŁŃŚŹŻÄÖÜĽĹŔÔ][A-Za-zÁ-žĄ-ż0-9&./+-]{1,11}$")
DASHES = {"-", "–", "—"}
#: navigation and table separators ("Občina Brežice | Piškotki")
SEPARATORS = {"|", "›", "»", "·", "/", "•"}
#: ranks and academic titles before a person's name ("Służba Więzienna płk Jan …")
RANKS = {
    "plk",
    "pplk",
    "mjr",
    "kpt",
    "insp",
    "nadinsp",
    "gen",
    "mgr",
    "ing",
    "dr",
    "prof",
    "doc",
    "judr",
    "phdr",
    "bc",
    "mudr",
}
#: words (folded, or suffixes of German compounds) naming a project, programme or event:
#: a name right after one ("projektu „Otevřené oddělení“", "Landesinitiative „Handwerk im
#: Hafthaus“", "národný projekt Centrum sociálneho dialógu") is that project, not a body
PROJECT_WORDS = (
    "projekt",
    "projektu",
    "projekte",
    "projektem",
    "project",
    "program",
    "programu",
    "programme",
    "programm",
    "initiative",
    "iniciativa",
    "inicjatywa",
    "kampan",
    "kampania",
    "campaign",
    "kampagne",
    "konference",
    "konferencja",
    "conference",
    "konferenz",
    "festival",
    "seminar",
    "workshop",
)
#: endings of German common nouns (a capitalised tail word ending so is not a place)
DE_NOUN_ENDINGS = ("ungen", "ung", "heit", "keit", "schaft", "ionen", "tat", "ismus", "nahme")
#: rivers and landscapes that close German place names ("an der Donau", "im Wald")
GEO_TAILS = {
    "donau",
    "main",
    "wald",
    "oder",
    "inn",
    "havel",
    "rhein",
    "lech",
    "isar",
    "elbe",
    "saale",
    "neckar",
    "mosel",
    "ruhr",
    "lahn",
    "weser",
    "ems",
    "ilm",
    "harz",
    "spree",
    "fils",
    "ybbs",
    "enns",
    "traun",
    "mur",
    "drau",
}
OPEN_QUOTES = {"„", "“", '"', "«", "»", "‚"}
CLOSE_QUOTES = {"”", "“", '"', "»", "«", "‘", "’"}
#: an e-mail address or web address; group 1 is the domain
DOMAIN_RE = re.compile(
    r"(?:[\w.+-]+@|https?://|\bwww\.)((?:[\w-]+\.)+(?:[a-z]{2,10}))\b", re.IGNORECASE
)


@lru_cache(maxsize=200_000)
def is_cap(text: str) -> bool:
    return bool(text[:1].isupper()) and any(ch.isalpha() for ch in text)


SLAVIC_LETTERS = set("řěůčšžýłąęśźżńćľĺŕťďňŘĚŮČŠŽÝŁĄĘŚŹŻŃĆĽĹŔŤĎŇ")


@lru_cache(maxsize=100_000)
def has_slavic_letters(text: str) -> bool:
    return not SLAVIC_LETTERS.isdisjoint(text)


@lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    """Short upper-case token (allowing one or two lower-case letters: "MSWiA", "iGZ")."""
    letters = [ch for ch in text if ch.isalpha()]
    if not 2 <= len(letters) <= 10 or len(text) > 12:
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper >= len(letters) - 2 and not text.endswith(".")
