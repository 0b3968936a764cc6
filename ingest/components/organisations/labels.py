"""Canonical nominative labels of organisation names; Polish agreement by morfeusz2."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan

from ingest.components.organisations.words import NAME_CONNECTORS, SLAVIC
from ingest.components.orgdata import folded, head_table
from ingest.lemmatize import lemmatize

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
        ("ím", "í"),
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
        ("ím", "í"),
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
    # Slovene adjectives the lemmatiser does not know ("probacijskih", "probacijskega")
    "sl": (
        ("ega", "i"),
        ("emu", "i"),
        ("imi", "i"),
        ("ih", "i"),
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
    superlative = text.lower().startswith(("naj", "nej")) and lang in {"cs", "sk", "sl", "pl"}
    if superlative and not lemma.lower().startswith(("naj", "nej")):
        lemma = text  # "Najvyšším" is not "vysoký": read the ending, keep the degree
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


#: case endings of a feminine noun in -a (cs, sk, sl): "Rady", "Radě", "Radou", "Radu"
_FEMININE_A_ENDINGS = ("ou", "ě", "e", "i", "u", "y", "o")


def _head_lemma(word: str, lang: str) -> str:
    """The lemma of a name's head noun; when the lemmatiser reads another noun ("Rady" →
    Slovak "rad", a row) and the feminine in -a is an institutional word ("rada", a
    council), that one."""
    lemma = lemmatize(word, lang)
    if not lemma[-1:].isalpha() or folded(lemma[-1:]) in "aeiouy":
        return lemma  # only a lemma read as a masculine noun (consonant) is doubted
    exact = head_table(lang).exact
    for ending in _FEMININE_A_ENDINGS:
        if word.lower().endswith(ending) and len(word) > len(ending) + 2:
            candidate = word[: len(word) - len(ending)] + "a"
            if (folded(candidate),) in exact:
                return candidate.lower()
    return lemma


def _case_like(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]


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
            head_lemma = _head_lemma(head_tok.text, lang)
            # a Czech soft feminine head reads the same in several cases ("Městské policie
            # Znojmo"): a name is singular, so its adjectives still take the nominative
            soft_feminine = lang == "cs" and head_lemma.lower().endswith("e") and head > 0
            if (
                folded(head_lemma) != folded(head_tok.text) or soft_feminine
            ) and head_lemma.isalpha():
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
        ending = "e"
        if head is None and _german_adjective_stem(tokens[0].text) is not None:
            # no institutional head ("dem Weißen Ring e. V."): the first word that is not an
            # inflected adjective is the noun
            head = next(
                (k for k, t in enumerate(tokens) if _german_adjective_stem(t.text) is None), None
            )
        if head is not None:
            head_lemma = lemmatize(tokens[head].text, "de")
            noun = head_lemma if head_lemma[:1].isupper() else tokens[head].text
            ending = _german_adjective_ending(noun)
        for k, t in enumerate(tokens):
            stem = _german_adjective_stem(t.text) if head is not None and k < head else None
            if stem is not None:
                # "Bayerischen Staatsregierung" → "Bayerische …", "des Sächsischen
                # Staatsministeriums" → "Sächsisches …", "Kommunalem Ordnungsdienst" →
                # "Kommunaler …" (strong ending by the head's gender, no article)
                out.append(stem + (ending.upper() if stem.isupper() else ending))
            elif head is not None and k == head:
                lemma = lemmatize(t.text, "de")
                out.append(lemma if lemma[:1].isupper() else t.text)
            else:
                out.append(t.text)
        texts = out
    label = ""
    for k, t in enumerate(tokens):
        label += texts[k] + (t.whitespace_ if k < len(tokens) - 1 else "")
    label = label.strip(" ,-–")
    if (
        tokens
        and tokens[0].is_lower
        and head_at is not None
        and (head_at(span.doc, tokens[0].i) or (lang in SLAVIC and head is not None))
    ):
        label = label[:1].upper() + label[1:]  # "město Kroměříž" → "Město Kroměříž"
    return label


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


#: stems of German adjectives by their derivational suffix ("sächsisch", "kommunal",
#: "gemeinsam"); a city adjective in -er ("Berliner", "Kölner") is invariant and not among
#: them, nor "-ell"/"-är", which end nouns too ("Zentralstelle", "Sekretäre")
_DE_ADJECTIVE_SUFFIXES = (
    "isch",
    "lich",
    "ig",
    "al",
    "iv",
    "bar",
    "sam",
    "los",
    "haft",
    "ös",
)
#: short German colour and size adjectives seen in names ("Weißer Ring", "Rotes Kreuz")
_DE_PLAIN_ADJECTIVES = {
    *"weiß weiss rot grün gruen schwarz blau gelb groß gross klein neu frei jung alt".split(),
    *"hoch deutsch evangelisch katholisch".split(),
}


def _german_adjective_stem(word: str) -> str | None:
    """The stem of an inflected capitalised German adjective ("Sächsischen" → "Sächsisch",
    "WEISSEN" → "WEISS"), None for any other word."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    low = word.lower()
    for ending in ("en", "em", "er", "es", "e"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            if stem.endswith(_DE_ADJECTIVE_SUFFIXES) or stem in _DE_PLAIN_ADJECTIVES:
                return word[: -len(ending)]
            return None
    return None


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
