"""Collaboration network: organisations linked by shared projects (networkx projection).

Public API (all results are plain dataclasses / dicts, JSON-ready via ``as_dict``):

* :func:`network` — the (filtered, optionally rolled-up) collaboration graph;
  :func:`collaboration_graph` is the unfiltered one the app draws.
* :func:`communities` — Louvain communities with a per-community sector-mixing matrix.
* :func:`centrality` — degree, weighted degree, betweenness (sampled on big graphs).
* :func:`brokers` — organisations bridging sectors and countries.
* :func:`ego_network` — an organisation's partners to depth 1–2, ranked by ties.
* :func:`write_gexf`, :func:`write_graphml`, :func:`edge_list_csv` — exports.

Graphs are built from the cached :mod:`graph.projection` (one scan per store version) and
cached themselves per (store version, filter).
"""

from __future__ import annotations

import heapq
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import networkx as nx

from graph.export import table_to_csv
from graph.projection import Projection, projection, resolve_organisation
from graph.queries import run_query
from graph.sectors import SECTOR_LABELS, sector_of
from graph.store import GraphStore
from ontology import role_name, split_concept_iri

#: above this many nodes betweenness is estimated from ``BETWEENNESS_SAMPLES`` pivots
BETWEENNESS_EXACT_MAX = 1000
BETWEENNESS_SAMPLES = 200
#: linking partners listed for a distance-2 partner
VIA_MAX = 5
SEED = 42

_GRAPHS: dict[tuple[str, str, NetworkFilter], nx.Graph] = {}
_GRAPHS_MAX = 4


@dataclass(frozen=True)
class OrgInfo:
    iri: str
    label: str
    actor_type: str | None
    country: str | None


@dataclass(frozen=True)
class NetworkFilter:
    """Which projects and organisations a network view covers.

    Project filters (a project must match every non-empty one, any value within one):
    ``funders``, ``target_groups``, ``activities`` (concept notations), ``countries``
    (ISO codes of the project or of any of its organisations), ``years`` (inclusive range;
    projects without a known year are dropped when set). Node filter: ``actor_types`` keeps
    only organisations of those types. ``include_mentioned`` keeps organisations a document
    only names; ``rollup`` merges sub-organisations into their top parent.
    """

    funders: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    include_mentioned: bool = True
    rollup: bool = False


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


# ---------------------------------------------------------------------------- building


def selected_projects(proj: Projection, flt: NetworkFilter) -> set[str]:
    """Projects matching the project filters of ``flt``."""
    selected: set[str] | None = None

    def narrow(facet: str, values: Iterable[str]) -> None:
        nonlocal selected
        values = list(values)
        if not values:
            return
        hit: set[str] = set()
        for v in values:
            hit |= proj.postings.get((facet, v), set())
        selected = hit if selected is None else selected & hit

    narrow("funder", flt.funders)
    narrow("target-group", flt.target_groups)
    narrow("activity-type", flt.activities)
    narrow("country", flt.countries)
    if flt.years:
        lo, hi = flt.years
        narrow("year", (str(y) for y in range(lo, hi + 1)))
    return set(proj.members) if selected is None else selected & set(proj.members)


_T = TypeVar("_T")


def _for_projection(
    cache: dict[int, tuple[Projection, Any]], proj: Projection, build: Callable[[Projection], _T]
) -> _T:
    """``build(proj)``, kept for the latest projection only (a new store version builds a
    new projection, so older results are dropped with it)."""
    cached = cache.get(id(proj))
    if cached is not None and cached[0] is proj:
        return cached[1]
    out = build(proj)
    cache.clear()
    cache[id(proj)] = (proj, out)
    return out


_ROLLUPS: dict[int, tuple[Projection, Any]] = {}


def rollup_map(proj: Projection) -> dict[str, str]:
    """Organisation -> its top-most parent via org:subOrganizationOf (cycle-safe); cached
    per projection."""
    return _for_projection(_ROLLUPS, proj, _rollup_map)


def _rollup_map(proj: Projection) -> dict[str, str]:
    out: dict[str, str] = {}
    for org in proj.orgs:
        seen = {org}
        top = org
        while (parent := proj.orgs[top].parent if top in proj.orgs else None) and (
            parent not in seen
        ):
            seen.add(parent)
            top = parent
        if top != org:
            out[org] = top
    return out


