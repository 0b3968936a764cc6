"""Every page renders against the demo store and its main interactions work
(streamlit.testing AppTest on each page's own file; the router is covered by the browser
tests). Real on-disk stores, real files, no mocks."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.network import collaboration_graph
from graph.queries import run_query
from graph.resolve import organisation_label
from graph.search import search
from graph.store import GraphStore

PAGES = Path(__file__).resolve().parents[2] / "app_pages"


@pytest.fixture()
def app_env(demo_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_STORE", str(demo_store_path))
    return demo_store_path


def run_page(name: str, params: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=120)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at.run()


def texts(at: AppTest) -> str:
    """Everything the page wrote as markdown, captions, titles and alerts, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [t.value for t in at.title] + [s.value for s in at.subheader]
    parts += [x.value for x in (*at.info, *at.warning, *at.error, *at.success)]
    return "\n".join(str(p) for p in parts)


def busiest_org(store: GraphStore) -> str:
    counts = Counter(r["org"].value for r in run_query(store, "participations"))
    return counts.most_common(1)[0][0]


# ---------------------------------------------------------------------------- search
def test_search_page_lists_projects_with_facets(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    at = run_page("search")
    assert not at.exception
    total = search(demo_store, "").total
    assert f"**{total} projects**" in texts(at)
    facet_keys = {m.key for m in at.sidebar.multiselect}
    assert {"facet-funder", "facet-country", "facet-language"} <= facet_keys
    funders = at.multiselect(key="facet-funder")
    assert all("(" in label for label in funders.options), "options carry their counts"
    assert len(at.get("download_button")) == 2  # CSV and XLSX


def test_search_query_and_filters_go_into_the_url(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    at = run_page("search")
    at.text_input(key="q").input("policie").run()
    assert not at.exception
    assert at.query_params["q"] == ["policie"] or at.query_params["q"] == "policie"
    words = search(demo_store, "policie")
    assert f"**{words.total} projects**" in texts(at)
    funder = words.facets["funder"].most_common(1)[0][0]
    at.multiselect(key="facet-funder").select(funder).run()
    assert not at.exception
    filtered = search(demo_store, "policie", {"funder": [funder]}).total
    assert f"**{filtered} projects**" in texts(at)
    assert funder in str(at.query_params["funder"])


def test_search_state_comes_back_from_a_shared_link(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    hit = search(demo_store, "").hits[0]
    funder = hit.facets["funder"][0] if hit.facets.get("funder") else None
    params: dict[str, str | list[str]] = {"q": "", "sort": "title"}
    if funder:
        params["funder"] = funder
    at = run_page("search", params)
    assert not at.exception
    assert at.selectbox(key="sort").value == "title"
    if funder:
        assert at.multiselect(key="facet-funder").value == [funder]
    # sorted by title: the first link is the alphabetically first title
    expected = search(demo_store, "", {"funder": [funder]} if funder else None, limit=10**6)
    first = min(expected.hits, key=lambda h: (h.title.casefold(), h.project))
    links = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert links and first.project.rsplit("/", 1)[-1] in links[0]


def test_search_pages_through_results(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    total = search(demo_store, "").total
    if total <= 20:
        pytest.skip("demo corpus fits on one page")
    at = run_page("search")
    first_page = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert len(first_page) == 20
    at.button(key="next").click().run()
    assert not at.exception
    second_page = [m.value for m in at.markdown if "/project?iri=" in m.value]
    assert second_page and not set(first_page) & set(second_page)
    assert at.query_params["page"] in ("2", ["2"])


def test_search_without_hits_says_so(app_env: Path) -> None:
    at = run_page("search", {"q": "zzzqqqxxx"})
    assert not at.exception
    assert "**0 projects**" in texts(at)
    assert at.info


# ---------------------------------------------------------------------------- project
def test_project_page_shows_facts_evidence_partners_and_source(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(r["project"].value for r in run_query(demo_store, "participations"))
    project = counts.most_common(1)[0][0]
    at = run_page("project", {"iri": project})
    assert not at.exception
    title = next(h.title for h in search(demo_store, "", limit=10**6).hits if h.project == project)
    assert at.title[0].value.replace("\\", "") == title
    body = texts(at)
    assert "<mark>" in body, "evidence quotes are highlighted"
    assert "/organisation?iri=" in body, "organisations link to their pages"
    assert any(role in body for role in ("coordinator", "partner"))
    assert {"Facts and their evidence", "Organisations", "Similar projects", "Source"} <= {
        s.value for s in at.subheader
    }
    labels = [b.label for b in at.get("download_button")]
    assert any("Extracted text" in label for label in labels)
    assert any("Original file" in label for label in labels), "demo files are on disk"


def test_project_page_lists_similar_projects(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    hit = search(demo_store, "").hits[0]
    at = run_page("project", {"iri": hit.project})
    assert not at.exception
    similar = [m.value for m in at.markdown if "score" in m.value and "/project?iri=" in m.value]
    assert similar, "precedents for an existing project"
    assert all(hit.project.rsplit("/", 1)[-1] not in m.split("'")[1] for m in similar)


def test_bad_or_unknown_iri_is_a_message_not_a_crash(app_env: Path) -> None:
    for page in ("project", "organisation"):
        at = run_page(page, {"iri": "not an iri <script>"})
        assert not at.exception
        assert at.error or at.warning
        at = run_page(page, {"iri": "https://example.org/nothing"})
        assert not at.exception
        assert at.warning
        at = run_page(page)
        assert not at.exception
        assert at.info or at.selectbox  # the organisation page offers a picker


# ---------------------------------------------------------------------------- organisation
def test_organisation_page_picks_an_organisation_by_name(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    at = run_page("organisation")
    assert not at.exception
    picker = at.selectbox(key="org-pick")
    busiest = busiest_org(demo_store)
    assert picker.options[1].startswith(organisation_label(demo_store, busiest))
    # only organisations some document names: each option opens a page
    assert not any(o.endswith("(0 projects)") for o in picker.options)
    picker.select_index(1).run()
    assert not at.exception
    assert "Names and where they come from" in {s.value for s in at.subheader}
    # a human address by name, and an unknown name as a message
    at = run_page("organisation", {"org": organisation_label(demo_store, busiest)})
    assert not at.exception and at.title[0].value
    assert "Names and where they come from" in {s.value for s in at.subheader}
    at = run_page("organisation", {"org": "Nobody Anywhere <b>"})
    assert not at.exception
    assert any("no organisation matches" in e.value for e in at.error)


def test_organisation_page_sections(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    org = busiest_org(demo_store)
    at = run_page("organisation", {"iri": org})
    assert not at.exception
    assert at.title[0].value
    headings = {s.value for s in at.subheader}
    assert {
        "Names and where they come from",
        "Projects",
        "Partners ranked by shared projects",
        "Ego network",
        "Possible duplicates",
    } <= headings
    names = at.dataframe[0].value
    assert {"name", "kind", "seen in"} <= set(names.columns)
    assert len(names) >= 1
    g = collaboration_graph(demo_store)
    partner_links = [m.value for m in at.markdown if "shared ·" in m.value]
    assert len(partner_links) == min(50, g.degree(org))
    # the strongest partner comes first
    best = max(g[org].items(), key=lambda x: (x[1]["weight"], -ord(x[0][-1])))[1]["weight"]
    assert f"<b>{best}</b> shared" in partner_links[0]
    assert at.get("iframe") or at.get("html") or any(e.type == "iframe" for e in at.main), (
        "ego network drawn"
    )


# ---------------------------------------------------------------------------- network
def test_network_page_draws_and_cuts_to_top_n(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    g = collaboration_graph(demo_store)
    at = run_page("network", {"max": "20"})
    assert not at.exception
    assert any("20 organisations" in c.value for c in at.caption)
    if g.number_of_nodes() > 20:
        assert any("best-connected" in i.value for i in at.info), "a clear top-N message"
    legend = next(m.value for m in at.markdown if "legend" in m.value)
    assert "●" in legend


def test_network_page_colour_size_and_ego(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    org = busiest_org(demo_store)
    at = run_page("network", {"colour": "community", "size": "betweenness", "ego": org})
    assert not at.exception
    assert at.selectbox(key="net-colour").value == "community"
    assert at.selectbox(key="net-size").value == "betweenness"
    g = collaboration_graph(demo_store)
    assert any(f"{g.degree(org) + 1} organisations" in c.value for c in at.caption)
    assert "community 1" in next(m.value for m in at.markdown if "legend" in m.value)
    at.selectbox(key="net-colour").select("country").run()
    assert not at.exception
    assert at.query_params["colour"] in ("country", ["country"])


def test_network_page_filters(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    funder = search(demo_store, "").facets["funder"].most_common(1)[0][0]
    at = run_page("network", {"funder": funder})
    assert not at.exception
    assert at.multiselect(key="net-funder").value == [funder]
    full = collaboration_graph(demo_store).number_of_nodes()
    shown = next(c.value for c in at.caption if "organisations ·" in c.value)
    assert int(shown.split()[0]) < full


# ---------------------------------------------------------------------------- gaps, precedents
def test_gaps_page_for_a_project(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    hit = search(demo_store, "").hits[0]
    at = run_page("gaps", {"project": hit.project})
    assert not at.exception
    assert at.radio(key="gap-kind").value == "project"
    body = texts(at)
    assert "Why expected" in body or at.success
    if "Why expected" in body:
        assert "<li>" in body


@pytest.mark.parametrize("kind", ["org", "community", "country", "theme"])
def test_gaps_page_other_subjects(app_env: Path, demo_store, kind: str) -> None:  # type: ignore[no-untyped-def]
    from graph.gaps import theme_profiles

    subject = {
        "org": lambda: busiest_org(demo_store),
        "community": lambda: "0",
        "country": lambda: search(demo_store, "").facets["country"].most_common(1)[0][0],
        "theme": lambda: theme_profiles(demo_store)[0].name,
    }[kind]()
    at = run_page("gaps", {kind: subject})
    assert not at.exception
    assert at.radio(key="gap-kind").value == kind
    assert at.subheader, "a report is shown"
    assert "Why expected" in texts(at) or at.success or at.warning


def test_precedents_page_for_an_idea(app_env: Path) -> None:
    at = run_page(
        "precedents",
        {"idea": "Vocational training for prisoners and help finding work after release."},
    )
    assert not at.exception
    body = texts(at)
    assert "Recognised in the idea" in body
    assert any(s.value.startswith("Similar projects (") for s in at.subheader)
    assert "/project?iri=" in body


def test_precedents_page_empty_idea_asks_for_one(app_env: Path) -> None:
    at = run_page("precedents")
    assert not at.exception
    assert at.info
    at.text_area(key="idea").input("Joint police patrols on the Czech–Austrian border.").run()
    assert not at.exception
    assert "idea" in at.query_params


# ---------------------------------------------------------------------------- SPARQL
def test_sparql_page_runs_examples_and_refuses_updates(app_env: Path) -> None:
    at = run_page("sparql")
    assert not at.exception
    at.button(key="sparql-run").click().run()
    assert not at.exception
    assert at.dataframe, "the default example returns a table"
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]
    at.selectbox(key="sparql-example").select("Is any prison service in the graph? (ASK)").run()
    at.button(key="sparql-run").click().run()
    assert not at.exception
    assert at.metric and at.metric[0].value in ("yes", "no")
    at.text_area(key="sparql-query").input("DROP ALL").run()
    at.button(key="sparql-run").click().run()
    assert not at.exception
    assert "only SELECT, ASK, CONSTRUCT and DESCRIBE" in at.error[0].value.replace("\\", "")


# ---------------------------------------------------------------------------- data
def test_data_page_statistics_and_dumps(app_env: Path, demo_store) -> None:  # type: ignore[no-untyped-def]
    at = run_page("data")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Projects"] == f"{search(demo_store, '').total:,}"
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["TriG (Turtle with named graphs)", "N-Quads", "JSON-LD"]


def test_data_page_upload_ingests_and_reports_skips(
    demo_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(demo_store_path, copy)
    monkeypatch.setenv("PRAXIS_STORE", str(copy))
    monkeypatch.setenv("PRAXIS_UPLOADS", str(tmp_path / "uploads"))
    at = run_page("data")
    before = int(next(m.value for m in at.metric if m.label == "Projects").replace(",", ""))
    text = (
        "Bezpečná čtvrť: prevence kriminality v Brně\n\n"
        "Projekt financovaný z Fondů EHP a Norska. Koordinátor: Městská policie Brno. "
        "Partner: Statutární město Brno. Cílová skupina: senioři a děti. Aktivity: "
        "školení, osvětová kampaň."
    )
    at.file_uploader(key="uploads").set_value(
        [
            ("bezpecna-ctvrt.txt", text.encode("utf-8"), "text/plain"),
            ("broken.pdf", b"%PDF-1.4 this is not a pdf", "application/pdf"),
            ("empty.txt", b"", "text/plain"),
        ]
    ).run()
    assert not at.exception
    at.button(key="ingest").click().run()
    assert not at.exception
    report = at.dataframe[-1].value
    status = dict(zip(report["file"], report["status"], strict=True))
    assert status == {
        "bezpecna-ctvrt.txt": "ingested",
        "broken.pdf": "skipped",
        "empty.txt": "skipped",
    }
    reasons = dict(zip(report["file"], report["reason"], strict=True))
    assert reasons["empty.txt"] and reasons["broken.pdf"], "each skip says why"
    assert (tmp_path / "uploads").is_dir()
    at.run()  # the reader was reopened: the new project is counted
    after = int(next(m.value for m in at.metric if m.label == "Projects").replace(",", ""))
    assert after == before + 1
    # the same file again replaces its graph instead of adding a copy
    at.button(key="ingest").click().run()
    at.run()
    again = int(next(m.value for m in at.metric if m.label == "Projects").replace(",", ""))
    assert again == after


def test_organisation_page_merges_a_duplicate_in_one_click(
    demo_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer merges a listed duplicate; the curation survives and the alias resolves."""
    from graph.curation import canonical_iri
    from graph.resolve import possible_duplicates
    from graph.store import open_store

    copy = tmp_path / "store"
    shutil.copytree(demo_store_path, copy)
    monkeypatch.setenv("PRAXIS_STORE", str(copy))
    reader = open_store(copy, read_only=True)
    pairs = possible_duplicates(reader, limit=5)
    reader.close()
    if not pairs:
        pytest.skip("the demo store has no possible duplicates to merge")
    keep = pairs[0]["a"]
    at = run_page("organisation", {"iri": keep})
    assert not at.exception
    buttons = [b for b in at.button if b.label == "Merge here"]
    assert buttons, "each possible duplicate offers a merge button"
    buttons[0].click().run()
    assert not at.exception
    assert any("Merged" in s.value for s in at.success), [e.value for e in at.error]
    merged = open_store(copy, read_only=True)
    others = [p["b"] if p["a"] == keep else p["a"] for p in pairs if keep in (p["a"], p["b"])]
    # the first button merges the page's first listed duplicate: one of the known pairs
    assert any(canonical_iri(merged, o) == canonical_iri(merged, keep) for o in others)
