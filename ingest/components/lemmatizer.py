"""``praxis_lemmatizer``: folded lemmas (morfeusz2 / simplemma) as ``token.norm_``.

The folded lemma (lower case, no diacritics) is what vocabulary, gazetteer and
organisation matching run on, so "věznici", "Věznice" and "vezenice" meet. It is
stored on the *lexeme* (one word type of this language's vocabulary), so every word
type is lemmatised once per process and a document costs one pass over its distinct
words, not one Python call per token. Czech, Slovak and Slovene words the lemmatiser
does not know get a lemma from case-ending rules (:func:`lemma_of`). ``token.lemma_``
is left unset; callers that need the un-folded lemma use :func:`lemma_of`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ingest.lemmatize import is_known, lemmatize
from ingest.normalise import fold

#: verb and case endings → base-form endings, tried (in order) on lower-case words the
#: lemmatiser does not know, kept only when the result is a known word: Czech "metodiku" →
#: "metodika", "vyškolili" → "vyškolit", Slovak "stratégiou" → "stratégia"
SUFFIX_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "cs": (
        # verbs: past forms and the 3rd person ("proškolili", "zmapovali", "školí")
        ("ovali", "ovat"),
        ("ovaly", "ovat"),
        ("ovala", "ovat"),
        ("ili", "it"),
        ("ily", "it"),
        ("ila", "it"),
        ("ilo", "it"),
        ("ali", "at"),
        ("aly", "at"),
        ("ují", "ovat"),
        ("í", "it"),
        ("ách", "a"),
        ("ami", "a"),
        ("ám", "a"),
        ("ou", "a"),
        ("u", "a"),
        ("y", "a"),
        ("ě", "a"),
        ("e", "a"),
        ("i", "a"),
        ("ům", ""),
        ("ech", ""),
        ("em", ""),
        ("ovi", ""),
        ("ů", ""),
        ("a", ""),
        ("u", ""),
        ("y", ""),
        ("e", ""),
        ("i", ""),
    ),
    "sk": (
        ("ovali", "ovať"),
        ("ovala", "ovať"),
        ("ili", "iť"),
        ("ila", "iť"),
        ("ali", "ať"),
        ("ujú", "ovať"),
        ("í", "iť"),
        ("ách", "a"),
        ("ami", "a"),
        ("ám", "a"),
        ("ou", "a"),
        ("u", "a"),
        ("y", "a"),
        ("e", "a"),
        ("i", "a"),
        ("och", ""),
        ("om", ""),
        ("ov", ""),
        ("mi", ""),
        ("a", ""),
        ("u", ""),
        ("y", ""),
        ("e", ""),
        ("i", ""),
    ),
    "sl": (
        ("ovali", "ovati"),
        ("ovala", "ovati"),
        ("ili", "iti"),
        ("ila", "iti"),
        ("ali", "ati"),
        ("ala", "ati"),
        ("ami", "a"),
        ("ah", "a"),
        ("am", "a"),
        ("o", "a"),
        ("i", "a"),
        ("e", "a"),
        ("om", ""),
        ("ov", ""),
        ("ih", ""),
        ("ev", ""),
        ("a", ""),
        ("u", ""),
        ("i", ""),
        ("e", ""),
    ),
}
MIN_STEM = 3
#: adjective endings → the masculine nominative, for Czech and Slovak adjectives the
#: lemmatiser does not know at all ("Nadačního" → "nadační", "intervenčním" → "intervenční"):
#: unambiguous endings only (a soft -ího is also the case of an -í noun: "vzděláváním")
ADJECTIVE_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "cs": (
        ("ího", "í"), ("ímu", "í"), ("ími", "í"), ("ích", "í"), ("ím", "í"),
        ("ého", "ý"), ("ému", "ý"), ("ými", "ý"), ("ých", "ý"), ("ým", "ý"),
    ),
    "sk": (
        ("ieho", "í"), ("iemu", "í"), ("ími", "í"), ("ích", "í"), ("ím", "í"),
        ("ého", "ý"), ("ému", "ý"), ("ými", "ý"), ("ých", "ý"), ("ým", "ý"),
    ),
}  # fmt: skip


#: German gender-inclusive forms: "Mitarbeiter*innen", "Lehrer:innen", "Klient_innen",
#: "SozialarbeiterInnen", "Psycholog*in"
GENDER_FORM = re.compile(r"^(\w+?)(?:[*:_/]in(?:nen)?|(?<=[a-zäöüß])In(?:nen)?)$")


def gender_form_lemma(word: str) -> str | None:
    """The lemma of a German gender-inclusive form: its masculine stem when that is a word
    ("Mitarbeiter"), else the stem with -e ("Polizeibeamt*innen" → "Polizeibeamte")."""
    match = GENDER_FORM.match(word)
    if match is None:
        return None
    stem = match.group(1)
    for candidate in (stem, stem + "e"):
        if is_known(candidate, "de"):
            return lemmatize(candidate, "de")
    return None


#: a German adjective the lemmatiser does not know, declined: an adjective suffix before
#: the ending ("kriminalpräventive" → "kriminalpräventiv", "niedrigschwelligen" →
#: "niedrigschwellig")
DE_ADJECTIVE = re.compile(
    r"^(\w{3,}(?:iv|isch|lich|ig|bar|al|ell|os|ent|ant|sam|haft))(?:e|en|er|es|em)$"
)


def _de_adjective(word: str) -> str | None:
    match = DE_ADJECTIVE.match(word.lower())
    if match is None or is_known(word, "de"):
        return None
    return match.group(1)


@lru_cache(maxsize=200_000)
def lemma_of(word: str, lang: str) -> str:
    """:func:`lemmatize`, plus case-ending rules for cs/sk/sl words it does not know and
    German gender-inclusive forms."""
    if lang == "de" and word[:1].isupper():
        gendered = gender_form_lemma(word)
        if gendered is not None:
            return gendered
    lemma = lemmatize(word, lang)
    if lang == "de" and lemma == word:
        return _de_adjective(word) or lemma
    if lang == "pl":
        return _pl_majority(word) or lemma
    rules = SUFFIX_RULES.get(lang)
    if not rules or lemma != word or not word.isalpha() or is_known(word, lang):
        return lemma
    if word[:1].islower():
        for suffix, base in rules:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                candidate = word[: -len(suffix)] + base
                if is_known(candidate, lang):
                    return lemmatize(candidate, lang)
    lower = word.lower()
    for suffix, base in ADJECTIVE_RULES.get(lang, ()):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= MIN_STEM:
            return lower[: -len(suffix)] + base
    return lemma


#: Polish readings that carry vocabulary words
_PL_CONTENT = {"subst", "adj", "ger", "ppas", "pact"}


def _pl_majority(word: str) -> str | None:
    """The common-noun/adjective lemma most of morfeusz's readings agree on: "Polskiego"
    has one reading as the noun "polskie" and three as "polski" → "polski"."""
    from ingest.lemmatize import _pl_readings

    votes: dict[str, int] = {}
    for lemma, tag, names in _pl_readings(word):
        if tag.split(":", 1)[0] in _PL_CONTENT and (not names or "nazwa_pospolita" in names):
            votes[lemma.lower()] = votes.get(lemma.lower(), 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    winners = [lemma for lemma, n in votes.items() if n == best]
    if len(winners) > 1:  # "gmin": the noun "gmin" or genitive plural of "gmina"
        winners = [lemma for lemma in winners if lemma != word.lower()]
    return winners[0] if len(winners) == 1 else None


class PraxisLemmatizer:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang
        self.vocab = nlp.vocab
        self.seen: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        orths = set(doc.to_array(ORTH).tolist())
        for orth in orths - self.seen:
            lex = self.vocab[orth]
            text = lex.orth_
            if not text.isspace():
                lex.norm_ = fold(lemma_of(text, self.lang)) or text
            self.seen.add(orth)
        return doc


@Language.factory("praxis_lemmatizer", assigns=["token.norm"])
def make_lemmatizer(nlp: Language, name: str) -> PraxisLemmatizer:
    return PraxisLemmatizer(nlp)
