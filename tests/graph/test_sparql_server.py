"""The same ingest, search and read-back against a real SPARQL 1.1 server (Oxigraph server,
started on a free 127.0.0.1 port for this module and stopped afterwards)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from graph.evaluate import read_predictions
from graph.search import index_path, search
from graph.store import SparqlHttpStore, StoreError, open_store
from ingest.pipeline import ingest_paths
from tests.conftest import DEMO_DOCS

G = NamedNode("https://example.org/g")
S = NamedNode("https://example.org/s")
P = NamedNode("https://example.org/p")


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the oxigraph server binary (PyPI 'oxigraph') is not installed")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``sparql+http://127.0.0.1:<port>`` of a running Oxigraph server."""
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    log = open(location.parent / "oxigraph-server.log", "wb")
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location / "db"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2
                ):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph server did not start") from None
                time.sleep(0.2)
        yield f"sparql+http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_store_basics_over_http(server: str) -> None:
    store = open_store(server)
    assert isinstance(store, SparqlHttpStore)
    v1 = store.replace_graphs({G: [Quad(S, P, Literal("a"), G), Quad(S, P, Literal('b"}'), G)]})
    assert store.version() == v1 and store.count_quads(G) == 2
    store.replace_graphs({G: [Quad(S, P, Literal("c"), G)]})
    assert [q.object.value for q in store.quads(G)] == ["c"]
    assert store.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", o=Literal("c"))
    triples = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", g=G)
    assert len(triples) == 1
    # bound values cannot inject over HTTP either
    evil = Literal('x" } } ; DROP ALL ; SELECT * WHERE { { "')
    assert store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", o=evil) == []
    store.replace_graphs({}, drop=[G])
    assert store.count_quads(G) == 0


def test_errors_are_one_line_store_errors(server: str) -> None:
    store = open_store(server)
    with pytest.raises(StoreError, match="answered 400"):
        store.select("SELECT WHERE {")
    with pytest.raises(StoreError, match="read-only"):
        open_store(server, read_only=True).update("CLEAR ALL")
    dead = open_store(f"sparql+http://127.0.0.1:{free_port()}")
    dead.retries = 1
    with pytest.raises(StoreError, match="unreachable"):
        dead.version()


def test_endpoint_overrides_for_other_servers() -> None:
    graphdb = SparqlHttpStore(
        "sparql+http://db:7200/repositories/praxis?query=.&update=statements&store=none"
    )
    assert graphdb.query_url == "http://db:7200/repositories/praxis"
    assert graphdb.update_url == "http://db:7200/repositories/praxis/statements"
    assert graphdb.store_url is None
    virtuoso = SparqlHttpStore("sparql+http://dba:secret@vt:8890/sparql?query=.&update=.")
    assert virtuoso.query_url == virtuoso.update_url == "http://vt:8890/sparql"
    assert virtuoso._auth and "secret" not in virtuoso.location.split("@")[-1]
    fuseki = SparqlHttpStore("sparql+https://f.example/ds")
    assert (fuseki.query_url, fuseki.update_url) == (
        "https://f.example/ds/query",
        "https://f.example/ds/update",
    )


def test_ingest_search_and_read_back_through_the_server(server: str, cache: Path) -> None:
    files = sorted(DEMO_DOCS.glob("cs_*.txt"))[:3] + sorted(DEMO_DOCS.glob("pl_*.txt"))[:2]
    store = open_store(server)
    summary = ingest_paths(files, store, progress=False)
    assert summary.files_read == len(files), summary.skipped
    first = store.count_quads()
    predictions = read_predictions(store)
    assert len(predictions) == len(files)
    assert all(p["organisations"] for p in predictions.values())

    everything = search(store, "")
    assert everything.total == len(files)
    path = index_path(store)
    assert path is not None and path.is_relative_to(cache)
    assert search(store, "policie").total >= 1 or search(store, "policja").total >= 1

    # re-ingest (twice, once with workers) leaves the same graph and the same hits
    again = ingest_paths(files, store, progress=False)
    assert again.files_read == len(files) and store.count_quads() == first
    ingest_paths(list(reversed(files)), store, progress=False, jobs=2, batch_size=2)
    assert store.count_quads() == first
    assert read_predictions(store) == predictions
    assert search(store, "").total == len(files)


def test_bulk_load_and_dump_over_http(server: str) -> None:
    import io

    from pyoxigraph import RdfFormat, parse

    store = open_store(server)
    h = NamedNode("https://example.org/h")
    data = "".join(
        f'<https://example.org/s{i}> <https://example.org/p> "{i}" <{h.value}> .\n'
        for i in range(2500)
    )
    store.load(data.encode(), RdfFormat.N_QUADS)  # Graph Store Protocol POST
    assert store.count_quads(h) == 2500
    buf = io.BytesIO()
    store.dump(buf, RdfFormat.N_QUADS)
    dumped = [q for q in parse(buf.getvalue(), RdfFormat.N_QUADS) if q.graph_name == h]
    assert len(dumped) == 2500
    store.replace_graphs({}, drop=[h])
    assert store.count_quads(h) == 0


def test_bulk_load_files_over_http(server: str, tmp_path: Path) -> None:
    store = open_store(server)
    k = NamedNode("https://example.org/k")
    path = tmp_path / "k.nq"
    path.write_text(
        "".join(f'<https://example.org/s{i}> <{P.value}> "{i}" <{k.value}> .\n' for i in range(300))
    )
    before = store.version()
    version = store.bulk_load([path], jobs=2)
    assert version != before and store.version() == version
    assert store.count_quads(k) == 300
    store.replace_graphs({}, drop=[k])
