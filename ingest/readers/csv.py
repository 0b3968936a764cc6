"""CSV tables of projects (funder exports, lists of operations), ``;``, ``,``, tab or ``|``.

The delimiter is whichever one makes the header row fit a known layout
(:mod:`ingest.readers.tabular`); encodings as for text files (BOM, UTF-8, cp1250 …).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, doc_id_for, register
from ingest.readers.tabular import find_layout, records_summary, table_records
from ingest.readers.text import decode_bytes, looks_binary

DELIMITERS = (";", ",", "\t", "|")
MAX_FIELD = 1_000_000


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_FIELD))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    finally:
        csv.field_size_limit(limit)


def sniff_rows(text: str) -> list[list[str]]:
    """Rows under the delimiter whose header row fits a layout best."""
    best: tuple[int, list[list[str]]] | None = None
    failure: IngestError | None = None
    widest: tuple[int, IngestError] | None = None
    for delimiter in DELIMITERS:
        try:
            rows = csv_rows(text, delimiter)
        except csv.Error as exc:
            failure = IngestError(f"broken CSV: {exc}")
            continue
        try:
            cmap, _ = find_layout(rows)
        except IngestError as exc:
            width = max((len(r) for r in rows[:25]), default=0)
            if widest is None or width > widest[0]:
                widest = (width, exc)
            continue
        score = len(cmap.fields) + len(cmap.partners)
        if best is None or score > best[0]:
            best = (score, rows)
    if best is not None:
        return best[1]
    if widest is not None:
        raise widest[1]
    raise failure or IngestError("no rows in CSV")


@register(".csv", ".tsv")
def read_csv(path: Path) -> RawText:
    text = decode_bytes(path.read_bytes())
    if looks_binary(text):
        raise IngestError("binary content (not CSV)")
    rows = sniff_rows(text)
    records = table_records(rows, doc_id_for(path))
    if not records:
        raise IngestError("table has a known header but no project rows")
    return RawText(
        records_summary(path.name, records),
        metadata={"records": records, "layout": records[0].layout},
    )
