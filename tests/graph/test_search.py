"""Full-text search (SQLite FTS5 beside the store): multilingual lemmas, diacritic folding,
facets, filters, paging, and an index kept in step with the store version."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from graph.search import index_path, match_expression, refresh_index, search
from graph.store import GraphStore, open_store
from graph.synth import projects, write_nquads
from ingest.rdf import doc_graph, extraction_quads

N = 600


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("search")


@pytest.fixture(scope="module")
def theme(folder: Path) -> dict[str, str]:
    """Project IRI -> the theme the generator wrote it about."""
    from ingest.rdf import project_iri

    return {
        project_iri(p.document.doc_id).value: p.theme
        for p in projects(N, seed=11, base=folder / "synth")
    }


@pytest.fixture(scope="module")
def synth_store(folder: Path) -> GraphStore:
    """N synthetic projects bulk-loaded into an on-disk store (no NLP needed)."""
    buf = io.BytesIO()
    write_nquads(N, buf, seed=11, base=folder / "synth")
    store = open_store(folder / "store")
    store.load(buf.getvalue(), RdfFormat.N_QUADS)
    store.replace_graphs({})  # stamp a version, as every write does
    return store


@pytest.mark.parametrize("word", ["vězeň", "więzień", "prisoner", "Gefangene", "vezen"])
def test_prison_words_in_any_language_find_prison_projects(
    synth_store: GraphStore, theme: dict[str, str], word: str
) -> None:
    result = search(synth_store, word, limit=1000)
    assert result.total > 0
    assert all(theme[h.project] == "prison" for h in result.hits), word


def test_all_languages_meet(synth_store: GraphStore) -> None:
    langs: set[str] = set()
    for word in ("vězeň", "więzień", "prisoner", "Gefangene"):
        langs |= {h.lang for h in search(synth_store, word, limit=1000).hits}
    assert {"cs", "pl", "en", "de"} <= langs


def test_diacritics_and_case_are_folded(synth_store: GraphStore) -> None:
    a = search(synth_store, "Policie", limit=1000)
    b = search(synth_store, "POLICIE", limit=1000)
    assert a.total == b.total > 0
    assert [h.project for h in a.hits] == [h.project for h in b.hits]
    assert search(synth_store, "więzień").total == search(synth_store, "wiezien").total


def test_every_word_must_match(synth_store: GraphStore) -> None:
    one = search(synth_store, "vězeň", limit=1000).total
    both = search(synth_store, "vězeň xyzzyq", limit=1000).total
    assert one > 0 and both == 0


def test_facets_count_the_hits_and_filters_combine(synth_store: GraphStore) -> None:
    result = search(synth_store, "", limit=N)
    assert result.total == N == len(result.hits)
    expected: dict[str, Counter[str]] = {}
    for hit in result.hits:
        for facet, values in hit.facets.items():
            expected.setdefault(facet, Counter()).update(values)
    assert result.facets == expected
    assert sum(result.facets["language"].values()) == N

    esf = search(synth_store, "", {"funder": ["esf"]}, limit=N)
    assert esf.total == result.facets["funder"]["esf"]
    assert all("esf" in h.facets["funder"] for h in esf.hits)
    either = search(synth_store, "", {"funder": ["esf", "erasmus-plus"]}).total
    assert either == esf.total + result.facets["funder"]["erasmus-plus"]  # one funder each
    both = search(synth_store, "", {"funder": ["esf"], "language": ["cs"]}, limit=N)
    assert all(h.lang == "cs" for h in both.hits) and both.total == esf.facets["language"]["cs"]
    q = search(synth_store, "policie", {"language": ["cs"]}, limit=N)
    assert q.facets["language"] == Counter({"cs": q.total})


def test_big_pages_read_the_same(synth_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    small = search(synth_store, "", limit=N)
    monkeypatch.setattr("graph.search.IN_LIST_MAX", 10)
    big = search(synth_store, "", limit=N)
    assert big.hits == small.hits and big.facets == small.facets


def test_paging_is_stable(synth_store: GraphStore) -> None:
    everything = [h.project for h in search(synth_store, "training", limit=1000).hits]
    pages = []
    for offset in range(0, len(everything), 7):
        pages += [h.project for h in search(synth_store, "training", limit=7, offset=offset).hits]
    assert pages == everything
    scores = [h.score for h in search(synth_store, "training", limit=1000).hits]
    assert scores == sorted(scores, reverse=True)


def test_query_syntax_is_never_interpreted(synth_store: GraphStore) -> None:
    for query in ['"', "AND OR NOT", "NEAR(a b)", "title:x*", "-- ; DROP", "()", "^*"]:
        assert isinstance(search(synth_store, query).total, int)
    expression = match_expression('a" OR "b') or ""
    assert expression.startswith('("a") AND ("or"') and expression.endswith(' AND ("b")')


def test_index_lives_beside_the_store_and_follows_its_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    sample = list(projects(40, seed=3, base=tmp_path))
    store.replace_graphs(
        {doc_graph(p.document.doc_id): extraction_quads(p.extraction) for p in sample[:30]}
    )
    assert search(store, "").total == 30
    path = index_path(store)
    assert path == tmp_path / "store.search.sqlite" and path.exists()

    # an ingest-style write followed by refresh_index updates the index in place
    before = store.version()
    new = {doc_graph(p.document.doc_id): extraction_quads(p.extraction) for p in sample[30:]}
    store.replace_graphs(new)
    assert refresh_index(store, list(new), before)
    mtime = path.stat().st_mtime_ns
    assert search(store, "").total == 40
    assert path.stat().st_mtime_ns == mtime  # not rebuilt: already current

    # replacing a graph's content moves its project, not duplicates it
    before = store.version()
    first = sample[0]
    store.replace_graphs({doc_graph(first.document.doc_id): extraction_quads(first.extraction)})
    assert refresh_index(store, [doc_graph(first.document.doc_id)], before)
    assert search(store, "").total == 40

    # a write the index did not see (version differs) -> rebuilt on the next search
    store.replace_graphs({}, drop=[doc_graph(p.document.doc_id) for p in sample[:10]])
    assert not refresh_index(store, [], "some-older-version")
    assert search(store, "").total == 30
    store.close()


def test_read_only_store_and_memory_store(tmp_path: Path) -> None:
    sample = list(projects(5, seed=8, base=tmp_path))
    graphs = {doc_graph(p.document.doc_id): extraction_quads(p.extraction) for p in sample}
    writer = open_store(tmp_path / "s")
    writer.replace_graphs(graphs)
    writer.close()
    reader = open_store(tmp_path / "s", read_only=True)
    assert search(reader, "").total == 5
    memory = open_store(":memory:")
    memory.replace_graphs(graphs)
    assert index_path(memory) is None
    assert search(memory, "").total == 5


def test_demo_corpus_prison_words(demo_store: GraphStore) -> None:
    """Inflected forms meet: "věznici" finds texts saying "věznice"/"věznicích", "prisons"
    finds "prison"; and the English word reaches more than English documents' titles."""
    cs = {h.file for h in search(demo_store, "věznici", limit=100).hits}
    en = {h.file for h in search(demo_store, "prisons", limit=100).hits}
    assert cs and en
    nominative = {h.file for h in search(demo_store, "věznice", limit=100).hits}
    assert {f for f in cs if f.startswith("cs_")} == {f for f in nominative if f.startswith("cs_")}
    assert any(f.startswith("cs_") for f in cs) and any(f.startswith("en_") for f in en)


