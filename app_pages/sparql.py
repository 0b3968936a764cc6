"""SPARQL console: read-only (SELECT, ASK, CONSTRUCT, DESCRIBE), with time and row limits,
example queries, results as a table, CSV/JSON download.

Shareable: ``/sparql?query=…``.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from app_pages.common import init_state, plain, set_params, store
from graph.export import table_to_csv
from graph.sparql import QueryTimeoutError, ReadOnlyQueryError, run_read_only

PREFIXES = """PREFIX pg: <https://w3id.org/praxisgraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
EXAMPLES = {
    "Projects per funder": PREFIXES
    + """SELECT ?funder (COUNT(DISTINCT ?project) AS ?projects) WHERE {
  GRAPH ?g { ?project a pg:Project ; pg:funder ?f . }
  GRAPH ?o { ?f skos:prefLabel ?funder . FILTER(LANG(?funder) = "en") }
}
GROUP BY ?funder ORDER BY DESC(?projects)""",
    "Organisations by kind of actor": PREFIXES
    + """SELECT ?type (COUNT(DISTINCT ?org) AS ?organisations) WHERE {
  GRAPH ?g { ?org a pg:Organisation ; pg:actorType ?t . }
  GRAPH ?o { ?t skos:prefLabel ?type . FILTER(LANG(?type) = "en") }
}
GROUP BY ?type ORDER BY DESC(?organisations)""",
    "Coordinators and their projects": PREFIXES
    + """SELECT ?organisation ?project WHERE {
  GRAPH ?g {
    ?p a pg:Project ; dcterms:title ?project .
    ?part pg:project ?p ; pg:role pg:coordinator ; pg:organisation/skos:prefLabel ?organisation .
  }
}
ORDER BY ?organisation LIMIT 100""",
    "Evidence for funders (quote and offsets)": PREFIXES
    + """SELECT ?title ?funder ?quote ?start ?end WHERE {
  GRAPH ?g {
    ?p dcterms:title ?title ; pg:evidence ?ev .
    ?ev pg:property pg:funder ; pg:value ?funder ; pg:quote ?quote ;
        pg:start ?start ; pg:end ?end .
  }
}
LIMIT 50""",
    "Is any prison service in the graph? (ASK)": PREFIXES
    + """ASK {
  GRAPH ?g {
    ?org pg:actorType <https://w3id.org/praxisgraph/vocab/actor-type/prison-service> .
  }
}""",
    "One project as a graph (CONSTRUCT)": PREFIXES
    + """CONSTRUCT { ?p ?pred ?o } WHERE {
  { SELECT ?p WHERE { GRAPH ?g { ?p a pg:Project } } LIMIT 1 }
  GRAPH ?g2 { ?p ?pred ?o . FILTER(?pred != <https://w3id.org/praxisgraph/ns#lemmaText>) }
}""",
}

st.title("SPARQL console")
st.caption(
    "Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE. Data sits in one named graph per "
    "document (use GRAPH ?g { … }); the ontology and vocabularies in their own graph."
)
init_state("sparql-query", st.query_params.get("query") or next(iter(EXAMPLES.values())))


def use_example() -> None:
    choice = st.session_state.get("sparql-example")
    if choice in EXAMPLES:
        st.session_state["sparql-query"] = EXAMPLES[choice]


st.selectbox(
    "Examples",
    list(EXAMPLES),
    index=None,
    placeholder="load an example query",
    key="sparql-example",
    on_change=use_example,
)
query = st.text_area("Query", key="sparql-query", height=260)
c1, c2, c3 = st.columns([1, 1, 2])
max_rows = c1.number_input("Row limit", 1, 100_000, 1000, step=100, key="sparql-limit")
timeout = c2.number_input("Time limit (s)", 1, 120, 10, key="sparql-timeout")
run = c3.button("Run query", type="primary", key="sparql-run")
if run or st.session_state.get("sparql-ran") == query:
    set_params(query=query if len(query) <= 2000 else None)
    try:
        result = run_read_only(store(), query, max_rows=int(max_rows), timeout=float(timeout))
    except QueryTimeoutError as exc:
        st.error(plain(f"{exc}. Add a LIMIT or narrow the pattern."))
        st.stop()
    except ReadOnlyQueryError as exc:
        st.error(plain(str(exc)))
        st.stop()
    st.session_state["sparql-ran"] = query
    if "boolean" in result:
        st.metric("Answer", "yes" if result["boolean"] else "no")
        st.stop()
    rows = result["rows"]
    if rows and isinstance(rows[0], list):
        header = ["subject", "predicate", "object"]
        table = rows
    else:
        header = list(dict.fromkeys(k for r in rows for k in r))
        table = [[r.get(h, "") for h in header] for r in rows]
    st.caption(
        f"{len(rows)} row(s)"
        + (f" — cut at the row limit of {int(max_rows)}" if result.get("truncated") else "")
    )
    if rows:
        st.dataframe(pd.DataFrame(table, columns=header), hide_index=True, width="stretch")
        d1, d2 = st.columns(2)
        d1.download_button(
            "Download CSV",
            table_to_csv(header, table),
            file_name="praxisgraph-query.csv",
            mime="text/csv",
            key="sparql-csv",
            on_click="ignore",
        )
        d2.download_button(
            "Download JSON",
            json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"),
            file_name="praxisgraph-query.json",
            mime="application/json",
            key="sparql-json",
            on_click="ignore",
        )
