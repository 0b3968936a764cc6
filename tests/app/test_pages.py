"""Each page renders against the demo store (streamlit.testing, no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.network import collaboration_graph
from graph.search import search

PAGES = Path(__file__).resolve().parents[2] / "app_pages"


@pytest.fixture()
def app_env(demo_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_STORE", str(demo_store_path))
    return demo_store_path


def run_page(name: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at.run()


def test_search_page_lists_projects_and_filters(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    at = run_page("search")
    assert not at.exception
    total = search(demo_store, "").total
    assert any(f"{total} projects" in c.value for c in at.caption)
    at.text_input(key="q").input("policie").run()
    assert not at.exception


def test_project_page_shows_evidence(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    hit = search(demo_store, "").hits[0]
    at = run_page("project", {"iri": hit.project})
    assert not at.exception
    assert at.title[0].value == hit.title
    assert any("<mark>" in m.value for m in at.markdown), "evidence quotes are highlighted"


def test_organisation_page(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    g = collaboration_graph(demo_store)
    org = max(g.nodes, key=lambda n: g.degree(n))
    at = run_page("organisation", {"iri": org})
    assert not at.exception
    assert at.title[0].value


def test_network_page(app_env: Path) -> None:
    at = run_page("network")
    assert not at.exception
    assert any("organisations" in c.value for c in at.caption)


def test_bad_iri_is_a_message_not_a_crash(app_env: Path) -> None:
    for page in ("project", "organisation"):
        at = run_page(page, {"iri": "not an iri <script>"})
        assert not at.exception
        assert at.error or at.warning
