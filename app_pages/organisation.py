"""Organisation page: type, country, names with their sources, projects and partners."""

from __future__ import annotations

import streamlit as st
from pyoxigraph import NamedNode

from app_pages.common import esc, label_of, link, store
from graph.network import collaboration_graph
from graph.queries import run_query
from ontology import role_name, split_concept_iri

iri = st.query_params.get("iri")
if not iri:
    st.info("Open an organisation from a project page or the network.")
    st.stop()
try:
    org = NamedNode(iri)
except ValueError:
    st.error("Not a valid organisation IRI.")
    st.stop()
rows = run_query(store(), "organisation_detail", org=org)
if not rows:
    st.warning("No such organisation in this store.")
    st.stop()

labels = sorted({r["label"].value for r in rows})
st.title(labels[0])
types = sorted({split_concept_iri(r["type"].value)[1] for r in rows if "type" in r})
countries = sorted({r["country"].value for r in rows if "country" in r})
st.caption(
    " · ".join(
        [
            ", ".join(label_of("actor-type", t) for t in types) or "type unknown",
            ", ".join(countries) or "country unknown",
            iri,
        ]
    )
)
aliases = sorted({r["alt"].value for r in rows if "alt" in r} | set(labels[1:]))
if aliases:
    st.markdown("**Also named:** " + esc("; ".join(aliases)))

st.subheader("Projects")
projects = {}
for r in rows:
    if "project" in r:
        projects[r["project"].value] = (
            r["title"].value,
            role_name(r["role"].value),
            r["file"].value,
        )
for p_iri, (title, role, file) in sorted(projects.items(), key=lambda x: x[1][0]):
    st.markdown(
        f"<a href='{esc(link('project', p_iri))}' target='_self'>{esc(title)}</a> — "
        f"{esc(role)} <small>({esc(file)})</small>",
        unsafe_allow_html=True,
    )

st.subheader("Partners (shared projects)")
g = collaboration_graph(store())
if iri in g:
    partners = sorted(g[iri].items(), key=lambda x: (-x[1]["weight"], g.nodes[x[0]]["label"]))
    for other, data in partners[:50]:
        st.markdown(
            f"<a href='{esc(link('organisation', other))}' target='_self'>"
            f"{esc(g.nodes[other]['label'])}</a> — {data['weight']} shared",
            unsafe_allow_html=True,
        )
    if not partners:
        st.caption("No partners yet.")
