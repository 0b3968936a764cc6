"""``praxis_funders``: which funding programmes actually fund the project.

Starts from the funder concepts the vocabulary matcher found and applies rules:

* a programme only *discussed* is not a funder: its sentence is about an event or
  information on the programme ("seminář o možnostech čerpání z ESF", "a workshop about
  Erasmus+ funding") and says nothing about this project being funded;
* narrower programmes imply their broader one (Active Citizens Fund → EEA and Norway
  Grants, via skos:broader), and an Interreg programme is ERDF money (``IMPLIES``);
* "co-financed by the EU" (``eu-unspecified``) gives way to any named EU programme;
* an organisation named right after a funding word ("gefördert vom Bundesministerium
  für Justiz", "Funding: U.S. Embassy in Prague", "podporil Medzinárodný vyšehradský
  fond") funds the project: a programme named inside it counts, and otherwise its
  actor type gives the kind of money (:data:`FUNDER_BY_ACTOR_TYPE`; a foundation's
  name gives ``private-foundation``).

Result: ``doc._.praxis_funders`` (list of :class:`ConceptMention`).
"""

from __future__ import annotations

import itertools
import re

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.components.public_money import (
    FROM,
    LINK,
    Words,
    agent_money,
    negated,
    public_money,
    sentence_numbers,
    word_types,
)
from ingest.components.sentences import doc_text, folded_sentence, sentence_index, sentence_text
from ingest.components.vocabulary import CONCEPT_SPANS
from ingest.documents import ConceptMention, Span
from ingest.normalise import fold
from ontology import vocabulary

if not Doc.has_extension("praxis_funders"):
    Doc.set_extension("praxis_funders", default=None)

EU_PROGRAMMES = {
    "erasmus-plus",
    "esf",
    "erdf",
    "interreg",
    "amif",
    "isf",
    "cerv",
    "justice-programme",
    "horizon",
    "lifelong-learning-programme",
    "europe-for-citizens",
    "rec-programme",
    "phare",
    "tsi",
}
#: a programme that is always financed from another fund
IMPLIES = {"interreg": ("erdf",)}
#: an active verb whose subject pays ("Die Kosten trägt das Land", "Die Gemeinde übernimmt
#: CHF 35'000", "Obnovo je plačala Občina Šentjur", "30 tys. zł dołożył Samorząd
#: Województwa", "přispěl Zlínský kraj", "HM Prison Service covered the cost"): the payer
#: is the organisation nearest to the verb on either side (word order is free in five of
#: the six languages), when the sentence names money (an amount, costs, a budget)
PAYING_VERB = re.compile(
    r"^(pays?|paid|covers?|covered|contribut(?:es|ed)|bears?|bore|donat(?:es|ed)|"
    r"tragt|tragen|trug|trugen|getragen|ubernimmt|ubernehmen|ubernahm|ubernommen|"
    r"zahlt\w*|bezahlt\w*|spendet\w*|beigesteuert|"
    r"hradi|hradil\w*|uhradil\w*|uhradi|zaplatil\w*|plati|prispel\w*|prispiva\w*|"
    r"pokryl\w*|pokryva\w*|pokryje|daroval\w*|venoval\w*|"
    r"pokrywa\w*|pokryl\w*|dolozyl\w*|doklada|zaplacil\w*|oplacil\w*|sfinansowal\w*|"
    r"ufundowal\w*|przekazal\w*|przeznaczyl\w*|"
    r"placal\w*|placa|krije|krijejo|pokril\w*|prispeval\w*|prispeva|doniral\w*|"
    r"namenil\w*|"
    # active present forms of "fund" ("Das Staatsministerium fördert das Vorhaben mit
    # 180.000 Euro", "Miasto finansuje…"): passive participles are funding words instead
    r"fordert|forderte|funds|finances|financuje|spolufinancuje|finansuje|wspolfinansuje|"
    r"financira|financirata|financirajo|sofinancira|sofinancirata|sofinancirajo)$"
)
# words (folded) saying that money flows to this project
FUNDING_CUES = re.compile(
    r"\b(financ\w*|spolufinanc\w*|sofinanc\w*|dofinans\w*|finans\w*|fund(?:ed|ing)|"
    r"co-?funded|co-?financed|supported|support of|grant\w*|podpor\w*|podporen\w*|"
    r"dotac\w*|dotow\w*|wspar\w*|wspolfinans\w*|gefordert|forderung|finanziert|"
    r"kofinanziert|mitfinanziert|unterstutzt|finanzierung|finanziell\w*|"
    r"z prostredku|ze prostredku|ze srodkow|"
    r"iz sredstev|zo zdrojov|v ramci|w ramach|im rahmen|within|under the|realizovan\w*|"
    r"realizowan\w*|izvaja\w*|sredstv\w*|prostriedk\w*|prostredk\w*|srodk\w*|mittel|"
    r"program:|programme:|funding:|financovani:|finansowanie:|forderprogramm|"
    r"operacni program|operacny program|program operacyjny|operativni program|"
    r"projekt\w*|project)\b|\b" + PAYING_VERB.pattern.strip("^$") + r"\b"
)
# an event or text *about* a programme
TOPIC_CUES = re.compile(
    r"\b(o moznostech|o moznostiach|moznosti cerpani|moznosti financovani|"
    r"na temat|o mozliwosciach|mozliwosci finansowania|about|on the topic|information on|"
    r"informace o|informacie o|informacje o|informationen zu|zum thema|o moznostih|"
    r"predstavitev|prezentace|prezentacja|presentation|infodan|informacni den|"
    r"dzien informacyjny|info day|information day|calls? for proposals|vyzva|vyzvy|"
    r"informativni dan|informacijski dan|za prijavitelje|pro zadatele|dla wnioskodawcow|"
    r"for applicants|fur antragsteller|pre ziadatelov|"
    r"nabor|razpis|ausschreibung|aufruf)\b"
)


