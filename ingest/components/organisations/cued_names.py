"""Names told by their context, not by a head noun or a legal form.

A brand-like name ("Include Youth", "FEANTSA", "Foresee Research Group") has no word that
says it is an organisation; the words around it do (:meth:`CuedNames.cued_candidates`,
candidates of source ``"cued"``):

* **role cues** before it: "coordinated by", "in cooperation with", "ve spolupráci s",
  "we współpracy z", "v sodelovanju z", "in Zusammenarbeit mit", "s partnerji"; a
  representative of it ("przedstawicielka FEANTSA", "zástupci EAPN a FEANTSA"); an
  employer noun ("der Arbeitgeber Spar"); a classifier noun before a name with a modifier
  inside ("organizacji Foresee Research Group");
* **examples of a kind**: "employers such as Timpson and Greene King", "organizace jako
  Člověk v tísni", "Arbeitgeber wie …";
* **partner lists**: the items of "Partners: A, B and C" and the lines under a partner
  heading ("Partners:" / "- MTÜ Uus Algus, Tallinn, Estonia", "PARTNERS" / "VOLONTÉ")
  that read as names and nothing else; lines "Name – Country" when there are several; a
  head-grown name ends before the next list item (:meth:`CuedNames.split_at_list_items`);
* **a place in brackets** after a name with a head or the look of a brand ("Blocul
  Național Sindical (Rumänien)", "Criminal Justice Alliance (Spojené království)");
* **what it is said to be**: "Doras is an independent, non-governmental organisation"
  (one word: only when the text uses it again), "Kirkens Bymisjon is a Norwegian charity",
  "Timpson, a UK company, …";
* **the document itself**: the publisher beside "Annual Report"/"newsletter" in the title
  line, the page that wrote a social post (an @handle after it, the post's time line under
  it), "the Victim Support Europe director".

Names in a third language keep their own little words inside ("Junta de Freguesia de
Arroios", "Fondazione Casa della Carità", "Alternativ til Vold"): :func:`foreign_preps`
adds them to the prepositions a name may contain, and a name headed by a third-language
head (``ingest/data/org_heads_foreign.tsv``) reads over them where the text's own grammar
would end it.

Every rule keeps out persons (a title, a given name in any case, a surname ending),
places and countries, times and venues, project, programme and event words (also right
after the name: "the SAFE-HARBOUR project") and capitals that only open a sentence.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Doc

from ingest.components.organisations.records import Candidate
from ingest.components.organisations.words import (
    APPOSITIVE_FOLLOWERS,
    APPOSITIVE_NOUNS,
    CLASSIFIER_NOUNS,
    COMPLEMENT_STOP,
    COPULAS,
    GIVEN_NAMES,
    LOCATION_PREPS,
    NOT_NAME_START,
    OPEN_QUOTES,
    PROJECT_WORDS,
    SLAVIC,
    TIME_WORDS,
    is_acronym,
    is_cap,
)
from ingest.components.orgdata import cities, folded

#: little words inside names in Romance, Dutch and Scandinavian languages ("Junta de
#: Freguesia de Arroios", "Associação Portuguesa de Apoio à Vítima"); "do/da/das/dos"
#: only where they are not words of the text's own language
_ROMANCE_PREPS = frozenset(
    (
        "de del della delle dello dei degli di du d' pour per para pentru à "
        # Dutch and Scandinavian ("Alternativ til Vold", "Stichting voor Werk")
        "voor van tot tegen för til mot av mod"
    ).split()
)
_IBERIAN_PREPS = frozenset("do da dos das".split())
FOREIGN_PREPS: dict[str, frozenset[str]] = {
    "en": _ROMANCE_PREPS | _IBERIAN_PREPS,
    "de": (_ROMANCE_PREPS | _IBERIAN_PREPS) - {"das"},
    "cs": _ROMANCE_PREPS,
    "sk": _ROMANCE_PREPS,
    "pl": _ROMANCE_PREPS,
    "sl": _ROMANCE_PREPS,
}


def foreign_preps(lang: str) -> frozenset[str]:
    """Prepositions of third-language names that may stand inside a name in a ``lang`` text."""
    return FOREIGN_PREPS.get(lang, _ROMANCE_PREPS)


@cache
def foreign_head_words() -> frozenset[str]:
    """First words (folded) of the heads in ``org_heads_foreign.tsv``."""
    text = resources.files("ingest").joinpath("data/org_heads_foreign.tsv").read_text("utf-8")
    return frozenset(
        line.split("\t", 1)[0].split()[0].lstrip("~")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _line_end(texts: list[str], start: int) -> int:
    """The index of the token that ends the line ``start`` is on (a token holding a line
    break), or the document's length."""
    end, n = start, len(texts)
    while end < n and "\n" not in texts[end]:
        end += 1
    return end


def _first_line(texts: list[str]) -> tuple[int, int]:
    """Token bounds (start, end) of the document's first line with words."""
    start, n = 0, len(texts)
    while start < n and texts[start].isspace():
        start += 1
    return start, _line_end(texts, start)


def _cues(*phrases: str) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(folded(phrase).split())
        out.setdefault(words[0], []).append(words)
    for options in out.values():
        options.sort(key=len, reverse=True)
    return out


