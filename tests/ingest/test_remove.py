"""``praxis remove``: ingested documents taken back out of a real on-disk store (and a real
SPARQL server): their projects and organisations leave SPARQL, search, network and the
organisation list; other documents stay as they were; re-ingesting restores the same quads."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode

from graph.cli import cli
from graph.network import collaboration_graph
from graph.projection import projection
from graph.resolve import authority_index, list_organisations
from graph.search import search
from graph.store import GraphStore, open_store
from ingest.pipeline import ingest_paths
from ingest.rdf import doc_graph
from ingest.readers import read_file
from ingest.remove import RemovalError, remove_documents
from tests.conftest import DEMO_DOCS
from tests.graph.test_search_joined import CARD, PROJECT, RELEASE, same_as_full_build
from tests.graph.test_sparql_server import server  # noqa: F401 - a fixture

DOC_GRAPHS = "https://w3id.org/praxisgraph/graph/doc/"
NAMES = (
    "cs_01_norska-delegace-kurim.txt",
    "cs_02_olomouc-bezpecne-doma-i-venku.txt",
    "cs_03_prace-jako-most-zaverecna-zprava.txt",
)


def three_files(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in NAMES:
        shutil.copy(DEMO_DOCS / name, docs / name)
    return docs


def doc_quads(store: GraphStore) -> set[str]:
    """Every quad of the document graphs as an N-Quads line (no version stamps)."""
    lines: set[str] = set()
    for g in store.named_graphs():
        if g.value.startswith(DOC_GRAPHS):
            lines.update(str(q) for q in store.quads(g))
    return lines


def projects(store: GraphStore) -> set[str]:
    rows = store.select(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/praxisgraph/ns#Project> } }"
    )
    return {r["p"].value for r in rows}


def hits(store: GraphStore, query: str = "") -> set[str]:
    return {h.project for h in search(store, query, limit=1000).hits}


def mentioned_in_documents(store: GraphStore, org: str) -> bool:
    return store.ask(
        "ASK WHERE { GRAPH ?g { { ?org ?p ?o } UNION { ?s ?p ?org } }"
        " FILTER(STRSTARTS(STR(?g), ?prefix)) }",
        org=NamedNode(org),
        prefix=Literal(DOC_GRAPHS),
    )


def test_remove_one_file_then_reingest_restores_it(tmp_path: Path) -> None:
    docs = three_files(tmp_path)
    store = open_store(tmp_path / "store")
    assert ingest_paths([docs], store, progress=False).skipped == []
    before_quads, before_projects = doc_quads(store), projects(store)
    assert len(before_projects) == 3 and hits(store) == before_projects
    before_index = same_as_full_build(store)
    gone_file = docs / NAMES[0]
    gone_graph = doc_graph(read_file(gone_file).doc_id)
    [gone_project] = [
        p
        for p in before_projects
        if store.ask("ASK WHERE { GRAPH ?g { ?p a ?t } }", g=gone_graph, p=NamedNode(p))
    ]
    version = store.version()

    summary = remove_documents(store, [str(gone_file)])

    assert [d.graph for d in summary.documents] == [gone_graph.value]
    assert summary.projects_removed[0][0] == gone_project and not summary.projects_kept
    assert summary.version == store.version() != version
    # gone from SPARQL (no quad in its graph, project nowhere) and from search
    assert store.count_quads(gone_graph) == 0
    assert projects(store) == before_projects - {gone_project}
    assert hits(store) == before_projects - {gone_project}
    same_as_full_build(store)  # the index was refreshed, and equals a rebuild
    # the other two documents are untouched
    assert doc_quads(store) == {q for q in before_quads if f"<{gone_graph.value}>" not in q}
    # organisations only the removed file named: nowhere in documents, list, network
    orphans = [iri for iri, _label in summary.organisations_removed]
    assert orphans, "the removed file named no organisation of its own: the test proves nothing"
    listed = {r["iri"] for r in list_organisations(store)}
    network = collaboration_graph(store)
    proj = projection(store)
    bodies = authority_index().bodies
    for org in orphans:
        assert not mentioned_in_documents(store, org)
        assert org not in listed and org not in network
        assert not proj.org_projects.get(org)
        assert org not in proj.orgs or org in bodies  # authority bodies: the reference file
    for org in listed:  # and every organisation still listed is in a remaining document
        assert mentioned_in_documents(store, org)

    # re-ingest: the same quads and the same search rows as before
    assert ingest_paths([gone_file], store, progress=False).skipped == []
    assert doc_quads(store) == before_quads
    assert projects(store) == before_projects
    assert same_as_full_build(store) == before_index
    store.close()


def test_joined_project_loses_a_source_but_stays(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    card, release = docs / "a-card.md", docs / "b-release.md"
    card.write_text(CARD, encoding="utf-8")
    release.write_text(RELEASE.format(word="beekeeping"), encoding="utf-8")
    store = open_store(tmp_path / "store")
    assert ingest_paths([docs], store, progress=False).skipped == []
    assert hits(store, "beekeeping") == {PROJECT}

    # by file name (no path): the release goes, the project stays with the card
    summary = remove_documents(store, ["b-release.md"])
    assert [d.file for d in summary.documents] == ["b-release.md"]
    assert not summary.projects_removed
    assert [(iri, files) for iri, _t, files in summary.projects_kept] == [(PROJECT, ["a-card.md"])]
    assert projects(store) == {PROJECT} and hits(store) == {PROJECT}
    assert hits(store, "beekeeping") == set()  # a word only the release had
    assert hits(store, "Plzeň") == {PROJECT}  # a word of the card
    same_as_full_build(store)
    # by folder: the card goes too, and with it the project
    summary = remove_documents(store, [str(docs)])
    assert summary.projects_removed == [(PROJECT, summary.projects_removed[0][1])]
    assert projects(store) == set() and hits(store) == set()
    store.close()


def test_cli_unknown_target_and_dry_run_change_nothing(tmp_path: Path) -> None:
    docs = three_files(tmp_path)
    spec = str(tmp_path / "store")
    with open_store(spec) as store:
        ingest_paths([docs], store, progress=False)
        version, quads = store.version(), doc_quads(store)
    runner = CliRunner()

    # one unknown target among known ones: exit 1, one line, nothing removed
    result = runner.invoke(cli, ["remove", str(docs / NAMES[1]), "no-such.pdf", "--store", spec])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no ingested document at or named no-such.pdf"
    # a dry run names what would go and removes nothing
    result = runner.invoke(cli, ["remove", str(docs), "--store", spec, "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["dry_run"] is True and len(report["documents"]) == 3
    assert len(report["projects_removed"]) == 3 and report["version"] is None
    result = runner.invoke(cli, ["remove", NAMES[2], "--store", spec, "--dry-run"])
    assert result.output.startswith("would remove 1 documents, 1 projects")
    with open_store(spec, read_only=True) as store:
        assert store.version() == version and doc_quads(store) == quads

    # for real, by document id
    doc_id = read_file(docs / NAMES[2]).doc_id
    result = runner.invoke(cli, ["remove", doc_id, "--store", spec])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("removed 1 documents, 1 projects")
    assert f"document {docs / NAMES[2]}" in result.output
    with open_store(spec, read_only=True) as store:
        assert store.count_quads(doc_graph(doc_id)) == 0 and len(hits(store)) == 2


def test_file_name_of_two_files_is_ambiguous(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(DEMO_DOCS / NAMES[0], tmp_path / folder / "report.txt")
    store = open_store(tmp_path / "store")
    ingest_paths([tmp_path / "a", tmp_path / "b"], store, progress=False)
    version = store.version()
    with pytest.raises(RemovalError, match="names 2 ingested files, give the path: "):
        remove_documents(store, ["report.txt"])
    assert store.version() == version
    summary = remove_documents(store, [str(tmp_path / "b" / "report.txt")])
    assert [d.path for d in summary.documents] == [str(tmp_path / "b" / "report.txt")]
    store.close()


def test_remove_on_a_sparql_server(server: str, tmp_path: Path) -> None:  # noqa: F811
    docs = three_files(tmp_path)
    store = open_store(server)
    assert ingest_paths([docs], store, progress=False).skipped == []
    before = projects(store)
    summary = remove_documents(store, [str(docs / NAMES[1])])
    [(gone, _title)] = summary.projects_removed
    assert projects(store) == before - {gone}
    assert hits(store) == before - {gone}


def test_app_pages_forget_removed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project and organisation pages treat what was removed as unknown; the search
    page lists only the remaining projects (AppTest on the pages' own files)."""
    from streamlit.testing.v1 import AppTest

    docs = three_files(tmp_path)
    spec = tmp_path / "store"
    with open_store(spec) as store:
        ingest_paths([docs], store, progress=False)
        summary = remove_documents(store, [str(docs / NAMES[0])])
        remaining = {h.title for h in search(store, "", limit=100).hits}
    [(project, title)] = summary.projects_removed
    bodies = authority_index().bodies
    orphan = next(iri for iri, _label in summary.organisations_removed if iri not in bodies)
    monkeypatch.setenv("PRAXIS_STORE", str(spec))
    pages = Path(__file__).resolve().parents[2] / "app_pages"

    def run(page: str, params: dict[str, str]) -> AppTest:
        at = AppTest.from_file(str(pages / f"{page}.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        return at.run()

    for page, iri in (("project", project), ("organisation", orphan)):
        at = run(page, {"iri": iri})
        assert not at.exception and at.warning, (page, iri)
    at = run("search", {})
    assert not at.exception
    shown = html.unescape("\n".join(str(m.value) for m in (*at.markdown, *at.caption)))
    assert "**2 projects**" in shown
    assert all(t[:30] in shown for t in remaining) and len(remaining) == 2
    assert title[:30] not in shown
