"""Bulk loading RDF files: line-aligned pieces loaded from several threads give exactly the
quads of the file, stamp a new store version, and the CLI refuses a store with documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from graph.cli import cli
from graph.search import search
from graph.store import META_GRAPH, ONTOLOGY_GRAPH, GraphStore, StoreError, load_pieces, open_store
from graph.synth import write_nquads


def content(store: GraphStore) -> set[str]:
    rows = store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    skip = {META_GRAPH.value, ONTOLOGY_GRAPH.value}
    return {f"{r['s']} {r['p']} {r['o']} {r['g']}" for r in rows if r["g"].value not in skip}


@pytest.fixture(scope="module")
def nquads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 3 MB of synthetic projects: several 1 MB pieces for two threads."""
    path = tmp_path_factory.mktemp("bulk") / "synth.nq"
    with open(path, "wb") as fh:
        write_nquads(80, fh, seed=11, base=path.parent / "synth")
    return path


def test_pieces_end_at_line_ends_and_cover_the_file(nquads: Path) -> None:
    data = nquads.read_bytes()
    pieces = load_pieces([nquads], 100_000)
    assert len(pieces) > 10
    chunks = [data[p.start : p.end] for p in pieces]
    assert b"".join(chunks) == data
    assert all(c.endswith(b"\n") for c in chunks)
    with pieces[3].open() as fh:
        assert fh.read() == chunks[3]


def test_threads_load_exactly_the_file(nquads: Path, tmp_path: Path) -> None:
    one = open_store(":memory:")
    one.load(nquads.read_bytes(), RdfFormat.N_QUADS)  # one call, one thread
    expected = content(one)
    store = open_store(tmp_path / "store")
    before = store.version()
    version = store.bulk_load([nquads], jobs=2)
    assert version != before and store.version() == version
    assert content(store) == expected
    assert search(store, "").total == 80  # the index follows the new version
    store.close()


def test_a_bad_file_is_named_and_the_version_still_moves(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text('<https://example.org/s> <https://example.org/p> "x" .\nnot rdf at all\n')
    store = open_store(tmp_path / "store")
    before = store.version()
    with pytest.raises(StoreError, match=r"bad\.nq.*not transactional"):
        store.bulk_load([bad], jobs=2)
    assert store.version() != before
    (tmp_path / "x.csv").write_text("a;b\n")
    with pytest.raises(StoreError, match="unknown RDF file extension"):
        store.bulk_load([tmp_path / "x.csv"])
    store.close()


def test_cli_refuses_a_store_with_documents_unless_forced(nquads: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = str(tmp_path / "store")
    args = ["load", str(nquads), "--store", target, "--jobs", "2", "--lenient", "--json"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, args)
    assert again.exit_code != 0 and "already holds documents" in again.output
    forced = runner.invoke(cli, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    store = open_store(target, read_only=True)
    assert search(store, "").total == 80  # loading the same file twice adds nothing new
    store.close()
