"""Head words and the growth of a name around them: left over adjectives and
capitalised words, right over complements, tails and locations; where a name ends."""

from __future__ import annotations

import re

from spacy.attrs import NORM
from spacy.tokens import Doc

from ingest.components.organisations.labels import (
    ADJECTIVE_LEMMA_ENDINGS,
    _adjective_word,
    _pl_agree,
    _pl_is_adjective,
)
from ingest.components.organisations.words import (
    ADJ_ENDINGS,
    ARTICLES,
    COMPLEMENT_STOP,
    COUNTRY_DESIGNATORS,
    DASHES,
    DE_NOUN_ENDINGS,
    DOCUMENT_WORDS,
    GEO_TAILS,
    GIVEN_NAMES,
    LOCATION_PREPS,
    MAX_COMPLEMENT,
    MAX_LOWER_COMPLEMENT,
    MAX_NAME_TOKENS,
    NAME_ABBREVIATIONS,
    NAME_CONNECTORS,
    NOT_NAME_START,
    PERSON_TITLES,
    RANKS,
    SEPARATORS,
    SK_SHORT_ADJECTIVE,
    SLAVIC,
    TIME_WORDS,
    has_slavic_letters,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import LEGAL_FIRST, LEGAL_FORMS, HeadWord, cities, folded
from ingest.components.sentences import token_strings
from ingest.lemmatize import is_known, lemmatize

#: nouns of purpose after Slavic "na" inside a name ("na rzecz" = for, "na ochranu" = for
#: the protection of, "na podporu", "na pomoc", "na boj proti")
PURPOSE_NOUNS = {"rzecz", "ochranu", "ochrane", "podporu", "pomoc", "boj"}


#: Czech/Slovak possessive adjective endings (folded): "Masarykovy", "Komenského" is not one
POSSESSIVE_ENDINGS = ("ovy", "ova", "ovo", "ovu", "ovou", "ove", "ovej", "ovho", "ovom", "iny",
                      "ina", "ino", "inou", "inej")  # fmt: skip


#: prepositions inside Slavic place names ("Stráž pod Ralskem", "Ústí nad Labem", "Újezd u
#: Vizovic", "Šmarje pri Jelšah")
PLACE_NAME_PREPS = frozenset({"pod", "nad", "u", "pri", "při", "ob"})

#: pronouns after "o" (about): "rozhodl o tom" is a clause, not "péči o matku" in a name
ABOUT_PRONOUNS = frozenset("tom to tomto tomhle nem nich nej nom nu ne nas vas sebe".split())


class NameGrowth:
    """Head words and the growth of a name around them: left over adjectives and
    capitalised words, right over complements, tails and locations; where a name ends."""

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
                    surface = tuple(folded(w) for w in texts[i : i + width])
                    hit = table.exact.get(surface)
                    if hit is None and width > 1:
                        # the head inflects, its genitive complement does not ("Centrom
                        # sociálnych služieb" ~ "centrum socialnych sluzieb")
                        hit = table.exact.get((norm, *surface[1:]))
                if hit is not None:
                    return hit
        for prefix, hw in table.prefixes:
            if fold_text.startswith(prefix):
                return hw
        if table.suffix_re is not None and len(fold_text) >= 5 and text[:1].isupper():
            m = self.suffix_match(fold_text, norm)
            if m:
                return self.suffixes[m.group(0)]
        return None

    def suffix_match(self, fold_text: str, norm: str) -> re.Match[str] | None:
        """The head suffix ending a compound, as written or, for a German genitive singular
        ("Staatsministeriums", "Polizeipräsidiums", "Bundesamtes"), as its lemma."""
        regex = self.heads.suffix_re
        if regex is None:
            return None
        m = regex.search(fold_text)
        if m is None and len(norm) >= 5 and fold_text in {norm + "s", norm + "es"}:
            m = regex.search(norm)  # a genitive singular, not a plural ("Netzwerke")
        if m is None and self.lang == "de" and len(fold_text) >= 10 and fold_text == norm:
            # a compound the lemmatiser does not know, in the genitive
            # ("des Landesjustizvollzugsamtes")
            for ending in ("es", "s"):
                if fold_text.endswith(ending):
                    m = regex.search(fold_text[: -len(ending)])
                    if m is not None:
                        break
        return m

    # ---------------------------------------------------------------- span growth
    def _adjective_like(self, text: str) -> bool:
        if not text.islower() or len(text) <= 3:
            return False
        if self.lang == "sk" and len(text) > 4 and SK_SHORT_ADJECTIVE.search(text):
            return True
        return text.endswith(self.adj_endings)

    def _agrees_with(self, adjective: str, noun: str) -> bool:
        """Polish: the adjective before a head shares its case and number
        ("Dolnośląski Urząd", not "Osadzeni Zakładu")."""
        if self.lang != "pl":
            return True
        return _pl_agree(adjective, noun)

    def _adjective_any_case(self, text: str) -> bool:
        if self.lang == "pl":
            return _pl_is_adjective(text[:1].upper() + text[1:])
        low = text.lower()
        if self.lang == "sk" and len(text) > 4 and SK_SHORT_ADJECTIVE.search(low):
            return text.isalpha()
        return low.endswith(self.adj_endings) and len(text) > 3 and text.isalpha()

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
                if (
                    low in {"and", "und"}
                    and self._name_ends_before(doc, k, line_start)
                    and not (
                        low == "and"
                        and self._only_heads(doc, k + 1, head)
                        and self.head_at(doc, k - 1) is not None
                    )
                ):
                    # "Pankrác Remand Prison and | Opava Prison": two names; not "HM Prison
                    # and | Probation Service" (heads on both sides of "and"), but "HMP
                    # Grendon and | HMP Springhill" (a name word before "and") is two
                    break
                if k - 2 >= line_start and doc[k - 2].lower_ in {"from", "in", "at", "aus"}:
                    break  # "from Rome and | Fundación Secretariado Gitano": a place first
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
                    and (
                        not self._adjective_any_case(text)
                        or self._is_verb(t)
                        or (self.lang != "pl" and self._known_noun(text))
                    )
                    and not text.isupper()
                ):
                    # "Prezentace Probační …", "Sodelujejo Center …", "Policisti Policijske
                    # postaje …" (a plural noun by its lemma): not the name
                    break
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
        prep_at: int | None = None  # the last complement preposition
        head_word = self.head_at(doc, head)
        head_unit = head_word is not None and head_word.cls == "U"

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
            if in_caps and self._name_number(doc, k):
                k += 2 if k + 1 < n and texts[k + 1] == "+" else 1
                break  # "Stowarzyszenie Aktywni 60+": a number closes a titled name
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
            if (
                text in {"'s", "’s"}
                and k + 1 < n
                and is_cap(texts[k + 1])
                and self.head_at(doc, k + 1) is not None
            ):
                # "Seimas Ombudsmen's Office": the possessor names the body's head
                k += 2
                budget -= 2
                in_caps = True
                continue
            if text in {"'s", "’s"} and after_prep and k + 1 < n and is_cap(texts[k + 1]):
                k += 2  # "Ministry for Social Policy and Children's Rights"
                budget -= 2
                continue
            if text in DASHES and (t.whitespace_ or doc[k - 1].whitespace_):
                break  # "Center za socialno delo Krško - VNRC Drom": a spaced dash ends it
            if low in self.connectors and k > end and k + 1 < n:
                nxt = doc[k + 1]
                if (
                    text in DASHES
                    and not t.whitespace_
                    and not doc[k - 1].whitespace_
                    and is_cap(nxt.text)
                    and nxt.is_alpha
                    and in_caps
                ):
                    k += 2  # "Justizanstalt Graz-Karlau", "Regis-Breitingen": one place
                    continue
                if after_prep and slavic and prep_at is not None:
                    same = self._same_head_ahead(doc, prep_at, k)
                    if same is not None:
                        k = same  # "… pro Moravskoslezský kraj a Olomoucký kraj"
                        continue
                if (
                    lang == "de"
                    and head_unit
                    and k == end + 1
                    and is_cap(nxt.text)
                    and nxt.is_alpha
                    and self.head_at(doc, k + 1) is None
                    and (k + 2 >= n or not is_cap(texts[k + 2]))
                ):
                    k += 2  # "Abteilung Jugend und Familie": a unit's subjects
                    budget -= 2
                    continue
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
            if (
                low in {"z", "s", "se"}
                and slavic
                and k > end
                and k + 1 < n
                and folded(texts[k + 1]) in {"ljudmi", "lidmi", "ludmi"}
                and folded(texts[k - 1]).startswith(("trgovin", "obchod"))
            ):
                k += 2  # "… za boj proti trgovini z ljudmi": the term for human trafficking
                continue
            if low in {"s", "se", "so"} and slavic and k == end and head_word is not None:
                kind = self._same_kind_after(doc, k + 1, head_word.actor_type)
                if kind is not None:
                    k = kind  # "Základná škola s materskou školou Hermanovce"
                    continue
            if (
                low == "o"
                and lang in {"cs", "sk"}
                and after_prep
                and k + 1 < n
                and doc[k + 1].is_lower
                and doc[k + 1].is_alpha
                and folded(texts[k + 1]) not in ABOUT_PRONOUNS
                and not self._is_verb(doc[k + 1])
            ):
                # "Ústav pro péči | o matku a dítě", "Centrum pre uznávanie dokladov | o
                # vzdelaní": "about" inside a purpose phrase
                prep_at = k
                k += 1
                budget -= 1
                lower_run = 0
                continue
            if ends_name(t) or low in COMPLEMENT_STOP:
                break
            if text in DASHES:
                if not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_:
                    k += 1  # "Praha-Ruzyně"
                    continue
                break
            if (
                in_caps
                and slavic
                and low in PLACE_NAME_PREPS
                and k + 1 < n
                and is_cap(texts[k + 1])
                and doc[k + 1].is_alpha
                and self.head_at(doc, k + 1) is None
            ):
                k += 2  # a place named with a preposition: "Stráž pod Ralskem", "Újezd u Vizovic"
                continue
            if in_caps and low in {"an", "am", "im", "ob"}:
                j = k + 1
                if j < n and doc[j].lower_ in {"der", "dem"}:
                    j += 1
                if j < n and folded(texts[j]) in GEO_TAILS:
                    k = j + 1  # "Hainburg an der Donau", "Furth im Wald"
                    continue
            if lang == "de" and low in {"von", "vom"} and self._legal_form_ahead(doc, k + 1):
                break  # "Beratungsstelle | von Hilfe für Opfer von Straftaten e. V."
            if low in self.preps or (low in {"ds.", "spraw"} and lang == "pl"):
                nxt = doc[k + 1] if k + 1 < n else None
                if nxt is None or ends_name(nxt) or nxt.lower_ in COMPLEMENT_STOP:
                    break
                if in_caps and slavic and not is_cap(nxt.text):
                    if not self._designator_before(doc, k):
                        break
                    in_caps = False  # "Rada vlády SR | pre prevenciu kriminality"
                if (
                    caps_tail
                    and not slavic
                    and low not in {"der", "des", "of"}
                    and self.head_at(doc, k - 1) is None
                ):
                    # "Volkshochschule Augsburg | zur digitalen Grundbildung"; a nested
                    # body keeps its own ("… Sachsen der Bundesagentur für Arbeit")
                    break
                prep_at = k
                k += 1
                budget -= 1
                after_prep = True
                lower_run = 0
                continue
            if (
                low == "na"
                and slavic
                and k + 2 < n
                and folded(texts[k + 1]) in PURPOSE_NOUNS
                and not ends_name(doc[k + 2])
            ):
                # "Ogólnopolska Federacja na rzecz …", "Úrad na ochranu oznamovateľov"
                prep_at = k
                k += 2
                budget -= 2
                after_prep = True
                in_caps = False
                lower_run = 0
                continue
            if low in LOCATION_PREPS:
                break
            if (
                low == "the"
                and lang == "en"
                and doc[k - 1].lower_ in self.preps
                and k + 1 < n
                and doc[k + 1].is_lower
            ):
                break  # "Belfast City Council | for the use of …": a clause, not the name
            if (
                low == "the"
                and lang == "en"
                and after_prep
                and doc[k - 1].lower_ in self.preps
                and k + 1 < n
                and is_cap(texts[k + 1])
            ):
                # "Government of the Kingdom | of the Netherlands": an article after a
                # preposition inside the name
                in_caps = False
                k += 1
                budget -= 1
                continue
            if is_cap(text):
                if lang == "en" and low in DOCUMENT_WORDS:
                    break  # "Council of Europe | Recommendation CM/Rec(2018)8"
                if (
                    in_caps is False
                    and k > end
                    and self._starts_new_name(doc, k)
                    and not (after_prep or lower_run or lang in {"pl", "de", "en"})
                ):
                    break
                if (
                    lang == "de"
                    and not after_prep
                    and folded(text).endswith(DE_NOUN_ENDINGS)
                    and not (k > end and self._adjective_like_de(texts[k - 1].lower()))
                    and not (head_unit and k == end)  # "Referat Bauordnung"
                ):
                    # "mit der IHK | Empfehlungen erarbeiten": a common noun; not after a
                    # capitalised adjective of the name ("Beratungsnetzwerk Faire Mobilität")
                    break
                if k > end and self._person_ahead(doc, k):
                    break  # "Městského úřadu Kolín | Petra Hájková"
                in_caps = True
                caps_tail = caps_tail or not after_prep
                lower_run = 0
                k += 1
                budget -= 1
                continue
            # a lower-case word
            if (
                in_caps
                and slavic
                and t.is_alpha
                and folded(texts[k - 1]).endswith(POSSESSIVE_ENDINGS)
                and is_cap(texts[k - 1])
                and self.head_at(doc, k) is not None
            ):
                # "Právnická fakulta Masarykovy | univerzity": a possessive adjective names
                # the parent body, whose head follows in lower case
                k += 1
                budget -= 1
                continue
            if in_caps and k > 0 and folded(texts[k - 1] + " " + text) in cities():
                k += 1  # "Novo mesto", "Brandenburg an der Havel"
                continue
            if (
                in_caps
                and slavic
                and t.is_alpha
                and is_cap(texts[k - 1])
                and adjective(texts[k - 1])
                and (
                    not adjective(text)
                    or (self.lang in {"cs", "sk", "sl"} and self._known_noun(text))
                )
                and not self._is_verb(t)
            ):
                # "… Pohraničnej stráže", "… České republiky", "… Mestne občine Maribor" (a
                # noun by its lemma though it ends like an adjective): the capital's noun
                k += 1
                continue
            if (
                slavic
                and k + 1 < n
                and is_cap(texts[k + 1])
                and folded(text) == t.norm_
                and self._town_word(doc, k)
            ):
                break  # "Dodatkowe służby | miasto Bydgoszcz sfinansowało": a nominative town
            if (
                in_caps
                and slavic
                and k + 1 < n
                and is_cap(texts[k + 1])
                and self.head_at(doc, k - 1) is not None
                and self._town_word(doc, k)
            ):
                # "Odbor sociálních služeb Magistrátu | města Plzně": the parent's own town
                k += 1
                continue
            # a hyphenated adjective counts as a word ("der deutsch-tschechischen Polizei-")
            alpha = t.is_alpha or ("-" in text and text.replace("-", "").isalpha())
            if in_caps or not alpha or len(text) < 3 or self._is_verb(t):
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
                and folded(place.text) not in TIME_WORDS  # "… in May"
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

    def _name_number(self, doc: Doc, k: int) -> bool:
        """A short number that ends a name ("Aktywni 60+", "Život 90, z. ú."): one to three
        digits, then "+", punctuation or the end of the line (not "60 osób", not a year)."""
        text = doc[k].text
        if not (text.isdigit() and len(text) <= 3):
            return False
        if k + 1 >= len(doc):
            return True
        nxt = doc[k + 1]
        return nxt.text in {"+", ",", ")", ";"} or "\n" in nxt.text or nxt.is_space

    def _only_heads(self, doc: Doc, start: int, head: int) -> bool:
        """The words from ``start`` to the head at ``head`` are institutional words and
        the name goes on after it ("Probation | Service")."""
        hw = self.head_at(doc, head)
        end = head + (hw.width if hw is not None else 1)
        two = end - start >= 2 or (end < len(doc) and is_cap(self._texts[end]))
        return (
            start <= head
            and two
            and all(self.head_at(doc, j) is not None for j in range(start, head + 1))
        )

    def _legal_form_ahead(self, doc: Doc, k: int) -> bool:
        """A legal form ("e. V.", "gGmbH") closes the words from ``k`` on this line: they
        name a body of their own."""
        for j in range(k, min(len(doc), k + 10)):
            text = self._texts[j]
            if "\n" in text or text in {",", ";", ":", "(", ")"}:
                return False
            if text in LEGAL_FIRST and j > k:
                return any(
                    tuple(self._texts[j : j + len(form)]) == form for form, _type in LEGAL_FORMS
                )
        return False

    def _same_head_ahead(self, doc: Doc, prep: int, k: int) -> int | None:
        """After connector ``k`` inside a complement: a second name with the head of the
        complement's own name ("pro Moravskoslezský kraj | a | Olomoucký kraj"); the end of
        that head, or None."""
        heads = set()
        for j in range(prep + 1, k):
            hw = self.head_at(doc, j)
            if hw is not None and hw.cls != "M":
                heads.add(" ".join(folded(t) for t in self._texts[j : j + hw.width]))
        if not heads:
            return None
        for j in range(k + 1, min(len(doc), k + 4)):
            if not self._texts[j].isalpha():
                return None
            hw = self.head_at(doc, j)
            if hw is not None and hw.cls != "M":
                word = " ".join(folded(t) for t in self._texts[j : j + hw.width])
                return j + hw.width if word in heads else None
        return None

    def _same_kind_after(self, doc: Doc, k: int, actor_type: str) -> int | None:
        """Lower-case words ending in a head of the same kind ("s | materskou školou"): the
        end of that head, or None."""
        for j in range(k, min(len(doc), k + 3)):
            if not self._texts[j].isalpha() or not self._texts[j].islower():
                return None
            hw = self.head_at(doc, j)
            if hw is not None and hw.cls != "M":
                return j + hw.width if hw.actor_type == actor_type else None
        return None

    def _town_word(self, doc: Doc, k: int) -> bool:
        """A lower-case word heading a municipality's name ("města", "miasta", "obce")."""
        hw = self.head_at(doc, k)
        return (
            hw is not None
            and hw.actor_type == "municipality"
            and hw.width == 1
            and self._texts[k].islower()
        )

    def _known_noun(self, text: str) -> bool:
        """cs/sk/sl: the lemmatiser knows the word as an inflected non-adjective
        ("Policisti" → "policist"); unknown words ("Konzultačné") stay possible adjectives."""
        lemma = lemmatize(text, self.lang).lower()
        if lemma == text.lower():
            # a nominative noun the dictionary knows ("Varna hiša": house), not an adjective
            # lemma ("slovenski", "nový")
            return (
                text.islower()
                and is_known(lemma, self.lang)
                and not lemma.endswith(ADJECTIVE_LEMMA_ENDINGS.get(self.lang, ("\0",)))
            )
        return not _adjective_word(text, self.lang)

    def _person_ahead(self, doc: Doc, k: int) -> bool:
        """A given name in the nominative and a capitalised surname at ``k`` (a Czech/Slovak
        "-ová" surname after "-a" is a woman's name in the nominative: "Petra Hájková")."""
        texts = self._texts
        if k + 1 >= len(doc):
            return False
        given = folded(texts[k])
        surname = folded(texts[k + 1])
        return (
            (given in GIVEN_NAMES or (given.endswith("a") and surname.endswith("ova")))
            and is_cap(texts[k + 1])
            and texts[k + 1].isalpha()
            and not texts[k + 1].isupper()
            and self.head_at(doc, k + 1) is None
        )

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
        if first.lower_ in NAME_CONNECTORS or first.lower_ in COMPLEMENT_STOP:
            return False  # "Ministerstvo vnitra, | a zbytek …": a new clause
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
