"""``praxis_countries``: country names, adjectives and demonyms → ISO 3166-1 alpha-2.

Forms live in ``ingest/data/countries.tsv`` and are matched by folded lemma, so
"norští partneři", "z Norska" and "Norwegian partners" all give ``NO``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.components.sentences import sentence_index
from ingest.components.vocabulary import folded_lemma, lemma_key, norm_doc
from ingest.lemmatize import is_known, lemmatize
from ingest.normalise import fold
from ontology import vocabulary

COUNTRY_SPANS = "praxis_countries"
#: country words that say where people come from: no project country, no organisation
ORIGIN_SPANS = "praxis_origin_countries"
#: countries of the cities named in the text; kept apart until organisations are found
#: (a town ends no organisation name: "Center za socialno delo Krško"), then joined to
#: ``COUNTRY_SPANS`` by :func:`join_city_countries`
CITY_SPANS = "praxis_city_countries"
# Short upper-case forms are only trusted as written (SR, ČR, UK) — not as lemmas.
_CASE_SENSITIVE_MAX = 3


@cache
def country_forms() -> dict[str, list[str]]:
    text = resources.files("ingest").joinpath("data/countries.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t", 1)
        out[code] = [f.strip() for f in forms.split("|") if f.strip()]
    return out


#: forms of one country that, in a document of this language, name another: Slovene
#: "slovensko/slovenski" is Slovenian, while Czech/Slovak "Slovensko" is Slovakia
FALSE_FRIENDS = {"sl": {"SK": "slovensk"}}
#: prepositions before a language name ("auf Deutsch", "in English", "po polsku")
LANGUAGE_PREPOSITIONS = {"de": ("auf",), "en": (), "pl": ("po",), "cs": (), "sk": (), "sl": ()}


@cache
def city_forms(lang: str) -> dict[str, list[str]]:
    """City names of ``ingest/data/cities.tsv`` by country; in German also the city
    adjectives in "-er" ("Prager", "Krakauer", "Wiener")."""
    text = resources.files("ingest").joinpath("data/cities.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t", 1)
        names = [f.strip() for f in forms.split("|") if f.strip()]
        if lang == "de":
            names += [f"{name}er" for name in names if " " not in name]
        out.setdefault(code.strip(), []).extend(names)
    return out


@cache
def vocabulary_words() -> frozenset[str]:
    """Folded labels of all concepts and their lemmas ("roma", "romove", Slovene "rom"):
    never read as a city (Slovene "Rome" is the Roma, not Rome)."""
    words: set[str] = set()
    for concepts in vocabulary().values():
        for concept in concepts.values():
            for code in ("en", "cs", "sk", "pl", "de", "sl"):
                for label in concept.all_labels(code):
                    words.add(fold(label))
                    if " " not in label:
                        words.add(folded_lemma(label, code))
    return frozenset(words)


#: nouns next to a language adjective: "German courses", "na język niemiecki"
LANGUAGE_NOUNS = (
    "language",
    "course",
    "class",
    "lesson",
    "version",
    "translation",
    "speaking",
    "jazyk",
    "jezyk",
    "jezik",
    "sprache",
    "sprachkurs",
    "kurz",
    "kurs",
    "tecaj",
    "lekcj",
    "lekce",
    "verze",
    "wersj",
    "verzij",
    "preklad",
    "tlumacz",
)
#: "language" before a language adjective ("język niemiecki", "jazyk nemecký")
LANGUAGE_BEFORE = ("jazyk", "jezyk", "jezik", "language", "sprache")
#: English language names that are also demonyms ("in Czech, Slovak and German")
EN_LANGUAGES = {
    "czech",
    "slovak",
    "slovenian",
    "slovene",
    "polish",
    "german",
    "english",
    "hungarian",
    "ukrainian",
    "russian",
    "french",
    "italian",
    "croatian",
    "romanian",
    "norwegian",
    "dutch",
    "spanish",
    "serbian",
    "bulgarian",
    "austrian",
}
#: "from" before a list of countries of origin ("refugees from Ukraine, Syria")
ORIGIN_WORDS = {"from", "aus", "z", "ze", "zo", "iz"}
MIGRATION_GROUPS = {"target-group/refugees", "target-group/migrants"}


def _language_use(doc: Doc, span: Span) -> bool:
    """A language, not a country: "German courses", "język niemiecki", "in Czech and
    German"."""
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and nxt.norm_.startswith(LANGUAGE_NOUNS):
        return True
    if len(span) == 1 and span.text[:1].isupper() and span.text.endswith(("isch", "Deutsch")):
        return True  # German "in Deutsch bzw. Tschechisch": the uninflected form is a language
    if prev is not None and prev.norm_.startswith(LANGUAGE_BEFORE):
        return True
    if fold(span.text) not in EN_LANGUAGES or (
        nxt is not None
        and nxt.is_alpha
        and (nxt.lower_ not in {"and", "or", "on", "to", "for", "with", "by"})
    ):
        return False
    for k in range(span.start - 1, max(span.start - 8, -1), -1):
        word = doc[k].lower_
        if word == "in":
            return True
        if word not in {",", "and", "or"} and fold(word) not in EN_LANGUAGES:
            return False
    return False


#: folded stems of words for groups of people: a country word next to one names where
#: people come from ("społeczności ukraińskiej", "Ukrainian minority", "ukrajinských
#: pracovníků"), not a country the project works in or with
PEOPLE_STEMS = (
    "communit",
    "minorit",
    "diaspor",
    "refugee",
    "migrant",
    "immigrant",
    "citizen",
    "komunit",
    "mensin",
    "uprchl",
    "obcan",
    "spolecznos",
    "mniejszos",
    "uchodz",
    "imigrant",
    "obywatel",
    "utecen",
    "skupnost",
    "manjsin",
    "begun",
    "drzavljan",
    "gemeinschaft",
    "minderheit",
    "gefluchtet",
    "fluchtling",
    "burger",
    "staatsangehor",
)


