"""``praxis_concept_context``: keep a concept only where the text uses it in that sense.

The vocabulary matcher finds every label; this component applies the annotation
guidelines an annotator would state, after organisations are known:

* **Target groups that are also the people who do the work** (staff, experts,
  officers, volunteers, residents, families, …; :data:`CONTEXTUAL_GROUPS`) count only
  where the text presents them as the project's beneficiaries or participants: the
  sentence states a target group ("cílová skupina", "grupa docelowa", "Zielgruppe",
  "target group", "ciljna skupina", "určený pre", "skierowane do", …), the group
  follows "for" (pro, pre, dla, für, za) or "among" (mezi, wśród, unter, med), a number
  counts them ("420 policjantów", "24 příslušníků"), or the mention is in the title.
  A mention that names the implementers ("experti z Rakúska", "strokovnjak iz
  Glavne policijske uprave", "eksperci Komendy Głównej Policji") never counts.
  A group the text keeps returning to (:data:`REPEATED_MENTIONS` mentions) counts too.
* Mentions inside an organisation's name are that organisation's words (done by
  ``praxis_organisations``).
* Cities' countries join the country mentions here, once organisation names are known.

Dropped mentions are removed from ``doc.spans["praxis_concepts"]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IS_ALPHA, LIKE_NUM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.components.compounds import MODIFIER_GROUPS
from ingest.components.countries import join_city_countries
from ingest.components.sentences import (
    doc_text,
    folded_sentence,
    sentence_bounds,
    sentence_index,
    sentence_text,
)
from ingest.components.vocabulary import CONCEPT_SPANS, STAFF_OF_TYPE
from ingest.normalise import fold

#: target groups that are often the implementers or a bystander rather than the beneficiary
CONTEXTUAL_GROUPS = frozenset(
    {
        "professionals",
        "workers",
        "general-public",
        "public-officials",
        "law-enforcement-officers",
        "ngo-staff",
        "families",
        "offenders",
        "victims-of-crime",
        "ex-prisoners",
        "vulnerable-persons",
        "judiciary-staff",
        "prison-staff",
    }
)
#: contextual groups that are people the work is about, never its implementers: a
#: mention of several words ("nach der Entlassung", "byli osadzeni", "Rodiny odsúdených",
#: "zvlášť zranitelné osoby") names them as a topic of the text, not in passing
TOPIC_GROUPS = frozenset({"ex-prisoners", "victims-of-crime", "families", "vulnerable-persons"})
#: a sentence that recruits people (folded text): the staff or volunteers sought are the
#: project's implementers, not its beneficiaries ("Iščemo prostovoljce", "ZAPOSLIMO:
#: svetovalec", "We are looking for volunteers", "Wir suchen Sozialarbeiter*innen")
RECRUITMENT = re.compile(
    r"\b(hledame|hladame|szukamy|poszukujemy|iscemo|we are looking for|we're looking for|"
    r"wir suchen|suchen wir|zaposlimo|prijmeme|zatrudnimy|zamestname|"
    r"volunteer opportunit\w*|job offer|job vacanc\w*|stellenangebot\w*|stellenausschreibung|"
    r"ponuka prace|nabidka prace|volne pracovni misto|volne pracovne miesto|oferta pracy|"
    r"prosto delovno mesto|join our team)\b"
)
#: groups of people who may be a project's staff or volunteers (the people a text recruits)
STAFF_GROUPS = frozenset(
    {"professionals", "workers", "ngo-staff", "public-officials", "law-enforcement-officers"}
)
#: topic groups named by their situation rather than as people ("riziko sociálneho
#: vylúčenia", a risk the text names): only a mention with a person word counts
#: ("zvlášť zranitelné osoby", "people at risk of poverty")
PEOPLE_NEEDED = frozenset({"vulnerable-persons"})
PERSON_WORDS = ("osob", "oseb", "clovek", "lid", "ludi", "person", "people", "mensch", "ljud",
                "skupin", "group", "grupp", "grup", "rodin", "famil", "dziec", "deti", "child",
                "kind", "otro", "mlad", "youth", "jugend")  # fmt: skip


def topic_mention(span: Span, notation: str) -> bool:
    """A mention of several words that names a topic group (:data:`TOPIC_GROUPS`)."""
    if len(span) < 2:
        return False
    if notation not in PEOPLE_NEEDED:
        return True
    return any(token.norm_.startswith(PERSON_WORDS) for token in span)


#: sentences naming a group (no implementer cue) that make it a topic of the text on their own
REPEATED_MENTIONS = 3

#: a sentence that says who the project is for (folded text)
TARGET_SENTENCE = re.compile(
    r"\b(cilov\w* skupin\w*|cielov\w* skupin\w*|grup\w* docelow\w*|ciljn\w* skupin\w*|"
    r"zielgrupp\w*|target groups?|target audiences?|audience|beneficiar\w*|urcen\w*|"
    r"skierowan\w*|przeznaczon\w*|adresa(?:t|c)\w*|addressees|adressaten|"
    r"adresowan\w*|namenjen\w*|intended for|aimed at|designed for|richtet sich an|"
    r"angesprochen|pro koho|dla kogo|fur wen|for whom|za koga|pre koho|"
    r"ucastni\w*|ucastn\w*|uczestni\w*|teilnehm\w*|participants?|participated|udelez\w*|"
    r"pozvani|pozvan\w*|zaprasza\w*|eingeladen|ladt\w*|invit\w*|vabi\w*|vabljen\w*|pozyva\w*|"
    r"vyskolen\w*|proskolen\w*|przeszkolon\w*|usposobljen\w*|trained|geschult|ausgebildet|"
    r"trains?|skoli|vyskoli|proskoli|szkoli|przeszkoli|schult|usposablja|adresuj\w*|"
    r"absolvoval\w*|ukonczyl\w*|opravil\w*|completed|attended|besucht\w*|obiskoval\w*|"
    r"uczeszcza\w*|navstevoval\w*)\b"
)
#: "for" / "among" before a group: the group receives or takes part
FOR_WORDS = {
    "cs": {"pro", "mezi", "pomoc", "pomoci", "s", "se"},
    "sk": {"pre", "medzi", "pomoc", "pomoci", "s", "so"},
    "pl": {"dla", "wsrod", "pomoc", "pomocy"},
    "de": {"fur", "unter", "zwischen", "mit"},
    "en": {"for", "among", "to", "with"},
    "sl": {"za", "med", "pomoc", "pomoci", "s"},
}
#: training nouns right before a group in the genitive: the group is trained ("školení
#: zaměstnanců věznic", "szkolenie funkcjonariuszy", "Schulung der Beamten"), but not
#: "Školení vedly naše sociální pracovnice" (led by them)
TRAINING_OF = frozenset(
    {"skoleni", "vzdelavani", "vycvik", "skolenie", "skolenia", "vzdelavanie", "szkolenie",
     "szkolenia", "szkolen", "szkoleniu", "doskonalenie", "ksztalcenie", "schulung",
     "schulungen", "fortbildung", "fortbildungen", "weiterbildung", "usposabljanje",
     "usposabljanja", "izobrazevanje", "izobrazevanja"}
)  # fmt: skip
#: "with" words among FOR_WORDS, and the cooperation words that make them name partners
WITH_WORDS = frozenset({"with", "s", "se", "so", "mit"})
COOPERATION = (
    "cooperat", "collaborat", "partnership", "spoluprac", "spolupraci", "zusammenarbeit",
    "kooperation", "sodelovan", "wspolprac", "jointly", "together", "spolecne", "spolocne",
    "gemeinsam", "skupaj", "dohod", "dohodl", "koordin", "coordinat",
)  # fmt: skip
#: "for" after a group: the group serves someone else ("mentorji za ljudi po prestani kazni")
SERVES_WORDS = {"pro", "pre", "dla", "fur", "for", "za"}
#: "from"/"of" after a group: the mention names people of another body (implementers)
FROM_WORDS = {"z", "ze", "zo", "iz", "from", "aus", "von", "of", "des", "der"}


#: words that continue a list of groups ("for prison staff, librarians and volunteers")
LIST_WORDS = {"a", "i", "and", "und", "oraz", "in", "ter", "aj", "or", "oder", "lub", "ali", "nebo"}
LIST_WINDOW = 8
MAX_MODIFIERS = 3


_FOLDED: dict[int, str] = {}  # ORTH id → folded text (per process)


class Tokens:
    """Lazy per-document token columns (text, folded text, alphabetic, number-like): the
    rules look at a few neighbours of each mention, often the same ones."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.strings = doc.vocab.strings
        self.rows = doc.to_array([ORTH, IS_ALPHA, LIKE_NUM])
        self.length = len(doc)

    def __len__(self) -> int:
        return self.length

    def text(self, k: int) -> str:
        return self.strings[int(self.rows[k, 0])]

    def alpha(self, k: int) -> bool:
        return bool(self.rows[k, 1])

    def num(self, k: int) -> bool:
        return bool(self.rows[k, 2])

    def folded(self, k: int) -> str:
        orth = int(self.rows[k, 0])
        folded = _FOLDED.get(orth)
        if folded is None:
            folded = _FOLDED[orth] = fold(self.strings[orth])
        return folded


