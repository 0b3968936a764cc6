"""EEA and Norway Grants project pages saved as HTML → one structured project record.

A page is recognised by its facts (``Project promoter`` and ``Project number`` labels in
``<dt>/<dd>``, ``<th>/<td>``, label/value ``<div>`` pairs or ``<strong>Label:</strong>
value``); its labels are mapped like a table row with the ``eea-grants`` mapping
(promoter → coordinator, other project partners → partner, donor project partners →
donor-partner) and the description goes through text extraction. Any other HTML page is
read by the ordinary HTML reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.documents import IngestError
from ingest.normalise import fold, normalise_text
from ingest.readers import RawText, doc_id_for, register
from ingest.readers.html import declared_charset, read_html
from ingest.readers.tabular import (
    build_record,
    country_code,
    layouts,
    match_columns,
    records_summary,
)
from ingest.readers.text import decode_bytes

LAYOUT = "eea-grants"
MAX_LABEL = 40
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "header", "form"}


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return normalise_text(" ".join(element.itertext()))


def _value(element) -> str:  # type: ignore[no-untyped-def]
    """A value element's text; list items become ``;``-separated entries."""
    items = [normalise_text(" ".join(li.itertext())) for li in element.iter("li")]
    items = [i for i in items if i]
    if items:
        return "; ".join(items)
    lines = [normalise_text(line) for line in "\n".join(element.itertext()).split("\n")]
    return "; ".join(line for line in lines if line)


def page_facts(markup: str) -> tuple[list[tuple[str, str]], str]:
    """``(label, value)`` pairs of a page and its description text."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(markup)
    for bad in list(root.iter(*_SKIP)):
        if bad.getparent() is not None:
            bad.drop_tree()
    layout = next(lay for lay in layouts() if lay.name == LAYOUT)
    description_labels = {fold(a) for a in layout.columns.get("summary", ())}
    known = {fold(a) for aliases in layout.columns.values() for a in aliases}
    pairs: list[tuple[str, str]] = []
    description = ""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        own = _text(element)
        if not own or len(own) > MAX_LABEL:
            continue
        label = own.rstrip(":").strip()
        key = fold(label)
        if key not in known or any(len(_text(c)) > MAX_LABEL for c in element):
            continue
        if key in description_labels and not description:
            if element.tag in _HEADINGS:
                parts = []
                for sibling in element.itersiblings():
                    if isinstance(sibling.tag, str) and sibling.tag in _HEADINGS:
                        break
                    parts.append(_text(sibling))
                description = "\n\n".join(p for p in parts if p)
            elif element.getnext() is not None:
                description = "\n\n".join(
                    _text(p) for p in element.getnext().iter("p") if _text(p)
                ) or _text(element.getnext())
            continue
        nxt = element.getnext()
        if element.tail and element.tail.strip(" :\n"):
            value = normalise_text(element.tail.strip(" :\n"))
        elif nxt is not None and element.tag not in _HEADINGS:
            value = _value(nxt)
        else:
            continue
        if value and all(fold(p) != key for p, _ in pairs):
            pairs.append((label, value))
    return pairs, description


def is_project_page(pairs: list[tuple[str, str]]) -> bool:
    layout = next(lay for lay in layouts() if lay.name == LAYOUT)
    cmap = match_columns([label for label, _ in pairs], layout)
    return all(f in cmap.fields for f in layout.required)


@register(".html", ".htm", ".xhtml")
def read_eea_or_html(path: Path) -> RawText:
    data = path.read_bytes()
    head = data[:200_000].decode("utf-8", errors="ignore").casefold()
    if "project promoter" not in head or "project number" not in head:
        return read_html(path)
    markup = decode_bytes(data, declared=declared_charset(data))
    if "\x00" in markup:
        raise IngestError("binary content (not HTML)")
    pairs, description = page_facts(markup)
    if not is_project_page(pairs):
        return read_html(path)
    layout = next(lay for lay in layouts() if lay.name == LAYOUT)
    cmap = match_columns([label for label, _ in pairs], layout)
    values: dict[str, object] = {}
    headers: dict[str, str] = {}
    for fld, col in cmap.fields.items():
        headers[fld], values[fld] = pairs[col]
    if description:
        values["summary"] = description
        headers["summary"] = "Description"
    if "title" not in values:
        from lxml import html as lxml_html

        h1 = lxml_html.fromstring(markup).find(".//h1")
        title = _text(h1) if h1 is not None else ""
        if title:
            values["title"], headers["title"] = title, "Project title"
    record = build_record(values, headers, [], layout, 0, doc_id_for(path))
    if record is None:
        raise IngestError("EEA/Norway Grants page without project title or number")
    number = str(values.get("identifier", ""))
    prefix = country_code(number[:2]) if re.match(r"^[A-Z]{2}-", number) else None
    for org in record.organisations:
        if org.role == "coordinator" and org.country is None:
            org.country = prefix
    return RawText(
        records_summary(path.name, [record]),
        title=record.title,
        metadata={"records": [record], "layout": LAYOUT},
    )
