"""Shared by all pages: the store (one per process), cached results, escaping and URL helpers.

This is the only module that caches; pages call these functions. Every cache is keyed on
the store version, so a finished ingest is picked up on the next rerun.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from app_pages.views import esc as esc  # one escaping for every page
from app_pages.views import plain as plain
from graph.store import GraphStore, StoreError, StoreLockedError, open_store
from ontology import ROLE_STRENGTH, concept_iri, concept_label

DEFAULT_STORE = "var/store"
#: facet name → (title, concept scheme or None for plain values)
FACETS: dict[str, tuple[str, str | None]] = {
    "funder": ("Funder", "funder"),
    "actor-type": ("Actor type", "actor-type"),
    "target-group": ("Target group", "target-group"),
    "activity-type": ("Activity", "activity-type"),
    "country": ("Country", None),
    "language": ("Language", None),
    "year": ("Year", None),
}
#: up to this many organisations the duplicate check runs with the organisation page (and is
#: warmed at start); above it, on request — it compares names across the whole store
DUPLICATES_AUTO_MAX = 3000
ROLE_TITLES = {
    "coordinator": "coordinator",
    "partner": "partner",
    "funder": "funder",
    "donor-partner": "donor partner",
    "associated": "associated partner",
    "mentioned": "mentioned",
}


# ---------------------------------------------------------------------------- the store
def store_spec() -> str:
    return os.environ.get("PRAXIS_STORE") or DEFAULT_STORE


def is_local_store(spec: str) -> bool:
    return not spec.startswith(("sparql+http://", "sparql+https://")) and spec != ":memory:"


@st.cache_resource(show_spinner=False)
def _store(spec: str) -> GraphStore:
    # readers open the on-disk store read-only: writers (ingest) open their own handle
    opened = open_store(spec, read_only=is_local_store(spec))
    from graph.model import ensure_model

    ensure_model(opened, upgrade=False)  # an older store: OldModelError, saying how to upgrade
    return opened


def store() -> GraphStore:
    return _store(store_spec())


def store_problem() -> str | None:
    """Why the store cannot be shown (written by an older version), or None."""
    from graph.model import OldModelError

    try:
        store()
    except OldModelError as exc:
        return str(exc)
    except StoreError:
        return None  # the pages report other store problems, as before
    return None


def reopen_store() -> None:
    """Drop the cached reader so the next call sees what a writer has committed.

    A read-only RocksDB handle sees the files as they were when it was opened.
    """
    _store.clear()


@st.cache_resource(show_spinner=False)
def write_lock() -> threading.Lock:
    """One ingest at a time inside this app process (other processes: StoreLockedError)."""
    return threading.Lock()


@contextlib.contextmanager
def store_writer() -> Iterator[GraphStore]:
    """The store opened for writing (curation from a page); the reader is reopened after.

    Raises StoreLockedError when another write runs here or in another process.
    """
    lock = write_lock()
    if not lock.acquire(timeout=1):
        raise StoreLockedError("another write is running in this app; try again shortly")
    spec = store_spec()
    try:
        writer = open_store(spec) if is_local_store(spec) else store()
        try:
            yield writer
        finally:
            if is_local_store(spec):
                writer.close()
    finally:
        lock.release()
        reopen_store()


def version() -> str:
    return store().version()


# ---------------------------------------------------------------------------- escaping


def label_of(scheme: str | None, notation: str) -> str:
    """English label of a concept notation (the notation itself if unknown or no scheme)."""
    if not scheme:
        return notation
    try:
        return concept_label(concept_iri(scheme, notation))
    except (KeyError, ValueError):
        return notation


def facet_label(facet: str, value: str) -> str:
    return label_of(FACETS.get(facet, ("", None))[1], value)


def role_title(role: str) -> str:
    return ROLE_TITLES.get(role, role)


# ---------------------------------------------------------------------------- links
def link(page: str, iri: str | None = None, **params: str | Sequence[str]) -> str:
    """A URL to a page (shareable: the IRI and filters are query parameters)."""
    query: list[tuple[str, str]] = []
    if iri is not None:
        query.append(("iri", iri))
    for key, value in params.items():
        if isinstance(value, str):
            query.append((key, value))
        else:
            query.extend((key, v) for v in value)
    path = "/" + page.strip("/")
    return path + ("?" + urlencode(query) if query else "")


def anchor(page: str, iri: str, text: str) -> str:
    """An escaped same-tab link to a record page."""
    return f"<a href='{esc(link(page, iri))}' target='_self'>{esc(text)}</a>"


def param_list(name: str) -> list[str]:
    """All values of a query parameter (repeated keys or one comma-separated value)."""
    out: list[str] = []
    for value in st.query_params.get_all(name):
        out.extend(v for v in value.split(",") if v)
    return out


def set_params(**params: str | list[str] | None) -> None:
    """Write page state into the URL, dropping empty values (only when something changed)."""
    for key, value in params.items():
        current = st.query_params.get_all(key)
        wanted = [] if value in (None, "", []) else ([value] if isinstance(value, str) else value)
        if current == wanted:
            continue
        if wanted:
            st.query_params[key] = wanted if len(wanted) > 1 else wanted[0]
        elif key in st.query_params:
            del st.query_params[key]


def init_state(key: str, value: Any) -> None:
    """Seed a widget's state once (from the URL) without fighting the user's later input."""
    if key not in st.session_state:
        st.session_state[key] = value


# ---------------------------------------------------------------------------- cached data
@st.cache_resource(show_spinner=False, max_entries=64)
def _search_all(location: str, version: str, query: str) -> Any:
    from graph.search import search

    return search(store(), query, limit=10**9)


def search_all(query: str) -> Any:
    """Every hit for ``query`` (facets on each hit); filters, sorting and paging are the page's."""
    s = store()
    return _search_all(s.location, s.version(), query.strip())


