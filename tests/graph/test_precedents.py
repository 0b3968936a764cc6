"""Precedent ranking on a hand-built graph with a known order.

A: prisoners + training, Erasmus+, NGO and prison service (the closest precedent);
B: prisoners + counselling, ESF; C: migrants + training, Erasmus+, NGO;
D: police joint operations (nothing in common with a prison-training idea).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.handbuilt import OrgSpec, ProjectSpec, load_projects
from graph.precedents import (
    IdeaProfile,
    bm25,
    find_precedents,
    idea_profile,
    rank_precedents,
    text_index,
    text_match,
)
from graph.store import GraphStore, open_store

NGO_A = OrgSpec("ngo-a", "NGO Alfa", "ngo", "CZ")
NGO_C = OrgSpec("ngo-c", "NGO Cesta", "ngo", "CZ")
PRISON = OrgSpec("prison", "Prison Service CZ", "prison-service", "CZ")
POLICE = OrgSpec("police", "Police AT", "police", "AT")

PROJECTS = [
    ProjectSpec(
        "a",
        "Vocational training in prison",
        [(NGO_A, "coordinator"), (PRISON, "partner")],
        funders=["erasmus-plus"],
        target_groups=["prisoners"],
        activities=["training"],
        lemmas="vocational training in prison for prisoner",
    ),
    ProjectSpec(
        "b",
        "Debt counselling for prisoners",
        [(PRISON, "coordinator"), (NGO_C, "partner")],
        funders=["esf"],
        target_groups=["prisoners"],
        activities=["counselling"],
        lemmas="debt counselling prisoner",
    ),
    ProjectSpec(
        "c",
        "Language training for migrants",
        [(NGO_A, "coordinator")],
        funders=["erasmus-plus"],
        target_groups=["migrants"],
        activities=["training"],
        lemmas="language training migrant",
    ),
    ProjectSpec(
        "d",
        "Joint patrols",
        [(POLICE, "coordinator")],
        funders=["isf"],
        target_groups=["general-public"],
        activities=["joint-operations"],
        lemmas="joint patrol police border",
    ),
]

IDEA = IdeaProfile(
    lang="en",
    target_groups=["prisoners"],
    activities=["training"],
    actor_types=["ngo"],
    lemmas="vocational training for prisoner".split(),
)


@pytest.fixture()
def store() -> GraphStore:
    s = open_store(":memory:")
    load_projects(s, PROJECTS)
    return s


def titles(result: object) -> list[str]:
    return [h.title for h in result.hits]  # type: ignore[attr-defined]


def test_ranking_order_and_explanations(store: GraphStore) -> None:
    result = rank_precedents(store, IDEA)
    assert titles(result) == [
        "Vocational training in prison",
        "Debt counselling for prisoners",
        "Language training for migrants",
    ]  # D shares nothing and is not listed
    best = result.hits[0]
    assert best.shared["target-group"] == ["prisoners"]
    assert best.shared["activity-type"] == ["training"]
    assert "vocational" in best.shared["words"]
    assert "same target group:" in best.explanation
    assert "partners: NGO Alfa (ngo), Prison Service CZ (prison-service)" in best.explanation
    assert best.score > result.hits[1].score > result.hits[2].score


def test_funder_preference_lifts_same_funder_projects(store: GraphStore) -> None:
    plain = rank_precedents(store, IDEA)
    with_funder = rank_precedents(store, IDEA, funder="erasmus-plus")
    assert titles(with_funder)[0] == "Vocational training in prison"
    c_plain = next(h.score for h in plain.hits if h.title.startswith("Language"))
    c_funder = next(h.score for h in with_funder.hits if h.title.startswith("Language"))
    assert c_funder > c_plain
    assert "same funder:" in with_funder.hits[0].explanation


def test_potential_partners_with_the_projects_that_show_it(store: GraphStore) -> None:
    result = rank_precedents(store, IDEA)
    partners = {p.label: p for p in result.partners}
    assert partners["NGO Alfa"].precedents == 2  # A and C
    assert partners["Prison Service CZ"].precedents == 2  # A and B
    assert {x["title"] for x in partners["NGO Alfa"].projects} == {
        "Vocational training in prison",
        "Language training for migrants",
    }
    assert "Police AT" not in partners
    assert result.partners[0].label in {"NGO Alfa", "Prison Service CZ"}


def test_bm25_prefers_rare_shared_words(store: GraphStore) -> None:
    scores, terms = bm25(text_index(store), ["vocational", "training", "xyzzy"])
    a, c = PROJECTS[0].iri, PROJECTS[2].iri
    assert scores[a] > scores[c] > 0
    assert terms == ["vocational", "training"]  # rarest first; unknown words dropped


def test_find_precedents_runs_the_extraction_on_the_idea(store: GraphStore) -> None:
    result = find_precedents(
        store, "Vocational training for prisoners in prisons, run by an NGO.", country="CZ"
    )
    assert result.idea.lang == "en"
    assert "prisoners" in result.idea.target_groups
    assert titles(result)[0] == "Vocational training in prison"
    json.dumps(result.as_dict())
    with pytest.raises(ValueError, match="empty"):
        find_precedents(store, "   ")


def test_cli_precedents(tmp_path: Path) -> None:
    path = tmp_path / "store"
    disk = open_store(path)
    load_projects(disk, PROJECTS)
    disk.close()
    out = CliRunner().invoke(
        cli,
        [
            *("precedents", "Training for prisoners", "--store", str(path)),
            *("--funder", "erasmus-plus", "--json"),
        ],
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["hits"][0]["title"] == "Vocational training in prison"
    assert data["partners"]


def test_search_index_words_give_the_in_memory_index_scores(store: GraphStore) -> None:
    lemmas = ["vocational", "training", "prisoner", "xyzzy", "migrant"]
    scores, terms = bm25(text_index(store), lemmas)
    matched = text_match(store, lemmas)
    assert matched.terms == terms
    assert matched.scores == scores  # the same floats, not just the same order
    assert matched.containing["migrant"] == {PROJECTS[2].iri}


IDEAS = [
    "We want to help women leaving prison find work: job coaching and training inside the "
    "prison, then mentoring with employers and the labour office after release.",
    "Spolupráce městské policie a obcí při prevenci kriminality mládeže.",
    "Integracja migrantów i uchodźców w gminie: kursy języka i doradztwo zawodowe.",
    "Gewaltprävention an Schulen gemeinsam mit der Polizei und Sozialarbeitern.",
    "Podpora rómskych komunít a sociálna práca v obciach.",
    "Usposabljanje zapornikov in zaposlovanje po prestani kazni.",
]


@pytest.mark.parametrize("text", IDEAS)
def test_precedents_from_the_search_index_equal_the_reference(
    demo_store: GraphStore, text: str
) -> None:
    """The ranking read from the search index's postings (nothing built per store
    version) is the one of the in-memory lemma index, reasons and partners included."""
    idea = idea_profile(text)
    for funder, country in ((None, None), ("esf", "CZ")):
        fast = rank_precedents(demo_store, idea, funder=funder, country=country, limit=25)
        reference = rank_precedents(
            demo_store, idea, funder=funder, country=country, limit=25, reference=True
        )
        assert fast.hits, text
        assert fast.as_dict() == reference.as_dict()
