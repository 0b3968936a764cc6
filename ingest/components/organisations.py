"""``praxis_organisations``: organisation mentions, typed, merged, with canonical labels.

Where names come from (each a general rule, no list of known texts):

* **Institutional heads** (``ingest/data/org_heads.tsv``, six languages): a head noun
  ("ministerstvo", "Komenda", "Verein", "~ministerium" inside German compounds) grows to
  the left over the adjectives and capitalised words of the name ("Probační a mediační
  služba", "Dolnośląski Urząd Wojewódzki") and to the right over its genitive or
  prepositional complement ("Ministerstvo vnitra", "Urząd do Spraw Cudzoziemców",
  "Center za socialno delo"), a capitalised tail ("Občina Krško", "JVA Kiel") and a
  location ("Zakład Karny Nr 1 w Łodzi", "Krajský soud v Žilině").
* **Legal forms** ("z. s.", "o. p. s.", "e. V.", "gGmbH", "Sp. z o.o.", "d.o.o."): the
  capitalised words before them are a name.
* **The authority file** (``ontology/authorities.ttl``): curated labels (matched by lemma,
  so inflected forms count) and acronyms (only for bodies of a country the text is about).
* **Partner lists**: the name at the start of a list line under a partner heading or
  followed by a country ("RUBIKON Centrum – Czech Republic").
* **Acronyms**: ``Name (ACR)``, ``ACR – Name``, ``(Other name, ACR)`` and initialisms of a
  found name ("Probační a mediační služba" … "PMS"); later uses of the acronym are
  mentions of the same organisation.

Typing reads the name's head and modifiers (classes H/HM/G/W/U/M, see the table's
header): "Policejní prezidium" → police, "Komenda Główna Straży Granicznej" →
border-guard, "Odbor prevence kriminality MV" → ministry (a unit is typed by its parent).
A unit ("Odbor …", "Wydział …") or any name with a nested organisation in its
complement gets ``parent`` = the nested organisation's canonical label.

Canonical labels are nominative: an authority's label; else a surface form whose head
is already nominative; else the head lemmatised with adjectives agreeing (morfeusz2 for
Polish, ending rules for cs/sk/sl, weak endings for German).

Result: ``doc._.praxis_organisations`` (list of :class:`OrganisationMention`) and the
spans in ``doc.spans["praxis_orgs"]`` (label = actor type).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IDX, NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.components.orgdata import (
    LEGAL_FIRST,
    LEGAL_FORMS,
    SKIPPED_AUTHORITIES,
    Authority,
    HeadWord,
    authorities,
    cities,
    folded,
    head_table,
    suffix_lookup,
)
from ingest.components.sentences import doc_text, token_strings
from ingest.components.vocabulary import CONCEPT_SPANS, lemma_key, norm_doc
from ingest.documents import OrganisationMention, Span
from ingest.lemmatize import lemmatize

ORG_SPANS = "praxis_orgs"
ACRONYM_SPANS = "praxis_acronyms"
if not Doc.has_extension("praxis_organisations"):
    Doc.set_extension("praxis_organisations", default=None)

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
    )
}
#: lower-case words that end a complement (verbs, pronouns, particles)
COMPLEMENT_STOP = {
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
        "niedziela ponedeljek torek sreda cetrtek petek nedelja pondelok utorok stvrtok piatok"
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
    ),
    "sl": ("i", "a", "o", "e", "ega", "emu", "em", "ih", "im", "imi", "ski", "ška", "ški"),
    "pl": ("y", "a", "e", "ego", "emu", "ej", "ą", "ych", "ym", "ymi", "i", "ie", "iego"),
}
VERB_LEMMA = {
    "cs": re.compile(r"(?:[aeěiyou]t|ovat|nout|ci)$"),
    "sk": re.compile(r"(?:[aeiyou]ť|ovať|núť|ieť|ci)$"),
    "sl": re.compile(r"(?:ati|iti|eti|ovati|niti|ti)$"),
    "pl": re.compile(r"(?:ać|eć|ić|yć|ować|nąć|ść|źć|c)$"),
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
    r"(?:[\w.+-]+@|https?://|\bwww\.)((?:[\w-]+\.)+(?:[a-z]{2,6}))\b", re.IGNORECASE
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


@dataclass
class Candidate:
    start: int
    end: int
    source: str  # head | legal | authority | list | acronym-def
    actor_type: str | None = None
    authority: Authority | None = None
    legal_type: str | None = None
    priority: int = 0
    head_index: int | None = None


@dataclass
class Found:
    """One organisation (several mentions) while a document is analysed."""

    key: str
    actor_type: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    authority: Authority | None = None
    acronym: str | None = None
    extra_surfaces: list[tuple[int, int]] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    source: str = "head"
    default_type: bool = False  # typed by a generic head's default only
    domain: str | None = None


class OrganisationRecogniser:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang
        self.nlp = nlp
        self._head_doc: Doc | None = None
        self._head_cache: dict[int, HeadWord | None] = {}
        self._texts: list[str] = []
        self._norms: list[str] = []
        self._arrays_doc: Doc | None = None
        self._idx_doc: Doc | None = None
        self._idx: list[int] = []
        self._may_head: dict[int, bool] = {}
        self.connectors = CONNECTORS_BY_LANG.get(self.lang, NAME_CONNECTORS)
        self.heads = head_table(self.lang)
        widths: dict[str, set[int]] = {}
        for key in self.heads.exact:
            widths.setdefault(key[0], set()).add(len(key))
        self._widths = {word: tuple(sorted(w)) for word, w in widths.items()}
        self.suffixes = suffix_lookup(self.lang)
        self.preps = (
            COMPLEMENT_PREPS.get(self.lang, set())
            | COMPLEMENT_PREPS["en"]
            | ({"der", "des", "für"} if self.lang != "de" else set())
        )
        self.adj_endings = ADJ_ENDINGS.get(self.lang, ())
        self.verb_lemma = VERB_LEMMA.get(self.lang)
        self.label_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        # one-word names are matched as written: a lemmatiser may read "Unio" (a union)
        # as the vocative of Polish "unia"
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.authority_by_id: dict[str, Authority] = {}
        self.label_authority: dict[str, Authority] = {}
        for auth in authorities().values():
            ident = auth.iri.rsplit("/", 1)[-1]
            self.authority_by_id[ident] = auth
            patterns = []
            words = []
            for label in sorted({*auth.labels.values(), *auth.alt_labels}):
                norms = lemma_key(label, self.lang, nlp)
                if len(norms) == 1 and len(label) >= 4:
                    if not self._generic_compound(label):
                        self.label_authority.setdefault(norms[0], auth)
                        words.append(nlp.make_doc(label.lower()))
                elif len(norms) > 1:
                    patterns.append(norm_doc(nlp, norms))
                    self.label_authority.setdefault(" ".join(norms), auth)
            if patterns:
                self.label_matcher.add(ident, patterns)
            if words:
                self.word_matcher.add(ident, words)
            acronyms = [nlp.make_doc(a) for a in auth.acronyms if len(a) >= 2]
            if acronyms:
                self.acronym_matcher.add(ident, acronyms)

    def _generic_compound(self, word: str) -> bool:
        """ "Justizministerium", "Innenministerium": a kind of body, not one body's name."""
        fold_word = folded(word)
        regex = self.heads.suffix_re
        m = regex.search(fold_word) if regex is not None else None
        return bool(m) and self.suffixes[m.group(0)].actor_type == "ministry"

    # ---------------------------------------------------------------- head words
    def head_at(self, doc: Doc, i: int) -> HeadWord | None:
        """The longest institutional word starting at token ``i`` (memoised per document)."""
        cache = self._head_cache if self._head_doc is doc else None
        if cache is None:
            self._head_doc = doc
            cache = self._head_cache = {}
        if i in cache:
            return cache[i]
        hit = cache[i] = self._head_at(doc, i)
        return hit

    def _head_at(self, doc: Doc, i: int) -> HeadWord | None:
        if self._arrays_doc is not doc:  # called outside __call__ (tests, tools)
            self._arrays_doc = doc
            self._texts = token_strings(doc)
            self._norms = token_strings(doc, NORM)
        texts, norms = self._texts, self._norms
        text = texts[i]
        if not text.isalpha() and "-" not in text:
            return None
        norm = norms[i]
        fold_text = folded(text)
        table = self.heads
        if norm in table.first_words or fold_text in table.first_words:
            # only the widths of the keys that start with this word
            widths = self._widths.get(norm, ()) + self._widths.get(fold_text, ())
            for width in sorted(set(widths), reverse=True):
                if i + width > len(doc):
                    continue
                hit = table.exact.get(tuple(norms[i : i + width]))
                if hit is None:
                    hit = table.exact.get(tuple(folded(w) for w in texts[i : i + width]))
                if hit is not None:
                    return hit
        for prefix, hw in table.prefixes:
            if fold_text.startswith(prefix):
                return hw
        if table.suffix_re is not None and len(fold_text) >= 5 and text[:1].isupper():
            m = table.suffix_re.search(fold_text)
            if m:
                return self.suffixes[m.group(0)]
        return None

    # ---------------------------------------------------------------- span growth
    def _adjective_like(self, text: str) -> bool:
        return text.islower() and text.endswith(self.adj_endings) and len(text) > 3

    def _agrees_with(self, adjective: str, noun: str) -> bool:
        """Polish: the adjective before a head shares its case and number
        ("Dolnośląski Urząd", not "Osadzeni Zakładu")."""
        if self.lang != "pl":
            return True
        return _pl_agree(adjective, noun)

    def _adjective_any_case(self, text: str) -> bool:
        if self.lang == "pl":
            return _pl_is_adjective(text[:1].upper() + text[1:])
        return text.lower().endswith(self.adj_endings) and len(text) > 3 and text.isalpha()

    def _is_verb(self, token) -> bool:  # type: ignore[no-untyped-def]
        if self.verb_lemma is None:
            return False
        lemma = lemmatize(token.text, self.lang).lower()
        return lemma != token.text.lower() and bool(self.verb_lemma.search(lemma))

    def grow_left(self, doc: Doc, head: int) -> int:
        texts = self._texts if self._arrays_doc is doc else [t.text for t in doc]
        start = head
        line_start = self._line_start(doc, head)
        seen_cap = is_cap(texts[head])
        k = head - 1
        while k >= line_start and head - k < MAX_NAME_TOKENS:
            t = doc[k]
            text = t.text
            low = text.lower()
            if t.is_space or "\n" in text:
                break
            if text in DASHES and k - 1 >= line_start and not doc[k].whitespace_:
                # hyphenated compound "Polsko-Niemieckie", "Ludwig-Maximilians"
                k -= 1
                continue
            if folded(text) in PERSON_TITLES:
                break
            if (
                t.is_lower
                and k - 2 >= line_start
                and texts[k - 1] == "-"
                and not doc[k - 1].whitespace_
                and not doc[k - 2].whitespace_
                and is_cap(texts[k - 2])
            ):
                start = k - 2  # "Váltó-sáv Alapítvány"
                seen_cap = True
                k -= 3
                continue
            if (
                low in self.connectors
                and self.lang in {"en", "de"}
                and k - 1 >= line_start
                and is_cap(texts[k - 1])
                and is_cap(texts[k + 1])
                and seen_cap
            ):
                if low in {"and", "und"} and self._name_ends_before(doc, k, line_start):
                    break  # "Pankrác Remand Prison and | Opava Prison": two names
                k -= 1  # "Consultation and Information Centre"
                continue
            if low in self.connectors and k - 1 >= line_start:
                # only between two adjectives ("Probační a mediační služba") or after a
                # truncated compound ("Bildungs- und Migrationsreferat")
                prev = texts[k - 1]
                after = texts[k + 1]
                crosses = (
                    is_cap(prev) and k - 2 >= line_start and is_cap(texts[k - 2])
                )  # "Občina Brežice in | policijsko postajo": another name before
                if (
                    self._adjective_any_case(prev)
                    and self._adjective_any_case(after)
                    and not crosses
                ) or prev.endswith("-"):
                    k -= 1
                    continue
                break
            brand = k + 1 < len(doc) and texts[k + 1].isupper() and len(texts[k + 1]) > 3
            if is_cap(text) and (folded(text) not in NOT_NAME_START or brand) and not t.is_punct:
                if t.is_sent_start and self.lang in {"de", "en"} and low in ARTICLES:
                    break
                if (
                    self.lang in SLAVIC
                    and not is_acronym(text)
                    and (not self._adjective_any_case(text) or self._is_verb(t))
                    and not text.isupper()
                ):
                    break  # "Prezentace Probační …", "Sodelujejo Center …": not the name
                if not is_acronym(text) and not self._agrees_with(text, texts[head]):
                    break  # "Osadzeni Zakładu Karnego …": a different phrase
                start = k
                seen_cap = True
                if k - 1 >= line_start and texts[k - 1] in DASHES and not doc[k - 1].whitespace_:
                    k -= 1  # "Energeticko-chemický"
                    continue
                if self.lang in {"cs", "sk", "sl"} and not is_acronym(text):
                    # Slavic names capitalise the first word only: stop unless the word
                    # before is capitalised too ("Nadace Olgy Havlové" is a tail, not left)
                    if not (k - 1 >= line_start and is_cap(texts[k - 1])):
                        k -= 1
                        break
                k -= 1
                continue
            if (
                not seen_cap
                and self.lang in {"cs", "sk", "sl", "pl"}
                and self._adjective_like(text)
                and not self._is_verb(t)
            ):
                start = k
                k -= 1
                continue
            break
        # a name starts with a capitalised word
        while start < head and not is_cap(texts[start]):
            start += 1
        return start

    def _line_start(self, doc: Doc, i: int) -> int:
        texts = self._texts if self._arrays_doc is doc else [t.text for t in doc]
        k = i
        while k > 0 and "\n" not in texts[k - 1]:
            k -= 1
        return k

    def grow_right(self, doc: Doc, head: int, width: int) -> int:
        """End (exclusive) of a name whose head word(s) end at ``head + width``.

        After the head: a lower-case genitive complement (Slavic; at most
        ``MAX_LOWER_COMPLEMENT`` words, no verbs or adverbs), prepositional complements
        ("pro lidská práva", "für Arbeit", "of Justice"), enumerations inside a name
        ("práce, sociálnych vecí a rodiny"), capitalised words and acronyms ("ČR",
        "Olgy Havlové", "NRW"); then a number ("Nr 1") and a location ("v Písku").
        Once a capitalised tail has begun, lower-case words end the name.
        """
        n = len(doc)
        texts = self._texts if self._arrays_doc is doc else [t.text for t in doc]
        end = head + width
        lang = self.lang
        # a Czech/Polish/Slovak/Slovene name quoted in a German or English text
        # ("Hasičský záchranný sbor Plzeňského kraje") keeps its own grammar
        slavic = lang in SLAVIC or any(
            has_slavic_letters(texts[j]) for j in range(max(0, head - 1), end)
        )
        adjective = self._adjective_any_case
        if slavic and lang not in SLAVIC:
            lang = "cs"

            def adjective(word: str) -> bool:
                return word.isalpha() and len(word) > 3 and word.lower().endswith(ADJ_ENDINGS["cs"])

        k = end
        budget = MAX_COMPLEMENT
        lower_run = 0  # lower-case words since the last head/preposition
        in_caps = False  # a capitalised tail has begun
        caps_tail = False  # … right after the head, not inside a preposition phrase
        after_prep = False

        def ends_name(t) -> bool:  # type: ignore[no-untyped-def]
            return (
                t.is_space
                or "\n" in t.text
                or (t.is_punct and t.text not in DASHES)
                or t.text in SEPARATORS
                or t.like_num
                or folded(t.text) in TIME_WORDS
                or folded(t.text).rstrip(".") in RANKS
            )

        while k < n and budget > 0:
            t = doc[k]
            text = t.text
            low = t.lower_
            if (
                text in NAME_ABBREVIATIONS
                and k + 1 < n
                and (is_cap(texts[k + 1]) or texts[k + 1] in NAME_ABBREVIATIONS)
            ):
                k += 1  # "Městská policie hl. m. Prahy"
                continue
            if (
                text == ","
                and (slavic or after_prep)
                and (k > end or width >= 2)
                and self._enumeration_continues(doc, k + 1)
            ):
                k += 1
                budget -= 1
                continue
            if text in DASHES and (t.whitespace_ or doc[k - 1].whitespace_):
                break  # "Center za socialno delo Krško - VNRC Drom": a spaced dash ends it
            if low in self.connectors and k > end and k + 1 < n:
                nxt = doc[k + 1]
                if ends_name(nxt) or (
                    self._starts_new_name(doc, k + 1)
                    and not (after_prep and lang in {"pl", "de", "en"})
                ):
                    break
                if low in {"and", "und"} and not slavic and self._name_ahead(doc, k + 1):
                    break  # "Berufskolleg Iserlohn und | Alice-Salomon-Berufskolleg"
                if (
                    nxt.lower_ in {"für", "fur", "zur", "zum", "vom", "von", "for", "of"}
                    and not slavic
                ):
                    k += 2  # "Ministerium der Justiz und für Europa"
                    budget -= 2
                    continue
                if (
                    is_cap(nxt.text)
                    and (lang == "pl" or (slavic and in_caps) or after_prep)
                    and not self._starts_new_name(doc, k + 1)
                    and is_cap(texts[k - 1])
                    and not self._designator(doc, k - 1)
                ):
                    k += 2  # "Spraw Wewnętrznych i Administracji", "Arbeit und Soziales"
                    budget -= 2
                    continue
                if nxt.is_lower and not in_caps and (slavic or after_prep) and nxt.is_alpha:
                    k += 2  # "práce a rodiny", "für Schule und Jugend"
                    budget -= 2
                    lower_run += 1
                    continue
                break
            if (
                is_cap(text)
                and len(text) <= 3
                and text.isalpha()
                and not t.is_sent_start
                and k + 1 < n
                and is_cap(texts[k + 1])
                and doc[k + 1].is_alpha
                and (low in COMPLEMENT_STOP or low in LOCATION_PREPS or low in NOT_NAME_START)
            ):
                # a capitalised preposition inside a titled name ("Fundacja Po Drugiej
                # Stronie Muru", "Domov pro seniory Na Hradbách")
                in_caps = True
                caps_tail = caps_tail or not after_prep
                k += 1
                budget -= 1
                continue
            if ends_name(t) or low in COMPLEMENT_STOP:
                break
            if text in DASHES:
                if not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_:
                    k += 1  # "Praha-Ruzyně"
                    continue
                break
            if in_caps and low in {"an", "am", "im", "ob"}:
                j = k + 1
                if j < n and doc[j].lower_ in {"der", "dem"}:
                    j += 1
                if j < n and folded(texts[j]) in GEO_TAILS:
                    k = j + 1  # "Hainburg an der Donau", "Furth im Wald"
                    continue
            if low in self.preps or (low in {"ds.", "spraw"} and lang == "pl"):
                nxt = doc[k + 1] if k + 1 < n else None
                if nxt is None or ends_name(nxt) or nxt.lower_ in COMPLEMENT_STOP:
                    break
                if in_caps and slavic and not is_cap(nxt.text):
                    if not self._designator_before(doc, k):
                        break
                    in_caps = False  # "Rada vlády SR | pre prevenciu kriminality"
                if caps_tail and not slavic and low not in {"der", "des", "of"}:
                    break  # "Volkshochschule Augsburg | zur digitalen Grundbildung"
                k += 1
                budget -= 1
                after_prep = True
                lower_run = 0
                continue
            if low in LOCATION_PREPS:
                break
            if is_cap(text):
                if (
                    in_caps is False
                    and k > end
                    and self._starts_new_name(doc, k)
                    and not (after_prep or lower_run or lang in {"pl", "de", "en"})
                ):
                    break
                if lang == "de" and not after_prep and folded(text).endswith(DE_NOUN_ENDINGS):
                    break  # "mit der IHK | Empfehlungen erarbeiten": a common noun
                in_caps = True
                caps_tail = caps_tail or not after_prep
                lower_run = 0
                k += 1
                budget -= 1
                continue
            # a lower-case word
            if in_caps and k > 0 and folded(texts[k - 1] + " " + text) in cities():
                k += 1  # "Novo mesto", "Brandenburg an der Havel"
                continue
            if (
                in_caps
                and slavic
                and t.is_alpha
                and is_cap(texts[k - 1])
                and adjective(texts[k - 1])
                and not adjective(text)
                and not self._is_verb(t)
            ):
                k += 1  # "… Pohraničnej stráže", "… České republiky": the capital's noun
                continue
            if in_caps or not t.is_alpha or len(text) < 3 or self._is_verb(t):
                break
            if self._is_adverb(text):
                break
            if not slavic and not (after_prep and (lang != "de" or self._adjective_like_de(text))):
                break
            if lower_run >= MAX_LOWER_COMPLEMENT:
                break
            lower_run += 1
            k += 1
            budget -= 1
        # number ("Zakład Karny Nr 1")
        if k + 1 < n and doc[k].lower_ in {"nr", "nr.", "č.", "no.", "št."} and doc[k + 1].like_num:
            k += 2
        # location ("v Písku", "w Łodzi", "pri Krškem", "v Občini Brežice")
        if k + 1 < n and doc[k].lower_ in LOCATION_PREPS and is_cap(texts[k + 1]):
            place = doc[k + 1]
            head_word = self.head_at(doc, k + 1)
            municipal = head_word is not None and head_word.actor_type == "municipality"
            if (
                place.is_alpha
                and folded(place.text) not in NOT_NAME_START
                and (head_word is None or (municipal and k + 2 < n and is_cap(texts[k + 2])))
            ):
                k += 2
                while k < n and is_cap(texts[k]) and "\n" not in texts[k]:
                    k += 1
                if k + 1 < n and doc[k].lower_ in {"nad", "pod", "pri", "an", "am"}:
                    if is_cap(texts[k + 1]):
                        k += 2
                if k < n and texts[k] in {"Wlkp.", "Maz.", "Odrz."}:
                    k += 1
        # trim trailing connectors and prepositions
        while k > end and (
            doc[k - 1].lower_ in self.connectors
            or doc[k - 1].lower_ in self.preps
            or (doc[k - 1].is_punct and texts[k - 1] not in {"."})
            or doc[k - 1].lower_ in LOCATION_PREPS
        ):
            k -= 1
        return k

    def _designator_before(self, doc: Doc, k: int) -> bool:
        """The capitalised words before ``k`` are a country ("Rada vlády Slovenskej
        republiky | pre prevenciu kriminality", "Rada vlády ČR | pro lidská práva")."""
        j = k - 1
        if j < 0:
            return False
        if doc[j].is_upper and folded(doc[j].text) in COUNTRY_DESIGNATORS:
            return True
        if j >= 1 and folded(doc[j - 1].text + " " + doc[j].text) in COUNTRY_DESIGNATORS:
            return True
        return False

    def _is_adverb(self, text: str) -> bool:
        """Czech/Slovak adverbs ("dlouhodobě", "následně", "následne") end a complement."""
        low = text.lower()
        if self.lang == "cs":
            return low.endswith("ě") or low.endswith("ně")
        if self.lang == "sk":
            return low.endswith(("ne", "sky", "cky")) and len(low) > 5
        return False

    def _adjective_like_de(self, text: str) -> bool:
        return text.islower() and text.endswith(("e", "en", "er", "es", "em"))

    def _enumeration_continues(self, doc: Doc, k: int) -> bool:
        """After a comma: more enumerated words that end with "a/i/in/und X"."""
        n = len(doc)
        if k >= n:
            return False
        first = doc[k]
        if self.lang in {"pl", "de", "en"}:
            if not is_cap(first.text) or self._starts_new_name(doc, k):
                return False
        elif not first.is_lower:
            return False
        for j in range(k, min(n, k + 10)):
            t = doc[j]
            if "\n" in t.text or t.text in {".", ";", ":", "(", ")"}:
                return False
            if t.lower_ in {"a", "i", "in", "und", "and", "és"}:
                return j + 1 < n and doc[j + 1].is_alpha
            if t.lower_ in COMPLEMENT_STOP and t.lower_ not in {"a", "i", "in"}:
                return False
            if self._is_verb(t):
                return False
        return False

    def _name_ends_before(self, doc: Doc, k: int, line_start: int) -> bool:
        """The capitalised words before connector ``k`` hold an institutional head
        ("Opava Prison and", "Verein Neuland Graz und"): they are a name of their own."""
        j = k - 1
        while j >= line_start and k - j <= 5 and is_cap(doc[j].text):
            hw = self.head_at(doc, j)
            if hw is not None and hw.cls in {"H", "HM", "G", "W"}:
                return True
            j -= 1
        return False

    def _name_ahead(self, doc: Doc, k: int) -> bool:
        """After a connector: an article or preposition, then capitalised words ending in
        an institutional head within three words ("und vom Bundesministerium", "and Opava
        Prison", "und der Verein"): a second name, not a continuation."""
        n = len(doc)
        j = k
        if j < n and (doc[j].lower_ in ARTICLES or doc[j].lower_ in {"vom", "von", "zum", "zur"}):
            j += 1
        for m in range(j, min(n, j + 3)):
            t = doc[m]
            if not is_cap(t.text):
                return False
            hw = self.head_at(doc, m)
            if hw is not None and hw.cls in {"H", "HM", "G", "W"}:
                return True
            if self._starts_new_name(doc, m):
                return True
        return False

    def _starts_new_name(self, doc: Doc, k: int) -> bool:
        hw = self.head_at(doc, k)
        if hw is not None and hw.cls != "M":
            return True
        # a hyphenated compound ending in a head ("Alice-Salomon-Berufskolleg")
        j = k
        while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_:
            j += 2
            hw = self.head_at(doc, j)
            if hw is not None and hw.cls != "M":
                return True
        # a capitalised adjective followed by a head ("Skautský institut", "Väzenskej služby")
        if is_cap(doc[k].text) and self._adjective_any_case(doc[k].text):
            for j in (k + 1, k + 2):
                if j < len(doc):
                    hw = self.head_at(doc, j)
                    if hw is not None and hw.cls != "M":
                        return True
        return False

    # ---------------------------------------------------------------- candidates
    def head_candidates(self, doc: Doc) -> list[Candidate]:
        out: list[Candidate] = []
        n = len(doc)
        i = 0
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, NORM]).tolist()
        first_words = self.heads.first_words
        prefixes = tuple(p for p, _hw in self.heads.prefixes)
        suffix_re = self.heads.suffix_re
        may_head = self._may_head  # per word type, across documents
        while i < n:
            orth, norm = rows[i]
            possible = may_head.get(orth)
            if possible is None:
                text = strings[orth]
                fold_text = folded(text)
                possible = may_head[orth] = bool(
                    strings[norm] in first_words
                    or fold_text in first_words
                    or (prefixes and fold_text.startswith(prefixes))
                    or (
                        text[:1].isupper()
                        and len(fold_text) >= 5
                        and suffix_re is not None
                        and suffix_re.search(fold_text)
                    )
                )
            if not possible:
                i += 1
                continue
            hw = self.head_at(doc, i)
            if hw is None or hw.cls == "M":
                i += 1
                continue
            start = self.grow_left(doc, i)
            end = self.grow_right(doc, i, hw.width)
            end = self._quoted_tail(doc, end)
            start = self._drop_origin_adjective(doc, start, i, hw, end)
            head_ok = self.lang not in {"en", "de"} or is_cap(doc[i].text)
            if head_ok and is_cap(doc[start].text) and self._named(doc, start, end, i, hw):
                out.append(Candidate(start, end, "head", head_index=i))
            i += max(hw.width, 1)
        return out

    def _quoted_tail(self, doc: Doc, end: int) -> int:
        """A quoted name right after a head-grown name is part of it ("Stowarzyszenie
        Mediatorów „Porozumienie”", "Stiftung „Jenseits der Mauer“")."""
        n = len(doc)
        if end >= n or doc[end].text not in OPEN_QUOTES or end + 1 >= n:
            return end
        if not is_cap(doc[end + 1].text):
            return end
        for j in range(end + 1, min(n, end + 8)):
            text = doc[j].text
            if "\n" in text or text in {".", ";", ":", "(", ")"}:
                return end
            if text in CLOSE_QUOTES and j > end + 1:
                return j + 1
        return end

    def _drop_origin_adjective(
        self, doc: Doc, start: int, head: int, hw: HeadWord, end: int
    ) -> int:
        """German/English: a country or city adjective right before a head that is followed
        by the body's own name says where it is from ("Krakauer | Stiftung „Jenseits der
        Mauer“", "Ljubljanaer | Zavod Prehod"); "Norwegian Police University College" and
        "Berliner Stadtmission" keep it."""
        if self.lang not in {"de", "en"} or start + 1 != head or start >= head:
            return start
        word = doc[start].text
        origin = start in self._country_tokens
        if not origin and self.lang == "de" and word.endswith("er") and len(word) > 4:
            origin = folded(word[:-2]) in cities() or folded(word[:-2] + "a") in cities()
        if not origin:
            return start
        after = head + max(hw.width, 1)
        if after >= end:
            return start
        nxt = doc[after]
        if nxt.text in OPEN_QUOTES or (
            is_cap(nxt.text) and self.head_at(doc, after) is None and not nxt.is_upper
        ):
            return head
        return start

    def _named(self, doc: Doc, start: int, end: int, head: int, hw: HeadWord) -> bool:
        """Capitals mark a name, except the capital that only opens a sentence.

        "Zapojená ministerstva …", "Vaše město", "Služby nabízené …" are generic; a name
        opening a sentence still shows itself by its head word ("Městská policie"), a
        typing modifier ("Probační a mediační služba"), or another capital inside.
        """
        if self.lang == "de" and start == head and hw.width == 1 and self._german_plural(doc[head]):
            return False  # "Hochschulen NRW", "Vereine bei Anträgen": kinds of bodies
        if (
            self.lang == "pl"
            and start == head
            and hw.cls == "U"
            and _pl_number(doc[head].text) == "pl"
        ):
            return False  # "Oddziały Straży Granicznej": the guard's branches, plural
        if not self._opens_clause(doc, start) or is_acronym(doc[start].text):
            return True
        rest = doc[start + 1 : end]
        if start == head:
            if hw.width > 1 and end - start == hw.width:
                return all(is_cap(t.text) for t in doc[start:end])  # not "Zakład karny …"
            if (
                self.lang == "en"
                and doc[head + hw.width - 1].lower_.endswith("s")
                and not any(is_cap(t.text) for t in rest[hw.width - 1 :])
            ):
                return False  # "Trade unions for live-in carers": a plural, generic
            if hw.cls == "U" and end - start > hw.width:
                # "Oddziały pilotażowe": a unit opening a sentence needs a named parent
                return any(is_cap(t.text) for t in rest[hw.width - 1 :])
            if hw.cls in {"H", "HM"} and end - start > hw.width:
                return True
            # a generic head opening a sentence needs a capital or a preposition after it
            return any(is_cap(t.text) and not t.is_upper for t in rest[hw.width - 1 :]) or any(
                t.lower_ in self.preps for t in rest
            )
        first = self.head_at(doc, start)
        if first is not None:
            return True
        return any(is_cap(t.text) for t in rest)

    @staticmethod
    def _german_plural(token) -> bool:  # type: ignore[no-untyped-def]
        """A German head noun in a plural form: its lemma lacks the "-e/-en/-n" ending."""
        text = folded(token.text)
        lemma = token.norm_
        if text == lemma or not lemma or not text.startswith(lemma):
            return False
        return text[len(lemma) :] in {"e", "en", "n", "er", "nen"}

    def _opens_clause(self, doc: Doc, k: int) -> bool:
        """Word ``k`` is capitalised by position: it opens a sentence, a line, a bullet or
        follows a number, time or colon ("Działanie 3. Oddziały …", "13:00 Pracovní …")."""
        if k == 0 or doc[k].is_sent_start:
            return True
        prev = doc[k - 1]
        return (
            "\n" in prev.text
            or prev.text in {"•", "-", "–", "*", "·", "▪", ".", "|", "›"}
            or prev.like_num
            or bool(re.fullmatch(r"[\d.:]+", prev.text))
        )

    def _after_project_word(self, doc: Doc, start: int) -> bool:
        """The name follows a project, programme or event word, possibly quoted."""
        k = start - 1
        if k >= 0 and doc[k].text in OPEN_QUOTES:
            k -= 1
        if k < 0:
            return False
        return folded(doc[k].text).endswith(PROJECT_WORDS) or doc[k].norm_.endswith(PROJECT_WORDS)

    def legal_candidates(self, doc: Doc) -> list[Candidate]:
        out: list[Candidate] = []
        for i, text in enumerate(self._texts):
            if text not in LEGAL_FIRST and not text.endswith("-GmbH"):
                continue
            token = doc[i]
            form_end, legal_type = None, None
            if token.text.endswith("-GmbH"):
                form_end, legal_type = i + 1, "ngo" if "sozial" in token.lower_ else "employer"
                name_end = i + 1
            else:
                for form, ltype in LEGAL_FORMS:
                    if tuple(t.text for t in doc[i : i + len(form)]) == form:
                        form_end, legal_type = i + len(form), ltype
                        break
                name_end = i
            if form_end is None:
                continue
            k = name_end - 1 if name_end == i else i
            if k >= 0 and doc[k].text == ",":
                k -= 1
            last = k
            line_start = self._line_start(doc, i)
            while (
                k >= line_start
                and (is_cap(doc[k].text) or doc[k].lower_ in self.connectors or doc[k].is_lower)
                and last - k < 8
            ):
                if doc[k].is_lower and doc[k].lower_ not in self.connectors:
                    if (
                        self.lang in {"de", "en"}
                        and doc[k].lower_ not in self.preps
                        and not has_slavic_letters(doc[k].text)
                    ):
                        break  # "JVA Kiel arbeiten mit dem …": a clause, not a name
                    if doc[k].lower_ in ARTICLES and (
                        k - 1 < line_start
                        or not is_cap(doc[k - 1].text)
                        or doc[k - 1].lower_ in self.connectors
                    ):
                        break  # "… und der | Verein Neue Wege e. V."
                    if self._is_verb(doc[k]):
                        break  # "Trvale spolupracují | Sklárna Jizerka, s. r. o."
                    # lower-case words only inside a name ("Institut pro restorativní justici")
                    j = k - 1
                    while (
                        j >= line_start
                        and doc[j].is_lower
                        and last - j < 8
                        and not self._is_verb(doc[j])
                    ):
                        j -= 1
                    if j >= line_start and is_cap(doc[j].text) and last - j < 8:
                        k = j
                        continue
                    if token.text.endswith("-GmbH") or doc[i].text == "GmbH":
                        pass
                    break
                brand = k + 1 < len(doc) and doc[k + 1].text.isupper() and len(doc[k + 1].text) > 3
                if folded(doc[k].text) in NOT_NAME_START and k != last and not brand:
                    break
                k -= 1
            start = k + 1
            while start <= last and not (is_cap(doc[start].text) or doc[start].is_lower):
                start += 1
            if start > last and doc[i].text == "GmbH" and last >= 0 and doc[last].is_alpha:
                start = last  # "thinkhouse GmbH"
            if start > last and not token.text.endswith("-GmbH"):
                continue
            while start < last and doc[start].lower_ in self.connectors:
                start += 1
            # a name starts with a capital: "ústav | Mezikrok, z. ú."
            first_cap = next((j for j in range(start, last + 1) if is_cap(doc[j].text)), None)
            if first_cap is not None and first_cap > start:
                start = first_cap
            # "der Verein | Neue Wege Oberlausitz e. V.": after an article, a generic
            # head before a name that carries its own legal form describes it
            if (
                start > 0
                and doc[start - 1].lower_ in ARTICLES
                and start + 1 <= last
                and is_cap(doc[start + 1].text)
                and self.head_at(doc, start + 1) is None
            ):
                hw = self.head_at(doc, start)
                if hw is not None and hw.width == 1 and hw.actor_type == legal_type:
                    start += 1
            out.append(
                Candidate(min(start, i), form_end, "legal", legal_type=legal_type, priority=1)
            )
        return out

    def authority_candidates(self, doc: Doc, home: set[str]) -> list[Candidate]:
        out: list[Candidate] = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in [*self.label_matcher(doc), *self.word_matcher(doc)]:
            auth = self.authority_by_id[strings[match_id]]
            if not any(is_cap(t.text) for t in doc[start:end]):
                continue
            source = "blocked" if strings[match_id] in SKIPPED_AUTHORITIES else "authority"
            out.append(Candidate(start, end, source, authority=auth, priority=2))
        for match_id, start, end in self.acronym_matcher(doc):
            auth = self.authority_by_id[strings[match_id]]
            if auth.country and auth.country not in home:
                continue
            out.append(Candidate(start, end, "authority-acronym", authority=auth, priority=1))
        return out

    def classifier_candidates(self, doc: Doc) -> list[Candidate]:
        """A capitalised name right after a classifier noun ("organizacemi Prague Pride a
        Queer Geography", "nezisková organizace Exodus Nederland"): each capitalised run
        (split at connectors, at most five words) that is not a place or a head-grown name."""
        out: list[Candidate] = []
        n = len(doc)
        texts, norms = self._texts, self._norms
        city_map = cities()
        for i in range(n - 1):
            kind = CLASSIFIER_NOUNS.get(norms[i])
            if kind is None:
                continue
            word = texts[i]
            if word.isupper():
                if len(word) > 4:
                    continue
            elif is_cap(word) and self.lang != "de":
                continue  # a capitalised classifier heads a name of its own
            if i > 0:
                kind = CLASSIFIER_ADJECTIVES.get(folded(texts[i - 1]), kind)
            j = i + 1
            while j < n:
                start = j
                while (
                    j < n
                    and j - start < 5
                    and is_cap(texts[j])
                    and (texts[j].isalpha() or "-" in texts[j] or is_acronym(texts[j]))
                    and not doc[j].is_sent_start
                    and (j == start or self.head_at(doc, j) is None or self.lang == "de")
                ):
                    j += 1
                if j == start:
                    break
                # a lower-case word that closes the clause still belongs to the name
                # ("občianskym združením Bezpečne online.", "organizace Člověk v tísni.")
                for tail in (1, 2):
                    e = j + tail
                    if (
                        e < n
                        and texts[e] in {".", ",", ";", ")", "\n"}
                        and all(
                            texts[x].isalpha()
                            and texts[x].islower()
                            and not self._is_verb(doc[x])
                            and texts[x] not in COMPLEMENT_STOP
                            for x in range(j, e)
                        )
                    ):
                        j = e
                        break
                words = texts[start:j]
                if (
                    folded(words[0]) not in NOT_NAME_START
                    and self.head_at(doc, start) is None
                    and not all(
                        k in self._country_tokens
                        or city_map.get(norms[k])
                        or city_map.get(folded(texts[k]))
                        for k in range(start, j)
                    )
                    and (j >= n or not is_cap(texts[j]))
                ):
                    out.append(Candidate(start, j, "classifier", legal_type=kind, priority=0))
                # "organizacemi Prague Pride a Queer Geography": the next of a pair
                if j + 1 < n and texts[j].lower() in self.connectors and is_cap(texts[j + 1]):
                    j += 1
                    continue
                break
        return out

    def list_candidates(self, doc: Doc, country_starts: set[int]) -> list[Candidate]:
        """Names at the start of partner-list lines: "Name – Country", "• Name (Country)"."""
        out: list[Candidate] = []
        n = len(doc)
        i = 0
        texts = self._texts
        while i < n:
            # start of a line
            if i and "\n" not in texts[i - 1]:
                i += 1
                continue
            k = i
            while k < n and (texts[k] in {"•", "-", "–", "*", "·", "▪"} or texts[k].isspace()):
                k += 1
            start = k
            j = k
            while j < n and "\n" not in texts[j] and j - start < 10:
                if texts[j] in DASHES and j > start and doc[j].whitespace_:
                    break
                if texts[j] in {"(", ",", ":", ";"}:
                    break
                j += 1
            if j < n and j > start and texts[j] in {*DASHES, "(", ","}:
                words = doc[start:j]
                follows = j + 1
                evidence = follows in country_starts or (
                    follows < n and doc[follows].lower_ in {"coordinator", "koordinátor"}
                )
                if (
                    evidence
                    and is_cap(words[0].text)
                    and all(
                        is_cap(t.text) or t.lower_ in self.connectors or not t.is_alpha
                        for t in words
                    )
                    and not any(t.like_num for t in words)
                ):
                    out.append(Candidate(start, j, "list", priority=0))
            i = j + 1 if j > i else i + 1
        return out

    def acronym_definition_candidates(self, doc: Doc) -> list[Candidate]:
        """ "Capitalised Multiword Name (ACR)" where ACR is the name's initialism."""
        out: list[Candidate] = []
        n = len(doc)
        texts = self._texts
        opens = [i for i, text in enumerate(texts) if text == "("]
        for i in opens:
            if i < 2 or i + 2 >= n:
                continue
            if texts[i + 2] != ")" or not is_acronym(texts[i + 1]):
                continue
            acr = doc[i + 1].text
            k = i - 1
            while (
                k >= 0
                and (
                    is_cap(doc[k].text)
                    or doc[k].lower_ in self.connectors
                    or doc[k].lower_ in self.preps
                    # lower-case words of a name in another language, spelt out by its
                    # acronym ("Zveza sindikatov javnega sektorja (ZSJS)")
                    or (
                        doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in COMPLEMENT_STOP
                    )
                )
                and i - k <= 12
                and "\n" not in doc[k].text
            ):
                k -= 1
            start = k + 1
            while start < i and not is_cap(doc[start].text):
                start += 1
            if i - start < 2:
                continue
            for s in range(start, i - 1):
                if not is_cap(doc[s].text):
                    continue
                words = [t.text for t in doc[s:i]]
                if not self._has_institutional_word(doc, s, i):
                    continue  # "Interaktywna Aplikacja Szkoleniowa (IAS)": a tool, not a body
                if matches_initialism(acr, words) and (
                    all(
                        is_cap(w) or w.lower() in self.connectors or w.lower() in self.preps
                        for w in words
                    )
                    or self._initials_of_all(acr, words)
                ):
                    out.append(Candidate(s, i, "acronym-def", priority=0))
                    break
        return out

    def _has_institutional_word(self, doc: Doc, start: int, end: int) -> bool:
        """Some word of the name is an institutional head or modifier, a legal form or a
        classifier ("Criminal Justice Alliance", "Fagforeningen for kriminalomsorg")."""
        for k in range(start, end):
            if self.head_at(doc, k) is not None:
                return True
            if self._norms[k] in CLASSIFIER_NOUNS or self._texts[k] in LEGAL_FIRST:
                return True
        return False

    @staticmethod
    def _initials_of_all(acr: str, words: list[str]) -> bool:
        """Every word's initial, in order, spells the acronym ("Fagforeningen for
        kriminalomsorg" – FFK): a name with lower-case words needs the strict reading."""
        letters = "".join(ch for ch in acr if ch.isalpha()).upper()
        alpha = [w for w in words if w[:1].isalpha()]
        return len(alpha) >= 2 and "".join(w[0] for w in alpha).upper() == letters

    # ---------------------------------------------------------------- typing
    def type_of(self, doc: Doc, start: int, end: int) -> tuple[str | None, int | None, int | None]:
        """``(actor type, head index, nested-organisation index)`` of a name."""
        self._last_default = False
        hits: list[tuple[int, HeadWord]] = []
        k = start
        while k < end:
            hw = self.head_at(doc, k)
            if hw is not None:
                hits.append((k, hw))
                k += max(hw.width, 1)
            else:
                k += 1
        head = next(((i, hw) for i, hw in hits if hw.cls != "M"), None)
        modifiers = [(i, hw) for i, hw in hits if hw.cls in {"M", "HM"}]
        if head is None:
            return (modifiers[0][1].actor_type if modifiers else None), None, None
        hi, hw = head
        later = [(i, h) for i, h in hits if i > hi and h.cls != "M"]
        nested = next(
            (i for i, h in later if is_cap(doc[i].text) or doc[i].is_upper),
            None,
        )
        if nested is None:
            # a lower-case head after a capitalised adjective ("… Jihomoravského kraje")
            nested = next(
                (
                    i - 1
                    for i, h in later
                    if i - 1 > hi + hw.width
                    and is_cap(doc[i - 1].text)
                    and self._adjective_any_case(doc[i - 1].text)
                ),
                None,
            )
        elif self.lang != "pl":
            # include a capitalised adjective right before a nested head
            while (
                nested - 1 > hi + hw.width
                and is_cap(doc[nested - 1].text)
                and self._adjective_any_case(doc[nested - 1].text)
                and self.head_at(doc, nested - 1) is None
            ):
                nested -= 1
        if hw.cls in {"G", "W", "U"} and any(
            doc[j].lower_ in UNION_PLURALS for j in range(hi + 1, end)
        ):
            return "trade-union", hi, None  # "Konfederace svobodných odborů"
        if hw.actor_type in {"school", "ngo", "university-research"} and hw.cls != "H":
            # "Akademia Policji", "Institut vzdělávání Vězeňské služby": a service's own
            # college or training institute is typed by the service
            service = next(
                (
                    h.actor_type
                    for i, h in later
                    if h.actor_type in UNIFORMED_SERVICES
                    and not any(doc[j].lower_ in self.preps for j in range(hi + 1, i))
                ),
                None,
            )
            if service is not None:
                return service, hi, nested
        if hw.cls in {"H", "HM"}:
            return hw.actor_type, hi, nested
        if hw.cls == "U":
            parent_types = [h.actor_type for i, h in later]
            acr_type = self._acronym_type(doc, hi + 1, end)
            if acr_type:
                return acr_type, hi, nested
            if parent_types:
                return parent_types[0], hi, nested
            self._last_default = True
            return hw.actor_type, hi, nested
        mods = [h for i, h in modifiers if i != hi]
        if mods:
            return mods[0].actor_type, hi, nested
        if hw.cls == "W":
            if later:
                return later[0][1].actor_type, hi, nested
            acr_type = self._acronym_type(doc, hi + 1, end)
            if acr_type:
                return acr_type, hi, nested
        if hw.cls == "G":
            strong = [h for i, h in later if h.cls in {"H", "HM"}]
            if strong and not any(doc[j].lower_ in self.preps for j in range(hi + 1, later[0][0])):
                return strong[0].actor_type, hi, nested
        self._last_default = hw.cls in {"W", "U"}
        return hw.actor_type, hi, nested

    def _acronym_type(self, doc: Doc, start: int, end: int) -> str | None:
        for k in range(start, end):
            text = doc[k].text
            if is_acronym(text):
                auth = self._doc_acronyms.get(text)
                if auth is not None:
                    return auth
        return None

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        from ingest.components.countries import COUNTRY_SPANS

        self._texts = token_strings(doc)
        self._norms = token_strings(doc, NORM)
        self._arrays_doc = doc
        self._line_cache: dict[tuple[str, int], bool] = {}
        country_spans = list(doc.spans.get(COUNTRY_SPANS, []))
        home = {s.label_ for s in country_spans}
        if self.lang in HOME_COUNTRY:
            home.add(HOME_COUNTRY[self.lang])
        self._doc_acronyms: dict[str, str] = {}
        # countries only: a city ("Trebnje", "České Budějovice") tells one body from another
        city_map = cities()
        country_spans = [
            s
            for s in country_spans
            if folded(s.text) not in city_map and (len(s) > 1 or s[0].norm_ not in city_map)
        ]
        country_starts = {s.start for s in country_spans}
        self._country_tokens = {k for s in country_spans for k in range(s.start, s.end)}
        for s in country_spans:
            if s.start > 0 and doc[s.start - 1].text == "(":
                country_starts.add(s.start - 1)
        candidates = (
            self.head_candidates(doc)
            + self.legal_candidates(doc)
            + self.authority_candidates(doc, home)
            + self.list_candidates(doc, country_starts)
            + self.acronym_definition_candidates(doc)
            + self.classifier_candidates(doc)
        )
        concepts = list(doc.spans.get(CONCEPT_SPANS, []))  # a SpanGroup builds Spans per pass
        concept_spans = [(s.start, s.end) for s in concepts if s.label_.startswith("funder/")]
        chosen = self.select(doc, candidates, concept_spans)
        chosen = self.join_dashed(doc, chosen)
        found = self.merge(doc, chosen)
        self.resolve_acronyms(doc, found, home)
        self.retype_by_acronyms(doc, found)
        self.domain_names(doc, found)
        mentions = [self.to_mention(doc, f) for f in found]
        mentions = [m for m in mentions if m is not None]
        doc._.praxis_organisations = mentions
        spans = []
        for f in found:
            for s, e in f.mentions:
                spans.append(SpacySpan(doc, s, e, label=f.actor_type or "ngo"))
        doc.spans[ORG_SPANS] = spans
        # words inside a name are the name's, not the project's: "Ministerstwo Rodziny"
        # has no family target group, "Instytut Praw Migrantów" is typed by its own head
        inside = {k for s in spans for k in range(s.start, s.end)}
        doc.spans[CONCEPT_SPANS] = [
            s
            for s in concepts
            if s.label_.startswith("funder/") or not all(k in inside for k in range(s.start, s.end))
        ]
        return doc

    def select(
        self, doc: Doc, candidates: list[Candidate], concepts: list[tuple[int, int]]
    ) -> list[Candidate]:
        good: list[Candidate] = []
        for c in candidates:
            if c.end <= c.start:
                continue
            if any(s <= c.start and c.end <= e for s, e in concepts) and c.source not in {
                "authority",
                "blocked",
            }:
                continue
            if c.source == "head" and not self._specific_enough(doc, c):
                continue
            if c.source in {"head", "classifier", "acronym-def"} and self._after_project_word(
                doc, c.start
            ):
                continue
            if c.source in {"list", "acronym-def", "classifier"} and (
                any(s < c.end and c.start < e for s, e in concepts)
                or folded(doc[c.start].text) in NOT_NAME_START
            ):
                continue
            if c.source in {"head", "list"} and (
                self._shouting_line(doc, c.start) or self._menu_line(doc, c.start)
            ):
                continue
            good.append(c)
        # a curated name wins over a longer head-grown span that starts at the same word
        # and only adds a preposition phrase or markers ("Evropska komisija za podporo …")
        by_start: dict[int, Candidate] = {}
        for c in good:
            if c.source == "authority" and c.end - c.start >= 2:
                best = by_start.get(c.start)
                if best is None or c.end > best.end:
                    by_start[c.start] = c
        for idx, c in enumerate(good):
            auth = by_start.get(c.start)
            if auth is not None and c.source == "head" and c.end > auth.end:
                tail = doc[auth.end : c.end]
                if all(self._designator(doc, t.i) for t in tail):
                    good[idx] = Candidate(
                        c.start, c.end, "authority", authority=auth.authority, priority=2
                    )
                elif tail[0].lower_ in self.preps:
                    good[idx] = auth
        good.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
        taken: list[Candidate] = []
        used: set[int] = set()
        for c in good:
            if any(k in used for k in range(c.start, c.end)):
                continue
            taken.append(c)
            used.update(range(c.start, c.end))
        taken.sort(key=lambda c: c.start)
        return self._drop_parts(doc, taken)

    def _drop_parts(self, doc: Doc, taken: list[Candidate]) -> list[Candidate]:
        """A faculty, branch or office named right after its body ("Uniwersytet Szegedzki,
        Wydział Prawa", "IOM, Office in Slovenia", "Institute of Criminology at the Faculty
        of Law", "the university's Faculty of Law") is part of it, not another partner."""
        out: list[Candidate] = []
        for c in taken:
            hw = self._first_head(doc, c.start, c.end)
            unit = hw is not None and (
                hw.cls == "U"
                or folded(doc[c.start + 0].text) in UNIT_WORDS
                or any(folded(t.text) in UNIT_WORDS for t in doc[c.start : c.end][:3])
            )
            if unit and c.source == "head" and self._follows_its_body(doc, c.start, out):
                continue
            out.append(c)
        return out

    def _follows_its_body(self, doc: Doc, start: int, before: list[Candidate]) -> bool:
        k = start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 0:
            return False
        if doc[k].text in {"'s", "’s"}:
            return True
        if doc[k].text not in {",", "at", "–", "-"}:
            return False
        k -= 1
        if k >= 0 and doc[k].text == ")":  # "Uniwersytet Szegedzki (Szegedi …), Wydział"
            while k >= 0 and doc[k].text != "(" and "\n" not in doc[k].text:
                k -= 1
            k -= 1
        return any(c.end - 1 == k for c in before)

    def _line_check(self, doc: Doc, k: int, check: Callable[[Doc, int], bool]) -> bool:
        """``check`` on the line holding token k, computed once per line and check."""
        start = self._line_start(doc, k)
        key = (check.__name__, start)
        if key not in self._line_cache:
            self._line_cache[key] = check(doc, start)
        return self._line_cache[key]

    def _shouting_line(self, doc: Doc, k: int) -> bool:
        """A heading in capitals ("PROVOZ CENTRA PRO CIZINCE JMK") is not a name."""
        return self._line_check(doc, k, self._shouting_line_at)

    def _shouting_line_at(self, doc: Doc, start: int) -> bool:
        words = []
        j = start
        texts = self._texts
        while j < len(texts) and "\n" not in texts[j] and len(words) < 12:
            if texts[j].isalpha() and len(texts[j]) > 2:
                words.append(texts[j])
            j += 1
        return len(words) >= 3 and all(w.isupper() for w in words)

    def _menu_line(self, doc: Doc, k: int) -> bool:
        """Navigation ("Home About Research Projects Contact"): capitalised words only."""
        return self._line_check(doc, k, self._menu_line_at)

    def _menu_line_at(self, doc: Doc, start: int) -> bool:
        words = lower = 0
        j = start
        texts = self._texts
        while j < len(texts) and "\n" not in texts[j]:
            text = texts[j]
            if text.isalpha():
                if is_cap(text):
                    words += 1
                else:
                    lower += 1
            elif text not in {"|", "/", "·", "»", ">", "-", "›", "…"}:
                return False
            j += 1
        return words >= 4 and lower * 4 <= words

    def _specific_enough(self, doc: Doc, c: Candidate) -> bool:
        """A lone generic head ("Ministerstvo", "Policie") is not a name."""
        if c.end - c.start > 1:
            tokens = doc[c.start : c.end]
            # a generic head plus only a country designator is still generic
            return (
                not all(
                    t.lower_ in self.connectors or self.head_at(doc, t.i) is not None
                    for t in tokens
                )
                or any(t.is_upper and len(t.text) > 1 for t in tokens)
                or c.end - c.start > 2
            )
        token = doc[c.start]
        fold_text = folded(token.text)
        hw = self.head_at(doc, c.start)
        if token.is_upper and len(token.text) > 1:
            return hw is not None and hw.cls in {"H", "HM"}
        if fold_text in self.heads.first_words or token.norm_ in self.heads.first_words:
            return False
        # a compound whose head is a suffix: specific when something precedes the suffix
        if hw is not None and self.heads.suffix_re is not None:
            m = self.heads.suffix_re.search(fold_text)
            if m and len(fold_text) - len(m.group(0)) >= 3 and hw.cls in {"H", "HM"}:
                return True
        return False

    def join_dashed(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """ "Name – Name" on one line is one organisation ("Výbor dobré vůle – Nadace …")."""
        out: list[Candidate] = []
        for c in chosen:
            if (
                out
                and c.start - out[-1].end == 1
                and doc[out[-1].end].text in DASHES
                and doc[out[-1].end].whitespace_
                and out[-1].source in {"head", "legal", "list", "acronym-def"}
                and c.source in {"head", "legal"}
                and self._generic_first(doc, out[-1], c)
                and not (out[-1].end - out[-1].start == 1 and is_acronym(doc[out[-1].start].text))
            ):
                prev = out[-1]
                out[-1] = Candidate(prev.start, c.end, "head", priority=prev.priority)
                continue
            out.append(c)
        return out

    def _generic_first(self, doc: Doc, first: Candidate, second: Candidate) -> bool:
        """ "Výbor dobré vůle – Nadace …", "Javni zavod X – Center za …" are one name;
        "Jihomoravský kraj – Centrum pro cizince" (a specific body, then another) are two."""
        first_head = self._first_head(doc, first.start, first.end)
        second_head = self._first_head(doc, second.start, second.end)
        if first_head is None:
            return True
        if first_head.cls in {"G", "W", "U"}:
            return True
        return second_head is not None and second_head.cls in {"H", "HM"} and False

    def _first_head(self, doc: Doc, start: int, end: int) -> HeadWord | None:
        for k in range(start, end):
            hw = self.head_at(doc, k)
            if hw is not None and hw.cls != "M":
                return hw
        return None

    # ---------------------------------------------------------------- merging
    def _designator(self, doc: Doc, k: int) -> bool:
        """A country or parent marker that does not change which body is meant ("ČR", "MV")."""
        t = doc[k]
        return (t.is_upper and len(t.text) <= 5) or k in self._country_tokens

    def merge_key(self, doc: Doc, start: int, end: int) -> tuple[frozenset[str], str, str]:
        """``(core stems, location stem, acronym stems)`` of a name, for merging mentions.

        Word order, case endings (stems of five letters), legal forms, country markers and
        acronyms do not matter: "Komenda Wojewódzka Policji" and "Wojewódzką Komendą
        Policji w Krakowie" are one body.
        """
        core: list[str] = []
        extra: list[str] = []
        location = ""
        k = start
        while k < end:
            t = doc[k]
            if t.lower_ in LOCATION_PREPS and k + 1 < end and is_cap(doc[k + 1].text) and k > start:
                location = " ".join((x.norm_ or folded(x.text))[:5] for x in doc[k + 1 : end])
                break
            if (
                t.is_punct
                or t.lower_ in self.connectors
                or t.is_space
                or t.lower_ in self.preps
                or t.lower_ in ARTICLES
            ):
                k += 1
                continue
            if t.text in LEGAL_FIRST or (t.text.endswith(".") and len(t.text) <= 4):
                k += 1
                continue
            stem = _stem(t.norm_ or folded(t.text), self.lang)
            if k > start and self._designator(doc, k):
                extra.append(stem)
            else:
                core.append(stem)
            k += 1
        return frozenset(core), location, " ".join(extra)

    def merge(self, doc: Doc, chosen: list[Candidate]) -> list[Found]:
        found: list[Found] = []
        keys: list[tuple[frozenset[str], str, str]] = []
        for c in chosen:
            if c.source == "blocked":
                continue
            auth = c.authority or self._authority_for(doc, c.start, c.end)
            key = self.merge_key(doc, c.start, c.end)
            if not key[0] and c.source != "authority-acronym":
                continue
            target = None
            for f, other in zip(found, keys, strict=True):
                if auth is not None and f.authority is not None:
                    if f.authority.iri == auth.iri:
                        target = f
                        break
                    continue
                if c.source == "authority-acronym" or not other[0]:
                    continue
                # "Justizministerium" after "Justizministerium des Landes Schleswig-Holstein";
                # not "Policie ČR" (a curated body) into "Městská policie Znojmo"
                short_form = len(key[0]) == 1 and key[0] < other[0] and not key[1] and auth is None
                same_core = (
                    short_form
                    or key[0] == other[0]
                    or (
                        (key[0] < other[0] or other[0] < key[0])
                        and len(key[0] ^ other[0]) <= 1
                        and (key[2] or other[2])
                    )
                )
                if same_core and (not key[1] or not other[1] or key[1] == other[1]):
                    target = f
                    break
            if target is None:
                actor_type, head_index, nested = self.type_of(doc, c.start, c.end)
                if auth is not None and auth.actor_type:
                    actor_type = auth.actor_type
                if actor_type is None:
                    actor_type = c.legal_type or "ngo"
                elif c.legal_type and actor_type in {"ngo", "employer"}:
                    actor_type = c.legal_type if head_index is None else actor_type
                target = Found(
                    " ".join(sorted(key[0])),
                    actor_type,
                    authority=auth,
                    source=c.source,
                    default_type=self._last_default,
                )
                found.append(target)
                keys.append(key)
                if nested is not None and nested < c.end:
                    parent_end = self._before_location(doc, nested, c.end)
                    parent_auth = self._authority_for(doc, nested, parent_end)
                    head_word = self._first_head(doc, c.start, c.end)
                    # a unit ("Odbor … Ministerstva vnitra") or a body inside a known one
                    # ("Komenda Główna Straży Granicznej"); not "Porozumienie Związków Zawodowych"
                    if parent_auth is not None:
                        target.parent = parent_auth.label(self.lang)
                    elif head_word is not None and head_word.cls == "U":
                        target.parent = self.canonical(doc, nested, parent_end)
            elif target.authority is None and auth is not None:
                target.authority = auth
                if auth.actor_type:
                    target.actor_type = auth.actor_type
            target.mentions.append((c.start, c.end))
            if target.country is None:
                target.country = self._country_of(doc, c.start, c.end, auth)
        return found

    def _before_location(self, doc: Doc, start: int, end: int) -> int:
        for k in range(start + 1, end):
            if doc[k].lower_ in LOCATION_PREPS and k + 1 < end and is_cap(doc[k + 1].text):
                return k
        return end

    def _authority_for(self, doc: Doc, start: int, end: int) -> Authority | None:
        """The curated body a name is a label of, ignoring trailing country markers."""
        while end > start:
            key = " ".join(t.norm_ for t in doc[start:end])
            auth = self.label_authority.get(key)
            if auth is not None:
                return auth
            if end - start > 1 and self._designator(doc, end - 1):
                end -= 1
                continue
            return None
        return None

    def _country_of(self, doc: Doc, start: int, end: int, auth: Authority | None) -> str | None:
        if auth is not None and auth.country:
            return auth.country
        city_map = cities()
        # a place named as the location ("v Písku", "w Łodzi") or closing the name
        # ("Občina Brežice"), not any word of it ("… European Roma Law Enforcement …")
        where = self._before_location(doc, start, end)
        places = list(doc[where + 1 : end]) if where < end else [doc[end - 1]]
        for t in places:
            if is_cap(t.text):
                code = city_map.get(t.norm_) or city_map.get(folded(t.text))
                if code:
                    return code
        from ingest.components.countries import COUNTRY_SPANS

        for s in doc.spans.get(COUNTRY_SPANS, []):
            if start <= s.start and s.end <= end:
                return s.label_
        # the origin adjective left out of the name ("Krakauer | Stiftung …",
        # "Slovenian | Zveza …") still says where the body is
        if start > 0 and self.lang in {"de", "en"}:
            word = doc[start - 1].text
            for s in doc.spans.get(COUNTRY_SPANS, []):
                if s.end == start:
                    return s.label_
            if self.lang == "de" and word.endswith("er") and len(word) > 4 and is_cap(word):
                return city_map.get(folded(word[:-2])) or city_map.get(folded(word[:-2] + "a"))
        return None

    # ---------------------------------------------------------------- acronyms
    def resolve_acronyms(self, doc: Doc, found: list[Found], home: set[str]) -> None:
        n = len(doc)
        by_span = {m: f for f in found for m in f.mentions}
        covered = {k for f in found for s, e in f.mentions for k in range(s, e)}
        acronym_of: dict[str, Found] = {}
        for f in found:
            for s, e in list(f.mentions):
                # Name (ACR) / Name (Other Name, ACR)
                if e + 2 < n and doc[e].text == "(":
                    j = e + 1
                    close = next((x for x in range(j, min(n, j + 12)) if doc[x].text == ")"), None)
                    if close is not None:
                        inner = doc[j:close]
                        last = inner[-1].text if len(inner) else ""
                        if is_acronym(last) and (len(inner) == 1 or doc[close - 2].text == ","):
                            acronym_of.setdefault(last, f)
                            f.acronym = f.acronym or last
                            if len(inner) > 2:
                                f.extra_surfaces.append((j, close - 2))
                        elif (
                            len(inner) >= 2
                            and is_cap(inner[0].text)
                            and is_cap(inner[-1].text)
                            and all(
                                is_cap(t.text)
                                or t.lower_ in self.connectors
                                or t.lower_ in ARTICLES
                                or t.lower_ in LOCATION_PREPS
                                or t.lower_ in self.preps
                                for t in inner
                            )
                            and not any(t.text in {",", ";"} for t in inner)
                        ):
                            # "Fundacja Sławek (Slawek Foundation)": another name of it
                            f.extra_surfaces.append((j, close))
                # ACR – Name
                if s >= 2 and doc[s - 1].text in DASHES and is_acronym(doc[s - 2].text):
                    acronym_of.setdefault(doc[s - 2].text, f)
                    f.acronym = f.acronym or doc[s - 2].text
        # initialisms of found names used elsewhere in the text
        tokens_by_text: dict[str, list[int]] = {}
        acronym_words = {text for text in set(self._texts) if is_acronym(text)}
        if acronym_words:
            for i, text in enumerate(self._texts):
                if text in acronym_words:
                    tokens_by_text.setdefault(text, []).append(i)
        for f in found:
            for s, e in f.mentions[:1]:
                for acr in initialisms([t.text for t in doc[s:e]]):
                    if acr in tokens_by_text and acr not in acronym_of:
                        acronym_of[acr] = f
                        f.acronym = f.acronym or acr
        for f in found:
            if f.authority is not None:
                for acr in f.authority.acronyms:
                    if acr in tokens_by_text:
                        acronym_of.setdefault(acr, f)
        for acr, f in acronym_of.items():
            self._doc_acronyms[acr] = f.actor_type or "ngo"
            for i in tokens_by_text.get(acr, []):
                if i in covered:
                    continue
                f.mentions.append((i, i + 1))
                covered.add(i)
        # an organisation found only as an acronym, or only as another name given in
        # brackets, is the organisation that defines it
        del by_span
        extra_of = [(m, f) for f in found for m in f.extra_surfaces]

        def inside_extra(m: tuple[int, int]) -> Found | None:
            # "Beyond the Wall Foundation" of "Fundacja … (Beyond the Wall Foundation)"
            return next((f for (s, e), f in extra_of if s <= m[0] and m[1] <= e), None)

        kept: list[Found] = []
        for g in found:
            target = None
            if all(e - s == 1 and doc[s].text in acronym_of for s, e in g.mentions):
                target = acronym_of[doc[g.mentions[0][0]].text]
            else:
                target = next((inside_extra(m) for m in g.mentions if inside_extra(m)), None)
            if target is None or target is g:
                kept.append(g)
                continue
            target.mentions.extend(g.mentions)
            if target.authority is None and g.authority is not None:
                target.authority = g.authority
                target.actor_type = g.authority.actor_type or target.actor_type
        found[:] = kept

    def domain_names(self, doc: Doc, found: list[Found]) -> None:
        """E-mail and web domains: "wrzos@wrzos.org.pl" names WRZOS, an organisation the
        text mentions by that word; a found organisation whose acronym or name is the
        domain's label gets the domain."""

        text = doc_text(doc)
        if "@" not in text and "www." not in text and "http" not in text:
            return
        domains: dict[str, str] = {}
        for m in DOMAIN_RE.finditer(text):
            domain = m.group(1).lower().removeprefix("www.")
            label = domain.split(".")[0]
            if len(label) >= 3:
                domains.setdefault(folded(label).replace(" ", ""), domain)
        if not domains:
            return
        inside = {m.start() for m in DOMAIN_RE.finditer(text)}
        for f in found:
            names = {folded(f.acronym or "").replace(" ", "")}
            names.update(folded(doc[s:e].text).replace(" ", "") for s, e in f.mentions)
            hit = next((domains[n] for n in names if n in domains), None)
            if hit:
                f.domain = hit
        named = {f.domain for f in found if f.domain}
        for label, domain in domains.items():
            if domain in named:
                continue
            mentions = [
                (i, i + 1)
                for i, word in enumerate(self._texts)
                if is_cap(word)
                and folded(word) == label
                and not any(abs(doc[i].idx - p) < 60 and doc[i].idx >= p for p in inside)
            ]
            if mentions:
                actor_type = "government-agency" if ".gov" in domain else "ngo"
                found.append(Found(label, actor_type, mentions, source="domain", domain=domain))

    def retype_by_acronyms(self, doc: Doc, found: list[Found]) -> None:
        """A generic or unit name typed by an acronym inside it ("Centrum pro cizince JMK",
        "Migračné informačné centrum IOM", "Wydział Polityki Społecznej OPZZ")."""
        for f in found:
            if not f.default_type or f.authority is not None:
                continue
            s, e = f.mentions[0]
            for k in range(s + 1, e):
                acr_type = self._doc_acronyms.get(doc[k].text)
                if acr_type:
                    f.actor_type = acr_type
                    break

    # ---------------------------------------------------------------- output
    def canonical(self, doc: Doc, start: int, end: int) -> str:
        return canonical_label(doc[start:end], self.lang, self.head_at)

    def to_mention(self, doc: Doc, f: Found) -> OrganisationMention | None:
        mentions = sorted(set(f.mentions))
        named = [m for m in mentions if m[1] - m[0] > 1 or not doc[m[0]].is_upper]
        if (
            not named
            and f.authority is None
            and f.source
            not in {
                "legal",
                "list",
                "domain",
                "classifier",
            }
        ):
            # an acronym alone, never spelt out or defined: not enough to name a body
            if not f.acronym:
                return None
        if f.authority is not None:
            label = f.authority.label(self.lang)
            if self.lang not in f.authority.labels:
                # keep the text's own nominative form when the file has no label in this language
                first = named[0] if named else mentions[0]
                label = self.canonical(doc, *first) if named else label
        else:
            best = max(
                named or mentions, key=lambda m: (self._nominative_score(doc, m), m[1] - m[0])
            )
            label = self.canonical(doc, *best)
        spans = [self._span(doc, s, e) for s, e in mentions]
        extra = list(f.extra_surfaces)
        for s, e in mentions:
            cut = self._before_location(doc, s, e)
            if cut < e and cut - s >= 2:
                extra.append((s, cut))  # "… Centre EDUKOS" of "… Centre EDUKOS in Dolný Kubín"
        for s, e in extra:
            if e > s:
                spans.append(self._span(doc, s, e))
        confidence = 0.9 if f.authority else 0.7 if f.source in {"head", "legal"} else 0.6
        return OrganisationMention(
            domain=f.domain,
            label=label,
            actor_type=f.actor_type,
            spans=spans,
            acronym=f.acronym,
            country=f.country,
            parent=f.parent,
            confidence=confidence,
        )

    def _span(self, doc: Doc, s: int, e: int) -> Span:
        """The evidence span of tokens ``s:e`` (character offsets from the token arrays)."""
        if self._idx_doc is not doc:
            self._idx_doc = doc
            self._idx = doc.to_array(IDX).tolist()
        start = self._idx[s]
        end = self._idx[e - 1] + len(self._texts[e - 1])
        return Span(start, end, doc_text(doc)[start:end])

    def _nominative_score(self, doc: Doc, m: tuple[int, int]) -> int:
        s, e = m
        for k in range(s, e):
            hw = self.head_at(doc, k)
            if hw is not None and hw.cls != "M":
                t = doc[k]
                return 2 if folded(t.text) == t.norm_ else 0
        return 1


def _stem(word: str, lang: str) -> str:
    """Merge stem: the first six letters; long compounds keep all but a case ending."""
    if lang == "de" and len(word) > 7 and word.endswith(("es", "s")):
        word = word[:-2] if word.endswith("es") else word[:-1]
    if len(word) <= 10:
        return word[:6]
    return word[: len(word) - 2]


def initialisms(words: list[str]) -> set[str]:
    """Acronyms a name may be shortened to ("Policie České republiky" → "PČR")."""
    content = [
        w
        for w in words
        if w[:1].isalpha()
        and w.lower()
        not in {
            "a",
            "i",
            "in",
            "und",
            "and",
            "of",
            "the",
            "for",
            "pro",
            "za",
            "do",
            "ds.",
            "für",
            "der",
            "des",
            "v",
            "w",
            "na",
            "pre",
            "pri",
            "spraw",
        }
    ]
    out = set()
    if len(content) >= 2:
        out.add("".join(w[0].upper() for w in content))
        caps = [w for w in content if w[:1].isupper()]
        if len(caps) >= 2:
            out.add("".join(w[0] for w in caps))
    with_conj = [w for w in words if w[:1].isalpha()]
    if len(with_conj) >= 3:
        out.add(
            "".join(
                w[0].upper() if w.lower() not in {"i", "a", "und", "in"} else w[0]
                for w in with_conj
                if w.lower() not in {"do", "ds.", "of", "the"}
            )
        )
    return {a for a in out if len(a) >= 2}


def matches_initialism(acr: str, words: list[str]) -> bool:
    letters = "".join(ch for ch in acr if ch.isalpha()).upper()
    return any(
        letters == "".join(ch for ch in a if ch.isalpha()).upper() for a in initialisms(words)
    )


# ---------------------------------------------------------------- canonical labels
#: endings of adjective lemmas (masculine nominative), per language
ADJECTIVE_LEMMA_ENDINGS = {
    "cs": ("ý", "í", "ův", "in"),
    "sk": ("ý", "y", "í", "ov"),
    "sl": ("ski", "ški", "čki", "ni", "ji", "en", "ven", "ski"),
    "pl": ("y", "i", "owy", "ski", "cki"),
}


#: adjective case endings → masculine nominative, when the lemmatiser does not know the
#: word ("Probačního" → "Probační", "Krajskej" → "Krajský")
_ADJECTIVE_CASE_ENDINGS = {
    "cs": (
        ("ího", "í"),
        ("ímu", "í"),
        ("ími", "í"),
        ("ích", "í"),
        ("ého", "ý"),
        ("ému", "ý"),
        ("ými", "ý"),
        ("ých", "ý"),
        ("ým", "ý"),
        ("ém", "ý"),
        ("ou", "ý"),
    ),
    "sk": (
        ("ieho", "í"),
        ("iemu", "í"),
        ("ími", "í"),
        ("ích", "í"),
        ("ého", "ý"),
        ("eho", "y"),
        ("ému", "ý"),
        ("emu", "y"),
        ("ými", "ý"),
        ("ých", "ý"),
        ("ým", "ý"),
        ("ej", "ý"),
        ("ou", "ý"),
    ),
}


def _adjective_word(text: str, lang: str) -> bool:
    """An adjective by its lemma's ending (Polish: by morfeusz2)."""
    if lang == "pl":
        return _pl_is_adjective(text[:1].upper() + text[1:])
    lemma = lemmatize(text, lang).lower()
    return lemma.endswith(ADJECTIVE_LEMMA_ENDINGS.get(lang, ("\0",))) or (
        lemma == text.lower()
        and text.lower().endswith(tuple(e for e, _ in _ADJECTIVE_CASE_ENDINGS.get(lang, ())))
    )


def _adjective_lemma(text: str, lang: str) -> str:
    """Masculine nominative of an adjective in a name (Slovene: the definite "-i" form
    names use, "Javni zavod", "Osnovna šola", not the lemma's "javen", "osnoven")."""
    lemma = lemmatize(text, lang)
    if lemma.lower() == text.lower():
        low = text.lower()
        for ending, nominative in _ADJECTIVE_CASE_ENDINGS.get(lang, ()):
            if low.endswith(ending) and len(low) > len(ending) + 2:
                return text[: len(text) - len(ending)] + nominative
    if lang == "sl" and not lemma.endswith("i") and lemma.isalpha():
        if len(lemma) > 3 and lemma[-2:] in {"en", "ek", "el", "er"}:
            lemma = lemma[:-2] + lemma[-1]
        lemma += "i"
    return lemma


def _gender_slavic(lemma: str, lang: str) -> str:
    low = lemma.lower()
    if lang == "cs":
        if low.endswith(("í", "o", "um")):
            return "n"
        if low.endswith(("a", "e", "ě")):
            return "f"
        return "m"
    if lang == "sk":
        if low.endswith(("a", "ia")):
            return "f"
        if low.endswith(("o", "um", "ie", "e")):
            return "n"
        return "m"
    if lang == "sl":
        if low.endswith("a"):
            return "f"
        if low.endswith(("o", "e")):
            return "n"
        return "m"
    return "m"


def _agree_slavic(adj_lemma: str, gender: str, lang: str) -> str:
    if gender == "m":
        return adj_lemma
    if lang == "cs":
        if adj_lemma.endswith("ý"):
            return adj_lemma[:-1] + ("á" if gender == "f" else "é")
        return adj_lemma
    if lang == "sk":
        if adj_lemma.endswith("ý"):
            return adj_lemma[:-1] + ("á" if gender == "f" else "é")
        if adj_lemma.endswith("y"):
            return adj_lemma[:-1] + ("a" if gender == "f" else "e")
        if adj_lemma.endswith("í"):
            return adj_lemma[:-1] + ("ia" if gender == "f" else "ie")
        return adj_lemma
    if lang == "sl" and adj_lemma.endswith("i"):
        return adj_lemma[:-1] + ("a" if gender == "f" else "o")
    return adj_lemma


def _case_like(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:] if not like[:1].isupper() else word


def canonical_label(span: SpacySpan, lang: str, head_at=None) -> str:  # type: ignore[no-untyped-def]
    """Nominative form of an organisation name: head lemmatised, adjectives agreeing."""
    tokens = list(span)
    texts = [t.text for t in tokens]
    head = None
    if head_at is not None:
        for k, t in enumerate(tokens):
            hw = head_at(span.doc, t.i)
            if hw is not None and hw.cls != "M":
                head = k
                # in a two-word head ("Policijska postaja", "Straż Graniczna") the noun
                # is the word whose lemma is not an adjective's
                for j in range(k, min(k + hw.width, len(tokens))):
                    lemma = lemmatize(tokens[j].text, lang).lower()
                    if not lemma.endswith(ADJECTIVE_LEMMA_ENDINGS.get(lang, ("\0",))):
                        head = j
                        break
                break
    if head is None:
        head = 0 if lang in SLAVIC else None
    if head is not None and lang in SLAVIC:
        # the grammatical head is the first word that is not an adjective ("Krajské
        # veliteľstvo | polície", "Ravnateljstvo | policije"), even when the institutional
        # word of the table comes later
        for k in range(0, head):
            t = tokens[k]
            if not t.is_alpha or t.is_upper or t.lower_ in NAME_CONNECTORS:
                continue
            if head_at is not None:
                hw = head_at(span.doc, t.i)
                if hw is not None and hw.cls != "M" and hw.width == 1:
                    head = k
                    break
            if not _adjective_word(t.text, lang):
                head = k
                break
    if head is not None and lang in SLAVIC and tokens:
        head_tok = tokens[head]
        # the head and everything before it are in the name's case; the rest is genitive
        if lang == "pl":
            from ingest.lemmatize import _pl_agreement, nominative_pl

            head_lemma = lemmatize(head_tok.text, "pl")
            agreement = _pl_agreement(head_tok.text)
            number, gender = agreement if agreement else ("sg", None)
            out = []
            for k in range(0, head + 1):
                t = tokens[k]
                if t.is_alpha and not t.is_upper:
                    lemma = _pl_adjective_lemma(t.text) if k != head else head_lemma
                    out.append(nominative_pl(t.text, lemma, number, gender if k != head else None))
                else:
                    out.append(t.text)
            # adjectives directly after the head agree too ("Komenda Główna", "Urząd
            # Wojewódzki"), when they are in the head's case ("Stowarzyszenia Bezpieczny
            # Powrót" keeps its title as written)
            k = head + 1
            while (
                k < len(tokens)
                and _pl_is_adjective(tokens[k].text)
                and _pl_agree(tokens[k].text, head_tok.text)
                and _pl_has_gender(tokens[k].text, gender)
            ):
                lemma = lemmatize(tokens[k].text, "pl")
                out.append(nominative_pl(tokens[k].text, lemma, number, gender))
                k += 1
            texts = out + texts[k:]
        else:
            head_lemma = lemmatize(head_tok.text, lang)
            if folded(head_lemma) != folded(head_tok.text) and head_lemma.isalpha():
                gender = _gender_slavic(head_lemma, lang)
                out = []
                for k in range(0, head):
                    t = tokens[k]
                    if t.is_alpha and not t.is_upper:
                        lemma = _adjective_lemma(t.text, lang)
                        out.append(_case_like(_agree_slavic(lemma, gender, lang), t.text))
                    else:
                        out.append(t.text)
                out.append(_case_like(head_lemma, head_tok.text))
                texts = out + texts[head + 1 :]
    elif lang == "de" and tokens:
        out = []
        ending = _german_adjective_ending(tokens[head].text) if head is not None else "e"
        for k, t in enumerate(tokens):
            if head is not None and k < head and t.text.endswith("en") and t.text[:1].isupper():
                # "Bayerischen Staatsregierung" → "Bayerische …", "Christlichen
                # Jugenddorfwerk" → "Christliches …" (strong ending by the head's gender)
                out.append(t.text[:-2] + ending)
            elif head is not None and k == head:
                lemma = lemmatize(t.text, "de")
                out.append(lemma if lemma[:1].isupper() else t.text)
            else:
                out.append(t.text)
        texts = out
    label = ""
    for k, t in enumerate(tokens):
        label += texts[k] + (t.whitespace_ if k < len(tokens) - 1 else "")
    return label.strip(" ,-–")


_DE_FEMININE = (
    "ung",
    "ion",
    "ei",
    "schaft",
    "heit",
    "keit",
    "tät",
    "stelle",
    "anstalt",
    "kammer",
    "agentur",
    "regierung",
    "verwaltung",
    "schule",
    "akademie",
    "stiftung",
    "hilfe",
    "polizei",
    "gewerkschaft",
    "initiative",
    "organisation",
    "behörde",
    "direktion",
)
_DE_NEUTER = (
    "amt",
    "ministerium",
    "werk",
    "institut",
    "zentrum",
    "büro",
    "buro",
    "referat",
    "kolleg",
    "präsidium",
    "prasidium",
    "gericht",
    "netzwerk",
    "forum",
    "haus",
    "heim",
)


def _german_adjective_ending(head: str) -> str:
    """Nominative adjective ending before a German head noun without article."""
    low = head.lower()
    if low.endswith(_DE_FEMININE):
        return "e"
    if low.endswith(_DE_NEUTER):
        return "es"
    return "er"


@lru_cache(maxsize=50_000)
def _pl_agree(adjective: str, noun: str) -> bool:
    from ingest.lemmatize import _pl_readings

    def forms(word: str, kinds: set[str]) -> set[tuple[str, str]]:
        out = set()
        for _lemma, tag, _names in _pl_readings(word):
            parts = tag.split(":")
            if parts[0] in kinds and len(parts) >= 3:
                for number in parts[1].split("."):
                    for case in parts[2].split("."):
                        out.add((number, case))
        return out

    adj = forms(adjective, {"adj", "ppas", "pact"})
    nouns = forms(noun, {"subst", "ger"})
    return not adj or not nouns or bool(adj & nouns)


def _pl_number(word: str) -> str | None:
    """ "pl" when every noun reading of a Polish word is plural, "sg" when none is."""
    from ingest.lemmatize import _pl_readings

    numbers = {
        tag.split(":")[1]
        for _lemma, tag, _names in _pl_readings(word)
        if tag.startswith("subst:") and tag.count(":") >= 2
    }
    if not numbers:
        return None
    if numbers == {"pl"}:
        return "pl"
    return "sg" if "pl" not in numbers else None


def _pl_adjective_lemma(word: str) -> str:
    """The adjective reading's lemma ("Centralnym" → "centralny", not the noun
    "centralne"), else the word's lemma."""
    from ingest.lemmatize import _pl_readings

    for lemma, tag, _names in _pl_readings(word):
        if tag.startswith(("adj:", "ppas:", "pact:")):
            return lemma
    return lemmatize(word, "pl")


def _pl_has_gender(word: str, gender: str | None) -> bool:
    """An adjective reading of ``word`` in ``gender`` ("Otwartej" is feminine only)."""
    from ingest.lemmatize import _pl_readings

    if not gender:
        return True
    for _lemma, tag, _names in _pl_readings(word):
        parts = tag.split(":")
        if parts[0] in {"adj", "ppas", "pact"} and len(parts) >= 4:
            if gender in parts[3].split("."):
                return True
    return False


def _pl_is_adjective(word: str) -> bool:
    from ingest.lemmatize import _pl_readings

    return any(tag.startswith("adj:") for _lemma, tag, _names in _pl_readings(word))


@Language.factory(
    "praxis_organisations",
    requires=["token.norm", "doc.spans"],
    assigns=["doc.spans", "doc._.praxis_organisations"],
)
def make_organisations(nlp: Language, name: str) -> OrganisationRecogniser:
    return OrganisationRecogniser(nlp)
