"""Structured sources on real files: Erasmus+ results exports (CSV/XLSX), ESF/ERDF lists of
operations (cs/pl/de mappings), EEA/Norway Grants project pages, and malformed tables."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from openpyxl import Workbook
from pyoxigraph import Literal, NamedNode

from graph.store import GraphStore, open_store
from ingest.documents import IngestError
from ingest.pipeline import ingest_paths
from ingest.rdf import doc_graph
from ingest.readers import read_file
from ingest.readers.tabular import layouts, parse_amount, parse_date
from tests.conftest import ROOT
from tests.helpers import shacl_report

STRUCTURED = ROOT / "data" / "structured"
PG = "https://w3id.org/praxisgraph/ns#"
PREFIXES = """
PREFIX pg: <https://w3id.org/praxisgraph/ns#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ERASMUS_HEADER = (
    "Programme;Key Action;Action Type;Call year;Project Identifier;Project Title;"
    "Project Summary;Project Status;EU Grant award in euros;Is Good Practice;Is Success Story;"
    "Project Website;Participating countries;Coordinating organisation name;"
    "Coordinating organisation type;Coordinator's country;Coordinator's website;"
    "Partner 1 name;Partner 1 organisation type;Partner 1 country;Partner 1 website"
)


def erasmus_row(ident: str, title: str, summary: str = "Workshops for prisoners.") -> str:
    return (
        f"Erasmus+;KA2;Small-scale partnerships;2022;{ident};{title};{summary};Completed;"
        "45000;Yes;No;;Czechia, Poland;Spolek Dobrý start, z. s.;"
        "Non-governmental organisation/association/social enterprise;Czechia;"
        "https://www.dobrystart.example.cz;Gmina Zielona;Public body (local level);Poland;"
    )


@pytest.fixture(scope="module")
def structured_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    """data/structured (every format, incl. the PDF/DOCX/MD reports) ingested once."""
    path = tmp_path_factory.mktemp("structured") / "store"
    store = open_store(path)
    summary = ingest_paths([STRUCTURED], store, progress=False)
    assert not summary.skipped, summary.skipped
    yield store
    store.close()


def rows(store: GraphStore, query: str, **bindings: object) -> list[dict[str, str]]:
    return [
        {k: v.value for k, v in row.items()}
        for row in store.select(PREFIXES + query, **bindings)  # type: ignore[arg-type]
    ]


def project_iri(identifier_key: str) -> NamedNode:
    return NamedNode(f"https://w3id.org/praxisgraph/id/project/id-{identifier_key}")


# ---------------------------------------------------------------- every shipped format


