"""Structured sources in the pipeline: a file of project records → one named graph.

A table file (funder export, list of operations) or a project page yields
:class:`~ingest.documents.ProjectRecord` objects. Each record becomes its own source
document (``id/doc/<file id>-r<row>``, with the record's text stored as ``schema:text``)
and its own :class:`~ingest.documents.Extraction`: structured fields map directly (roles,
countries, actor types, amounts, dates, flags) and the summary goes through the normal
text extraction, its evidence offsets shifted into the record text.

All records of one file are written into the file's named graph in ONE transaction, so
re-ingesting the file replaces exactly its projects (rows removed from the file go too)
and a crash leaves either the old or the new state. Projects with an identifier get
``id/project/id-<key>``: the same project from another file, page or report shares the IRI
while every source keeps its own graph (``prov:wasDerivedFrom`` lists them all).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from pyoxigraph import Literal

from graph.store import GraphStore
from ingest.documents import (
    ConceptMention,
    Document,
    Extraction,
    FieldFact,
    OrganisationMention,
    ProjectRecord,
    Span,
)
from ingest.identifiers import find_project_identifier
from ingest.normalise import fold
from ontology.namespaces import DCTERMS

#: a summary shorter than this is not enough to tell its language
MIN_LANGID_CHARS = 40


def record_document(file_doc: Document, record: ProjectRecord) -> Document:
    """The source document of one record (row documents live in the file's graph)."""
    from ingest.langid import detect_language

    summary = record.summary.text if record.summary else ""
    lang = detect_language(summary) if len(summary) >= MIN_LANGID_CHARS else "und"
    if lang == "und":
        lang = record.lang or "und"
    doc_id = file_doc.doc_id if record.row == 0 else f"{file_doc.doc_id}-r{record.row}"
    return Document(
        doc_id=doc_id,
        text=record.text,
        source_path=file_doc.source_path,
        file_name=file_doc.file_name,
        content_hash=hashlib.sha256(record.text.encode("utf-8")).hexdigest(),
        lang=lang,
        title=record.title,
        metadata={
            "row": record.row or None,
            "layout": record.layout,
            "summary": summary[:2000] or record.text[:600],
        },
    )


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.text)


def _shift_concepts(mentions: list[ConceptMention], by: int) -> list[ConceptMention]:
    return [replace(m, span=_shift(m.span, by)) for m in mentions]


def record_extraction(file_doc: Document, record: ProjectRecord) -> Extraction:
    """Structured facts of a record plus what text extraction finds in its summary."""
    from ingest.pipeline import analyse

    doc = record_document(file_doc, record)
    ex = Extraction(
        document=doc,
        title=record.title,
        funders=list(record.funders),
        countries=list(record.countries),
        organisations=[replace(o, spans=list(o.spans)) for o in record.organisations],
        facts=list(record.facts),
        project_key=record.identifier,
        lemmas=fold(record.title).split(),
    )
    if record.summary is None or not record.summary.text.strip():
        return ex
    shift = record.summary.start
    summary_doc = replace(doc, text=record.summary.text, metadata={})
    found = analyse(summary_doc)
    if not ex.funders:  # the table's fund column / the layout's funder is authoritative
        ex.funders = _shift_concepts(found.funders, shift)
    ex.target_groups = _shift_concepts(found.target_groups, shift)
    ex.activity_types = _shift_concepts(found.activity_types, shift)
    ex.generic_actor_types = _shift_concepts(found.generic_actor_types, shift)
    ex.countries += [(code, _shift(span, shift), how) for code, span, how in found.countries]
    by_name: dict[str, OrganisationMention] = {fold(o.label): o for o in ex.organisations}
    for org in found.organisations:
        spans = [_shift(s, shift) for s in org.spans]
        known = by_name.get(fold(org.label))
        if known is not None:
            known.spans.extend(spans)  # the summary names a structured partner
            continue
        ex.organisations.append(replace(org, spans=spans))
    ex.lemmas = found.lemmas + ex.lemmas
    if ex.project_key is None:
        ident = find_project_identifier(record.summary.text)
        if ident is not None:
            key, span = ident
            ex.project_key = key
            ex.facts.append(
                FieldFact(
                    str(DCTERMS.identifier),
                    span.text,
                    _shift(span, shift),
                    extractor="praxis_identifiers",
                    confidence=0.9,
                )
            )
    return ex


def analyse_records(document: Document) -> Extraction:
    """A file of records as one extraction whose ``parts`` are its projects.

    The file-level extraction lists every organisation mention of its parts (the same
    objects, so resolving it resolves them); :func:`ingest.rdf.extraction_quads` writes the
    parts into the file's graph, and the pipeline stores that graph in one transaction.
    """
    records: list[ProjectRecord] = document.metadata.get("records") or []
    parts = [record_extraction(document, record) for record in records]
    return Extraction(
        document=document,
        title=document.file_name,
        funders=[m for part in parts for m in part.funders],
        organisations=[org for part in parts for org in part.organisations],
        parts=parts,
    )


def match_projects(extraction: Extraction, store: GraphStore) -> None:
    """Give a project without identifier the IRI of the same project from another source.

    The same project is one already in the store (in another file's graph) with the same
    title key (:func:`ingest.identifiers.title_key`), at least one funder in common and at
    least one organisation in common (organisations resolved first). Among several, one
    minted from an identifier wins, then the smallest IRI, so the choice is stable.
    Call after organisation resolution and before :func:`ingest.rdf.extraction_quads`.
    """
    from ingest.rdf import doc_graph

    own_graph = doc_graph(extraction.document.doc_id).value
    for part in extraction.parts or [extraction]:
        probe = match_probe(part)
        if probe is not None:
            found = matching_project(store, own_graph, probe)
            if found is not None:
                part.project_iri = found


#: what a project is matched on: (title key, funder IRIs, organisation IRIs)
MatchProbe = tuple[str, frozenset[str], frozenset[str]]


def match_probe(part: Extraction) -> MatchProbe | None:
    """The title key, funders and organisations :func:`match_projects` looks up for one
    project; None when it is not matched (it has an identifier or an IRI, its title key is
    short, or it names no funder or no organisation). Needs no store (ingest workers)."""
    from graph.resolve import organisation_iri
    from ingest.identifiers import MIN_TITLE_KEY, title_key
    from ontology import concept_iri

    if part.project_key or part.project_iri:
        return None
    key = title_key(part.title)
    funders = frozenset(concept_iri("funder", m.notation) for m in part.funders)
    orgs = frozenset(organisation_iri(o) for o in part.organisations)
    if len(key) < MIN_TITLE_KEY or not funders or not orgs:
        return None
    return key, funders, orgs


def matching_project(store: GraphStore, own_graph: str, probe: MatchProbe) -> str | None:
    """The IRI of the same project in another graph of the store (None when there is none)."""
    from graph.queries import run_query

    key, funders, orgs = probe
    seen: dict[str, tuple[set[str], set[str]]] = {}
    for row in run_query(store, "project_candidates", key=Literal(key)):
        if row["g"].value == own_graph:
            continue
        got = seen.setdefault(row["project"].value, (set(), set()))
        if "funder" in row:
            got[0].add(row["funder"].value)
        if "org" in row:
            got[1].add(row["org"].value)
    matches = [p for p, (f, o) in seen.items() if f & funders and o & orgs]
    if not matches:
        return None
    return min(matches, key=lambda iri: ("/project/id-" not in iri, iri))
