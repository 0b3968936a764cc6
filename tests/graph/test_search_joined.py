"""A project described by several files (a project card and a press release with the same
project number: one project IRI, facts in two named graphs) is ONE row of the search index
whose words and facets come from both files, in a full build and after incremental
refreshes (a file re-ingested, a file dropped) alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pyoxigraph import NamedNode

from graph.search import index_path, rebuild_index, refresh_index, search, word_postings
from graph.store import GraphStore, open_store
from ingest.normalise import fold
from ingest.pipeline import ingest_paths
from ingest.rdf import doc_graph
from ingest.readers import read_file

PROJECT = "https://w3id.org/praxisgraph/id/project/id-cz-justice-0042"
CARD = """# Second Chance Workshops – project card

Project number: CZ-JUSTICE-0042. The Probation and Mediation Service of the Czech Republic
coordinates the project, funded by the Norway Grants. The project offers vocational training
and counselling for prisoners in Plzeň prison.
"""
RELEASE = """# Prisoners and seniors repair bicycles together – press release

Project number CZ-JUSTICE-0042. In the {word} workshop run by the Diakonie, volunteers,
seniors and young people leaving institutional care meet prisoners every week. A study visit
to Norway showed how {word} helps people return to work.
"""


def index_rows(store: GraphStore) -> dict[str, tuple]:
    """The index content by project IRI (document ids differ between builds)."""
    search(store, "", limit=0)  # built if missing (a current index is left as it is)
    path = index_path(store)
    assert path is not None
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, iri, graph, title, lang, file, ftitle, lemmas FROM docs")
        out = {}
        for doc, iri, *fields in rows.fetchall():
            facets = sorted(
                conn.execute(
                    "SELECT facet, value FROM dfacets JOIN fvalues ON fvalues.id = dfacets.fv"
                    " WHERE doc = ?",
                    (doc,),
                ).fetchall()
            )
            graphs = sorted(
                g for (g,) in conn.execute("SELECT graph FROM dgraphs WHERE doc = ?", (doc,))
            )
            assert iri not in out
            out[iri] = (*fields, facets, graphs)
        fv = sorted(conn.execute("SELECT facet, value, n FROM fvalues WHERE n > 0").fetchall())
        out["(facet counts)"] = tuple(fv)
        return out
    finally:
        conn.close()


def indexed_version(store: GraphStore) -> str | None:
    conn = sqlite3.connect(index_path(store))
    try:
        return conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]
    finally:
        conn.close()


def same_as_full_build(store: GraphStore) -> dict[str, tuple]:
    """The index after incremental refreshes equals a full rebuild of the same store."""
    assert indexed_version(store) == store.version()  # kept up to date, not rebuilt
    refreshed = index_rows(store)
    rebuild_index(store)
    assert index_rows(store) == refreshed
    return refreshed


def hits(store: GraphStore, query: str) -> list[str]:
    return [h.project for h in search(store, query, limit=100).hits]


def facets_of(store: GraphStore, project: str) -> dict[str, set[str]]:
    [hit] = [h for h in search(store, "", limit=1000).hits if h.project == project]
    return {k: set(v) for k, v in hit.facets.items()}


def test_joined_project_is_one_row_from_both_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    card = docs / "a-card.md"
    card.write_text(CARD, encoding="utf-8")
    release = docs / "b-release.md"
    release.write_text(RELEASE.format(word="beekeeping"), encoding="utf-8")

    # the card alone, then the release: the index exists, so ingest refreshes it
    store = open_store(tmp_path / "store")
    assert ingest_paths([card], store, progress=False).skipped == []
    assert hits(store, "") == [PROJECT]
    card_facets = facets_of(store, PROJECT)
    card_only = same_as_full_build(store)[PROJECT]
    assert ingest_paths([release], store, progress=False).skipped == []
    both = same_as_full_build(store)[PROJECT]
    assert hits(store, "") == [PROJECT]  # one row
    assert hits(store, "beekeeping") == [PROJECT]  # a word only in the release
    assert hits(store, "Plzeň") == [PROJECT]  # a word only in the card
    assert both[1] == card_only[1] == "Second Chance Workshops – project card"  # a- first
    assert sorted(both[-1]) == sorted(
        {doc_graph(read_file(p).doc_id).value for p in (card, release)}
    )
    joined = facets_of(store, PROJECT)
    added = {f: v - card_facets.get(f, set()) for f, v in joined.items()}
    assert any(added.values()), "the release adds no facet value: the test proves nothing"
    for facet, values in card_facets.items():
        assert values <= joined[facet]
    for facet, values in added.items():
        for value in values:
            assert [h.project for h in search(store, "", {facet: [value]}).hits] == [PROJECT]
    postings = word_postings(store, [fold("beekeeping")])
    assert [postings.iris[int(d)] for d in postings.docs[fold("beekeeping")]] == [PROJECT]

    # the release re-ingested with another word: still one row, the old word gone
    release.write_text(RELEASE.format(word="woodcarving"), encoding="utf-8")
    assert ingest_paths([release], store, progress=False).skipped == []
    after_release = same_as_full_build(store)[PROJECT]
    assert hits(store, "") == [PROJECT]
    assert hits(store, "beekeeping") == []
    assert hits(store, "woodcarving") == [PROJECT]

    # the card re-ingested unchanged: the release's words stay
    assert ingest_paths([card], store, progress=False).skipped == []
    assert same_as_full_build(store)[PROJECT] == after_release
    assert hits(store, "woodcarving") == [PROJECT]
    assert hits(store, "") == [PROJECT]

    # the release dropped (what removing a file does): the project keeps the card's text only
    release_graph = NamedNode(doc_graph(read_file(release).doc_id).value)
    before = store.version()
    store.replace_graphs({}, drop=[release_graph])
    assert refresh_index(store, [release_graph], before)
    assert same_as_full_build(store)[PROJECT] == card_only
    assert hits(store, "woodcarving") == []
    assert hits(store, "Plzeň") == [PROJECT]
    assert facets_of(store, PROJECT) == card_facets
    store.close()


def test_full_build_of_a_joined_store_in_either_order(tmp_path: Path) -> None:
    """Both files in one ingest (no index yet: the first search builds it) and in the
    other order give the same index row (the title from the first file name)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-card.md").write_text(CARD, encoding="utf-8")
    (docs / "b-release.md").write_text(RELEASE.format(word="beekeeping"), encoding="utf-8")
    rows = []
    for name, order in (
        ("one", ["a-card.md", "b-release.md"]),
        ("two", ["b-release.md", "a-card.md"]),
    ):
        store = open_store(tmp_path / name)
        for file in order:
            assert ingest_paths([docs / file], store, progress=False).skipped == []
        assert hits(store, "beekeeping") == hits(store, "Plzeň") == [PROJECT]
        assert search(store, "").total == 1
        rows.append(index_rows(store))
        store.close()
    assert rows[0] == rows[1]
    assert rows[0][PROJECT][1] == "Second Chance Workshops – project card"


