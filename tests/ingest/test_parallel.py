"""Parallel ingest (spawned workers, batched writes) gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

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