def _cue_before(tok: Tokens, start: int, words: set[str]) -> tuple[bool, bool]:
    """``(count, for_word)`` before a group, looking back over a list of groups.

    "420 policjantów", "kurz pro 24 příslušníků", "training for prison staff, librarians
    and volunteers": a count or a "for"/"among" word before the group or before the
    list the group ends.
    """
    modifiers = 0  # adjectives and other words of the list items ("civilních", "speciálních")
    for k in range(start - 1, max(start - 1 - LIST_WINDOW, -1), -1):
        if tok.num(k):
            return True, False
        if tok.text(k) == "," or (tok.alpha(k) and tok.folded(k) in LIST_WORDS):
            continue
        if not tok.alpha(k):
            return False, False
        if modifiers == 0 and tok.folded(k) in TRAINING_OF:
            return False, True
        if tok.folded(k) in words:
            # "working with offenders" — but "in cooperation with the police officers"
            # names partners, not beneficiaries
            if tok.folded(k) in WITH_WORDS and k > 0 and tok.folded(k - 1).startswith(COOPERATION):
                return False, False
            return False, True
        modifiers += 1
        if modifiers > MAX_MODIFIERS:
            return False, False
    return False, False


def _implementer(tok: Tokens, span: Span, org_starts: set[int], lang: str) -> bool:
    """ "experti z Rakúska", "eksperci Komendy Głównej", "staff of the Council"."""
    end = span.end
    if end in org_starts:
        return True
    if end < len(tok) and tok.folded(end) in SERVES_WORDS:
        return True
    if end < len(tok) and tok.folded(end) in FROM_WORDS:
        nxt = end + 1
        while nxt < len(tok) and tok.folded(nxt) in {"the", "der", "die", "des"}:
            nxt += 1
        if nxt in org_starts:
            return True
        # German nouns are capitalised: "Fachleute aus Beratung" are not from a body
        if lang != "de" and tok.folded(end) != "of" and nxt < len(tok) and tok.alpha(nxt):
            return True
    return False


