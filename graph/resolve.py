"""Organisation identity: one IRI per real organisation.

How a mention becomes an IRI (deterministic: the IRI depends only on the mention, its
document's language and country hints, the authority file and the curation rules — never
on which documents were ingested before, so any ingest order gives the same IRIs):

1. **Curation pins** (``praxis orgs split``): a name pinned to an IRI always goes there.
2. **Authority file** (``ontology/authorities.ttl``): the mention's name keys (folded
   label, lemma key in the document language, folded surface forms) are looked up among
   every prefLabel/altLabel of every body, in all languages; then its acronyms (defined
   in the text, or a mention that *is* an acronym) among the bodies' ``pg:acronym``;
   then a fuzzy match (below). A candidate must have a compatible country (the mention's
   country, else the document's language/country hints; EU and international bodies fit
   everywhere); when several bodies still fit, the mention stays unresolved (precision
   first: "Ministry of Justice" in a text about CZ and NO matches neither).
3. Otherwise the IRI is minted from the mention's **lemma key** (content words
   lemmatised in the document language, diacritics folded, legal forms such as
   ``z. s.``/``GmbH`` dropped, "České republiky"/"ČR" written as one country token), so
   inflected forms of one name meet: ``id/org/<slug of the lemma key>``. A unit named
   after an authority body ("Biuro Prewencji KGP") is keyed on that body and gets it as
   parent; a national-type body whose name does not say its country ("Ministry of
   Interior") is qualified by the context's country (``ministry-interior--hu``).
4. **Merges** (``praxis orgs merge A B``) map A to B (``A owl:sameAs B`` in the curation
   graph); the old IRI stays an alias, so links and bookmarks do not break.

Matching keys and thresholds (documented here, tested in ``tests/graph/test_resolve.py``):

* ``name_key``: folded tokens without legal forms, country phrases as ``cz``/``pl``/…;
* ``lemma_key``: ``name_key`` with each content word lemmatised (``ingest.lemmatize``);
* ``acronym_key``: folded acronym without spaces (``VS ČR`` → ``vscr``);
* domains: ``vscr.cz`` from a web address or e-mail in a name or surface form;
* scoring: :func:`name_score` = rapidfuzz ``token_sort_ratio`` of two lemma keys (0–100);
  two names are **the same** when the score is at least :data:`AUTO_MERGE` (85) *and*
  every content word of one pairs with a word of the other (:func:`stems_compatible`):
  equal words, or a common prefix of at least 4 letters covering all but the last 3
  letters of the shorter word and 60 % of the longer one, or a one-letter typo in a
  long word (word ratio at least :data:`WORD_TYPO`, 88). "Krakowie"/"Szczecinie" and
  "Jihomoravského"/"Jihočeského" do not pair, so two regional police headquarters stay
  apart; a department never equals its ministry because its extra words do not pair.
  Pairs scoring at least :data:`POSSIBLE` (75) are shown to reviewers as possible
  duplicates. A defined acronym reaches an authority body only when the mention's name
  also scores at least :data:`POSSIBLE` against one of the body's names.
* blocking: candidates are only compared inside blocks keyed by the 4-letter stems of
  their two longest content words (and by acronym and domain keys), so the work grows with the
  number of mentions, not its square (``bench/resolve.py``: 100k mentions).

>>> name_key("Vězeňská služba České republiky")
'vezenska sluzba cz'
>>> lemma_key("Vězeňské služby ČR", "cs") == lemma_key("Vězeňská služba České republiky", "cs")
True
>>> acronym_key("VS ČR")
'vscr'
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from graph.store import GraphStore
from ingest.documents import Extraction, OrganisationMention
from ingest.lemmatize import is_known, lemmatize
from ingest.normalise import fold as fold_text
from ontology.namespaces import GRAPH, ID, ORG, OWL, PG, SKOS

MAX_SLUG = 80
#: rapidfuzz token_sort_ratio at or above which two stem-compatible names are one body
AUTO_MERGE = 85.0
#: score at or above which a pair is listed for reviewers as a possible duplicate
POSSIBLE = 75.0
#: rapidfuzz ratio at or above which two long words differing in spelling are one word
WORD_TYPO = 88.0
#: an acronym must have at least this many letters to match an authority body on its own
MIN_ACRONYM = 2

ORG_PREFIX = str(ID["org/"])
GRAPH_DOC = str(GRAPH["doc/"])

#: actor types of national bodies: a name without a country is qualified by the context's
NATIONAL_TYPES = frozenset(
    {
        "ministry",
        "police",
        "prison-service",
        "probation-service",
        "border-guard",
        "labour-office",
        "ombudsman",
        "government-agency",
        "court-prosecution",
    }
)
#: the languages a country's bodies name themselves in (display labels)
COUNTRY_LANGS = {
    "CZ": ("cs",),
    "PL": ("pl",),
    "SK": ("sk",),
    "SI": ("sl",),
    "DE": ("de",),
    "AT": ("de",),
    "NO": ("nb", "no", "nn"),
    "HU": ("hu",),
}
#: letters that betray the language a name is written in (for lemmatising it in that one)
LANG_LETTERS = {
    "cs": "ěřůťďň",
    "sk": "äôĺľŕťďň",
    "pl": "łąęśźżńó",
    "de": "äöüß",
    "sl": "",
}
SLAVIC_CARON = "čšž"
ACUTE = "áéíýú"
#: first words of organisational units (folded, as written and as lemma)
UNIT_HEADS = frozenset(
    """
    odbor odboru oddeleni sekce sekci utvar utvaru usek useku referat referatu kancelar
    kancelare reditelstvi oddil
    biuro biura wydzial wydzialu departament departamentu zespol zespolu sekcja sekcji
    oddzial oddzialu gabinet
    oddelenie odbore sekcia urad uradu
    sektor
    abteilung referat stabsstelle dezernat direktion
    department unit division directorate office bureau section secretariat
    """.split()
)
#: document language → the country a bare national name most likely belongs to
LANG_COUNTRY = {"cs": "CZ", "pl": "PL", "sk": "SK", "sl": "SI", "hu": "HU", "nb": "NO"}

CONNECTORS = frozenset(
    "a i und fur der des die den dem das v ve w we na pro za of the and for in pri pre z ze "
    "zur zum do dla im am s so vo u et de la le du on at by".split()
)
ARTICLES = frozenset("the der die das den dem des".split())
# folded token sequences dropped at the end of a name
LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    tuple(form.split())
    for form in (
        "spol s r o",
        "sp z o o",
        "s r o",
        "z o o",
        "o p s",
        "z s",
        "z u",
        "o s",
        "a s",
        "o z",
        "n o",
        "d o o",
        "d d",
        "e v",
        "ggmbh",
        "gmbh",
        "ag",
        "ltd",
        "inc",
        "zs",
        "ops",
        "zu",
        "sro",
        "ev",
    )
)
# folded country phrases written as one country token (longest first)
COUNTRY_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): code
    for phrase, code in (
        ("ceske republiky", "cz"),
        ("ceska republika", "cz"),
        ("ceske republice", "cz"),
        ("ceskou republikou", "cz"),
        ("ceskou republiku", "cz"),
        ("ceskej republiky", "cz"),
        ("czech republic", "cz"),
        ("cr", "cz"),
        ("slovenskej republiky", "sk"),
        ("slovenska republika", "sk"),
        ("slovenskou republikou", "sk"),
        ("slovak republic", "sk"),
        ("sr", "sk"),
        ("rzeczypospolitej polskiej", "pl"),
        ("rzeczpospolita polska", "pl"),
        ("republic of poland", "pl"),
        ("rp", "pl"),
        ("republike slovenije", "si"),
        ("republika slovenija", "si"),
        ("republic of slovenia", "si"),
        ("bundesrepublik deutschland", "de"),
        ("republik osterreich", "at"),
    )
}
_MAX_PHRASE = max(len(p) for p in COUNTRY_PHRASES)
COUNTRY_TOKENS = frozenset(COUNTRY_PHRASES.values())
_WORD = re.compile(r"[^\W_]+")
_DOMAIN = re.compile(
    r"(?:https?://|www\.|@)?((?:[a-z0-9-]+\.)+(?:cz|pl|sk|si|de|at|no|eu|org|com|net|int|hu))\b"
)

#: actor types that may describe the same body (extraction sometimes picks a neighbour)
TYPE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "ministry",
            "government-agency",
            "regional-government",
            "advisory-body",
            "labour-office",
            "ombudsman",
            "local-government-association",
        }
    ),
    frozenset({"police", "municipal-police", "border-guard", "university-research", "school"}),
    frozenset({"prison-service", "probation-service", "court-prosecution"}),
    frozenset({"international-organisation", "eu-body", "government-agency"}),
    frozenset({"ngo", "social-services", "social-enterprise", "religious-organisation"}),
)


# ---------------------------------------------------------------------------- keys
fold = lru_cache(maxsize=500_000)(fold_text)


@lru_cache(maxsize=200_000)
def _analyse(label: str) -> tuple[tuple[str, str], ...]:
    """``(original word, folded word)`` pairs; country phrases as a country token."""
    words = _WORD.findall(label)
    pairs = [(w, fold(w)) for w in words]
    pairs = [(w, f) for w, f in pairs if f]
    out: list[tuple[str, str]] = []
    i = 0
    folded = [f for _w, f in pairs]
    while i < len(pairs):
        for width in range(min(_MAX_PHRASE, len(pairs) - i), 0, -1):
            code = COUNTRY_PHRASES.get(tuple(folded[i : i + width]))
            # "SR"/"ČR"/"RP" only as country markers when written in capitals
            if code and (width > 1 or pairs[i][0].isupper()):
                out.append((code.upper(), code))
                i += width
                break
        else:
            out.append(pairs[i])
            i += 1
    # leading articles ("the Czech Prison Service", "der Bundesagentur")
    while len(out) > 1 and out[0][1] in ARTICLES:
        out = out[1:]
    # legal forms at the end
    changed = True
    while changed and out:
        changed = False
        tail = tuple(f for _w, f in out)
        for form in LEGAL_FORMS:
            if len(tail) > len(form) and tail[-len(form) :] == form:
                out = out[: -len(form)]
                changed = True
                break
    return tuple(out)


def name_key(label: str) -> str:
    """Folded words of a name, legal form dropped, country phrases as one token.

    >>> name_key("Nadace Vemeno, z. s.")
    'nadace vemeno'
    """
    return " ".join(f for _w, f in _analyse(label))


@lru_cache(maxsize=200_000)
def lemma_key(label: str, lang: str | None) -> str:
    """Content words lemmatised in ``lang`` and folded (connectors dropped).

    >>> lemma_key("Komendy Wojewódzkiej Policji w Krakowie", "pl")
    'komenda wojewodzki policja krak'
    """
    return " ".join(lemma for _word, lemma in lemma_tokens(label, lang))


@lru_cache(maxsize=200_000)
def lemma_tokens(label: str, lang: str | None) -> tuple[tuple[str, str], ...]:
    """``(original word, folded lemma)`` of the content words of a name."""
    out: list[tuple[str, str]] = []
    for word, folded in _analyse(label):
        if folded in CONNECTORS:
            continue
        if folded in COUNTRY_TOKENS and word.isupper():
            out.append((word, folded))
            continue
        if lang and not word.isupper():
            lemma = fold(lemmatize(word, lang)) or folded
        else:
            lemma = folded
        out.append((word, lemma))
    return tuple(out)


def name_country(label: str) -> str | None:
    """The country a name spells out ("… České republiky", "… ČR") as ISO code, if any.

    >>> name_country("Probačná a mediačná služba Českej republiky")
    'CZ'
    """
    for word, folded in _analyse(label):
        if folded in COUNTRY_TOKENS and word.isupper():
            return folded.upper()
    return None


def name_langs(text: str) -> set[str]:
    """Languages a name may be written in, judged by its letters (plain ASCII: en).

    >>> sorted(name_langs("Krajského ředitelství policie"))
    ['cs']
    >>> sorted(name_langs("Służba Więzienna"))
    ['pl']
    """
    letters = set(text.lower())
    out = {lang for lang, marks in LANG_LETTERS.items() if marks and letters & set(marks)}
    if not out and letters & set(SLAVIC_CARON):
        out = {"cs", "sk", "sl"}
    if not out and letters & set(ACUTE):
        out = {"cs", "sk"}
    return out or {"en"}


#: languages a name can be lemmatised in (the extraction languages)
NAME_LANGS = ("cs", "de", "en", "pl", "sk", "sl")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=100_000)
def name_language(label: str, lang: str | None) -> str | None:
    """The language to key a name in: the document's, unless another language's dictionary
    knows more of the name's words — a Polish foundation named in an English or Czech
    text is keyed as in a Polish one, so both mentions get one IRI.

    >>> name_language("Fundacja Po Drugiej Stronie Muru", "en")
    'pl'
    >>> name_language("Věznice Horní Lhota", "pl"), name_language("Verein Neuland", "de")
    ('cs', 'de')
    >>> name_language("Reintegration Europe Network", "cs")
    'cs'
    """
    words = [w for w in _NAME_WORD.findall(label) if not w.isupper()]
    if not words:
        return lang

    def known(language: str) -> int:
        return sum(is_known(w, language) for w in words)

    if lang in NAME_LANGS and known(lang) == len(words):
        return lang  # no language can know more (the common case: a name in its own text)
    counts = {language: known(language) for language in NAME_LANGS}
    top = max(counts.values())
    leaders = [language for language, n in counts.items() if n == top]
    # only one language that knows more than the document's: an English name known to
    # German too ("Reintegration Europe Network") stays in the document's language
    if len(leaders) == 1 and top > counts.get(lang or "", -1):
        return leaders[0]
    return lang


def national_qualifier(
    mention: OrganisationMention, lang: str | None, hints: set[str], named: str | None
) -> str | None:
    """Country qualifier for the minted key of a national-type body whose name does not say
    its country ("Ministry of Interior" in a text about Hungary is not the one in a text
    about Lithuania): the mention's country, else the document language's, else the
    document's countries. None for other types or names that spell out their country.

    >>> m = OrganisationMention("Ministry of Interior", "ministry", [])
    >>> national_qualifier(m, "en", {"NO", "HU"}, None)
    'hu-no'
    >>> national_qualifier(m, "de", {"CZ", "DE", "PL"}, None)
    'de'
    """
    if mention.actor_type not in NATIONAL_TYPES or named:
        return None
    country = mention.country or LANG_COUNTRY.get(lang or "")
    if country:
        return country.lower()
    # a German name in a text about CZ, DE and PL: the one hinted country speaking German
    speakers = {c for c, langs in COUNTRY_LANGS.items() if lang in langs} & hints
    if len(speakers) == 1:
        return speakers.pop().lower()
    return "-".join(sorted(h.lower() for h in hints)) or None


def acronym_key(text: str) -> str:
    """Folded acronym without spaces or dots.

    >>> acronym_key("MV ČR")
    'mvcr'
    """
    return "".join(fold(text).split())


@lru_cache(maxsize=200_000)
def looks_like_acronym(text: str) -> bool:
    """``VS ČR``, ``KGP``, ``MŠMT``: 2–10 letters, (nearly) all capitals.

    >>> looks_like_acronym("VS ČR"), looks_like_acronym("Policie")
    (True, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    uppers = sum(ch.isupper() for ch in letters)
    return (
        MIN_ACRONYM <= len(letters) <= 10
        and uppers >= 2
        and uppers >= len(letters) - 1
        and len(text) <= 14
    )


def domains_in(text: str) -> set[str]:
    """Web/e-mail domains named in a text (``www.vscr.cz`` → ``vscr.cz``)."""
    out = set()
    for match in _DOMAIN.finditer(text.lower()):
        domain = match.group(1)
        out.add(domain[4:] if domain.startswith("www.") else domain)
    return out


def slug(key: str) -> str:
    """The IRI path segment of a key (long keys shortened with a digest)."""
    text = key.replace(" ", "-")
    if len(text) > MAX_SLUG:
        digest = hashlib.sha1(text.encode()).hexdigest()[:10]
        text = text[: MAX_SLUG - 11].rstrip("-") + "-" + digest
    return text


def organisation_key(label: str, lang: str | None = None) -> str:
    """The minted key of a name: slug of its lemma key (``lang``) or of its name key.

    >>> organisation_key("Ministerstvo vnitra ČR")
    'ministerstvo-vnitra-cz'
    """
    key = (lemma_key(label, lang) if lang else "") or name_key(label)
    if key:
        return slug(key)
    return hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def org_iri(key: str) -> str:
    """The IRI of a key (a key that is already an IRI — a curated target — stays as is)."""
    return key if "://" in key else ORG_PREFIX + key


def iri_key(iri: str) -> str:
    return iri.removeprefix(ORG_PREFIX)


# ---------------------------------------------------------------------------- scoring
def tokens_pair(a: str, b: str) -> bool:
    """Two folded words share a stem (equal, or a long common prefix)."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n >= 4 and n >= min(len(a), len(b)) - 3 and n >= 0.6 * max(len(a), len(b)):
        return True
    # a typo inside a long word ("Vemmeno"/"Vemeno")
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= WORD_TYPO


def stems_compatible(a: str, b: str) -> bool:
    """Every word of key ``a`` pairs with a distinct word of ``b`` and vice versa.

    >>> stems_compatible("komenda wojewodzka policji krakowie", "komenda wojewodzka policja krakow")
    True
    >>> stems_compatible("komenda wojewodzki policja krak", "komenda wojewodzki policja szczecina")
    False
    """
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or not ta:
        return False
    free = list(tb)
    for word in ta:
        for i, other in enumerate(free):
            if tokens_pair(word, other):
                del free[i]
                break
        else:
            return False
    return True


def name_score(a: str, b: str) -> float:
    """rapidfuzz ``token_sort_ratio`` of two keys, 0–100."""
    return float(fuzz.token_sort_ratio(a, b))


def same_name(a: str, b: str) -> bool:
    """The decision rule for two lemma keys: equal, or ≥ AUTO_MERGE and stem-compatible."""
    return a == b or (name_score(a, b) >= AUTO_MERGE and stems_compatible(a, b))


def types_compatible(a: str | None, b: Iterable[str]) -> bool:
    others = set(b)
    if not a or not others or a in others:
        return True
    return any(a in group and others & group for group in TYPE_GROUPS)


def _block_keys(key: str) -> list[str]:
    """Blocking keys of a lemma key: the 4-letter stems of its two longest words."""
    words = sorted({w for w in key.split() if w not in COUNTRY_TOKENS}, key=lambda w: (-len(w), w))
    return [w[:4] for w in words[:2]] or [key[:4]]


# ---------------------------------------------------------------------------- authority
@dataclass
class Body:
    """One organisation of the authority file."""

    iri: str
    labels: list[tuple[str, str]] = field(default_factory=list)  # (label, lang)
    pref_labels: dict[str, str] = field(default_factory=dict)
    acronyms: list[str] = field(default_factory=list)
    country: str | None = None
    actor_types: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    parent: str | None = None
    same_as: list[str] = field(default_factory=list)

    def label(self, lang: str = "en") -> str:
        return self.pref_labels.get(lang) or self.pref_labels.get("en") or iri_key(self.iri)


class AuthorityIndex:
    """Lookup of authority bodies by name, lemma, acronym and domain keys."""

    def __init__(self, bodies: Iterable[Body]) -> None:
        self.bodies: dict[str, Body] = {b.iri: b for b in bodies}
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.by_acronym: dict[str, set[str]] = defaultdict(set)
        self.by_domain: dict[str, set[str]] = defaultdict(set)
        for body in self.bodies.values():
            for label, _lang in body.labels:
                self.by_name[name_key(label)].add(body.iri)
            for acronym in body.acronyms:
                self.by_acronym[acronym_key(acronym)].add(body.iri)
            for domain in body.domains:
                self.by_domain[domain].add(body.iri)
        self._by_lemma: dict[str, dict[str, set[str]]] = {}
        self._native: dict[str, dict[str, set[str]]] = {}
        self._blocks: dict[str, dict[str, list[tuple[str, str]]]] = {}

    def lemma_index(self, lang: str) -> dict[str, set[str]]:
        """``{lemma key in lang: bodies}`` over all labels (built once per language)."""
        if lang not in self._by_lemma:
            index: dict[str, set[str]] = defaultdict(set)
            blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for body in self.bodies.values():
                for label, _label_lang in body.labels:
                    for key in {lemma_key(label, lang), name_key(label)}:
                        index[key].add(body.iri)
                        for block in _block_keys(key):
                            blocks[block].append((key, body.iri))
            self._by_lemma[lang] = index
            self._blocks[lang] = blocks
        return self._by_lemma[lang]

    def native_index(self, lang: str) -> dict[str, set[str]]:
        """``{lemma key: bodies}`` over the labels written in ``lang``, lemmatised in it."""
        if lang not in self._native:  # per language: only its lemmatiser is loaded
            native: dict[str, set[str]] = defaultdict(set)
            for body in self.bodies.values():
                for label, label_lang in body.labels:
                    if label_lang == lang:
                        native[lemma_key(label, lang)].add(body.iri)
            self._native[lang] = native
        return self._native[lang]

    def fuzzy(self, key: str, lang: str) -> set[str]:
        """Bodies with a label that is :func:`same_name` as ``key``."""
        self.lemma_index(lang)
        found: set[str] = set()
        for block in _block_keys(key):
            for other, iri in self._blocks[lang].get(block, ()):
                if iri not in found and same_name(key, other):
                    found.add(iri)
        return found


@cache
def authority_index() -> AuthorityIndex:
    """The authority file as an index (read once per process)."""
    from rdflib import Graph

    from ontology import ontology_dir

    g = Graph()
    path = ontology_dir() / "authorities.ttl"
    if path.exists():
        g.parse(path, format="turtle")
    bodies: dict[str, Body] = {}
    for subject in g.subjects(None, PG.Organisation):
        iri = str(subject)
        if not iri.startswith(ORG_PREFIX):
            continue
        body = bodies.setdefault(iri, Body(iri))
        for lit in g.objects(subject, SKOS.prefLabel):
            lang = getattr(lit, "language", None) or ""
            body.labels.append((str(lit), lang))
            body.pref_labels.setdefault(lang, str(lit))
        for lit in g.objects(subject, SKOS.altLabel):
            body.labels.append((str(lit), getattr(lit, "language", None) or ""))
        body.acronyms = sorted(str(a) for a in g.objects(subject, PG.acronym))
        countries = sorted(str(c) for c in g.objects(subject, PG.country))
        body.country = countries[0] if countries else None
        body.actor_types = {str(t).rsplit("/", 1)[-1] for t in g.objects(subject, PG.actorType)}
        body.domains = {str(d).lower() for d in g.objects(subject, PG.domain)}
        parents = sorted(str(p) for p in g.objects(subject, ORG.subOrganizationOf))
        body.parent = parents[0] if parents else None
        body.same_as = sorted(str(s) for s in g.objects(subject, OWL.sameAs))
        body.labels.sort()
    return AuthorityIndex(bodies[k] for k in sorted(bodies))


# ---------------------------------------------------------------------------- curation rules
@dataclass
class Curation:
    """Reviewer decisions that every ingest applies (kept in the curation graph)."""

    aliases: dict[str, str] = field(default_factory=dict)  # merged IRI → surviving IRI
    pins: dict[str, str] = field(default_factory=dict)  # name key → IRI (from splits)
    renames: dict[str, str] = field(default_factory=dict)  # IRI → display label
    parents: dict[str, str] = field(default_factory=dict)  # IRI → parent IRI

    def canonical(self, iri: str) -> str:
        """Follow merges to the surviving IRI (cycles stop where they close)."""
        seen = {iri}
        while iri in self.aliases:
            nxt = self.aliases[iri]
            if nxt in seen:
                break
            seen.add(nxt)
            iri = nxt
        return iri


# ---------------------------------------------------------------------------- resolver
@dataclass(frozen=True)
class Resolution:
    """Where a mention resolved to and why."""

    iri: str
    via: str  # pin | authority-name | -acronym | -domain | -fuzzy | unit | name
    body: str | None = None  # the authority body IRI, when one matched


def _mention_names(mention: OrganisationMention) -> list[str]:
    names = [mention.label]
    names.extend(s for s in mention.surface_forms if s not in names)
    return names


def country_hints(extraction: Extraction) -> set[str]:
    """Countries a document is about: its language's country and the countries it names."""
    hints = {code for code, _span, _extractor in extraction.countries}
    lang_country = LANG_COUNTRY.get(extraction.document.lang)
    if lang_country:
        hints.add(lang_country)
    return hints


class Resolver:
    """Resolve organisation mentions to IRIs (see the module docstring for the rules)."""

    def __init__(
        self, authority: AuthorityIndex | None = None, curation: Curation | None = None
    ) -> None:
        self.authority = authority if authority is not None else authority_index()
        self.curation = curation or Curation()
        #: minted unit keys → the authority body their name ends with
        self.unit_parents: dict[str, str] = {}

    # -- authority
    def _choose(
        self,
        candidates: set[str],
        country: str | None,
        hints: set[str],
        lang: str | None,
        actor_type: str | None,
        strict: bool,
        check_type: bool | None = None,
    ) -> str | None:
        """The one candidate that fits the country; ``strict``: its country must be among the
        hints; ``check_type`` (default: ``strict``): its type must fit the mention's."""
        bodies = [self.authority.bodies[c] for c in sorted(candidates)]
        if strict if check_type is None else check_type:
            bodies = [b for b in bodies if types_compatible(actor_type, b.actor_types)]
        if country:
            bodies = [b for b in bodies if b.country in (None, country)]
        if len(bodies) > 1 or (strict and bodies):
            hinted = [b for b in bodies if b.country is None or b.country in hints]
            if strict or hinted:
                bodies = hinted
        if len(bodies) > 1 and lang in LANG_COUNTRY:
            native = [b for b in bodies if b.country == LANG_COUNTRY[lang]]
            bodies = native or bodies
        if len(bodies) > 1:
            national = [b for b in bodies if b.country]
            if len(national) == 1 and country:
                bodies = national
        return bodies[0].iri if len(bodies) == 1 else None

    def _name_evidence(self, key: str, body_iri: str, lang: str) -> bool:
        """The mention's lemma key scores at least POSSIBLE against one of the body's names."""
        body = self.authority.bodies[body_iri]
        return any(
            name_score(key, lemma_key(label, lang)) >= POSSIBLE for label, _lang in body.labels
        )

    def authority_match(
        self, mention: OrganisationMention, lang: str | None, hints: set[str]
    ) -> tuple[str, str] | None:
        """``(body IRI, via)`` of the authority body a mention names, if exactly one fits."""
        index = self.authority
        names = _mention_names(mention)
        country = mention.country
        # 1. names (folded, and lemma keys in the document language)
        candidates: set[str] = set()
        for name in names:
            candidates |= index.by_name.get(name_key(name), set())
            if lang:
                candidates |= index.lemma_index(lang).get(lemma_key(name, lang), set())
        if not candidates:
            # a name in another language, inflected the way that language does
            # ("Krajského ředitelství policie …" in a Polish text)
            for other in sorted(name_langs(" ".join(names))):
                if other != lang:
                    for name in names:
                        key = lemma_key(name, other)
                        candidates |= index.native_index(other).get(key, set())
        if candidates:
            found = self._choose(candidates, country, hints, lang, mention.actor_type, False)
            if found:
                return found, "authority-name"
        # 2. acronyms (defined in the text, or the mention is an acronym)
        acronyms = [mention.acronym] if mention.acronym else []
        acronyms += [n for n in names if looks_like_acronym(n)]
        for acronym in acronyms:
            candidates = index.by_acronym.get(acronym_key(acronym), set())
            if candidates and not looks_like_acronym(mention.label) and lang:
                # a defined acronym needs a name that resembles the body's names too
                key = lemma_key(mention.label, lang)
                candidates = {c for c in candidates if self._name_evidence(key, c, lang)}
            if candidates:
                found = self._choose(candidates, country, hints, lang, mention.actor_type, True)
                if found:
                    return found, "authority-acronym"
        # 3. web or e-mail domains
        for name in names:
            for domain in domains_in(name):
                candidates = index.by_domain.get(domain, set())
                found = self._choose(candidates, country, hints, lang, mention.actor_type, False)
                if found:
                    return found, "authority-domain"
        # 4. fuzzy: residual inflection the lemmatiser missed
        if lang:
            candidates = set()
            for name in names:
                if not looks_like_acronym(name):
                    candidates |= index.fuzzy(lemma_key(name, lang), lang)
            if candidates:
                # the stems already agree; the extracted type is too noisy to veto
                found = self._choose(
                    candidates, country, hints, lang, mention.actor_type, True, check_type=False
                )
                if found:
                    return found, "authority-fuzzy"
        return None

    # -- the whole rule chain
    def resolve(
        self,
        mention: OrganisationMention,
        lang: str | None = None,
        hints: Iterable[str] = (),
    ) -> Resolution:
        hint_set = set(hints)
        if lang in LANG_COUNTRY:
            hint_set.add(LANG_COUNTRY[lang])
        if mention.country:
            hint_set.add(mention.country)
        named = name_country(mention.label)
        if named:
            hint_set.add(named)
        for name in _mention_names(mention)[:1]:
            pinned = self.curation.pins.get(name_key(name))
            if pinned:
                return Resolution(self.curation.canonical(pinned), "pin")
        matched = self.authority_match(mention, lang, hint_set)
        if matched:
            body, via = matched
            return Resolution(self.curation.canonical(body), via, body)
        unit = self.unit_of(mention.label, lang, hint_set, mention.country)
        if unit:
            prefix, body = unit
            key = slug(prefix + " " + iri_key(body))
            self.unit_parents[key] = self.curation.canonical(body)
            return Resolution(self.curation.canonical(org_iri(key)), "unit", body)
        key_lang = name_language(mention.label, lang)
        key = organisation_key(mention.label, key_lang)
        qualifier = national_qualifier(mention, key_lang, set(hints), named)
        if qualifier:
            key = slug(key + "--" + qualifier)
        return Resolution(self.curation.canonical(org_iri(key)), "name")

    def unit_of(
        self, label: str, lang: str | None, hints: set[str], country: str | None
    ) -> tuple[str, str] | None:
        """``(lemma key of the unit words, body IRI)`` when a name ends with an authority body,
        written out or as its acronym: "Biuro Prewencji KGP" and "Biuro Prewencji Komendy
        Głównej Policji" are both the prevention bureau of ``pl-police-headquarters``."""
        tokens = lemma_tokens(label, lang)
        if len(tokens) < 2 or fold(tokens[0][0]) not in UNIT_HEADS:
            return None
        index = self.authority
        for i in range(1, len(tokens)):
            suffix = tokens[i:]
            words = [w for w, lemma in suffix if not (lemma in COUNTRY_TOKENS and w.isupper())]
            marked = [
                lemma.upper() for w, lemma in suffix if lemma in COUNTRY_TOKENS and w.isupper()
            ]
            here = marked[0] if marked else country
            if words and len(words) <= 2 and all(looks_like_acronym(w) for w in words):
                candidates = index.by_acronym.get(acronym_key("".join(words)), set())
            elif lang:
                key = " ".join(lemma for _w, lemma in suffix)
                candidates = index.lemma_index(lang).get(key, set())
            else:
                candidates = set()
            if candidates:
                found = self._choose(candidates, here, hints, lang, None, False)
                if found:
                    return " ".join(lemma for _w, lemma in tokens[:i]), found
        return None

    def resolve_label(
        self, label: str, lang: str | None = None, hints: Iterable[str] = ()
    ) -> Resolution:
        return self.resolve(OrganisationMention(label, None, []), lang, hints)

    def resolve_extraction(self, extraction: Extraction) -> dict[int, Resolution]:
        """Set ``mention.key`` on every organisation of an extraction; ``{index: Resolution}``."""
        lang = extraction.document.lang if extraction.document.lang != "und" else None
        hints = country_hints(extraction)
        out: dict[int, Resolution] = {}
        mentions: list[OrganisationMention] = []
        for mention in extraction.organisations:
            mentions.append(mention)
            mentions.extend(self.split_foreign_surfaces(mention, lang, hints))
        for index, mention in enumerate(mentions):
            resolution = self.resolve(mention, lang, hints)
            mention.key = iri_key(resolution.iri)
            out[index] = resolution
        extraction.organisations = merge_same_key(mentions)
        for part in getattr(extraction, "parts", None) or []:  # records of a structured file
            self.resolve_extraction(part)
        return out

    def split_foreign_surfaces(
        self, mention: OrganisationMention, lang: str | None, hints: set[str]
    ) -> list[OrganisationMention]:
        """Surface forms that name another organisation, moved to mentions of their own.

        A surface is foreign when it has content words that pair with none of the label's,
        resolves on its own to another IRI, and either that IRI is an authority body (or a
        unit of one), or the label is one and the surface shares a word with it ("Městská
        policie České Budějovice" folded into "Policie České republiky"). Inflected forms,
        acronyms and in-text translations of a minted name ("Fundacja Sławek" / "Slawek
        Foundation") are never foreign. The mention keeps its other spans.
        """
        own = self.resolve(mention, lang, hints)
        label_words = [w for w in lemma_key(mention.label, lang).split() if w]
        keep, moved = [], defaultdict(list)
        for span in mention.spans:
            text = span.text
            if text == mention.label or looks_like_acronym(text):
                keep.append(span)
                continue
            words = [w for w in lemma_key(text, lang).split() if w not in COUNTRY_TOKENS]
            extra = [w for w in words if not any(tokens_pair(w, x) for x in label_words)]
            foreign = False
            if extra:
                alone = self.resolve_label(text, lang, hints)
                shared = len(extra) < len(words)
                foreign = alone.iri != own.iri and (
                    alone.via != "name" or (own.via != "name" and shared)
                )
            if foreign:
                moved[lemma_key(text, lang)].append(span)
            else:
                keep.append(span)
        if not moved or not keep:
            return []
        mention.spans = keep
        return [
            OrganisationMention(
                spans[0].text,
                mention.actor_type,
                spans,
                role=mention.role,
                extractor=mention.extractor,
                confidence=mention.confidence,
            )
            for _key, spans in sorted(moved.items())
        ]

    def parent_iri(self, mention: OrganisationMention, lang: str | None = None) -> str | None:
        """IRI of a unit's parent: from the mention's ``parent`` label, else the authority."""
        if mention.parent:
            hints = {mention.country} if mention.country else set()
            return self.resolve_label(mention.parent, lang, hints).iri
        if mention.key:
            return self.unit_parents.get(mention.key)
        return None


def merge_same_key(mentions: list[OrganisationMention]) -> list[OrganisationMention]:
    """One mention per resolved key in a document: spans joined, strongest role kept.

    ("Vězeňská služba ČR" and "VS ČR" found separately are one organisation.)
    """
    from ontology import ROLE_STRENGTH

    out: dict[str | None, OrganisationMention] = {}
    for mention in mentions:
        kept = out.get(mention.key) if mention.key else None
        if kept is None:
            out[mention.key or f"#{len(out)}"] = mention
            continue
        seen = {(s.start, s.end) for s in kept.spans}
        kept.spans.extend(s for s in mention.spans if (s.start, s.end) not in seen)
        if ROLE_STRENGTH.get(mention.role, 99) < ROLE_STRENGTH.get(kept.role, 99):
            kept.role = mention.role
        kept.acronym = kept.acronym or mention.acronym
        kept.actor_type = kept.actor_type or mention.actor_type
        kept.country = kept.country or mention.country
        kept.parent = kept.parent or mention.parent
        kept.confidence = max(kept.confidence, mention.confidence)
    return list(out.values())


@cache
def default_resolver() -> Resolver:
    """Authority file only, no curation (used when nothing set ``mention.key``)."""
    return Resolver()


def organisation_iri(mention: OrganisationMention) -> str:
    """The IRI of a mention: its resolved key, else the authority/name rules without curation."""
    if mention.key:
        return org_iri(mention.key)
    return default_resolver().resolve(mention).iri


#: the resolver of the extraction being written (carries the store's curation rules)
_current: list[Resolver] = []


def parent_iri(mention: OrganisationMention, lang: str | None = None) -> str | None:
    """The IRI ``org:subOrganizationOf`` points to for a unit mention (None when no parent)."""
    resolver = _current[-1] if _current else default_resolver()
    return resolver.parent_iri(mention, lang)


def set_current_resolver(resolver: Resolver) -> None:
    """Make ``resolver`` the one :func:`parent_iri` asks (the extraction being written)."""
    _current[:] = [resolver]


def resolve_extraction(
    extraction: Extraction, store: object | None = None, curation: Curation | None = None
) -> Resolver:
    """Resolve every organisation of an extraction (authority + curation rules).

    The curation rules are ``curation`` when given (ingest loads them once per run), else
    the store's. Called by ingest before the RDF is written; sets ``mention.key`` so that
    :func:`organisation_iri` returns the resolved IRI, and makes the resolver the current
    one for :func:`parent_iri`, which it returns.
    """
    if curation is None:
        from graph.curation import load_curation

        curation = load_curation(store) if store is not None else Curation()
    resolver = Resolver(curation=curation)
    set_current_resolver(resolver)
    resolver.resolve_extraction(extraction)
    return resolver


# ---------------------------------------------------------------------------- batch clustering
@dataclass(frozen=True)
class MentionRecord:
    """A mention for batch resolution: what ingest knows about it."""

    label: str
    lang: str | None = None
    country: str | None = None
    actor_type: str | None = None
    acronym: str | None = None
    domain: str | None = None
    surfaces: tuple[str, ...] = ()


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_records(
    records: Sequence[MentionRecord],
    resolver: Resolver | None = None,
    max_block: int = 200,
) -> list[str]:
    """Resolve a batch of mentions to IRIs, merging non-authority names across records.

    Authority matches and pins decide first. The rest are grouped by lemma key and domain
    (exact keys); a mention that is only an acronym joins the single organisation of its
    country that defined that acronym; then by :func:`same_name` inside blocks
    (:func:`_block_keys`; blocks above ``max_block`` distinct keys are compared only
    among equal-length keys, which keeps the work linear for very common words). Each
    cluster gets the smallest minted IRI of its members — a function of the set, not of
    the order, so shuffling ``records`` gives the same IRIs.
    """
    resolver = resolver or default_resolver()
    n = len(records)
    iris: list[str] = [""] * n
    fixed: list[bool] = [False] * n
    keys: list[str] = [""] * n
    cache_: dict[tuple[object, ...], Resolution] = {}
    for i, r in enumerate(records):
        ck = (r.label, r.lang, r.country, r.actor_type, r.acronym, r.domain, r.surfaces)
        res = cache_.get(ck)
        if res is None:
            spans = []
            from ingest.documents import Span

            for s in r.surfaces:
                spans.append(Span(0, 0, s))
            if r.domain:
                spans.append(Span(0, 0, r.domain))
            mention = OrganisationMention(
                r.label, r.actor_type, spans, acronym=r.acronym, country=r.country
            )
            hints = {r.country} if r.country else set()
            res = cache_[ck] = resolver.resolve(mention, r.lang, hints)
        iris[i] = res.iri
        fixed[i] = res.via != "name"
        keys[i] = lemma_key(r.label, r.lang)
    uf = _UnionFind(n)
    # exact keys: lemma key, domain
    first: dict[tuple[str, str], int] = {}
    for i, r in enumerate(records):
        if fixed[i]:
            continue
        exact = [("k", keys[i])]
        if r.domain:
            exact.append(("d", r.domain.lower()))
        for item in exact:
            j = first.setdefault(item, i)
            if j != i:
                uf.union(i, j)
    # a mention that is only an acronym joins the one organisation (same country) that
    # defined it; two organisations defining the same acronym make it ambiguous
    defined: dict[str, set[str]] = defaultdict(set)
    holder: dict[str, int] = {}
    for i, r in enumerate(records):
        if not fixed[i] and r.acronym and not looks_like_acronym(r.label):
            item = acronym_key(r.acronym) + "|" + (r.country or "")
            defined[item].add(keys[i])
            holder.setdefault(item, i)
    for i, r in enumerate(records):
        if fixed[i] or not looks_like_acronym(r.label):
            continue
        item = acronym_key(r.label) + "|" + (r.country or "")
        if len(defined.get(item, ())) == 1:
            uf.union(i, holder[item])
    # fuzzy inside blocks over distinct keys
    distinct: dict[str, int] = {}
    for i in range(n):
        if not fixed[i]:
            distinct.setdefault(keys[i], i)
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(distinct):
        for block in _block_keys(key):
            blocks[block].append(key)
    for members in blocks.values():
        if len(members) < 2:
            continue
        groups: list[list[str]]
        if len(members) > max_block:
            by_len: dict[int, list[str]] = defaultdict(list)
            for key in members:
                by_len[len(key.split())].append(key)
            groups = list(by_len.values())
        else:
            groups = [members]
        for group in groups:
            if len(group) < 2:
                continue
            if len(group) > max_block:
                group = sorted(group)
                windows = [group[k : k + max_block] for k in range(0, len(group), max_block // 2)]
            else:
                windows = [group]
            for window in windows:
                _fuzzy_union(window, distinct, uf)
    # canonical IRI per cluster: smallest minted IRI of its members
    best: dict[int, str] = {}
    for i in range(n):
        if fixed[i]:
            continue
        root = uf.find(i)
        if root not in best or iris[i] < best[root]:
            best[root] = iris[i]
    return [iris[i] if fixed[i] else best[uf.find(i)] for i in range(n)]


def _fuzzy_union(keys: list[str], distinct: Mapping[str, int], uf: _UnionFind) -> None:
    from rapidfuzz import process

    if len(keys) < 2:
        return
    scores = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=AUTO_MERGE)
    for a in range(len(keys)):
        for b in scores[a, a + 1 :].nonzero()[0]:
            other = keys[a + 1 + int(b)]
            if stems_compatible(keys[a], other):
                uf.union(distinct[keys[a]], distinct[other])


def clusters_of(iris: Sequence[str]) -> list[list[int]]:
    """Indices grouped by IRI (for scoring)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, iri in enumerate(iris):
        groups[iri].append(i)
    return list(groups.values())


def pairwise_scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering against gold cluster ids."""
    pred_pairs = _pairs(predicted)
    gold_pairs = _pairs(gold)
    tp = len(pred_pairs & gold_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": len(pred_pairs) - tp,
        "fn": len(gold_pairs) - tp,
    }


def _pairs(labels: Sequence[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    out: set[tuple[int, int]] = set()
    for members in groups.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                out.add((members[a], members[b]))
    return out


# ---------------------------------------------------------------------------- store views
def _store_curation(store: GraphStore) -> Curation:
    from graph.curation import load_curation

    return load_curation(store)


@dataclass
class OrganisationFacts:
    """What the document graphs say about one organisation IRI."""

    iri: str
    pref: Counter[str] = field(default_factory=Counter)  # prefLabel → number of documents
    names: dict[str, set[str]] = field(default_factory=dict)  # name → files
    langs: dict[str, str] = field(default_factory=dict)  # name → document language
    acronyms: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def organisation_facts(store: GraphStore, org: str | None = None) -> dict[str, OrganisationFacts]:
    """``{IRI: facts}`` for every organisation in the document graphs (or just ``org``)."""
    from pyoxigraph import NamedNode

    from graph.queries import run_query

    bind = {"org": NamedNode(org)} if org else {}
    facts: dict[str, OrganisationFacts] = {}
    for row in run_query(store, "resolution_names", **bind):
        iri = row["org"].value if "org" in row else str(org)
        f = facts.setdefault(iri, OrganisationFacts(iri))
        name, kind, file = row["name"].value, row["kind"].value, row["file"].value
        f.names.setdefault(name, set()).add(file)
        f.files.add(file)
        if "lang" in row:
            f.langs.setdefault(name, row["lang"].value)
        if kind == "pref":
            f.pref[name] += 1
        elif kind == "acronym":
            f.acronyms.add(name)
    for row in run_query(store, "resolution_profiles", **bind):
        iri = row["org"].value if "org" in row else str(org)
        f = facts.setdefault(iri, OrganisationFacts(iri))
        if "type" in row:
            f.types.add(row["type"].value.rsplit("/", 1)[-1])
        if "country" in row:
            f.countries.add(row["country"].value)
    return facts


def _best_pref(pref: Counter[str]) -> str | None:
    if not pref:
        return None
    return min(pref, key=lambda name: (-pref[name], len(name), name))


def organisation_labels(store: GraphStore, lang: str | None = None) -> dict[str, str]:
    """Display label per organisation IRI: curated name, else the authority name (``lang``,
    else the body's own language), else the prefLabel most documents use."""
    curation = _store_curation(store)
    authority = authority_index()
    out: dict[str, str] = {}
    for iri, f in organisation_facts(store).items():
        best = _best_pref(f.pref)
        if best:
            out[iri] = best
    for iri in out:
        body = authority.bodies.get(iri)
        if body:
            out[iri] = _authority_label(body, lang)
    for iri, label in curation.renames.items():
        out[iri] = label
    return out


def _authority_label(body: Body, lang: str | None) -> str:
    if lang and lang in body.pref_labels:
        return body.pref_labels[lang]
    if body.country is None:  # EU and international bodies: the English name
        return body.label("en")
    own = COUNTRY_LANGS.get(body.country, ())
    native = [k for k in own if k in body.pref_labels]
    native += sorted(k for k in body.pref_labels if k and k != "en" and k not in own)
    return body.pref_labels[native[0]] if native else body.label("en")


def organisation_label(store: GraphStore, iri: str, lang: str | None = None) -> str:
    """Display label of one organisation (see :func:`organisation_labels`)."""
    curation = _store_curation(store)
    if iri in curation.renames:
        return curation.renames[iri]
    body = authority_index().bodies.get(iri)
    if body:
        return _authority_label(body, lang)
    facts = organisation_facts(store, iri).get(iri)
    return (_best_pref(facts.pref) if facts else None) or iri_key(iri)


def parents(store: GraphStore) -> dict[str, str]:
    """``{unit IRI: parent IRI}`` for the network's roll-up switch.

    Sources, strongest first: reviewer curation, the authority file, then the documents
    (the parent most documents name). Merged IRIs are followed to their survivor.
    """
    from graph.queries import run_query

    curation = _store_curation(store)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in run_query(store, "resolution_parents"):
        graph = row["g"].value
        if not graph.startswith(str(GRAPH_DOC)):
            continue
        child, parent = row["child"].value, row["parent"].value
        votes[child][parent] += 1
    out: dict[str, str] = {}
    for child, counter in votes.items():
        out[child] = min(counter, key=lambda p: (-counter[p], p))
    for body in authority_index().bodies.values():
        if body.parent:
            out[body.iri] = body.parent
    out.update(curation.parents)
    resolved: dict[str, str] = {}
    for child, parent in out.items():
        c, p = curation.canonical(child), curation.canonical(parent)
        if c != p:
            resolved[c] = p
    return resolved


def roll_up(iri: str, parent_of: Mapping[str, str], top: bool = True) -> str:
    """The IRI a unit rolls up to: its parent, or (``top``) the top of its chain."""
    if not top:
        return parent_of.get(iri, iri)
    seen = {iri}
    while iri in parent_of and parent_of[iri] not in seen:
        iri = parent_of[iri]
        seen.add(iri)
    return iri


def names_with_sources(store: GraphStore, org: str) -> list[tuple[str, str]]:
    """``(name, file)`` for every name (prefLabel, altLabel, acronym) of an organisation in
    every document that uses it; merged organisations keep all names of their parts."""
    facts = organisation_facts(store, org).get(org)
    if not facts:
        return []
    return sorted((name, file) for name, files in facts.names.items() for file in files)


def list_organisations(store: GraphStore) -> list[dict[str, object]]:
    """One row per organisation: IRI, label, type, country, documents, names, authority."""
    labels = organisation_labels(store)
    parent_of = parents(store)
    authority = authority_index()
    rows = []
    for iri, f in organisation_facts(store).items():
        rows.append(
            {
                "iri": iri,
                "label": labels.get(iri, iri_key(iri)),
                "types": sorted(f.types),
                "countries": sorted(f.countries),
                "documents": len(f.files),
                "names": len(f.names),
                "authority": iri in authority.bodies,
                "parent": parent_of.get(iri),
            }
        )
    rows.sort(key=lambda r: (-int(r["documents"]), str(r["label"]), str(r["iri"])))  # type: ignore[call-overload]
    return rows


def show_organisation(store: GraphStore, iri: str) -> dict[str, object]:
    """Everything resolution knows about one organisation (for ``praxis orgs show``)."""
    curation = _store_curation(store)
    canonical = curation.canonical(iri)
    parent_of = parents(store)
    body = authority_index().bodies.get(canonical)
    facts = organisation_facts(store, canonical).get(canonical)
    return {
        "iri": canonical,
        "requested": iri,
        "label": organisation_label(store, canonical),
        "aliases": sorted(a for a in curation.aliases if curation.canonical(a) == canonical),
        "authority": body is not None,
        "same_as": body.same_as if body else [],
        "parent": parent_of.get(canonical),
        "units": sorted(c for c, p in parent_of.items() if p == canonical),
        "types": sorted(facts.types) if facts else sorted(body.actor_types if body else ()),
        "countries": sorted(facts.countries) if facts else ([body.country] if body else []),
        "names": [{"name": n, "file": f} for n, f in names_with_sources(store, canonical)],
        "documents": sorted(facts.files) if facts else [],
    }


@dataclass
class _DuplicateIndex:
    facts: dict[str, OrganisationFacts]
    keys: dict[str, set[str]]
    blocks: dict[str, set[str]]
    labels: dict[str, str]
    parent_of: dict[str, str]
    pinned: set[str]


_DUPLICATE_INDEX: dict[tuple[str, str], _DuplicateIndex] = {}


def _duplicate_index(store: GraphStore) -> _DuplicateIndex:
    """Names, lemma keys and blocks of every organisation, cached per store version."""
    cache_key = (str(getattr(store, "location", id(store))), store.version())
    found = _DUPLICATE_INDEX.get(cache_key)
    if found is not None:
        return found
    facts = organisation_facts(store)
    keys: dict[str, set[str]] = {}
    blocks: dict[str, set[str]] = defaultdict(set)
    for iri, f in facts.items():
        ks: set[str] = set()
        for name in f.names:
            if name in f.acronyms or looks_like_acronym(name):
                continue
            key = lemma_key(name, f.langs.get(name))
            if key:
                ks.add(key)
        keys[iri] = ks
        for key in ks:
            for block in _block_keys(key):
                blocks["w:" + block].add(iri)
        for acronym in f.acronyms:
            if len(acronym_key(acronym)) >= 3:
                blocks["a:" + acronym_key(acronym)].add(iri)
    index = _DuplicateIndex(
        facts,
        keys,
        blocks,
        organisation_labels(store),
        parents(store),
        set(_store_curation(store).pins.values()),
    )
    _DUPLICATE_INDEX.clear()  # one store version at a time
    _DUPLICATE_INDEX[cache_key] = index
    return index


def possible_duplicates(
    store: GraphStore, org_iri: str | None = None, limit: int = 20, max_block: int = 500
) -> list[dict[str, object]]:
    """Pairs of organisations that may be one body, best first, for a reviewer.

    Each item: ``{"a", "b", "a_label", "b_label", "score", "likely", "reason"}``;
    ``likely`` is True when the pair meets the automatic rule (:func:`same_name`).
    Only organisations sharing a block (stem of a long word, or an acronym) are compared
    (for the whole store, only the first ``max_block`` members of a very common block; for
    one ``org_iri``, all of them); two authority bodies, a unit and its parent, and names
    a reviewer split off are never proposed. One-click merge:
    ``graph.curation.merge(store, other, org_iri)`` keeps ``org_iri``.
    """
    index = _duplicate_index(store)
    authority = authority_index()
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, object]] = []
    for block, members in index.blocks.items():
        if org_iri:
            if org_iri not in members:
                continue
            pairs = [(min(org_iri, m), max(org_iri, m)) for m in sorted(members) if m != org_iri]
        else:
            ordered = sorted(members)[:max_block]
            pairs = [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1 :]]
        for a, b in pairs:
            if (a, b) in seen:
                continue
            seen.add((a, b))
            item = _duplicate_pair(index, authority, block, a, b)
            if item:
                out.append(item)
    out.sort(key=lambda d: (-float(d["score"]), str(d["a"]), str(d["b"])))  # type: ignore[arg-type]
    return out[:limit]


def _duplicate_pair(
    index: _DuplicateIndex, authority: AuthorityIndex, block: str, a: str, b: str
) -> dict[str, object] | None:
    if a in authority.bodies and b in authority.bodies:
        return None
    if index.parent_of.get(a) == b or index.parent_of.get(b) == a:
        return None
    if (a in index.pinned or b in index.pinned) and block.startswith("w:"):
        return None
    best, reason, likely = 0.0, "", False
    for ka in index.keys[a]:
        for kb in index.keys[b]:
            score = name_score(ka, kb)
            if score > best:
                best, reason = score, f"names {ka!r} ~ {kb!r}"
                likely = same_name(ka, kb)
    if block.startswith("a:") and best < POSSIBLE:
        ca, cb = index.facts[a].countries, index.facts[b].countries
        if not ca or not cb or ca & cb:
            best, reason = POSSIBLE, f"same acronym {block[2:]!r}"
    if best < POSSIBLE:
        return None
    return {
        "a": a,
        "b": b,
        "a_label": index.labels.get(a, iri_key(a)),
        "b_label": index.labels.get(b, iri_key(b)),
        "score": round(best, 1),
        "likely": likely,
        "reason": reason,
    }


# ---------------------------------------------------------------------------- evaluation
def _word_seq_in(needle: str, haystack: str) -> bool:
    return f" {needle} " in f" {haystack} "


def _surface_matches(how: str, surface: str, name: str) -> bool:
    if how == "exact":
        return fold(name) == fold(surface)
    if how == "name-key":
        return name_key(name) == name_key(surface)
    return _word_seq_in(fold(surface), fold(name))


def gold_mention_iris(
    store: GraphStore, gold: Sequence[Mapping[str, str]]
) -> list[tuple[str | None, str]]:
    """For each gold mention ``{"file", "surface", "cluster"}``: the IRI of the organisation
    the store's document graph gives that surface (None = extraction missed it) and how it
    matched ("exact", "name-key", "longer-span" or "missed")."""
    names_by_file: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for iri, facts in organisation_facts(store).items():
        for name, files in facts.names.items():
            for file in files:
                names_by_file[file][iri].add(name)
    out: list[tuple[str | None, str]] = []
    for item in gold:
        surface = item["surface"]
        orgs = names_by_file.get(item["file"], {})
        found: tuple[str | None, str] = (None, "missed")
        for how in ("exact", "name-key", "longer-span"):
            hits = sorted(
                iri
                for iri, names in orgs.items()
                if any(_surface_matches(how, surface, n) for n in names)
            )
            if hits:
                found = (hits[0], how)
                break
        out.append(found)
    return out


def score_clusters(store: GraphStore, gold: Sequence[Mapping[str, str]]) -> dict[str, object]:
    """Pairwise precision/recall of the store's organisation IRIs against gold clusters,
    over the gold mentions extraction found; misses are counted separately."""
    found = gold_mention_iris(store, gold)
    predicted = [iri for iri, _how in found if iri]
    expected = [g["cluster"] for g, (iri, _how) in zip(gold, found, strict=True) if iri]
    scores: dict[str, object] = dict(pairwise_scores(predicted, expected))
    scores["mentions"] = len(gold)
    scores["found"] = len(predicted)
    scores["missed"] = [
        {"file": g["file"], "surface": g["surface"]}
        for g, (iri, _how) in zip(gold, found, strict=True)
        if not iri
    ]
    scores["matched_by"] = dict(Counter(how for _iri, how in found))
    return scores


# ---------------------------------------------------------------------------- store-wide pass
def resolve_store(store: GraphStore, apply: bool = True) -> dict[str, object]:
    """Merge minted organisations across documents that :func:`same_name` says are one.

    Ingest gives every mention an IRI from its own name (exact lemma key), so residual
    variants ("Nadace Vemeno" / "Nadace Vemmeno") stay apart until this pass, which
    clusters the store's minted organisations with :func:`cluster_records` (blocking +
    rapidfuzz) and merges each cluster into its smallest IRI — a function of the set of
    names, so the result does not depend on ingest order. Authority bodies, units and
    names a reviewer pinned (``praxis orgs split``) are left alone. Merges are ordinary
    curation merges (``owl:sameAs`` aliases), so later ingests apply them too.
    """
    from graph.curation import merge_many

    curation = _store_curation(store)
    authority = authority_index()
    pinned = set(curation.pins.values())
    facts = organisation_facts(store)
    iris: list[str] = []
    records: list[MentionRecord] = []
    for iri, f in sorted(facts.items()):
        if iri in authority.bodies or iri in pinned or not iri.startswith(ORG_PREFIX):
            continue
        if "--" in iri:  # a generic national name qualified by country: never fuzzy-merged
            continue
        for name in sorted(f.pref):
            iris.append(iri)
            records.append(MentionRecord(name, f.langs.get(name)))
    clusters = cluster_records(records, Resolver(authority, Curation()))
    groups: dict[str, set[str]] = defaultdict(set)
    for iri, cluster in zip(iris, clusters, strict=True):
        groups[cluster].add(iri)
    # a store IRI whose names fall into several clusters joins them all
    uf_index = {iri: k for k, iri in enumerate(sorted(set(iris)))}
    uf = _UnionFind(len(uf_index))
    for members in groups.values():
        ordered = sorted(members)
        for other in ordered[1:]:
            uf.union(uf_index[ordered[0]], uf_index[other])
    by_root: dict[int, list[str]] = defaultdict(list)
    for iri, k in uf_index.items():
        by_root[uf.find(k)].append(iri)
    pairs = [
        (iri, min(members))
        for members in by_root.values()
        if len(members) > 1
        for iri in sorted(members)
        if iri != min(members)
    ]
    if apply and pairs:
        merge_many(store, pairs)
    return {"organisations": len(uf_index), "merged": [{"merged": a, "into": b} for a, b in pairs]}
