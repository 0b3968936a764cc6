"""Tables of projects (funder exports, lists of operations): one row = one project.

A layout is configuration, not code: ``ingest/data/mappings/<layout>.toml`` names the
headers each field may have (in the source's language), the required fields that
identify the layout, the language, country, currency, number and date formats, how fund
names map to funder notations and how organisation types map to actor types. The header
row (within the first rows of the sheet) picks the layout; a table no mapping fits is
refused with one line naming the headers found.

Each row becomes a :class:`~ingest.documents.ProjectRecord` whose stored text is
``Header: value`` lines followed by the summary; every structured fact carries the offsets
of its cell value in that text, and the summary goes through the normal text extraction.
Cell values are only ever stored as text: a formula-looking cell (``=cmd|' /C calc'!A0``)
stays a plain string and is never evaluated.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

from ingest.documents import (
    ConceptMention,
    FieldFact,
    IngestError,
    OrganisationMention,
    ProjectRecord,
    Span,
)
from ingest.identifiers import identifier_key
from ingest.normalise import fold, normalise_text
from ontology.namespaces import DCTERMS, ID, PG, RDF, SCHEMA, XSD

#: rows searched for the header row (title rows above it are common in lists of operations)
HEADER_SEARCH_ROWS = 25
MAX_CELL = 20_000
FIELDS = (
    "identifier",
    "title",
    "programme",
    "key_action",
    "action_type",
    "call_year",
    "status",
    "start_date",
    "end_date",
    "grant_amount",
    "total_cost",
    "fund",
    "intervention_category",
    "location",
    "good_practice",
    "success_story",
    "website",
    "participating_countries",
    "coordinator_name",
    "coordinator_type",
    "coordinator_country",
    "coordinator_website",
    "partners",
    "donor_partners",
    "summary",
)
PARTNER_FIELDS = ("name", "type", "country", "website")
TRUE_WORDS = {"yes", "true", "1", "y", "x", "ano", "tak", "ja", "da", "wahr", "áno"}
FALSE_WORDS = {"no", "false", "0", "n", "ne", "nie", "nein", "", "-"}
# hosts that many organisations share: a website there is not an identity key
SHARED_HOSTS = {
    "facebook.com",
    "instagram.com",
    "linkedin.com",
    "twitter.com",
    "x.com",
    "youtube.com",
    "sites.google.com",
    "google.com",
    "wordpress.com",
    "blogspot.com",
    "wix.com",
    "wixsite.com",
    "gmail.com",
    "europa.eu",
    "ec.europa.eu",
    "eeagrants.org",
}


@dataclass(frozen=True)
class Layout:
    """A column mapping read from ``ingest/data/mappings/<name>.toml``."""

    name: str
    description: str
    required: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    partner_columns: dict[str, tuple[str, ...]]  # subfield -> header patterns with {n}
    language: str | None = None
    country: str | None = None
    currency: str = "EUR"
    funder: str | None = None  # funder notation when the table has no fund column
    funds: dict[str, str] = field(default_factory=dict)  # folded fund name -> notation
    actor_types: tuple[tuple[str, str], ...] = ()  # (folded keyword, actor type)
    decimal_comma: bool = False
    date_formats: tuple[str, ...] = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
    list_separators: str = ";\n"
    id_namespace: str | None = None
    coordinator_role: str = "coordinator"


def _tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"expected a string or a list of strings, got {value!r}")


def parse_layout(name: str, data: dict[str, Any]) -> Layout:
    """A :class:`Layout` from a mapping file's parsed TOML (raises ValueError when wrong)."""
    columns = {k: _tuple(v) for k, v in data.get("columns", {}).items()}
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise ValueError(f"mapping {name}: unknown fields {sorted(unknown)}")
    partner = {k: _tuple(v) for k, v in data.get("partner_columns", {}).items()}
    if set(partner) - set(PARTNER_FIELDS):
        raise ValueError(f"mapping {name}: partner_columns must be among {PARTNER_FIELDS}")
    required = _tuple(data.get("required", ["title"]))
    if not set(required) <= set(columns):
        raise ValueError(f"mapping {name}: required fields need columns")
    numbers = data.get("numbers", {})
    return Layout(
        name=data.get("layout", name),
        description=data.get("description", name),
        required=required,
        columns=columns,
        partner_columns=partner,
        language=data.get("language"),
        country=data.get("country"),
        currency=data.get("currency", "EUR"),
        funder=data.get("funder"),
        funds={fold(k): v for k, v in data.get("funds", {}).items()},
        actor_types=tuple((fold(k), v) for k, v in data.get("actor_types", {}).items()),
        decimal_comma=numbers.get("decimal", ".") == ",",
        date_formats=_tuple(numbers.get("date_formats", ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"])),
        list_separators=data.get("list_separators", ";\n"),
        id_namespace=data.get("id_namespace"),
        coordinator_role=data.get("coordinator_role", "coordinator"),
    )


@cache
def layouts() -> tuple[Layout, ...]:
    """Every shipped mapping (``ingest/data/mappings/*.toml``), sorted by name."""
    folder = resources.files("ingest").joinpath("data/mappings")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text("utf-8"))
            out.append(parse_layout(entry.name.removesuffix(".toml"), data))
    return tuple(out)


# ---------------------------------------------------------------- header matching


def header_key(text: object) -> str:
    return fold(str(text or ""))


@dataclass
class ColumnMap:
    layout: Layout
    fields: dict[str, int]
    partners: dict[int, dict[str, int]]  # partner number -> subfield -> column
    headers: list[str]


def _partner_regex(pattern: str) -> re.Pattern[str]:
    folded = header_key(pattern.replace("{n}", "NNN")).replace("nnn", "NNN")
    return re.compile("^" + re.escape(folded).replace("NNN", r"(\d+)") + "$")


def match_columns(headers: Sequence[object], layout: Layout) -> ColumnMap:
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    for fld, aliases in layout.columns.items():
        for alias in aliases:
            target = header_key(alias)
            if target in keys:
                found[fld] = keys.index(target)
                break
    partners: dict[int, dict[str, int]] = {}
    for sub, patterns in layout.partner_columns.items():
        for pattern in patterns:
            regex = _partner_regex(pattern)
            for col, key in enumerate(keys):
                m = regex.match(key)
                if m:
                    partners.setdefault(int(m.group(1)), {}).setdefault(sub, col)
    return ColumnMap(layout, found, partners, [str(h or "").strip() for h in headers])


def find_layout(rows: Sequence[Sequence[object]]) -> tuple[ColumnMap, int]:
    """The best-fitting layout and the index of the header row; IngestError if none fits."""
    best: tuple[int, int, ColumnMap] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not any(str(c or "").strip() for c in row):
            continue
        for layout in layouts():
            cmap = match_columns(row, layout)
            if all(f in cmap.fields for f in layout.required):
                score = len(cmap.fields) + len(cmap.partners)
                if best is None or score > best[0]:
                    best = (score, index, cmap)
        if best is not None:
            break  # the first row that fits a layout is the header row
    if best is None:
        first = next(
            (r for r in rows[:HEADER_SEARCH_ROWS] if any(str(c or "").strip() for c in r)), []
        )
        cells = [str(c).strip() for c in first if str(c or "").strip()]
        shown = ", ".join(cells[:6])[:120]
        hint = " (one column only: wrong delimiter?)" if len(cells) == 1 else ""
        raise IngestError(
            f"no known table layout{hint}; headers: {shown or '(none)'}; "
            "add a mapping in ingest/data/mappings/"
        )
    return best[2], best[1]


# ---------------------------------------------------------------- cell values


def cell_text(value: object) -> str:
    """A cell as stored text: numbers and dates written plainly, never evaluated."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value == value else ""
    text = str(value)[:MAX_CELL]
    return normalise_text(text)


_AMOUNT_JUNK = re.compile(r"[^\d.,\-]")


def parse_amount(value: object, decimal_comma: bool = False) -> Decimal | None:
    """A money amount from a cell: ``1 234 567,89 Kč``, ``€60,000``, ``60000.5`` → Decimal.

    >>> parse_amount("1 234 567,89 Kč", decimal_comma=True)
    Decimal('1234567.89')
    >>> parse_amount("€ 60,000")
    Decimal('60000.00')
    >>> parse_amount("=1+1") is None
    True
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip()
        if not text or (text.startswith(("=", "+", "@")) and not re.match(r"^\+?\d", text)):
            return None
        text = _AMOUNT_JUNK.sub("", text.replace("\u00a0", ""))
        if not re.search(r"\d", text):
            return None
        if "," in text and "." in text:
            decimal = "," if text.rfind(",") > text.rfind(".") else "."
        elif "," in text:
            tail = text.rsplit(",", 1)[1]
            many = text.count(",") > 1
            decimal = "," if (decimal_comma or len(tail) != 3) and not many else ""
        elif "." in text:
            tail = text.rsplit(".", 1)[1]
            many = text.count(".") > 1
            decimal = "" if many or (decimal_comma and len(tail) == 3) else "."
        else:
            decimal = ""
        if decimal == ",":
            text = text.replace(".", "").replace(",", ".")
        elif decimal == ".":
            text = text.replace(",", "")
        else:
            text = text.replace(",", "").replace(".", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    if not number.is_finite() or number < 0:
        return None
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def parse_date(value: object, formats: Iterable[str] = ("%Y-%m-%d", "%d.%m.%Y")) -> dt.date | None:
    """A date from a cell (an Excel date, ISO, ``1. 9. 2021``, ``01.09.2021`` …).

    >>> parse_date("1. 9. 2021", ["%d.%m.%Y"])
    datetime.date(2021, 9, 1)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = re.sub(r"\s+", "", str(value or ""))
    if not text:
        return None
    for fmt in (*formats, "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    key = fold(str(value or ""))
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    return None


@cache
def _country_names() -> dict[str, str]:
    from ingest.components.countries import country_forms

    out: dict[str, str] = {}
    for code, forms in country_forms().items():
        out[code.casefold()] = code
        for form in forms:
            out.setdefault(fold(form), code)
    out.update({"uk": "GB", "united kingdom": "GB", "greece": "GR", "el": "GR"})
    return out


def country_code(text: str) -> str | None:
    """ISO code of a country named in any of the six languages or given as a code.

    >>> country_code("Czechia"), country_code("NO"), country_code("Polska")
    ('CZ', 'NO', 'PL')
    """
    text = text.strip()
    if not text:
        return None
    names = _country_names()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return names.get(text.casefold(), text.upper())
    return names.get(fold(text))


def domain_of(url: str) -> str | None:
    """Registered host of a website (``https://www.vscr.cz/x`` → ``vscr.cz``), if usable.

    >>> domain_of("https://www.vscr.cz/projekty"), domain_of("facebook.com/x")
    ('vscr.cz', None)
    """
    m = re.match(r"^\s*(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]+@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})", url)
    if not m:
        return None
    host = m.group(1).lower().rstrip(".")
    host = host.removeprefix("www.")
    if host in SHARED_HOSTS or any(host.endswith("." + h) for h in SHARED_HOSTS):
        return None
    return host


# ---------------------------------------------------------------- organisations

_LEGAL_NGO = re.compile(
    r"\b(z\.\s?s\.|o\.\s?p\.\s?s\.|z\.\s?ú\.|e\.\s?V\.|gGmbH|o\.\s?z\.|n\.\s?o\.|"
    r"fundacja|stowarzyszenie|foundation|association|verein)(?!\w)",
    re.IGNORECASE,
)
_LEGAL_COMPANY = re.compile(
    r"\b(s\.\s?r\.\s?o\.|a\.\s?s\.|sp\.\s?z\s?o\.\s?o\.|GmbH|AG|Ltd\.?|d\.\s?o\.\s?o\.)(?!\w)"
)


@cache
def _head_types() -> dict[tuple[str, ...], str]:
    """``{folded lemma tuple: actor type}`` of institutional heads (``org_heads.tsv``)."""
    text = resources.files("ingest").joinpath("data/org_heads.tsv").read_text("utf-8")
    out: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) >= 2:
                out[tuple(cols[0].split())] = cols[1].strip()
                if len(cols) >= 3 and cols[2].strip() not in STRONG_HEADS:
                    _WEAK_HEADS.add(tuple(cols[0].split()))
    return out


#: head classes in org_heads.tsv that type the name they head (generic/weak ones only default)
STRONG_HEADS = {"H", "HM"}
_WEAK_HEADS: set[tuple[str, ...]] = set()


def actor_type_of(name: str, type_text: str, layout: Layout) -> str | None:
    """Actor type from the organisation's name (institutional head noun, legal form),
    else from the table's organisation-type column via the layout's keywords."""
    from ingest.lemmatize import lemmatize

    heads = _head_types()
    words = fold(name).split()
    lang = layout.language or "en"
    lemmas = [fold(lemmatize(w, lang)) or w for w in words]
    prefixes = [(k[0][:-1], t) for k, t in heads.items() if len(k) == 1 and k[0].endswith("*")]
    fallback: str | None = None
    for i in range(len(words)):
        for width in (3, 2, 1):
            for seq in (words, lemmas):
                key = tuple(seq[i : i + width])
                if len(key) == width and key in heads:
                    if key not in _WEAK_HEADS:
                        return heads[key]  # a strong head ("policie", "věznice") decides
                    fallback = fallback or heads[key]
        for prefix, actor in prefixes:
            if prefix and words[i].startswith(prefix):
                return actor
    if fallback:
        return fallback
    if _LEGAL_NGO.search(name):
        return "ngo"
    if _LEGAL_COMPANY.search(name):
        return "employer"
    folded = fold(type_text)
    if folded:
        for keyword, actor in layout.actor_types:
            if keyword and keyword in folded:
                return actor
    return None


# ---------------------------------------------------------------- records


class RecordText:
    """Builds a record's stored text, returning the span of every value written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def line(self, header: str, value: str) -> Span:
        value = " ".join(value.split())
        self._write(f"{' '.join(header.split())}: ")
        start = self.length
        self._write(value + "\n")
        return Span(start, start + len(value), value)

    def paragraph(self, text: str) -> Span:
        self._write("\n")
        start = self.length
        self._write(text)
        return Span(start, start + len(text), text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _sub_span(cell: Span, piece: str, offset: int) -> Span:
    return Span(cell.start + offset, cell.start + offset + len(piece), piece)


def split_list(cell: Span, separators: str) -> list[Span]:
    """Items of a list cell (``A; B; C``) as spans inside the cell's span."""
    pattern = "[" + re.escape(separators) + "]"
    out: list[Span] = []
    pos = 0
    for piece in re.split(pattern, cell.text):
        stripped = piece.strip()
        if stripped:
            out.append(_sub_span(cell, stripped, pos + piece.index(stripped)))
        pos += len(piece) + 1
    return out


_NAME_COUNTRY = re.compile(r"^(.*?)\s*\(([^()]{2,40})\)\s*$")


def name_and_country(item: Span) -> tuple[Span, str | None]:
    """``Politiets sikkerhetstjeneste (Norway)`` → the name span and ``NO``."""
    m = _NAME_COUNTRY.match(item.text)
    if m:
        code = country_code(m.group(2))
        if code:
            return _sub_span(item, m.group(1), 0), code
    return item, None


def amount_facts(
    project_slot: str, prop: object, amount: Decimal, currency: str, span: Span, extractor: str
) -> list[FieldFact]:
    node = str(ID[f"amount/{project_slot}"])
    return [
        FieldFact(str(prop), node, span, is_iri=True, extractor=extractor),
        FieldFact(str(RDF.type), str(SCHEMA.MonetaryAmount), None, is_iri=True, subject=node),
        FieldFact(
            str(SCHEMA.value),
            str(amount),
            span,
            str(XSD.decimal),
            subject=node,
            extractor=extractor,
        ),
        FieldFact(str(SCHEMA.currency), currency, None, subject=node),
    ]


def build_record(
    values: dict[str, object],
    headers: dict[str, str],
    partners: list[dict[str, tuple[str, object]]],
    layout: Layout,
    row: int,
    slot: str,
) -> ProjectRecord | None:
    """One project from a row's mapped cells; None for a row with neither title nor id.

    ``values``/``headers`` are keyed by field; ``partners`` holds per partner the
    ``(header, cell)`` of each subfield; ``slot`` names the record's nodes (amounts).
    """
    texts = {k: cell_text(v) for k, v in values.items()}
    title = " ".join(texts.get("title", "").split())
    ident_raw = " ".join(texts.get("identifier", "").split())
    if not title and not ident_raw:
        return None
    out = RecordText()
    ex = f"{layout.name}-table"
    facts: list[FieldFact] = []
    spans: dict[str, Span] = {}
    first = ("title", "identifier")
    order = [*first, *(f for f in FIELDS if f not in (*first, "summary"))]
    for fld in order:
        text = texts.get(fld, "")
        if text.strip():
            spans[fld] = out.line(headers[fld], text)
    partner_spans: list[dict[str, Span]] = []
    for partner in partners:
        got: dict[str, Span] = {}
        for sub in PARTNER_FIELDS:
            if sub in partner:
                header, value = partner[sub]
                text = cell_text(value)
                if text.strip():
                    got[sub] = out.line(header, text)
        if "name" in got:
            partner_spans.append(got)
    summary_span = None
    summary = texts.get("summary", "").strip()
    if summary:
        summary_span = out.paragraph(summary)
    record = ProjectRecord(
        layout=layout.name,
        row=row,
        text=out.text,
        title=title or ident_raw,
        summary=summary_span,
        lang=layout.language,
    )
    if "identifier" in spans:
        key = identifier_key(ident_raw, layout.id_namespace)
        if key:
            record.identifier = key
            facts.append(
                FieldFact(str(DCTERMS.identifier), ident_raw, spans["identifier"], extractor=ex)
            )
    for fld in ("programme", "key_action", "action_type"):
        if fld in spans:
            facts.append(FieldFact(str(PG.programme), spans[fld].text, spans[fld], extractor=ex))
    if "status" in spans:
        facts.append(FieldFact(str(PG.status), spans["status"].text, spans["status"], extractor=ex))
    if "call_year" in spans:
        m = re.search(r"\b(19|20)\d\d\b", spans["call_year"].text)
        if m:
            facts.append(
                FieldFact(
                    str(PG.callYear), m.group(0), spans["call_year"], str(XSD.gYear), extractor=ex
                )
            )
    for fld, prop in (("start_date", SCHEMA.startDate), ("end_date", SCHEMA.endDate)):
        if fld in spans:
            date = parse_date(values[fld], layout.date_formats)
            if date:
                facts.append(
                    FieldFact(str(prop), date.isoformat(), spans[fld], str(XSD.date), extractor=ex)
                )
    for fld, prop, tag in (
        ("grant_amount", PG.grantAmount, "grant"),
        ("total_cost", PG.totalCost, "total"),
    ):
        if fld in spans:
            amount = parse_amount(values[fld], layout.decimal_comma)
            if amount is not None:
                facts += amount_facts(
                    f"{slot}-{tag}", prop, amount, layout.currency, spans[fld], ex
                )
    for fld, prop in (("good_practice", PG.goodPractice), ("success_story", PG.successStory)):
        if fld in spans:
            flag = parse_bool(values[fld])
            if flag is not None:
                facts.append(
                    FieldFact(
                        str(prop),
                        "true" if flag else "false",
                        spans[fld],
                        str(XSD.boolean),
                        extractor=ex,
                    )
                )
    if "website" in spans and domain_of(spans["website"].text):
        facts.append(
            FieldFact(
                str(SCHEMA.url),
                spans["website"].text,
                spans["website"],
                str(XSD.anyURI),
                extractor=ex,
            )
        )
    if "intervention_category" in spans:
        s = spans["intervention_category"]
        facts.append(FieldFact(str(PG.interventionCategory), s.text, s, extractor=ex))
    if "location" in spans:
        facts.append(
            FieldFact(str(SCHEMA.location), spans["location"].text, spans["location"], extractor=ex)
        )
    record.facts = facts
    # funders: the fund column (mapped names), else the layout's funder
    if "fund" in spans:
        for item in split_list(spans["fund"], ",;/\n"):
            notation = layout.funds.get(fold(item.text))
            if notation:
                record.funders.append(ConceptMention("funder", notation, item, ex, 1.0))
    if not record.funders and "programme" in spans:  # a programme named like a fund
        folded = fold(spans["programme"].text)
        for name, notation in layout.funds.items():
            if name and name in folded:
                record.funders.append(
                    ConceptMention("funder", notation, spans["programme"], ex, 1.0)
                )
                break
    if not record.funders and layout.funder:
        where = spans.get("programme") or spans.get("fund") or spans.get("title")
        if where is not None:
            record.funders.append(ConceptMention("funder", layout.funder, where, ex, 0.9))
    # countries of the project
    if "participating_countries" in spans:
        for item in split_list(spans["participating_countries"], ",;/\n"):
            code = country_code(item.text)
            if code:
                record.countries.append((code, item, ex))

    # organisations
    def organisation(
        name: Span, type_span: Span | None, country: Span | None, web: Span | None, role: str
    ) -> None:
        label, code = name_and_country(name)
        if country is not None:
            code = country_code(country.text) or code
        if code is None and layout.country:  # a national list: domestic organisations
            code = layout.country
        type_text = type_span.text if type_span else ""
        record.organisations.append(
            OrganisationMention(
                label=label.text,
                actor_type=actor_type_of(label.text, type_text, layout),
                spans=[label],
                role=role,
                country=code,
                extractor=ex,
                confidence=1.0,
                domain=domain_of(web.text) if web else None,
            )
        )

    if "coordinator_name" in spans:
        organisation(
            spans["coordinator_name"],
            spans.get("coordinator_type"),
            spans.get("coordinator_country"),
            spans.get("coordinator_website"),
            layout.coordinator_role,
        )
    for got in partner_spans:
        organisation(
            got["name"], got.get("type"), got.get("country"), got.get("website"), "partner"
        )
    for fld, role in (("partners", "partner"), ("donor_partners", "donor-partner")):
        if fld in spans:
            for item in split_list(spans[fld], layout.list_separators):
                organisation(item, None, None, None, role)
    return record


def table_records(rows: Sequence[Sequence[object]], slot_prefix: str) -> list[ProjectRecord]:
    """Records of a whole sheet (rows of cell values); IngestError when no layout fits."""
    cmap, header_index = find_layout(rows)
    layout = cmap.layout
    headers = {f: cmap.headers[i] for f, i in cmap.fields.items()}
    records: list[ProjectRecord] = []
    for offset, row in enumerate(rows[header_index + 1 :], start=1):
        if not any(str(c if c is not None else "").strip() for c in row):
            continue

        def cell(col: int, row: Sequence[object] = row) -> object:
            return row[col] if col < len(row) else None

        values = {f: cell(i) for f, i in cmap.fields.items()}
        partners = [
            {sub: (cmap.headers[col], cell(col)) for sub, col in subs.items()}
            for _, subs in sorted(cmap.partners.items())
        ]
        record = build_record(values, headers, partners, layout, offset, f"{slot_prefix}-r{offset}")
        if record is not None:
            records.append(record)
    return records


def records_summary(file_name: str, records: list[ProjectRecord]) -> str:
    """The short text a table file stands for (its records hold the real texts)."""
    layout = records[0].layout if records else "table"
    titles = "\n".join(r.title for r in records[:50])
    return f"{file_name}: {len(records)} projects ({layout})\n{titles}"
