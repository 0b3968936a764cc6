"""Several institutions sharing one plural head: "Justizvollzugsanstalten Zeithain, Waldheim
und Chemnitz", "věznice Pankrác a Ruzyně", "zakłady karne we Wronkach i Rawiczu" are one
organisation per name, each labelled by the singular head and its own name
("Justizvollzugsanstalt Waldheim", "Zakład Karny w Rawiczu")."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.components.organisations.labels import (
    _adjective_lemma,
    _adjective_word,
    _agree_slavic,
    _gender_slavic,
    _pl_adjective_lemma,
    _pl_number,
)
from ingest.components.organisations.merging import _stem
from ingest.components.organisations.records import Candidate
from ingest.components.organisations.words import (
    LOCATION_PREPS,
    NOT_NAME_START,
    SLAVIC,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import HeadWord, folded
from ingest.lemmatize import lemmatize

#: "and" closing an enumeration of names, per language
ENUMERATION_AND = {
    "cs": {"a"},
    "sk": {"a"},
    "pl": {"i", "oraz"},
    "sl": {"in"},
    "de": {"und"},
}
#: a location preposition before the names, part of Polish names ("zakłady karne | we
#: Wronkach i Rawiczu" = "Zakład Karny we Wronkach", …); Czech "věznice v Oslu" is no name
SHARED_LOCATION_PREPS = {"w", "we"}
#: the plain form of a preposition whose vowel belongs to the next word ("we Wronkach")
PLAIN_PREP = {"we": "w"}
#: heads whose plural after a location preposition names places ("v obcích A a B")
PLACE_TYPES = {"municipality", "regional-government"}
#: "with" governing the instrumental (cs, sk, sl), and singular instrumental endings
INSTRUMENTAL_WITH = {"s", "se", "so", "z"}
SINGULAR_INSTRUMENTAL = {"om", "em", "ou"}
#: the longest name (tokens) inside an enumeration after a shared head
MAX_ENUMERATED_NAME = 3


class SharedHeads:
    """Candidates for each name of an enumeration after one plural institutional head."""

    def shared_head_candidates(self, doc: Doc) -> list[Candidate]:
        ands = ENUMERATION_AND.get(self.lang)
        if not ands:
            return []
        out: list[Candidate] = []
        texts = self._texts
        n = len(doc)
        # cheap tests first: an "and" followed by a capital, a head a few words before it
        window = 4 * MAX_ENUMERATED_NAME
        starts: set[int] = set()
        for k, text in enumerate(texts):
            if text in ands and k + 1 < n and texts[k + 1][:1].isupper():
                starts.update(range(max(0, k - window), k))
        for i in sorted(starts):
            if not texts[i].isalpha() or not self._could_head(texts[i], self._norms[i]):
                continue
            hw = self.head_at(doc, i) or self._plural_compound_head(doc, i)
            if hw is None or hw.cls not in {"H", "HM", "G"} or not self._plural_head(doc, i, hw):
                continue
            if hw.actor_type in PLACE_TYPES and i > 0 and texts[i - 1].lower() in LOCATION_PREPS:
                continue  # "w gminach Nieborów i Kocierzew": where, not who
            names = self._enumerated_names(doc, i + hw.width, ands)
            if len(names) < 2:
                continue
            width = hw.width
            actor_type = hw.actor_type
            modifier = self._modifier_before(doc, i)
            if modifier is not None:  # "v probacijskih | enotah Celje in Koper"
                i, width = i - 1, width + 1
                if hw.cls == "G":
                    actor_type = modifier.actor_type
            head_words = self._singular_head(doc, i, width)
            head_key = [
                _stem(doc[k].norm_ or folded(doc[k].text), self.lang) for k in range(i, i + width)
            ]
            for idx, (prep, start, end) in enumerate(names):
                name = doc[start:end].text
                if prep is None:
                    label = f"{head_words} {name}"
                else:
                    word = doc[prep].text.lower()
                    if prep < start - 1:  # borrowed from the first name: its plain form
                        word = PLAIN_PREP.get(word, word)
                    label = f"{head_words} {word} {name}"
                key = frozenset(
                    head_key
                    + [
                        _stem(doc[k].norm_ or folded(doc[k].text), self.lang)
                        for k in range(start, end)
                    ]
                )
                out.append(
                    Candidate(
                        i if idx == 0 else start,
                        end,
                        "shared-head",
                        actor_type=actor_type,
                        priority=3,
                        head_index=i if idx == 0 else None,
                        label=label,
                        key=key,
                    )
                )
        return out

    def _modifier_before(self, doc: Doc, i: int) -> HeadWord | None:
        """Slavic: a lower-case typing adjective right before the plural head ("probacijskih
        enotah", "policijskih postajah"), part of each name."""
        if self.lang not in SLAVIC or i == 0 or not self._texts[i - 1].islower():
            return None
        hw = self.head_at(doc, i - 1)
        return hw if hw is not None and hw.cls == "M" else None

    def _could_head(self, text: str, norm: str) -> bool:
        """A cheap, cached test before the head lookup: the word starts a head key, has a
        head prefix, or (capitalised) ends in a head suffix as written or as lemma."""
        cache = self._could_head_cache
        hit = cache.get(text)
        if hit is None:
            fold_text = folded(text)
            table = self.heads
            regex = table.suffix_re
            hit = cache[text] = bool(
                fold_text in table.first_words
                or norm in table.first_words
                or any(fold_text.startswith(p) for p, _hw in table.prefixes)
                or (
                    regex is not None
                    and text[:1].isupper()
                    and (regex.search(fold_text) or regex.search(norm))
                )
            )
        return hit

    def _plural_compound_head(self, doc: Doc, i: int) -> HeadWord | None:
        """German: a plural compound whose lemma ends in a head ("Polizeipräsidien" →
        "polizeipräsidium"), which the head lookup by surface does not see."""
        regex = self.heads.suffix_re
        if self.lang != "de" or regex is None or not doc[i].text[:1].isupper():
            return None
        m = regex.search(doc[i].norm_)
        return self.suffixes[m.group(0)] if m else None

    def _plural_head(self, doc: Doc, i: int, hw: HeadWord) -> bool:
        """German: the head is not its own lemma and not a genitive ("Anstalten", not
        "Anstalt"/"Amtes"); Slavic heads are checked by the enumeration after them."""
        if self.lang == "pl":  # "Zakładach Karnych", not "Straży Miejskiej" (sg. or pl.)
            return any(_pl_number(doc[k].text) == "pl" for k in range(i, i + hw.width))
        if self.lang in SLAVIC:
            # "s Centrom za socialno delo Dolenjska in Bela krajina", "se Službou": after
            # "with", a singular instrumental ending (plural ones are -i/-y/-ami/-mi)
            before = doc[i - 1].lower_ if i > 0 else ""
            ending = folded(doc[i].text)[-2:]
            return not (before in INSTRUMENTAL_WITH and ending in SINGULAR_INSTRUMENTAL)
        if self.lang != "de" or hw.width != 1:
            return False
        text = folded(doc[i].text)
        norm = doc[i].norm_
        return norm != text and not text.endswith("s")

    def _enumerated_names(
        self, doc: Doc, k: int, ands: set[str]
    ) -> list[tuple[int | None, int, int]]:
        """``(preposition, start, end)`` of each name in "A, B und C" / "w A i B" at ``k``;
        empty unless at least two names, the last after "and"."""
        n = len(doc)
        names: list[tuple[int | None, int, int]] = []
        first_prep: int | None = None
        closed = False
        while k < n:
            prep = None
            if self.lang == "pl" and doc[k].lower_ in SHARED_LOCATION_PREPS:
                if names and first_prep is None:
                    return []  # "věznice Pankrác a v Brně": not one enumeration
                prep, k = k, k + 1
            elif first_prep is not None:
                prep = first_prep  # "w Wronkach i | Rawiczu": the first preposition
            start = k
            while k < n and k - start < MAX_ENUMERATED_NAME and self._enumerable(doc, k):
                k += 1
            if k == start:
                return []
            if k < n and (self.head_at(doc, k) is not None or self._enumerable(doc, k)):
                return []  # "… oraz Miejskiego | Ośrodka Pomocy": a longer name follows
            if not names:
                first_prep = prep
            names.append((prep, start, k))
            if closed:
                break
            if k < n and doc[k].text == ",":
                k += 1
                continue
            if k < n and doc[k].lower_ in ands:
                closed = True
                k += 1
                continue
            break
        return names if closed and len(names) >= 2 else []

    def _enumerable(self, doc: Doc, k: int) -> bool:
        t = doc[k]
        text = t.text
        return (
            is_cap(text)
            and (t.is_alpha or ("-" in text and text.replace("-", "").isalpha()))
            and not is_acronym(text)
            and folded(text) not in NOT_NAME_START
            and self.head_at(doc, k) is None
        )

    def _singular_head(self, doc: Doc, i: int, width: int) -> str:
        """The head in the singular nominative, capitalised ("zakłady karne" → "Zakład
        Karny", "Mestni četrti" → "Mestna četrt", "Justizvollzugsanstalten" →
        "Justizvollzugsanstalt"): the noun's lemma, adjectives agreeing with it."""
        lang = self.lang
        words = [doc[k].text for k in range(i, i + width)]
        if lang not in SLAVIC:
            out = [lemmatize(w, lang) or w for w in words]
        else:
            modifiers = {
                j
                for j in range(width)
                if (hw := self.head_at(doc, i + j)) is not None and hw.cls == "M"
            }
            noun = next(
                (
                    j
                    for j, w in enumerate(words)
                    if j not in modifiers and not _adjective_word(w, lang)
                ),
                0,
            )
            noun_lemma = lemmatize(words[noun], lang) or words[noun]
            out = []
            if lang == "pl":
                from ingest.lemmatize import _pl_agreement, nominative_pl

                agreement = _pl_agreement(words[noun])
                gender = agreement[1] if agreement else None
                for j, w in enumerate(words):
                    if j == noun:
                        out.append(noun_lemma)
                    else:
                        adjective = nominative_pl(w, _pl_adjective_lemma(w), "sg", gender)
                        out.append(adjective[:1].upper() + adjective[1:])
            else:
                gender = _gender_slavic(noun_lemma, lang)
                for j, w in enumerate(words):
                    if j == noun:
                        out.append(noun_lemma)
                    elif j > noun:
                        out.append(w)  # the complement keeps its case ("Center | za socialno delo")
                    else:
                        out.append(_agree_slavic(_adjective_lemma(w, lang), gender, lang))
        head = " ".join(out)
        return head[:1].upper() + head[1:]