#: phrases after which the next capitalised words name the body that does the work
ROLE_CUES = _cues(
    # en
    "coordinated by",
    "led by",
    "organised by",
    "organized by",
    "hosted by",
    "facilitated by",
    "run by",
    "managed by",
    "implemented by",
    "delivered by",
    "in cooperation with",
    "in co-operation with",
    "in collaboration with",
    "in partnership with",
    "partnered with",
    "working with",
    "works with",
    "youth workers from",
    "volunteers from",
    "staff from",
    # cs, sk
    "ve spolupráci s",
    "ve spolupráci se",
    "v spolupráci s",
    "v spolupráci so",
    "v partnerství s",
    "v partnerstve s",
    # pl
    "we współpracy z",
    "we współpracy ze",
    "przy współpracy z",
    "w partnerstwie z",
    "organizowany przez",
    "organizowana przez",
    "organizowane przez",
    "koordynowany przez",
    "prowadzony przez",
    "realizowany przez",
    "realizowane przez",
    # sl
    "v sodelovanju z",
    "v sodelovanju s",
    "v partnerstvu z",
    "v partnerstvu s",
    "s partnerji",
    "s partnerjem",
    "in partnerji",
    "v organizaciji",
    # de
    "in Zusammenarbeit mit",
    "in Kooperation mit",
    "koordiniert von",
    "organisiert von",
    "veranstaltet von",
    "getragen von",
    "umgesetzt von",
    "durchgeführt von",
    "von der",
    "vom",
)
#: a person who speaks for a body: a name in capitals right after ("przedstawicielka
#: FEANTSA", "zástupce ECHOZ", "representatives of EAPN")
REPRESENTATIVE_WORDS = frozenset(
    folded(w)
    for w in (
        *"representative representatives delegate delegates".split(),
        *"przedstawiciel przedstawicielka przedstawiciele przedstawicielki".split(),
        *"zástupce zástupkyně zástupci zástupca zástupkyňa zástupcovia".split(),
        *"predstavnik predstavnica predstavniki predstavnice".split(),
        *"Vertreter Vertreterin Vertreterinnen".split(),
    )
)
#: prepositions between such a person and the body ("of", "from", "von", "z", "iz")
_REPRESENTATIVE_LINKS = {"of", "from", "von", "der", "des", "z", "ze", "iz"}
#: words that open a heading of partners ("Partners:", "Partneři projektu:", "Vďaka
#: partnerom:", "Projektpartner:", "Lead partner:")
PARTNER_STEMS = (
    "partner",
    "projektpartner",
    "kooperationspartner",
    "koordin",
    "coordinat",
    "trager",  # "Träger seit 2012: TÜV NORD Bildung"
    "beneficiar",
    "applicant",
)
#: item separators inside a partner list (besides commas and semicolons)
LIST_CONNECTORS = {"and", "und", "a", "i", "in", "ter", "oraz", "og", "och", "as", "well"}
#: capitalised words that open a sentence but never a name of a body
PRONOUNS = frozenset(
    folded(w)
    for w in (
        *"it this that there which who what he she we they its each every such one".split(),
        *"here today all many some".split(),
        *"to ono on ona oni ony tento táto toto ten ta tu tam".split(),
        *"es er sie wir dies dieser diese dieses".split(),
        *"kdo kto kdo ktoś nikdo nikt".split(),
    )
)
_MAX_RUN = 6
#: "employer" nouns: the name right after one is the employer's
EMPLOYER_NOUNS = frozenset(
    folded(w)
    for w in "employer zaměstnavatel zamestnávateľ pracodawca pracodawcę delodajalec "
    "delodajalca Arbeitgeber Arbeitgeberin".split()
)
#: kinds named after a comma that describe the name before it ("Timpson, a UK company,")
APPOSITIVE_KINDS = {
    **CLASSIFIER_NOUNS,
    **APPOSITIVE_NOUNS,
    "enterprise": "social-enterprise",
    "cooperative": "social-enterprise",
    "employer": "employer",
    "retailer": "employer",
    "provider": "ngo",
}
#: sentence adverbs that stand before a comma but name nothing ("However, a charity …")
SENTENCE_ADVERBS = frozenset(
    (
        "however moreover today yesterday meanwhile finally first firstly second secondly "
        "also therefore instead nevertheless additionally furthermore recently currently now "
        "then later so yet still thus hence indeed overall together here there besides "
        "similarly likewise consequently again once"
    ).split()
)
#: places where events are held ("hosted by Ljubljana Castle")
VENUE_WORDS = frozenset(
    "castle hall hotel palace square street park arena stadium hrad zamek schloss "
    "hotelu namesti".split()
)
#: titles before a person's name
PERSON_TITLES_BEFORE = frozenset(
    "dr mgr ing prof doc bc judr phdr mudr mr mrs ms frau herr pan pani gospa gospod".split()
)
#: given names (folded) beside the recogniser's own list, which leaves out names that are
#: other words' forms ("jana", "petra", "martin"): here only a run of two or three
#: capitalised words after a cue is checked, with case endings ("Janou", "Anną")
MORE_GIVEN_NAMES = frozenset(
    (
        "maria marie anna ana jan jana petra martin martina ivana ivan tom tim ben sam dan "
        "daniel robert mark lisa nina sara elena ivo luka tina mira vesna maja irena ana "
        "stefan stefanie sandra alexander alexandra nicole jennifer michelle patrick kevin"
    ).split()
)
#: surname endings in any case ("Nováková", "Novákovou", "Kowalską", "Horvatić")
SURNAME_ENDINGS_ANY_CASE = tuple(
    folded(e) for e in "ová ové ovou ská ské skou ski ska ską skiego cki cka ić ič".split()
)
#: little words inside a listed English or German name ("Hope for Justice", "Verein für
#: Bewährungshilfe")
_LIST_NAME_WORDS = {
    "en": frozenset({"of", "for", "against", "the", "on"}),
    "de": frozenset({"für", "der", "des", "gegen", "im", "zur", "zum"}),
}
#: kinds of bodies whose examples follow "such as" (folded lemmas and plurals)
EXAMPLE_KINDS = {
    **{noun: kind for noun, kind in CLASSIFIER_NOUNS.items()},
    **{noun + "s": kind for noun, kind in CLASSIFIER_NOUNS.items() if noun.isascii()},
    **dict.fromkeys(
        (
            "employer employers companies firms businesses zamestnavatel zamestnavatele "
            "zamestnavatelia pracodawca pracodawcy delodajalec delodajalci arbeitgeber "
            "charities ngos unternehmen firmen"
        ).split(),
        "employer",
    ),
}
for _ngo in "charities ngos nno organisations organizations".split():
    EXAMPLE_KINDS[_ngo] = "ngo"
