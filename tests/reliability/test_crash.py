"""Crash safety: `praxis ingest` killed with SIGKILL at random (seeded) moments.

After every kill the store opens (for reading and for writing), passes SHACL, and every
document graph is either complete (the same quads as a clean ingest of that file) or
absent; rerunning the ingest completes the store.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store import _current_snapshot, open_store
from ingest.pipeline import ingest_paths
from tests.conftest import DEMO_DOCS, ROOT
from tests.helpers import canonical_nquads, doc_graph_counts, shacl_report

ITERATIONS = 5
SEED = 20240909
DOCS = 20

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    files = sorted(DEMO_DOCS.glob("*"))[:DOCS]
    assert len(files) == DOCS
    return files


@pytest.fixture(scope="module")
def clean(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A clean, uninterrupted ingest: the per-document quad counts every graph must match."""
    store = open_store(tmp_path_factory.mktemp("clean") / "s")
    summary = ingest_paths(corpus, store, progress=False)
    assert summary.files_read == DOCS, summary.skipped
    counts = doc_graph_counts(store)
    canon = canonical_nquads(store)
    store.close()
    assert len(counts) == DOCS
    return {"counts": counts, "canon": canon, "graphs": by_graph(canon)}


def test_per_document_graphs_do_not_depend_on_the_batch(
    corpus: list[Path], clean: dict, tmp_path: Path
) -> None:
    """So 'fully present' can be judged per document against the clean batch."""
    for path in (corpus[0], corpus[-1]):
        store = open_store(tmp_path / path.stem)
        ingest_paths([path], store, progress=False)
        ((graph, count),) = doc_graph_counts(store).items()
        store.close()
        assert clean["counts"][graph] == count


def ingest_process(files: list[Path], store: Path) -> subprocess.Popen[bytes]:
    # a snapshot after every write: the test can see the writer's progress (and kills also
    # land while snapshots are being published)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PRAXIS_SNAPSHOT_INTERVAL="0")
    return subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "ingest", *map(str, files), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )


def snapshot_number(store_path: Path) -> int:
    name = _current_snapshot(store_path)
    return int(name) if name.isdigit() else 0


def wait_for_writes(proc: subprocess.Popen[bytes], store_path: Path, before: int, n: int) -> None:
    """Until the writer has committed ``n`` writes after opening (or has finished)."""
    opened = None
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        current = snapshot_number(store_path)
        if opened is None and current > before:
            opened = current  # the snapshot published when the writer opened the store
        if opened is not None and current - opened >= n:
            return
        time.sleep(0.005)


def by_graph(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in lines:
        graph = line.rsplit(" ", 1)[-1].strip("<>")  # str(Quad) ends with the graph name
        out.setdefault(graph, []).append(line)
    return out


def check_store(store_path: Path, clean: dict, shacl: bool) -> dict[str, int]:
    """Opens for writing and reading; every document graph is exactly the clean one or absent;
    conforms to the shapes (pyshacl takes ~20 s here, so not after every kill).

    (Killed before it created the store, the writer leaves nothing: opening creates it.)
    """
    store = open_store(store_path)  # the killed writer's locks are gone
    if shacl:
        conforms, report = shacl_report(store)
        assert conforms, report[:2000]
    counts = doc_graph_counts(store)
    graphs = by_graph(canonical_nquads(store))
    store.close()
    reader = open_store(store_path, read_only=True)
    assert doc_graph_counts(reader) == counts
    reader.close()
    for graph, count in counts.items():
        assert graph in clean["counts"], f"unexpected graph {graph}"
        assert count == clean["counts"][graph], f"{graph}: {count} != {clean['counts'][graph]}"
        assert graphs[graph] == clean["graphs"][graph], f"{graph} differs from a clean ingest"
    return counts


def test_sigkill_at_random_points(corpus: list[Path], clean: dict, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    store_path = tmp_path / "store"
    survived = 0
    present: list[int] = []
    for iteration in range(ITERATIONS):
        files = corpus[:]
        rng.shuffle(files)
        before = snapshot_number(store_path)
        proc = ingest_process(files, store_path)
        # kill after a random number of committed writes, a random moment into the next
        wait_for_writes(proc, store_path, before, rng.randint(0, DOCS // 2))
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            survived += 1
        proc.wait()
        last = iteration == ITERATIONS - 1
        present.append(len(check_store(store_path, clean, shacl=last)))
    print(f"\nkill test: {survived} SIGKILLs survived; documents present after each: {present}")
    assert survived >= ITERATIONS - 1, "the kills landed while the ingest was running"
    assert any(0 < n < DOCS for n in present), "some kills landed mid-batch"
    # rerunning completes it: every document, each exactly as in a clean ingest
    proc = ingest_process(corpus, store_path)
    assert proc.wait(timeout=600) == 0
    assert check_store(store_path, clean, shacl=True) == clean["counts"]
    store = open_store(store_path, read_only=True)
    assert canonical_nquads(store) == clean["canon"]
    store.close()


def test_kill_during_a_single_large_write(tmp_path: Path) -> None:
    """A SIGKILL while one big graph replacement commits: the graph is all there or absent."""
    script = (
        "import sys\n"
        "from pyoxigraph import Literal, NamedNode, Quad\n"
        "from graph.store import open_store\n"
        "s = open_store(sys.argv[1]); g = NamedNode('https://example.org/big')\n"
        "p = NamedNode('https://example.org/p')\n"
        "print('go', flush=True)\n"
        "while True:\n"
        "    s.replace_graphs({g: [Quad(NamedNode(f'https://example.org/s{i}'), p,"
        " Literal(str(i)), g) for i in range(20000)]})\n"
    )
    rng = random.Random(SEED)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "s")],
            stdout=subprocess.PIPE,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            cwd=ROOT,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"go"
        time.sleep(rng.uniform(0.2, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = open_store(tmp_path / "s", read_only=True)
        from pyoxigraph import NamedNode

        assert store.count_quads(NamedNode("https://example.org/big")) in (0, 20000)
        store.close()
