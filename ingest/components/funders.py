"""``praxis_funders``: which funding programmes actually fund the project.

Starts from the funder concepts the vocabulary matcher found and applies rules:

* a programme only *discussed* is not a funder: its sentence is about an event or
  information on the programme ("seminář o možnostech čerpání z ESF", "a workshop about
  Erasmus+ funding") and says nothing about this project being funded;
* narrower programmes imply their broader one (Active Citizens Fund → EEA and Norway
  Grants, via skos:broader), and an Interreg programme is ERDF money (``IMPLIES``);
* "co-financed by the EU" (``eu-unspecified``) gives way to any named EU programme.

Result: ``doc._.praxis_funders`` (list of :class:`ConceptMention`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.sentences import sentence_text
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
# words (folded) saying that money flows to this project
FUNDING_CUES = re.compile(
    r"\b(financ\w*|spolufinanc\w*|sofinanc\w*|dofinans\w*|finans\w*|fund(?:ed|ing)|"
    r"co-?funded|co-?financed|supported|support of|grant\w*|podpor\w*|podporen\w*|"
    r"dotac\w*|dotow\w*|wspar\w*|wspolfinans\w*|gefordert|forderung|finanziert|"
    r"kofinanziert|mitfinanziert|unterstutzt|z prostredku|ze prostredku|ze srodkow|"
    r"iz sredstev|zo zdrojov|v ramci|w ramach|im rahmen|within|under the|realizovan\w*|"
    r"realizowan\w*|izvaja\w*|sredstv\w*|prostriedk\w*|prostredk\w*|srodk\w*|mittel|"
    r"program:|programme:|funding:|financovani:|finansowanie:|forderprogramm|"
    r"operacni program|operacny program|program operacyjny|operativni program|"
    r"projekt\w*|project)\b"
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
    text = fold(sentence)
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
    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ConceptMention] = []
        org_spans = list(doc.spans.get("praxis_orgs", []))
        for span in doc.spans.get(CONCEPT_SPANS, []):
            scheme, _, notation = span.label_.partition("/")
            if scheme != "funder":
                continue
            if any(s.start <= span.start and span.end <= s.end for s in org_spans):
                continue  # "Nadace OSF" is an organisation, not a foundation grant
            discussed = only_discussed(sentence_text(doc, span.start_char))
            evidence = Span(span.start_char, span.end_char, span.text)
            mention = ConceptMention("funder", notation, evidence, "praxis_funders", 0.8)
            mention.confidence = 0.3 if discussed else 0.8
            mentions.append(mention)
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
    return FunderDecider()
