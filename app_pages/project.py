"""Project page: facts with their evidence quotes (span highlighted) and partners."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st
from pyoxigraph import NamedNode

from app_pages.common import esc, label_of, link, store
from graph.queries import run_query
from ontology import role_name, split_concept_iri
from ontology.namespaces import DCTERMS, PG

FACT_PROPS = {
    str(PG.funder): ("Funders", "funder"),
    str(DCTERMS.audience): ("Target groups", "target-group"),
    str(PG.activity): ("Activities", "activity-type"),
    str(PG.actorType): ("Actor types named", "actor-type"),
    str(PG.country): ("Countries", None),
}
CONTEXT = 90


def highlighted(text: str, start: int, end: int) -> str:
    """Escaped context around [start, end) with the span in <mark>."""
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return (f"…{esc(left)}<mark>{esc(text[start:end])}</mark>{esc(right)}…").replace("\n", " ")


iri = st.query_params.get("iri")
if not iri:
    st.info("Open a project from Search.")
    st.stop()
try:
    project = NamedNode(iri)
except ValueError:
    st.error("Not a valid project IRI.")
    st.stop()

rows = run_query(store(), "project_detail", project=project)
if not rows:
    st.warning("No such project in this store.")
    st.stop()
doc_rows = run_query(store(), "document_text", project=project)
text = doc_rows[0]["text"].value if doc_rows else ""
title = next((r["o"].value for r in rows if r["p"].value == str(DCTERMS.title)), iri)
st.title(title)
if doc_rows:
    st.caption(f"Source: {doc_rows[0]['file'].value} · IRI: {iri}")
description = next((r["o"].value for r in rows if r["p"].value == str(DCTERMS.description)), "")
if description:
    with st.expander("Summary", expanded=False):
        st.text(description)

facts: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
for r in rows:
    prop = r["p"].value
    if prop in FACT_PROPS:
        value = r["o"].value
        ev = (
            (int(r["start"].value), int(r["end"].value), r["extractor"].value)
            if "start" in r
            else None
        )
        facts[prop][value]
        if ev:
            facts[prop][value].append(ev)

for prop, (heading, scheme) in FACT_PROPS.items():
    if prop not in facts:
        continue
    st.subheader(heading)
    for value, evidence in sorted(facts[prop].items()):
        name = label_of(scheme, split_concept_iri(value)[1]) if scheme else value
        with st.expander(f"{name} — {len(evidence)} evidence", expanded=False):
            for start, end, extractor in sorted(set(evidence))[:5]:
                st.markdown(
                    f"<div class='evidence'>{highlighted(text, start, end)}"
                    f" <small>({esc(extractor)}, {start}–{end})</small></div>",
                    unsafe_allow_html=True,
                )

st.subheader("Organisations")
orgs: dict[str, dict] = {}
for r in run_query(store(), "participation_evidence", project=project):
    o = orgs.setdefault(
        r["org"].value,
        {
            "label": r["label"].value,
            "role": role_name(r["role"].value),
            "type": split_concept_iri(r["type"].value)[1] if "type" in r else None,
            "ev": set(),
        },
    )
    if "start" in r:
        o["ev"].add((int(r["start"].value), int(r["end"].value)))
for org_iri, o in sorted(orgs.items(), key=lambda x: (x[1]["role"], x[1]["label"])):
    kind = label_of("actor-type", o["type"]) if o["type"] else "?"
    st.markdown(
        f"<a href='{esc(link('organisation', org_iri))}' target='_self'>{esc(o['label'])}</a>"
        f" — {esc(o['role'])} · {esc(kind)}",
        unsafe_allow_html=True,
    )
    for start, end in sorted(o["ev"])[:2]:
        st.markdown(
            f"<div class='evidence'><small>{highlighted(text, start, end)}</small></div>",
            unsafe_allow_html=True,
        )