def heading_end(text: str) -> int:
    """Offset where the title ends: the first non-empty line, or the first line after
    short header lines such as "SPOROČILO ZA JAVNOST", "Tisková zpráva" or a dateline."""
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if not line.strip():
            continue
        # words with letters: a dateline "Ljubljana, 15. januar 2025" has two
        words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
        header = not line.rstrip().endswith((".", "!", "?", ":")) and (
            len(words) <= 3 or line.isupper()
        )
        if not header:
            return offset
    return offset


#: generic actor types whose one-word mentions are often places ("v Libereckém kraji",
#: "in the Trenčín region", "w województwie", "v příhraničních obcích")
PLACE_TYPES = frozenset({"actor-type/regional-government", "actor-type/municipality"})
#: prepositions that make the following place word a location
LOCATIVE = {
    "cs": {"v", "ve", "na", "po", "z", "ze", "do", "mezi"},
    "sk": {"v", "vo", "na", "po", "z", "zo", "do", "medzi"},
    "pl": {"w", "we", "na", "po", "z", "ze", "do", "wsrod"},
    "de": {"in", "im", "am", "aus", "nach", "uber"},
    "en": {"in", "across", "throughout", "from", "into", "of"},
    "sl": {"v", "na", "po", "iz", "med"},
}
PUBLICATION = "activity-type/publication"
STUDY_VISIT = "activity-type/study-visit"
SURVEY = "activity-type/survey-research"
#: "according to" before a survey word: the text cites research ("podle průzkumů",
#: "według badań", "laut Studien"); "zufolge" follows it
#: words after "published" that make it a page's date line ("Published on 3 May")
DATE_LINE_WORDS = frozenset({":", "on", "am", "dne", "dna", "dnia", "dňa"})


#: "published" as a participle (folded beginnings), the word of a page's date line
PUBLISHED = ("publish", "opublikow", "veroffentlich", "objavlj", "zverejn", "publikovan")


def published_on(tok: Tokens, start: int, end: int) -> bool:
    """ "Published" followed by a colon, "on"/"am" or a number: a date line."""
    return (
        end - start == 1
        and tok.folded(start).startswith(PUBLISHED)
        and end < len(tok)
        and (tok.num(end) or tok.text(end) in DATE_LINE_WORDS)
    )


ACCORDING = frozenset({"podle", "podla", "wedlug", "laut", "gemass", "according", "to"})


#: folded words for "case" next to "study": a case study is a teaching or reporting form,
#: no research of the project ("case studies", "prípadové štúdie", "studium przypadku")
CASE_WORDS = ("case", "pripadov", "pripadow", "przypadk", "primer", "fall")
#: a Czech/Slovak genitive adjective before "studia/štúdia": studies at a school
#: ("stredoškolského štúdia"), not a study
SCHOOLING_GENITIVE = ("eho", "iho")


def not_research(tok: Tokens, span: Span) -> bool:
    """A study that is a case study or schooling, not research done in the project."""
    if len(span) != 1:
        return False
    around = [tok.folded(k) for k in (span.start - 1, span.end) if 0 <= k < len(tok)]
    if any(w.startswith(CASE_WORDS) for w in around):
        return True
    word = tok.folded(span.start)
    return (
        word in {"studia", "studium", "studiu"}
        and span.start > 0
        and tok.folded(span.start - 1).endswith(SCHOOLING_GENITIVE)
    )


def cites_research(tok: Tokens, start: int) -> bool:
    before = [tok.folded(k) for k in range(max(start - 2, 0), start)]
    if before and before[-1] == "to":
        return len(before) == 2 and before[0] == "according"
    return bool(before) and before[-1] in ACCORDING


#: a visit to a website is no study visit (folded sentence)
WEBSITE = re.compile(
    r"\b(websites?|web|webov\w*|webpage|homepage|www|stran\w* internet\w*|internetov\w*|"
    r"stron\w* internetow\w*|webseite\w*|spletn\w*|portal\w*|strank\w*|strank)\b"
)
#: kinds of document: in the first line they say what the text itself is ("NEWSLETTER |
#: listopad 2025", "Final report - Executive summary"), not that the project published one
GENRE_WORDS = frozenset(
    {
        "newsletter", "zpravodaj", "spravodaj", "bulletin", "biuletyn", "glasilo", "rundbrief",
        "infobrief", "report", "zprava", "sprava", "sprawozdanie", "porocilo", "bericht",
        "abschlussbericht", "jahresbericht", "zwischenbericht", "raport", "summary",
    }
)  # fmt: skip


#: separators that make a line a site's navigation menu
MENU_SEPARATORS = 3


def in_menu(doc: Doc, offset: int) -> bool:
    """The line around ``offset`` is a navigation menu ("Home | About | Projects | …")."""
    text = doc_text(doc)
    menus = doc.user_data.get("praxis_may_have_menu")
    if menus is None:
        menus = doc.user_data["praxis_may_have_menu"] = text.count("|") >= MENU_SEPARATORS
    if not menus:
        return False
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    # a Markdown table row ("| Partner | Country | Role |") is content, not a menu
    return line.count("|") >= MENU_SEPARATORS and not line.lstrip().startswith("|")


