"""Project identifiers: recognise funders' project numbers and normalise them to one key.

The key names the project's IRI (``id/project/id-<key>``), so the same project read from
an export row, a project page and a PDF report gets one IRI whatever the order of ingest,
while each source still lives in (and is replaced with) its own named graph.

>>> identifier_key("2021-1-CZ01-KA210-VET-000034567")
'2021-1-cz01-ka210-vet-000034567'
>>> identifier_key(" cz.03.2.63/0.0/0.0/15_007/0001234 ")
'cz-03-2-63-0-0-0-0-15-007-0001234'
>>> identifier_key("0042", namespace="esf-de")
'esf-de-0042'
>>> find_project_identifier("Final report. Project number: CZ-JUSTICE-0012. Partners ...")[0]
'cz-justice-0012'
"""

from __future__ import annotations

import re

from ingest.documents import Span

#: identifier formats that are unique on their own (no namespace needed)
GLOBAL_PATTERNS: dict[str, re.Pattern[str]] = {
    # Erasmus+ 2021-2027 and 2014-2020 (KA2 without the field code)
    "erasmus-plus": re.compile(r"\b20\d\d-\d-[A-Z]{2}\d{2}-KA\d{3}(?:-[A-Z]{2,5})?-\d{6,9}\b"),
    # EEA and Norway Grants project numbers: CZ-JUSTICE-0012, PL-HOMEAFFAIRS-0003
    "eea-norway-grants": re.compile(
        r"\b(?:BG|CY|CZ|EE|GR|HR|HU|LT|LV|MT|PL|PT|RO|SI|SK)-[A-Z]{3,16}-\d{4}\b"
    ),
    # Czech ESF/ERDF registration numbers: CZ.03.2.63/0.0/0.0/15_007/0001234 (2014-2020),
    # CZ.03.02.01/00/22_028/0001947 (2021-2027)
    "cz-esif": re.compile(
        r"\bCZ\.\d{2}\.\d{1,2}\.\d{1,3}(?:/\d\.\d/\d\.\d|/\d{2})/\d{2}_\d{3}/\d{7}\b"
    ),
    # Polish ESF/ERDF project numbers: POWR.04.01.00-00-0012/17, FEMP.06.01-IP.01-0023/23
    "pl-esif": re.compile(
        r"\b[A-Z]{3,6}\.\d{2}\.\d{2}(?:\.\d{2})?-(?:\d{2}|[A-Z]{2}\.\d{2})-[0-9A-Z]{4}/\d{2}\b"
    ),
}
_LABEL = re.compile(
    r"(project\s+(?:number|identifier|id|code|no\.?)|číslo\s+projektu|registrační\s+číslo|"
    r"reg\.\s*č\.|numer\s+projektu|nr\s+projektu|projektnummer|aktenzeichen|"
    r"številka\s+projekta|číslo\s+projektu|kód\s+projektu)\s*[:#]?\s*$",
    re.IGNORECASE,
)


def is_global_identifier(text: str) -> bool:
    """True when ``text`` is a project number in a format unique across funders."""
    raw = text.strip().upper()
    return any(p.fullmatch(raw) for p in GLOBAL_PATTERNS.values())


def identifier_key(text: str, namespace: str | None = None) -> str:
    """IRI-safe key of an identifier; local numbers get the source's ``namespace`` prefix."""
    raw = " ".join(text.split())
    slug = "-".join(re.findall(r"[0-9a-z]+", raw.casefold()))
    if not slug:
        return ""
    if namespace and not is_global_identifier(raw):
        return f"{namespace}-{slug}"
    return slug


def find_project_identifier(text: str) -> tuple[str, Span] | None:
    """The project number a text is about: the only one it names, else the labelled one.

    Several different numbers with none labelled ("Project number: …") give None: a report
    that cites other projects must not be merged with them.
    """
    found: list[tuple[str, Span]] = []
    for pattern in GLOBAL_PATTERNS.values():
        for match in pattern.finditer(text):
            found.append(
                (identifier_key(match.group(0)), Span(match.start(), match.end(), match.group(0)))
            )
    if not found:
        return None
    found.sort(key=lambda item: item[1].start)
    if len({key for key, _ in found}) == 1:
        return found[0]
    for key, span in found:
        if _LABEL.search(text[max(0, span.start - 40) : span.start]):
            return key, span
    return None


# words that name the kind of document rather than the project ("… - Final Report",
# "Pozvánka na …"); what is left must still be MIN_TITLE_KEY characters to be compared
REPORT_WORDS = frozenset(
    """final report interim progress summary project card sheet profile partner partners
    zaverecna zprava prubezna projektova karta projektu projekt sprawozdanie koncowe koncowy
    raport karta projektu abschlussbericht zwischenbericht bericht steckbrief projektbericht
    koncna porocilo projektna kartica zaverecna sprava projektova partnera
    invitation pozvanka zaproszenie einladung vabilo excerpt vynatek wyciag auszug izvlecek
    press release tiskova zprava informacja prasowa pressemitteilung sporocilo za javnost""".split()
)
MIN_TITLE_KEY = 12


def title_key(title: str) -> str:
    """Folded title without report words, for finding the same project in another source.

    >>> title_key("Work Skills Behind Bars - Final Report")
    'work skills behind bars'
    >>> title_key("Work Skills Behind Bars – sprawozdanie partnera")
    'work skills behind bars'
    """
    from ingest.normalise import fold

    words = [w for w in fold(title).split() if w not in REPORT_WORDS]
    return " ".join(words)
