"""The cache folder: a content-keyed cache rebuilt under a new key removes the files it
supersedes (never another part's, a temporary file or a store-keyed cache); the ontology's
concepts and graph read back from the cache equal the parsed ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, URIRef

import ontology
from ingest.cache import superseded, write_atomically
from ontology.namespaces import PG

OLD, NEW = "a" * 32, "b" * 32


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_CACHE", str(tmp_path))
    return tmp_path


def test_new_key_removes_the_superseded_files(tmp_path: Path) -> None:
    folder = tmp_path / "simplemma"
    folder.mkdir()
    old_cs = folder / f"cs-{OLD}.marshal"
    other_lang = folder / f"sl-{OLD}.marshal"
    temporary = folder / f".cs-{NEW}.marshal.123.tmp"
    for path in (old_cs, other_lang, temporary):
        path.write_bytes(b"x")
    write_atomically(folder / f"cs-{NEW}.marshal", b"new")
    assert (folder / f"cs-{NEW}.marshal").read_bytes() == b"new"
    assert not old_cs.exists()
    assert other_lang.exists() and temporary.exists()


def test_any_suffix_of_the_same_part_is_superseded(tmp_path: Path) -> None:
    folder = tmp_path / "ontology"
    folder.mkdir()
    (folder / f"{OLD}.nt").write_bytes(b"old")
    write_atomically(folder / f"{NEW}.nq", b"new")
    assert [p.name for p in folder.iterdir()] == [f"{NEW}.nq"]


def test_store_keyed_caches_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    folder.mkdir()
    (folder / f"{OLD}.sqlite").write_bytes(b"another store's index")
    write_atomically(folder / f"{NEW}.sqlite", b"this store's index")
    assert superseded(folder / f"{NEW}.sqlite") == []
    assert (folder / f"{OLD}.sqlite").exists()


def test_rewrite_under_the_same_key_keeps_it(tmp_path: Path) -> None:
    folder = tmp_path / "labels"
    folder.mkdir()
    write_atomically(folder / f"{NEW}.marshal", b"one")
    write_atomically(folder / f"{NEW}.marshal", b"two")
    assert [p.read_bytes() for p in folder.iterdir()] == [b"two"]


def _named(graph: Graph) -> set[tuple[object, object, object]]:
    return {t for t in graph if not any(isinstance(node, BNode) for node in t)}


def _uncached(monkeypatch: pytest.MonkeyPatch) -> None:
    for fn in (ontology.vocabulary, ontology.ontology_graph, ontology._cache_key):
        fn.cache_clear()


def test_vocabulary_and_ontology_graph_cold_and_warm_agree(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = ontology._vocabulary_from_graph()
    graph = ontology._ontology_graph_parsed()
    try:
        for _start in ("cold", "warm"):
            _uncached(monkeypatch)
            vocabulary = ontology.vocabulary()
            assert vocabulary == parsed
            for scheme, concepts in parsed.items():
                for notation, concept in concepts.items():
                    got = vocabulary[scheme][notation]
                    assert list(got.pref_labels.items()) == list(concept.pref_labels.items())
                    assert list(got.alt_labels.items()) == list(concept.alt_labels.items())
                    assert got.broader == concept.broader
            warm_graph = ontology.ontology_graph()
            assert len(warm_graph) == len(graph)
            assert _named(warm_graph) == _named(graph)  # blank node labels differ per parse
            # the authority file's objects come in the file's order (first label …)
            bodies = sorted(set(graph.subjects(RDF.type, URIRef(str(PG.Organisation)))))
            assert bodies
            for subject in bodies:
                for predicate in set(graph.predicates(subject)):
                    assert list(warm_graph.objects(subject, predicate)) == list(
                        graph.objects(subject, predicate)
                    )
        assert len(list((cache / "vocabulary").iterdir())) == 2
    finally:
        _uncached(monkeypatch)