def first_line_end(doc: Doc) -> int:
    """Offset of the end of the document's first non-empty line."""
    end = doc.user_data.get("praxis_first_line_end")
    if end is None:
        text = doc_text(doc)
        start = len(text) - len(text.lstrip())
        at = text.find("\n", start)
        end = doc.user_data["praxis_first_line_end"] = len(text) if at < 0 else at
    return end


WORKSHOP = "activity-type/workshop"
CONFERENCE = "activity-type/conference"
#: folded prefixes of "press" next to a conference: a press conference announces, it is no
#: conference of the project ("tiskové konferenci", "konferencji prasowej", "Pressekonferenz")
PRESS = ("press", "tiskov", "prasow", "tlacov", "novinar", "medijsk")
#: languages whose workshop word (warsztat, dílna, dielňa) is also a workplace
PLACE_WORKSHOP_LANGS = frozenset({"pl", "cs", "sk"})
IN_WORDS = frozenset({"w", "we", "v", "ve", "vo"})


def _after_word(tok: Tokens, span: Span, words: frozenset[str] | set[str], reach: int) -> bool:
    """Whether one of ``words`` stands among the ``reach`` words just before ``span``, with
    only words (no punctuation or numbers) between."""
    for k in range(span.start - 1, max(span.start - 1 - reach, -1), -1):
        if not tok.alpha(k):
            return False
        if tok.folded(k) in words:
            return True
    return False


def _in_place(tok: Tokens, span: Span) -> bool:
    """ "w (przywięziennych) warsztatach", "v dílnách": in a place, not at an event ("na")."""
    return _after_word(tok, span, IN_WORDS, 2)


REGRANTING = "activity-type/regranting"
#: "from"/"within" before a grant scheme: the project's own money comes from it, it
#: passes no grants on ("z grantového programu", "w ramach Funduszu Małych Projektów")
FUNDED_FROM = frozenset(
    {"z", "ze", "zo", "iz", "from", "aus", "von", "vom", "ramci", "ramach", "okviru", "under",
     "within", "rahmen", "srodkow", "prostriedkov", "prostredku", "sredstev", "mitteln"}
)  # fmt: skip
#: activities whose word also names an industry: "construction sector", "stavební firmy"
SECTOR_ACTIVITIES = frozenset({"activity-type/infrastructure"})
SECTOR_WORDS = frozenset(
    {
        "sector", "sectors", "industry", "industries", "site", "sites", "company", "companies",
        "firm", "firms", "workers", "business", "businesses", "branche", "sektor", "sektoru",
        "sektorze", "firma", "firmy", "firmach", "odvetvi", "branza", "branzy", "panoga",
        "panogi", "delavci", "dělníci", "delnici", "robotnicy", "pracovnici",
    }
)  # fmt: skip
#: "social media" is a channel, not a media outlet (folded lemma prefixes)
SOCIAL = ("social", "spolecz", "sozial", "druzben")
#: the EU's standard disclaimer names the Commission and the Union, not project actors
DISCLAIMER = re.compile(
    r"\b(responsib\w*|odpovednost\w*|odpowiedzialn\w*|verantwort\w*|odgovorn\w*|"
    r"zodpovedn\w*|zodpovednost\w*|hafte\w*|haftbar)\b"
)
#: a cheap first look at the raw sentence (most have no "responsib-" word at all)
DISCLAIMER_RAW = re.compile(
    r"responsib|odpov[eě]dnost|odpowiedzialn|verantwort|odgovorn|zodpoved|haft", re.IGNORECASE
)
DISCLAIMER_TOPIC = re.compile(
    r"\b(views?|nazor\w*|poglad\w*|ansicht\w*|stalisc\w*|mnenj\w*|stanovisk\w*|"
    r"information|informac\w*|content|obsah\w*|tresc\w*|inhalt\w*|vsebin\w*|"
    r"commission|komise|komisj\w*|kommission|komisij\w*|komisia|eacea)\b"
)


def in_disclaimer(text: str) -> bool:
    """ "The Commission cannot be held responsible for any use …" and its translations
    (``text``: the folded sentence)."""
    return bool(DISCLAIMER.search(text) and DISCLAIMER_TOPIC.search(text))


def _place(tok: Tokens, span: Span, lang: str) -> bool:
    """A one-word region/town mention used as a location: "v Libereckém kraji"."""
    return len(span) == 1 and _after_word(tok, span, LOCATIVE.get(lang, set()), 3)


