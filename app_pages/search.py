"""Search: one box, multilingual lemma search, facets with counts, sorting, paging, export.

The query, filters, sort order and page live in the URL, so a search can be shared.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, cast

import streamlit as st

from app_pages.common import (
    FACETS,
    esc,
    facet_label,
    init_state,
    link,
    param_list,
    participants,
    plain,
    project_years,
    search_view,
    set_params,
    store,
    structured,
)
from app_pages.views import (
    LANGUAGES,
    SORTS,
    StructuredFilter,
    export_table,
    rows_of,
    structured_matches,
)
from graph.export import table_to_csv, table_to_xlsx
from graph.search import search as index_search
from graph.search import search_counts

PAGE_SIZES = [20, 50, 100]
#: structured filters: URL parameter → session key (values are validated on the way in)
NUMBER_PARAMS = {"year_from": "year-from", "year_to": "year-to"}
GRANT_PARAMS = {"grant_min": "grant-min", "grant_max": "grant-max"}


@dataclass
class Results:
    """What the page shows for (query, filters, sort, structured filter)."""

    total: int  # projects after every filter
    matching: int  # projects matching the words (before facet filters)
    counts: dict[str, Counter[str]]  # facet → counts (a selected facet: as if unselected)
    page: Callable[[int, int], list[Any]]  # (offset, size) → views.Row of that page
    every: Callable[[], list[Any]]  # every row in order (only for the export)


def structured_projects(flt: StructuredFilter) -> set[str]:
    """Projects passing the structured filter (good practice, grant range in a currency,
    years including the call year), as views.structured_matches decides. With good
    practice or a grant range only projects with structured values can pass; a year range
    alone is checked on the years first (every dated project), the full check only where
    structured values exist."""
    info = structured()
    years = project_years()
    grant = bool(flt.currency) and (flt.grant_min is not None or flt.grant_max is not None)

    def passes(p: str) -> bool:
        row = cast(Any, SimpleNamespace(facets={"year": years.get(p, ())}))
        return structured_matches(row, info.get(p), flt)

    if flt.good_practice or grant:
        return {p for p in info if passes(p)}
    low = -(10**9) if flt.year_from is None else flt.year_from
    high = 10**9 if flt.year_to is None else flt.year_to
    dated = {p for p, ys in years.items() if any(low <= int(y) <= high for y in ys)}
    return dated | {p for p in info.keys() - dated if passes(p)}


def index_results(
    query: str, filters: dict[str, list[str]], sort: str, flt: StructuredFilter
) -> Results:
    """Counts and one page straight from the search index, in any sort order and with any
    filter (year facet and structured filters as a set of allowed projects), without a list
    of every hit (100k projects: a broad query has 10k–60k hits). The same numbers and rows
    as :func:`common.search_view`, which builds the whole list, now only for the export."""
    s = store()
    within = structured_projects(flt) if flt.active() else None
    active = {f: list(v) for f, v in filters.items() if v}
    found = search_counts(s, query, active, within)
    counts = {f: Counter(c) for f, c in found.facets.items()}
    years = project_years()

    def page(offset: int, size: int) -> list[Any]:
        shown = index_search(s, query, active, limit=size, offset=offset, sort=sort, within=within)
        return rows_of(shown.hits, years)

    def every() -> list[Any]:
        return search_view(query, filters, sort, flt).ordered

    return Results(found.total, found.matching, counts, page, every)


def results_for(
    query: str, filters: dict[str, list[str]], sort: str, flt: StructuredFilter
) -> Results:
    """The page's results (from the search index; see :func:`index_results`)."""
    return index_results(query, filters, sort, flt)


def url_int(name: str, low: int = 0, high: int = 10**15) -> int | None:
    """A whole number from the URL within [low, high], else None."""
    value = st.query_params.get(name, "").strip()
    return int(value) if value.isdigit() and low <= int(value) <= high else None


st.title("Search projects")
init_state("q", st.query_params.get("q", ""))
for facet in FACETS:
    init_state(f"facet-{facet}", param_list(facet))
