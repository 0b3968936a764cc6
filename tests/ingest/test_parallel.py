"""Parallel ingest (forked workers, batched writes) gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode

from graph.cli import cli
from graph.search import search
from graph.store import META_GRAPH, ONTOLOGY_GRAPH, GraphStore, open_store
from ingest.pipeline import ingest_paths
from tests.conftest import DEMO_DOCS


def content(store: GraphStore) -> set[str]:
    """Every document quad (not the version stamp, which differs on every write, nor the
    ontology graph, loaded from the same files but with fresh blank nodes)."""
    rows = store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    skip = {META_GRAPH.value, ONTOLOGY_GRAPH.value}
    return {f"{r['s']} {r['p']} {r['o']} {r['g']}" for r in rows if r["g"].value not in skip}


def test_jobs_give_the_same_graph_and_summary(tmp_path: Path) -> None:
    files = sorted(DEMO_DOCS.iterdir())[:10]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 not a pdf")
    inputs = [*files, tmp_path / "empty.txt", tmp_path / "bad.pdf", tmp_path / "missing.txt"]

    one = open_store(tmp_path / "one")
    s1 = ingest_paths(inputs, one, progress=False)
    two = open_store(tmp_path / "two")
    s2 = ingest_paths(inputs, two, progress=False, jobs=2, batch_size=3)
    assert s1.files_read == s2.files_read == len(files)
    assert s1.as_dict() == s2.as_dict()
    assert content(one) == content(two)
    assert search(one, "").total == search(two, "").total == len(files)

    # re-ingest in parallel, in another order: idempotent
    ingest_paths(list(reversed(inputs)), two, progress=False, jobs=2, batch_size=4)
    assert content(one) == content(two)
    one.close()
    two.close()


def test_cli_jobs_option(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(DEMO_DOCS.iterdir())[:3]]
    runner = CliRunner()
    result = runner.invoke(
        cli, ["ingest", *files, "--store", str(tmp_path / "s"), "--jobs", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"files_read": 3' in result.output


@pytest.mark.parametrize("report_first", [True, False])
def test_jobs_match_projects_across_files_as_one_process(
    tmp_path: Path, report_first: bool
) -> None:
    """Project matching stays in the writing process and sees every earlier file: the same
    project from a report and a table (no identifier) and from three structured sources
    is one project with workers too (the worker's quads are rebuilt for the match)."""
    from tests.ingest.test_dedup import BERICHT, LISTE, THREE_SOURCES, project_iris, sources_of

    report = tmp_path / "bericht.md"
    report.write_text(BERICHT, encoding="utf-8")
    table = tmp_path / "liste.csv"
    table.write_text(LISTE.format(fund="ESF Plus"), encoding="utf-8")
    pair = [report, table] if report_first else [table, report]
    inputs = [*pair, *THREE_SOURCES]
    one = open_store(tmp_path / "one")
    s1 = ingest_paths(inputs, one, progress=False)
    two = open_store(tmp_path / "two")
    s2 = ingest_paths(inputs, two, progress=False, jobs=2, batch_size=8)
    assert s1.skipped == s2.skipped == []
    assert s1.as_dict() == s2.as_dict()
    assert content(one) == content(two)
    sources = [set(sources_of(two, NamedNode(iri))) for iri in project_iris(two)]
    assert {"bericht.md", "liste.csv"} in sources  # one project from both files
    assert {f.name for f in THREE_SOURCES} in sources
    one.close()
    two.close()
