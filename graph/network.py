"""Collaboration network: organisations linked by shared projects (networkx projection)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from graph.queries import run_query
from graph.store import GraphStore
from ontology import ROLE_STRENGTH, role_name, split_concept_iri

_CACHE: dict[tuple[str, str], nx.Graph] = {}


@dataclass(frozen=True)
class OrgInfo:
    iri: str
    label: str
    actor_type: str | None
    country: str | None


def participation_table(store: GraphStore) -> list[dict[str, str | None]]:
    out = []
    for row in run_query(store, "participations"):
        out.append(
            {
                "project": row["project"].value,
                "title": row["title"].value,
                "org": row["org"].value,
                "label": row["label"].value,
                "type": split_concept_iri(row["type"].value)[1] if "type" in row else None,
                "country": row["country"].value if "country" in row else None,
                "role": role_name(row["role"].value),
            }
        )
    return out


def collaboration_graph(store: GraphStore, include_mentioned: bool = True) -> nx.Graph:
    """Organisations as nodes; an edge per pair sharing projects (weight = shared projects).

    Cached per store version, so a finished ingest is picked up on the next call.
    """
    key = (store.location, store.version() + str(include_mentioned))
    if key in _CACHE:
        return _CACHE[key]
    members: dict[str, dict[str, str]] = defaultdict(dict)  # project -> org -> role
    g = nx.Graph()
    for row in participation_table(store):
        role = str(row["role"])
        if role == "mentioned" and not include_mentioned:
            continue
        org = str(row["org"])
        if org not in g:
            g.add_node(
                org, label=row["label"], actor_type=row["type"], country=row["country"], projects=0
            )
        current = members[str(row["project"])].get(org)
        if current is None or ROLE_STRENGTH[role] < ROLE_STRENGTH[current]:
            members[str(row["project"])][org] = role
    for project, orgs in members.items():
        ids = sorted(orgs)
        for org in ids:
            g.nodes[org]["projects"] += 1
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if g.has_edge(a, b):
                    g[a][b]["weight"] += 1
                    g[a][b]["projects"].append(project)
                else:
                    g.add_edge(a, b, weight=1, projects=[project])
    _CACHE.clear()
    _CACHE[key] = g
    return g


def top_subgraph(g: nx.Graph, max_nodes: int = 300) -> nx.Graph:
    """The ``max_nodes`` best-connected nodes (weighted degree), for drawing large graphs."""
    if g.number_of_nodes() <= max_nodes:
        return g
    ranked = sorted(g.degree(weight="weight"), key=lambda x: (-x[1], x[0]))[:max_nodes]
    return g.subgraph([n for n, _ in ranked]).copy()
