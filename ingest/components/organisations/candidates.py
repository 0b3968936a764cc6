"""Candidate name spans from each source: institutional heads, legal forms, the
authority file, classifier nouns, partner-list lines and acronym definitions."""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc

from ingest.components.context import in_disclaimer
from ingest.components.funders import named_as_payer
from ingest.components.organisations.acronyms import matches_initialism
from ingest.components.organisations.labels import _pl_number
from ingest.components.organisations.records import Candidate
from ingest.components.organisations.words import (
    APPOSITIVE_FOLLOWERS,
    APPOSITIVE_NOUNS,
    APPOSITIVE_WORDS,
    ARTICLE_CONTRACTIONS,
    ARTICLES,
    CLASSIFIER_ADJECTIVES,
    CLASSIFIER_NOUNS,
    CLAUSE_PREPS,
    CLOSE_QUOTES,
    COMPLEMENT_STOP,
    COPULAS,
    DASHES,
    GIVEN_NAMES,
    HEAD_FINAL,
    LOCATION_PREPS,
    NOT_INSIDE_ARTICLES,
    NOT_NAME_START,
    OPEN_QUOTES,
    PROJECT_WORDS,
    ROLE_FROM_NOUNS,
    SLAVIC,
    has_slavic_letters,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import (
    FUNDING_BODIES,
    LEGAL_FIRST,
    LEGAL_FORMS,
    SKIPPED_AUTHORITIES,
    HeadWord,
    cities,
    folded,
)
from ingest.components.sentences import folded_sentence

#: the stems of the lower-case town words that head a municipality's name
MUNICIPALITY_WORDS = {
    "cs": ("mest", "obec", "obc"),
    "sk": ("mest", "obec", "obc"),
    "pl": ("miast", "miesci", "gmin"),
    "sl": ("obcin",),
}
#: endings only plural forms of those words have
MUNICIPALITY_PLURAL = {
    "cs": ("mestum", "mestech", "mesty", "obcim", "obcich", "obcemi"),
    "sk": ("miest", "mestam", "mestach", "mestami", "obciam", "obciach", "obcami"),
    "pl": ("miast", "miastom", "miastach", "miastami", "gmin", "gminom", "gminach", "gminami"),
    "sl": ("obcin", "obcinam", "obcinah", "obcinami"),
}
#: a body's branch named after a dash ("– Izpostava Koper", "– Krajská pobočka v Plzni")
BRANCH_WORDS = {
    "izpostava",
    "pobocka",
    "pracoviste",
    "pracovisko",
    "expozitura",
    "filia",
    "aussenstelle",
    "zweigstelle",
    "branch",
}
#: little words inside a brand before a country ("Save the Children Italia")
BRAND_LITTLE_WORDS = {"the", "of", "de", "des", "du", "di", "del", "for", "la", "le"}


@cache
def _nominative_country_forms(codes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Folded country names that can close a chapter's name: names, not adjectives."""
    from ingest.components.countries import country_forms

    out: dict[str, frozenset[str]] = {}
    for code in codes:
        names = {
            folded(form)
            for form in country_forms()[code]
            if form[:1].isupper() and not form.isupper() and not form.endswith(("ian", "ish"))
        }
        out[code] = frozenset(names)
    return out


#: lower-case adjectives of a town's title ("statutární město", "hlavné mesto", "mestna občina")
TOWN_ADJECTIVES = ("statutarn", "hlavn", "mestn")
#: instrumental singular endings: "z"/"ze" before them means "with" (a partner)
INSTRUMENTAL_ENDINGS = ("em", "om", "ou", "ą", "o")
#: prepositions before a town word that make it a place ("v obci", "w mieście", "do města")
PLACE_PREPS = LOCATION_PREPS | set(
    "vo do u k ke ku po od iz okolo przy koło pod za mimo blízko nedaleko poblíž okolí".split()
)

#: words whose lemma may start a classifier or appositive rule
TRIGGER_NORMS = frozenset(CLASSIFIER_NOUNS) | frozenset(APPOSITIVE_NOUNS)


class CandidateSources:
    """Candidate name spans from each source: institutional heads, legal forms, the
    authority file, classifier nouns, partner-list lines and acronym definitions."""

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
                        and self.suffix_match(fold_text, strings[norm]) is not None
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
            head_final = folded(self._texts[i]) in HEAD_FINAL
            if head_final and start == i:
                start = self._name_before_head(doc, i)
            end = self.grow_right(doc, i, hw.width)
            end = self._quoted_tail(doc, end)
            if head_final:  # "Bredtveit fengsel | v Norsku": the text's own location phrase
                end = self._before_location(doc, i, end)
            start = self._drop_origin_adjective(doc, start, i, hw, end)
            head_ok = (
                self.lang not in {"en", "de"} or is_cap(doc[i].text) or (head_final and start < i)
            )
            if self._state_as_place(doc, start, hw):
                head_ok = False  # "im Freistaat Sachsen", "in the Land Tirol": a territory
            if self._municipality_as_actor(doc, i, hw, end):
                start = i  # not "Dodatkowe służby | miasto Bydgoszcz"
                while start > 0 and folded(self._texts[start - 1]).startswith(TOWN_ADJECTIVES):
                    start -= 1  # "statutárního | města Olomouce", "mestne | občine Maribor"
                out.append(Candidate(start, end, "head", head_index=i))
            elif head_ok and is_cap(doc[start].text) and self._named(doc, start, end, i, hw):
                out.append(Candidate(start, end, "head", head_index=i))
            i += max(hw.width, 1)
        return out

    def _municipality_as_actor(self, doc: Doc, i: int, hw: HeadWord, end: int) -> bool:
        """A lower-case town word and the town's name, said of the town as an actor ("hradí
        město Kroměříž", "miasto Bydgoszcz sfinansowało", "spolu s mestom Uherské
        Hradiště"), not where something happens ("v obci Hermanovce", "w gminach …")."""
        if self.lang not in SLAVIC or hw.actor_type != "municipality" or hw.width > 2:
            return False
        last = i + hw.width - 1  # "statutárního | města Olomouce"
        word = self._texts[last]
        low = folded(word)
        base = MUNICIPALITY_WORDS.get(self.lang)
        if not all(self._texts[k].islower() for k in range(i, last + 1)):
            return False
        if base is None or not low.startswith(base):
            return False
        if low.endswith(MUNICIPALITY_PLURAL.get(self.lang, ())):
            return False  # "obcích", "miastach", "gmin": several towns, a kind of place
        name = last + 1
        if end <= name or not is_cap(self._texts[name]) or name in self._country_tokens:
            return False
        if i == 0:
            return True
        before = self._texts[i - 1].lower()
        if is_cap(self._texts[i - 1]) and not self._opens_clause(doc, i - 1):
            return False  # "Magistrátu města Plzně": the town of another name
        if before in PLACE_PREPS:
            return False
        if before in {"z", "ze", "zo"} and not word.endswith(INSTRUMENTAL_ENDINGS):
            return False  # "z města Kolína" (from), not "z miastem" / "z Mestno občino" (with)
        return True

    def brand_country_candidates(self, doc: Doc) -> list[Candidate]:
        """A body's national chapter: capitalised brand words right before a country's name
        in the nominative ("Transparency International Slovensko", "La Strada Česká
        republika", "Depaul Slovensko", "Save the Children Italia")."""
        from ingest.components.countries import COUNTRY_SPANS, country_forms

        forms = _nominative_country_forms(tuple(sorted(country_forms())))
        texts = self._texts
        out: list[Candidate] = []
        city_map = cities()
        for span in doc.spans.get(COUNTRY_SPANS, []):
            cs, ce = span.start, span.end
            if folded(span.text) not in forms.get(span.label_, ()) or not is_cap(texts[cs]):
                continue
            if texts[cs].isupper() or (
                ce < len(doc)
                and (is_cap(texts[ce]) or doc[ce].like_num or texts[ce] in DASHES)
                and (is_cap(texts[ce]) or doc[ce].like_num or not doc[ce - 1].whitespace_)
            ):
                # "SR", "Slovensko Tour", "Program Slovensko 2021", "Polsko-Niemieckich"
                continue
            line_start = self._line_start(doc, cs)
            k = cs
            while k - 1 >= line_start and cs - k < 4:
                word = texts[k - 1]
                if (
                    word.lower() in BRAND_LITTLE_WORDS
                    and k - 2 >= line_start
                    and is_cap(texts[k - 2])
                    and k < cs
                ):
                    k -= 1  # "Save the | Children"
                    continue
                if not (is_cap(word) and word.replace("-", "").isalpha()):
                    break
                if (
                    folded(word) in NOT_NAME_START
                    or folded(word).endswith(PROJECT_WORDS)
                    or folded(word) in city_map
                    or k - 1 in self._country_tokens
                    or self.head_at(doc, k - 1) is not None
                ):
                    break
                k -= 1
            while k < cs and texts[k] in BRAND_LITTLE_WORDS:
                k += 1
            if k == cs:
                continue
            if self._opens_clause(doc, k) and cs - k == 1:
                continue  # "Beautiful Slovakia": a capital only because it opens a sentence
            before = texts[k - 1].lower() if k > line_start else ""
            from_words = {"from", "aus", "iz"} | ({"z", "ze"} if self.lang == "cs" else set())
            if before in LOCATION_PREPS or before in from_words:
                continue  # "in Graz Austria"
            out.append(Candidate(k, ce, "classifier", legal_type="ngo"))
        return out

    def join_branches(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """A branch named after a spaced dash is a name of the body itself ("Úřad práce ČR –
        Krajská pobočka v Plzni", "Uprava … za zaščito in reševanje – Izpostava Koper"): the
        whole is kept as a surface of the body (``self.branch_ends``), no second body."""
        self.branch_ends: dict[tuple[int, int], int] = {}
        out: list[Candidate] = []
        skip_until = -1
        texts = self._texts
        n = len(doc)
        for c in chosen:
            if c.start < skip_until:
                continue
            e = c.end
            j = e + 1
            if (
                j < n
                and texts[e] in DASHES
                and doc[e - 1].whitespace_
                and doc[e].whitespace_
                and is_cap(texts[j])
            ):
                if folded(texts[j]) not in BRANCH_WORDS and j + 1 < n:
                    j += 1  # "Krajská | pobočka"
                if folded(texts[j]) in BRANCH_WORDS:
                    j += 1
                    while j < n and is_cap(texts[j]) and texts[j].isalpha():
                        j += 1  # "Izpostava Koper"
                    if j + 1 < n and texts[j] in LOCATION_PREPS and is_cap(texts[j + 1]):
                        j += 2  # "… pobočka v Plzni"
                    out.append(c)
                    self.branch_ends[(c.start, c.end)] = j
                    skip_until = j
                    continue
            out.append(c)
        return out

    def _state_as_place(self, doc: Doc, start: int, hw: HeadWord) -> bool:
        """German: a state after "im"/"in" is where something happens, not an actor."""
        return (
            self.lang == "de"
            and hw.actor_type == "regional-government"
            and start > 0
            and self._texts[start - 1].lower() in {"im", "in"}
            and folded(self._texts[start]) in {"land", "freistaat"}
        )

    def _name_before_head(self, doc: Doc, i: int) -> int:
        """Start of the capitalised words before a name-final head ("Halden | fengsel")."""
        texts = self._texts
        line_start = self._line_start(doc, i)
        j = i
        while (
            j - 1 >= line_start
            and i - j < 3
            and is_cap(texts[j - 1])
            and texts[j - 1].replace("-", "").isalpha()
            and folded(texts[j - 1]) not in NOT_NAME_START
        ):
            j -= 1
        return j

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
        if self.lang == "de" and hw.cls in {"G", "W"} and hw.width == 1:
            if self._german_plural(doc[head]):
                return False  # "Beratungsstellen und Behörden zum …": kinds of bodies
            if (
                end == head + 1
                and head - start == 1
                and end < len(doc)
                and doc[end].text == ":"
                and self._opens_clause(doc, start)
            ):
                return False  # "Zuständige Behörde: …": a field's label
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
            if (
                k - 1 >= line_start
                and k == last
                and self._name_number(doc, k)
                and is_cap(doc[k - 1].text)
            ):
                k -= 1  # "Život 90, z. ú.": a number closing the name before its legal form
            while (
                k >= line_start
                and (is_cap(doc[k].text) or doc[k].lower_ in self.connectors or doc[k].is_lower)
                and last - k < 8
            ):
                if doc[k].is_lower and doc[k].lower_ not in self.connectors:
                    if (
                        self.lang == "de"
                        and doc[k].lower_ in {"von", "vom"}
                        and k - 1 >= line_start
                        and is_cap(doc[k - 1].text)
                        and self.head_at(doc, k - 1) is not None
                    ):
                        break  # "die Beratungsstelle von | Hilfe für Opfer von Straftaten e. V."
                    if doc[k].lower_ in NOT_INSIDE_ARTICLES or self._after_connector(doc, k):
                        break  # "Chemnitz | die Stadtmission …", "Caritas und | vom Verein …"
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
                        and not self._after_connector(doc, j)
                    ):
                        j -= 1
                    if j >= line_start and self._after_connector(doc, j):
                        break  # "KOVO a s | organizací Poradna pro integraci, z. ú."
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
            while start < last and (
                doc[start].lower_ in self.connectors
                or (doc[start].lower_ in ARTICLES and is_cap(doc[start + 1].text))
            ):
                start += 1  # "Der | WEISSE RING e. V."
            # a name starts with a capital: "ústav | Mezikrok, z. ú."
            first_cap = next((j for j in range(start, last + 1) if is_cap(doc[j].text)), None)
            if first_cap is not None and first_cap > start:
                start = first_cap
            # "der Verein | Neue Wege Oberlausitz e. V.": after an article, a generic
            # head before a name that carries its own legal form describes it
            if (
                start > 0
                and doc[start - 1].lower_ in ARTICLES | ARTICLE_CONTRACTIONS
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

    def _after_connector(self, doc: Doc, k: int) -> bool:
        """Token ``k`` is a preposition right after "and" ("a | s organizací", "und | vom
        Verein"): a new phrase, so a name growing leftwards stops here."""
        return (
            k > 0
            and doc[k].lower_ in CLAUSE_PREPS
            and doc[k - 1].lower_ in self.connectors
            and doc[k - 1].is_alpha
        )

    def authority_candidates(self, doc: Doc, home: set[str]) -> list[Candidate]:
        out: list[Candidate] = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in [*self.label_matcher(doc), *self.word_matcher(doc)]:
            auth = self.authority_by_id[strings[match_id]]
            if not any(is_cap(t.text) for t in doc[start:end]):
                continue
            source = "authority"
            if self._skipped(doc, strings[match_id], start, end):
                source = "blocked"
            out.append(Candidate(start, end, source, authority=auth, priority=2))
        for match_id, start, end in self.acronym_matcher(doc):
            auth = self.authority_by_id[strings[match_id]]
            if auth.country and auth.country not in home:
                continue
            # "EU average", "EU contribution": the acronym of a skipped body is skipped too
            source = "authority-acronym"
            if self._skipped(doc, strings[match_id], start, end):
                source = "blocked"
            out.append(Candidate(start, end, source, authority=auth, priority=1))
        out.extend(self._inflected_one_word_authorities(doc, home))
        return out

    def _skipped(self, doc: Doc, ident: str, start: int, end: int) -> bool:
        """A body matched but not reported: the Union anywhere; the Commission or its
        executive agency as the source of a grant ("funded with support from the European
        Commission") or in the EU disclaimer, which every Erasmus+ text carries."""
        if ident in SKIPPED_AUTHORITIES:
            return True
        if ident not in FUNDING_BODIES:
            return False
        if in_disclaimer(folded_sentence(doc, doc[start].idx)):
            return True
        return named_as_payer(doc, start, end)

    def _inflected_one_word_authorities(self, doc: Doc, home: set[str]) -> list[Candidate]:
        """A one-word national body capitalised inside a sentence, in any case ("sodelovanje
        s Policijo", "zdolności Policji i Straży"): the home country's body of that name."""
        out: list[Candidate] = []
        texts, norms = self._texts, self._norms
        for i, text in enumerate(texts):
            if not is_cap(text) or text.isupper() or not text.isalpha():
                continue
            auth = self.label_authority.get(norms[i])
            if auth is None or not auth.country or auth.country not in home:
                continue
            if self._opens_clause(doc, i) or folded(text) == norms[i]:
                continue  # the nominative is matched as written; a capital by position
            hw = self.head_at(doc, i)
            if hw is None or hw.cls not in {"H", "HM"}:
                continue
            if i > 0 and texts[i - 1].islower() and self.head_at(doc, i - 1) is not None:
                continue  # "komisariatów Policji": the units of a kind, not the body
            out.append(Candidate(i, i + 1, "authority", authority=auth, priority=2))
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
            if norms[i] not in TRIGGER_NORMS and texts[i] not in ROLE_FROM_NOUNS:
                continue  # most words: two set lookups
            if (
                texts[i] in ROLE_FROM_NOUNS
                and self.lang == "en"
                and texts[i + 1] == "from"
                and (name := self._name_after_role(doc, i + 2)) is not None
            ):
                out.append(Candidate(name[0], name[1], "classifier", legal_type="ngo"))
            kind = CLASSIFIER_NOUNS.get(norms[i])
            if kind is None:
                kind = APPOSITIVE_NOUNS.get(norms[i])
                brand = texts[i + 1]
                if (
                    kind is not None
                    and texts[i].islower()
                    and len(brand) >= 4
                    and brand.isupper()
                    and brand.isalpha()
                    and (i + 2 >= n or not is_cap(texts[i + 2]))
                ):
                    # "cez národnú agentúru IUVENTA", "the agency FRONTEX": a name in capitals
                    out.append(Candidate(i + 1, i + 2, "classifier", legal_type=kind))
                if (
                    kind is not None
                    and texts[i].islower()
                    # the noun ends the description: "the national agency for youth work",
                    # not "a university lecturer"
                    and (doc[i + 1].is_punct or norms[i + 1] in APPOSITIVE_FOLLOWERS)
                ):
                    name = self._appositive_name(doc, i) or self._predicate_name(doc, i)
                    if (
                        name is not None
                        and self._brand_like(name[0], name[1])
                        and folded(texts[name[0]]) not in GIVEN_NAMES
                    ):
                        out.append(Candidate(name[0], name[1], "classifier", legal_type=kind))
                continue
            appositive = self._appositive_name(doc, i)
            if appositive is not None:
                out.append(Candidate(appositive[0], appositive[1], "classifier", legal_type=kind))
            predicate = self._predicate_name(doc, i)
            if predicate is not None:
                s, e = predicate
                # the subject of "is" is nominative as written ("Delavska svetovalnica")
                headless = all(self.head_at(doc, k) is None for k in range(s, e))
                label = doc[s:e].text if headless else None
                out.append(Candidate(s, e, "classifier", legal_type=kind, label=label))
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

    def _name_after_role(self, doc: Doc, j: int) -> tuple[int, int] | None:
        """ "a researcher from | KU Leuven": two to four capitalised words, one of them in
        capitals or with an inner capital, not a place and not a name grown from a head."""
        texts, n = self._texts, len(doc)
        end = j
        while end < n and end - j < 4 and is_cap(texts[end]) and texts[end].isalpha():
            end += 1
        if end - j < 2 or (end < n and is_cap(texts[end])):
            return None
        city_map = cities()
        if (
            not any(
                texts[k].isupper() or any(c.isupper() for c in texts[k][1:]) for k in range(j, end)
            )
            or any(self.head_at(doc, k) is not None for k in range(j, end))
            or folded(texts[j]) in NOT_NAME_START
            or all(k in self._country_tokens or folded(texts[k]) in city_map for k in range(j, end))
        ):
            return None
        return j, end

    def _predicate_name(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """A name that opens its sentence and is said to be what the classifier noun at
        ``i`` names ("Delavska svetovalnica je nevladna organizacija", "Liga za ľudské práva
        je mimovládna organizácia", "Second Step is a charity"): ``(start, end)`` of the
        name (two to five words, the first capitalised, no verb), else None."""
        texts = self._texts
        p = i - 1
        while p >= 0 and i - p <= 3 and texts[p].lower() not in COPULAS:
            t = doc[p]
            if (
                not (t.is_alpha and t.is_lower)
                or self._is_verb(t)
                or t.lower_ in self.preps
                or t.lower_ in APPOSITIVE_FOLLOWERS
            ):
                return None  # "… is a region with a network": not what the name is
            p -= 1
        if p < 2 or texts[p].lower() not in COPULAS:
            return None
        line_start = self._line_start(doc, p)
        start = p
        while start - 1 >= line_start and p - start < 5 and not doc[start].is_sent_start:
            start -= 1
        if not (start == line_start or doc[start].is_sent_start) or p - start < 2:
            return None
        city_map = cities()
        first = folded(texts[start])
        if (
            not is_cap(texts[start])
            or first in NOT_NAME_START
            or first in GIVEN_NAMES
            or any(
                not texts[k].replace("-", "").isalpha()
                or self._is_verb(doc[k])
                or self._norms[k] in CLASSIFIER_NOUNS
                or folded(texts[k]) in PROJECT_WORDS
                for k in range(start, p)
            )
            or all(
                k in self._country_tokens or folded(texts[k]) in city_map for k in range(start, p)
            )
        ):
            return None
        return start, p

    def _brand_like(self, start: int, end: int) -> bool:
        """Two or more capitalised words, or one written in capitals or with an inner
        capital ("YouthLink Scotland", "NEUSTART", "YouthLink"): not a lone word that may
        start a sentence."""
        if end - start >= 2:
            return True
        word = self._texts[start]
        return len(word) >= 3 and (word.isupper() or any(c.isupper() for c in word[1:]))

    def _appositive_name(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """A capitalised name described after a comma by a classifier noun at ``i``
        ("Queer Montenegro, a local civil society organisation", "Liga za ľudské práva,
        mimovládna organizácia"): ``(start, end)`` of the name, else None."""
        texts = self._texts
        p = i - 1
        while p >= 0 and i - p <= APPOSITIVE_WORDS and texts[p] != ",":
            t = doc[p]
            if not (t.is_alpha and t.is_lower) or self._is_verb(t):
                return None
            p -= 1
        if p < 1 or texts[p] != ",":
            return None
        end = p
        start = end
        line_start = self._line_start(doc, end)
        while (
            start - 1 >= line_start
            and end - start < 4
            and is_cap(texts[start - 1])
            and texts[start - 1].replace("-", "").isalpha()
        ):
            start -= 1
        if start == end and self.lang in SLAVIC:
            # lower-case words inside a Slavic name after its capital head ("Liga za ľudské
            # práva")
            j = end - 1
            while (
                j > line_start
                and end - j <= 3
                and doc[j].is_alpha
                and doc[j].is_lower
                and not self._is_verb(doc[j])
            ):
                j -= 1
            if (
                j < end - 1
                and is_cap(texts[j])
                and texts[j].isalpha()
                and self.head_at(doc, j) is not None  # "Liga …", not "Novem mestu"
            ):
                start = j
        if start == end:
            return None
        city_map = cities()
        if (
            folded(texts[start]) in NOT_NAME_START
            or ((head := self.head_at(doc, start)) is not None and head.cls in {"H", "HM", "U"})
            or all(
                k in self._country_tokens or folded(texts[k]) in city_map for k in range(start, end)
            )
        ):
            return None
        return start, end

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
