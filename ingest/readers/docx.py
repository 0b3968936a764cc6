"""DOCX: paragraphs and table cells in document order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register


@register(".docx")
def read_docx(path: Path) -> RawText:
    if not zipfile.is_zipfile(path):
        raise IngestError("corrupt DOCX (not a zip archive)")
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(f"corrupt DOCX: {exc}") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(
                "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            )
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append(
                                " ".join(
                                    n.text or "" for n in cell.iter() if n.tag.endswith("}t")
                                ).strip()
                            )
                    lines.append(" | ".join(cells))
    title = document.core_properties.title or None
    return RawText("\n".join(lines), title=title)
