"""Which candidates are names: filters (shouting and menu lines, too generic,
inside a funder), overlaps resolved, dashed pairs joined."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ingest.components.organisations.records import Candidate
from ingest.components.organisations.words import (
    DASHES,
    NOT_NAME_START,
    UNIT_WORDS,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import HeadWord, folded


class CandidateSelection:
    """Which candidates are names: filters (shouting and menu lines, too generic,
    inside a funder), overlaps resolved, dashed pairs joined."""

    def select(
        self, doc: Doc, candidates: list[Candidate], concepts: list[tuple[int, int]]
    ) -> list[Candidate]:
        good: list[Candidate] = []
        for c in candidates:
            if c.end <= c.start:
                continue
            if (
                any(s <= c.start and c.end <= e for s, e in concepts)
                and c.source not in {"authority", "blocked"}
                and not self._named_foundation(doc, c)
            ):
                continue
            if c.source == "head" and not self._specific_enough(doc, c):
                continue
            if c.source in {
                "head",
                "classifier",
                "acronym-def",
                "cued",
            } and self._after_project_word(doc, c.start):
                continue
            if c.source in {"list", "acronym-def", "classifier", "cued"} and (
                any(s < c.end and c.start < e for s, e in concepts)
                or folded(doc[c.start].text) in NOT_NAME_START
            ):
                continue
            if c.source in {"head", "list"} and (
                self._shouting_line(doc, c.start)
                # a partner line "Name – Country" has the look of a menu, not its words
                or (c.source == "head" and self._menu_line(doc, c.start))
            ):
                continue
            good.append(c)
        # a curated name wins over a longer head-grown span that starts at the same word
        # and only adds a preposition phrase or markers ("Evropska komisija za podporo …")
        # or "and" another name; a skipped body ("Evropska unija") keeps its words too
        by_start: dict[int, Candidate] = {}
        for c in good:
            if c.source in {"authority", "blocked"} and c.end - c.start >= 2:
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
                elif tail[0].lower_ in self.preps or (
                    # "Unia Europejska i Rzeczpospolita Polska": two bodies, not one name
                    tail[0].lower_ in self.connectors and len(tail) > 1 and is_cap(tail[1].text)
                ):
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

    def _named_foundation(self, doc: Doc, c: Candidate) -> bool:
        """A foundation named as a funder ("Nadace ČEZ", "Nadácia Pontis") is also a body:
        an NGO head followed by a capitalised name of its own."""
        if c.source != "head" or c.head_index is None:
            return False
        hw = self.head_at(doc, c.head_index)
        after = c.head_index + (hw.width if hw is not None else 1)
        return (
            hw is not None
            and hw.actor_type == "ngo"
            and hw.cls in {"H", "HM"}
            and c.head_index == c.start
            and after < c.end
            and is_cap(doc[after].text)
            and self.head_at(doc, after) is None
        )

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
            m = self.suffix_match(fold_text, token.norm_)
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