url_sort = st.query_params.get("sort", "relevance")
init_state("sort", url_sort if url_sort in SORTS else "relevance")
url_page = st.query_params.get("page", "1")
init_state("page", max(1, int(url_page)) if url_page.isdigit() else 1)
init_state("good", st.query_params.get("good", "") in ("1", "true", "yes"))
for param, key in NUMBER_PARAMS.items():
    init_state(key, url_int(param, 1900, 2100))
for param, key in GRANT_PARAMS.items():
    init_state(key, url_int(param))
structured_info = structured()
currencies = sorted(
    {c for info in structured_info.values() for c in info.grants},
    key=lambda c: (-sum(1 for i in structured_info.values() if c in i.grants), c),
)
url_currency = st.query_params.get("currency", "")
init_state("currency", url_currency if url_currency in currencies else None)

query = st.text_input(
    "Search in any of the six languages: vězeň, więzień, prisoner and Gefangene all find prison "
    "projects, in every language (inflected forms match too)",
    key="q",
    placeholder="e.g. prison, policie, Gewalt, więzienie …",
)
filters = {f: list(st.session_state.get(f"facet-{f}", [])) for f in FACETS}
sort_key = st.session_state.get("sort", "relevance")


def current_structured_filter() -> StructuredFilter:
    currency = st.session_state.get("currency") or (currencies[0] if currencies else "")
    grant_min, grant_max = (st.session_state.get(k) for k in GRANT_PARAMS.values())
    year_from, year_to = (st.session_state.get(k) for k in NUMBER_PARAMS.values())
    return StructuredFilter(
        good_practice=bool(st.session_state.get("good")),
        currency=currency if grant_min is not None or grant_max is not None else "",
        grant_min=None if grant_min is None else float(grant_min),
        grant_max=None if grant_max is None else float(grant_max),
        year_from=None if year_from is None else int(year_from),
        year_to=None if year_to is None else int(year_to),
    )


first_key = (query, sort_key if sort_key in SORTS else "relevance", current_structured_filter())
results = results_for(query, filters, first_key[1], first_key[2])
counts = results.counts


def value_name(facet: str, value: str) -> str:
    if facet == "language":
        return LANGUAGES.get(value, value)
    return facet_label(facet, value)


with st.sidebar:
    st.header("Filters")
    for facet, (title, _scheme) in FACETS.items():
        facet_counts_here = counts.get(facet)
        chosen = st.session_state.get(f"facet-{facet}", [])
        options = [v for v, _ in (facet_counts_here or Counter()).most_common()]
        options += [v for v in chosen if v not in options]
        if not options:
            continue
        if facet == "year":
            options.sort(reverse=True)

        def fmt(value: str, facet: str = facet, n=facet_counts_here) -> str:
            return f"{value_name(facet, value)} ({(n or {}).get(value, 0)})"

        st.multiselect(title, options, format_func=fmt, key=f"facet-{facet}")
    st.subheader("Funding and dates")
    if structured_info:
        st.checkbox("Good practice only", key="good")
    c_from, c_to = st.columns(2)
    c_from.number_input("From year", min_value=1900, max_value=2100, step=1, key="year-from")
    c_to.number_input("To year", min_value=1900, max_value=2100, step=1, key="year-to")
    st.caption("Years count the call year and start/end dates of structured sources too.")
    if currencies:
        st.selectbox(
            "Grant currency",
            currencies,
            key="currency",
            index=None,
            placeholder=currencies[0],
            help="Amounts are compared within one currency only; they are never converted.",
        )
        g_min, g_max = st.columns(2)
        g_min.number_input("Grant at least", min_value=0, step=1000, key="grant-min")
        g_max.number_input("Grant at most", min_value=0, step=1000, key="grant-max")
    structured_filter = current_structured_filter()
    if (any(filters.values()) or structured_filter.active()) and st.button(
        "Clear filters", key="clear"
    ):
        for facet in FACETS:
            st.session_state[f"facet-{facet}"] = []
        for key in ("year-from", "year-to", "grant-min", "grant-max", "currency"):
            st.session_state[key] = None
        st.session_state["good"] = False
        st.session_state["page"] = 1
        st.rerun()

orgs = participants()
col_count, col_sort, col_size = st.columns([3, 2, 1])
sort_key = col_sort.selectbox("Sort by", list(SORTS), format_func=SORTS.get, key="sort")
page_size = col_size.selectbox("Per page", PAGE_SIZES, key="page_size")
structured_filter = current_structured_filter()
if (query, sort_key, structured_filter) != first_key:  # the sort may have changed
    results = results_for(query, filters, sort_key, structured_filter)