def test_single_source_rows_are_the_documents_own(demo_store: GraphStore) -> None:
    """A project from one file: its row is that file's title, language, file and lemma
    text (then its concept tokens), as before projects could span files."""
    from graph.queries import run_query

    rows = index_rows(demo_store)
    summaries = run_query(demo_store, "project_summaries")
    assert len(summaries) == len(rows) - 1  # every demo project comes from one file
    for row in summaries:
        graph, title, lang, file, ftitle, lemmas, _facets, graphs = rows[row["project"].value]
        assert (graph, title, lang, file) == (
            row["g"].value,
            row["title"].value,
            row["lang"].value if "lang" in row else "und",
            row["file"].value,
        )
        assert ftitle == fold(title)
        text = row["lemmas"].value
        assert lemmas == text or lemmas.startswith(text + " zzc")
        assert graphs == [graph]


def test_word_postings_of_joined_projects_match_the_reference(tmp_path: Path) -> None:
    """data/structured holds projects read from two and three files: the index's word
    counts and lengths equal the reference built from every document's lemmas and title
    (graph.precedents.text_index), which the precedent ranking is checked against."""
    from graph.precedents import text_index
    from tests.conftest import ROOT

    store = open_store(tmp_path / "store")
    assert ingest_paths([ROOT / "data" / "structured"], store, progress=False).skipped == []
    reference = text_index(store)
    assert any(len(graphs) > 1 for *_, graphs in index_rows(store).values() if graphs)
    terms = sorted(reference.postings)
    postings = word_postings(store, terms)
    assert postings.n_docs == len(reference.lengths)
    for project, length in reference.lengths.items():
        assert postings.length[postings.iris.index(project)] == length, project
    for term in terms:
        got = {
            postings.iris[int(d)]: int(n)
            for d, n in zip(postings.docs[term], postings.tf[term], strict=True)
        }
        assert got == reference.postings[term], term
    store.close()
