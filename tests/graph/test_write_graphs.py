"""GraphStore.write_graphs: graphs new to the embedded store are added by one N-Quads load
with the version stamp; graphs already there are replaced; versions only grow."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from graph.store import META_GRAPH, STORE_NODE, VERSION, StoreError, open_store

P = NamedNode("https://example.org/p")


def graph(name: str) -> NamedNode:
    return NamedNode(f"https://example.org/graph/{name}")


def quads(g: NamedNode, *values: str) -> list[Quad]:
    return [Quad(NamedNode(f"{g.value}/s"), P, Literal(v), g) for v in values]


def stamps(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.object.value for q in store._store.quads_for_pattern(STORE_NODE, VERSION, None)]


def values(store, g: NamedNode) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(q.object.value for q in store.quads(g))


def test_new_graphs_from_bytes_and_lists_and_replacement(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    a, b, c = graph("a"), graph("b"), graph("c")
    v1 = store.write_graphs(
        {a: serialize(quads(a, "1", "2"), None, RdfFormat.N_QUADS), b: quads(b, "x")}
    )
    assert values(store, a) == ["1", "2"] and values(store, b) == ["x"]
    assert stamps(store) == [v1] == [store.version()]
    # a is replaced (not merged), c is new: both in one call
    v2 = store.write_graphs(
        {a: quads(a, "3"), c: serialize(quads(c, "y"), None, RdfFormat.N_QUADS)}
    )
    assert values(store, a) == ["3"] and values(store, c) == ["y"] and values(store, b) == ["x"]
    assert stamps(store) == [v2] and v2 > v1
    v3 = store.replace_graphs({}, drop=[c])
    assert v3 > v2 and values(store, c) == []
    store.close()
    reader = open_store(tmp_path / "s", read_only=True)
    assert reader.version() == v3 and values(reader, a) == ["3"]
    reader.close()


def test_a_stamp_left_by_a_crash_is_outranked_and_removed() -> None:
    store = open_store(":memory:")
    v1 = store.write_graphs({graph("a"): quads(graph("a"), "1")})
    # as if the writer died between its load and removing the stamp before it
    store._store.add(Quad(STORE_NODE, VERSION, Literal("0123abcd" * 4), META_GRAPH))
    assert store.version() == v1
    v2 = store.write_graphs({graph("b"): quads(graph("b"), "2")})
    assert stamps(store) == [v2] and v2 > v1


def test_unreadable_bytes_write_nothing() -> None:
    store = open_store(":memory:")
    v1 = store.write_graphs({graph("a"): quads(graph("a"), "1")})
    bad = serialize(quads(graph("b"), "2"), None, RdfFormat.N_QUADS) + b"<not a quad\n"
    with pytest.raises(StoreError):
        store.write_graphs({graph("b"): bad})
    assert values(store, graph("b")) == [] and store.version() == v1


def test_the_default_path_parses_bytes_into_one_update() -> None:
    """What a SPARQL server store runs (GraphStore.write_graphs): one replace_graphs."""
    from graph.store import GraphStore, OxigraphStore

    store = OxigraphStore(None)
    a = graph("a")
    GraphStore.write_graphs(store, {a: serialize(quads(a, "1"), None, RdfFormat.N_QUADS)})
    assert values(store, a) == ["1"] and len(stamps(store)) == 1
