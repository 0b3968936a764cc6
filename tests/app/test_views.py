"""The pages' pure helpers: escaping, highlighting, filtering, export tables, the drawing."""

from __future__ import annotations

import io
import re

import networkx as nx
from openpyxl import load_workbook

from app_pages.netviz import network_html
from app_pages.views import (
    Row,
    esc,
    export_table,
    facet_counts,
    filter_rows,
    highlight,
    highlight_all,
    plain,
    sort_rows,
)
from graph.export import table_to_csv, table_to_xlsx

HOSTILE = "<img src=x onerror=alert(1)>"


def test_escaping_leaves_no_markup_and_no_markdown() -> None:
    out = esc(HOSTILE + " [link](javascript:alert(1)) $x$ **b**\nnext")
    assert "<img" not in out and "](" not in out and "$" not in out and "**" not in out
    assert out.endswith("<br>next")
    assert "\\<img" in plain(HOSTILE) and "\\[" in plain("[a](b)")


def test_highlight_marks_the_span_and_escapes_context() -> None:
    text = f"before {HOSTILE} the prison service after"
    start = text.index("prison")
    out = highlight(text, start, start + len("prison service"), context=40)
    assert "<mark>prison service</mark>" in out
    assert "<img" not in out
    full = highlight_all(text, [(start, start + 6), (0, 6), (3, 9)])  # overlap dropped
    assert full.count("<mark>") == 2 and "<img" not in full


def rows() -> list[Row]:
    return [
        Row("p1", "Beta", "cs", "b.txt", 2.0, {"funder": ["esf"], "year": ["2020"]}),
        Row("p2", "alpha", "pl", "a.txt", 1.0, {"funder": ["erasmus-plus"], "year": ["2023"]}),
        Row("p3", "Gamma", "de", "c.txt", 3.0, {"funder": ["esf", "erasmus-plus"]}),
    ]


def test_filters_sorting_and_disjunctive_counts() -> None:
    all_rows = rows()
    filters = {"funder": ["esf"], "year": []}
    filtered = filter_rows(all_rows, filters)
    assert [r.project for r in filtered] == ["p1", "p3"]
    counts = facet_counts(all_rows, filtered, filters, ["funder", "year"])
    # the funder facet counts as if unselected: erasmus-plus stays visible with its number
    assert counts["funder"] == {"esf": 2, "erasmus-plus": 2}
    assert counts["year"] == {"2020": 1}
    assert [r.title for r in sort_rows(all_rows, "title")] == ["alpha", "Beta", "Gamma"]
    assert [r.project for r in sort_rows(all_rows, "newest")] == ["p2", "p1", "p3"]
    orgs = {"p3": [1, 2, 3], "p1": [1]}
    assert sort_rows(all_rows, "organisations", orgs)[0].project == "p3"


def test_export_lists_coordinator_and_partners_with_roles_and_is_formula_safe() -> None:
    participants = {
        "p1": [
            {
                "label": '=HYPERLINK("http://x")',
                "role": "coordinator",
                "type": "ngo",
                "country": "CZ",
            },
            {"label": "Věznice Brno", "role": "partner", "type": "prison-service", "country": "CZ"},
            {"label": "Ministry", "role": "mentioned", "type": "ministry", "country": None},
        ]
    }
    header, table = export_table(rows()[:1], participants)
    record = dict(zip(header, table[0], strict=True))
    assert record["coordinator"].startswith("=HYPERLINK")
    assert record["partners (role; type; country)"] == "Věznice Brno (partner; prison-service; CZ)"
    assert "Ministry (mentioned; ministry)" in record["other organisations (role; type; country)"]
    csv_text = table_to_csv(header, table).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    sheet = load_workbook(io.BytesIO(table_to_xlsx(header, table))).active
    values = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("http://x")' in values
    assert "Věznice Brno (partner; prison-service; CZ)" in values


def test_network_drawing_is_offline_and_escaped() -> None:
    g = nx.Graph()
    g.add_node(
        "https://w3id.org/praxisgraph/id/org/a",
        label=HOSTILE,
        actor_type="ngo",
        country="CZ",
        projects=2,
    )
    g.add_node(
        "https://w3id.org/praxisgraph/id/org/b",
        label="</script><script>alert(2)",
        actor_type=None,
        country=None,
        projects=1,
    )
    g.add_edge(*list(g.nodes), weight=2)
    for physics in (True, False):
        page = network_html(g, physics=physics, focus="https://w3id.org/praxisgraph/id/org/a")
        assert "<img src=x" not in page
        assert "</script><script>alert(2)" not in page
        assert "new vis.Network" in page
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", page), "nothing fetched"
        assert "\\u003cimg src=x" in page, "the name is data, shown as text"
