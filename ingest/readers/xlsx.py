"""XLSX workbooks of projects: the first sheet whose header row fits a known layout.

Cells are read as stored, never evaluated: a formula cell yields its formula text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, doc_id_for, register
from ingest.readers.tabular import find_layout, records_summary, table_records

MAX_ROWS = 200_000


@register(".xlsx", ".xlsm")
def read_xlsx(path: Path) -> RawText:
    if not zipfile.is_zipfile(path):
        raise IngestError("corrupt XLSX (not a zip archive)")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        raise IngestError(f"corrupt XLSX: {type(exc).__name__}: {exc}") from exc
    first_error: IngestError | None = None
    try:
        for sheet in book.worksheets:
            rows: list[tuple[object, ...]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(row)
                if len(rows) > MAX_ROWS:
                    raise IngestError(f"sheet {sheet.title!r} has more than {MAX_ROWS} rows")
            try:
                find_layout(rows)
            except IngestError as exc:
                first_error = first_error or IngestError(f"sheet {sheet.title!r}: {exc.reason}")
                continue
            records = table_records(rows, doc_id_for(path))
            if not records:
                raise IngestError(f"sheet {sheet.title!r} has a known header but no project rows")
            return RawText(
                records_summary(path.name, records),
                metadata={"records": records, "layout": records[0].layout},
            )
    finally:
        book.close()
    raise first_error or IngestError("workbook has no sheets")