class _Incidence:
    """Who took part in what (every role) as integer arrays, once per projection, projects
    and organisations numbered in IRI order: the distance-2 ties of an ego network are then
    two vectorised passes over all memberships (milliseconds at 100k projects) instead of a
    Python loop over every project the direct partners took part in."""

    def __init__(self, proj: Projection) -> None:
        import numpy as np

        members = proj.members
        self.projects = sorted(members)
        self.orgs = sorted({org for roles in members.values() for org in roles})
        self.org_ids = {org: i for i, org in enumerate(self.orgs)}
        ids = self.org_ids
        org_of: list[int] = []
        project_of: list[int] = []
        for p, project in enumerate(self.projects):
            roles = members[project]
            org_of.extend(ids[org] for org in roles)
            project_of.extend([p] * len(roles))
        self.org_of = np.array(org_of, dtype=np.int64)
        self.project_of = np.array(project_of, dtype=np.int64)
        by_org = np.argsort(self.org_of, kind="stable")  # entries grouped by organisation
        self.org_projects = self.project_of[by_org]  # each group in project (IRI) order
        self.org_starts = np.searchsorted(self.org_of[by_org], np.arange(len(self.orgs) + 1))

    def second_degree(self, centre: str, direct: set[str]) -> tuple[Any, Any, Any]:
        """Distance-2 organisations (ids, ascending) with their ties — for every project
        with direct partners among its members, one tie per direct partner — and the
        number of direct partners per project."""
        import numpy as np

        is_direct = np.zeros(len(self.orgs), dtype=np.int64)
        is_direct[[self.org_ids[o] for o in direct if o in self.org_ids]] = 1
        per_project = np.bincount(
            self.project_of, weights=is_direct[self.org_of], minlength=len(self.projects)
        ).astype(np.int64)
        ties = np.bincount(
            self.org_of, weights=per_project[self.project_of], minlength=len(self.orgs)
        ).astype(np.int64)
        ties[is_direct > 0] = 0
        if centre in self.org_ids:
            ties[self.org_ids[centre]] = 0
        found = np.flatnonzero(ties)
        return found, ties[found], per_project

    def projects_with(self, org: int, per_project: Any) -> list[int]:
        """An organisation's project ids (IRI order) where ``per_project`` is not zero."""
        ids = self.org_projects[self.org_starts[org] : self.org_starts[org + 1]]
        return ids[per_project[ids] > 0].tolist()


_INCIDENCE: dict[int, tuple[Projection, Any]] = {}


def incidence(proj: Projection) -> _Incidence:
    return _for_projection(_INCIDENCE, proj, _Incidence)


def _build(proj: Projection, flt: NetworkFilter) -> nx.Graph:
    projects = selected_projects(proj, flt)
    parent = rollup_map(proj) if flt.rollup else {}
    wanted_types = set(flt.actor_types)
    g = nx.Graph()
    for project in sorted(projects):
        rec = proj.projects[project]
        orgs: dict[str, Counter[str]] = defaultdict(Counter)
        for org, role in proj.participants(project, flt.include_mentioned).items():
            info = proj.orgs.get(org)
            if wanted_types and (info is None or info.actor_type not in wanted_types):
                continue
            orgs[parent.get(org, org)][role] += 1
        for node, roles in orgs.items():
            if node not in g:
                info = proj.orgs.get(node)
                actor_type = info.actor_type if info else None
                g.add_node(
                    node,
                    label=proj.org_label(node),
                    actor_type=actor_type,
                    sector=sector_of(actor_type),
                    country=info.country if info else None,
                    projects=0,
                    roles=Counter(),
                )
            g.nodes[node]["projects"] += 1
            g.nodes[node]["roles"].update(roles)
        ids = sorted(orgs)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if g.has_edge(a, b):
                    data = g[a][b]
                    data["weight"] += 1
                else:
                    data = {
                        "weight": 1,
                        "projects": [],
                        "funders": set(),
                        "years": set(),
                        "roles": {a: Counter(), b: Counter()},
                    }
                    g.add_edge(a, b, **data)
                    data = g[a][b]
                data["projects"].append(project)
                data["funders"].update(rec.funders)
                data["years"].update(rec.years)
                data["roles"][a].update(orgs[a])
                data["roles"][b].update(orgs[b])
    return g