def test_sample_folder_reports_projects_and_organisations_per_file(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    summary = ingest_paths([STRUCTURED], store, progress=False)
    assert summary.skipped == []
    per_file = {Path(str(f["path"])).name: f for f in summary.per_file}
    assert per_file["erasmus-results-export.csv"]["projects"] == 4
    assert per_file["erasmus-results-export-2022.xlsx"]["projects"] == 2
    assert per_file["esf-operace-cz.csv"]["projects"] == 3
    assert per_file["esf-operacje-pl.xlsx"]["projects"] == 3  # an empty row in between
    assert per_file["esf-operationen-de.csv"]["projects"] == 2
    assert per_file["eea-project-cz-homeaffairs-0012.html"]["projects"] == 1
    assert per_file["erasmus-results-export.csv"]["organisations"] >= 9
    assert per_file["esf-operace-cz.csv"]["funders"] == ["esf"]
    assert summary.projects == sum(int(f["projects"]) for f in summary.per_file)
    store.close()


def test_layouts_are_configuration() -> None:
    names = {layout.name for layout in layouts()}
    assert {"erasmus-results", "esf-cs", "esf-pl", "esf-de", "eea-grants"} <= names
    for name in ("esf-cs.toml", "esf-pl.toml", "esf-de.toml"):
        assert (ROOT / "ingest" / "data" / "mappings" / name).is_file()


def test_erasmus_export_roles_countries_types_and_domains(structured_store: GraphStore) -> None:
    found = rows(
        structured_store,
        """SELECT ?label ?role ?type ?country ?domain WHERE { GRAPH ?g {
             ?part pg:project ?p ; pg:role ?role ; pg:organisation ?o .
             ?o skos:prefLabel ?label .
             OPTIONAL { ?o pg:actorType ?type } OPTIONAL { ?o pg:country ?country }
             OPTIONAL { ?o pg:domain ?domain } } }""",
        g=doc_graph(read_file(STRUCTURED / "erasmus-results-export.csv").doc_id),
        p=project_iri("2021-1-cz01-ka210-vet-000034567"),
    )
    by_label = {r["label"]: r for r in found}
    coordinator = by_label["Věznice Horní Lhota"]
    assert coordinator["role"] == PG + "coordinator"
    assert coordinator["type"].endswith("/prison-service")  # from the name, not "public body"
    assert coordinator["country"] == "CZ"
    assert coordinator["domain"] == "veznice-hornilhota.example.cz"
    partner = by_label["Fundacja Nowy Start"]
    assert partner["role"] == PG + "partner"
    assert partner["type"].endswith("/ngo")
    assert partner["country"] == "PL"


def test_typed_amounts_dates_flags(structured_store: GraphStore) -> None:
    found = rows(
        structured_store,
        """SELECT ?value ?currency ?gp ?year WHERE { GRAPH ?g {
             ?p pg:grantAmount ?a . ?a schema:value ?value ; schema:currency ?currency .
             ?p pg:goodPractice ?gp ; pg:callYear ?year } }""",
        p=project_iri("2021-1-si01-ka220-vet-000029876"),
    )
    assert len(found) == 1
    rec = found[0]
    assert (rec["value"], rec["currency"], rec["gp"], rec["year"]) == (
        "185500",
        "EUR",
        "true",
        "2021",
    )
    # the datatypes themselves
    terms = structured_store.select(
        PREFIXES
        + """SELECT ?value ?start ?end WHERE { GRAPH ?g {
             ?p pg:totalCost/schema:value ?value ;
                schema:startDate ?start ; schema:endDate ?end } }""",
        p=project_iri("cz-03-02-01-00-22-028-0004711"),
    )
    assert len(terms) == 1
    value, start, end = terms[0]["value"], terms[0]["start"], terms[0]["end"]
    assert isinstance(value, Literal) and value.datatype.value.endswith("#decimal")
    assert value.value == "4567890.5"
    assert start.datatype.value.endswith("#date") and start.value == "2023-03-01"
    assert end.value == "2026-02-28"
    # filterable: projects with a grant of at least 500 000 (any currency)
    big = rows(
        structured_store,
        """SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p pg:grantAmount/schema:value ?v .
             FILTER(?v >= 500000) } }""",
    )
    assert len(big) >= 4


def test_esf_mappings_cs_pl_de(structured_store: GraphStore) -> None:
    found = rows(
        structured_store,
        """SELECT ?title ?currency ?layout ?funder ?role WHERE { GRAPH ?g {
             ?p dcterms:title ?title ; prov:wasDerivedFrom ?doc ; pg:funder ?funder .
             [] pg:project ?p ; pg:role ?role .
             ?doc pg:layout ?layout .
             OPTIONAL { ?p pg:grantAmount/schema:currency ?currency } } }""",
    )
    by_title = {r["title"]: r for r in found}
    assert by_title["Práce jako cesta ven"]["currency"] == "CZK"
    assert by_title["Práce jako cesta ven"]["layout"] == "esf-cs"
    assert by_title["Wolontariat dla rodzin więźniów"]["currency"] == "PLN"
    assert by_title["Wolontariat dla rodzin więźniów"]["layout"] == "esf-pl"
    assert by_title["Übergangsmanagement für junge Gefangene"]["layout"] == "esf-de"
    assert by_title["Übergangsmanagement für junge Gefangene"]["funder"].endswith("/esf")
    beneficiaries = rows(
        structured_store,
        """SELECT ?label WHERE { GRAPH ?g { ?p dcterms:title "Práce jako cesta ven" .
             [] pg:project ?p ; pg:role pg:coordinator ;
                pg:organisation/skos:prefLabel ?label } }""",
    )
    assert [r["label"] for r in beneficiaries] == ["Spolek Nová šance, z. s."]


def test_summary_goes_through_text_extraction(structured_store: GraphStore) -> None:
    found = rows(
        structured_store,
        """SELECT ?tg ?act WHERE { GRAPH ?g { ?p dcterms:audience ?tg ; pg:activity ?act } }""",
        p=project_iri("2022-1-pl01-ka220-adu-000087654"),
    )
    assert any(r["tg"].endswith("/victims-of-crime") for r in found)
    assert any(r["act"].endswith("/e-learning-tool") for r in found)


def test_eea_page_roles_and_description(structured_store: GraphStore) -> None:
    found = rows(
        structured_store,
        """SELECT ?label ?role ?country WHERE { GRAPH ?g {
             ?part pg:project ?p ; pg:role ?role ; pg:organisation ?o .
             ?o skos:prefLabel ?label . OPTIONAL { ?o pg:country ?country } } }""",
        g=doc_graph(read_file(STRUCTURED / "eea-project-pl-justice-0007.html").doc_id),
    )
    roles = {(r["label"], r["role"].removeprefix(PG)) for r in found}
    assert ("Fundacja Rodzina Obok", "coordinator") in roles
    assert ("Kriminalomsorgsdirektoratet", "donorPartner") in roles
    assert ("Zakład Karny w Bukowcu", "partner") in roles
    countries = {r["label"]: r.get("country") for r in found}
    assert countries["Kriminalomsorgsdirektoratet"] == "NO"
    assert countries["Fundacja Rodzina Obok"] == "PL"  # from the project number
    facts = rows(
        structured_store,
        """SELECT ?v ?funder ?tg WHERE { GRAPH ?g { ?p pg:grantAmount/schema:value ?v ;
             pg:funder ?funder ; dcterms:audience ?tg } }""",
        p=project_iri("pl-justice-0007"),
    )
    assert {r["v"] for r in facts} == {"1120000"}
    assert {r["funder"].rsplit("/", 1)[1] for r in facts} == {"eea-norway-grants"}
    assert any(r["tg"].endswith("/families") or r["tg"].endswith("/prisoners") for r in facts)


def test_ordinary_html_is_not_a_project_page(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><body><main><h1>News</h1><p>The project promoter said the project number "
        "of visitors grew. Ministerstvo vnitra pořádá seminář pro obce.</p></main></body></html>",
        encoding="utf-8",
    )
    document = read_file(page)
    assert "records" not in document.metadata
    assert "Ministerstvo vnitra" in document.text


# ---------------------------------------------------------------- evidence and graph rules


def test_every_evidence_points_into_its_stored_text(structured_store: GraphStore) -> None:
    from graph.queries import run_query

    found = run_query(structured_store, "evidence_sources")
    files = set()
    assert len(found) > 300
    # one source document per evidence (its graph's, or the row of a table file it names)
    evidence = [(r["g"].value, r["ev"].value) for r in found]
    assert len(evidence) == len(set(evidence))
    everything = structured_store.select(
        PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s pg:evidence ?ev } }"
    )
    assert len(found) == int(everything[0]["n"].value)
    # an organisation's type and actor type share the evidence of its participation
    unevidenced = structured_store.select(
        PREFIXES
        + """SELECT ?g ?org WHERE { GRAPH ?g { ?doc a pg:SourceDocument . ?org a pg:Organisation .
             FILTER NOT EXISTS { ?part pg:organisation ?org ; pg:evidence ?ev } } }"""
    )
    assert unevidenced == []
    some = structured_store.select(
        PREFIXES + "SELECT ?org WHERE { GRAPH ?g { ?part pg:organisation ?org } } LIMIT 1"
    )
    named = run_query(structured_store, "organisation_evidence", org=some[0]["org"])
    assert named and all(r["quote"].value.strip() for r in named)
    for row in found:
        text = row["text"].value
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["quote"].value, (row["file"].value, start, end)
        files.add(row["file"].value)
    assert {".csv", ".xlsx", ".html", ".pdf", ".docx", ".md"} <= {Path(f).suffix for f in files}
    assert "novica-druga-priloznost.html" in files  # an ordinary page (boilerplate removed)


