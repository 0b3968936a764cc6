"""Pages on a store with structured sources (Erasmus+ exports, ESF lists, EEA pages, reports):
funding and status with badges, every source of a merged project, the search page's
good-practice / grant / year filters in the URL, an organisation's website and donor-partner
role. Real on-disk store built from data/docs + data/structured, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from streamlit.testing.v1 import AppTest

from graph.queries import run_query
from graph.store import GraphStore, open_store
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "app_pages"
DATA = ROOT / "data"
#: the Erasmus+ export row (good practice, 60 000 EUR) merged with a final and a partner report
MERGED = "https://w3id.org/praxisgraph/id/project/id-2021-1-cz01-ka210-vet-000034567"


@pytest.fixture(scope="session")
def structured_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/docs and data/structured ingested once into an on-disk store."""
    path = tmp_path_factory.mktemp("structured") / "store"
    store = open_store(path)
    summary = ingest_paths([DATA / "docs", DATA / "structured"], store, progress=False)
    store.close()
    assert summary.files_read > 0, summary.skipped
    return path


@pytest.fixture(scope="session")
def structured_store(structured_store_path: Path) -> GraphStore:
    return open_store(structured_store_path, read_only=True)


@pytest.fixture()
def app_env(structured_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_STORE", str(structured_store_path))
    return structured_store_path


def run_page(name: str, params: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=120)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at.run()


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in [*at.markdown, *at.caption, *at.subheader])


def good_practice_projects(store: GraphStore) -> set[str]:
    return {
        r["project"].value
        for r in run_query(store, "project_money_dates")
        if r["field"].value.endswith("#goodPractice") and r["value"].value == "true"
    }


def test_good_practice_project_shows_badge_amount_and_status(app_env: Path) -> None:
    at = run_page("project", {"iri": MERGED})
    assert not at.exception
    assert "Funding and status" in [s.value for s in at.subheader]
    block = next(m.value for m in at.markdown if "Grant:" in m.value)
    assert "<span class='badge good-practice'>Good practice</span>" in block
    assert "60 000 EUR" in block
    assert "Call year:</b> 2021" in block
    assert "Completed" in block and "Erasmus&#43;" in block
    assert "2021-1-CZ01-KA210-VET-000034567" in block
    assert "href='https&#58;//www.workskills-behind-bars.eu'" in block
    assert "Success story" not in block  # the export says no


def test_merged_project_lists_its_three_sources(app_env: Path, structured_store) -> None:  # type: ignore[no-untyped-def]
    sources = run_query(structured_store, "project_sources", project=NamedNode(MERGED))
    assert len(sources) == 3
    at = run_page("project", {"iri": MERGED})
    assert not at.exception
    assert "Sources (3)" in [s.value for s in at.subheader]
    listing = next(m.value for m in at.markdown if "<li class='source'>" in m.value)
    assert listing.count("<li class='source'>") == 3
    for name in ("erasmus-results-export.csv", "workskills-final-report.pdf"):
        assert name in listing
    assert "row 1" in listing and "workskills-partner-report.docx" in listing


def test_search_good_practice_filter_comes_from_the_url_and_badges_hits(
    app_env: Path, structured_store: GraphStore
) -> None:
    expected = good_practice_projects(structured_store)
    assert MERGED in expected
    at = run_page("search", {"good": "1"})
    assert not at.exception
    assert at.checkbox(key="good").value is True
    hits = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert len(hits) == len(expected)
    assert all("badge good-practice" in h for h in hits)
    assert f"**{len(expected)} projects**" in markdown(at)


