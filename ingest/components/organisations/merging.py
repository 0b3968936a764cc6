"""Mentions of one organisation merged by a key of stems; authority, country and
parent of each merged organisation."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.components.organisations.records import Candidate, Found
from ingest.components.organisations.words import ARTICLES, LOCATION_PREPS, is_cap
from ingest.components.orgdata import LEGAL_FIRST, Authority, cities, folded

#: German words for one county's body: the county, its administration, its district office
COUNTY_WORDS = {"landkreis", "kreisverwaltung", "landratsamt", "landratsamte"}


def _stem(word: str, lang: str) -> str:
    """Merge stem: the first six letters; long compounds keep all but a case ending."""
    if lang == "de" and len(word) > 7 and word.endswith(("es", "s")):
        word = word[:-2] if word.endswith("es") else word[:-1]
    if len(word) <= 12:  # "statutární" and "statutárního" share one stem
        return word[:6]
    return word[: len(word) - 2]


class MentionMerging:
    """Mentions of one organisation merged by a key of stems; authority, country and
    parent of each merged organisation."""

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
            if self.lang == "de" and folded(t.text).rstrip("s") in COUNTY_WORDS:
                stem = "landkr"  # "Landkreis Prignitz" = "Kreisverwaltung Prignitz"
            if k > start and self._designator(doc, k):
                extra.append(stem)
            else:
                core.append(stem)
            k += 1
        return frozenset(core), location, " ".join(extra)

    def merge(self, doc: Doc, chosen: list[Candidate]) -> list[Found]:
        found: list[Found] = []
        keys: list[tuple[frozenset[str], str, str]] = []
        firsts: list[str | None] = []  # the first word's stem of each found name
        for c in chosen:
            if c.source == "blocked":
                continue
            auth = c.authority or self._authority_for(doc, c.start, c.end)
            key = (c.key, "", "") if c.key is not None else self.merge_key(doc, c.start, c.end)
            if not key[0] and c.source != "authority-acronym":
                continue
            target = None
            first = self._first_stem(doc, c)
            for idx, (f, other) in enumerate(zip(found, keys, strict=True)):
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
                # "Kreisverwaltung in Perleberg" after "Kreisverwaltung Prignitz", "Policja w
                # Łowiczu" after "Komenda Powiatowa Policji w Łowiczu": the head and a place
                short_form = short_form or (
                    len(key[0]) == 1
                    and key[0] < other[0]
                    and bool(key[1])
                    and other[1] in {"", key[1]}
                    and auth is None
                    and f.authority is None
                )
                same_core = (
                    short_form
                    or key[0] == other[0]
                    or self._shortened(key[0], other[0], first, firsts[idx], auth, f)
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
                if c.label is not None and c.actor_type:
                    actor_type = c.actor_type
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
                    label=c.label,
                )
                found.append(target)
                keys.append(key)
                firsts.append(first)
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
                    if self.lang == "de":
                        # "Referat Bauordnung | der Stadt Gelsenkirchen", "Beratungsnetzwerk
                        # Faire Mobilität | des Deutschen Gewerkschaftsbundes": its own name
                        cut = next(
                            (
                                j
                                for j in range(nested, max(c.start, nested - 4), -1)
                                if doc[j].lower_ in {"der", "des", "beim"}
                            ),
                            None,
                        )
                        if cut is not None and cut - c.start >= 2:
                            target.extra_surfaces.append((c.start, cut))
            elif target.authority is None and auth is not None:
                target.authority = auth
                if auth.actor_type:
                    target.actor_type = auth.actor_type
            target.mentions.append((c.start, c.end))
            branch_end = getattr(self, "branch_ends", {}).get((c.start, c.end))
            if branch_end is not None:  # "Úřad práce ČR – Krajská pobočka v Plzni"
                target.extra_surfaces.append((c.start, branch_end))
            if target.country is None:
                target.country = self._country_of(doc, c.start, c.end, auth)
        return found

    def _first_stem(self, doc: Doc, c: Candidate) -> str | None:
        if c.key is not None or c.end <= c.start:
            return None
        t = doc[c.start]
        return _stem(t.norm_ or folded(t.text), self.lang)

    @staticmethod
    def _shortened(
        core: frozenset[str],
        other: frozenset[str],
        first: str | None,
        other_first: str | None,
        auth: Authority | None,
        other_found: Found,
    ) -> bool:
        """A name and its short form without the complement, starting with the same word
        ("Kommunaler Präventionsrat" … "Kommunale Präventionsrat der Stadt Gelsenkirchen");
        not a body and a unit named after it ("Ministerstvo vnitra" … "Odbor … Ministerstva
        vnitra" starts otherwise), not two curated bodies."""
        return (
            first is not None
            and first == other_first
            and auth is None
            and other_found.authority is None
            and min(len(core), len(other)) >= 2
            and (core < other or other < core)
        )

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
