"""The actor type of a name from its head and modifiers (a unit by its parent),
of an acronym from its authority, and retyping by a typed acronym."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.components.organisations.records import Found
from ingest.components.organisations.words import (
    UNIFORMED_SERVICES,
    UNION_PLURALS,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import HeadWord


class ActorTyping:
    """The actor type of a name from its head and modifiers (a unit by its parent),
    of an acronym from its authority, and retyping by a typed acronym."""

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
            # a parent named by a typing acronym ("Wydział Ruchu Drogowego KPP w Nowym Targu")
            parent_acronyms = [h.actor_type for i, h in modifiers if i > hi and doc[i].is_upper]
            if parent_acronyms:
                return parent_acronyms[0], hi, nested
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