@st.cache_resource(show_spinner=False, max_entries=4)
def _participants(location: str, version: str) -> dict[str, list[dict[str, Any]]]:
    from graph.projection import projection

    proj = projection(store())  # the analytics projection: no second scan of the store
    out: dict[str, list[dict[str, Any]]] = {}
    for project, members in proj.members.items():
        orgs = []
        for org, role in members.items():
            rec = proj.orgs.get(org)
            orgs.append(
                {
                    "org": org,
                    "label": rec.label if rec else org.rsplit("/", 1)[-1],
                    "type": rec.actor_type if rec else None,
                    "country": rec.country if rec else None,
                    "role": role,
                }
            )
        orgs.sort(key=lambda o: (ROLE_STRENGTH.get(o["role"], 99), o["label"]))
        out[project] = orgs
    return out


@st.cache_resource(show_spinner=False, max_entries=4)
def _organisation_choices(location: str, version: str) -> list[tuple[str, str, int]]:
    from graph.projection import projection

    proj = projection(store())
    rows = [(o, rec.label, len(proj.org_projects.get(o, ()))) for o, rec in proj.orgs.items()]
    # the authority file's bodies that no document names have no page to open
    rows = [r for r in rows if r[2]]
    rows.sort(key=lambda r: (-r[2], r[1].casefold()))
    return rows


def organisation_choices() -> list[tuple[str, str, int]]:
    """``(IRI, label, projects)`` of every organisation in a project, most projects first."""
    s = store()
    return _organisation_choices(s.location, s.version())


def find_organisation(text: str) -> str:
    """An organisation IRI from a label, acronym or unique part of one (``LookupError``
    with a one-line reason otherwise), as ``praxis orgs show``."""
    from graph.projection import projection, resolve_organisation

    return resolve_organisation(projection(store()), text)


