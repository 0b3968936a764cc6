"""Precedents: paste a project idea (any of the six languages) and see the most similar
existing projects, why they are similar, and organisations that often take part in such
projects (potential partners).

Shareable: ``/precedents?idea=…`` (short texts) or ``/precedents?project=<IRI>``.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

from app_pages.common import (
    anchor,
    esc,
    facet_label,
    init_state,
    label_of,
    plain,
    precedents_for,
    project_rows,
    set_params,
    similar_projects,
    store,
)
from app_pages.views import LANGUAGES
from graph.search import search as index_search

MAX_URL_IDEA = 600
EXAMPLE = (
    "We want to help women leaving prison find work: job coaching and training inside the "
    "prison, then mentoring with employers and the labour office after release."
)

st.title("Precedents for a project idea")
params = st.query_params
rows = project_rows()
from_project = params.get("project")
if from_project and from_project in rows:
    st.markdown(
        f"Projects most like {anchor('project', from_project, rows[from_project].title)}:",
        unsafe_allow_html=True,
    )
    try:
        hits = similar_projects(from_project, limit=10)
    except (LookupError, ValueError) as exc:
        st.warning(plain(str(exc)))
        st.stop()
    partners = []
else:
    init_state("idea", params.get("idea", ""))
    every = index_search(store(), "", limit=0).facets  # counts only, no list of projects
    funders = every.get("funder") or Counter()
    countries = every.get("country") or Counter()
    idea = st.text_area(
        "Describe the project idea in a few sentences (Czech, Polish, German, English, "
        "Slovak or Slovenian)",
        key="idea",
        height=140,
        placeholder=EXAMPLE,
    )
    c1, c2 = st.columns(2)
    init_state("prec-funder", params.get("funder") if params.get("funder") in funders else None)
    funder = c1.selectbox(
        "Funder you apply to (optional)",
        [f for f, _ in funders.most_common()],
        format_func=lambda f: facet_label("funder", f),
        index=None,
        key="prec-funder",
    )
    init_state(
        "prec-country", params.get("country") if params.get("country") in countries else None
    )
    country = c2.selectbox(
        "Country (optional)",
        [c for c, _ in countries.most_common()],
        index=None,
        key="prec-country",
    )
    set_params(
        idea=idea.strip() if len(idea.strip()) <= MAX_URL_IDEA else None,
        funder=funder,
        country=country,
        project=None,
    )
    if not idea.strip():
        st.info("Paste an idea above, for example: " + EXAMPLE)
        st.stop()
    try:
        result = precedents_for(idea.strip(), funder, country)
    except ValueError as exc:
        st.warning(plain(str(exc)))
        st.stop()
    hits, partners = result.hits, result.partners
    found = result.idea
    what = {
        "Language": [LANGUAGES.get(found.lang, found.lang)],
        "Target groups": [label_of("target-group", v) for v in found.target_groups],
        "Activities": [label_of("activity-type", v) for v in found.activities],
        "Kinds of actors": [label_of("actor-type", v) for v in found.actor_types],
        "Funders": [label_of("funder", v) for v in found.funders],
        "Countries": list(found.countries),
        "Organisations": list(found.organisations),
    }
    st.markdown(
        "<small>Recognised in the idea — "
        + " · ".join(f"<b>{k}</b>: {esc(', '.join(v))}" for k, v in what.items() if v)
        + "</small>",
        unsafe_allow_html=True,
    )

st.subheader(f"Similar projects ({len(hits)})")
if not hits:
    st.info("No similar project in the store.")
for rank, h in enumerate(hits, start=1):
    with st.container(border=True):
        row = rows.get(h.project)
        meta = []
        if row:
            meta.append(LANGUAGES.get(row.lang, row.lang))
            meta.append(", ".join(facet_label("funder", f) for f in row.facets.get("funder", [])))
            meta.append(", ".join(row.facets.get("country", [])))
        st.markdown(
            f"{rank}. <b>{anchor('project', h.project, h.title)}</b> "
            f"<small>· score {h.score:.2f} · {esc(' · '.join(m for m in meta if m))}</small>"
            f"<br><small>{esc(h.explanation)}</small>",
            unsafe_allow_html=True,
        )
        if h.partners:
            st.markdown(
                "<small>Partners: "
                + ", ".join(
                    anchor("organisation", p["org"], p["label"]) + f" ({esc(p.get('role') or '?')})"
                    for p in h.partners[:8]
                )
                + "</small>",
                unsafe_allow_html=True,
            )

if partners:
    st.subheader("Potential partners")
    st.caption("Organisations that took part in several of these precedents.")
    for p in partners:
        kind = label_of("actor-type", p.actor_type) if p.actor_type else "type unknown"
        where = ", ".join(anchor("project", x["project"], x["title"]) for x in p.projects[:3])
        st.markdown(
            f"{anchor('organisation', p.org, p.label)} <small>· {esc(kind)} · "
            f"{esc(p.country or '?')} · in {p.precedents} precedent(s): {where}</small>",
            unsafe_allow_html=True,
        )