def _people_origin(doc: Doc, span: Span) -> bool:
    """A country word right next to a word for a group of people."""
    for k in (span.start - 1, span.end):
        if 0 <= k < len(doc) and doc[k].is_alpha:
            if fold(doc[k].norm_ or doc[k].text).startswith(PEOPLE_STEMS):
                return True
    return False


#: folded stems of words for people who come from somewhere ("pracowników z Ukrainy",
#: "workers from Moldova", "Menschen aus Osteuropa")
ORIGIN_PEOPLE = (
    *PEOPLE_STEMS,
    "worker", "employee", "people", "person",
    "pracovni", "zamestnan", "lidi", "lide", "osob",
    "pracowni", "ludzi", "ludz",
    "delav", "ljud", "oseb",
    "arbeitnehm", "arbeitskr", "beschaftigt", "mensch",
)  # fmt: skip


def _origin(doc: Doc, span: Span, migration_sentences: set[int]) -> bool:
    """A country of origin, in a list after "from": of migrants or refugees (a sentence
    about them), or of a group of people named right before "from"."""
    migration = sentence_index(doc, span.start_char) in migration_sentences
    for k in range(span.start - 1, max(span.start - 10, -1), -1):
        token = doc[k]
        if fold(token.text) in ORIGIN_WORDS:
            people = k > 0 and fold(doc[k - 1].norm_ or doc[k - 1].text).startswith(ORIGIN_PEOPLE)
            return migration or people
        if not (token.is_alpha or token.text == ","):
            return False
    return False


def join_city_countries(doc: Doc) -> None:
    """Add the cities' countries to the country mentions (after organisations)."""
    cities = list(doc.spans.get(CITY_SPANS, []))
    if cities:
        doc.spans[COUNTRY_SPANS] = filter_spans([*doc.spans.get(COUNTRY_SPANS, []), *cities])


class CountryMatcher:
    def __init__(self, nlp: Language) -> None:
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.city_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lang = nlp.lang
        # city names as written (the file lists their inflected forms): lemmatisers turn
        # "Radom" into "rada" (council); names that are vocabulary words ("Roma") are skipped
        taken = vocabulary_words()
        for code, forms in city_forms(nlp.lang).items():
            patterns = [
                nlp.make_doc(f)
                for f in forms
                if fold(f) not in taken and folded_lemma(f.lower(), nlp.lang) not in taken
            ]
            self.city_matcher.add(code, patterns)
        for code, forms in country_forms().items():
            exact, lemma = [], []
            for form in forms:
                prefix = FALSE_FRIENDS.get(nlp.lang, {}).get(code)
                if prefix and fold(form).startswith(prefix):
                    continue
                if len(form) <= _CASE_SENSITIVE_MAX and form.isupper():
                    exact.append(nlp.make_doc(form))
                else:
                    norms = lemma_key(form, nlp.lang, nlp)
                    if norms:
                        lemma.append(norm_doc(nlp, norms))
            if lemma:
                self.lemma_matcher.add(code, lemma)
            if exact:
                self.exact_matcher.add(code, exact)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.lemma_matcher(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.exact_matcher(doc)]
        # a city as written, not a sentence's first word ("Tábor" and "Písek" are also
        # "camp" and "sand")
        doc.spans[CITY_SPANS] = [
            Span(doc, s, e, label=m)
            for m, s, e in self.city_matcher(doc)
            if not doc[s].is_sent_start and not self._common_word(doc[s:e], m)
        ]
        # a language, not a country: "auf Deutsch", "po polsku", "in English"
        spans = [
            s
            for s in spans
            if not (
                s.start > 0 and doc[s.start - 1].lower_ in LANGUAGE_PREPOSITIONS.get(self.lang, ())
            )
        ]
        spans = [s for s in spans if not _language_use(doc, s)]
        if spans:  # the concept spans are read only when there is a country to check
            migration = {
                sentence_index(doc, s.start_char)
                for s in doc.spans.get("praxis_concepts", [])
                if s.label_ in MIGRATION_GROUPS
            }
            origins = [s for s in spans if _people_origin(doc, s) or _origin(doc, s, migration)]
            if origins:  # kept apart: still country words, no organisation's name
                doc.spans[ORIGIN_SPANS] = origins
                spans = [s for s in spans if s not in origins]
        doc.spans[COUNTRY_SPANS] = filter_spans(spans)
        return doc

    def _common_word(self, span: Span, code_id: int) -> bool:
        """A foreign city whose name is an inflected common word of the text's language:
        Slovene "Varna pot" (a safe way) is not Varna in Bulgaria."""
        code = span.doc.vocab.strings[code_id]
        if len(span) != 1 or code in HOME_COUNTRIES.get(self.lang, ()):
            return False
        word = span.text.lower()
        return is_known(word, self.lang) and lemmatize(word, self.lang).lower() != word


#: the countries whose towns a text in this language names in its own words
HOME_COUNTRIES = {
    "cs": ("CZ",), "sk": ("SK",), "pl": ("PL",), "sl": ("SI",), "de": ("DE", "AT", "CH"),
}  # fmt: skip


@Language.factory("praxis_countries", requires=["token.norm"], assigns=["doc.spans"])
def make_countries(nlp: Language, name: str) -> CountryMatcher:
    return CountryMatcher(nlp)