#: a visit or a tour (nouns; German "Besuch" shares its lemma with the verb): most are a
#: minister's or a guest's, not a study visit; "the participants toured the prison" is one
VISIT_NOUNS = frozenset(
    {"navsteva", "besuch", "besuchen", "visit", "wizyta", "obisk", "ogled", "prohlidka",
     "prehliadka", "besichtigung", "tour"}
)  # fmt: skip
#: monitoring, an interview, an evaluation named once: a topic, a method or cited work
METHOD_WORDS = frozenset(
    {"monitoring", "monitorovanie", "interview", "intervju", "wywiad", "vyhodnoceni",
     "hodnotenie", "evaluation", "evaluace", "evaluacia", "ewaluacja", "evalvacija",
     "evaluierung", "diagnoza", "diagnostika", "untersuchung", "statistik", "statistika",
     "assessment"}
)  # fmt: skip
#: an adviser or a piece of advice named once is no counselling service
ADVICE_WORDS = frozenset(
    {"berater", "beraterin", "porada", "adviser", "advisor", "advice", "guidance"}
)  # fmt: skip
#: one-word labels too generic to establish an activity from a single sentence: a model,
#: a network, a meeting, a lecture or "dissemination" is named in passing in most texts.
#: ``None``: every one-word label of the concept; otherwise the folded lemmas.
WEAK_ACTIVITY_WORDS: dict[str, frozenset[str] | None] = {
    "strategy-development": frozenset(
        {
            "model",
            "modell",
            "koncept",
            "konzept",
            "concept",
            "koncepce",
            "koncepcia",
            "koncepcja",
            "standard",
            "standards",
            "framework",
            "ramec",
            "okvir",
            "rahmen",
            "ramy",
            "postup",
            "postopek",
            "procedura",
            "pilot",
            "pilotaz",
            "erprobung",
        }
    ),
    "networking-meetings": None,
    "awareness-campaign": frozenset(
        {
            "sireni",
            "sirenie",
            "upowszechniac",
            "upowszechnianie",
            "dissemination",
            "disseminate",
            "diseminace",
            "diseminacia",
            "diseminacija",
            "razsirjanje",
            "verbreitung",
            "promotion",
            "promocja",
            "promocija",
            "propagace",
        }
    ),
    "seminar": frozenset(
        {
            "prednaska",
            "prednasky",
            "predavanje",
            "predavanja",
            "lecture",
            "lectures",
            "wyklad",
            "vortrag",
            "vortrage",
        }
    ),
    "exchange-of-good-practice": frozenset(
        {"share", "sharing", "shared", "exchange", "exchanged", "transfer", "prenos"}
    ),
    "advocacy": frozenset({"legislativa", "legislacja", "zakonodaja", "gesetzgebung"}),
    "study-visit": VISIT_NOUNS,
    "survey-research": METHOD_WORDS,
    "counselling": ADVICE_WORDS,
}


#: a sentence that makes a generic word the project's own activity (folded text): a model
#: it develops ("developed and piloted a model", "vyvinuli model", "opracowano model"), a
#: law it proposes changes to ("predlogi sindikatov za prenos direktive v zakonodajo")
STRONG_CONTEXT = {
    "strategy-development": re.compile(
        r"\b(develop\w*|vyvin\w*|vyvij\w*|vytvor\w*|vypracova\w*|opracow\w*|wypracow\w*|"
        r"stworz\w*|entwickel\w*|entwickelt\w*|erarbeit\w*|razvi\w*|izdela\w*|design\w*)\b"
    ),
    "advocacy": re.compile(
        r"\b(predlog\w*|navrh\w*|propozycj\w*|postul\w*|vorschlag\w*|vorschlag|forder\w*|"
        r"proposal\w*|propos\w*|recommend\w*|priporoc\w*|doporuc\w*|odporuc\w*|"
        r"rekomend\w*|empfehl\w*|amend\w*)\b"
    ),
}


#: how many characters before the word the verb may stand (``None``: the sentence)
STRONG_REACH = {"strategy-development": 32}


def _workplace(tok: Tokens, span: Span, group_ends: set[int]) -> bool:
    """Where a target group works, not an actor of the project: a generic institution
    word right after the group, in the genitive: "pracowników ośrodków pomocy
    społecznej", "zaměstnance norských věznic", "staff of prisons"."""
    for k in range(span.start, max(span.start - 1 - MAX_MODIFIERS, 0), -1):
        if k in group_ends:
            return True
        if not tok.alpha(k - 1) or tok.folded(k - 1) in LIST_WORDS:
            return False
    return False


WORKERS = "target-group/workers"
#: folded lemmas of bare staff words: "pracovníci" and "zaměstnanci" are mostly some body's
#: staff ("komunitní pracovníci", "zamestnanci obcí"); as workers (labour) only in a text
#: about labour: trade unions or employers
STAFF_WORDS = frozenset(
    {
        "pracovnik", "pracovnici", "zamestnanec", "zamestnanci", "pracownik", "pracownicy",
        "worker", "workers", "employee", "employees", "staff", "mitarbeiter", "mitarbeiterin",
        "mitarbeitend", "beschaftigter", "beschaftigte", "delavec", "delavci", "zaposleni",
        "zaposlen", "zaposlenec", "uslužbenec", "usluzbenec",
    }
)  # fmt: skip
#: what makes a text about labour
LABOUR_TYPES = frozenset({"actor-type/trade-union", "actor-type/employer"})


def labour_context(doc: Doc, spans: list[tuple[Span, str]]) -> bool:
    """The text names trade unions or employers (generic words or organisations)."""
    if any(lab in LABOUR_TYPES for _, lab in spans):
        return True
    return any(
        f"actor-type/{org.label_}" in LABOUR_TYPES for org in doc.spans.get("praxis_orgs", [])
    )


OFFICIALS = "target-group/public-officials"
#: civil-servant words that mean police officers in a text about police ("gemeinsame
#: Streifen deutscher und tschechischer Beamter")
OFFICER_WORDS = frozenset({"beamter", "beamte", "beamtin", "beamten"})
POLICE_TYPES = frozenset(
    {"actor-type/police", "actor-type/border-guard", "actor-type/municipal-police"}
)


def text_types(doc: Doc, spans: list[tuple[Span, str]]) -> set[str]:
    """The concept labels of ``spans`` and the actor types of the organisations in the text."""
    return {lab for _, lab in spans} | {
        f"actor-type/{org.label_}" for org in doc.spans.get("praxis_orgs", [])
    }


