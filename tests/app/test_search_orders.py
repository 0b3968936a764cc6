"""The search index answers every sort order, the year facet and an allowed-project set
(the structured filters) itself, page by page: the same totals, facet counts and rows in
the same order as the reference path that lists every hit and filters and sorts it in
Python (app_pages.views). Real on-disk demo store, no mocks."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from app_pages.views import SORTS, facet_counts, filter_rows, rows_of, sort_rows
from graph.projection import projection
from graph.search import search, search_counts
from graph.store import GraphStore, open_store
from graph.synth import write_nquads
from ingest.pipeline import ensure_ontology

FACETS = ("funder", "actor-type", "target-group", "activity-type", "country", "language", "year")
QUERIES = ["", "prison", "vězeň", "policie", "training", "migrant", "Gewalt", "násilí"]


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    """300 synthetic projects (with years and heavy-tailed partnerships) in an on-disk store."""
    folder = tmp_path_factory.mktemp("synth-orders")
    nq = folder / "synth.nq"
    with open(nq, "wb") as out:
        write_nquads(300, out, seed=3)
    store = open_store(folder / "store")
    store.bulk_load([nq])
    ensure_ontology(store)
    rows = store.select(
        "PREFIX pg: <https://w3id.org/praxisgraph/ns#> "
        "SELECT ?g ?p WHERE { GRAPH ?g { ?p a pg:Project } } ORDER BY ?p"
    )
    rng = random.Random(11)
    dates = []
    for row in rows[:200]:  # two thirds dated: start and end years, some the same
        start = rng.randint(2014, 2021)
        end = start + rng.choice([0, 1, 2, 3])
        dates.append(
            f"GRAPH <{row['g'].value}> {{ <{row['p'].value}> "
            f'schema:startDate "{start}-03-01" ; schema:endDate "{end}-06-30" }}'
        )
    store.update("PREFIX schema: <https://schema.org/> INSERT DATA { " + " ".join(dates) + " }")
    return store


def reference(
    store: GraphStore,
    query: str,
    filters: dict[str, list[str]],
    sort: str,
    within: set[str] | None,
) -> tuple[int, int, dict[str, Counter[str]], list[Any]]:
    """What app_pages/common.search_view computes: every hit as a row, then Python."""
    proj = projection(store)
    years = {i: [str(y) for y in sorted(r.years)] for i, r in proj.projects.items() if r.years}
    rows = rows_of(search(store, query, limit=10**9).hits, years)
    if within is not None:
        rows = [r for r in rows if r.project in within]
    filtered = filter_rows(rows, filters)
    counts = facet_counts(rows, filtered, filters, FACETS)
    ordered = sort_rows(filtered, sort, proj.members)
    return len(filtered), len(rows), {f: c for f, c in counts.items() if c}, ordered


def cases(store: GraphStore) -> list[tuple[str, dict[str, list[str]], str, set[str] | None]]:
    rng = random.Random(5)
    proj = projection(store)
    every = search(store, "", limit=0).facets
    dated = sorted(p for p, r in proj.projects.items() if r.years)
    year_values = sorted({str(y) for p in dated for y in proj.projects[p].years})
    out = []
    for query in QUERIES:
        for sort in SORTS:
            filters: dict[str, list[str]] = {}
            within = None
            pick = rng.random()
            if pick < 0.3 and year_values:
                filters["year"] = rng.sample(year_values, min(2, len(year_values)))
            elif pick < 0.6:
                facet = rng.choice(sorted(every))
                filters[facet] = rng.sample(sorted(every[facet]), min(2, len(every[facet])))
                if year_values and rng.random() < 0.5:
                    filters["year"] = [rng.choice(year_values)]
            elif pick < 0.8:
                within = set(rng.sample(sorted(proj.projects), len(proj.projects) // 2))
            out.append((query, filters, sort, within))
            out.append((query, {}, sort, None))
    return out


@pytest.mark.parametrize("which", ["demo", "synth"])
def test_index_orders_and_counts_equal_the_every_hit_path(
    which: str, demo_store: GraphStore, synth_store: GraphStore
) -> None:
    store = demo_store if which == "demo" else synth_store
    if which == "synth":  # the year facet and year orders are exercised
        assert sum(1 for r in projection(store).projects.values() if r.years) > 100
    checked = 0
    for query, filters, sort, within in cases(store):
        total, matching, counts, ordered = reference(store, query, filters, sort, within)
        found = search_counts(store, query, filters, within)
        assert (found.total, found.matching) == (total, matching), (query, filters, sort)
        assert found.facets == counts, (query, filters, sort)
        proj = projection(store)
        years = {i: [str(y) for y in sorted(r.years)] for i, r in proj.projects.items() if r.years}
        shown = []
        for offset in range(0, total + 1, 7):  # page by page
            page = search(store, query, filters, limit=7, offset=offset, sort=sort, within=within)
            assert page.total == total
            shown += rows_of(page.hits, years)
        assert shown == ordered, (query, filters, sort)
        checked += bool(total)
    assert checked > 30


def test_unknown_sort_is_a_clear_error(demo_store: GraphStore) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        search(demo_store, "prison", sort="colour")
