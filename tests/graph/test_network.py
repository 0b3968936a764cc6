"""Collaboration network on a small hand-built graph with known answers.

Two clusters joined by one bridge project:

* CZ justice cluster: NGO Alfa, Prison Service CZ, Probation CZ, School CZ (projects p1-p3;
  the Ministry of Justice is only *named* in p3); Prison Brno is a unit of the prison service
  and works with NGO Alfa in p8;
* AT safety cluster: Police AT, City of Graz, NGO Beta (p4-p6);
* p7: NGO Alfa with Police AT, the only tie between the clusters.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.handbuilt import OrgSpec, ProjectSpec, load_projects
from graph.network import (
    NetworkFilter,
    brokers,
    centrality,
    collaboration_graph,
    communities,
    edge_list_csv,
    ego_network,
    graph_bytes,
    network,
)
from graph.store import GraphStore, open_store

NGO_A = OrgSpec("ngo-a", "NGO Alfa", "ngo", "CZ")
PRISON = OrgSpec("prison", "Prison Service CZ", "prison-service", "CZ")
PROBATION = OrgSpec("probation", "Probation CZ", "probation-service", "CZ")
SCHOOL = OrgSpec("school", "School CZ", "school", "CZ")
POLICE = OrgSpec("police", "Police AT", "police", "AT")
GRAZ = OrgSpec("graz", "City of Graz", "municipality", "AT")
NGO_B = OrgSpec("ngo-b", "NGO Beta", "ngo", "AT")
BRNO = OrgSpec("prison-brno", "Prison Brno", "prison-service", "CZ", parent="prison")
MOJ = OrgSpec("moj", "Ministry of Justice", "ministry", "CZ")

PROJECTS = [
    ProjectSpec(
        "p1",
        "Training in prisons",
        [(NGO_A, "coordinator"), (PRISON, "partner"), (SCHOOL, "partner")],
        funders=["erasmus-plus"],
        year=2019,
    ),
    ProjectSpec(
        "p2",
        "Release preparation",
        [(NGO_A, "coordinator"), (PRISON, "partner"), (PROBATION, "partner")],
        funders=["erasmus-plus"],
        year=2020,
    ),
    ProjectSpec(
        "p3",
        "Probation education",
        [(PRISON, "coordinator"), (PROBATION, "partner"), (SCHOOL, "partner"), (MOJ, "mentioned")],
        funders=["esf"],
    ),
    ProjectSpec(
        "p4", "Safe Graz", [(POLICE, "coordinator"), (GRAZ, "partner"), (NGO_B, "partner")]
    ),
    ProjectSpec("p5", "Joint patrols", [(POLICE, "coordinator"), (GRAZ, "partner")]),
    ProjectSpec(
        "p6", "Street work", [(GRAZ, "coordinator"), (NGO_B, "partner"), (POLICE, "partner")]
    ),
    ProjectSpec("p7", "Cross-border exchange", [(NGO_A, "partner"), (POLICE, "partner")]),
    ProjectSpec("p8", "Brno mentoring", [(NGO_A, "coordinator"), (BRNO, "partner")]),
]


def iri(org: OrgSpec) -> str:
    return org.iri


@pytest.fixture()
def store() -> GraphStore:
    s = open_store(":memory:")
    load_projects(s, PROJECTS)
    return s


def test_edges_weighted_by_shared_projects_with_funders_years_and_roles(store: GraphStore) -> None:
    g = network(store)
    assert g.number_of_nodes() == 9
    edge = g[iri(NGO_A)][iri(PRISON)]
    assert edge["weight"] == 2
    assert edge["funders"] == {"erasmus-plus"}
    assert edge["years"] == {2019, 2020}
    assert edge["roles"][iri(NGO_A)] == {"coordinator": 2}
    assert edge["roles"][iri(PRISON)] == {"partner": 2}
    assert g.nodes[iri(NGO_A)]["sector"] == "ngo"
    assert g.nodes[iri(POLICE)]["sector"] == "law-enforcement"


def test_collaboration_graph_keeps_its_signature(store: GraphStore) -> None:
    assert collaboration_graph(store).number_of_nodes() == 9
    without = collaboration_graph(store, include_mentioned=False)
    assert iri(MOJ) not in without
    assert collaboration_graph(store) is collaboration_graph(store)  # cached per version


def test_filters_by_funder_year_country_and_actor_type(store: GraphStore) -> None:
    erasmus = network(store, NetworkFilter(funders=("erasmus-plus",)))
    assert set(erasmus) == {iri(NGO_A), iri(PRISON), iri(SCHOOL), iri(PROBATION)}
    assert erasmus[iri(NGO_A)][iri(PRISON)]["weight"] == 2

    period = network(store, NetworkFilter(years=(2020, 2024)))
    assert set(period) == {iri(NGO_A), iri(PRISON), iri(PROBATION)}

    austria = network(store, NetworkFilter(countries=("AT",)))  # p4-p7 have AT partners
    assert iri(NGO_A) in austria and iri(PRISON) not in austria

    public = network(store, NetworkFilter(actor_types=("police", "municipality")))
    assert set(public) == {iri(POLICE), iri(GRAZ)}
    assert public[iri(POLICE)][iri(GRAZ)]["weight"] == 3


def test_rollup_merges_units_into_parent(store: GraphStore) -> None:
    rolled = network(store, NetworkFilter(rollup=True))
    assert iri(BRNO) not in rolled
    assert rolled[iri(NGO_A)][iri(PRISON)]["weight"] == 3  # p1, p2 and Brno's p8
    assert network(store)[iri(NGO_A)][iri(PRISON)]["weight"] == 2


def test_louvain_communities_split_the_two_clusters(store: GraphStore) -> None:
    found = communities(network(store, NetworkFilter(include_mentioned=False)))
    groups = [{m["org"] for m in c.members} for c in found]
    assert {iri(POLICE), iri(GRAZ), iri(NGO_B)} in groups
    cz = next(g for g in groups if iri(PRISON) in g)
    assert {iri(PRISON), iri(PROBATION), iri(SCHOOL)} <= cz
    assert not cz & {iri(GRAZ), iri(NGO_B)}
    at = next(c for c in found if iri(GRAZ) in {m["org"] for m in c.members})
    # Police-Graz ties: p4, p5, p6 = 3; NGO Beta-Police 2 (p4, p6)
    assert at.sector_mixing["law-enforcement"]["public-authority"] == 3
    assert at.sector_mixing["public-authority"]["law-enforcement"] == 3
    assert at.sector_mixing["law-enforcement"]["ngo"] == 2
    # reproducible with the fixed seed
    again = communities(network(store, NetworkFilter(include_mentioned=False)))
    assert [c.members for c in again] == [c.members for c in found]


def test_centrality_and_sampled_betweenness(store: GraphStore) -> None:
    g = network(store, NetworkFilter(include_mentioned=False))
    scores = centrality(g)
    top = max(scores, key=lambda n: scores[n]["betweenness"])
    assert top == iri(NGO_A)  # every path between the clusters runs through NGO Alfa
    assert scores[iri(NGO_A)]["degree"] == 5
    assert scores[iri(POLICE)]["weighted_degree"] == 3 + 2 + 1
    sampled = centrality(g, exact_max=3, samples=5)
    assert set(sampled) == set(scores)


def test_brokers_bridge_sectors_and_countries(store: GraphStore) -> None:
    found = brokers(network(store, NetworkFilter(include_mentioned=False)))
    assert found[0].org == iri(NGO_A)
    assert set(found[0].bridged_sectors) == {"justice", "education-research", "law-enforcement"}
    assert found[0].bridged_countries == {"AT": 1}
    police = next(b for b in found if b.org == iri(POLICE))
    assert police.bridged_countries == {"CZ": 1}
    assert "law enforcement" in police.explanation


def test_ego_network_ranks_partners_by_ties(store: GraphStore) -> None:
    ego = ego_network(store, "NGO Alfa", depth=1)
    assert ego.centre == iri(NGO_A)
    assert [p.label for p in ego.partners] == [
        "Prison Service CZ",  # 2 shared projects
        "Police AT",
        "Prison Brno",
        "Probation CZ",
        "School CZ",
    ]
    assert ego.partners[0].ties == 2
    assert len(ego.projects) == 4


def test_ego_network_depth_two_and_rollup(store: GraphStore) -> None:
    ego = ego_network(store, iri(NGO_A), depth=2, flt=NetworkFilter(include_mentioned=False))
    second = [(p.label, p.ties) for p in ego.partners if p.distance == 2]
    assert second == [("City of Graz", 3), ("NGO Beta", 2)]  # both via Police AT
    assert all(p.via == [iri(POLICE)] for p in ego.partners if p.distance == 2)

    rolled = ego_network(store, "NGO Alfa", flt=NetworkFilter(rollup=True))
    assert rolled.partners[0].org == iri(PRISON) and rolled.partners[0].ties == 3
    assert iri(BRNO) not in {p.org for p in rolled.partners}


def test_ego_network_unknown_organisation_has_clear_reason(store: GraphStore) -> None:
    with pytest.raises(LookupError, match="no organisation matches"):
        ego_network(store, "Nonexistent Org")
    with pytest.raises(LookupError, match="organisations match"):
        ego_network(store, "Pris")  # ambiguous: Prison Service CZ, Prison Brno


def test_exports_gexf_graphml_csv(store: GraphStore, tmp_path: Path) -> None:
    g = network(store)
    gexf = tmp_path / "net.gexf"
    gexf.write_bytes(graph_bytes(g, "gexf"))
    back = nx.read_gexf(gexf)
    assert back.number_of_edges() == g.number_of_edges()
    graphml = tmp_path / "net.graphml"
    graphml.write_bytes(graph_bytes(g, "graphml"))
    back = nx.read_graphml(graphml)
    assert back[iri(NGO_A)][iri(PRISON)]["weight"] == 2
    assert ET.parse(graphml).getroot().tag.endswith("graphml")
    rows = list(csv.DictReader(io.StringIO(edge_list_csv(g).decode("utf-8-sig"))))
    top = rows[0]
    assert top["weight"] == "3"  # Police-Graz
    assert {top["source_label"], top["target_label"]} == {"Police AT", "City of Graz"}
    alfa_prison = next(
        r
        for r in rows
        if {r["source_label"], r["target_label"]} == {"NGO Alfa", "Prison Service CZ"}
    )
    roles = {alfa_prison["source_roles"], alfa_prison["target_roles"]}
    assert roles == {"coordinator×2", "partner×2"}


def test_csv_cells_are_spreadsheet_safe(tmp_path: Path) -> None:
    store = open_store(":memory:")
    evil = OrgSpec("evil", '=HYPERLINK("http://x")', "ngo", "CZ")
    load_projects(store, [ProjectSpec("e1", "E", [(evil, "partner"), (NGO_A, "partner")])])
    text = edge_list_csv(network(store)).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_cli_network_communities_brokers(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "store"
    disk = open_store(path)
    load_projects(disk, PROJECTS)
    disk.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["network", "--store", str(path), "--org", "NGO Alfa", "--json"])
    assert out.exit_code == 0, out.output
    assert '"Prison Service CZ"' in out.output
    gexf = tmp_path / "x.gexf"
    out = runner.invoke(
        cli, ["network", "--store", str(path), "--funder", "erasmus-plus", "--gexf", str(gexf)]
    )
    assert out.exit_code == 0, out.output
    assert nx.read_gexf(gexf).number_of_nodes() == 4
    out = runner.invoke(cli, ["communities", "--store", str(path), "--json"])
    assert out.exit_code == 0 and '"sector_mixing"' in out.output
    out = runner.invoke(cli, ["brokers", "--store", str(path), "--json", "--no-mentioned"])
    assert out.exit_code == 0 and '"NGO Alfa"' in out.output
    out = runner.invoke(cli, ["network", "--store", str(path), "--org", "Nobody", "--json"])
    assert out.exit_code != 0 and "no organisation matches" in out.output


def test_projection_is_kept_on_disk_per_store_version(tmp_path: Path) -> None:
    from graph import projection as projection_module

    disk = open_store(tmp_path / "store")
    load_projects(disk, PROJECTS[:3])
    first = projection_module.projection(disk)
    cache = projection_module.cache_file(disk, "analytics")
    assert cache is not None and cache.is_file()
    projection_module._CACHE.clear()  # a new process: memory empty, file present
    again = projection_module.projection(disk)
    assert again is not first
    assert again.members == first.members and again.postings == first.postings
    assert again.projects[PROJECTS[0].iri].years == {2019}
    load_projects(disk, PROJECTS[3:4])  # new version: the file is stale and rebuilt
    newer = projection_module.projection(disk)
    assert PROJECTS[3].iri in newer.projects
    cache.write_bytes(b"damaged")
    projection_module._CACHE.clear()
    assert projection_module.projection(disk).members == newer.members
    disk.close()


def test_ego_network_of_an_organisation_only_named(store: GraphStore) -> None:
    named = ego_network(store, "Ministry of Justice")
    assert {p.label for p in named.partners} == {"Prison Service CZ", "Probation CZ", "School CZ"}
    strict = ego_network(store, "Ministry of Justice", flt=NetworkFilter(include_mentioned=False))
    assert strict.partners == [] and strict.projects == []


def test_ego_depth_two_from_membership_arrays_equals_the_project_loop(
    demo_store: GraphStore, tmp_path: Path
) -> None:
    """Distance-2 ties, the cut to the strongest and the linking partners from the
    vectorised membership arrays equal the loop over the direct partners' projects, for
    every organisation of the demo store and of 300 synthetic projects (heavy-tailed
    partnerships: hubs with hundreds of partners)."""
    from graph.network import _second_degree, _second_degree_plain, _strongest
    from graph.projection import projection
    from graph.synth import write_nquads
    from ingest.pipeline import ensure_ontology

    nq = tmp_path / "synth.nq"
    with open(nq, "wb") as out:
        write_nquads(300, out, seed=4)
    synth = open_store(tmp_path / "store")
    synth.bulk_load([nq])
    ensure_ontology(synth)
    checked = 0
    for store in (demo_store, synth):
        proj = projection(store)

        def projects_of(members: set[str], proj: object = proj) -> set[str]:
            out: set[str] = set()
            for m in members:
                out |= proj.org_projects.get(m, set())  # type: ignore[attr-defined]
            return out

        for org in sorted(proj.org_projects):
            report = ego_network(store, org, depth=1)
            direct = {p.org: p.projects for p in report.partners}
            for limit in (None, 5):
                ties, via = _second_degree(
                    proj.members, {}, lambda o, r: True, org, set(direct), projects_of, {}, direct
                )
                total, best, fast_via = _second_degree_plain(proj, org, set(direct), limit)
                assert total == len(ties)
                assert best == _strongest(ties, limit)
                assert {o: fast_via[o] for o, _ in best} == {o: via[o] for o, _ in best}
                checked += bool(best)
    assert checked > 100
