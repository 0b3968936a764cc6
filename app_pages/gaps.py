"""Missing stakeholders: for a project, an organisation's network, a community, a country
or a theme, which kinds of actors are absent although they are expected — why they are
expected (theme profiles, similar projects) and which organisations could fill the gap.

Shareable: ``/gaps?project=…``, ``?org=…``, ``?community=N``, ``?country=CZ``, ``?theme=…``.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

from app_pages.common import (
    anchor,
    collaboration,
    esc,
    gap_report,
    init_state,
    label_of,
    plain,
    project_rows,
    search_all,
    set_params,
    theme_choices,
)
from app_pages.views import LANGUAGES

KINDS = {
    "project": "a project",
    "org": "an organisation's network",
    "community": "a community",
    "country": "a country",
    "theme": "a theme",
}
#: longest option lists (large stores): the rest is reached by search or a shared link
MAX_OPTIONS = 500
STATUS = {
    "absent": "absent",
    "mentioned-only": "named in the documents but not a partner",
    "under-represented": "under-represented",
}

st.title("Missing stakeholders")
st.caption("Which kinds of actors are missing, why they are expected, and who could fill the gap.")
params = st.query_params
url_kind = next((k for k in KINDS if params.get(k)), "project")
init_state("gap-kind", url_kind)
kind = st.radio("Look at", list(KINDS), format_func=KINDS.get, horizontal=True, key="gap-kind")

subject: str | None = None
if kind == "project":
    rows = project_rows()
    current = params.get("project") if params.get("project") in rows else None
    words = st.text_input(
        "Find the project (words in any language)", key="gap-project-q", placeholder="e.g. prison"
    )
    hits = [h.project for h in search_all(words).hits[:MAX_OPTIONS]]
    options = sorted(set(hits) | {p for p in [current, st.session_state.get("gap-project")] if p})
    options.sort(key=lambda p: rows[p].title.casefold() if p in rows else p)
    init_state("gap-project", current)
    subject = st.selectbox(
        "Project",
        options,
        format_func=lambda p: f"{rows[p].title} ({LANGUAGES.get(rows[p].lang, rows[p].lang)})",
        index=None,
        placeholder="choose a project",
        key="gap-project",
    )
elif kind == "org":
    g = collaboration()
    ranked = sorted(g.nodes, key=lambda n: (-g.nodes[n]["projects"], g.nodes[n]["label"]))
    current = params.get("org") if params.get("org") in g else None
    options = ranked[:MAX_OPTIONS] + [n for n in [current] if n and n not in ranked[:MAX_OPTIONS]]
    if len(ranked) > MAX_OPTIONS:
        st.caption(f"The {MAX_OPTIONS} most active of {len(ranked):,} organisations are listed.")
    init_state("gap-org", current)
    subject = st.selectbox(
        "Organisation",
        options,
        format_func=lambda n: f"{g.nodes[n]['label']} ({g.nodes[n]['projects']} projects)",
        index=None,
        placeholder="choose an organisation",
        key="gap-org",
    )
elif kind == "community":
    from app_pages.common import community_list

    found = community_list()
    if not found:
        st.info("No communities: the network is empty.")
        st.stop()
    url_c = params.get("community", "")
    init_state("gap-community", int(url_c) if url_c.isdigit() and int(url_c) < len(found) else 0)
    chosen = st.selectbox(
        "Community (by size)",
        list(range(len(found))),
        format_func=lambda i: (
            f"community {i + 1}: {found[i]['size']} organisations — " + ", ".join(found[i]["top"])
        ),
        key="gap-community",
    )
    subject = str(chosen)
elif kind == "country":
    countries = search_all("").facets.get("country") or Counter()
    options = [c for c, _ in countries.most_common()]
    init_state("gap-country", params.get("country") if params.get("country") in options else None)
    subject = st.selectbox(
        "Country",
        options,
        format_func=lambda c: f"{c} ({countries[c]} projects)",
        index=None,
        placeholder="choose a country",
        key="gap-country",
    )
else:
    themes = theme_choices()
    init_state("gap-theme", params.get("theme") if params.get("theme") in themes else None)
    subject = st.selectbox(
        "Theme (a theme profile, target group or activity)",
        list(themes),
        format_func=themes.get,
        index=None,
        placeholder="choose a theme",
        key="gap-theme",
    )

set_params(**{k: (subject if k == kind else None) for k in KINDS})
if subject is None:
    st.info("Choose what to analyse.")
    st.stop()

try:
    report = gap_report(kind, subject)
except (LookupError, ValueError) as exc:
    st.warning(plain(str(exc)))
    st.stop()

st.subheader(plain(report.subject.get("label", subject)), anchor=False)
present = ", ".join(f"{label_of('actor-type', t)} ({n})" for t, n in report.present_types.items())
st.markdown(
    f"<small>{report.projects} project(s) · kinds of actors taking part: "
    f"{esc(present) or 'none recognised'}</small>",
    unsafe_allow_html=True,
)
if report.themes:
    st.markdown(
        "**Themes recognised:** "
        + esc(
            "; ".join(
                f"{t['theme']} (from {', '.join(t.get('triggered_by', [])[:3]) or 'the data'})"
                for t in report.themes
            )
        ),
        unsafe_allow_html=True,
    )

if not report.missing:
    st.success("No expected kind of actor is missing.")
for m in report.missing:
    with st.container(border=True):
        st.markdown(
            f"#### {esc(m.label)} <small>— {esc(STATUS.get(m.status, m.status))} · "
            f"weight {m.score:.2f}</small>",
            unsafe_allow_html=True,
        )
        lines = []
        for r in m.reasons:
            if r.get("source") == "theme":
                lines.append(f"Theme <b>{esc(r.get('theme', ''))}</b>: {esc(r.get('reason', ''))}")
            elif r.get("source") == "similar-projects":
                examples = ", ".join(
                    anchor("project", x["project"], x["title"]) for x in r.get("examples", [])
                )
                lines.append(
                    f"Similar projects: {esc(r.get('reason', ''))}"
                    + (f" — e.g. {examples}" if examples else "")
                )
            else:
                lines.append(esc(r.get("reason", "")))
        st.markdown(
            "<b>Why expected</b><ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>",
            unsafe_allow_html=True,
        )
        if m.candidates:
            items = []
            for c in m.candidates:
                where = ", ".join(
                    anchor("project", e["project"], e["title"]) for e in c.evidence[:2]
                )
                items.append(
                    f"<li>{anchor('organisation', c.org, c.label)} <small>· "
                    f"{esc(c.country or '?')} · in {c.in_similar_projects} similar project(s), "
                    f"{c.projects_total} in all"
                    + (f" · e.g. {where}" if where else "")
                    + "</small></li>"
                )
            st.markdown(
                "<b>Candidates from the graph</b><ul>" + "".join(items) + "</ul>",
                unsafe_allow_html=True,
            )
        else:
            st.caption("No organisation of this kind in the graph yet.")

if report.similar_projects:
    with st.expander("Most similar projects used for the comparison"):
        for p in report.similar_projects:
            st.markdown(
                f"{anchor('project', p['project'], p['title'])} <small>· {p['score']:.2f}</small>",
                unsafe_allow_html=True,
            )
