"""Ingesting the same files twice, in another order, or in several batches gives the same
graph: isomorphic (canonicalised N-Quads equal) with the same triple count."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from graph.store import open_store
from ingest.pipeline import ingest_paths
from tests.conftest import DEMO_DOCS
from tests.helpers import canonical_nquads

ODD = {
    "cp1250.txt": "Vězeňská služba České republiky a Probační a mediační služba připravily "
    "projekt pro odsouzené ženy v Olomouci.",
    "odd name $(x) ü.md": "# Projekt\n\nFundacja Sławek i Służba Więzienna realizują projekt "
    "dla osadzonych w Polsce.",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("idem")
    chosen = sorted(DEMO_DOCS.glob("*.txt"))[:6]
    out = []
    for path in chosen:
        target = folder / path.name
        shutil.copy(path, target)
        out.append(target)
    for name, text in ODD.items():
        target = folder / name
        target.write_bytes(text.encode("cp1250" if name.startswith("cp1250") else "utf-8"))
        out.append(target)
    return out


def graph_of(files: list[Path], store_path: Path, batches: int = 1) -> tuple[list[str], int]:
    store = open_store(store_path)
    size = -(-len(files) // batches)
    for i in range(0, len(files), size):
        summary = ingest_paths(files[i : i + size], store, progress=False)
        assert not summary.skipped, summary.skipped
    canon, count = canonical_nquads(store), store.count_quads()
    store.close()
    return canon, count


@pytest.fixture(scope="module")
def reference(files: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple:
    return graph_of(files, tmp_path_factory.mktemp("ref") / "s")


def test_twice_is_the_same_graph(files: list[Path], reference: tuple, tmp_path: Path) -> None:
    canon, count = reference
    store = open_store(tmp_path / "s")
    ingest_paths(files, store, progress=False)
    first = store.count_quads()
    ingest_paths(files, store, progress=False)
    assert store.count_quads() == first == count
    assert canonical_nquads(store) == canon
    store.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_other_order_is_the_same_graph(
    files: list[Path], reference: tuple, tmp_path: Path, seed: int
) -> None:
    canon, count = reference
    shuffled = files[:]
    random.Random(seed).shuffle(shuffled)
    assert shuffled != files
    other, other_count = graph_of(shuffled, tmp_path / "s", batches=seed + 1)
    assert other_count == count
    assert other == canon


def test_reversed_order_is_the_same_graph(
    files: list[Path], reference: tuple, tmp_path: Path
) -> None:
    canon, count = reference
    other, other_count = graph_of(list(reversed(files)), tmp_path / "s")
    assert (other_count, len(other)) == (count, len(canon))
    assert other == canon


def test_a_new_process_does_not_rewrite_the_ontology(tmp_path: Path) -> None:
    """The ontology marker is stable across processes, so a rerun changes nothing."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = (
        "import sys\n"
        "from graph.store import open_store\n"
        "from ingest.pipeline import ensure_ontology\n"
        "s = open_store(sys.argv[1]); ensure_ontology(s); print(s.version()); s.close()\n"
    )
    versions = [
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "s")],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert versions[0] == versions[1] != "empty"
