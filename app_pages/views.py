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
from dataclasses import dataclass, field, replace
from typing import Any

from graph.search import Hit

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


#: A search hit with its facets, year included: what the search page filters and sorts.
Row = Hit


def rows_of(hits: Iterable[Hit], years: Mapping[str, Sequence[str]]) -> list[Row]:
    return [
        replace(hit, facets={**hit.facets, "year": list(years.get(hit.project, ()))})
        for hit in hits
    ]


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


# ---------------------------------------------------------------------------- structured data
#: schema.org / pg terms of project_money_dates.rq and project_structured.rq by short name
STRUCTURED_FIELDS = {
    "http://purl.org/dc/terms/identifier": "identifier",
    "https://w3id.org/praxisgraph/ns#programme": "programme",
    "https://w3id.org/praxisgraph/ns#status": "status",
    "https://w3id.org/praxisgraph/ns#callYear": "call year",
    "https://schema.org/startDate": "start",
    "https://schema.org/endDate": "end",
    "https://w3id.org/praxisgraph/ns#goodPractice": "good practice",
    "https://w3id.org/praxisgraph/ns#successStory": "success story",
    "https://schema.org/url": "website",
    "https://w3id.org/praxisgraph/ns#interventionCategory": "category of intervention",
    "https://schema.org/location": "location",
    "https://w3id.org/praxisgraph/ns#grantAmount": "grant",
    "https://w3id.org/praxisgraph/ns#totalCost": "total cost",
}


def format_amount(value: Any, currency: str) -> str:
    """An amount in groups of three digits with its currency (never converted or added up).

    >>> format_amount("60000", "EUR")
    '60 000 EUR'
    >>> format_amount("4567890.5", "CZK")
    '4 567 890.50 CZK'
    """
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return f"{value} {currency}".strip()
    if number == number.to_integral_value():
        text = f"{int(number):,}"
    else:
        text = f"{number:,.2f}"
    return f"{text.replace(',', ' ')} {currency}".strip()


def safe_web_url(url: Any) -> str | None:
    """The URL if it is an http(s) link with a host (never javascript:, data: …), else None.

    >>> safe_web_url("https://example.eu/x"), safe_web_url("javascript:alert(1)")
    ('https://example.eu/x', None)
    """
    from urllib.parse import urlsplit

    text = str(url).strip()
    if any(c in text for c in "\n\r\t\x00 "):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def web_link(url: Any, text: Any = None) -> str:
    """An escaped external link for an http(s) URL; anything else as escaped plain text."""
    safe = safe_web_url(url)
    shown = esc(text if text is not None else url)
    if safe is None:
        return shown
    return f"<a href='{esc(safe)}' target='_blank' rel='noopener noreferrer nofollow'>{shown}</a>"


@dataclass
class Structured:
    """Filterable structured values of one project (from every source it was merged from)."""

    good_practice: bool = False
    success_story: bool = False
    grants: dict[str, list[float]] = field(default_factory=dict)  # currency → amounts
    years: set[int] = field(default_factory=set)  # call year and years of start/end dates


def structured_of(rows: Iterable[Mapping[str, Any]]) -> dict[str, Structured]:
    """project IRI → Structured, from project_money_dates.rq rows (pyoxigraph terms)."""
    out: dict[str, Structured] = {}
    for r in rows:
        name = STRUCTURED_FIELDS.get(r["field"].value)
        info = out.setdefault(r["project"].value, Structured())
        value = r["value"].value
        if name == "good practice":
            info.good_practice = info.good_practice or value in ("true", "1")
        elif name == "success story":
            info.success_story = info.success_story or value in ("true", "1")
        elif name == "grant" and "currency" in r:
            try:
                info.grants.setdefault(r["currency"].value, []).append(float(value))
            except ValueError:
                pass
        elif name in ("call year", "start", "end") and value[:4].isdigit():
            info.years.add(int(value[:4]))
    return out


@dataclass(frozen=True)
class StructuredFilter:
    """Search filters on structured values (all optional; hashable for the cache key)."""

    good_practice: bool = False
    currency: str = ""
    grant_min: float | None = None
    grant_max: float | None = None
    year_from: int | None = None
    year_to: int | None = None

    def active(self) -> bool:
        return bool(
            self.good_practice
            or (self.currency and (self.grant_min is not None or self.grant_max is not None))
            or self.year_from is not None
            or self.year_to is not None
        )


def structured_matches(row: Row, info: Structured | None, flt: StructuredFilter) -> bool:
    """Does a search row pass the structured filters? Years come from the row's year facet
    (dates found in documents) and the structured call year and dates; a grant range applies
    to grants in the chosen currency only (amounts in other currencies never count)."""
    if flt.good_practice and not (info and info.good_practice):
        return False
    if flt.currency and (flt.grant_min is not None or flt.grant_max is not None):
        amounts = info.grants.get(flt.currency, []) if info else []
        if not any(
            (flt.grant_min is None or a >= flt.grant_min)
            and (flt.grant_max is None or a <= flt.grant_max)
            for a in amounts
        ):
            return False
    if flt.year_from is not None or flt.year_to is not None:
        years = {int(y) for y in row.facets.get("year", ()) if str(y).isdigit()}
        years |= info.years if info else set()
        if not any(
            (flt.year_from is None or y >= flt.year_from)
            and (flt.year_to is None or y <= flt.year_to)
            for y in years
        ):
            return False
    return True
