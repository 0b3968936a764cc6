"""PDF text layer (pypdf); pages are kept as offsets in metadata for evidence."""

from __future__ import annotations

from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register


@register(".pdf")
def read_pdf(path: Path) -> RawText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError("encrypted PDF (password required)")
            except Exception as exc:
                raise IngestError("encrypted PDF (password required)") from exc
        parts: list[str] = []
        pages: list[int] = []
        offset = 0
        for page in reader.pages:
            pages.append(offset)
            chunk = (page.extract_text() or "") + "\n\n"
            parts.append(chunk)
            offset += len(chunk)
    except PdfReadError as exc:
        raise IngestError(f"broken PDF: {exc}") from exc
    text = "".join(parts)
    if not text.strip():
        raise IngestError("PDF has no text layer (scanned image?)")
    title = None
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        title = None
    return RawText(text, title=title, metadata={"page_offsets": pages})
