"""``praxis_concept_context``: keep a concept only where the text uses it in that sense.

The vocabulary matcher finds every label; this component applies the annotation
guidelines an annotator would state, after organisations are known:

* **Target groups that are also the people who do the work** (staff, experts,
  officers, volunteers, residents, families, …; :data:`CONTEXTUAL_GROUPS`) count only
  where the text presents them as the project's beneficiaries or participants: the
  sentence states a target group ("cílová skupina", "grupa docelowa", "Zielgruppe",
  "target group", "ciljna skupina", "určený pre", "skierowane do", …), the group
  follows "for" (pro, pre, dla, für, za) or "among" (mezi, wśród, unter, med), a number
  counts them ("420 policjantów", "24 příslušníků"), or the mention is in the title.
  A mention that names the implementers ("experti z Rakúska", "strokovnjak iz
  Glavne policijske uprave", "eksperci Komendy Głównej Policji") never counts.
  A group the text keeps returning to (:data:`REPEATED_MENTIONS` mentions) counts too.
* Mentions inside an organisation's name are that organisation's words (done by
  ``praxis_organisations``).
* Cities' countries join the country mentions here, once organisation names are known.

Dropped mentions are removed from ``doc.spans["praxis_concepts"]``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.components.countries import join_city_countries
from ingest.components.sentences import doc_text, sentence_text
from ingest.components.vocabulary import CONCEPT_SPANS
from ingest.normalise import fold

#: target groups that are often the implementers or a bystander rather than the beneficiary
CONTEXTUAL_GROUPS = frozenset(
    {
        "professionals",
        "workers",
        "general-public",
        "public-officials",
        "law-enforcement-officers",
        "ngo-staff",
        "families",
        "offenders",
        "victims-of-crime",
        "ex-prisoners",
        "vulnerable-persons",
    }
)
#: sentences naming a group (no implementer cue) that make it a topic of the text on their own
REPEATED_MENTIONS = 3

#: a sentence that says who the project is for (folded text)
TARGET_SENTENCE = re.compile(
    r"\b(cilov\w* skupin\w*|cielov\w* skupin\w*|grup\w* docelow\w*|ciljn\w* skupin\w*|"
    r"zielgrupp\w*|target groups?|beneficiar\w*|urcen\w*|skierowan\w*|przeznaczon\w*|"
    r"adresowan\w*|namenjen\w*|intended for|aimed at|designed for|richtet sich an|"
    r"angesprochen|pro koho|dla kogo|fur wen|for whom|za koga|pre koho|"
    r"ucastni\w*|ucastn\w*|uczestni\w*|teilnehm\w*|participants?|participated|udelez\w*|"
    r"pozvani|pozvan\w*|zaprasza\w*|eingeladen|ladt\w*|invit\w*|vabi\w*|vabljen\w*|pozyva\w*|"
    r"vyskolen\w*|proskolen\w*|przeszkolon\w*|usposobljen\w*|trained|geschult|ausgebildet|"
    r"absolvoval\w*|ukonczyl\w*|opravil\w*|completed)\b"
)
#: "for" / "among" before a group: the group receives or takes part
FOR_WORDS = {
    "cs": {"pro", "mezi", "pomoc", "pomoci"},
    "sk": {"pre", "medzi", "pomoc", "pomoci"},
    "pl": {"dla", "wsrod", "pomoc", "pomocy"},
    "de": {"fur", "unter", "zwischen"},
    "en": {"for", "among", "to", "with"},
    "sl": {"za", "med", "pomoc", "pomoci"},
}
#: "for" after a group: the group serves someone else ("mentorji za ljudi po prestani kazni")
SERVES_WORDS = {"pro", "pre", "dla", "fur", "for", "za"}
#: "from"/"of" after a group: the mention names people of another body (implementers)
FROM_WORDS = {"z", "ze", "zo", "iz", "from", "aus", "von", "of", "des", "der"}


#: words that continue a list of groups ("for prison staff, librarians and volunteers")
LIST_WORDS = {"a", "i", "and", "und", "oraz", "in", "ter", "aj", "or", "oder", "lub", "ali", "nebo"}
LIST_WINDOW = 8
MAX_MODIFIERS = 3


def _cue_before(doc: Doc, start: int, words: set[str]) -> tuple[bool, bool]:
    """``(count, for_word)`` before a group, looking back over a list of groups.

    "420 policjantów", "kurz pro 24 příslušníků", "training for prison staff, librarians
    and volunteers": a count or a "for"/"among" word before the group or before the
    list the group ends.
    """
    modifiers = 0  # adjectives and other words of the list items ("civilních", "speciálních")
    for k in range(start - 1, max(start - 1 - LIST_WINDOW, -1), -1):
        token = doc[k]
        if token.like_num:
            return True, False
        if token.text == "," or (token.is_alpha and token.lower_ in LIST_WORDS):
            continue
        if not token.is_alpha:
            return False, False
        if fold(token.text) in words:
            return False, True
        modifiers += 1
        if modifiers > MAX_MODIFIERS:
            return False, False
    return False, False


def _implementer(doc: Doc, span: Span, org_starts: set[int], lang: str) -> bool:
    """ "experti z Rakúska", "eksperci Komendy Głównej", "staff of the Council"."""
    end = span.end
    if end in org_starts:
        return True
    if end < len(doc) and fold(doc[end].text) in SERVES_WORDS:
        return True
    if end < len(doc) and fold(doc[end].text) in FROM_WORDS:
        nxt = end + 1
        while nxt < len(doc) and doc[nxt].lower_ in {"the", "der", "die", "des"}:
            nxt += 1
        if nxt in org_starts:
            return True
        # German nouns are capitalised: "Fachleute aus Beratung" are not from a body
        if lang != "de" and doc[end].lower_ != "of" and nxt < len(doc) and doc[nxt].is_alpha:
            return True
    return False


def heading_end(text: str) -> int:
    """Offset where the title ends: the first non-empty line, or the first line after
    short header lines such as "SPOROČILO ZA JAVNOST", "Tisková zpráva" or a dateline."""
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if not line.strip():
            continue
        # words with letters: a dateline "Ljubljana, 15. januar 2025" has two
        words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
        header = not line.rstrip().endswith((".", "!", "?", ":")) and (
            len(words) <= 3 or line.isupper()
        )
        if not header:
            return offset
    return offset


#: generic actor types whose one-word mentions are often places ("v Libereckém kraji",
#: "in the Trenčín region", "w województwie", "v příhraničních obcích")
PLACE_TYPES = frozenset({"actor-type/regional-government", "actor-type/municipality"})
#: prepositions that make the following place word a location
LOCATIVE = {
    "cs": {"v", "ve", "na", "po", "z", "ze", "do", "mezi"},
    "sk": {"v", "vo", "na", "po", "z", "zo", "do", "medzi"},
    "pl": {"w", "we", "na", "po", "z", "ze", "do", "wsrod"},
    "de": {"in", "im", "am", "aus", "nach", "uber"},
    "en": {"in", "across", "throughout", "from", "into", "of"},
    "sl": {"v", "na", "po", "iz", "med"},
}
#: "social media" is a channel, not a media outlet (folded lemma prefixes)
SOCIAL = ("social", "spolecz", "sozial", "druzben")
#: the EU's standard disclaimer names the Commission and the Union, not project actors
DISCLAIMER = re.compile(
    r"\b(responsib\w*|odpovednost\w*|odpowiedzialn\w*|verantwort\w*|odgovorn\w*|"
    r"zodpovedn\w*|zodpovednost\w*|hafte\w*|haftbar)\b"
)
DISCLAIMER_TOPIC = re.compile(
    r"\b(views?|nazor\w*|poglad\w*|ansicht\w*|stalisc\w*|mnenj\w*|stanovisk\w*|"
    r"information|informac\w*|content|obsah\w*|tresc\w*|inhalt\w*|vsebin\w*|"
    r"commission|komise|komisj\w*|kommission|komisij\w*|komisia|eacea)\b"
)


def in_disclaimer(sentence: str) -> bool:
    """ "The Commission cannot be held responsible for any use …" and its translations."""
    text = fold(sentence)
    return bool(DISCLAIMER.search(text) and DISCLAIMER_TOPIC.search(text))


def _place(doc: Doc, span: Span, lang: str) -> bool:
    """A one-word region/town mention used as a location: "v Libereckém kraji"."""
    if len(span) != 1:
        return False
    words = LOCATIVE.get(lang, set())
    for k in range(span.start - 1, max(span.start - 4, -1), -1):
        token = doc[k]
        if not token.is_alpha:
            return False
        if token.lower_ in words or fold(token.text) in words:
            return True
    return False


#: genitive markers between a group and its workplace ("staff of prisons")
GENITIVE_WORDS = {"of", "des", "der"}


#: one-word labels too generic to establish an activity from a single sentence: a model,
#: a network, a meeting, a lecture or "dissemination" is named in passing in most texts.
#: ``None``: every one-word label of the concept; otherwise the folded lemmas.
WEAK_ACTIVITY_WORDS: dict[str, frozenset[str] | None] = {
    "strategy-development": frozenset(
        {
            "model",
            "modell",
            "koncept",
            "konzept",
            "concept",
            "koncepce",
            "koncepcia",
            "koncepcja",
            "standard",
            "standards",
            "framework",
            "ramec",
            "okvir",
            "rahmen",
            "ramy",
            "postup",
            "postopek",
            "procedura",
            "pilot",
            "pilotaz",
            "erprobung",
        }
    ),
    "networking-meetings": None,
    "awareness-campaign": frozenset(
        {
            "sireni",
            "sirenie",
            "upowszechniac",
            "upowszechnianie",
            "dissemination",
            "disseminate",
            "diseminace",
            "diseminacia",
            "diseminacija",
            "razsirjanje",
            "verbreitung",
            "promotion",
            "promocja",
            "promocija",
            "propagace",
        }
    ),
    "seminar": frozenset(
        {
            "prednaska",
            "prednasky",
            "predavanje",
            "predavanja",
            "lecture",
            "lectures",
            "wyklad",
            "vortrag",
            "vortrage",
        }
    ),
    "exchange-of-good-practice": frozenset(
        {"share", "sharing", "shared", "exchange", "exchanged", "transfer"}
    ),
    "advocacy": frozenset({"legislativa", "legislacja", "zakonodaja", "gesetzgebung"}),
}


def _workplace(doc: Doc, span: Span, group_ends: set[int]) -> bool:
    """Where a target group works, not an actor of the project: a generic institution
    word right after the group, in the genitive: "pracowników ośrodków pomocy
    społecznej", "zaměstnance norských věznic", "staff of prisons"."""
    modifiers = 0
    for k in range(span.start, max(span.start - 1 - MAX_MODIFIERS, 0), -1):
        if k in group_ends:
            return True
        token = doc[k - 1]
        if not token.is_alpha or token.lower_ in LIST_WORDS:
            return False
        if token.lower_ not in GENITIVE_WORDS:
            modifiers += 1
    return False