def test_search_grant_range_in_one_currency_and_call_years(app_env: Path) -> None:
    at = run_page("search")
    assert not at.exception
    everything = len([m for m in at.markdown if "/project?iri=" in m.value])
    at.selectbox(key="currency").select("EUR").run()
    at.number_input(key="grant-min").set_value(50000).run()
    at.number_input(key="grant-max").set_value(70000).run()
    assert not at.exception
    assert at.query_params["currency"] in ("EUR", ["EUR"])
    assert at.query_params["grant_min"] in ("50000", ["50000"])
    hits = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert hits and len(hits) < everything
    assert any("id-2021-1-cz01-ka210-vet-000034567" in h for h in hits)
    # a shared link restores the range; the call year (2021) counts for the year range
    at = run_page(
        "search",
        {
            "currency": "EUR",
            "grant_min": "50000",
            "grant_max": "70000",
            "year_from": "2021",
            "year_to": "2021",
        },
    )
    assert not at.exception
    assert at.number_input(key="year-from").value == 2021
    hits = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert any("id-2021-1-cz01-ka210-vet-000034567" in h for h in hits)
    # no project has a grant over a billion in any currency
    at = run_page("search", {"currency": "CZK", "grant_min": "1000000000"})
    assert not at.exception
    assert "**0 projects**" in markdown(at)


def test_organisation_page_shows_domain_and_donor_partner_role(
    app_env: Path, structured_store: GraphStore
) -> None:
    rows = structured_store.select(
        """PREFIX pg: <https://w3id.org/praxisgraph/ns#>
        SELECT DISTINCT ?org WHERE {
          GRAPH ?g { ?p pg:role pg:donorPartner ; pg:organisation ?org } }
        ORDER BY ?org LIMIT 1"""
    )
    assert rows, "the EEA pages name donor partners"
    at = run_page("organisation", {"iri": rows[0]["org"].value})
    assert not at.exception
    body = markdown(at)
    assert "<span class='badge donor-partner'>Donor partner</span>" in body
    assert "donor partner in" in body
    with_domain = structured_store.select(
        """PREFIX pg: <https://w3id.org/praxisgraph/ns#>
        SELECT ?org ?domain WHERE { GRAPH ?g { ?org pg:domain ?domain .
                                          ?part pg:organisation ?org } }
        ORDER BY ?org LIMIT 1"""
    )
    assert with_domain
    at = run_page("organisation", {"iri": with_domain[0]["org"].value})
    assert not at.exception
    assert "<b>Website:</b>" in markdown(at)
    assert "target='_blank' rel='noopener noreferrer nofollow'" in markdown(at)


def test_amounts_and_links_are_formatted_and_safe() -> None:
    from app_pages.views import format_amount, web_link

    assert format_amount("60000", "EUR") == "60 000 EUR"
    assert format_amount("4567890.5", "CZK") == "4 567 890.50 CZK"
    assert "<a" not in web_link("javascript:alert(1)")
    assert "<a" not in web_link("data:text/html,<script>x</script>")
    assert "&lt;script&gt;" in web_link("data:text/html,<script>x</script>")
    hostile = web_link("https://x.eu/'><script>alert(1)</script>")
    assert "<script>" not in hostile and hostile.startswith("<a href='https")


def test_search_year_range_alone_equals_the_row_by_row_check(
    app_env: Path, structured_store: GraphStore
) -> None:
    """A year range without other structured filters (dated projects first, then the
    structured call years and dates) passes the projects views.structured_matches passes."""
    from app_pages.views import StructuredFilter, rows_of, structured_matches, structured_of
    from graph.projection import projection
    from graph.search import search

    proj = projection(structured_store)
    years = {i: [str(y) for y in sorted(r.years)] for i, r in proj.projects.items() if r.years}
    info = structured_of(run_query(structured_store, "project_money_dates"))
    rows = rows_of(search(structured_store, "", limit=10**9).hits, years)
    for low, high in ((2021, 2021), (2015, 2019), (2023, None)):
        flt = StructuredFilter(year_from=low, year_to=high)
        expected = [r for r in rows if structured_matches(r, info.get(r.project), flt)]
        params = {"year_from": str(low)} | ({"year_to": str(high)} if high else {})
        at = run_page("search", {**params, "page_size": "100"})
        assert not at.exception
        assert f"**{len(expected)} projects**" in markdown(at), (low, high)
        shown = [m.value for m in at.markdown if "/project?iri=" in m.value]
        assert len(shown) == min(len(expected), 20)