def participants() -> dict[str, list[dict[str, Any]]]:
    """project IRI → its organisations (strongest role each), coordinator first."""
    s = store()
    return _participants(s.location, s.version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _project_years(location: str, version: str) -> dict[str, list[str]]:
    from graph.projection import projection

    return {
        iri: [str(y) for y in sorted(rec.years)]
        for iri, rec in projection(store()).projects.items()
        if rec.years
    }


def project_years() -> dict[str, list[str]]:
    """project IRI → the years it ran (from start/end dates where the data has them)."""
    s = store()
    return _project_years(s.location, s.version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _collaboration(location: str, version: str) -> Any:
    from graph.network import collaboration_graph

    return collaboration_graph(store())


def collaboration() -> Any:
    s = store()
    return _collaboration(s.location, s.version())


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function another part of the code base may provide (None while it does not exist)."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


@st.cache_resource(show_spinner=False, max_entries=4)
def _project_rows(location: str, version: str) -> dict[str, Any]:
    from app_pages.views import rows_of

    return {r.project: r for r in rows_of(search_all("").hits, project_years())}


def project_rows() -> dict[str, Any]:
    """project IRI → its search row (title, language, file, facets with years)."""
    s = store()
    return _project_rows(s.location, s.version())


# ---------------------------------------------------------------------------- analytics views
@dataclass
class NetworkView:
    """What the network explorer draws: the shown (top-N) graph and its node measures."""

    total_nodes: int  # organisations in the whole view (ego: the centre and every partner)
    total_edges: int | None  # links in the whole view (None: not counted, ego views)
    graph: Any  # networkx.Graph, read-only
    community: dict[str, int]
    measures: dict[str, dict[str, float]]
    centre: str | None = None


def build_network_view(
    s: GraphStore, flt: Any, ego: str | None, depth: int, max_nodes: int
) -> NetworkView:
    """:func:`network_view` without Streamlit's cache. An ego view draws the centre and its
    ``max_nodes - 1`` strongest partners (direct partners first, most shared projects
    first: graph.network's ego report order) and builds nothing beyond them; the whole
    view is cut to its ``max_nodes`` best-connected organisations."""
    from graph.network import (
        centrality,
        communities,
        ego_network,
        induced_subgraph,
        network,
        top_subgraph,
    )

    centre = None
    if ego:
        report = ego_network(s, ego, depth=depth, flt=flt)
        centre = report.centre
        partners = [p.org for p in report.partners]
        listed_second = sum(1 for p in report.partners if p.distance == 2)
        total = 1 + len(partners) + max(0, report.second_degree_total - listed_second)
        shown = induced_subgraph(network(s, flt), [centre, *partners[: max(max_nodes - 1, 0)]])
        total_edges = shown.number_of_edges() if total == shown.number_of_nodes() else None
        total_nodes = max(total, shown.number_of_nodes())
    else:
        full = network(s, flt)
        shown = top_subgraph(full, max_nodes)
        total_nodes, total_edges = full.number_of_nodes(), full.number_of_edges()
    community = {m["org"]: c.index for c in communities(shown) for m in c.members}
    return NetworkView(total_nodes, total_edges, shown, community, centrality(shown), centre)


@st.cache_resource(show_spinner=False, max_entries=16)
def _network_view(
    location: str, version: str, flt: Any, ego: str | None, depth: int, max_nodes: int
) -> NetworkView:
    return build_network_view(store(), flt, ego, depth, max_nodes)


def network_view(flt: Any, ego: str | None, depth: int, max_nodes: int) -> NetworkView:
    """The filtered (or ego) network cut to its ``max_nodes`` strongest nodes, with
    communities and centrality of what is shown (:func:`build_network_view`). Raises
    LookupError for an unknown ego."""
    s = store()
    return _network_view(s.location, s.version(), flt, ego, depth, max_nodes)


@st.cache_resource(show_spinner=False, max_entries=64)
def _similar_projects(location: str, version: str, iri: str, limit: int) -> list[Any]:
    from graph.precedents import IdeaProfile, rank_precedents
    from graph.projection import projection
    from graph.search import _index as search_index

    s = store()
    proj = projection(s)
    rec = proj.projects.get(iri)
    if rec is None:
        return []
    row = project_rows().get(iri)
    idea = IdeaProfile(
        lang=row.lang if row else "und",
        target_groups=sorted(rec.target_groups),
        activities=sorted(rec.activities),
        actor_types=sorted(rec.generic_actor_types | proj.present_types(iri)),
        funders=sorted(rec.funders),
        countries=sorted(rec.countries),
        lemmas=sorted(search_index(s).tokens.get(iri, {})),
    )
    result = rank_precedents(s, idea, limit=limit + 1)
    return [h for h in result.hits if h.project != iri][:limit]


def similar_projects(iri: str, limit: int = 5) -> list[Any]:
    """Precedents for an existing project: the precedent ranking run on its own facts."""
    s = store()
    return _similar_projects(s.location, s.version(), iri, limit)


@st.cache_resource(show_spinner=False, max_entries=64)
def _gap_report(location: str, version: str, kind: str, subject: str) -> Any:
    from graph import gaps

    s = store()
    if kind == "project":
        return gaps.gaps_for_project(s, subject)
    if kind == "org":
        return gaps.gaps_for_org(s, subject)
    if kind == "community":
        return gaps.gaps_for_community(s, int(subject))
    if kind == "country":
        return gaps.gaps_for_country(s, subject)
    if kind == "theme":
        return gaps.gaps_for_theme(s, subject)
    raise ValueError(f"unknown kind of subject {kind!r}")


def gap_report(kind: str, subject: str) -> Any:
    """graph.gaps' report for a project, org, community (index), country or theme."""
    s = store()
    return _gap_report(s.location, s.version(), kind, subject)


@st.cache_resource(show_spinner=False, max_entries=4)
def _community_list(location: str, version: str) -> list[dict[str, Any]]:
    from graph.network import communities

    return [
        {"index": c.index, "size": c.size, "top": [m["label"] for m in c.members[:3]]}
        for c in communities(collaboration())
    ]


def community_list() -> list[dict[str, Any]]:
    """Communities of the whole network (index, size, three best-connected names)."""
    s = store()
    return _community_list(s.location, s.version())


def theme_choices() -> dict[str, str]:
    """Theme profiles, target groups and activities present in the data: id → label."""
    from graph.gaps import theme_profiles

    out = {t.name: f"Theme: {t.label}" for t in theme_profiles(store())}
    facets = search_all("").facets
    for facet, title in (("target-group", "Target group"), ("activity-type", "Activity")):
        for value, n in (facets.get(facet) or Counter()).most_common():
            out.setdefault(value, f"{title}: {label_of(facet, value)} ({n})")
    return out


@st.cache_resource(show_spinner=False, max_entries=32)
def _precedents_for(
    location: str, version: str, text: str, funder: str | None, country: str | None
) -> Any:
    from graph.precedents import find_precedents

    return find_precedents(store(), text, funder=funder, country=country, limit=10)


def precedents_for(text: str, funder: str | None = None, country: str | None = None) -> Any:
    """graph.precedents' ranking for an idea text (ValueError for an empty text)."""
    s = store()
    return _precedents_for(s.location, s.version(), text, funder, country)


@st.cache_resource(show_spinner=False, max_entries=4)
def _parents(location: str, version: str) -> dict[str, str]:
    from graph.resolve import parents

    return parents(store())


def parents() -> dict[str, str]:
    """Organisation IRI → its parent organisation IRI (graph.resolve)."""
    s = store()
    return _parents(s.location, s.version())


@st.cache_resource(show_spinner=False, max_entries=64)
def _duplicates(location: str, version: str, iri: str) -> list[dict[str, Any]]:
    from graph.resolve import possible_duplicates

    return possible_duplicates(store(), iri, limit=10)


def duplicates_of(iri: str) -> list[dict[str, Any]]:
    """graph.resolve.possible_duplicates for one organisation (pairs with score/reason)."""
    s = store()
    return _duplicates(s.location, s.version(), iri)


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Build the slow caches (search index, projection, network, authority file, language
    pipelines) in the background once per server, so first page renders are fast.

    Uses the graph-level caches (keyed on the store version), never Streamlit ones.
    """

    def work() -> None:
        try:  # in the order pages need them: search first (the default page)
            from graph.search import query_variants, search

            s = store()
            search(s, "", limit=1)
            search(s, "", limit=1, sort="title")  # the sort and year columns, once a version
            query_variants("prison")  # loads the lemmatiser dictionaries of all languages
            from graph.network import collaboration_graph, communities
            from graph.projection import projection

            projection(s)
            communities(collaboration_graph(s))
            from graph.gaps import theme_profiles
            from graph.resolve import authority_index

            theme_profiles(s)
            authority_index()
            from graph.resolve import possible_duplicates

            if collaboration_graph(s).number_of_nodes() <= DUPLICATES_AUTO_MAX:
                possible_duplicates(s, "", limit=1)  # names and their lemma keys, once
            from ingest.langid import SUPPORTED
            from ingest.nlp import make_nlp

            for lang in SUPPORTED:
                make_nlp(lang)
        except Exception:  # warming is best effort: pages build what they need
            pass

    thread = threading.Thread(target=work, name="praxis-warm-up", daemon=True)
    thread.start()
    return thread


@dataclass
class SearchView:
    """What the search page shows for (query, filters, sort): computed once, then paged."""

    matching: int  # projects matching the words (before facet filters)
    ordered: list[Any]  # views.Row, filtered and sorted
    counts: dict[str, Any]  # facet → Counter (disjunctive within a selected facet)


@st.cache_resource(show_spinner=False, max_entries=32)
def _search_view(
    location: str,
    version: str,
    query: str,
    filters: tuple[tuple[str, tuple[str, ...]], ...],
    sort: str,
    structured_filter: Any = None,
) -> SearchView:
    from app_pages.views import facet_counts, filter_rows, rows_of, sort_rows, structured_matches

    rows = rows_of(search_all(query).hits, project_years())
    if structured_filter is not None and structured_filter.active():
        info = structured()
        rows = [r for r in rows if structured_matches(r, info.get(r.project), structured_filter)]
    wanted = {facet: list(values) for facet, values in filters}
    filtered = filter_rows(rows, wanted)
    counts = facet_counts(rows, filtered, wanted, FACETS)
    return SearchView(len(rows), sort_rows(filtered, sort, participants()), counts)


def search_view(
    query: str, filters: dict[str, list[str]], sort: str, structured_filter: Any = None
) -> SearchView:
    """Filtered, sorted search results with facet counts, cached per store version (paging a
    100k-project result costs only the page). ``structured_filter`` (views.StructuredFilter:
    good practice, grant range per currency, years incl. call year) narrows the hits first."""
    s = store()
    key = tuple((f, tuple(sorted(v))) for f, v in sorted(filters.items()) if v)
    return _search_view(s.location, s.version(), query.strip(), key, sort, structured_filter)


@st.cache_resource(show_spinner=False, max_entries=4)
def _structured(location: str, version: str) -> dict[str, Any]:
    from app_pages.views import structured_of
    from graph.queries import run_query

    return structured_of(run_query(store(), "project_money_dates"))


def structured() -> dict[str, Any]:
    """project IRI → views.Structured (good practice, success story, grants per currency,
    years) from project_money_dates.rq, once per store version."""
    s = store()
    return _structured(s.location, s.version())


def org_record(iri: str) -> Any:
    """The analytics projection's record of an organisation (label, type, country, parent)."""
    from graph.projection import projection

    return projection(store()).orgs.get(iri)


@st.cache_resource(show_spinner=False, max_entries=4096)
def _org_display_label(location: str, version: str, iri: str) -> str | None:
    from graph.resolve import authority_index, organisation_label

    if iri in authority_index().bodies:  # the authority file's own name (fast path)
        return organisation_label(store(), iri)
    return None


def org_display_label(iri: str) -> str | None:
    """The authority file's name for a known public body, else None (the page falls back to
    the projection's most frequent name — graph.resolve's full label scans every name)."""
    s = store()
    return _org_display_label(s.location, s.version(), iri)


def org_name(iri: str) -> str:
    """Display name of any organisation IRI, cheaply (authority name, projection, IRI key)."""
    record = org_record(iri)
    return org_display_label(iri) or (record.label if record else iri.rsplit("/", 1)[-1])


@st.cache_resource(show_spinner=False, max_entries=4)
def _quad_count(location: str, version: str) -> int:
    return store().count_quads()


def quad_count() -> int:
    """Triples in the store (all named graphs), counted once per store version."""
    s = store()
    return _quad_count(s.location, s.version())
