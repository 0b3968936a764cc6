"""Network explorer: organisations linked by shared projects (pyvis, offline)."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

from app_pages.common import esc, store
from app_pages.netviz import colour_map, network_html
from graph.network import collaboration_graph, top_subgraph

st.title("Collaboration network")
g = collaboration_graph(store())
col1, col2, col3 = st.columns(3)
colour_by = col1.selectbox("Colour by", ["actor_type", "country"], key="colour")
max_nodes = col2.slider("Max nodes", 20, 500, 200, key="max_nodes")
physics = col3.toggle("Physics", value=True, key="physics")
shown = top_subgraph(g, max_nodes)
if shown.number_of_nodes() < g.number_of_nodes():
    st.info(
        f"Showing the {shown.number_of_nodes()} best-connected of {g.number_of_nodes()} "
        "organisations."
    )
st.caption(f"{shown.number_of_nodes()} organisations · {shown.number_of_edges()} links")
if shown.number_of_nodes() == 0:
    st.warning("No organisations in the store yet: ingest some documents first.")
    st.stop()
legend = colour_map([str(shown.nodes[n].get(colour_by) or "unknown") for n in shown.nodes])
st.markdown(
    " ".join(f"<span style='color:{c}'>●</span> {esc(v)}" for v, c in legend.items()),
    unsafe_allow_html=True,
)
components.html(network_html(shown, colour_by=colour_by, physics=physics), height=680)
