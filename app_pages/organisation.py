"""Organisation page: type, country, names and where each came from, parent and
sub-organisations, projects by year and funder, partners ranked by shared projects,
its ego network, and possible duplicates.

Shareable: ``/organisation?iri=<organisation IRI>``.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st
from pyoxigraph import NamedNode

from app_pages.common import (
    DUPLICATES_AUTO_MAX,
    anchor,
    collaboration,
    duplicates_of,
    esc,
    facet_label,
    find_organisation,
    label_of,
    link,
    network_view,
    org_display_label,
    org_name,
    org_record,
    organisation_choices,
    parents,
    plain,
    project_rows,
    role_title,
    store,
    store_writer,
)
from app_pages.netviz import network_html
from app_pages.views import safe_web_url, web_link
from graph.network import NetworkFilter
from graph.queries import run_query
from graph.store import StoreLockedError
from ontology import ROLE_STRENGTH, role_name

MAX_PARTNERS = 50
MAX_PROJECTS = 200
MAX_EGO_NODES = 80

iri = st.query_params.get("iri")
if not iri and st.query_params.get("org"):
    # a human address: /organisation?org=Mezikrok (a label, acronym or unique part of one)
    try:
        iri = find_organisation(st.query_params["org"])
    except LookupError as exc:
        st.title("Organisation")
        st.error(plain(str(exc)))
        st.stop()
if not iri:
    st.title("Organisation")
    choices = organisation_choices()
    st.caption(
        "Pick an organisation, open one from a project page or the network, or put its name "
        "or IRI in the address: /organisation?org=… or ?iri=…"
    )
    by_text: dict[str, str] = {}  # what the list shows → IRI (a repeated label gets its IRI)
    for o, label, n in choices:
        text = f"{label} ({n} projects)"
        by_text[text if text not in by_text else f"{text} <{o}>"] = o
    picked = st.selectbox(
        f"Organisation ({len(choices)}, most projects first)",
        ["—", *by_text],
        key="org-pick",
    )
    if picked not in by_text:
        st.stop()
    iri = by_text[picked]
    st.query_params["iri"] = iri  # the address now names it: shareable
try:
    org = NamedNode(iri)
except ValueError:
    st.title("Organisation")
    st.error("Not a valid organisation IRI.")
    st.stop()
names: dict[tuple[str, str], set[str]] = {}
for r in run_query(store(), "organisation_names", org=org):
    names.setdefault((r["name"].value, r["kind"].value), set()).add(r["file"].value)
if not names:
    st.title("Organisation")
    st.warning("No such organisation in this store.")
    st.stop()

record = org_record(iri)
label = org_display_label(iri) or (record.label if record else None)
if not label:
    prefs = Counter({n: len(f) for (n, k), f in names.items() if k == "pref"} or {iri: 1})
    label = prefs.most_common(1)[0][0]
types = [record.actor_type] if record and record.actor_type else []
countries = [record.country] if record and record.country else []
projects: dict[str, dict] = {}
for r in run_query(store(), "organisation_projects", org=org):
    role = role_name(r["role"].value)
    p = projects.setdefault(
        r["project"].value, {"title": r["title"].value, "role": role, "file": r["file"].value}
    )
    if ROLE_STRENGTH.get(role, 99) < ROLE_STRENGTH.get(p["role"], 99):
        p["role"] = role

st.title(plain(label), anchor=False)
st.caption(
    plain(
        " · ".join(
            [
                ", ".join(label_of("actor-type", t) for t in types) or "type unknown",
                ", ".join(countries) or "country unknown",
                iri,
            ]
        )
    )
)
domains = sorted({r["domain"].value for r in run_query(store(), "organisation_domain", org=org)})
role_counts = Counter(p["role"] for p in projects.values())
about = []
if domains:
    links = []
    for domain in domains[:5]:
        url = domain if "://" in domain else f"https://{domain}"
        links.append(web_link(url, domain) if safe_web_url(url) else esc(domain))
    about.append("<b>Website:</b> " + ", ".join(links))
if role_counts:
    about.append(
        "<b>Roles:</b> "
        + esc(
            ", ".join(
                f"{role_title(role)} in {n} project{'s' if n != 1 else ''}"
                for role, n in sorted(
                    role_counts.items(), key=lambda x: (ROLE_STRENGTH.get(x[0], 99), x[0])
                )
            )
        )
    )
if role_counts.get("donor-partner"):
    about.insert(0, "<span class='badge donor-partner'>Donor partner</span>")
if about:
    st.markdown("<br>".join(about), unsafe_allow_html=True)
g = collaboration()
partners = (
    sorted(g[iri].items(), key=lambda x: (-x[1]["weight"], g.nodes[x[0]]["label"]))
    if iri in g
    else []
)
info = project_rows()
all_years = sorted({y for p in projects for y in info[p].facets.get("year", [])} if info else set())
c1, c2, c3, c4 = st.columns(4)
c1.metric("Projects", len(projects))
c2.metric("Partners", len(partners))
c3.metric("Coordinated", sum(1 for p in projects.values() if p["role"] == "coordinator"))
c4.metric("Years", f"{all_years[0]}–{all_years[-1]}" if all_years else "—")

# ---------------------------------------------------------------- names
st.subheader("Names and where they come from")
kind_titles = {"pref": "main name", "alt": "other form", "acronym": "acronym"}
name_rows = [
    {
        "name": name,
        "kind": kind_titles.get(kind, kind),
        "documents": len(files),
        "seen in": "; ".join(sorted(files)[:20]) + (" …" if len(files) > 20 else ""),
    }
    for (name, kind), files in names.items()
]
name_rows.sort(key=lambda r: (r["kind"] != "main name", -r["documents"], r["name"]))
st.dataframe(pd.DataFrame(name_rows), hide_index=True, width="stretch")

# ---------------------------------------------------------------- hierarchy
parent_of = parents()
parent = parent_of.get(iri)
children = sorted(c for c, p in parent_of.items() if p == iri)
if parent or children:
    st.subheader("Parent and sub-organisations")
    if parent:
        st.markdown(
            "**Part of:** " + anchor("organisation", parent, org_name(parent)),
            unsafe_allow_html=True,
        )
    if children:
        st.markdown(
            "**Sub-organisations:** "
            + ", ".join(anchor("organisation", c, org_name(c)) for c in children[:50]),
            unsafe_allow_html=True,
        )

# ---------------------------------------------------------------- projects
st.subheader("Projects")
by_funder: Counter[str] = Counter()
by_year: Counter[str] = Counter()
for p in projects:
    row = info.get(p)
    funders = row.facets.get("funder", []) if row else []
    by_funder.update(facet_label("funder", f) for f in funders or ["(no funder named)"])
    by_year.update(row.facets.get("year", []) if row else [])
chart_cols = st.columns(2 if by_year else 1)
with chart_cols[0]:
    st.caption("Projects by funder")
    st.bar_chart(
        pd.DataFrame({"funder": list(by_funder), "projects": list(by_funder.values())}),
        x="funder",
        y="projects",
        horizontal=True,
        height=max(120, 40 * len(by_funder)),
    )
if by_year:
    with chart_cols[1]:
        st.caption("Projects by year")
        years_sorted = sorted(by_year)
        st.bar_chart(
            pd.DataFrame({"year": years_sorted, "projects": [by_year[y] for y in years_sorted]}),
            x="year",
            y="projects",
            height=max(120, 40 * len(by_funder)),
        )


def project_sort_key(item: tuple[str, dict]) -> tuple:
    row = info.get(item[0])
    latest = max(row.facets.get("year", ["0"])) if row and row.facets.get("year") else "0"
    return (-int(latest), item[1]["title"].casefold())


ordered_projects = sorted(projects.items(), key=project_sort_key)
if len(ordered_projects) > MAX_PROJECTS:
    st.caption(f"The {MAX_PROJECTS} most recent of {len(ordered_projects):,} projects are listed.")
for p_iri, p in ordered_projects[:MAX_PROJECTS]:
    row = info.get(p_iri)
    bits = [role_title(p["role"])]
    if row:
        bits.append(", ".join(facet_label("funder", f) for f in row.facets.get("funder", [])))
        if row.facets.get("year"):
            bits.append("–".join(dict.fromkeys([row.facets["year"][0], row.facets["year"][-1]])))
    bits.append(p["file"])
    st.markdown(
        f"{anchor('project', p_iri, p['title'])} <small>— {esc(' · '.join(b for b in bits if b))}"
        "</small>",
        unsafe_allow_html=True,
    )

# ---------------------------------------------------------------- partners
st.subheader("Partners ranked by shared projects")
if not partners:
    st.caption("No partners in the store yet.")
for other, data in partners[:MAX_PARTNERS]:
    node = g.nodes[other]
    shared = [info[p].title if p in info else p for p in data.get("projects", [])]
    kind = label_of("actor-type", node.get("actor_type")) if node.get("actor_type") else "?"
    st.markdown(
        f"{anchor('organisation', other, node['label'])} — <b>{data['weight']}</b> shared · "
        f"{esc(kind)} · {esc(node.get('country') or '?')}<br>"
        f"<small>{esc('; '.join(shared[:5]))}{' …' if len(shared) > 5 else ''}</small>",
        unsafe_allow_html=True,
    )
if len(partners) > MAX_PARTNERS:
    st.caption(f"… and {len(partners) - MAX_PARTNERS} more.")

# ---------------------------------------------------------------- ego network
st.subheader("Ego network")
if iri in g:
    view = network_view(NetworkFilter(), iri, 1, MAX_EGO_NODES)
    if view.total_nodes > view.graph.number_of_nodes():
        st.caption(
            f"The {view.graph.number_of_nodes()} strongest of {view.total_nodes} organisations "
            "are drawn."
        )
    if view.graph.number_of_nodes() > 1:
        st.iframe(network_html(view.graph, focus=iri, height=430), height=450)
    st.markdown(
        f"<a href='{esc(link('network', ego=iri))}' target='_self'>Explore this network</a>",
        unsafe_allow_html=True,
    )

# ---------------------------------------------------------------- duplicates
st.subheader("Possible duplicates")
# the duplicate check compares names across the whole store: on big stores it runs on request
check_now = g.number_of_nodes() <= DUPLICATES_AUTO_MAX or st.button(
    "Look for possible duplicates", key="duplicates"
)
candidates = []
if check_now:
    try:
        with st.spinner("Comparing names across the store …"):
            candidates = duplicates_of(iri)
    except (LookupError, ValueError) as exc:
        st.caption(f"Duplicate check unavailable: {exc}")
for n, d in enumerate(candidates):
    other, other_label = (d["b"], d["b_label"]) if d["a"] == iri else (d["a"], d["a_label"])
    left, right = st.columns([5, 1])
    left.markdown(
        f"{anchor('organisation', other, str(other_label))} <small>— similarity "
        f"{float(d['score']):.0f}{' · likely the same' if d.get('likely') else ''} · "
        f"{esc(d.get('reason', ''))}</small>",
        unsafe_allow_html=True,
    )
    # one-click curation: the other organisation becomes an alias of this one (owl:sameAs),
    # kept in the curation graph so it survives re-ingest; its old links still resolve
    if right.button("Merge here", key=f"merge-{n}", help="Merge that organisation into this one"):
        from graph.curation import CurationError, merge

        try:
            with store_writer() as writer:
                merge(writer, other, iri)
        except (StoreLockedError, CurationError) as exc:
            st.error(plain(f"Cannot merge: {exc}"))
        else:
            st.success(plain(f"Merged {other_label} into this organisation."))

if check_now and not candidates:
    st.caption("No likely duplicates.")
st.caption(plain(f"Link to this page: {link('organisation', iri)}"))
