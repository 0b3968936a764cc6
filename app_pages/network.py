"""Network explorer: organisations linked by shared projects (vis-network, offline).

Filters as in search; colour by actor type, sector, community or country with a legend;
size by projects, partners or betweenness; ego mode around one organisation; the strongest
top-N when the view is large. Click a node for its side panel (double click or the panel's
link opens its page). Every setting is in the URL, so a view can be shared.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

from app_pages.common import (
    collaboration,
    esc,
    facet_label,
    init_state,
    label_of,
    link,
    network_view,
    param_list,
    plain,
    project_years,
    set_params,
    store,
)
from app_pages.netviz import PHYSICS_LIMIT, colour_map, network_html
from graph.network import NetworkFilter, brokers, ego_network, graph_bytes
from graph.search import search as index_search
from graph.sectors import SECTOR_LABELS

COLOURS = {
    "actor_type": "Actor type",
    "sector": "Sector",
    "community": "Community",
    "country": "Country",
}
#: the ego chooser lists the most active organisations (a shared link reaches any other)
MAX_EGO_OPTIONS = 1000
SIZES = {"projects": "Projects", "degree": "Partners", "betweenness": "Betweenness"}
FILTER_FACETS = {
    "funder": "Funder",
    "target-group": "Target group",
    "activity-type": "Activity",
    "country": "Country",
    "actor-type": "Actor type (organisations shown)",
}

st.title("Collaboration network")
params = st.query_params
for facet in FILTER_FACETS:
    init_state(f"net-{facet}", param_list(facet))
init_state("net-colour", params.get("colour") if params.get("colour") in COLOURS else "actor_type")
init_state("net-size", params.get("size") if params.get("size") in SIZES else "projects")
init_state("net-max", int(params["max"]) if params.get("max", "").isdigit() else 150)
init_state("net-mentioned", params.get("mentioned", "1") != "0")
init_state("net-depth", 2 if params.get("depth") == "2" else 1)

all_facets = index_search(store(), "", limit=0).facets  # counts only, no list of projects
years_all = sorted({y for ys in project_years().values() for y in ys})
g_all = collaboration()
names = {n: d["label"] for n, d in g_all.nodes(data=True)}

with st.sidebar:
    st.header("Filters")
    for facet, title in FILTER_FACETS.items():
        counts = all_facets.get(facet) or Counter()
        chosen = st.session_state.get(f"net-{facet}", [])
        options = [v for v, _ in counts.most_common()] if counts else []
        options += [v for v in chosen if v not in options]
        if options:
            st.multiselect(
                title,
                options,
                format_func=lambda v, f=facet, c=counts: f"{facet_label(f, v)} ({c.get(v, 0)})",
                key=f"net-{facet}",
            )
    year_range = None
    if len(years_all) > 1:
        lo, hi = int(years_all[0]), int(years_all[-1])
        default_years = (lo, hi)
        a, _, b = params.get("years", "").partition("-")
        if a.isdigit() and b.isdigit():
            default_years = (max(lo, int(a)), min(hi, int(b)))
        init_state("net-years", default_years)
        chosen_years = st.slider("Years", lo, hi, key="net-years")
        if chosen_years != (lo, hi):
            year_range = (int(chosen_years[0]), int(chosen_years[1]))
    st.toggle("Include organisations only mentioned", key="net-mentioned")

flt = NetworkFilter(
    funders=tuple(st.session_state.get("net-funder", [])),
    countries=tuple(st.session_state.get("net-country", [])),
    actor_types=tuple(st.session_state.get("net-actor-type", [])),
    target_groups=tuple(st.session_state.get("net-target-group", [])),
    activities=tuple(st.session_state.get("net-activity-type", [])),
    years=year_range,
    include_mentioned=bool(st.session_state.get("net-mentioned", True)),
)

c1, c2, c3, c4 = st.columns([2, 2, 2, 1])
colour_by = c1.selectbox("Colour by", list(COLOURS), format_func=COLOURS.get, key="net-colour")
size_by = c2.selectbox("Size by", list(SIZES), format_func=SIZES.get, key="net-size")
max_nodes = c3.slider("Max nodes", 20, 1000, step=10, key="net-max")

ego = params.get("ego") or None
if ego and ego not in names:
    st.warning("That organisation is not in the network; showing the whole network.")
    ego = None
e1, e2 = st.columns([3, 1])
by_activity = sorted(names, key=lambda n: -g_all.nodes[n]["projects"])[:MAX_EGO_OPTIONS]
if ego and ego not in by_activity:
    by_activity.append(ego)
ego_options = ["", *sorted(by_activity, key=lambda n: names[n].casefold())]
init_state("net-ego", ego or "")
ego_choice = e1.selectbox(
    "Ego mode: the network around one organisation",
    ego_options,
    format_func=lambda n: names.get(n, "— whole network —"),
    key="net-ego",
)
depth = e2.radio("Depth", [1, 2], horizontal=True, key="net-depth")
ego = ego_choice or None

try:
    view = network_view(flt, ego, int(depth), int(max_nodes))
except LookupError as exc:
    st.error(plain(str(exc)))
    st.stop()
shown = view.graph
physics_default = shown.number_of_nodes() <= PHYSICS_LIMIT
init_state("net-physics", params.get("physics", "1" if physics_default else "0") == "1")
physics = c4.toggle("Physics", key="net-physics")

set_params(
    colour=None if colour_by == "actor_type" else colour_by,
    size=None if size_by == "projects" else size_by,
    max=None if max_nodes == 150 else str(max_nodes),
    ego=ego,
    depth="2" if ego and depth == 2 else None,
    mentioned=None if flt.include_mentioned else "0",
    physics=None if physics == physics_default else ("1" if physics else "0"),
    years=f"{year_range[0]}-{year_range[1]}" if year_range else None,
    **{facet: list(st.session_state.get(f"net-{facet}", [])) for facet in FILTER_FACETS},
)

if view.total_nodes == 0:
    st.warning(
        "No organisations match these filters."
        if any((flt.funders, flt.countries, flt.actor_types, flt.target_groups, flt.activities))
        else "No organisations in the store yet: add documents on the Data page."
    )
    st.stop()
if ego and depth == 2:  # the report is kept by graph.network: no second computation
    report = ego_network(store(), ego, depth=2, flt=flt)
    listed = sum(1 for p in report.partners if p.distance == 2)
    if report.second_degree_total > listed:
        st.info(
            f"Partners of partners: showing the {listed:,} with most ties (projects shared "
            f"through a direct partner) of {report.second_degree_total:,}."
        )
if shown.number_of_nodes() < view.total_nodes and view.centre:
    st.info(
        f"Showing {shown.number_of_nodes():,} of {view.total_nodes:,} organisations: the "
        "centre and its strongest partners (direct partners first, most shared projects "
        "first) so the page stays responsive. Raise “Max nodes” to draw more."
    )
elif shown.number_of_nodes() < view.total_nodes:
    st.info(
        f"This view has {view.total_nodes:,} organisations and {view.total_edges:,} links; "
        f"drawing the {shown.number_of_nodes()} best-connected (most shared projects) so the "
        "page stays responsive. Narrow the filters, use ego mode or raise “Max nodes”."
    )

# node attributes for drawing: colour value, size value, readable type
draw = shown.copy()
for node, data in draw.nodes(data=True):
    measures = view.measures.get(node, {})
    data["community"] = f"community {view.community.get(node, 0) + 1}"
    data["degree"] = measures.get("degree", 0)
    data["betweenness"] = measures.get("betweenness", 0.0)
    data["actor_type_name"] = (
        label_of("actor-type", data["actor_type"]) if data.get("actor_type") else None
    )
values = [str(draw.nodes[n].get(colour_by) or "unknown") for n in draw.nodes]
colours = colour_map(values)


def value_name(value: str) -> str:
    if colour_by == "actor_type" and value != "unknown":
        return label_of("actor-type", value)
    if colour_by == "sector":
        return SECTOR_LABELS.get(value, value)
    return value


counts = {v: values.count(v) for v in colours}
st.caption(
    f"{shown.number_of_nodes()} organisations · {shown.number_of_edges()} links drawn"
    + (f" · around {plain(names.get(view.centre, view.centre))}" if view.centre else "")
)
st.markdown(
    "<div class='legend'>"
    + " ".join(
        f"<span style='white-space:nowrap'><span style='color:{c};font-size:1.3em'>●</span> "
        f"{esc(value_name(v))} ({counts[v]})</span>"
        for v, c in sorted(colours.items(), key=lambda x: -counts[x[0]])
    )
    + "</div>",
    unsafe_allow_html=True,
)
focus_options = ["", *sorted(draw.nodes, key=lambda n: names.get(n, n).casefold())]
init_state("net-focus", params.get("focus") if params.get("focus") in draw else "")
focus = st.selectbox(
    "Find and focus an organisation",
    focus_options,
    format_func=lambda n: names.get(n, "—"),
    key="net-focus",
)
set_params(focus=focus or None)
st.iframe(
    network_html(
        draw,
        colour_by=colour_by,
        size_by=size_by,
        physics=physics,
        focus=focus or view.centre,
        colours=colours,
        value_names={v: value_name(v) for v in colours},
    ),
    height=680,
)
st.caption(
    "Click a node for details; double-click (or “Open organisation page” in the panel) opens "
    "its page. Drag to move, scroll to zoom; the PNG button saves the drawing."
)

d1, d2, d3 = st.columns(3)
d1.download_button(
    "Download GEXF (Gephi)",
    lambda: graph_bytes(shown, "gexf"),
    file_name="praxisgraph-network.gexf",
    mime="application/xml",
    key="gexf",
    on_click="ignore",
)
d2.download_button(
    "Download GraphML",
    lambda: graph_bytes(shown, "graphml"),
    file_name="praxisgraph-network.graphml",
    mime="application/xml",
    key="graphml",
    on_click="ignore",
)
d3.download_button(
    "Download edge list (CSV)",
    lambda: graph_bytes(shown, "csv"),
    file_name="praxisgraph-edges.csv",
    mime="text/csv",
    key="edges",
    on_click="ignore",
)

with st.expander("Brokers in this view: organisations bridging sectors and countries"):
    found = brokers(shown, limit=15, scores=view.measures)
    if not found:
        st.caption("No organisation here links several sectors or countries.")
    for b in found:
        st.markdown(
            f"<a href='{esc(link('organisation', b.org))}' target='_self'>{esc(b.label)}</a>"
            f" <small>— {esc(b.explanation)}</small>",
            unsafe_allow_html=True,
        )
