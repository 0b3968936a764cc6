"""Missing stakeholders on a hand-built graph with a hand-built theme profile, and the
acceptance case on the real seeds (WORKPRIS lacks unions, employers and ministries).

Hand-built graph: project X (prisoners, training) has NGO Alfa and the prison service as
partners and only *names* the Ministry of Justice. Three similar prisoner projects (Y1-Y3)
all have the labour office; Y1 also has Firm Z (employer, CZ). Project Z elsewhere has
Firm W (employer, DE) and Union CZ. The theme profile expects prison service, NGO,
employer, ministry and trade union.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode

from graph.cli import cli
from graph.gaps import (
    ThemeProfile,
    gaps_for_community,
    gaps_for_country,
    gaps_for_org,
    gaps_for_project,
    gaps_for_theme,
    theme_profiles,
)
from graph.handbuilt import OrgSpec, ProjectSpec, project_quads, theme_quads
from graph.store import GraphStore, open_store
from ontology.namespaces import GRAPH

NGO_A = OrgSpec("ngo-a", "NGO Alfa", "ngo", "CZ")
PRISON = OrgSpec("prison", "Prison Service CZ", "prison-service", "CZ")
MOJ = OrgSpec("moj", "Ministry of Justice", "ministry", "CZ")
FIRM_Z = OrgSpec("firm-z", "Firm Z", "employer", "CZ")
FIRM_W = OrgSpec("firm-w", "Firm W", "employer", "DE")
LABOUR = OrgSpec("labour", "Labour Office CZ", "labour-office", "CZ")
UNION = OrgSpec("union", "Union CZ", "trade-union", "CZ")

PRISONERS = {"target_groups": ["prisoners"]}
PROJECTS = [
    ProjectSpec(
        "x",
        "X",
        [(NGO_A, "coordinator"), (PRISON, "partner"), (MOJ, "mentioned")],
        activities=["training"],
        **PRISONERS,
    ),
    ProjectSpec(
        "y1",
        "Y1",
        [(PRISON, "coordinator"), (LABOUR, "partner"), (FIRM_Z, "partner")],
        activities=["training"],
        **PRISONERS,
    ),
    ProjectSpec(
        "y2",
        "Y2",
        [(PRISON, "coordinator"), (LABOUR, "partner")],
        activities=["training"],
        **PRISONERS,
    ),
    ProjectSpec("y3", "Y3", [(NGO_A, "coordinator"), (LABOUR, "partner")], **PRISONERS),
    ProjectSpec("z", "Z", [(FIRM_W, "coordinator"), (UNION, "partner")], target_groups=["workers"]),
]
THEME = theme_quads(
    "test-reintegration",
    "Test reintegration",
    triggers=[("target-group", "prisoners")],
    expects=[
        ("prison-service", 1.0, "runs the prisons"),
        ("ngo", 0.8, "mentoring"),
        ("employer", 0.7, "offers the jobs"),
        ("ministry", 0.6, "sets prison policy"),
        ("trade-union", 0.3, "represents staff"),
    ],
    keywords=[("reintegration", "en")],
)


@pytest.fixture()
def store() -> GraphStore:
    s = open_store(":memory:")
    ontology = NamedNode(str(GRAPH["ontology"]))
    s.replace_graphs({ontology: THEME, **{p.graph: project_quads(p) for p in PROJECTS}})
    return s


def by_type(report: object) -> dict[str, object]:
    return {m.actor_type: m for m in report.missing}  # type: ignore[attr-defined]


def test_theme_profile_read_from_store(store: GraphStore) -> None:
    (theme,) = theme_profiles(store)
    assert theme.label == "Test reintegration"
    assert ("target-group", "prisoners") in theme.triggers
    assert theme.expects[0].actor_type == "prison-service" and theme.expects[0].weight == 1.0
    assert ("reintegration",) in theme.keywords


def test_project_gaps_from_theme_and_similar_projects(store: GraphStore) -> None:
    report = gaps_for_project(store, "x", min_share=0.5)
    missing = by_type(report)
    assert set(missing) == {"labour-office", "employer", "ministry", "trade-union"}
    assert report.present_types == {"ngo": 1, "prison-service": 1}
    assert report.themes[0]["triggered_by"] == ["target-group:prisoners"]
    # (b) data-driven: the labour office takes part in all three similar projects
    labour = missing["labour-office"]
    assert labour.reasons[0]["source"] == "similar-projects"
    assert labour.reasons[0]["with_type"] == 3 and labour.score == 1.0
    assert [c.label for c in labour.candidates] == ["Labour Office CZ"]
    # (a) curated: employer expected with the theme's reason; Firm Z (in a similar project,
    # same country) ranks before Firm W
    employer = missing["employer"]
    assert employer.status == "absent"
    assert employer.reasons[0] == {
        "source": "theme",
        "theme": "Test reintegration",
        "theme_iri": "https://w3id.org/praxisgraph/id/theme/test-reintegration",
        "weight": 0.7,
        "reason": "offers the jobs",
    }
    assert [c.label for c in employer.candidates] == ["Firm Z", "Firm W"]
    assert employer.candidates[0].in_similar_projects == 1
    # the ministry is named in the document but is no partner; it is its own candidate
    ministry = missing["ministry"]
    assert ministry.status == "mentioned-only"
    assert ministry.mentioned == ["Ministry of Justice"]
    assert [c.label for c in ministry.candidates] == ["Ministry of Justice"]
    assert [c.label for c in missing["trade-union"].candidates] == ["Union CZ"]
    # ordered by score
    assert report.missing_types() == ["labour-office", "employer", "ministry", "trade-union"]
    json.dumps(report.as_dict())  # JSON-ready


def test_min_share_controls_data_driven_gaps(store: GraphStore) -> None:
    report = gaps_for_project(store, "x", min_share=0.5)
    assert "employer" in by_type(report)
    strict = by_type(gaps_for_project(store, "x", min_share=1.0, min_support=3))
    assert "labour-office" in strict
    assert strict["employer"].reasons[0]["source"] == "theme"  # 1 of 3 similar: not data


def test_org_ego_network_gaps(store: GraphStore) -> None:
    report = gaps_for_org(store, "NGO Alfa", min_share=0.5)
    missing = by_type(report)
    # NGO Alfa's partners cover prison service and labour office (via Y3)
    assert "labour-office" not in missing and "prison-service" not in missing
    assert {"employer", "ministry", "trade-union"} <= set(missing)


def test_theme_and_country_gaps_use_coverage(store: GraphStore) -> None:
    report = gaps_for_theme(store, "prisoners")
    assert report.projects == 4
    missing = by_type(report)
    # employers take part in 1 of 4 prisoner projects (25 % > 10 %): not missing
    assert "employer" not in missing
    assert missing["trade-union"].status == "absent"
    assert missing["ministry"].status == "mentioned-only"
    named = gaps_for_theme(store, "test-reintegration", country="CZ")
    assert named.subject["label"] == "Test reintegration in CZ"
    with pytest.raises(LookupError, match="no target group"):
        gaps_for_theme(store, "no-such-thing")
    assert gaps_for_country(store, "CZ").projects == 5
    with pytest.raises(LookupError):
        gaps_for_country(store, "XX")


def test_keyword_selects_theme_when_no_concept_does() -> None:
    s = open_store(":memory:")
    ontology = NamedNode(str(GRAPH["ontology"]))
    project = ProjectSpec(
        "k", "Reintegration after release", [(NGO_A, "coordinator")], lemmas="reintegration job"
    )
    s.replace_graphs({ontology: THEME, project.graph: project_quads(project)})
    report = gaps_for_project(s, "k")
    assert report.themes[0]["triggered_by"] == ["keyword:reintegration"]
    assert "prison-service" in by_type(report)


def reference_keyword_projects(
    s: GraphStore, profiles: list[ThemeProfile]
) -> dict[tuple[str, ...], set[str]]:
    """Keyword -> projects holding all its lemmas, from the in-memory lemma index of
    graph.precedents (the former path of the gaps analysis). A keyword lemma of two words
    ("cross border", from "cross-border") is looked up word by word: in that index, whose
    terms are single words, it could never match."""
    from graph.precedents import text_index

    postings = text_index(s).postings
    out: dict[tuple[str, ...], set[str]] = {}
    for keyword in {k for t in profiles for k in t.keywords}:
        words = [w for lemma in keyword for w in lemma.split()]
        found = set.intersection(*(set(postings.get(w, {})) for w in words))
        if found:
            out[keyword] = found
    return out


def assert_keywords_as_reference(s: GraphStore) -> int:
    from graph.gaps import keyword_projects, project_themes, themes_of_projects
    from graph.projection import projection

    proj, profiles = projection(s), theme_profiles(s)
    everything = set(proj.projects)
    keywords = [k for t in profiles for k in t.keywords]
    expected = reference_keyword_projects(s, profiles)
    assert keyword_projects(s, keywords, everything) == expected
    themes = themes_of_projects(s, proj, sorted(everything), profiles)
    some = sorted(everything)[:: max(1, len(everything) // 20)]
    assert {p: project_themes(s, proj, p, profiles) for p in some} == {p: themes[p] for p in some}
    by_keyword = [
        p
        for p, found in themes.items()
        if any(why[0].startswith("keyword:") for why in found.values())
    ]
    for p in by_keyword:  # selected by keyword: exactly the reference's keywords
        for theme in profiles:
            hit = sorted(" ".join(k) for k in theme.keywords if p in expected.get(k, ()))
            want = [f"keyword:{k}" for k in hit[:3]]
            assert themes[p].get(theme.iri, []) == want
    return len(by_keyword)


def test_keyword_themes_equal_the_lemma_index_on_a_hand_built_store() -> None:
    s = open_store(":memory:")
    ontology = NamedNode(str(GRAPH["ontology"]))
    project = ProjectSpec(
        "k", "Reintegration after release", [(NGO_A, "coordinator")], lemmas="reintegration job"
    )
    s.replace_graphs({ontology: THEME, project.graph: project_quads(project)})
    assert assert_keywords_as_reference(s) == 1


def test_keyword_themes_equal_the_lemma_index_on_the_demo_store(demo_store: GraphStore) -> None:
    assert_keywords_as_reference(demo_store)


def test_keyword_themes_equal_the_lemma_index_on_a_synthetic_store(tmp_path: Path) -> None:
    import io

    from pyoxigraph import RdfFormat

    from graph.synth import write_nquads

    buf = io.BytesIO()
    write_nquads(300, buf, seed=5, base=tmp_path / "synth")
    s = open_store(tmp_path / "store")
    s.load(buf.getvalue(), RdfFormat.N_QUADS)
    s.replace_graphs({})  # stamp a version, as every write does
    assert assert_keywords_as_reference(s) > 0


def test_community_gaps(store: GraphStore) -> None:
    report = gaps_for_community(store, 0)
    assert report.subject["kind"] == "community"
    with pytest.raises(LookupError, match="no community"):
        gaps_for_community(store, 99)


def test_cli_gaps(tmp_path: Path) -> None:
    path = tmp_path / "store"
    disk = open_store(path)
    ontology = NamedNode(str(GRAPH["ontology"]))
    disk.replace_graphs({ontology: THEME, **{p.graph: project_quads(p) for p in PROJECTS}})
    disk.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["gaps", "--store", str(path), "--project", "x", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert "employer" in [m["actor_type"] for m in data["missing"]]
    out = runner.invoke(cli, ["gaps", "--store", str(path), "--project", "nope", "--json"])
    assert out.exit_code != 0 and "no project matches" in out.output
    out = runner.invoke(cli, ["gaps", "--store", str(path), "--json"])
    assert out.exit_code != 0


@pytest.fixture(scope="module")
def seeds_store(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    from ingest.pipeline import ingest_paths

    path = tmp_path_factory.mktemp("seeds") / "store"
    store = open_store(path)
    ingest_paths([seeds_dir], store, progress=False)
    yield store
    store.close()


def test_workpris_seed_lacks_unions_employers_and_ministries(seeds_store: GraphStore) -> None:
    report = gaps_for_project(seeds_store, "000")
    assert "WORKPRIS" in report.subject["label"]
    assert any("prisoner-reintegration" in t["iri"] for t in report.themes)
    missing = by_type(report)
    assert {"trade-union", "employer", "ministry"} <= set(missing)
    for notation in ("trade-union", "employer", "ministry"):
        assert any(r["source"] == "theme" and r["reason"] for r in missing[notation].reasons)
    # candidates come from the graph wherever it has an organisation of the type
    from graph.projection import projection

    proj = projection(seeds_store)
    for notation in ("trade-union", "employer", "ministry"):
        m = missing[notation]
        assert all(c.actor_type == notation for c in m.candidates)
        if proj.orgs_by_type.get(notation):
            assert m.candidates or m.reference_bodies
