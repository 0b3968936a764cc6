"""Public budgets as funders: "from the state budget", "z rozpočtu statutárního města",
"aus Mitteln des ESF und des Landes", "iz proračuna občine", "Kreishaushalt",
"sofinancirata Republika Slovenija".

A budget word (budget, rozpočet, budżet, proračun, Haushalt, Mittel, sredstva, funds, …)
next to a public owner (state, Land, region / kraj / województwo → ``national-public``;
city, municipality, district, Gemeinde, gmina, občina → ``local-public``), or a funding
verb with a public owner as its agent ("funded by the city", "gefördert vom Land"), is
money from that public body — when the sentence is about funding and does not say the
money is *not* used ("ne bo financiran iz …").

Word classes are found once per word type (folded text, regular expressions) and cached
per process; a document costs one look-up per distinct word.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from ingest.normalise import fold

BUDGET, NATIONAL, LOCAL, SELF_GOVERNMENT, FROM, LINK, STOP = range(1, 8)
#: German compounds that name both owner and money ("Landesmittel", "Kreishaushalt")
NATIONAL_MONEY, LOCAL_MONEY = 8, 9
#: a funding verb ("financed", "gefördert"); "and" words a budget phrase runs across
VERB, AND = 10, 11
#: classes that start a look-up (a document without any costs one set operation)
STARTS = (BUDGET, NATIONAL_MONEY, LOCAL_MONEY, VERB)

_BUDGET = re.compile(
    r"^(rozpoc\w*|budzet\w*|proracun\w*|budgets?|haushalt\w*|haushaltsmittel\w*|mitteln?|"
    r"fordermitteln?|finanzmitteln?|geldern?|sredstv\w*|sredstev|prostredk\w*|prostredek|"
    r"prostriedk\w*|prostriedok|srodk\w*|srodek|funds|funding|money|zdroj\w*|"
    r"dotac\w*|dotacj\w*|grants?|zuschuss\w*|zuschusse\w*|zuwendung\w*|subsid\w*|"
    r"subvenc\w*|subwencj\w*|prispev\w*|prispevk\w*|prispevok\w*)$"
)
_NATIONAL = re.compile(
    r"^(statni\w*|statn\w*|stat|statu|state|states|national|government\w*|vladn\w*|vlad[ayu]|"
    r"vlade|rzad\w*|panstw\w*|drzav\w*|drzava|staat\w*|staatlich\w*|freistaat\w*|federal|"
    r"republik\w*|republic|kraj\w*|wojewodztw\w*|"
    r"wojewodzk\w*|wojewody|voivodeship\w*|region|regions|regional|regionu|regionaln\w*|"
    r"ministr\w*|minister\w*|ministry|ministries|vuc)$"
)
#: owner words of one language only ("land" is a German Land, not English land)
_NATIONAL_LANG = {"de": re.compile(r"^(land|landes|lander|landern|bund|bundes)$")}
_LOCAL = re.compile(
    r"^(mest\w*|mesto|mestsk\w*|miast\w*|miejsk\w*|obec|obce|obci|obcou|obecn\w*|gmin\w*|"
    r"obcin\w*|stadt|stadte|stadtisch\w*|gemeinde\w*|kommun\w*|landkreis\w*|bezirk\w*|"
    r"powiat\w*|okres\w*|city|cities|municipal\w*|towns?|county|district\w*|borough\w*|"
    r"lokaln\w*|mestne|mestna|mestni)$"
)
_LOCAL_LANG = {"de": re.compile(r"^(kreis\w*)$")}
#: self-government: local unless a region is named with it ("samosprávny kraj")
_SELF_GOVERNMENT = re.compile(r"^(samosprav\w*|samorzad\w*|self-government|local)$")
_FROM = re.compile(r"^(z|ze|zo|iz|from|aus|out|of)$")
#: words between a funding verb and its public agent ("funded by the city")
_LINK = re.compile(
    r"^(by|the|a|von|vom|durch|den|dem|der|des|die|das|przez|od|s|the|its|own|vlastn\w*|"
    r"wlasn\w*|lastn\w*|svoj\w*|eigen\w*|swoj\w*|jeho|jej)$"
)
#: words a budget phrase does not run across
_STOP = re.compile(r"^(for|pro|pre|dla|fur|za|na|to|do|v|w|in|im|und|and|a|i|in|oraz|;|:|\.)$")
_COMPOUND = re.compile(
    r"^(landes|bundes|staats|stadt|kreis|gemeinde|kommunal|bezirks)"
    r"(mittel\w*|haushalt\w*|forderung\w*|zuschuss\w*|budget\w*|geld\w*|zuwendung\w*)$"
)
#: a funding verb or noun (folded): after it, a public agent pays
FUNDING_VERB = re.compile(
    r"^(financ\w*|spolufinanc\w*|sofinanc\w*|dofinans\w*|finans\w*|wspolfinans\w*|"
    r"financiral\w*|financira\w*|gefordert|fordert|finanziert|kofinanziert|mitfinanziert|"
    r"finanziell|funded|funds|financed|cofunded|cofinanced|co-funded|co-financed|"
    r"dotuj\w*|dotowan\w*|hradi\w*|hrazen\w*|doplat\w*|pays?|paid|bezahlt)$"
)
#: the money is said not to come from there ("ne bo financiran iz ESS", "not funded by",
#: "im Gegensatz zu Erasmus+"), per language: Czech "ně" (them) is no Slovene "ne" (not)
NEGATION = {
    lang: re.compile(rf"\b({words})\b")
    for lang, words in {
        "en": r"not(?! only)|never|no longer",
        "de": r"nicht(?! nur)|kein\w*|nie",
        "cs": r"neni|nebude|nebyl\w*|nejsou|nikoli|nefinanc\w*",
        "sk": r"nie|nebude|nebol\w*",
        "pl": r"nie(?! tylko)",
        "sl": r"ne(?! le| samo)|ni|nista|niso|nismo",
    }.items()
}
#: "instead of X", "unlike X": only the few words right after it
INSTEAD_OF = re.compile(
    r"\b(instead of|rather than|unlike|in contrast to|as opposed to|statt|anstatt|anstelle|"
    r"im gegensatz zu\w*|anders als|namiesto|na rozdiel od|na rozdil od|misto toho|zamiast|"
    r"w przeciwienstwie do|inaczej niz|namesto|v nasprotju z|za razliko od)\b"
)
INSTEAD_OF_WORDS = 3
#: "but / rather" ends what a negation covers ("ne iz ESS, ampak iz Interrega")
CONTRAST = re.compile(r"\b(but|sondern|ampak|temvec|ale|lecz|nybrz|lez|ale iz|jedoch|aber)\b")

_CLASSES: dict[tuple[str, int], int] = {}  # (lang, ORTH) → word class (0: none)


def word_class(text: str, lang: str) -> int:
    folded = fold(text)
    if _COMPOUND.match(folded) and lang == "de":
        return (
            LOCAL_MONEY
            if re.match(r"^(stadt|kreis|gemeinde|kommunal|bezirks)", folded)
            else (NATIONAL_MONEY)
        )
    if _BUDGET.match(folded):
        return BUDGET
    national_lang = _NATIONAL_LANG.get(lang)
    if _NATIONAL.match(folded) or (national_lang and national_lang.match(folded)):
        return NATIONAL
    local_lang = _LOCAL_LANG.get(lang)
    if _LOCAL.match(folded) or (local_lang and local_lang.match(folded)):
        return LOCAL
    if _SELF_GOVERNMENT.match(folded):
        return SELF_GOVERNMENT
    if folded in AND_WORDS.get(lang, ()):
        return AND
    if FUNDING_VERB.match(folded):
        return VERB
    if _FROM.match(folded):
        return FROM
    if _LINK.match(folded):
        return LINK
    if _STOP.match(folded):
        return STOP
    return 0


def word_types(doc: Doc) -> tuple[numpy.ndarray, set[int]]:
    """The ORTH array and the set of word types of a document, computed once per document
    (the funder rules share them)."""
    found = doc.user_data.get("praxis_word_types")
    if found is None:
        orths = doc.to_array(ORTH)
        found = doc.user_data["praxis_word_types"] = (orths, set(orths.tolist()))
    return found


def sentence_numbers(doc: Doc) -> list[int]:
    """Sentence number of every token (SENT_START is 1 at a start), once per document."""
    found = doc.user_data.get("praxis_sentence_numbers")
    if found is None:
        found = doc.user_data["praxis_sentence_numbers"] = numpy.cumsum(
            doc.to_array(SENT_START) == 1
        ).tolist()
    return found


_NONZERO: dict[str, set[int]] = {}  # lang → ORTH ids with a class
_SEEN: dict[str, set[int]] = {}  # lang → ORTH ids classified


class Words:
    """The word classes of one document: only tokens with a class are stored."""

    def __init__(self, doc: Doc, lang: str) -> None:
        self.doc = doc
        self.strings = doc.vocab.strings
        self.orths, types = word_types(doc)
        seen = _SEEN.setdefault(lang, set())
        nonzero = _NONZERO.setdefault(lang, set())
        for orth in types - seen:
            cls = word_class(self.strings[orth], lang)
            if cls:
                _CLASSES[(lang, orth)] = cls
                nonzero.add(orth)
            seen.add(orth)
        present = types & nonzero
        self.lang = lang
        self.present: dict[int, int] = {o: _CLASSES[(lang, o)] for o in present}
        self.starts = any(c in STARTS for c in self.present.values())
        self._orth_list: list[int] | None = None

    @property
    def orth_list(self) -> list[int]:
        if self._orth_list is None:
            self._orth_list = self.orths.tolist()
        return self._orth_list

    def __getitem__(self, k: int) -> int:
        return self.present.get(self.orth_list[k], 0)

    def text(self, k: int) -> str:
        return self.strings[self.orth_list[k]]

    def positions(self, *classes: int) -> list[int]:
        """Token positions of words of these classes (one array comparison per word type)."""
        found: list[int] = []
        for orth, cls in self.present.items():
            if cls in classes:
                found.extend(numpy.flatnonzero(self.orths == orth).tolist())
        return sorted(found)


def owner_kind(owners: list[int]) -> str | None:
    if NATIONAL in owners:
        return "national-public"
    if LOCAL in owners or SELF_GOVERNMENT in owners:
        return "local-public"
    return None


#: how far a budget word's owner may be ("z rozpočtu statutárního města Olomouce",
#: "aus Mitteln des Europäischen Sozialfonds (ESF) und des Landes")
OWNER_AFTER = 12
OWNER_BEFORE = 2
AGENT_AFTER = 4
#: how far after a funding verb an owner joined by "and" may come
JOINED_AGENT_AFTER = 14
#: coordination words a budget phrase runs across ("des ESF und des Landes")
AND_WORDS = {
    "cs": {"a"},
    "sk": {"a", "aj"},
    "pl": {"i", "oraz"},
    "sl": {"in", "ter"},
    "de": {"und"},
    "en": {"and"},
}
#: an organisation's actor type → the kind of public money it gives
OWNER_BY_ACTOR_TYPE = {
    "ministry": NATIONAL,
    "government-agency": NATIONAL,
    "regional-government": NATIONAL,
    "municipality": LOCAL,
}


def public_money(
    doc: Doc, words: Words, sentence_of: list[int], skip: set[int], org_types: dict[int, str]
) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` (token offsets) of budget phrases with a public owner.

    ``skip``: tokens of named programmes; ``org_types``: actor type of every token in
    an organisation's name (the owner may be a named body: "z rozpočtu Jihomoravského
    kraje")."""
    cls = words
    out: list[tuple[str, int, int]] = []
    n = len(doc)
    for i in cls.positions(BUDGET, NATIONAL_MONEY, LOCAL_MONEY):
        if cls[i] in (NATIONAL_MONEY, LOCAL_MONEY):
            kind = "national-public" if cls[i] == NATIONAL_MONEY else "local-public"
            out.append((kind, i, i + 1))
            continue
        owners: list[int] = []
        start, end = i, i + 1
        for k in range(i - 1, max(i - 1 - OWNER_BEFORE, -1), -1):
            if sentence_of[k] != sentence_of[i] or cls[k] not in (NATIONAL, LOCAL, SELF_GOVERNMENT):
                break
            owners.append(cls[k])
            start = k
        other_words = 0  # lower-case words between: "z rozpočtu statutárního města"
        # an owner before ("städtischen Haushaltsmitteln") owns it: no look further
        reach = i + 1 if owners else min(i + 1 + OWNER_AFTER, n)
        for k in range(i + 1, reach):
            if sentence_of[k] != sentence_of[i]:
                break
            if k in org_types:  # a named body: public or not, it is the owner
                org_owner = OWNER_BY_ACTOR_TYPE.get(org_types[k])
                if org_owner:
                    owners.append(org_owner)
                    end = k + 1
                break
            if k in skip:  # a programme's name ("aus Mitteln des ESF und des Landes")
                continue
            if cls[k] in (FROM, STOP):
                break  # "sowie aus dem Landesprogramm": another source
            if cls[k] in (NATIONAL, LOCAL, SELF_GOVERNMENT):
                owners.append(cls[k])
                end = k + 1
            elif cls[k] == BUDGET:
                break
            elif cls[k] == 0 and cls.text(k)[:1].islower() and cls.text(k).isalpha():
                other_words += 1
                if other_words > 1:
                    break
        if not owners and i > 0 and OWN.match(fold(cls.text(i - 1))):
            owner = own_budget_owner(cls, sentence_of, org_types, skip, i - 1)
            if owner is not None:
                owners.append(owner)
                start = i - 1
        kind = owner_kind(owners)
        if kind:
            out.append((kind, start, end))
    return out


