"""From an annotated spaCy Doc to an :class:`Extraction` (facts with evidence spans).

The components did the work (see ``pipeline.cfg``); this module only collects their
results: concepts from ``doc.spans``, funders from ``doc._.praxis_funders``,
organisations from ``doc._.praxis_organisations``, countries from country mentions
and the organisations' own countries.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, NORM
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.components.countries import COUNTRY_SPANS
from ingest.components.vocabulary import CONCEPT_SPANS
from ingest.documents import ConceptMention, Document, Extraction, OrganisationMention, Span

#: lines that are navigation, dates or metadata rather than a title
_NOT_TITLE = re.compile(
    r"^(aktuality|aktuálně|novinky|zprávy|news|press release|tisková zpráva|aktualności|"
    r"wiadomości|komunikat|aktuelles|neuigkeiten|pressemitteilung|novice|aktualno|správy|"
    r"home|domů|start|strona główna|startseite|domov)\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s\w+\s\d{4}")


def span_of(span: SpacySpan) -> Span:
    return Span(span.start_char, span.end_char, span.text)


def first_line_title(text: str) -> str:
    """The first line that reads like a title: not a breadcrumb, date or metadata line."""
    fallback = None
    for line in text.splitlines():
        line = line.strip(" #*-\t•")
        letters = len(re.findall(r"[^\W\d_]", line))
        if letters < 4:
            continue
        fallback = fallback or line
        if " | " in line or " > " in line or " » " in line or " › " in line:
            continue
        if _NOT_TITLE.match(line) and len(line.split()) <= 4:
            continue
        stripped = _DATE.sub("", line)
        if len(re.findall(r"[^\W\d_]", stripped)) < 4:
            continue
        if re.match(r"^[\w ]{1,30}:\s", line) and len(line) > 60:
            continue  # "Program: Erasmus+, KA2 …" metadata
        return line[:200]
    return (fallback or text.strip())[:200] or "(untitled)"


def concepts_by_scheme(doc: Doc) -> dict[str, list[ConceptMention]]:
    """The vocabulary's concept mentions, by scheme, in span order (one pass over the spans)."""
    out: dict[str, list[ConceptMention]] = {}
    for span in doc.spans.get(CONCEPT_SPANS, []):
        scheme, _, notation = span.label_.partition("/")
        mention = ConceptMention(scheme, notation, span_of(span), "praxis_vocabulary")
        out.setdefault(scheme, []).append(mention)
    return out


def extract_concepts(doc: Doc, scheme: str) -> list[ConceptMention]:
    return concepts_by_scheme(doc).get(scheme, [])


def extract_funders(
    doc: Doc, concepts: dict[str, list[ConceptMention]] | None = None
) -> list[ConceptMention]:
    funders = doc._.praxis_funders
    if funders is not None:
        return list(funders)
    return (concepts if concepts is not None else concepts_by_scheme(doc)).get("funder", [])


def extract_organisations(doc: Doc) -> list[OrganisationMention]:
    return list(doc._.praxis_organisations or [])


def extract_countries(
    doc: Doc, organisations: list[OrganisationMention]
) -> list[tuple[str, Span, str]]:
    out = [(s.label_, span_of(s), "praxis_countries") for s in doc.spans.get(COUNTRY_SPANS, [])]
    for org in organisations:
        if org.country and org.spans:
            out.append((org.country, org.spans[0], "praxis_organisations"))
    return out


def lemma_words(doc: Doc) -> list[str]:
    """Folded lemmas of the words (no punctuation or numbers), from the attribute arrays."""
    strings = doc.vocab.strings
    rows = doc.to_array([NORM, IS_ALPHA]).tolist()
    return [strings[norm] for norm, alpha in rows if alpha]


def extract(document: Document, doc: Doc) -> Extraction:
    """All facts of one document, each with the spans that support it."""
    organisations = extract_organisations(doc)
    concepts = concepts_by_scheme(doc)
    return Extraction(
        document=document,
        title=document.title or first_line_title(document.text),
        funders=extract_funders(doc, concepts),
        target_groups=concepts.get("target-group", []),
        activity_types=concepts.get("activity-type", []),
        generic_actor_types=concepts.get("actor-type", []),
        countries=extract_countries(doc, organisations),
        organisations=organisations,
        lemmas=lemma_words(doc),
    )
