"""PDF text layer (pypdf); pages are kept as offsets in metadata for evidence.

``metadata["page_offsets"][i]`` is where page ``i + 1`` starts in the stored text.
"""

from __future__ import annotations

from pathlib import Path

from ingest.documents import IngestError
from ingest.normalise import normalise_text
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
            # each page normalised on its own and joined by a blank line: normalising the
            # whole text again changes nothing, so these offsets hold in the stored text
            chunk = normalise_text(page.extract_text() or "")
            if parts and chunk:
                parts.append("\n\n")
                offset += 2
            pages.append(offset)
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