#: "its own" before a budget word: the money is its subject's ("hradí město ze svého
#: rozpočtu", "miasto sfinansowało z własnego budżetu", "obec prispieva zo svojho rozpočtu")
OWN = re.compile(r"^(own|vlastn\w*|wlasn\w*|lastn\w*|svoj\w*|sveho|svem|swoj\w*|eigen\w*)$")
OWN_BUDGET_REACH = 15


def own_budget_owner(
    cls: Words, sentence_of: list[int], org_types: dict[int, str], skip: set[int], own: int
) -> int | None:
    """The nearest public owner before "own" in its sentence: an owner word or a named
    public body (not a word of a programme's name: "iz Evropskega sklada za regionalni
    razvoj …, preostanek pokrivajo partnerji iz lastnih sredstev")."""
    for k in range(own - 1, max(own - 1 - OWN_BUDGET_REACH, -1), -1):
        if sentence_of[k] != sentence_of[own]:
            return None
        if k in skip:
            continue
        if k in org_types:
            return OWNER_BY_ACTOR_TYPE.get(org_types[k])
        if cls[k] in (NATIONAL, LOCAL):
            return cls[k]
    return None


def agent_money(
    doc: Doc, lang: str, words: Words, sentence_of: list[int], skip: set[int]
) -> list[tuple[str, int, int]]:
    """A public owner as the agent or subject of a funding verb: "funded by the city",
    "sofinancirata Republika Slovenija", "gefördert vom Land Brandenburg", "Die Stadt
    finanziert"."""
    cls = words
    out: list[tuple[str, int, int]] = []
    n = len(doc)

    def noun(k: int) -> bool:  # German owners are nouns (capitalised)
        return lang != "de" or cls.text(k)[:1].isupper()

    for i in cls.positions(VERB):
        for k in range(i + 1, min(i + 1 + AGENT_AFTER, n)):
            if sentence_of[k] != sentence_of[i] or k in skip:
                break
            if cls[k] in (NATIONAL, LOCAL):
                kind = owner_kind([cls[k]])
                if kind and noun(k):
                    out.append((kind, i, k + 1))
                break
            if cls[k] != LINK:
                break
        # a second agent joined by "and" further on ("sofinancirata Evropska unija iz
        # Evropskega socialnega sklada plus in Republika Slovenija")
        for k in range(i + 2, min(i + 1 + JOINED_AGENT_AFTER, n)):
            if sentence_of[k] != sentence_of[i] or (cls[k] == STOP and cls.text(k) in {";", "."}):
                break
            if cls[k] in (NATIONAL, LOCAL) and cls[k - 1] == AND and k not in skip and noun(k):
                # not the subject of a clause of its own ("… z ESF a město pořádá akce")
                nxt = k + 1
                ends = nxt >= n or not doc[nxt].is_lower or cls[nxt] in (STOP, FROM, LINK)
                kind = owner_kind([cls[k]])
                if kind and ends:
                    out.append((kind, k - 1, k + 1))
                break
        k = i - 1
        while k >= 0 and i - k < 3 and cls[k] == LINK and sentence_of[k] == sentence_of[i]:
            k -= 1
        if k >= 0 and k not in skip and sentence_of[k] == sentence_of[i]:
            kind = owner_kind([cls[k]]) if cls[k] in (NATIONAL, LOCAL) else None
            if kind and noun(k):
                out.append((kind, k, i + 1))
    return out


@lru_cache(maxsize=4096)
def may_deny(folded_sentence: str, lang: str) -> bool:
    """A negation or "instead of" anywhere in the sentence (one search per sentence)."""
    pattern = NEGATION.get(lang)
    return bool((pattern and pattern.search(folded_sentence)) or INSTEAD_OF.search(folded_sentence))


def negated(folded_sentence: str, phrase: str, lang: str) -> bool:
    """The sentence denies funding from ``phrase`` (folded): a negation a few words
    before it and no "but" between ("projekt ne bo financiran iz ESS, ampak iz programa
    Interreg", "im Gegensatz zu Erasmus+")."""
    if not may_deny(folded_sentence, lang):
        return False
    at = folded_sentence.find(phrase)
    if at < 0:
        return False
    before = folded_sentence[:at]
    for pattern, reach in ((NEGATION.get(lang), 8), (INSTEAD_OF, INSTEAD_OF_WORDS)):
        last = None
        for last in pattern.finditer(before) if pattern else ():  # noqa: B007 (the last one)
            pass
        if last is None:
            continue
        between = before[last.end() :]
        if len(between.split()) <= reach and not CONTRAST.search(between):
            return True
    return False