#: "such as" in each language
SUCH_AS = tuple(
    tuple(folded(phrase).split())
    for phrase in (
        "such as",
        "like",
        "including",
        "e.g.",
        "jako",
        "jako je",
        "jako jsou",
        "ako",
        "ako je",
        "ako sú",
        "jak",
        "takie jak",
        "np.",
        "kot",
        "kot so",
        "wie",
        "wie z. B.",
        "např.",
        "napr.",
    )
)
#: "yesterday" in a social post's time line ("Včera v 18:42 · 🌍")
YESTERDAY = frozenset(folded(w) for w in "yesterday včera wczoraj včeraj gestern".split())
#: surname endings: a two-word poster "Jana Nováková" is a person
SURNAME_ENDINGS = ("ová", "ská", "ski", "ska", "cki", "cka", "ić", "ič", "ný", "ná")
#: English people named by the body they lead or speak for ("the Victim Support Europe
#: director", "the Kompas coordinator")
STAFF_TITLES = frozenset(
    "director directors ceo chair chairman chairwoman president coordinator coordinators "
    "spokesperson spokesman spokeswoman secretary-general manager founder".split()
)
#: a document's own kind in its title line: the other side of the dash is the body that
#: publishes it ("Second Shift – Annual Report 2025/26", "Liga za ľudské práva –
#: newsletter", "Výročná správa 2025 – Odyseus, o. z.")
REPORT_TITLES = tuple(
    tuple(folded(phrase).split())
    for phrase in (
        "annual report",
        "activity report",
        "newsletter",
        "výroční zpráva",
        "výročná správa",
        "letno poročilo",
        "sprawozdanie roczne",
        "raport roczny",
        "Jahresbericht",
        "Tätigkeitsbericht",
    )
)