def test_structured_graphs_conform_to_shapes(structured_store: GraphStore) -> None:
    conforms, text = shacl_report(structured_store)
    assert conforms, text[:3000]


def test_reingest_same_table_changes_nothing_and_rows_removed_go(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(
        ERASMUS_HEADER
        + "\n"
        + erasmus_row("2022-1-CZ01-KA210-ADU-000011111", "Open Doors")
        + "\n"
        + erasmus_row("2022-1-CZ01-KA210-ADU-000022222", "Closed Loops")
        + "\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "s")
    ingest_paths([source], store, progress=False)
    graph = doc_graph(read_file(source).doc_id)
    first = sorted(str(q) for q in store.quads(graph))
    ingest_paths([source], store, progress=False)
    assert sorted(str(q) for q in store.quads(graph)) == first
    # the second row removed from the file: its project leaves the store on re-ingest
    source.write_text(
        ERASMUS_HEADER + "\n" + erasmus_row("2022-1-CZ01-KA210-ADU-000011111", "Open Doors"),
        encoding="utf-8",
    )
    ingest_paths([source], store, progress=False)
    titles = rows(store, "SELECT ?t WHERE { GRAPH ?g { ?p a pg:Project ; dcterms:title ?t } }")
    assert [r["t"] for r in titles] == ["Open Doors"]
    store.close()


# ---------------------------------------------------------------- malformed variants


def ingest_one(tmp_path: Path, name: str, data: bytes | str) -> tuple[object, GraphStore]:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    store = open_store(tmp_path / ("store-" + name))
    return ingest_paths([path], store, progress=False), store


def test_comma_delimiter_and_bom(tmp_path: Path) -> None:
    header = ERASMUS_HEADER.replace(";", ",")
    row = erasmus_row("2022-1-CZ01-KA210-ADU-000033333", "Comma Separated").replace(";", ",")
    summary, store = ingest_one(
        tmp_path, "comma.csv", b"\xef\xbb\xbf" + (header + "\r\n" + row + "\r\n").encode()
    )
    assert summary.skipped == [] and summary.projects == 1  # type: ignore[attr-defined]
    found = rows(store, "SELECT ?t WHERE { GRAPH ?g { ?p pg:programme ?t } }")
    assert "Erasmus+" in {r["t"] for r in found}  # the BOM is not part of the first header
    store.close()


def test_cp1250_czech_list(tmp_path: Path) -> None:
    text = (STRUCTURED / "esf-operace-cz.csv").read_text(encoding="utf-8-sig")
    summary, store = ingest_one(tmp_path, "operace-cp1250.csv", text.encode("cp1250"))
    assert summary.skipped == [] and summary.projects == 3  # type: ignore[attr-defined]
    found = rows(store, 'SELECT ?p WHERE { GRAPH ?g { ?p dcterms:title "Senioři v bezpečí" } }')
    assert len(found) == 1
    store.close()


def test_missing_required_columns_is_one_clear_line(tmp_path: Path) -> None:
    summary, store = ingest_one(
        tmp_path,
        "partial.csv",
        "Programme;Project Title;Project Summary\nErasmus+;Lonely Title;Some text.\n",
    )
    assert summary.projects == 0  # type: ignore[attr-defined]
    [(_path, reason)] = summary.skipped  # type: ignore[attr-defined]
    assert "no known table layout" in reason and "Project Title" in reason
    assert "\n" not in reason
    store.close()


def test_wrong_delimiter_is_reported(tmp_path: Path) -> None:
    summary, store = ingest_one(
        tmp_path,
        "hashes.csv",
        ERASMUS_HEADER.replace(";", "#")
        + "\n"
        + erasmus_row("2022-1-CZ01-KA210-ADU-000044444", "Hashed").replace(";", "#"),
    )
    [(_path, reason)] = summary.skipped  # type: ignore[attr-defined]
    assert "wrong delimiter" in reason
    store.close()


def test_formula_cells_are_plain_text(tmp_path: Path) -> None:
    evil = "=cmd|' /C calc'!A0"
    row = erasmus_row("2022-1-CZ01-KA210-ADU-000055555", evil, summary='=HYPERLINK("x")')
    row = row.replace(";45000;", ";=1+1;")
    summary, store = ingest_one(tmp_path, "formula.csv", ERASMUS_HEADER + "\n" + row + "\n")
    assert summary.projects == 1, summary.skipped  # type: ignore[attr-defined]
    found = rows(store, "SELECT ?t WHERE { GRAPH ?g { ?p a pg:Project ; dcterms:title ?t } }")
    assert [r["t"] for r in found] == [evil]
    # a formula is not an amount: no grant is stated
    assert rows(store, "SELECT ?a WHERE { GRAPH ?g { ?p pg:grantAmount ?a } }") == []
    store.close()

    wb = Workbook()
    ws = wb.active
    ws.append(ERASMUS_HEADER.split(";"))
    cells: list[object] = erasmus_row("2022-1-CZ01-KA210-ADU-000066666", "x").split(";")
    cells[5] = evil  # openpyxl stores a leading "=" as a formula
    cells[8] = "=SUM(A1:A3)"
    ws.append(cells)
    wb.save(tmp_path / "formula.xlsx")
    store = open_store(tmp_path / "store-xlsx")
    summary = ingest_paths([tmp_path / "formula.xlsx"], store, progress=False)
    assert summary.projects == 1, summary.skipped
    found = rows(store, "SELECT ?t WHERE { GRAPH ?g { ?p a pg:Project ; dcterms:title ?t } }")
    assert [r["t"] for r in found] == [evil]
    assert rows(store, "SELECT ?a WHERE { GRAPH ?g { ?p pg:grantAmount ?a } }") == []
    store.close()


def test_empty_rows_and_title_rows_are_skipped(tmp_path: Path) -> None:
    text = (
        "Seznam operací (test);;\n;;\n"
        "Název projektu;Název příjemce;Příspěvek Unie\n"
        ";;\n"
        "Projekt A;Obec Lhota;100 000,00\n"
        "   ;  ;  \n"
        "Projekt B;Spolek Jasno, z. s.;\n"
        ";Jen příjemce bez názvu;\n"
    )
    summary, store = ingest_one(tmp_path, "gaps.csv", text)
    assert summary.skipped == [] and summary.projects == 2  # type: ignore[attr-defined]
    store.close()


def test_header_only_and_broken_workbooks(tmp_path: Path) -> None:
    (tmp_path / "header.csv").write_text(ERASMUS_HEADER + "\n", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "text.xlsx").write_text("just text", encoding="utf-8")
    wb = Workbook()
    wb.active.append(["Name", "Value"])
    wb.active.append(["a", 1])
    wb.save(tmp_path / "unknown.xlsx")
    store = open_store(tmp_path / "s")
    summary = ingest_paths([tmp_path], store, progress=False)
    reasons = {Path(p).name: r for p, r in summary.skipped}
    assert "no project rows" in reasons["header.csv"]
    assert "XLSX" in reasons["broken.xlsx"] and "XLSX" in reasons["text.xlsx"]
    assert "no known table layout" in reasons["unknown.xlsx"]
    assert summary.files_read == 0
    store.close()


def test_a_new_layout_is_a_mapping_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Slovak list works once a mapping names its headers (no code change)."""
    from ingest.readers import tabular

    mappings = tmp_path / "mappings"
    shutil.copytree(ROOT / "ingest" / "data" / "mappings", mappings)
    (mappings / "esf-sk.toml").write_text(
        'layout = "esf-sk"\nlanguage = "sk"\ncountry = "SK"\ncurrency = "EUR"\n'
        'funder = "esf"\nrequired = ["title", "coordinator_name"]\n'
        '[numbers]\ndecimal = ","\n'
        '[columns]\ntitle = ["Názov projektu"]\ncoordinator_name = ["Prijímateľ"]\n'
        'grant_amount = ["Príspevok EÚ"]\n',
        encoding="utf-8",
    )
    parsed = [
        tabular.parse_layout(p.stem, tomllib.loads(p.read_text("utf-8")))
        for p in sorted(mappings.glob("*.toml"))
    ]
    sheet = [
        ["Názov projektu", "Prijímateľ", "Príspevok EÚ"],
        ["Nový štart", "Mesto Trnava", "12 500,50"],
    ]
    monkeypatch.setattr(tabular, "layouts", lambda: tuple(parsed))
    [record] = tabular.table_records(sheet, "test")
    assert record.layout == "esf-sk"
    assert record.organisations[0].country == "SK"
    assert record.organisations[0].actor_type == "municipality"
    amount = next(f for f in record.facts if f.property.endswith("/value"))
    assert amount.value == "12500.50"


def test_amount_and_date_parsing() -> None:
    assert str(parse_amount("1.245.600,00", decimal_comma=True)) == "1245600.00"
    assert str(parse_amount("€1,120,000")) == "1120000.00"
    assert str(parse_amount(215430.5)) == "215430.50"
    assert parse_amount("n/a") is None and parse_amount("-5") is None
    assert parse_date("01 Sep 2020", ["%d%b%Y"]) == dt.date(2020, 9, 1)
    assert parse_date(dt.datetime(2021, 1, 15, 0, 0)) == dt.date(2021, 1, 15)
    assert parse_date("31.02.2021", ["%d.%m.%Y"]) is None


def test_reader_errors_are_ingest_errors(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"a;b\x00;c\n" * 100)
    with pytest.raises(IngestError):
        read_file(path)


def test_pdf_evidence_knows_its_page(structured_store: GraphStore) -> None:
    pdf = read_file(STRUCTURED / "workskills-final-report.pdf")
    second = pdf.metadata["page_offsets"][1]
    assert pdf.text[second:].startswith("Results")
    found = rows(
        structured_store,
        """SELECT ?start ?page WHERE { GRAPH ?g { ?s pg:evidence ?ev . ?ev pg:start ?start ;
             pg:page ?page } }""",
        g=doc_graph(pdf.doc_id),
    )
    pages = {(int(r["start"]) >= second, r["page"]) for r in found}
    assert pages == {(False, "1"), (True, "2")}


def test_app_queries_for_structured_facts(structured_store: GraphStore) -> None:
    from graph.queries import run_query

    project = project_iri("2021-1-cz01-ka210-vet-000034567")
    facts = run_query(structured_store, "project_structured", project=project)
    fields = {(r["field"].value.rsplit("/", 1)[-1], r["value"].value) for r in facts}
    assert ("ns#goodPractice", "true") in fields
    assert ("ns#grantAmount", "60000") in fields
    sources = run_query(structured_store, "project_sources", project=project)
    assert {r["file"].value for r in sources} == {
        "erasmus-results-export.csv",
        "workskills-final-report.pdf",
        "workskills-partner-report.docx",
    }
    assert [r["row"].value for r in sources if "row" in r] == ["1"]
    values = run_query(structured_store, "project_money_dates")
    grants = [
        float(r["value"].value)
        for r in values
        if r["field"].value.endswith("grantAmount") and r["currency"].value == "EUR"
    ]
    assert len(grants) >= 7 and max(grants) == 1120000.0
