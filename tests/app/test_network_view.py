"""The app's network view (app_pages.common.build_network_view): an ego view builds only the
centre and its strongest partners; for an organisation with fewer partners than the view
draws, the drawing is the one of the former path (the whole ego graph, then the top-N cut)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from pyoxigraph import RdfFormat

from app_pages.common import build_network_view
from graph.network import (
    NetworkFilter,
    centrality,
    communities,
    ego_network,
    network,
    top_subgraph,
)
from graph.store import GraphStore, open_store


def former_view(s: GraphStore, flt: NetworkFilter, ego: str, depth: int, max_nodes: int) -> Any:
    """The former ego path: the whole ego graph, cut to its best-connected nodes."""
    report = ego_network(s, ego, depth=depth, flt=flt)
    full = report.graph(s, flt)
    shown = top_subgraph(full, max_nodes)
    if report.centre in full and report.centre not in shown:
        shown = full.subgraph([*list(shown.nodes)[: max_nodes - 1], report.centre]).copy()
    community = {m["org"]: c.index for c in communities(shown) for m in c.members}
    return full, shown, community, centrality(shown)


def same_graph(a: nx.Graph, b: nx.Graph, ordered: bool = True) -> bool:
    """The same nodes (in the same order if ``ordered``), attributes and edges."""
    nodes_a: Any = list(a.nodes(data=True))
    nodes_b: Any = list(b.nodes(data=True))
    if not ordered:
        nodes_a, nodes_b = dict(nodes_a), dict(nodes_b)
    edges_a = {frozenset((u, v)): d for u, v, d in a.edges(data=True)}
    edges_b = {frozenset((u, v)): d for u, v, d in b.edges(data=True)}
    return bool(nodes_a == nodes_b and edges_a == edges_b)


def check_store(s: GraphStore, max_nodes: int) -> tuple[int, int]:
    """Every organisation, depth 1 and 2: the same drawing as before where nothing is cut,
    and where something is cut the centre and its strongest partners. Returns how many
    views were compared whole and how many were cut."""
    flt = NetworkFilter()
    whole = cut = 0
    for org in sorted(network(s, flt).nodes):
        for depth in (1, 2):
            view = build_network_view(s, flt, org, depth, max_nodes)
            report = ego_network(s, org, depth=depth, flt=flt)
            full, shown, community, measures = former_view(s, flt, org, depth, max_nodes)
            if full.number_of_nodes() <= max_nodes:
                whole += 1
                assert same_graph(view.graph, shown)
                assert view.community == community and view.measures == measures
                assert view.total_nodes == full.number_of_nodes()
                assert view.total_edges == full.number_of_edges()
            else:
                cut += 1
                strongest = [report.centre, *(p.org for p in report.partners)][:max_nodes]
                assert list(view.graph.nodes) == strongest
                assert same_graph(view.graph, full.subgraph(strongest), ordered=False)
                assert view.total_nodes >= full.number_of_nodes() > max_nodes
                assert view.total_edges is None
            assert view.centre == report.centre
    return whole, cut


def test_ego_views_on_the_demo_store(demo_store: GraphStore) -> None:
    whole, cut = check_store(demo_store, 150)
    assert whole > 50
    whole, cut = check_store(demo_store, 6)  # small views: hubs are cut
    assert whole and cut


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    from graph.synth import write_nquads

    folder: Path = tmp_path_factory.mktemp("netview")
    buf = io.BytesIO()
    write_nquads(200, buf, seed=3, base=folder / "synth")
    s = open_store(folder / "store")
    s.load(buf.getvalue(), RdfFormat.N_QUADS)
    s.replace_graphs({})  # stamp a version, as every write does
    return s


def test_ego_views_on_a_synthetic_store(synth_store: GraphStore) -> None:
    whole, cut = check_store(synth_store, 40)
    assert whole and cut


def test_whole_network_view_is_the_top_cut(synth_store: GraphStore) -> None:
    flt = NetworkFilter()
    view = build_network_view(synth_store, flt, None, 1, 30)
    full = network(synth_store, flt)
    assert same_graph(view.graph, top_subgraph(full, 30))
    assert (view.total_nodes, view.total_edges) == (full.number_of_nodes(), full.number_of_edges())
    with pytest.raises(LookupError):
        build_network_view(synth_store, flt, "no such organisation at all", 1, 30)