class CuedNames:
    """Candidates for names without a head noun, told by the words around them."""

    def cued_candidates(self, doc: Doc) -> list[Candidate]:
        self._list_items: list[tuple[int, int]] = []
        out: list[Candidate] = []
        out += self._role_cue_candidates(doc)
        out += self._partner_list_candidates(doc)
        out += self._partner_block_candidates(doc)
        out += self._country_line_candidates(doc)
        out += self._appositive_kind_candidates(doc)
        out += self._place_bracket_candidates(doc)
        out += self._single_word_predicates(doc)
        out += self._report_title_candidates(doc)
        out += self._staff_title_candidates(doc)
        out += self._poster_candidates(doc)
        out += self._foreign_name_candidates(doc)
        return out

    # ---------------------------------------------------------------- runs
    def _run_right(self, doc: Doc, k: int, preps: frozenset[str] | None = None) -> int:
        """End of the capitalised run starting at ``k`` (``k`` when there is none): capitalised
        words, acronyms, "&" and the little words of third-language names between them."""
        texts, n = self._texts, len(doc)
        preps = foreign_preps(self.lang) if preps is None else preps
        j = k
        while j < n and j - k < _MAX_RUN:
            text = texts[j]
            if "\n" in text:
                break
            if self._name_word(text):
                j += 1
                continue
            if (
                j > k
                and (text.lower() in preps or text == "&")
                and j + 1 < n
                and self._name_word(texts[j + 1])
            ):
                j += 1
                continue
            break
        return j

    @staticmethod
    def _name_word(text: str) -> bool:
        """A capitalised word, an acronym or a brand with digits ("Catch22")."""
        bare = text.replace("-", "").replace("+", "")
        return is_cap(text) and (
            bare.isalpha() or is_acronym(text) or (bare.isalnum() and not bare.isdigit())
        )

    @staticmethod
    def _brand_word(word: str) -> bool:
        """A word in capitals, with an inner capital or with digits ("FEANTSA", "YouthLink",
        "Catch22")."""
        return len(word) >= 3 and (
            word.isupper()
            or any(c.isupper() for c in word[1:])
            or (any(c.isdigit() for c in word) and word[:1].isalpha())
        )

    def _plausible(self, doc: Doc, start: int, end: int, brand_only: bool) -> bool:
        """A run that may be a body's name: not a person, a place, a project or a word that
        only opens a sentence; with ``brand_only`` one word must be in capitals or carry an
        inner capital unless the run has two words or more."""
        if end <= start:
            return False
        texts = self._texts
        first = folded(texts[start])
        if first in NOT_NAME_START or first in PRONOUNS:
            return False
        if self._person_like(start, end):
            return False  # "led by Sarah Collins", "ve spolupráci s Janou Novákovou"
        city_map = cities()
        if all(
            k in self._country_tokens or folded(texts[k]) in city_map or self._norms[k] in city_map
            for k in range(start, end)
        ):
            return False
        if any(folded(texts[k]).endswith(PROJECT_WORDS) for k in range(start, end)):
            return False
        if any(
            folded(texts[k]) in TIME_WORDS or folded(texts[k]) in VENUE_WORDS
            for k in range(start, end)
        ):
            return False  # "Monday Mornings", "Ljubljana Castle": a time, a place
        k = end
        while k < len(texts) and k - end < 3 and (texts[k] in {"-", "–"} or is_cap(texts[k])):
            k += 1  # "the SAFE | -HARBOUR project"
        if k < len(texts) and folded(texts[k]) in PROJECT_WORDS:
            return False  # a project's name
        if brand_only and end - start == 1:
            return self._brand_word(texts[start])
        return True

    def _person_like(self, start: int, end: int) -> bool:
        """Two or three capitalised words of a person: a title first ("Dr Ivana Horvat"), a
        given name in any case first ("Janou", "Anną", "Maria"), or a surname ending last
        ("… Novákovou", "… Kowalską"); not with a word in capitals ("Anna Lindh EU")."""
        texts = self._texts
        words = texts[start:end]
        if not 2 <= len(words) <= 4 or any(w.isupper() for w in words):
            return False
        if not all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha()):
            return False
        first = folded(words[0]).rstrip(".")
        if first in PERSON_TITLES_BEFORE:
            return True
        if len(words) == 4:
            return False
        if folded(words[-1]).endswith(SURNAME_ENDINGS_ANY_CASE):
            return True
        return any(
            first.startswith(name) and len(first) - len(name) <= 3
            for name in (*GIVEN_NAMES, *MORE_GIVEN_NAMES)
            if len(name) >= 3 and first[:2] == name[:2]
        )

    def _candidate(self, doc: Doc, start: int, end: int, kind: str | None = None) -> Candidate:
        headless = all(self.head_at(doc, k) is None for k in range(start, end))
        # a name without a head is kept as written (no noun to put in the nominative)
        label = doc[start:end].text if headless else None
        return Candidate(start, end, "cued", legal_type=kind, label=label)

    # ---------------------------------------------------------------- role cues
    def _role_cue_candidates(self, doc: Doc) -> list[Candidate]:
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        k = 0
        while k < n:
            word = folded(texts[k])
            options = ROLE_CUES.get(word)
            if options is None and word in REPRESENTATIVE_WORDS:
                out += self._representative(doc, k + 1)
            if options is None and (self._norms[k] in EXAMPLE_KINDS or word in EXAMPLE_KINDS):
                out += self._examples_of_kind(doc, k)
            if options is None and self._norms[k] in CLASSIFIER_NOUNS and texts[k].islower():
                out += self._classified_with_modifier(doc, k + 1)
            if options is None and word in EMPLOYER_NOUNS and k + 1 < n:
                # "der Arbeitgeber Spar", "employer Timpson": one name, the employer
                end = self._run_right(doc, k + 1)
                if end > k + 1 and self._plausible(doc, k + 1, end, brand_only=False):
                    out.append(self._candidate(doc, k + 1, end, "employer"))
            if options is None:
                k += 1
                continue
            cue_end = None
            for words in options:
                width = len(words)
                if tuple(folded(t) for t in texts[k : k + width]) == words:
                    cue_end = k + width
                    break
            if cue_end is None:
                k += 1
                continue
            out += self._cued_items(doc, cue_end, brand_only=True)
            k = cue_end
        return out

    def _cued_items(
        self, doc: Doc, j: int, brand_only: bool, kind: str | None = None, loose: bool = False
    ) -> list[Candidate]:
        """The names right after a cue: "with A, B and C" (at most four); ``loose``: an item
        may hold lower-case words and numbers up to the next comma or "and" before a capital
        ("organizace jako Člověk v tísni a Slovo 21")."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        if j < n and texts[j].lower() in {"the", "der", "die", "dem", "den"}:
            j += 1
        if j < n and texts[j] in OPEN_QUOTES:
            j += 1
        listed = False
        for _item in range(4):
            end = self._run_right(doc, j)
            if end == j:
                break
            if loose and self.lang in SLAVIC:
                end = self._loose_item_end(doc, j, end)
            if (
                loose
                and not listed
                and not (
                    end >= n
                    or texts[end] in {",", ";", ".", ")", "(", ":"}
                    or "\n" in texts[end]
                    or texts[end].lower() in LIST_CONNECTORS
                    or self._is_verb(doc[end])
                )
            ):
                break  # "organisations such as Roma communities": not a name (the last of
                # "A and B offered jobs" may be followed by its verb)
            if self._plausible(doc, j, end, brand_only=brand_only):
                described = self._brand_description_end(doc, j, end)
                out.append(self._candidate(doc, j, described or end, kind))
                if described:
                    break
            if end + 1 < n and (texts[end] == "," or texts[end].lower() in LIST_CONNECTORS):
                listed = True
                j = end + 1
                if j < n and texts[j].lower() in {"the", "and", "und"}:
                    j += 1
                continue
            break
        return out

    def _brand_description_end(self, doc: Doc, j: int, end: int) -> int | None:
        """ "SUPRO – Werkstatt für Suchtprophylaxe": a brand in capitals, a spaced dash and
        its description in capitalised words, closed by a comma or the sentence's end, are
        one name (its end), else None."""
        texts, n = self._texts, len(doc)
        if end - j != 1 or not texts[j].isupper() or end + 2 >= n:
            return None
        if texts[end] not in {"-", "–", "—"} or not doc[end - 1].whitespace_:
            return None
        inner = _LIST_NAME_WORDS.get(self.lang, frozenset()) | foreign_preps(self.lang)
        stop = self._run_right(doc, end + 1, inner)
        if stop - (end + 1) < 2 or not (stop >= n or texts[stop] in {",", ".", ";", "\n"}):
            return None
        return stop

    def _loose_item_end(self, doc: Doc, j: int, end: int) -> int:
        """End of a listed name that goes on in lower case or with a number, when the list
        goes on after it (a comma, "and" before a capital, the end of the sentence)."""
        texts, n = self._texts, len(doc)
        k = end
        while k < n and k - j < 6:
            text = texts[k]
            if text in {",", ";", ".", ")", "("} or "\n" in text:
                return k
            low = text.lower()
            if low in LIST_CONNECTORS and k + 1 < n and is_cap(texts[k + 1]):
                return k
            if not (text.isalnum() and (text.islower() or text.isdigit())) or self._is_verb(doc[k]):
                return end
            if low in COMPLEMENT_STOP and low not in LOCATION_PREPS:
                return end
            k += 1
        return end if k >= n or k - j >= 6 else k

    def _examples_of_kind(self, doc: Doc, k: int) -> list[Candidate]:
        """ "employers such as Timpson and Greene King", "NGOs like Doras", "organizace
        jako Člověk v tísni", "Unternehmen wie Siemens": the named examples of a kind."""
        texts, n = self._texts, len(doc)
        kind = EXAMPLE_KINDS.get(self._norms[k]) or EXAMPLE_KINDS.get(folded(texts[k]))
        if kind is None:
            return []
        j = k + 1
        if j < n and texts[j] == ",":
            j += 1
        for words in SUCH_AS:
            if tuple(folded(t) for t in texts[j : j + len(words)]) == words:
                return self._cued_items(
                    doc, j + len(words), brand_only=False, kind=kind, loose=True
                )
        return []

    def _classified_with_modifier(self, doc: Doc, j: int) -> list[Candidate]:
        """ "organizacji Foresee Research Group": a capitalised name after a classifier noun
        with a modifier of a kind inside ("Research"), where the classifier rule stops."""
        end = self._run_right(doc, j)
        if end - j < 2 or not any(
            (hw := self.head_at(doc, k)) is not None and hw.cls == "M" for k in range(j + 1, end)
        ):
            return []
        if any((hw := self.head_at(doc, k)) is not None and hw.cls != "M" for k in range(j, end)):
            return []
        if not self._plausible(doc, j, end, brand_only=True):
            return []
        kind = CLASSIFIER_NOUNS[self._norms[j - 1]]
        # the classifier says what it is; "Research" only describes its work
        return [Candidate(j, end, "cued", legal_type=kind, label=doc[j:end].text, actor_type=kind)]

    def _representative(self, doc: Doc, j: int) -> list[Candidate]:
        """ "przedstawicielka FEANTSA", "representatives of EAPN": one word in capitals
        (at least four letters) after a person speaking for a body."""
        texts, n = self._texts, len(doc)
        if j < n and texts[j].lower() in _REPRESENTATIVE_LINKS:
            j += 1
        if j < n and texts[j].lower() in {"the", "der", "des"}:
            j += 1
        if j >= n:
            return []
        out: list[Candidate] = []
        while j < n:
            word = texts[j]
            if not (word.isupper() and word.isalpha() and len(word) >= 4):
                break
            if j + 1 < n and is_cap(texts[j + 1]):
                break  # a longer name: for the other rules
            if not self._plausible(doc, j, j + 1, brand_only=True):
                break
            out.append(self._candidate(doc, j, j + 1))
            # "zástupci EAPN a FEANTSA", "representatives of EAPN, EPSU and ETUC"
            if j + 2 < n and (texts[j + 1] == "," or texts[j + 1].lower() in LIST_CONNECTORS):
                j += 2
                continue
            break
        return out

    # ---------------------------------------------------------------- partner lists
    def _partner_list_candidates(self, doc: Doc) -> list[Candidate]:
        """Items of "Partners: A, B and C" that are names and nothing else (a place in
        brackets may follow each; a Slavic name may go on in lower case, an English or
        German one over "of", "for", "für"). A lone head noun is no name ("Egyesület | a
        Fiatalokért": the words joined to it are left alone too); the list ends at an item
        that goes on otherwise ("Probační a mediační služba ČR, Praga"), and when the line
        has semicolons only they separate items. The items' spans are kept in
        ``self._list_items``: a head-grown name does not run over them."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        inner = _LIST_NAME_WORDS.get(self.lang, frozenset()) | foreign_preps(self.lang)
        for i, text in enumerate(texts):
            if text != ":":
                continue
            line_start = self._line_start(doc, i)
            if not any(
                folded(texts[k]).startswith(PARTNER_STEMS)
                for k in range(max(line_start, i - 4), i)
                if not any(texts[x] in {".", ";"} for x in range(k, i))
            ):
                continue
            line_end = _line_end(texts, i + 1)
            separators = {";"} if ";" in texts[i + 1 : line_end] else {",", ";"}
            j = i + 1
            after_lone_head = False
            while j < line_end:
                if texts[j] in {"-", "–", "•"}:
                    j += 1
                    continue
                end = self._run_right(doc, j, inner)
                if end > j and self.lang in SLAVIC:
                    end = self._loose_item_end(doc, j, end)
                after = end
                if after < n and texts[after] == "(":
                    close = next(
                        (x for x in range(after + 1, min(n, after + 8)) if texts[x] == ")"), None
                    )
                    after = close + 1 if close is not None else after
                by_connector = (
                    after + 1 < n
                    and texts[after].lower() in LIST_CONNECTORS
                    and is_cap(texts[after + 1])
                )
                closed = (
                    after >= line_end
                    or texts[after] in separators
                    # "…; Alternativ til Vold (ATV), Oslo, Norveška": a place after a comma
                    or (texts[after] == "," and separators == {";"})
                    or texts[after] in {".", ")"}
                    or (texts[after] in {"-", "–", "—"} and doc[after - 1].whitespace_)
                    or (by_connector and separators != {";"})
                )
                if end == j or not closed:
                    if separators != {";"}:
                        break  # the item goes on otherwise: not a list of names
                    while after < line_end and texts[after] != ";":
                        after += 1  # "Behörde für Arbeit, Gesundheit, …; Jobcenter …"
                    j = after + 1
                    after_lone_head = False
                    continue
                lone_head = self._lone_head(doc, j, end)
                if (
                    not lone_head
                    and not after_lone_head
                    and self._plausible(doc, j, end, brand_only=self.lang == "de")
                ):
                    out.append(self._candidate(doc, j, end))
                    self._list_items.append((j, end))
                after_lone_head = lone_head and by_connector
                if after >= line_end or texts[after] in {".", "-", "–", "—"}:
                    break  # after a dash comes what the partner is or does
                j = after + 1
        return out

    def _partner_block_candidates(self, doc: Doc) -> list[Candidate]:
        """The lines under a heading of partners ("Partners:", "PARTNERS", "Partneři"):
        each line's words up to a bracket, a comma or a spaced dash, when they read as a
        name and nothing else ("- MTÜ Uus Algus, Tallinn, Estonia", "VOLONTÉ", "Criminal
        Justice Alliance (Spojené království) – síť …")."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        inner = _LIST_NAME_WORDS.get(self.lang, frozenset()) | foreign_preps(self.lang)
        k = 0
        while k < n:
            # a heading: a line of at most four words opening with a partner word
            if not (k == 0 or "\n" in texts[k - 1]) or not folded(texts[k]).startswith(
                PARTNER_STEMS
            ):
                k += 1
                continue
            end = _line_end(texts, k)
            words = [t for t in texts[k:end] if t != ":"]
            colon = ":" in texts[k:end]
            if (
                len(words) > 4
                or any(not t.isalpha() for t in words)
                or (colon and texts[end - 1] != ":")  # "Partner: X" is a line of its own
            ):
                k = end + 1
                continue
            j = end  # the newline token(s) after the heading
            items = 0
            block: list[tuple[int, int, bool]] = []  # (start, end, bulleted)
            while j < n:
                if "\n" not in texts[j]:
                    break
                if texts[j].count("\n") > 1 and items:
                    break  # a blank line ends the block
                j += 1
                bulleted = j < n and texts[j] in {"-", "–", "•", "*", "·", "▪"}
                while j < n and texts[j] in {"-", "–", "•", "*", "·", "▪"}:
                    j += 1
                if j + 1 < n and texts[j].isdigit() and texts[j + 1] == ".":
                    j += 2  # "1. Horská záchranná služba …"
                if j >= n or not is_cap(texts[j]):
                    break
                stop = j
                while stop < n and "\n" not in texts[stop]:
                    if texts[stop] in {"(", ",", ":", ";"} or (
                        texts[stop] in {"-", "–", "—"} and doc[stop - 1].whitespace_
                    ):
                        break
                    stop += 1
                run = self._run_right(doc, j, inner)
                if run > j and self.lang in SLAVIC:
                    run = self._loose_item_end(doc, j, run)
                if (
                    run == stop
                    and stop - j <= 8
                    and not (stop < n and texts[stop] == ":")  # "Fördergeber: …": a label
                    and not self._lone_head(doc, j, stop)
                    and self._plausible(doc, j, stop, brand_only=False)
                ):
                    block.append((j, stop, bulleted))
                items += 1
                j = _line_end(texts, stop)
            # in a bulleted block a line without a bullet is a subheading ("Leitung der
            # Entwicklungspartnerschaft" over "• Justizministerium …")
            any_bullet = any(bulleted for _s, _e, bulleted in block)
            for start, stop, bulleted in block:
                if bulleted or not any_bullet:
                    out.append(self._candidate(doc, start, stop))
                    self._list_items.append((start, stop))
            k = j
        return out

    def _country_line_candidates(self, doc: Doc) -> list[Candidate]:
        """Lines "Name – Country" when the text has two or more of them (a list of
        partners): the name may have words in lower case ("Garstyčios grūdas –
        Lithuania"), which the capitalised partner-line rule leaves out."""
        texts, n = self._texts, len(doc)
        found: list[tuple[int, int]] = []
        lines = 0
        k = 0
        while k < n:
            if k and "\n" not in texts[k - 1]:
                k += 1
                continue
            end = _line_end(texts, k)
            dash = next(
                (
                    x
                    for x in range(k + 1, min(end, k + 7))
                    if texts[x] in {"-", "–", "—"} and doc[x - 1].whitespace_
                ),
                None,
            )
            if dash is not None and dash + 1 < end and dash + 1 in self._country_tokens:
                after = dash + 1
                while after < end and after in self._country_tokens:
                    after += 1
                if after == end or texts[after] == "(":
                    lines += 1
                    if self._line_name(doc, k, dash):
                        found.append((k, dash))
            k = end + 1
        if lines < 2:
            return []
        return [self._candidate(doc, s, e) for s, e in found]

    def _line_name(self, doc: Doc, start: int, end: int) -> bool:
        """Words that may be a name on their own line: a capital first, letters only, no
        verb and no word that ends a name ("je", "und")."""
        texts = self._texts
        if not is_cap(texts[start]) or end - start > 5:
            return False
        for k in range(start, end):
            text = texts[k]
            if not text.replace("-", "").isalpha() or self._is_verb(doc[k]):
                return False
            if text.islower() and (text in COMPLEMENT_STOP or text in self.connectors):
                return False
        return self._plausible(doc, start, end, brand_only=False)

    def _lone_head(self, doc: Doc, start: int, end: int) -> bool:
        """The words are one head noun and nothing else ("Egyesület", "Ministerstvo")."""
        hw = self.head_at(doc, start)
        return hw is not None and hw.cls != "M" and start + max(hw.width, 1) >= end

    def split_at_list_items(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """A name grown from a head ends before the next item of a partner list
        ("Partnerzy: Fundacja Ashoka, | Otwarta Rzeczpospolita i Homo Faber")."""
        items = getattr(self, "_list_items", [])
        if not items:
            return candidates
        out = []
        for c in candidates:
            if c.source == "head":
                inside = [s for s, e in items if c.start < s and e <= c.end]
                if inside:
                    cut = min(inside) - 1
                    while cut > c.start and doc[cut - 1].is_punct:
                        cut -= 1
                    if cut <= c.start:
                        continue
                    c = Candidate(c.start, cut, c.source, head_index=c.head_index)
            out.append(c)
        return out

    # ---------------------------------------------------------------- Name (Place)
    def _place_bracket_candidates(self, doc: Doc) -> list[Candidate]:
        """ "Blocul Național Sindical (Rumänien)", "Egyesület a Fiatalokért (Miskolc)": the
        capitalised words right before a country or city in brackets."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        city_map = cities()
        preps = foreign_preps(self.lang)
        for i, text in enumerate(texts):
            if text != "(" or i == 0 or i + 2 >= n:
                continue
            close = next((x for x in range(i + 1, min(n, i + 5)) if texts[x] == ")"), None)
            if close is None or close == i + 1:
                continue
            if not all(
                k in self._country_tokens
                or folded(texts[k]) in city_map
                or self._norms[k] in city_map
                or texts[k] == ","
                for k in range(i + 1, close)
            ):
                continue
            # leftwards over the name: capitals, inner little words, connectors
            line_start = self._line_start(doc, i)
            k = i
            while k - 1 >= line_start and i - k < _MAX_RUN + 2:
                prev = texts[k - 1]
                if self._name_word(prev):
                    k -= 1
                    continue
                low = prev.lower()
                if low in preps and k < i and k - 2 >= line_start:
                    if self._name_word(texts[k - 2]):
                        k -= 1
                        continue
                break
            start = k
            while start < i and texts[start].lower() in preps:
                start += 1
            if start >= i:
                continue
            # a place is followed by its country too ("Nowy Targ (Poľsko)"): the name needs
            # an institutional word or the look of a brand
            if not any(self.head_at(doc, k) is not None for k in range(start, i)) and not any(
                self._brand_word(texts[k]) for k in range(start, i)
            ):
                continue
            if self._plausible(doc, start, i, brand_only=False):
                out.append(self._candidate(doc, start, i))
        return out

    # ---------------------------------------------------------------- "X is a charity"
    def _single_word_predicates(self, doc: Doc) -> list[Candidate]:
        """ "Doras is an independent, non-governmental organisation": a single capitalised
        word opening its sentence, said to be an organisation, and used again in the text."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        counts: dict[str, int] = {}
        for i in range(n - 3):
            if not (doc[i].is_sent_start or (i and "\n" in texts[i - 1])):
                continue
            word = texts[i]
            if not (is_cap(word) and word.isalpha() and len(word) >= 3):
                continue
            end = self._run_right(doc, i)
            if end > i + 1 and end < n and texts[end].lower() in COPULAS:
                # "Kirkens Bymisjon is a Norwegian charity": a longer name, no head noun
                kind = self._described_as(doc, end + 1)
                if (
                    kind is not None
                    and all(self.head_at(doc, k) is None for k in range(i, end))
                    and self._plausible(doc, i, end, brand_only=False)
                ):
                    out.append(self._candidate(doc, i, end, kind))
                continue
            if texts[i + 1].lower() not in COPULAS:
                continue
            kind = self._described_as(doc, i + 2)
            if kind is None:
                continue
            if not counts:
                for text in texts:
                    counts[text] = counts.get(text, 0) + 1
            if counts.get(word, 0) < 2 or self.head_at(doc, i) is not None:
                continue
            if self._plausible(doc, i, i + 1, brand_only=False) and folded(word) not in GIVEN_NAMES:
                out.append(self._candidate(doc, i, i + 1, kind))
        return out

    def _described_as(self, doc: Doc, start: int) -> str | None:
        """The kind named by a classifier noun within a few words after a copula ("is an
        independent, non-governmental organisation" → ngo), else None."""
        texts, n = self._texts, len(doc)
        for j in range(start, min(n, start + 7)):
            norm = self._norms[j]
            kind = CLASSIFIER_NOUNS.get(norm) or APPOSITIVE_NOUNS.get(norm)
            if kind is not None:
                nxt = doc[j + 1] if j + 1 < n else None
                if nxt is not None and not (
                    nxt.is_punct
                    or nxt.is_space
                    or nxt.lower_ in APPOSITIVE_FOLLOWERS
                    or nxt.lower_.endswith("ing")
                    or self._is_verb(nxt)
                ):
                    return None  # "is a charity worker", "a network coordinator": a person
                return kind
            if (
                texts[j] in {".", ";", ":", "\n"}
                or self._is_verb(doc[j])
                or texts[j].lower() in self.preps
                or texts[j].lower() in APPOSITIVE_FOLLOWERS
            ):
                return None  # "is a region with a network of schools": not what it is
        return None

    # ---------------------------------------------------------------- "X – Annual Report"
    def _report_title_candidates(self, doc: Doc) -> list[Candidate]:
        """The publisher named beside the report's kind in the first line of a document
        ("Second Shift – Annual Report 2025/26", "Liga za ľudské práva – newsletter")."""
        texts = self._texts
        start, end = _first_line(texts)
        dash = next(
            (
                k
                for k in range(start + 1, end - 1)
                if texts[k] in {"-", "–", "—"} and doc[k - 1].whitespace_
            ),
            None,
        )
        if dash is None:
            return []
        for kind, name in (((dash + 1, end), (start, dash)), ((start, dash), (dash + 1, end))):
            words = tuple(folded(t) for t in texts[kind[0] : kind[1]])
            if not any(words[: len(title)] == title for title in REPORT_TITLES):
                continue
            s, e = name
            comma = next((k for k in range(s, e) if texts[k] == ","), e)
            e = comma  # "Odyseus, o. z.": the legal form is the legal rule's
            if not 1 <= e - s <= 6 or not is_cap(texts[s]):
                return []
            if any(
                not texts[k].replace("-", "").isalpha() or self._is_verb(doc[k])
                for k in range(s, e)
            ):
                return []
            if self._plausible(doc, s, e, brand_only=False):
                return [self._candidate(doc, s, e)]
        return []

    # ---------------------------------------------------------------- "the X director"
    def _staff_title_candidates(self, doc: Doc) -> list[Candidate]:
        """English: "the Victim Support Europe director": the capitalised words between "the"
        and a title of a person who leads or speaks for a body."""
        if self.lang != "en":
            return []
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        for i in range(n - 2):
            if texts[i].lower() != "the":
                continue
            end = self._run_right(doc, i + 1)
            if end == i + 1 or end >= n or texts[end].lower() not in STAFF_TITLES:
                continue
            if any(self.head_at(doc, k) is not None for k in range(i + 1, end)):
                continue  # "the Ministry director": the head rule's
            if self._plausible(doc, i + 1, end, brand_only=True):
                out.append(self._candidate(doc, i + 1, end))
        return out

    # ---------------------------------------------------------------- social posts
    def _poster_candidates(self, doc: Doc) -> list[Candidate]:
        """The page that wrote a social post: its first line, told by a handle after it
        ("PSNI Belfast North @PSNIBelfastNorth") or by the post's time line under it
        ("Slovenska filantropija" / "3 ure · 🌍")."""
        texts, n = self._texts, len(doc)
        start, end = _first_line(texts)
        if end >= n or not 1 <= end - start <= 9:
            return []
        name_end = end
        handle = texts[end - 1].startswith("@") and len(texts[end - 1]) > 3
        if handle:
            name_end = end - 1
        else:
            line2_end = _line_end(texts, end + 1)
            line2 = texts[end + 1 : line2_end]
            timed = (
                0 < len(line2) <= 8
                and any(t in {"·", "•"} for t in line2)
                and any(t[:1].isdigit() or folded(t) in YESTERDAY for t in line2)
            )
            if not timed or "\n\n" in texts[end]:
                return []
        # "Ogólnopolskie Porozumienie Związków Zawodowych (OPZZ)": the acronym is the
        # acronym rule's
        name_end = next((k for k in range(start, name_end) if texts[k] in {"(", ","}), name_end)
        if name_end <= start or not is_cap(texts[start]):
            return []
        if any(t in {".", "!", "?", ":"} for t in texts[start:name_end]):
            return []
        if name_end - start == 2 and texts[start + 1].endswith(SURNAME_ENDINGS):
            return []  # "Jana Nováková": a person
        if folded(texts[start]) in GIVEN_NAMES or not self._plausible(
            doc, start, name_end, brand_only=False
        ):
            return []
        return [self._candidate(doc, start, name_end)]

    # ---------------------------------------------------------------- third-language names
    def _foreign_name_candidates(self, doc: Doc) -> list[Candidate]:
        """A name in a third language keeps its own little words after a capitalised word
        ("Fondazione Casa della Carità", "Câmara Municipal do Porto" in a German or Czech
        text), where the text's own grammar would end it."""
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        heads = foreign_head_words()
        # after a head of its own language "do", "da" are Portuguese, also in a Czech text
        preps = _ROMANCE_PREPS | _IBERIAN_PREPS
        for i in range(n - 3):
            if folded(texts[i]) not in heads or not is_cap(texts[i]):
                continue
            hw = self.head_at(doc, i)
            if hw is None:
                continue
            start = k = i + max(hw.width, 1)
            if k + 1 < n and texts[k].lower() in preps and self._name_word(texts[k + 1]):
                k += 1  # "Câmara Municipal | do Porto"
            end = self._run_right(doc, k, preps) if k < n and self._name_word(texts[k]) else start
            if not any(texts[k].lower() in preps for k in range(start, end)):
                continue  # the usual growth reads it
            if self._plausible(doc, i, end, brand_only=False):
                out.append(Candidate(i, end, "head", head_index=i))
        return out

    # ---------------------------------------------------------------- "X, a UK company,"
    def _appositive_kind_candidates(self, doc: Doc) -> list[Candidate]:
        """English: a name described between commas by a kind, with capitalised words
        allowed in the description ("Timpson, a UK company, offered …", "Nasc, an Irish
        NGO, …", "Crosscare, a social enterprise from Dublin")."""
        if self.lang != "en":
            return []
        out: list[Candidate] = []
        texts, n = self._texts, len(doc)
        for c in range(1, n - 2):
            if texts[c] != "," or texts[c + 1].lower() not in {"a", "an", "the"}:
                continue
            kind = None
            j = c + 2
            while j < n and j - c <= 6:
                low = texts[j].lower()
                kind = APPOSITIVE_KINDS.get(self._norms[j]) or APPOSITIVE_KINDS.get(low)
                if kind is not None or not (texts[j].isalpha() or is_acronym(texts[j])):
                    break
                j += 1
            if kind is None or j + 1 >= n:
                continue
            nxt = texts[j + 1]
            if not (
                nxt in {",", ".", ";"}
                or nxt.lower() in APPOSITIVE_FOLLOWERS
                or (nxt.islower() and nxt.endswith("ing"))
            ):
                continue  # "a UK company car": the noun describes something else
            start = c
            line_start = self._line_start(doc, c)
            while start - 1 >= line_start and c - start < 4 and self._name_word(texts[start - 1]):
                start -= 1
            if start == c or folded(texts[start]) in SENTENCE_ADVERBS:
                continue
            if start > line_start and texts[start - 1].lower() in {"and", ","}:
                continue  # "…, Dublin and Cork, a …": a list, not one name
            if any(self.head_at(doc, k) is not None for k in range(start, c)):
                continue  # the head rule's
            if self._plausible(doc, start, c, brand_only=False):
                out.append(self._candidate(doc, start, c, kind))
        return out