total = results.total
signature = (
    query,
    tuple((f, tuple(v)) for f, v in filters.items()),
    structured_filter,
    sort_key,
    page_size,
)
if st.session_state.get("_search_signature", signature) != signature:
    st.session_state["page"] = 1
st.session_state["_search_signature"] = signature
pages = max(1, math.ceil(total / page_size))
page = min(max(1, int(st.session_state["page"])), pages)
st.session_state["page"] = page
shown_from = (page - 1) * page_size
col_count.markdown(
    f"**{total} projects**"
    + (f" of {results.matching} matching the words" if total != results.matching else "")
    + (f" · page {page} of {pages}" if pages > 1 else "")
)

set_params(
    q=query.strip(),
    sort=None if sort_key == "relevance" else sort_key,
    page=None if page == 1 else str(page),
    good="1" if structured_filter.good_practice else None,
    year_from=None if structured_filter.year_from is None else str(structured_filter.year_from),
    year_to=None if structured_filter.year_to is None else str(structured_filter.year_to),
    currency=st.session_state.get("currency") or None,
    grant_min=None
    if st.session_state.get("grant-min") is None
    else str(st.session_state["grant-min"]),
    grant_max=None
    if st.session_state.get("grant-max") is None
    else str(st.session_state["grant-max"]),
    **{f: v for f, v in filters.items()},
)

if not total:
    if query.strip():
        st.info(f"No project matches “{plain(query.strip())}” with these filters.")
    else:
        st.info("The store has no projects yet: add documents on the Data page.")

for row in results.page(shown_from, page_size):
    members = orgs.get(row.project, [])
    coordinator = next((o for o in members if o["role"] == "coordinator"), None)
    meta = [
        LANGUAGES.get(row.lang, row.lang),
        ", ".join(facet_label("funder", f) for f in row.facets.get("funder", [])),
        ", ".join(row.facets.get("country", [])),
        "–".join(dict.fromkeys([min(row.facets["year"]), max(row.facets["year"])]))
        if row.facets.get("year")
        else "",
        row.file,
    ]
    groups = ", ".join(facet_label("target-group", t) for t in row.facets.get("target-group", []))
    who = (
        f"Coordinator: {esc(coordinator['label'])} · " if coordinator else ""
    ) + f"{len(members)} organisations"
    info = structured_info.get(row.project)
    badges = ""
    if info and info.good_practice:
        badges += " <span class='badge good-practice'>Good practice</span>"
    if info and info.success_story:
        badges += " <span class='badge success-story'>Success story</span>"
    with st.container(border=True):
        st.markdown(
            f"<a href='{esc(link('project', row.project))}' target='_self' class='hit'>"
            f"<b>{esc(row.title)}</b></a>{badges}<br>"
            f"<small>{esc(' · '.join(m for m in meta if m))}</small><br>"
            f"<small>{who}" + (f" · for: {esc(groups)}" if groups else "") + "</small>",
            unsafe_allow_html=True,
        )

if pages > 1:
    prev_col, mid_col, next_col = st.columns([1, 3, 1])
    if prev_col.button("← Previous", disabled=page <= 1, key="prev"):
        st.session_state["page"] = page - 1
        st.rerun()
    mid_col.caption(f"Showing {shown_from + 1}–{min(shown_from + page_size, total)}")
    if next_col.button("Next →", disabled=page >= pages, key="next"):
        st.session_state["page"] = page + 1
        st.rerun()

if total:
    st.caption(
        "Export the whole result list (every page) with coordinator and partners and their "
        "roles. The address bar holds this search: copy it to share."
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        "Download CSV",
        lambda: table_to_csv(*export_table(results.every(), orgs, facet_label)),
        file_name="praxisgraph-search.csv",
        mime="text/csv",
        key="csv",
        on_click="ignore",
    )
    c2.download_button(
        "Download XLSX",
        lambda: table_to_xlsx(*export_table(results.every(), orgs, facet_label), title="projects"),
        file_name="praxisgraph-search.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="xlsx",
        on_click="ignore",
    )
