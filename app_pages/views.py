"""Pure helpers the pages share: result filtering and sorting, export tables, highlighting.

No Streamlit calls here, so tests use these functions directly.

>>> highlight("The prison in Brno runs a course.", 4, 10, context=4)
'…The <mark>prison</mark> in …'
>>> matches({"funder": ["esf"]}, {"funder": ["esf", "erasmus-plus"]})
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = {
    "cs": "Czech",
    "pl": "Polish",
    "de": "German",
    "en": "English",
    "sk": "Slovak",
    "sl": "Slovenian",
    "und": "undetermined",
}
SORTS = {
    "relevance": "Relevance",
    "title": "Title A–Z",
    "newest": "Newest first",
    "oldest": "Oldest first",
    "organisations": "Most organisations",
}
EXPORT_HEADER = [
    "title",
    "iri",
    "language",
    "years",
    "funders",
    "countries",
    "target groups",
    "activities",
    "coordinator",
    "coordinator type",
    "coordinator country",
    "partners (role; type; country)",
    "other organisations (role; type; country)",
    "source file",
]


#: HTML specials, and characters markdown (or Streamlit's LaTeX) would read as syntax, as
#: entities in one pass — an entity is always plain text in CommonMark
_ENTITIES = {
    **{ord(c): f"&#{ord(c)};" for c in "\\`*_[]{}()#+!|~$:'"},
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("\n"): "<br>",
}
_MARKDOWN_SPECIAL = "\\`*_[]{}()#+-.!|~$<>&:"


def esc(text: Any) -> str:
    """Text from a document, safe inside ``st.markdown(..., unsafe_allow_html=True)``:
    HTML-escaped, markdown syntax neutralised, line breaks as ``<br>``.

    >>> esc("<img src=x onerror=alert(1)> **$x$** O'Neil & Co")
    '&lt;img src=x onerror=alert&#40;1&#41;&gt; &#42;&#42;&#36;x&#36;&#42;&#42; O&#39;Neil &amp; Co'
    """
    return str(text).translate(_ENTITIES)


def plain(text: Any) -> str:
    """Text for Streamlit's markdown-rendering calls (title, caption, info …): every markdown
    character backslash-escaped, so a document's text shows as it is.

    >>> plain("[x](javascript:y) *a*")
    '\\\\[x\\\\]\\\\(javascript\\\\:y\\\\) \\\\*a\\\\*'
    """
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text)).replace("\n", " ")


def highlight(text: str, start: int, end: int, context: int = 90) -> str:
    """Escaped context around ``text[start:end]`` with the span in ``<mark>``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = text[max(0, start - context) : start]
    span, right = text[start:end], text[end : end + context]
    flat = [part.replace("\n", " ") for part in (left, span, right)]
    return f"…{esc(flat[0])}<mark>{esc(flat[1])}</mark>{esc(flat[2])}…"


def highlight_all(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The whole text, escaped, with every (non-overlapping) span in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(set(spans)):
        if start < pos or end <= start or end > len(text):
            continue
        out.append(esc(text[pos:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n", "<br>")


@dataclass
class Row:
    """A search hit with its facets (year included) — what the search page filters and sorts."""

    project: str
    title: str
    lang: str
    file: str
    score: float
    facets: dict[str, list[str]] = field(default_factory=dict)


def rows_of(hits: Iterable[Any], years: Mapping[str, Sequence[str]]) -> list[Row]:
    out = []
    for hit in hits:
        facets = dict(hit.facets)
        facets["year"] = list(years.get(hit.project, ()))
        out.append(Row(hit.project, hit.title, hit.lang, hit.file, hit.score, facets))
    return out


def matches(
    filters: Mapping[str, Sequence[str]], facets: Mapping[str, Sequence[str]], skip: str = ""
) -> bool:
    """All facet filters hold (values within one facet are alternatives)."""
    return all(
        not wanted or not set(wanted).isdisjoint(facets.get(facet, ()))
        for facet, wanted in filters.items()
        if facet != skip
    )


def filter_rows(rows: Sequence[Row], filters: Mapping[str, Sequence[str]]) -> list[Row]:
    if not any(filters.values()):
        return list(rows)
    return [r for r in rows if matches(filters, r.facets)]


def facet_counts(
    rows: Sequence[Row],
    filtered: Sequence[Row],
    filters: Mapping[str, Sequence[str]],
    facets: Iterable[str],
) -> dict[str, Counter[str]]:
    """Counts per facet value; a facet with a selection counts as if it were unselected
    (so its other values stay visible with the number they would add)."""
    out: dict[str, Counter[str]] = {}
    for facet in facets:
        base = (
            [r for r in rows if matches(filters, r.facets, skip=facet)]
            if filters.get(facet)
            else filtered
        )
        counts: Counter[str] = Counter()
        for r in base:
            counts.update(r.facets.get(facet, ()))
        out[facet] = counts
    return out


def sort_rows(
    rows: Sequence[Row], how: str, organisations: Mapping[str, Sequence[Any]] | None = None
) -> list[Row]:
    if how == "title":
        return sorted(rows, key=lambda r: (r.title.casefold(), r.project))
    if how in ("newest", "oldest"):
        dated = [r for r in rows if r.facets.get("year")]
        undated = [r for r in rows if not r.facets.get("year")]
        if how == "newest":
            dated.sort(key=lambda r: (-int(max(r.facets["year"])), r.title.casefold()))
        else:
            dated.sort(key=lambda r: (int(min(r.facets["year"])), r.title.casefold()))
        return dated + undated
    if how == "organisations":
        orgs = organisations or {}
        return sorted(rows, key=lambda r: (-len(orgs.get(r.project, ())), r.title.casefold()))
    return list(rows)  # relevance: the search order


def org_cell(org: Mapping[str, Any], with_role: bool = True) -> str:
    bits = [org.get("role") if with_role else None, org.get("type"), org.get("country")]
    detail = "; ".join(str(b) for b in bits if b)
    return f"{org['label']} ({detail})" if detail else str(org["label"])


def export_table(
    rows: Sequence[Row],
    participants: Mapping[str, Sequence[Mapping[str, Any]]],
    label: Any = None,
) -> tuple[list[str], list[list[str]]]:
    """The result list as a table: coordinator and partners with their roles (like the
    Erasmus+ Project Results Platform export). ``label(facet, notation)`` names concepts."""
    name = label or (lambda facet, value: value)
    table = []
    for r in rows:
        orgs = list(participants.get(r.project, ()))
        coordinators = [o for o in orgs if o["role"] == "coordinator"]
        coordinator = coordinators[0] if coordinators else None
        partners = [o for o in orgs if o["role"] in ("partner", "donor-partner", "associated")]
        others = [
            o
            for o in orgs
            if o is not coordinator and o["role"] not in ("partner", "donor-partner", "associated")
        ]

        def names(facet: str, r: Row = r) -> str:
            return "; ".join(name(facet, v) for v in r.facets.get(facet, ()))

        table.append(
            [
                r.title,
                r.project,
                r.lang,
                "; ".join(r.facets.get("year", ())),
                names("funder"),
                "; ".join(r.facets.get("country", ())),
                names("target-group"),
                names("activity-type"),
                coordinator["label"] if coordinator else "",
                (coordinator.get("type") or "") if coordinator else "",
                (coordinator.get("country") or "") if coordinator else "",
                " | ".join(org_cell(o) for o in partners),
                " | ".join(org_cell(o) for o in others),
                r.file,
            ]
        )
    return EXPORT_HEADER, table
