"""HTML pages: main content only (navigation, cookie banners, scripts and footers removed)."""

from __future__ import annotations

from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register
from ingest.readers.text import decode_bytes


@register(".html", ".htm", ".xhtml")
def read_html(path: Path) -> RawText:
    markup = decode_bytes(path.read_bytes())
    if "<" not in markup:
        raise IngestError("not HTML")
    import trafilatura

    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        output_format="txt",
    )
    meta = trafilatura.extract_metadata(markup)
    title = meta.title if meta is not None else None
    if not text:
        # trafilatura finds no article on very small pages: fall back to all visible text
        from lxml import html as lxml_html
        from lxml_html_clean import Cleaner

        tree = Cleaner(scripts=True, javascript=True, style=True, forms=True).clean_html(
            lxml_html.fromstring(markup)
        )
        text = tree.text_content()
    return RawText(text or "", title=title)
