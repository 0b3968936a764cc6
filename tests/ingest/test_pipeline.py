"""Ingest end to end on real files: idempotence, bad input, SHACL validity."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore, open_store
from ingest.pipeline import ingest_paths
from tests.conftest import DEMO_DOCS
from tests.helpers import shacl_report


def test_reingest_is_idempotent(tmp_path: Path) -> None:
    files = sorted(DEMO_DOCS.glob("*.txt"))[:4]
    store = open_store(tmp_path / "s")
    ingest_paths(files, store, progress=False)
    first = store.count_quads()
    ingest_paths(files, store, progress=False)
    assert store.count_quads() == first > 0
    # a different order gives the same graph
    other = open_store(tmp_path / "t")
    ingest_paths(list(reversed(files)), other, progress=False)
    assert other.count_quads() == first


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Ministerstvo vnitra a Policie České republiky pořádají workshop pro obce.",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "broken.docx").write_bytes(b"PK not a zip")
    store = open_store(tmp_path / "s")
    summary = ingest_paths([tmp_path], store, progress=False)
    reasons = dict((Path(p).name, r) for p, r in summary.skipped)
    assert summary.files_read == 1
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["garbage.txt"]
    assert "pdf" in reasons["broken.pdf"].lower()
    assert "docx" in reasons["broken.docx"].lower()
    assert summary.projects == 1


def test_missing_path_is_reported(tmp_path: Path) -> None:
    summary = ingest_paths([tmp_path / "nope.txt"], open_store(":memory:"), progress=False)
    assert summary.skipped and "no such file" in summary.skipped[0][1]


def test_demo_store_conforms_to_shapes(demo_store: GraphStore) -> None:
    conforms, text = shacl_report(demo_store)
    assert conforms, text[:3000]


def test_seeds_conform_to_shapes(seeds_dir: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "seeds")
    summary = ingest_paths([seeds_dir], store, progress=False)
    assert summary.files_read == 5 and not summary.skipped
    conforms, text = shacl_report(store)
    assert conforms, text[:3000]


def test_shapes_catch_a_broken_graph() -> None:
    """The shapes are not vacuous: evidence without offsets is rejected."""
    store = open_store(":memory:")
    store.update("""PREFIX pg: <https://w3id.org/praxisgraph/ns#>
        INSERT DATA { GRAPH <https://example.org/g> {
          <https://example.org/s> pg:evidence <https://example.org/e> .
          <https://example.org/e> pg:quote "x" } }""")
    conforms, _ = shacl_report(store)
    assert not conforms


@pytest.mark.parametrize("name", ["a b.txt", "ünï cödé.txt", "semi;colon $(x).txt"])
def test_odd_file_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Fundacja Sławek realizuje projekt dla osadzonych w Polsce.", encoding="utf-8")
    summary = ingest_paths([path], open_store(":memory:"), progress=False)
    assert summary.files_read == 1, summary.skipped
