"""The store interface on a real on-disk pyoxigraph store."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from graph.queries import load_query, query_names, run_query
from graph.store import StoreLockedError, open_store

G = NamedNode("https://example.org/g")
S = NamedNode("https://example.org/s")
P = NamedNode("https://example.org/p")


def test_replace_graph_is_atomic_and_versioned(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    v0 = store.version()
    v1 = store.replace_graphs({G: [Quad(S, P, Literal("a"), G), Quad(S, P, Literal("b"), G)]})
    assert store.count_quads(G) == 2 and v1 != v0 and store.version() == v1
    store.replace_graphs({G: [Quad(S, P, Literal("c"), G)]})
    assert [q.object.value for q in store.quads(G)] == ["c"]
    store.close()
    reopened = open_store(tmp_path / "s", read_only=True)
    assert reopened.count_quads(G) == 1


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreLockedError, match="one writer"):
        open_store(tmp_path / "s")
    first.close()


def test_bound_values_cannot_inject(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    store.replace_graphs({G: [Quad(S, P, Literal("x"), G)]})
    evil = Literal('x" } } ; DROP ALL ; SELECT * WHERE { { "')
    rows = store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", o=evil)
    assert rows == [] and store.count_quads(G) == 1


@pytest.mark.parametrize("name", query_names())
def test_every_query_file_runs(name: str, demo_store) -> None:  # type: ignore[no-untyped-def]
    assert load_query(name).lstrip().startswith("#"), "each .rq starts with a header comment"
    assert isinstance(run_query(demo_store, name), list)
