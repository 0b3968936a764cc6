"""HTML pages: main content only (navigation, cookie banners, scripts and footers removed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ingest.documents import IngestError
from ingest.readers import RawText, register
from ingest.readers.text import decode_bytes, looks_binary

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta>`` or its XML declaration (first 4 kB).

    >>> declared_charset(b'<html><head><meta charset="windows-1250">')
    'windows-1250'
    """
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None


@register(".html", ".htm", ".xhtml")
def read_html(path: Path) -> RawText:
    data = path.read_bytes()
    markup = decode_bytes(data, declared=declared_charset(data))
    if "\x00" in markup:
        raise IngestError("binary content (not HTML)")
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
        # trafilatura finds no article on very small or very deeply nested pages
        text = visible_text(markup)
    if looks_binary(text or ""):
        raise IngestError("binary content (not HTML)")
    return RawText(text or "", title=title)


_HIDDEN = {"script", "style", "noscript", "template", "title", "svg", "math", "iframe"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}


class _TextCollector(HTMLParser):
    """Visible text with the standard-library tokenizer: no tree, so no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    """Text a reader would see: scripts, styles and other hidden parts dropped.

    >>> visible_text("<p>a<script>alert(1)</script></p><style>x{}</style><div>b</div>").split()
    ['a', 'b']
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts)