def network(store: GraphStore, flt: NetworkFilter | None = None) -> nx.Graph:
    """The collaboration graph for a filter: nodes are organisations (``label``,
    ``actor_type``, ``sector``, ``country``, ``projects`` = projects in view, ``roles``);
    an edge per pair sharing projects with ``weight`` (shared projects), ``projects``,
    ``funders``, ``years`` and ``roles`` ({org: Counter(role)}).

    Cached per store version and filter; treat the result as read-only.
    """
    flt = flt or NetworkFilter()
    proj = projection(store)
    key = (store.location, proj.version, flt)
    if key in _GRAPHS:
        return _GRAPHS[key]
    g = _build(proj, flt)
    for old in [k for k in _GRAPHS if k[0] == store.location and k[1] != proj.version]:
        del _GRAPHS[old]
    while len(_GRAPHS) >= _GRAPHS_MAX:
        del _GRAPHS[next(iter(_GRAPHS))]
    _GRAPHS[key] = g
    return g


def collaboration_graph(store: GraphStore, include_mentioned: bool = True) -> nx.Graph:
    """Organisations as nodes; an edge per pair sharing projects (weight = shared projects).

    Cached per store version, so a finished ingest is picked up on the next call.
    """
    return network(store, NetworkFilter(include_mentioned=include_mentioned))


def top_subgraph(g: nx.Graph, max_nodes: int = 300) -> nx.Graph:
    """The ``max_nodes`` best-connected nodes (weighted degree), for drawing large graphs
    (nodes in that order)."""
    if g.number_of_nodes() <= max_nodes:
        return g
    ranked = sorted(g.degree(weight="weight"), key=lambda x: (-x[1], x[0]))[:max_nodes]
    return induced_subgraph(g, [n for n, _ in ranked])


