"""From an annotated spaCy Doc to an :class:`Extraction` (facts with evidence spans)."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.components.countries import COUNTRY_SPANS
from ingest.components.organisations import ACRONYM_SPANS, ORG_SPANS
from ingest.components.vocabulary import CONCEPT_SPANS
from ingest.documents import ConceptMention, Document, Extraction, OrganisationMention, Span
from ingest.normalise import fold
from ontology import ROLE_STRENGTH

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
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "coordinator": (
        "koordinator",
        "zadatel",
        "prijemce",
        "nositel",
        "vedouci partner",
        "wnioskodawca",
        "lider",
        "beneficjent",
        "realizator",
        "coordinator",
        "lead partner",
        "project promoter",
        "promoter",
        "applicant",
        "beneficiary",
        "projekttrager",
        "antragsteller",
        "koordination",
        "leitung",
        "nositelj",
        "prijavitelj",
        "vodilni partner",
        "koordinator projektu",
        "prijimatel",
        "ziadatel",
        "realizuje",
        "realizovala",
        "realizoval",
    ),
    "partner": (
        "partner",
        "partnerem",
        "partneri",
        "partnerzy",
        "partnerji",
        "partnera",
        "partners",
        "partnerstvi",
        "spolupraci",
        "wspolpracy",
        "kooperation",
    ),
    "donor-partner": (
        "donor partner",
        "donorsky partner",
        "partner z panstw darczyncow",
        "donorski partner",
        "donor project partner",
    ),
}


def span_of(span: SpacySpan) -> Span:
    return Span(span.start_char, span.end_char, span.text)


def first_line_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip(" #*-\t")
        if len(re.findall(r"[^\W\d_]", line)) >= 4:
            return line[:200]
    return text.strip()[:200] or "(untitled)"


def sentence_role(sent: SpacySpan) -> str:
    folded = " " + fold(sent.text) + " "
    for role in ("donor-partner", "coordinator", "partner"):
        if any(f" {cue} " in folded or f" {cue}" in folded for cue in ROLE_CUES[role]):
            return role
    return "mentioned"


def canonical_label(span: SpacySpan) -> str:
    """Nominative-ish label: the head and words before it lemmatised, the rest kept."""
    words = [t.text for t in span]
    return " ".join(words).replace(" - ", "-").strip()


def extract_concepts(doc: Doc, scheme: str) -> list[ConceptMention]:
    out: list[ConceptMention] = []
    for span in doc.spans.get(CONCEPT_SPANS, []):
        key_scheme, _, notation = span.label_.partition("/")
        if key_scheme == scheme:
            out.append(ConceptMention(scheme, notation, span_of(span), "praxis_vocabulary"))
    return out


def extract_funders(doc: Doc) -> list[ConceptMention]:
    funders = extract_concepts(doc, "funder")
    named = {m.notation for m in funders}
    if named & EU_PROGRAMMES:
        funders = [m for m in funders if m.notation != "eu-unspecified"]
    return funders


def extract_organisations(doc: Doc) -> list[OrganisationMention]:
    by_key: dict[str, OrganisationMention] = {}
    start_to_key: dict[int, str] = {}
    for span in doc.spans.get(ORG_SPANS, []):
        label = canonical_label(span)
        key = fold(label)
        if not key:
            continue
        role = sentence_role(span.sent) if doc.has_annotation("SENT_START") else "mentioned"
        mention = by_key.get(key)
        if mention is None:
            mention = by_key[key] = OrganisationMention(
                label=label, actor_type=span.label_, spans=[], role=role
            )
        elif ROLE_STRENGTH[role] < ROLE_STRENGTH[mention.role]:
            mention.role = role
        mention.spans.append(span_of(span))
        start_to_key[span.start] = key
    # acronyms: "Name (ACR)" and later uses of ACR
    acronym_key: dict[str, str] = {}
    for acr in doc.spans.get(ACRONYM_SPANS, []):
        key = start_to_key.get(int(acr.label_))
        if key:
            by_key[key].acronym = acr.text
            by_key[key].spans.append(span_of(acr))
            acronym_key[acr.text] = key
    if acronym_key:
        seen = {(s.start, s.end) for m in by_key.values() for s in m.spans}
        for token in doc:
            key = acronym_key.get(token.text)
            if key and (token.idx, token.idx + len(token.text)) not in seen:
                by_key[key].spans.append(Span(token.idx, token.idx + len(token.text), token.text))
    return list(by_key.values())


def extract_countries(doc: Doc) -> list[tuple[str, Span, str]]:
    return [(s.label_, span_of(s), "praxis_countries") for s in doc.spans.get(COUNTRY_SPANS, [])]


def extract(document: Document, doc: Doc) -> Extraction:
    """All facts of one document, each with the spans that support it."""
    return Extraction(
        document=document,
        title=document.title or first_line_title(document.text),
        funders=extract_funders(doc),
        target_groups=extract_concepts(doc, "target-group"),
        activity_types=extract_concepts(doc, "activity-type"),
        generic_actor_types=extract_concepts(doc, "actor-type"),
        countries=extract_countries(doc),
        organisations=extract_organisations(doc),
        lemmas=[t.norm_ for t in doc if t.is_alpha],
    )
