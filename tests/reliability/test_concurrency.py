"""One writer, many readers: readers keep answering (from snapshots) while a writer runs,
see only whole document graphs, and a second writer gets a clear StoreLockedError."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.store import SNAPSHOTS, StoreLockedError, open_store
from tests.conftest import DEMO_DOCS, ROOT

LOCKED = re.compile(
    r"^the store at (?P<path>.+) is open for writing by another process"
    r"(?: \(pid (?P<pid>\d+)\))?: "
    r"one writer at a time; wait for it to finish, or use a SPARQL server "
    r"\(--store sparql\+http://host:port/path\) for concurrent writers$"
)
GRAPHS = 40
QUADS_PER_GRAPH = 30

WRITER = textwrap.dedent(
    """
    import sys, time
    from pyoxigraph import Literal, NamedNode, Quad
    from graph.store import open_store
    store = open_store(sys.argv[1])
    print("open", flush=True)
    p = NamedNode("https://example.org/p")
    for round in range(3):
        for i in range({graphs}):
            g = NamedNode(f"https://example.org/g{{i}}")
            quads = [Quad(NamedNode(f"https://example.org/s{{j}}"), p,
                          Literal(f"round {{round}}"), g) for j in range({per_graph})]
            store.replace_graphs({{g: quads}})
            time.sleep(0.01)
    store.close()
    """
).format(graphs=GRAPHS, per_graph=QUADS_PER_GRAPH)


def env_with(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    return env


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreLockedError) as info:
        open_store(tmp_path / "s")
    match = LOCKED.match(str(info.value))
    assert match, str(info.value)
    assert int(match["pid"]) == os.getpid()
    first.close()
    open_store(tmp_path / "s").close()  # released on close


def test_store_held_by_something_else(tmp_path: Path) -> None:
    """RocksDB's own lock held outside praxis (e.g. an Oxigraph server on the directory)."""
    from pyoxigraph import Store

    holder = Store(str(tmp_path / "s"))
    with pytest.raises(StoreLockedError) as info:
        open_store(tmp_path / "s")
    match = LOCKED.match(str(info.value))
    assert match and match["pid"] is None, str(info.value)
    del holder
    open_store(tmp_path / "s").close()


def test_second_writer_in_another_process(tmp_path: Path) -> None:
    """`praxis ingest` while another process writes: exit 1 and the one-line error."""
    store_path = tmp_path / "s"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from graph.store import open_store; "
            "s = open_store(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(store_path),
        ],
        stdout=subprocess.PIPE,
        env=env_with(),
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        doc = tmp_path / "a.txt"
        doc.write_text("Fundacja Sławek realizuje projekt dla osadzonych.", encoding="utf-8")
        result = CliRunner().invoke(cli, ["ingest", str(doc), "--store", str(store_path)])
        assert result.exit_code == 1
        message = result.output.strip().removeprefix("Error: ")
        match = LOCKED.match(message)
        assert match, message
        assert int(match["pid"]) == holder.pid
    finally:
        holder.kill()
        holder.wait()
    # the kernel dropped the lock with the process: writing works again
    open_store(store_path).close()


def test_readers_see_whole_graphs_while_a_writer_runs(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store_path)],
        stdout=subprocess.PIPE,
        env=env_with(PRAXIS_SNAPSHOT_INTERVAL="0.2"),
        cwd=ROOT,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"open"
    reader = open_store(store_path, read_only=True)
    versions: set[str] = set()
    served_from_snapshot = False
    answers = 0
    query = (
        "SELECT ?g (COUNT(*) AS ?n) (MIN(?o) AS ?lo) (MAX(?o) AS ?hi) "
        "WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://example.org/g')) } "
        "GROUP BY ?g"
    )
    while writer.poll() is None:
        rows = reader.select(query)
        answers += 1
        versions.add(reader.version())
        served_from_snapshot |= reader._opened_as is not None and reader._opened_as[0]
        for row in rows:
            # a graph is never half-written, never a mix of two rounds
            assert int(row["n"].value) == QUADS_PER_GRAPH, row
            assert row["lo"].value == row["hi"].value, row
        time.sleep(0.02)
    assert writer.returncode == 0
    assert answers >= 5, "the reader kept answering"
    assert len(versions) >= 2, "the reader saw the writer's progress"
    assert served_from_snapshot, "while the writer ran, reads came from a snapshot"
    final = reader.select(query)  # after the writer closed: the whole result
    assert len(final) == GRAPHS and {r["lo"].value for r in final} == {"round 2"}
    snapshots = [p.name for p in (store_path / SNAPSHOTS).iterdir() if p.name.isdigit()]
    assert 1 <= len(snapshots) <= 3, snapshots
    reader.close()


def test_app_functions_answer_during_a_real_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`praxis ingest` (writer) runs while search and the network (the app's readers) answer."""
    from streamlit.testing.v1 import AppTest

    from graph.network import collaboration_graph
    from graph.search import search

    store_path = tmp_path / "store"
    open_store(store_path).close()  # an empty store the app can open at once
    docs = sorted(DEMO_DOCS.glob("*"))[:10]
    env = env_with(PRAXIS_SNAPSHOT_INTERVAL="0.5", PRAXIS_CACHE=str(tmp_path / "cache"))
    writer = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "ingest", *map(str, docs), "--store", str(store_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    reader = open_store(store_path, read_only=True)
    totals: list[int] = []
    app_runs = 0
    monkeypatch.setenv("PRAXIS_STORE", str(store_path))
    monkeypatch.setenv("PRAXIS_CACHE", str(tmp_path / "cache"))
    while writer.poll() is None:
        totals.append(search(reader, "").total)
        collaboration_graph(reader)
        if app_runs < 2:
            at = AppTest.from_file(str(ROOT / "app_pages" / "search.py"), default_timeout=60)
            at.run()
            assert not at.exception, at.exception
            app_runs += 1
        time.sleep(0.2)
    assert writer.returncode in (0, 3), writer.stderr.read() if writer.stderr else ""
    assert totals == sorted(totals), "projects never disappear while the writer adds some"
    assert len(totals) >= 2
    assert search(reader, "").total == len(docs)
    reader.close()
