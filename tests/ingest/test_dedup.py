"""Deduplication of projects across sources, on real files in real on-disk stores.

The Erasmus+ project 2021-1-CZ01-KA210-VET-000034567 appears in three sources of
``data/structured``: a row of the results-platform export (CSV), the final report (PDF)
and a partner report (DOCX). The EEA project CZ-HOMEAFFAIRS-0012 appears as a project
page (HTML) and in monitoring notes (Markdown).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from graph.store import GraphStore, open_store
from ingest.identifiers import find_project_identifier, identifier_key, title_key
from ingest.pipeline import ingest_paths
from ingest.rdf import doc_graph
from ingest.readers import read_file
from tests.conftest import ROOT

STRUCTURED = ROOT / "data" / "structured"
THREE_SOURCES = [
    STRUCTURED / "erasmus-results-export.csv",
    STRUCTURED / "workskills-final-report.pdf",
    STRUCTURED / "workskills-partner-report.docx",
]
WORKSKILLS = NamedNode("https://w3id.org/praxisgraph/id/project/id-2021-1-cz01-ka210-vet-000034567")
PREFIXES = """
PREFIX pg: <https://w3id.org/praxisgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""


def sources_of(store: GraphStore, project: NamedNode) -> dict[str, str]:
    """``{file name: graph}`` of the source documents a project is derived from."""
    found = store.select(
        PREFIXES
        + "SELECT ?file ?g WHERE { GRAPH ?g {"
        + " ?p prov:wasDerivedFrom ?doc . ?doc pg:fileName ?file } }",
        p=project,
    )
    return {row["file"].value: row["g"].value for row in found}


def project_iris(store: GraphStore) -> set[str]:
    found = store.select(PREFIXES + "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a pg:Project } }")
    return {row["p"].value for row in found}


@pytest.fixture(scope="module")
def three_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    store = open_store(tmp_path_factory.mktemp("dedup") / "store")
    summary = ingest_paths(THREE_SOURCES, store, progress=False)
    assert summary.skipped == []
    yield store
    store.close()


def test_one_project_from_three_sources(three_store: GraphStore) -> None:
    sources = sources_of(three_store, WORKSKILLS)
    assert set(sources) == {p.name for p in THREE_SOURCES}
    # each source keeps its own named graph (the export's graph holds all its rows)
    assert len(set(sources.values())) == 3
    for path in THREE_SOURCES:
        assert sources[path.name] == doc_graph(read_file(path).doc_id).value
    # facts from every source meet on the one IRI
    facts = three_store.select(
        PREFIXES
        + """SELECT ?file ?prop WHERE { GRAPH ?g { ?p ?prop ?o ; prov:wasDerivedFrom ?doc .
             ?doc pg:fileName ?file } }""",
        p=WORKSKILLS,
    )
    props = {(r["file"].value, r["prop"].value.rsplit("/", 1)[-1]) for r in facts}
    assert ("erasmus-results-export.csv", "ns#grantAmount") in props
    assert ("workskills-final-report.pdf", "identifier") in props
    assert ("workskills-partner-report.docx", "identifier") in props
    # the export's other rows stay separate projects
    assert len(project_iris(three_store)) == 4


def test_merged_project_keeps_evidence_per_source(three_store: GraphStore) -> None:
    from graph.queries import run_query

    found = [
        r
        for r in run_query(three_store, "evidence_sources", s=WORKSKILLS)
        if r["property"].value == "http://purl.org/dc/terms/identifier"
    ]
    files = set()
    for row in found:
        start, end = int(row["start"].value), int(row["end"].value)
        assert row["text"].value[start:end] == row["quote"].value
        assert row["quote"].value == "2021-1-CZ01-KA210-VET-000034567"
        files.add(row["file"].value)
    assert files == {p.name for p in THREE_SOURCES}


def test_any_order_gives_the_same_projects(three_store: GraphStore, tmp_path: Path) -> None:
    other = open_store(tmp_path / "reversed")
    ingest_paths(list(reversed(THREE_SOURCES)), other, progress=False)
    assert project_iris(other) == project_iris(three_store)
    assert set(sources_of(other, WORKSKILLS)) == {p.name for p in THREE_SOURCES}
    other.close()