def test_reader_keeps_its_index_while_a_writer_runs(tmp_path: Path) -> None:
    sample = list(projects(12, seed=5, base=tmp_path))
    graphs = [(doc_graph(p.document.doc_id), extraction_quads(p.extraction)) for p in sample]
    writer = open_store(tmp_path / "s")
    writer.replace_graphs(dict(graphs[:6]))
    writer.publish_snapshot()
    reader = open_store(tmp_path / "s", read_only=True)
    assert search(reader, "").total == 6
    path = index_path(reader)
    assert path is not None
    built = path.stat().st_ino  # a rebuild replaces the file

    before = writer.version()
    writer.replace_graphs(dict(graphs[6:]))
    writer.publish_snapshot()  # the reader now sees a version the index has not seen
    assert reader.version() != before
    assert search(reader, "").total == 6  # served from the index it has, not rebuilt
    assert path.stat().st_ino == built

    assert refresh_index(writer, [g for g, _ in graphs[6:]], before)  # what ingest does
    writer.close()
    assert search(reader, "").total == 12
    assert path.stat().st_ino == built  # updated in place, never rebuilt


@pytest.mark.parametrize("word", ["vězeň", "więzień", "prisoner", "Gefangene", "zapornik"])
def test_one_word_finds_prison_projects_in_every_language(
    demo_store: GraphStore, word: str
) -> None:
    """A word in one language reaches documents in the others through the SKOS concept it
    names (target group prisoners), not only through lemmas of its own language."""
    langs = {h.lang for h in search(demo_store, word, limit=200).hits}
    assert {"cs", "pl", "en", "de", "sk", "sl"} <= langs, langs
