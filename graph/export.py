"""Exports by format name: whole-store RDF dumps, and tables (CSV/XLSX) safe to open."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import IO, Any

from pyoxigraph import RdfFormat

from graph.store import GraphStore

RDF_FORMATS = {
    "ttl": RdfFormat.TRIG,
    "trig": RdfFormat.TRIG,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def dump_rdf(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    """The whole dataset (every named graph). ``ttl`` writes TriG, Turtle's dataset form."""
    try:
        rdf_format = RDF_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; choose from {sorted(RDF_FORMATS)}") from None
    store.dump(out, rdf_format)


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ gets a leading quote.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    "'=HYPERLINK(\\"http://x\\")"
    >>> safe_cell(-3)
    -3
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_to_csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def table_to_xlsx(
    header: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "export"
) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([safe_cell(h) for h in header])
    for row in rows:
        ws.append([safe_cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


TABLE_WRITERS: dict[str, Callable[..., bytes]] = {"csv": table_to_csv, "xlsx": table_to_xlsx}