def test_replacing_or_dropping_one_source_keeps_the_others(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    ingest_paths(THREE_SOURCES, store, progress=False)
    before = store.count_quads()
    ingest_paths([THREE_SOURCES[1]], store, progress=False)  # re-ingest the PDF alone
    assert store.count_quads() == before
    assert len(sources_of(store, WORKSKILLS)) == 3
    pdf_graph = doc_graph(read_file(THREE_SOURCES[1]).doc_id)
    store.replace_graphs({}, drop=[pdf_graph])
    sources = sources_of(store, WORKSKILLS)
    assert set(sources) == {THREE_SOURCES[0].name, THREE_SOURCES[2].name}
    store.close()


def test_project_page_and_notes_merge(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    files = [
        STRUCTURED / "eea-project-cz-homeaffairs-0012.html",
        STRUCTURED / "eea-safe-neighbourhoods-notes.md",
    ]
    summary = ingest_paths(files, store, progress=False)
    assert summary.skipped == []
    project = NamedNode("https://w3id.org/praxisgraph/id/project/id-cz-homeaffairs-0012")
    assert set(sources_of(store, project)) == {p.name for p in files}
    assert len(project_iris(store)) == 1
    store.close()


BERICHT = """# Integrationslotsen im Quartier – Abschlussbericht

Die Stadt Auenbach hat das Vorhaben mit Mitteln des Europäischen Sozialfonds (ESF Plus)
umgesetzt. Zwanzig ehrenamtliche Lotsen wurden geschult und beraten Migranten im Stadtteil.
"""
LISTE = (
    "Name des Begünstigten;Bezeichnung des Vorhabens;Zusammenfassung des Vorhabens;Fonds\n"
    "Stadt Auenbach;Integrationslotsen im Quartier;"
    "Die Stadt schult ehrenamtliche Lotsen, die Migranten im Stadtteil beraten.;{fund}\n"
)


@pytest.mark.parametrize("report_first", [True, False])
def test_without_identifier_title_funder_and_partner_decide(
    tmp_path: Path, report_first: bool
) -> None:
    """No project number anywhere: same title key + a shared funder + a shared
    organisation make one project, in either order of ingest."""
    report = tmp_path / "bericht.md"
    report.write_text(BERICHT, encoding="utf-8")
    table = tmp_path / "liste.csv"
    table.write_text(LISTE.format(fund="ESF Plus"), encoding="utf-8")
    store = open_store(tmp_path / "s")
    order = [report, table] if report_first else [table, report]
    for path in order:  # one at a time: the second finds the first in the store
        assert ingest_paths([path], store, progress=False).skipped == []
    [project] = project_iris(store)
    assert set(sources_of(store, NamedNode(project))) == {"bericht.md", "liste.csv"}
    store.close()


def test_without_identifier_a_different_funder_stays_apart(tmp_path: Path) -> None:
    report = tmp_path / "bericht.md"
    report.write_text(BERICHT, encoding="utf-8")
    table = tmp_path / "liste.csv"
    table.write_text(LISTE.format(fund="EFRE"), encoding="utf-8")
    store = open_store(tmp_path / "s")
    ingest_paths([report], store, progress=False)
    ingest_paths([table], store, progress=False)
    assert len(project_iris(store)) == 2
    store.close()


def test_identifier_recognition() -> None:
    assert identifier_key("2021-1-CZ01-KA210-VET-000034567") == identifier_key(
        " 2021-1-cz01-ka210-vet-000034567"
    )
    # a report that cites two projects without saying which is its own is not merged
    assert (
        find_project_identifier(
            "Follows 2019-1-CZ01-KA204-061356 and 2021-1-CZ01-KA210-VET-000034567."
        )
        is None
    )
    key, span = find_project_identifier(  # type: ignore[misc]
        "Follows 2019-1-CZ01-KA204-061356. Project number: 2021-1-CZ01-KA210-VET-000034567."
    )
    assert key == "2021-1-cz01-ka210-vet-000034567" and span.text.endswith("34567")
    # a local number only counts inside its own list
    assert identifier_key("0042", namespace="esf-de") != identifier_key("0042", namespace="esf-pl")
    assert title_key("Work Skills Behind Bars - Final Report") == title_key(
        "Work Skills Behind Bars"
    )