#: a word after which the named organisation pays (one folded token)
FUNDED_BY_WORD = re.compile(
    r"^(financ\w*|spolufinanc\w*|sofinanc\w*|finans\w*|wspolfinans\w*|dofinans\w*|"
    r"podporil\w*|podporen\w*|podporeny|gefordert|finanziert|kofinanziert|mitfinanziert|"
    r"forderung|funded|financed|cofunded|cofinanced|sponsored|funding|donacij\w*|"
    r"dotac\w*|dotacj\w*|wsparci\w*|wsparty|wsparte|wsparta|finanziell\w*|finanzier\w*|"
    r"fordergeber\w*|geldgeber\w*|zuwendungsgeber\w*|mittelgeber\w*|funders?|"
    r"grantodawc\w*|poskytovatel\w*|financer\w*|financerj\w*|donator\w*|"
    # a contribution or grant *from* the body named next ("příspěvek od Nadačního fondu",
    # "ein Beitrag des Kantons Bern", "a grant from the Council")
    r"prispev(?:ek|ku|kem|kom|ok|ky|kov)|beitrag|beitrags|beitrage|beitragen|zuschuss\w*|"
    r"contributions?|dotacij\w*)$"
)
#: tokens between the funding word and the organisation's name
FUNDED_BY_WINDOW = 8
PAYER_WINDOW = 8
#: the sentence names money (folded text: "40 tis. Kč" is "40 tis kc"): an amount with a
#: currency or a number word, or costs, a budget; or a currency symbol (:data:`MONEY_SYMBOL`)
MONEY_WORDS = re.compile(
    r"\d[\d ,']*\s?(eur|euro|euros|kc|czk|zl|pln|chf|gbp|usd|nok|tis|tys|mil|mln|mio|tsd|"
    r"tausend|thousand|million\w*|milion\w*|milijon\w*)\b|"
    r"\b(eur|chf|czk|pln|gbp|usd|nok|kc|zl)\s?\d|"
    r"\b(costs?|kosten|\w*kosten|naklad\w*|koszt\w*|strosk\w*|vydavk\w*|vydaj\w*|wydatk\w*|"
    r"rozpoc\w*|budzet\w*|proracun\w*|budget\w*|haushalt\w*|mittel\w*|"
    r"rest|reszt\w*|zbytek|zvysok|preostanek)\b"
)
MONEY_SYMBOL = re.compile(r"[€£$]\s?\d|\d\s?[€£$]")
#: "and" words that join a second paying organisation to a first
AND_WORDS = {"and", "und", "sowie", "a", "i", "oraz", "in", "ter", "aj", "as well as"}
#: a heading that lists funders on the lines after it ("Financovanie programu v roku
#: 2024:", "Finanzierung", "Funding partners:", "Sponzoři:")
FUNDING_HEADING = re.compile(
    r"^\W*(financovani|financovanie|finansowanie|finanzierung|funding|financiranje|"
    r"financed by|funded by|funders|sponsors|sponzori|sponzorji|sponsorzy|sponsoren|"
    r"donors|darci|darcovia|darczyncy|donatorji|forderer|geldgeber|zdroje financovani|"
    r"zdroje financovania|zrodla finansowania|viri financiranja)\b[^.!?]{0,60}:?\s*$"
)
#: the kind of money an organisation of this actor type gives
FUNDER_BY_ACTOR_TYPE = {
    "ministry": "national-public",
    "government-agency": "national-public",
    "regional-government": "national-public",
    "advisory-body": "national-public",
    "municipality": "local-public",
    "diplomatic-mission": "foreign-government",
    "eu-body": "eu-unspecified",
}
#: named programmes (EU and EEA/Norway Grants, Swiss, Visegrad)
PROGRAMMES = EU_PROGRAMMES | {
    "eea-norway-grants",
    "active-citizens-fund",
    "swiss-contribution",
    "visegrad-fund",
}
#: public money named by a generic label ("city budget", "státní rozpočet"): a funder only
#: where the text speaks of funding
GENERIC_PUBLIC = {"national-public", "local-public"}
#: kinds of money an operator of a named programme would wrongly add
OPERATOR_KINDS = {"national-public", "eu-unspecified"}
FOUNDATION_NAME = re.compile(
    r"\b(nadac\w*|nadacn\w*|fundacj\w*|fundacij\w*|\w*stiftung|foundations?)\b"
)


