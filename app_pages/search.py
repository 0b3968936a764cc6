"""Search: one box, multilingual lemma search, facets with counts, export."""

from __future__ import annotations

import streamlit as st

from app_pages.common import esc, label_of, link, store
from graph.export import table_to_csv
from graph.search import search

st.title("Search projects")
params = st.query_params
query = st.text_input(
    "Search in any language (vězeň, więzień, Gefangene, prisoner …)",
    value=params.get("q", ""),
    key="q",
)
if query != params.get("q", ""):
    st.query_params["q"] = query

FACET_TITLES = {
    "funder": "Funder",
    "actor-type": "Actor type",
    "target-group": "Target group",
    "activity-type": "Activity",
    "country": "Country",
    "language": "Language",
}

unfiltered = search(store(), query, limit=0)
filters: dict[str, list[str]] = {}
with st.sidebar:
    st.header("Filters")
    for facet, title in FACET_TITLES.items():
        counts = unfiltered.facets.get(facet)
        if not counts:
            continue
        options = [value for value, _ in counts.most_common()]

        def fmt(value: str, facet: str = facet, counts=counts) -> str:
            name = value if facet in ("country", "language") else label_of(facet, value)
            return f"{name} ({counts[value]})"

        chosen = st.multiselect(title, options, format_func=fmt, key=f"facet-{facet}")
        if chosen:
            filters[facet] = chosen

result = search(store(), query, filters, limit=200)
st.caption(f"{result.total} projects")
rows = []
for hit in result.hits:
    st.markdown(
        f"<a href='{esc(link('project', hit.project))}' target='_self'><b>{esc(hit.title)}</b></a>",
        unsafe_allow_html=True,
    )
    st.caption(
        " · ".join(
            filter(
                None,
                [
                    hit.lang,
                    ", ".join(label_of("funder", f) for f in hit.facets.get("funder", [])),
                    ", ".join(hit.facets.get("country", [])),
                    hit.file,
                ],
            )
        )
    )
    rows.append(
        [
            hit.title,
            hit.lang,
            "; ".join(hit.facets.get("funder", [])),
            "; ".join(hit.facets.get("country", [])),
            hit.file,
            hit.project,
        ]
    )
if rows:
    st.download_button(
        "Download CSV",
        table_to_csv(["title", "language", "funders", "countries", "file", "iri"], rows),
        file_name="praxisgraph-search.csv",
        mime="text/csv",
    )