class ConceptContext:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang

    def beneficiary(self, doc: Doc, span: Span, title_end: int) -> bool:
        if span.start_char < title_end:
            return True
        return bool(TARGET_SENTENCE.search(fold(sentence_text(doc, span.start_char))))

    def __call__(self, doc: Doc) -> Doc:
        join_city_countries(doc)
        spans = list(doc.spans.get(CONCEPT_SPANS, []))
        org_starts = {s.start for s in doc.spans.get("praxis_orgs", [])}
        title_end = heading_end(doc_text(doc))
        by_group: dict[str, list[Span]] = {}
        for span in spans:
            scheme, _, notation = span.label_.partition("/")
            if scheme == "target-group" and notation in CONTEXTUAL_GROUPS:
                by_group.setdefault(notation, []).append(span)
        group_ends = {s.end for s in spans if s.label_.startswith("target-group/")}
        spans = [s for s in spans if self.keeps(doc, s, group_ends)]
        dropped: set[str] = set()
        words = FOR_WORDS.get(self.lang, set())
        for notation, mentions in by_group.items():
            cues = {id(s): _cue_before(doc, s.start, words) for s in mentions}
            if any(cues[id(s)][0] for s in mentions):
                continue  # "420 policjantów z całego regionu": counted participants
            usable = [s for s in mentions if not _implementer(doc, s, org_starts, self.lang)]
            if len({sentence_text(doc, s.start_char) for s in usable}) >= REPEATED_MENTIONS:
                continue
            if any(cues[id(s)][1] or self.beneficiary(doc, s, title_end) for s in usable):
                continue
            dropped.add(f"target-group/{notation}")
        dropped |= self.weak_activities(doc, spans, title_end)
        doc.spans[CONCEPT_SPANS] = [s for s in spans if s.label_ not in dropped]
        return doc

    def weak_activities(self, doc: Doc, spans: list[Span], title_end: int) -> set[str]:
        """Activities named only by a generic word in one sentence (not the title)."""
        by_activity: dict[str, list[Span]] = {}
        for span in spans:
            scheme, _, notation = span.label_.partition("/")
            if scheme == "activity-type" and notation in WEAK_ACTIVITY_WORDS:
                by_activity.setdefault(notation, []).append(span)
        out: set[str] = set()
        for notation, mentions in by_activity.items():
            words = WEAK_ACTIVITY_WORDS[notation]
            weak = all(len(s) == 1 and (words is None or s[0].norm_ in words) for s in mentions)
            if not weak or any(s.start_char < title_end for s in mentions):
                continue
            if len({sentence_text(doc, s.start_char) for s in mentions}) < 2:
                out.add(f"activity-type/{notation}")
        return out

    def keeps(self, doc: Doc, span: Span, group_ends: set[int]) -> bool:
        """Mention-level rules: places, workplaces, social media, the EU disclaimer."""
        label = span.label_
        if label.startswith("funder/"):
            return True
        if label in PLACE_TYPES and _place(doc, span, self.lang):
            return False
        if label.startswith("actor-type/") and _workplace(doc, span, group_ends):
            return False
        if label == "actor-type/media" and span.start > 0:
            if doc[span.start - 1].norm_.startswith(SOCIAL):
                return False
        if label.startswith("actor-type/") and in_disclaimer(sentence_text(doc, span.start_char)):
            return False
        return True


@Language.factory("praxis_concept_context", requires=["doc.spans"], assigns=["doc.spans"])
def make_concept_context(nlp: Language, name: str) -> ConceptContext:
    return ConceptContext(nlp)