#: "by" before an organisation that pays in a passive sentence ("vom Ministerium …
#: gefördert", "finansowany przez gminę")
AGENT_WORDS = {"von", "vom", "durch", "by", "przez", "od"}
#: a relative pronoun after an organisation that pays ("Stiftung X, die das Projekt
#: finanziell unterstützt", "Nadace Y, která projekt financuje")
RELATIVE_WORDS = {
    "die", "der", "das", "welche", "welcher", "which", "who", "that", "který", "která",
    "které", "ktorý", "ktorá", "ktoré", "który", "która", "które", "ki",
}  # fmt: skip


class WordPositions:
    """Token positions of the words that match a pattern (folded): each word type is tested
    once per process, a document costs one array comparison per matching word type."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.seen: set[int] = set()  # ORTH ids already tested
        self.matching: set[int] = set()  # ORTH ids of matching words

    def __call__(self, doc: Doc) -> list[int]:
        orths, types = word_types(doc)
        unseen = types - self.seen
        if unseen:
            strings = doc.vocab.strings
            self.matching.update(o for o in unseen if self.pattern.match(fold(strings[o])))
            self.seen.update(unseen)
        found: list[int] = []
        for orth in types & self.matching:
            found.extend(numpy.flatnonzero(orths == orth).tolist())
        return sorted(found)


#: positions of funding words ("gefördert", "Funding:") and of active paying verbs
funding_word_positions = WordPositions(FUNDED_BY_WORD)
paying_verb_positions = WordPositions(PAYING_VERB)


def funding_organisations(doc: Doc) -> list[SpacySpan]:
    """Organisations named a few words after a funding word ("Funding: U.S. Embassy"),
    or as the agent of one ("von der Privatstiftung Brückenschlag … gefördert")."""
    out: list[SpacySpan] = []
    orgs = doc.spans.get("praxis_orgs", [])
    cues = funding_word_positions(doc) if len(orgs) else []
    if not cues:
        return out
    # sentence number of every token (SENT_START is 1 at a start, else 0 or -1)
    sentence = sentence_numbers(doc)
    strings = doc.vocab.strings
    lower = doc.to_array(LOWER).tolist()
    agents = {strings.add(w) for w in AGENT_WORDS}
    relatives = {strings.add(w) for w in RELATIVE_WORDS}
    size = len(lower)
    for span in orgs:
        agent = any(lower[k] in agents for k in range(max(span.start - 2, 0), span.start))
        relative = any(lower[k] in relatives for k in range(span.end, min(span.end + 2, size)))
        if pays_at(span.start, span.end, cues, sentence, agent, relative):
            out.append(span)
    return out


def pays_at(
    start: int, end: int, cues: list[int], sentence: list[int], agent: bool, relative: bool
) -> bool:
    """The name at tokens ``start:end`` gives the money: a funding word (at a position in
    ``cues``) a few words before it in its sentence, or after it when an agent word
    ("von", "by") stands before it or a relative pronoun after it."""
    for i in cues:
        if sentence[i] != sentence[start]:
            continue
        if 0 < start - i <= FUNDED_BY_WINDOW:
            return True
        if (agent and 0 <= i - end < 2 * FUNDED_BY_WINDOW) or (
            relative and 0 < i - end <= FUNDED_BY_WINDOW
        ):
            return True
    return False


def named_as_payer(doc: Doc, start: int, end: int) -> bool:
    """:func:`pays_at` for one name before organisations are found ("funded with support
    from the European Commission", "von der Europäischen Kommission gefördert")."""
    cues = funding_word_positions(doc)
    if not cues:
        return False
    agent = any(doc[k].lower_ in AGENT_WORDS for k in range(max(start - 2, 0), start))
    relative = any(doc[k].lower_ in RELATIVE_WORDS for k in range(end, min(end + 2, len(doc))))
    return pays_at(start, end, cues, sentence_numbers(doc), agent, relative)


def paying_subjects(doc: Doc, orgs: list[SpacySpan]) -> list[SpacySpan]:
    """The organisation nearest to an active paying verb, in a sentence that names money
    ("Den Rest trägt das Land Niedersachsen", "30 tys. zł dołożył Samorząd Województwa")."""
    out: list[SpacySpan] = []
    positions = paying_verb_positions(doc) if orgs else []
    if not positions:
        return out
    sentence = sentence_numbers(doc)
    for i in positions:
        at = doc[i].idx
        if not (
            MONEY_WORDS.search(folded_sentence(doc, at))
            or MONEY_SYMBOL.search(sentence_text(doc, at))
        ):
            continue
        nearest, distance = None, PAYER_WINDOW + 1
        for span in orgs:
            if sentence[span.start] != sentence[i]:
                continue
            gap = span.start - i if span.start > i else i - span.end + 1
            if 0 < gap < distance:
                nearest, distance = span, gap
        if nearest is not None:
            out.append(nearest)
    return out


#: words that may stand between two organisations paying together ("gefördert durch das
#: Ministerium sowie durch die Stadt Augsburg und den Landkreis Augsburg")
JOINING_WORDS = AND_WORDS | {
    ",", "by", "the", "von", "vom", "durch", "die", "der", "den", "dem", "das", "des",
    "przez", "od", "z", "ze", "zo", "iz", "from", "also", "auch", "takze", "tez", "tudi",
    "take", "tiez", "rovnez", "i",
}  # fmt: skip
JOINED_WINDOW = 8
#: words in brackets between them ("Arts Council England (National Lottery Project Grants)")
BRACKET_WINDOW = 12


def joined_payers(doc: Doc, orgs: list[SpacySpan], paying: list[SpacySpan]) -> list[SpacySpan]:
    """Organisations joined by "and" (and nothing else but articles, "by" and a bracket) to
    one that pays: they pay too ("supported by Arts Council England (…) and by the Paul
    Hamlyn Foundation")."""
    if not paying:
        return []
    sentence = sentence_numbers(doc)
    paying_keys = {(s.start, s.end) for s in paying}
    out: list[SpacySpan] = []
    ordered = sorted(orgs, key=lambda s: (s.start, s.end))
    for first, second in itertools.pairwise(ordered):
        if (first.start, first.end) not in paying_keys or (second.start, second.end) in paying_keys:
            continue
        if sentence[first.start] != sentence[second.start]:
            continue
        depth = 0
        joined = False
        outside = inside = 0  # words between the two names, outside and inside brackets
        for token in doc[first.end : second.start]:
            if token.text in {"(", "["}:
                depth += 1
            elif token.text in {")", "]"}:
                depth -= 1
            elif depth > 0:
                inside += 1
                if inside > BRACKET_WINDOW:
                    break
            else:
                outside += 1
                word = token.lower_
                if word not in JOINING_WORDS or outside > JOINED_WINDOW:
                    break
                joined = joined or word in AND_WORDS or word == ","
        else:
            if joined and depth == 0:
                out.append(second)
                paying_keys.add((second.start, second.end))
    return out


BULLET = re.compile(r"^\s*([•·▪◦*\-–—]|\d+[.)])\s*")


def listed_under_funding_heading(doc: Doc, orgs: list[SpacySpan]) -> list[SpacySpan]:
    """The first organisation on each bullet line under a funding heading ("Financovanie
    programu v roku 2024:" / "• Nadácia SPP – 12 000 €")."""
    if not orgs:
        return []
    text = doc_text(doc)
    if ":" not in text and "\n" not in text:
        return []
    out: list[SpacySpan] = []
    offset = 0
    under_heading = False
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if FUNDING_HEADING.match(fold(line)):
            under_heading = True
            continue
        if not under_heading:
            continue
        if not BULLET.match(line):
            under_heading = False
            continue
        first = next((s for s in orgs if start <= s.start_char < end), None)
        if first is not None:
            out.append(first)
    return out


def broader_closure(notation: str) -> list[str]:
    concepts = vocabulary().get("funder", {})
    out: list[str] = []
    stack = [notation]
    while stack:
        current = stack.pop()
        concept = concepts.get(current)
        for broader in concept.broader if concept else ():
            if broader not in out:
                out.append(broader)
                stack.append(broader)
        for implied in IMPLIES.get(current, ()):
            if implied not in out:
                out.append(implied)
                stack.append(implied)
    return out


def only_discussed(sentence: str) -> bool:
    """The sentence is about the programme (an info event, a call), not funding by it."""
    return folded_only_discussed(fold(sentence))


def folded_only_discussed(text: str) -> bool:
    """:func:`only_discussed` of an already folded sentence."""
    if not TOPIC_CUES.search(text):
        return False
    # a sentence that both discusses and states funding of "this project" counts as funding
    return not re.search(
        r"\b(tento projekt|projekt je|projekt byl|projekt jest|projekt zostal|this project|"
        r"the project is|the project was|das projekt|projekt wird|projekt je bil|"
        r"financovan\w* z|financovan\w* ze|finansowan\w* z|financed by|funded by|"
        r"gefordert (durch|von|aus)|finanziert (durch|von|aus)|financiran\w* iz|"
        r"spolufinancovan\w*|co-?financed|co-?funded|wspolfinansowan\w*|sofinancira\w*)\b",
        text,
    )


class FunderDecider:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def money_context(
        self, doc: Doc, start: int, sentence: str, words: Words | None = None
    ) -> bool:
        """The sentence speaks of funding, or "from" comes right before the phrase."""
        if FUNDING_CUES.search(sentence):
            return True
        if words is None:
            words = Words(doc, self.lang)
        before = [words[k] for k in range(max(start - 3, 0), start)]
        at = before.index(FROM) if FROM in before else -1
        return at >= 0 and all(c in (FROM, LINK) for c in before[at:])

    def public_money(
        self, doc: Doc, org_spans: list[SpacySpan], skip: set[int]
    ) -> list[ConceptMention]:
        """State, regional and municipal budgets that pay for the project (``skip``: the
        tokens of named funders)."""
        words = Words(doc, self.lang)
        if not words.starts:
            return []
        org_types = {k: org.label_ for org in org_spans for k in range(org.start, org.end)}
        sentence_of = sentence_numbers(doc)
        found = public_money(doc, words, sentence_of, skip, org_types)
        found += agent_money(doc, self.lang, words, sentence_of, skip | set(org_types))
        out = []
        for kind, start, end in found:
            span = doc[start:end]
            sentence = folded_sentence(doc, span.start_char)
            if not self.money_context(doc, start, sentence, words):
                continue
            if folded_only_discussed(sentence) or negated(sentence, fold(span.text), self.lang):
                continue
            evidence = Span(span.start_char, span.end_char, span.text)
            out.append(ConceptMention("funder", kind, evidence, "praxis_funders", 0.6))
        return out

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ConceptMention] = []
        org_spans = list(doc.spans.get("praxis_orgs", []))
        paying = funding_organisations(doc)
        paying += [s for s in paying_subjects(doc, org_spans) if s not in paying]
        paying += [s for s in listed_under_funding_heading(doc, org_spans) if s not in paying]
        paying += joined_payers(doc, org_spans, paying)
        with_programme: set[tuple[int, int]] = set()
        funder_tokens: set[int] = set()
        for span in doc.spans.get(CONCEPT_SPANS, []):
            scheme, _, notation = span.label_.partition("/")
            if scheme != "funder":
                continue
            funder_tokens.update(range(span.start, span.end))
            inside = [s for s in org_spans if s.start <= span.start and span.end <= s.end]
            if inside and not any(s in paying for s in inside):
                continue  # "Nadace OSF" is an organisation, not a foundation grant
            with_programme.update((s.start, s.end) for s in inside)
            sentence = folded_sentence(doc, span.start_char)
            discussed = folded_only_discussed(sentence) or negated(
                sentence, fold(span.text), self.lang
            )
            if notation in GENERIC_PUBLIC and not self.money_context(doc, span.start, sentence):
                discussed = True  # "the city budget was discussed": no money for the project
            evidence = Span(span.start_char, span.end_char, span.text)
            mention = ConceptMention("funder", notation, evidence, "praxis_funders", 0.8)
            mention.confidence = 0.3 if discussed else 0.8
            mentions.append(mention)
        # a ministry or agency named with a programme operates it ("Departament Wdrażania
        # EFS"); only without a named programme does its type say where money comes from
        programme_ends: dict[int, int] = {}  # sentence → end (char) of its last programme
        for m in mentions:
            if m.notation in PROGRAMMES and m.confidence >= 0.5:
                number = sentence_index(doc, m.span.start)
                programme_ends[number] = max(programme_ends.get(number, 0), m.span.end)
        cues = funding_word_positions(doc) if programme_ends else []
        for org in paying:
            if (org.start, org.end) in with_programme:
                continue
            kind = FUNDER_BY_ACTOR_TYPE.get(org.label_)
            if FOUNDATION_NAME.search(fold(org.text)):
                kind = "private-foundation"
            number = sentence_index(doc, org.start_char)
            # "funded by the ISF and co-funded by the Ministry": a funding word of its own
            # after the programme makes the body a co-funder, not the programme's operator
            own_cue = (
                any(
                    0 < org.start - i <= FUNDED_BY_WINDOW and doc[i].idx >= programme_ends[number]
                    for i in cues
                )
                if number in programme_ends
                else False
            )
            operator = number in programme_ends and not own_cue
            if kind and not (operator and kind in OPERATOR_KINDS):
                evidence = Span(org.start_char, org.end_char, org.text)
                mentions.append(ConceptMention("funder", kind, evidence, "praxis_funders", 0.6))
        mentions.extend(self.public_money(doc, org_spans, funder_tokens))
        kept = [m for m in mentions if m.confidence >= 0.5]
        named = {m.notation for m in kept}
        # a programme mentioned only in "discussed" sentences does not fund the project
        for notation in dict.fromkeys(m.notation for m in list(kept)):
            for broader in broader_closure(notation):
                if broader not in named:
                    source = next(m for m in kept if m.notation == notation)
                    kept.append(
                        ConceptMention("funder", broader, source.span, "praxis_funders", 0.7)
                    )
                    named.add(broader)
        if named & EU_PROGRAMMES:
            kept = [m for m in kept if m.notation != "eu-unspecified"]
        doc._.praxis_funders = kept
        return doc


@Language.factory("praxis_funders", requires=["doc.spans"], assigns=["doc._.praxis_funders"])
def make_funders(nlp: Language, name: str) -> FunderDecider:
    return FunderDecider(nlp.lang)