def relabelled(
    doc: Doc,
    spans: list[tuple[Span, str]],
    chosen: Callable[[Span, str], bool],
    label: str,
) -> list[tuple[Span, str]]:
    """``spans`` with the ``chosen`` ones given ``label`` (a group the context renames)."""
    return [
        (Span(doc, span.start, span.end, label=label), label) if chosen(span, old) else (span, old)
        for span, old in spans
    ]


def police_officials(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """ "Beamte" in a text about police are law-enforcement officers, not civil servants."""
    if not any(lab == OFFICIALS and s[-1].norm_ in OFFICER_WORDS for s, lab in spans):
        return spans
    if not text_types(doc, spans) & POLICE_TYPES:
        return spans
    return relabelled(
        doc,
        spans,
        lambda span, label: label == OFFICIALS and span[-1].norm_ in OFFICER_WORDS,
        "target-group/law-enforcement-officers",
    )


VICTIMS = "target-group/victims-of-crime"
TRAFFICKING_VICTIMS = "target-group/victims-of-trafficking"
#: a text about human trafficking (folded): there a bare "victims" are its victims
TRAFFICKING = re.compile(
    r"traffick|obchod\w* s (lidmi|ludmi)|obchodovan\w* s ludmi|handl\w* ludzmi|"
    r"menschenhandel|trgovin\w* z ljudmi"
)
#: folded lemma prefixes of the bare victim words ("oběti", "ofiarom", "Opfer", "žrtve")
VICTIM_WORDS = ("obet", "ofiar", "victim", "opfer", "zrtv", "zrtev")
MAX_BARE_VICTIMS = 2  # "victims", "pomocy ofiarom"


def trafficking_victims(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Bare victim words in a text about human trafficking name its victims:
    "victims are accompanied to safe shelters", "przekazywanie zidentyfikowanych ofiar"."""
    bare = [
        span
        for span, label in spans
        if label == VICTIMS
        and len(span) <= MAX_BARE_VICTIMS
        and span[-1].norm_.startswith(VICTIM_WORDS)
    ]
    if not bare or not TRAFFICKING.search(fold(doc_text(doc))):
        return spans
    return relabelled(
        doc, spans, lambda span, label: label == VICTIMS and span in bare, TRAFFICKING_VICTIMS
    )


GENERAL_PUBLIC = "target-group/general-public"
#: "the public" in a press-release header or a public-relations office ("SPOROČILO ZA
#: JAVNOST", "Služba za odnose z javnostmi", "oddělení vztahů s veřejností")
PUBLIC_RELATIONS = (" sporocilo za", " obvestilo za", " odnose z", " odnosi z", " vztahy s",
                    " vztahu s", " vztahov s", " vztahmi s")  # fmt: skip


def press_conference(tok: Tokens, span: Span) -> bool:
    """A conference word with "press" in it, before it or right after it."""
    around = range(max(span.start - 1, 0), min(span.end + 1, len(tok)))
    return any(tok.folded(k).startswith(PRESS) for k in around)


def public_relations(doc: Doc, span: Span) -> bool:
    before = fold(doc_text(doc)[max(span.start_char - 16, 0) : span.start_char])
    return f" {before}".endswith(PUBLIC_RELATIONS)


LAW_ENFORCEMENT = "target-group/law-enforcement-officers"
PRISON_STAFF = "target-group/prison-staff"
#: bare officer words: in a text about prisons (and not police) they are prison officers
#: ("Kurs ukończyło 1 412 funkcjonariuszy" of the prison service)
BARE_OFFICERS = frozenset(
    {"funkcjonariusz", "funkcjonariusze", "prislusnik", "prislusnici", "officer", "officers",
     "uniformed", "beamter", "beamte", "beamten"}
)  # fmt: skip
PRISON_TYPES = frozenset({"actor-type/prison-service"})


def prison_officers(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Bare officer words in a text about prisons, with no police in it, are prison staff."""
    bare = [
        span
        for span, label in spans
        if label == LAW_ENFORCEMENT and len(span) == 1 and span[0].norm_ in BARE_OFFICERS
    ]
    if not bare:
        return spans
    types = text_types(doc, spans)
    if not types & PRISON_TYPES or types & POLICE_TYPES:
        return spans
    if any(lab == LAW_ENFORCEMENT and span not in bare for span, lab in spans):
        return spans  # "policisté" named as such: officers of the police too
    return relabelled(doc, spans, lambda span, label: label == LAW_ENFORCEMENT, PRISON_STAFF)


#: a statement of a text's audience (folded): kinds of bodies listed after it stand for
#: their staff ("Zielgruppe: Polizei, Justiz, Beratungsstellen", "Target audience: police,
#: prosecutors, policymakers", "Szkolenie skierowane do policji i prokuratury")
AUDIENCE = re.compile(
    r"\b(zielgrupp\w*|target (groups?|audience)|audience|cilov\w* skupin\w*|"
    r"cielov\w* skupin\w*|grup\w* docelow\w*|ciljn\w* skupin\w*|intended for|aimed at|"
    r"designed for|richtet sich an|fur wen|dla kogo|pro koho|pre koho|za koga|urcen\w* pro|"
    r"urcen\w* pre|skierowan\w* do|namenjen\w*|adresowan\w* do|adresa(?:t|c)\w*|"
    r"addressees|adressaten|who should attend)\b"
)
#: a relative pronoun between the audience cue and the body ("namenjen osebam, ki jim je
#: sodišče izreklo …" names no court staff); the cue must be in the body's clause (no ";"
#: or "(" between them)
RELATIVE = re.compile(
    r"\b(ki|ktery|ktera|ktere|ktory|ktora|ktore|which|who|that|die|der|das|deren|dessen)\b"
)


def audience_staff(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Kinds of bodies listed after an audience statement add their staff as target
    groups (the statement itself says they are the people the text is for)."""
    added: list[tuple[Span, str]] = []
    for span, label in spans:
        staff = STAFF_OF_TYPE.get(label)
        if staff is None:
            continue
        start, _ = sentence_bounds(doc)[sentence_index(doc, span.start_char)]
        raw = doc_text(doc)[start : span.start_char]
        clause = fold(raw[max(raw.rfind(";"), raw.rfind("(")) + 1 :])
        cue = None
        for cue in AUDIENCE.finditer(clause):  # noqa: B007 (the last one)
            pass
        if cue is None or RELATIVE.search(clause[cue.end() :]):
            continue
        added.append((Span(doc, span.start, span.end, label=staff), staff))
    return spans + added if added else spans


#: a line of an event programme: a time ("09:30", "10.00–11.30") or a bullet opens it
PROGRAMME_LINE = re.compile(r"^\s*(\d{1,2}[:.]\d{2}|[-–—•·*]\s)")
TIME_LINE = re.compile(r"^\s*\d{1,2}[:.]\d{2}")
#: a programme has at least this many time lines
PROGRAMME_TIMES = 3
#: services that a programme names as the topic of a talk or a visit, not as the
#: project's own work ("Betroffenenberatung im Nachbarland", "Study visits: Women's Shelter")
SERVICE_ACTIVITIES = frozenset(
    {"activity-type/counselling", "activity-type/direct-support", "activity-type/legal-aid"}
)


def programme_topics(doc: Doc, spans: list[tuple[Span, str]]) -> set[str]:
    """Service activities named only on the lines of an event programme."""
    services = [(s, lab) for s, lab in spans if lab in SERVICE_ACTIVITIES]
    if not services:
        return set()
    text = doc_text(doc)
    if sum(1 for line in text.splitlines() if TIME_LINE.match(line)) < PROGRAMME_TIMES:
        return set()
    on_programme: dict[str, bool] = {}
    for span, label in services:
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.start_char)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        listed = bool(PROGRAMME_LINE.match(line))
        on_programme[label] = on_programme.get(label, True) and listed
    return {label for label, listed in on_programme.items() if listed}


PROFESSIONALS = "target-group/professionals"
#: staff of one service: practitioners named beside them (educators, psychologists,
#: trainers, "strokovni delavci") are that service's staff or the people who teach them
SERVICE_STAFF = frozenset({PRISON_STAFF, LAW_ENFORCEMENT})
#: a multi-agency audience: there, practitioners in general are a group of their own
MULTI_AGENCY = frozenset({"target-group/judiciary-staff"})


def subsumed_professionals(spans: list[tuple[Span, str]], dropped: set[str]) -> set[str]:
    """``professionals`` in a text whose staff group is one service's (prison staff or
    police officers, no judiciary): the practitioners are that service's staff or its
    trainers, not a general practitioner audience."""
    labels = {label for _, label in spans} - dropped
    if PROFESSIONALS in labels and labels & SERVICE_STAFF and not labels & MULTI_AGENCY:
        return {PROFESSIONALS}
    return set()


class ConceptContext:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang

    def beneficiary(self, doc: Doc, span: Span, title_end: int) -> bool:
        if span.start_char < title_end:
            return True
        return bool(TARGET_SENTENCE.search(folded_sentence(doc, span.start_char)))

    def __call__(self, doc: Doc) -> Doc:
        join_city_countries(doc)
        spans = list(doc.spans.get(CONCEPT_SPANS, []))
        if not spans:
            return doc
        pairs = [(s, s.label_) for s in spans]
        tok = Tokens(doc)
        title_end = heading_end(doc_text(doc))
        group_ends = {s.end for s, lab in pairs if lab.startswith("target-group/")}
        kept = [(s, lab) for s, lab in pairs if self.keeps(doc, tok, s, lab, group_ends)]
        kept = police_officials(doc, kept)
        kept = trafficking_victims(doc, kept)
        kept = prison_officers(doc, kept)
        dropped = self.staff_groups(doc, tok, kept, title_end)
        dropped |= subsumed_professionals(kept, dropped)
        dropped |= self.weak_activities(doc, kept, title_end)
        dropped |= programme_topics(doc, kept)
        if WORKERS not in dropped and not labour_context(doc, kept):
            mentions = [s for s, lab in kept if lab == WORKERS]
            if mentions and all(len(s) == 1 and s[0].norm_ in STAFF_WORDS for s in mentions):
                dropped.add(WORKERS)
        kept = [(s, lab) for s, lab in kept if lab not in dropped]
        doc.spans[CONCEPT_SPANS] = [s for s, _ in audience_staff(doc, kept)]
        return doc

    def staff_groups(
        self, doc: Doc, tok: Tokens, spans: list[tuple[Span, str]], title_end: int
    ) -> set[str]:
        """Contextual target groups without a mention as beneficiaries."""
        by_group: dict[str, list[Span]] = {}
        for span, label in spans:
            scheme, _, notation = label.partition("/")
            if scheme == "target-group" and notation in CONTEXTUAL_GROUPS:
                by_group.setdefault(label, []).append(span)
        if not by_group:
            return set()
        org_starts = {s.start for s in doc.spans.get("praxis_orgs", [])}
        words = FOR_WORDS.get(self.lang, set())
        dropped: set[str] = set()
        for label, mentions in by_group.items():
            notation = label.partition("/")[2]
            cues = [_cue_before(tok, s.start, words) for s in mentions]
            if notation in STAFF_GROUPS and any(
                not for_word and RECRUITMENT.search(folded_sentence(doc, s.start_char))
                for s, (_, for_word) in zip(mentions, cues, strict=True)
            ):
                dropped.add(label)  # "Iščemo prostovoljce": the people sought do the work
                continue
            # "Opferschutzberatung": help for the group named in the compound
            cues = [
                (count, for_word or (len(s) == 1 and (s.text, label) in MODIFIER_GROUPS))
                for s, (count, for_word) in zip(mentions, cues, strict=True)
            ]
            if any(count for count, _ in cues):
                continue  # "420 policjantów z całego regionu": counted participants
            usable = [
                (s, for_word)
                for s, (_, for_word) in zip(mentions, cues, strict=True)
                if not _implementer(tok, s, org_starts, self.lang)
            ]
            sentences = {sentence_index(doc, s.start_char) for s, _ in usable}
            if len(sentences) >= REPEATED_MENTIONS:
                continue
            if any(for_word or self.beneficiary(doc, s, title_end) for s, for_word in usable):
                continue
            if notation in TOPIC_GROUPS and any(topic_mention(s, notation) for s, _ in usable):
                continue
            dropped.add(label)
        return dropped

    def weak_activities(self, doc: Doc, spans: list[tuple[Span, str]], title_end: int) -> set[str]:
        """Activities named only by a generic word in one sentence (not the title)."""
        by_activity: dict[str, list[Span]] = {}
        for span, label in spans:
            scheme, _, notation = label.partition("/")
            if scheme == "activity-type" and notation in WEAK_ACTIVITY_WORDS:
                by_activity.setdefault(notation, []).append(span)
        out: set[str] = set()
        for notation, mentions in by_activity.items():
            words = WEAK_ACTIVITY_WORDS[notation]
            weak = all(len(s) == 1 and (words is None or s[0].norm_ in words) for s in mentions)
            if not weak or any(s.start_char < title_end for s in mentions):
                continue
            if any(self.strong_context(doc, s, notation) for s in mentions):
                continue  # "developed and piloted a model", "predlogi ... v zakonodajo"
            if len({sentence_index(doc, s.start_char) for s in mentions}) < 2:
                out.add(f"activity-type/{notation}")
        return out

    @staticmethod
    def strong_context(doc: Doc, span: Span, notation: str) -> bool:
        """A development verb just before a model word, a proposal word in the sentence of
        a law word (:data:`STRONG_CONTEXT`)."""
        strong = STRONG_CONTEXT.get(notation)
        if strong is None:
            return False
        reach = STRONG_REACH.get(notation)
        if reach is None:
            return bool(strong.search(folded_sentence(doc, span.start_char)))
        before = doc_text(doc)[max(span.start_char - reach, 0) : span.start_char]
        return bool(strong.search(fold(before)))

    def keeps(self, doc: Doc, tok: Tokens, span: Span, label: str, group_ends: set[int]) -> bool:
        """Mention-level rules: places, workplaces, social media, the EU disclaimer, an
        activity word naming an economic sector ("the construction sector")."""
        if not label.startswith("funder/") and in_menu(doc, span.start_char):
            return False  # "Domov | O nás | Kolektívne vyjednávanie | Projekty": a site menu
        if label == PUBLICATION and span[-1].norm_ in GENRE_WORDS:
            if span.start_char < first_line_end(doc):
                return False  # "NEWSLETTER | listopad 2025": what the document is
        if label == PUBLICATION and published_on(tok, span.start, span.end):
            return False  # "Opublikowano: 15.03.2024", "Veröffentlicht am 3. März": a date line
        if label == SURVEY and span.start > 0 and cites_research(tok, span.start):
            return False  # "podľa prieskumov": research cited, not done
        if label == SURVEY and not_research(tok, span):
            return False  # "case studies", "stredoškolského štúdia"
        if label == STUDY_VISIT and WEBSITE.search(folded_sentence(doc, span.start_char)):
            return False  # "visit our website", "webovú stránku navštívilo milión ľudí"
        if label == WORKSHOP and self.lang in PLACE_WORKSHOP_LANGS and _in_place(tok, span):
            return False  # "w przywięziennych warsztatach": a workshop as a workplace
        if label == GENERAL_PUBLIC and public_relations(doc, span):
            return False  # "SPOROČILO ZA JAVNOST": a press release, not its audience
        if label == CONFERENCE and press_conference(tok, span):
            return False  # "na tiskové konferenci", "at a press conference"
        if label == REGRANTING and _after_word(tok, span, FUNDED_FROM, 3):
            return False  # "z grantového programu Nadácie", "v rámci Fondu malých projektov"
        if label in SECTOR_ACTIVITIES:
            return not (span.end < len(tok) and tok.folded(span.end) in SECTOR_WORDS)
        if not label.startswith("actor-type/"):
            return True
        if label in PLACE_TYPES and _place(tok, span, self.lang):
            return False
        if _workplace(tok, span, group_ends):
            return False
        if label == "actor-type/media" and span.start > 0:
            if doc[span.start - 1].norm_.startswith(SOCIAL):
                return False
        if not DISCLAIMER_RAW.search(sentence_text(doc, span.start_char)):
            return True
        return not in_disclaimer(folded_sentence(doc, span.start_char))


@Language.factory("praxis_concept_context", requires=["doc.spans"], assigns=["doc.spans"])
def make_concept_context(nlp: Language, name: str) -> ConceptContext:
    return ConceptContext(nlp)
