"""Project page: the facts about one project, each with its evidence quote (span highlighted),
the organisations with their roles, the source file, and similar projects (precedents).

Shareable: ``/project?iri=<project IRI>``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import streamlit as st
from pyoxigraph import NamedNode

from app_pages.common import (
    anchor,
    esc,
    label_of,
    link,
    plain,
    project_years,
    role_title,
    similar_projects,
    store,
)
from app_pages.views import (
    LANGUAGES,
    STRUCTURED_FIELDS,
    format_amount,
    highlight,
    highlight_all,
    web_link,
)
from graph.queries import run_query
from ontology import ROLE_STRENGTH, role_name, split_concept_iri
from ontology.namespaces import DCTERMS, PG

FACT_PROPS = {
    str(PG.funder): ("Funders", "funder"),
    str(DCTERMS.audience): ("Target groups", "target-group"),
    str(PG.activity): ("Activities", "activity-type"),
    str(PG.country): ("Countries", None),
    str(PG.actorType): ("Kinds of actors named", "actor-type"),
}
MAX_FULL_TEXT = 200_000
#: original files offered for download (kinds the readers take; at most 50 MB)
SERVABLE = {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".csv", ".xlsx"}
MAX_SERVE_BYTES = 50 * 1024 * 1024

iri = st.query_params.get("iri")
if not iri:
    st.title("Project")
    st.info("Open a project from Search, or put its IRI in the address: /project?iri=…")
    st.stop()
try:
    project = NamedNode(iri)
except ValueError:
    st.title("Project")
    st.error("Not a valid project IRI.")
    st.stop()

rows = run_query(store(), "project_detail", project=project)
if not rows:
    st.title("Project")
    st.warning("No such project in this store.")
    st.stop()
doc_rows = run_query(store(), "document_text", project=project)
text = doc_rows[0]["text"].value if doc_rows else ""
title = next((r["o"].value for r in rows if r["p"].value == str(DCTERMS.title)), iri)
lang = next((r["o"].value for r in rows if r["p"].value == str(DCTERMS.language)), "und")
years = project_years().get(iri, [])

st.title(plain(title), anchor=False)
meta = [LANGUAGES.get(lang, lang)]
if years:
    meta.append("–".join(dict.fromkeys([years[0], years[-1]])))
if doc_rows:
    meta.append(f"source: {doc_rows[0]['file'].value}")
st.caption(plain(" · ".join(meta)))
description = next((r["o"].value for r in rows if r["p"].value == str(DCTERMS.description)), "")
if description:
    st.markdown(
        f"<div class='summary'>{esc(description[:1200])}"
        f"{'…' if len(description) > 1200 else ''}</div>",
        unsafe_allow_html=True,
    )

# ---------------------------------------------------------------- funding and status
#: structured fields in the order shown (short names of views.STRUCTURED_FIELDS)
FUNDING_ORDER = [
    ("grant", "Grant"),
    ("total cost", "Total cost"),
    ("call year", "Call year"),
    ("dates", "Dates"),
    ("status", "Status"),
    ("programme", "Programme / action"),
    ("identifier", "Identifier"),
    ("website", "Website"),
    ("category of intervention", "Category of intervention"),
    ("location", "Location"),
]
structured_values: dict[str, dict[str, str]] = defaultdict(dict)  # field → {key: shown html}
dates: dict[str, dict[str, str]] = defaultdict(dict)  # source → start/end
flags = {"good practice": False, "success story": False}
for r in run_query(store(), "project_structured", project=project):
    name = STRUCTURED_FIELDS.get(r["field"].value)
    value = r["value"].value
    source = r["file"].value + (f"#{r['row'].value}" if "row" in r else "")
    if name in flags:
        flags[name] = flags[name] or value in ("true", "1")
    elif name in ("grant", "total cost"):
        currency = r["currency"].value if "currency" in r else ""
        # one entry per (amount, currency): amounts in different currencies are never added
        structured_values[name][f"{value} {currency}"] = esc(format_amount(value, currency))
    elif name in ("start", "end"):
        dates[source][name] = value
    elif name == "website":
        structured_values[name][value] = web_link(value)
    elif name:
        structured_values[name][value] = esc(value)
for span in dates.values():
    shown = " – ".join([span.get("start", "?"), span.get("end", "?")])
    structured_values["dates"][shown] = esc(shown)
if structured_values or any(flags.values()):
    st.subheader("Funding and status")
    badges = " ".join(
        f"<span class='badge {name.replace(' ', '-')}'>{name.capitalize()}</span>"
        for name, on in flags.items()
        if on
    )
    lines = [
        f"<b>{heading}:</b> {'; '.join(structured_values[name].values())}"
        for name, heading in FUNDING_ORDER
        if structured_values.get(name)
    ]
    st.markdown(
        (f"<div>{badges}</div>" if badges else "") + "<br>".join(lines),
        unsafe_allow_html=True,
    )

# ---------------------------------------------------------------- facts with evidence
facts: dict[str, dict[str, set[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(set))
for r in rows:
    prop = r["p"].value
    if prop in FACT_PROPS:
        evidence = facts[prop][r["o"].value]
        if "start" in r:
            evidence.add((int(r["start"].value), int(r["end"].value), r["extractor"].value))

all_spans: list[tuple[int, int]] = []
summary_cols = st.columns(4)
for col, prop in zip(summary_cols, list(FACT_PROPS)[:4], strict=True):
    heading, scheme = FACT_PROPS[prop]
    names = [
        label_of(scheme, split_concept_iri(v)[1]) if scheme else v for v in sorted(facts[prop])
    ]
    col.markdown(f"**{heading}**  \n" + (esc(", ".join(names)) if names else "—"))

st.subheader("Facts and their evidence")
if not any(facts.values()):
    st.caption("Nothing was extracted from this document.")
for prop, (heading, scheme) in FACT_PROPS.items():
    if not facts.get(prop):
        continue
    st.markdown(f"##### {heading}")
    for value, evidence in sorted(facts[prop].items()):
        name = label_of(scheme, split_concept_iri(value)[1]) if scheme else value
        quotes = sorted(evidence)
        all_spans.extend((s, e) for s, e, _ in quotes)
        first = (
            f"<div class='evidence'>{highlight(text, quotes[0][0], quotes[0][1])} "
            f"<small>({esc(quotes[0][2])}, characters {quotes[0][0]}–{quotes[0][1]})</small></div>"
            if quotes and text
            else "<small>(no evidence span)</small>"
        )
        st.markdown(
            f"<b>{esc(name)}</b> <small>· {len(quotes)} quote(s)</small>{first}",
            unsafe_allow_html=True,
        )
        if len(quotes) > 1:
            with st.expander(plain(f"{len(quotes) - 1} more quote(s) for {name}")):
                for start, end, extractor in quotes[1:20]:
                    st.markdown(
                        f"<div class='evidence'>{highlight(text, start, end)} "
                        f"<small>({esc(extractor)}, {start}–{end})</small></div>",
                        unsafe_allow_html=True,
                    )

# ---------------------------------------------------------------- organisations
st.subheader("Organisations")
orgs: dict[str, dict] = {}
part_of: dict[str, str] = {}
for r in run_query(store(), "project_organisations", project=project):
    role = role_name(r["role"].value)
    part_of[r["part"].value] = r["org"].value
    o = orgs.setdefault(
        r["org"].value,
        {
            "label": r["label"].value,
            "role": role,
            "type": split_concept_iri(r["type"].value)[1] if "type" in r else None,
            "ev": set(),
        },
    )
    if ROLE_STRENGTH.get(role, 99) < ROLE_STRENGTH.get(o["role"], 99):
        o["role"] = role
for r in run_query(store(), "participation_spans", project=project):
    org_of_part = part_of.get(r["part"].value)
    if org_of_part in orgs:
        orgs[org_of_part]["ev"].add((int(r["start"].value), int(r["end"].value)))
if not orgs:
    st.caption("No organisations were recognised in this document.")
for org_iri, o in sorted(
    orgs.items(), key=lambda x: (ROLE_STRENGTH.get(x[1]["role"], 99), x[1]["label"])
):
    kind = label_of("actor-type", o["type"]) if o["type"] else "type unknown"
    quote = ""
    spans = sorted(o["ev"])
    all_spans.extend(spans)
    if spans and text:
        quote = f"<div class='evidence'><small>{highlight(text, *spans[0])}</small></div>"
    st.markdown(
        f"<b>{anchor('organisation', org_iri, o['label'])}</b> — {esc(role_title(o['role']))}"
        f" · {esc(kind)}{quote}",
        unsafe_allow_html=True,
    )

# ---------------------------------------------------------------- similar projects
st.subheader("Similar projects")
try:
    similar = similar_projects(iri, limit=5)
except (ImportError, LookupError, ValueError) as exc:  # analytics not available
    similar = []
    st.caption(f"Precedents are not available: {exc}")
for item in similar:
    st.markdown(
        f"{anchor('project', item.project, item.title)} <small>· score {item.score:.2f}</small>"
        f"<br><small>{esc(item.explanation)}</small>",
        unsafe_allow_html=True,
    )
if not similar:
    st.caption("No similar projects in the store.")
st.markdown(
    f"<a href='{esc(link('gaps', project=iri))}' target='_self'>Which kinds of actors are "
    "missing here?</a> · "
    f"<a href='{esc(link('precedents', project=iri))}' target='_self'>More precedents</a>",
    unsafe_allow_html=True,
)

# ---------------------------------------------------------------- sources (provenance)
sources = run_query(store(), "project_sources", project=project)
if sources:
    st.subheader(f"Sources ({len(sources)})")
    if len(sources) > 1:
        st.caption("This project was merged from several sources; each fact keeps its own.")
    items = []
    for r in sources:
        bits = [
            f"row {r['row'].value}" if "row" in r else "",
            r["layout"].value if "layout" in r else "",
        ]
        detail = " · ".join(b for b in bits if b)
        items.append(
            f"<li class='source'>{esc(r['file'].value)}"
            + (f" <small>({esc(detail)})</small>" if detail else "")
            + "</li>"
        )
    st.markdown("<ul>" + "".join(items) + "</ul>", unsafe_allow_html=True)

# ---------------------------------------------------------------- source
st.subheader("Source")
if doc_rows:
    file_name = doc_rows[0]["file"].value
    source = Path(doc_rows[0]["path"].value)
    c1, c2 = st.columns(2)
    try:
        serve = (
            source.is_file()
            and source.suffix.lower() in SERVABLE
            and source.stat().st_size <= MAX_SERVE_BYTES
        )
    except OSError:
        serve = False
    if serve:
        c1.download_button(
            plain(f"Original file ({file_name})"),
            lambda: source.read_bytes(),
            file_name=file_name,
            key="original",
            on_click="ignore",
        )
    else:
        c1.caption(plain(f"The original file {file_name} is not on this machine."))
    c2.download_button(
        "Extracted text (.txt)",
        text.encode("utf-8"),
        file_name=Path(file_name).stem + ".txt",
        mime="text/plain",
        key="text",
        on_click="ignore",
    )
    with st.expander("Full text with every evidence span highlighted"):
        shown = text[:MAX_FULL_TEXT]
        st.markdown(
            f"<div class='fulltext'>{highlight_all(shown, all_spans)}</div>",
            unsafe_allow_html=True,
        )
        if len(text) > MAX_FULL_TEXT:
            st.caption(f"First {MAX_FULL_TEXT:,} of {len(text):,} characters.")
st.caption(plain(f"Link to this page: {link('project', iri)}"))