def induced_subgraph(g: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """``g.subgraph(nodes).copy()`` (the same nodes, edges and attributes, attribute dicts
    copied), nodes in the given order, built straight from the adjacency: around a hub
    the view-and-copy route filters every neighbour of every node (0.4–0.9 s for an ego
    network of 2000 organisations at 20k projects)."""
    keep = [n for n in dict.fromkeys(nodes) if n in g]
    wanted = set(keep)
    h = g.__class__()
    h.graph.update(g.graph)
    g_adj, g_node, h_adj, h_node = g._adj, g._node, h._adj, h._node
    for n in keep:
        h_node[n] = g_node[n].copy()
        h_adj[n] = {}
    for n in keep:
        out = h_adj[n]
        row = g_adj[n]
        shared = wanted.intersection(row) if len(row) > len(wanted) else row.keys() & wanted
        for other in shared:
            if other not in out:
                data = row[other].copy()
                out[other] = data
                h_adj[other][n] = data
    return h


# ---------------------------------------------------------------------------- centrality


def centrality(
    g: nx.Graph,
    exact_max: int = BETWEENNESS_EXACT_MAX,
    samples: int = BETWEENNESS_SAMPLES,
    seed: int = SEED,
) -> dict[str, dict[str, float]]:
    """Per node: ``degree`` (partners), ``weighted_degree`` (shared-project ties) and
    ``betweenness`` (normalised; estimated from ``samples`` pivots above ``exact_max`` nodes).
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    k = None if n <= exact_max else min(samples, n)
    between = nx.betweenness_centrality(g, k=k, seed=seed, normalized=True)
    return {
        node: {
            "degree": g.degree(node),
            "weighted_degree": g.degree(node, weight="weight"),
            "betweenness": round(between.get(node, 0.0), 6),
        }
        for node in g.nodes
    }


# ---------------------------------------------------------------------------- communities


@dataclass
class Community:
    index: int
    size: int
    members: list[dict[str, Any]]  # {org, label, actor_type, sector, country, weighted_degree}
    sectors: dict[str, int]
    countries: dict[str, int]
    #: sector -> sector -> summed edge weight inside the community (symmetric)
    sector_mixing: dict[str, dict[str, int]]
    internal_weight: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def sector_mixing(g: nx.Graph, nodes: Iterable[str]) -> dict[str, dict[str, int]]:
    """Summed weight of edges between sectors among ``nodes`` (both directions filled)."""
    sub = g.subgraph(nodes)
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    for a, b, w in sub.edges(data="weight"):
        sa, sb = sub.nodes[a].get("sector", "unknown"), sub.nodes[b].get("sector", "unknown")
        matrix[sa][sb] += w
        if sa != sb:
            matrix[sb][sa] += w
    return {s: dict(sorted(row.items())) for s, row in sorted(matrix.items())}


def communities(
    g: nx.Graph, seed: int = SEED, resolution: float = 1.0, min_size: int = 1
) -> list[Community]:
    """Louvain communities (fixed seed, so reproducible), biggest first.

    Each community lists its members (highest weighted degree first), sector and country
    counts and the sector-mixing matrix of its internal ties.
    """
    if g.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    parts = [sorted(p) for p in parts if len(p) >= min_size]
    parts.sort(key=lambda p: (-len(p), p[0]))
    out = []
    for index, nodes in enumerate(parts):
        wdeg = dict(g.degree(nodes, weight="weight"))
        members = [
            {
                "org": node,
                "label": g.nodes[node].get("label", node),
                "actor_type": g.nodes[node].get("actor_type"),
                "sector": g.nodes[node].get("sector", "unknown"),
                "country": g.nodes[node].get("country"),
                "weighted_degree": wdeg[node],
            }
            for node in sorted(nodes, key=lambda n: (-wdeg[n], g.nodes[n].get("label", n)))
        ]
        sub = g.subgraph(nodes)
        out.append(
            Community(
                index=index,
                size=len(nodes),
                members=members,
                sectors=dict(Counter(m["sector"] for m in members).most_common()),
                countries=dict(Counter(m["country"] or "?" for m in members).most_common()),
                sector_mixing=sector_mixing(g, nodes),
                internal_weight=int(sub.size(weight="weight")),
            )
        )
    return out


# ---------------------------------------------------------------------------- brokers


@dataclass
class Broker:
    org: str
    label: str
    actor_type: str | None
    sector: str
    country: str | None
    #: sectors / countries of its partners other than its own, with partner counts
    bridged_sectors: dict[str, int]
    bridged_countries: dict[str, int]
    score: float
    betweenness: float
    weighted_degree: int
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def brokers(
    g: nx.Graph,
    limit: int = 25,
    min_groups: int = 2,
    scores: dict[str, dict[str, float]] | None = None,
) -> list[Broker]:
    """Organisations whose partners span several sectors and/or countries.

    A node qualifies when its partners cover at least ``min_groups`` groups other than its
    own (sectors other than its own sector plus countries other than its own country).
    Score = bridged sectors + 0.5 × bridged countries, plus the node's betweenness in [0, 1]
    as a tie-breaker; ties go to the higher weighted degree.
    """
    scores = scores if scores is not None else centrality(g)
    out = []
    for node in g.nodes:
        data = g.nodes[node]
        own_sector = data.get("sector", "unknown")
        own_country = data.get("country")
        sectors: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        for nb in g.neighbors(node):
            s = g.nodes[nb].get("sector", "unknown")
            c = g.nodes[nb].get("country")
            if s not in (own_sector, "unknown"):
                sectors[s] += 1
            if c and c != own_country:
                countries[c] += 1
        if len(sectors) + len(countries) < min_groups:
            continue
        bet = scores.get(node, {}).get("betweenness", 0.0)
        score = len(sectors) + 0.5 * len(countries) + bet
        parts = []
        if sectors:
            parts.append(
                f"links {SECTOR_LABELS.get(own_sector, own_sector)} with "
                + ", ".join(f"{SECTOR_LABELS.get(s, s)} ({n})" for s, n in sectors.most_common())
            )
        if countries:
            parts.append(
                f"partners in {', '.join(f'{c} ({n})' for c, n in countries.most_common())}"
            )
        out.append(
            Broker(
                org=node,
                label=data.get("label", node),
                actor_type=data.get("actor_type"),
                sector=own_sector,
                country=own_country,
                bridged_sectors=dict(sectors.most_common()),
                bridged_countries=dict(countries.most_common()),
                score=round(score, 4),
                betweenness=bet,
                weighted_degree=int(g.degree(node, weight="weight")),
                explanation="; ".join(parts),
            )
        )
    out.sort(key=lambda b: (-b.score, -b.weighted_degree, b.label))
    return out[:limit]


# ---------------------------------------------------------------------------- ego network


@dataclass
class Partner:
    org: str
    label: str
    actor_type: str | None
    country: str | None
    distance: int  # 1 = direct partner, 2 = partner of a partner
    ties: int  # shared projects with the centre (distance 1) or with its partners (2)
    projects: list[str] = field(default_factory=list)  # shared projects (distance 1)
    via: list[str] = field(default_factory=list)  # distance-1 partners linking it (2)


@dataclass
class EgoNetwork:
    centre: str
    label: str
    actor_type: str | None
    country: str | None
    depth: int
    projects: list[str]
    partners: list[Partner]
    second_degree_total: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def graph(self, store: GraphStore, flt: NetworkFilter | None = None) -> nx.Graph:
        """The network view restricted to the centre and the listed partners."""
        g = network(store, flt)
        return induced_subgraph(g, [self.centre, *(p.org for p in self.partners)])


def ego_network(
    store: GraphStore,
    org: str,
    depth: int = 1,
    flt: NetworkFilter | None = None,
    limit: int | None = None,
    second_limit: int | None = 1000,
) -> EgoNetwork:
    """An organisation's partners (depth 1) and their partners (depth 2), ranked by ties.

    ``org`` is an IRI, an exact label or a unique part of a label. Distance-2 ties count
    (project, linking partner) pairs; ``via`` lists up to :data:`VIA_MAX` linking partners;
    only the ``second_limit`` strongest distance-2 partners are listed (``second_degree_total``
    says how many there are). The last few reports are kept per store version: treat the
    result as read-only. Works on the bipartite projection directly, so the cost
    depends on the neighbourhood, not on the graph.
    Raises ``LookupError`` for an unknown organisation, ``ValueError`` for a bad depth.
    """
    if depth not in (1, 2):
        raise ValueError("depth must be 1 or 2")
    flt = flt or NetworkFilter()
    proj = projection(store)
    key = (store.location, proj.version, org, depth, flt, limit, second_limit)
    cached = _EGOS.get(key)
    if cached is not None:
        return cached
    report = _ego_network(proj, org, depth, flt, limit, second_limit)
    for old in [k for k in _EGOS if k[0] == store.location and k[1] != proj.version]:
        del _EGOS[old]
    while len(_EGOS) >= _EGOS_MAX:
        del _EGOS[next(iter(_EGOS))]
    _EGOS[key] = report
    return report


#: the last ego networks asked for (a page draws one and then reads its counts)
_EGOS: dict[tuple[Any, ...], EgoNetwork] = {}
_EGOS_MAX = 16


def _ego_network(
    proj: Projection,
    org: str,
    depth: int,
    flt: NetworkFilter,
    limit: int | None,
    second_limit: int | None,
) -> EgoNetwork:
    centre = resolve_organisation(proj, org)
    parent = rollup_map(proj) if flt.rollup else {}
    if flt.rollup:
        centre = parent.get(centre, centre)
        children = {o for o, p in parent.items() if p == centre} | {centre}
    else:
        children = {centre}
    has_project_filter = any(
        (flt.funders, flt.countries, flt.target_groups, flt.activities, flt.years)
    )
    allowed = selected_projects(proj, flt) if has_project_filter else None
    wanted_types = set(flt.actor_types)

    members_of = proj.members
    orgs = proj.orgs
    mentioned_ok = flt.include_mentioned

    def keep(org: str, role: str) -> bool:
        if role == "mentioned" and not mentioned_ok:
            return False
        return not wanted_types or orgs[org].actor_type in wanted_types

    def projects_of(node_members: set[str]) -> set[str]:
        out: set[str] = set()
        for member in node_members:
            out |= proj.org_projects.get(member, set())
        if allowed is not None:
            out &= allowed
        return out

    def partners_of(node_members: set[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for project in sorted(projects_of(node_members)):
            roles = members_of[project]
            if not mentioned_ok and all(
                roles.get(m, "mentioned") == "mentioned" for m in node_members
            ):
                continue  # the centre is only named in this project
            for other, role in roles.items():
                node = parent.get(other, other) if parent else other
                if node in node_members or node == centre or not keep(other, role):
                    continue
                seen = found.get(node)
                if seen is None:
                    found[node] = [project]
                elif seen[-1] != project:
                    seen.append(project)
        return found

    own_projects = sorted(
        p
        for p in projects_of(children)
        if mentioned_ok or any(members_of[p].get(m, "mentioned") != "mentioned" for m in children)
    )
    direct = partners_of(children)
    partners = [_partner(proj, o, 1, len(ps), projects=ps) for o, ps in direct.items()]
    second_total = 0
    if depth == 2:
        units: dict[str, set[str]] = defaultdict(set)
        for child, top in parent.items():
            units[top].add(child)
        direct_set = set(direct)
        # no filter, no roll-up, named-only organisations included: every member counts
        plain = allowed is None and not parent and not wanted_types and mentioned_ok
        if plain:
            second_total, best, via = _second_degree_plain(proj, centre, direct_set, second_limit)
        else:
            ties, via = _second_degree(
                members_of, parent, keep, centre, direct_set, projects_of, units, direct
            )
            second_total = len(ties)
            best = _strongest(ties, second_limit)
        partners += [_partner(proj, o, 2, n, via=via[o]) for o, n in best]
    partners.sort(key=lambda p: (p.distance, -p.ties, p.label))
    if limit is not None:
        partners = partners[:limit]
    rec = proj.orgs.get(centre)
    return EgoNetwork(
        centre=centre,
        label=proj.org_label(centre),
        actor_type=rec.actor_type if rec else None,
        country=rec.country if rec else None,
        depth=depth,
        projects=own_projects,
        partners=partners,
        second_degree_total=second_total,
    )


def _strongest(ties: dict[str, int], limit: int | None) -> list[tuple[str, int]]:
    """The ``limit`` organisations with most ties (equal ties: by IRI; all without a limit),
    in that order."""
    if limit is None or limit >= len(ties):
        return sorted(ties.items(), key=lambda kv: (-kv[1], kv[0]))
    return heapq.nsmallest(limit, ties.items(), key=lambda kv: (-kv[1], kv[0]))


def _via(firsts: list[str], linked: list[str]) -> None:
    """Add linking partners (sorted) to ``linked`` up to :data:`VIA_MAX`."""
    linked.extend(f for f in firsts if f not in linked)
    del linked[VIA_MAX:]


def _second_degree(
    members_of: dict[str, dict[str, str]],
    parent: dict[str, str],
    keep: Any,
    centre: str,
    direct_set: set[str],
    projects_of: Any,
    units: dict[str, set[str]],
    direct: dict[str, list[str]],
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Distance-2 ties and linking partners with filters, roll-up or named-only
    organisations left out: one pass over the distinct projects of the direct partners
    (not partner by partner, so hubs sharing many projects are not counted over and
    over), in IRI order so the linking partners are the same in every process."""
    reach: set[str] = set()
    for first in direct:
        reach |= projects_of(units.get(first, set()) | {first})
    ties: dict[str, int] = {}
    via: dict[str, list[str]] = {}
    skip = direct_set | {centre}
    for project in sorted(reach):
        nodes = {
            parent.get(o, o) if parent else o for o, r in members_of[project].items() if keep(o, r)
        }
        firsts = nodes & direct_set
        if not firsts:
            continue
        n = len(firsts)
        ordered: list[str] | None = None
        for other in nodes - skip:
            ties[other] = ties.get(other, 0) + n
            linked = via.setdefault(other, [])
            if len(linked) < VIA_MAX:
                ordered = ordered or sorted(firsts)
                _via(ordered, linked)
    return ties, via


def _second_degree_plain(
    proj: Projection, centre: str, direct_set: set[str], limit: int | None
) -> tuple[int, list[tuple[str, int]], dict[str, list[str]]]:
    """:func:`_second_degree` without filters (every organisation of every project counts)
    from the membership arrays: how many distance-2 organisations there are, the ``limit``
    strongest (:func:`_strongest`'s order) and their linking partners."""
    import numpy as np

    inc = incidence(proj)
    found, counts, per_project = inc.second_degree(centre, direct_set)
    order = np.lexsort((found, -counts))  # most ties first, then IRI (ids are in IRI order)
    if limit is not None:
        order = order[:limit]
    chosen = found[order].tolist()
    best = [(inc.orgs[i], n) for i, n in zip(chosen, counts[order].tolist(), strict=True)]
    via: dict[str, list[str]] = {}
    members_of = proj.members
    for i, (org, _) in zip(chosen, best, strict=True):
        linked: list[str] = []
        for p in inc.projects_with(i, per_project):
            _via(sorted(members_of[inc.projects[p]].keys() & direct_set), linked)
            if len(linked) >= VIA_MAX:
                break
        via[org] = linked
    return len(found), best, via


def _partner(
    proj: Projection,
    org: str,
    distance: int,
    ties: int,
    projects: list[str] | None = None,
    via: list[str] | None = None,
) -> Partner:
    rec = proj.orgs.get(org)
    return Partner(
        org=org,
        label=proj.org_label(org),
        actor_type=rec.actor_type if rec else None,
        country=rec.country if rec else None,
        distance=distance,
        ties=ties,
        projects=list(projects or []),
        via=list(via or []),
    )


# ---------------------------------------------------------------------------- exports


def _roles_text(roles: Counter[str] | dict[str, int]) -> str:
    return "; ".join(f"{r}×{n}" if n > 1 else r for r, n in sorted(roles.items()))


def export_ready(g: nx.Graph) -> nx.Graph:
    """A copy with every attribute a string or number (GEXF/GraphML accept no sets/dicts)."""
    out = nx.Graph()
    for node, data in g.nodes(data=True):
        out.add_node(
            node,
            label=str(data.get("label") or node),
            actor_type=str(data.get("actor_type") or ""),
            sector=str(data.get("sector") or ""),
            country=str(data.get("country") or ""),
            projects=int(data.get("projects", 0)),
            roles=_roles_text(data.get("roles") or {}),
        )
    for a, b, data in g.edges(data=True):
        roles = data.get("roles") or {}
        out.add_edge(
            a,
            b,
            weight=int(data.get("weight", 1)),
            projects="; ".join(data.get("projects", [])),
            funders="; ".join(sorted(data.get("funders", ()))),
            years="; ".join(str(y) for y in sorted(data.get("years", ()))),
            source_roles=_roles_text(roles.get(a, {})),
            target_roles=_roles_text(roles.get(b, {})),
        )
    return out


def write_gexf(g: nx.Graph, out: str | Path | IO[bytes]) -> None:
    """GEXF for Gephi."""
    nx.write_gexf(export_ready(g), out)


def write_graphml(g: nx.Graph, out: str | Path | IO[bytes]) -> None:
    nx.write_graphml(export_ready(g), out)


EDGE_HEADER = (
    "source",
    "source_label",
    "source_type",
    "target",
    "target_label",
    "target_type",
    "weight",
    "projects",
    "funders",
    "years",
    "source_roles",
    "target_roles",
)


def edge_rows(g: nx.Graph) -> list[list[Any]]:
    """One row per edge (columns :data:`EDGE_HEADER`), heaviest first."""
    ready = export_ready(g)
    rows = []
    for a, b, data in ready.edges(data=True):
        na, nb = ready.nodes[a], ready.nodes[b]
        rows.append(
            [
                a,
                na["label"],
                na["actor_type"],
                b,
                nb["label"],
                nb["actor_type"],
                data["weight"],
                data["projects"],
                data["funders"],
                data["years"],
                data["source_roles"],
                data["target_roles"],
            ]
        )
    rows.sort(key=lambda r: (-r[6], r[1], r[4]))
    return rows


def edge_list_csv(g: nx.Graph) -> bytes:
    """CSV edge list with labels, types and roles (spreadsheet-safe cells, UTF-8 BOM)."""
    return table_to_csv(EDGE_HEADER, edge_rows(g))


def graph_bytes(g: nx.Graph, fmt: str) -> bytes:
    """``gexf``, ``graphml`` or ``csv`` as bytes (for download buttons)."""
    if fmt == "csv":
        return edge_list_csv(g)
    buf = io.BytesIO()
    if fmt == "gexf":
        write_gexf(g, buf)
    elif fmt == "graphml":
        write_graphml(g, buf)
    else:
        raise ValueError(f"unknown network format {fmt!r}; choose gexf, graphml or csv")
    return buf.getvalue()


def graph_summary(g: nx.Graph, limit: int | None = None) -> dict[str, Any]:
    """JSON-ready nodes and edges of a view (heaviest edges first)."""
    ready = export_ready(g)
    nodes = [
        {"org": n, **d}
        for n, d in sorted(ready.nodes(data=True), key=lambda x: (-x[1]["projects"], x[0]))
    ]
    edges = [dict(zip(EDGE_HEADER, row, strict=True)) for row in edge_rows(g)]
    if limit is not None:
        nodes, edges = nodes[:limit], edges[:limit]
    return {
        "nodes_total": g.number_of_nodes(),
        "edges_total": g.number_of_edges(),
        "nodes": nodes,
        "edges": edges,
    }
