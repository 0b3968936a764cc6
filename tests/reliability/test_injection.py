"""Injection: user input never changes a query's structure; the SPARQL console only reads.

* a static audit: no f-string / ``.format`` / ``%`` builds SPARQL from anything but RDF
  terms serialised by pyoxigraph (allow-listed places in graph/store.py and graph/search.py);
* hostile search text, filters, IRIs and organisation names through the real functions;
* every update form and SERVICE refused by the console guard (a local HTTP server proves no
  request leaves), plus its time and row limits, on a real on-disk store.
"""

from __future__ import annotations

import ast
import http.server
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad

from graph.cli import cli
from graph.queries import run_query
from graph.sparql import (
    QueryTimeoutError,
    ReadOnlyQueryError,
    check_read_only,
    evaluate,
    run_read_only,
)
from graph.store import GraphStore, bind_values, open_store

ROOT = Path(__file__).resolve().parents[2]
G = NamedNode("https://example.org/g")
P = NamedNode("https://example.org/p")

HOSTILE_TEXT = [
    '" } } ; DROP ALL ; SELECT * WHERE { { "',
    "' } ; CLEAR ALL #",
    "> } DROP ALL <",
    '\\" ) } DELETE WHERE { ?s ?p ?o } #',
    '""" } INSERT DATA { <a:b> <a:c> <a:d> } """',
    "?s ?p ?o } UNION { ?s ?p ?o",
    'NOT near/2 OR AND * ^ " ( ) :',  # FTS5 operators
    "title:evil* OR lemmas:x",
    "' OR 1=1 --",
    "'; DROP TABLE docs; --",
    "\x00\x01\x02",
    "\ud7ff\ue000\U0010ffff",
    "<script>alert(1)</script>",
    "a" * 5000,
    "%s %d {0} {q}",
    "\\u0044ROP ALL",
]

HOSTILE_IRIS = [
    "https://example.org/x> } DROP ALL { <https://example.org/y",
    "javascript:alert(1)",
    "not an iri <script>",
    "https://example.org/\n",
    "",
    'https://example.org/"quote"',
    "https://w3id.org/praxisgraph/id/project/../../etc/passwd",
]

REFUSED = {
    "insert data": "INSERT DATA { GRAPH <https://example.org/g> { <a:s> <a:p> <a:o> } }",
    "delete where": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "delete/insert with": "WITH <https://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "load": "LOAD <http://127.0.0.1:{port}/data.ttl>",
    "clear": "CLEAR ALL",
    "drop": "DROP GRAPH <https://example.org/g>",
    "drop silent default": "drop silent default",
    "create": "CREATE GRAPH <https://example.org/new>",
    "add": "ADD <https://example.org/g> TO <https://example.org/h>",
    "move": "MOVE <https://example.org/g> TO DEFAULT",
    "copy": "COPY DEFAULT TO <https://example.org/g>",
    "service": "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "service silent": "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:{port}/q> { ?s ?p ?o } }",
    "service lower case": "select * where { service <http://127.0.0.1:{port}/q> { ?s ?p ?o } }",
    "service escaped": "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:{port}/q> { ?s ?p ?o } }",
    "service in subquery": "ASK { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:{port}/> "
    "{ ?s ?p ?o } } } }",
    "select then drop": "SELECT * WHERE { ?s ?p ?o } ;\nDROP ALL",
    "drop hidden after comment": "SELECT * WHERE { ?s ?p ?o } # harmless\n; DROP ALL",
    "escaped drop": "\\u0044ROP ALL",
    "escaped insert": "\\u0049NSERT DATA { <a:s> <a:p> <a:o> }",
    "update only": "INSERT { ?s <a:p> 1 } WHERE { ?s ?p ?o }",
    "empty": "   ",
    "no form": "PREFIX x: <a:>",
    "nul": "SELECT * WHERE { ?s ?p ?o }\x00; DROP ALL",
}


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[int]:
    """A local HTTP server: any SERVICE/LOAD call that got through would show up here."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """A real on-disk store with 300 quads (the cartesian probes need something to chew)."""
    path = tmp_path_factory.mktemp("inj") / "store"
    store = open_store(path)
    quads = [
        Quad(NamedNode(f"https://example.org/s{i}"), P, Literal(f"value {i}"), G)
        for i in range(300)
    ]
    store.replace_graphs({G: quads})
    store.close()
    reader = open_store(path, read_only=True)
    yield reader
    reader.close()


# ------------------------------------------------------------------ static audit
ALLOWED_SPARQL_BUILDERS = {
    # (file, function): RDF terms serialised by pyoxigraph (term_sparql / str(term)) only
    ("graph/store.py", "bind_values"),
    ("graph/store.py", "replace_graphs"),
    ("graph/store.py", "load"),
    ("graph/queries.py", "values_query"),
}
# SPARQL as this code base writes it: an upper-case keyword (case-sensitive on purpose) and
# SPARQL-only syntax (a ?variable, a { group } or an <IRI>); SQL for the search index has
# keywords but only bare ? placeholders and no braces
_SPARQL_KEYWORD = re.compile(
    r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK|INSERT|DELETE|WHERE|FILTER|VALUES|GRAPH|PREFIX)\b"
)
_SPARQL_SYNTAX = re.compile(r"\?[A-Za-z_]\w*|\{|<[^\s<>]*>")


def _sparql_builders(path: Path) -> Iterator[tuple[str, int, str]]:
    """(function, line, snippet) of every f-string/format/% string that looks like SPARQL."""
    tree = ast.parse(path.read_text("utf-8"))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def function_of(node: ast.AST) -> str:
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node.name
        return "<module>"

    def text_of(node: ast.AST) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(text_of(v) for v in node.values)
        return ""

    for node in ast.walk(tree):
        built = None
        if isinstance(node, ast.JoinedStr) and any(
            isinstance(v, ast.FormattedValue) for v in node.values
        ):
            built = text_of(node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        ):
            built = text_of(node.func.value)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            built = text_of(node.left)
        if not built:
            continue
        if _SPARQL_KEYWORD.search(built) and _SPARQL_SYNTAX.search(built):
            yield function_of(node), node.lineno, built[:80]


def test_no_sparql_is_built_from_strings_outside_the_allow_list() -> None:
    offenders = []
    files = sorted((ROOT / "graph").glob("*.py")) + sorted((ROOT / "app_pages").glob("*.py"))
    files += [ROOT / "app.py"]
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel in ("graph/sparql.py", "graph/cli.py"):
            continue  # the console guard itself, and click help/echo texts
        for function, line, snippet in _sparql_builders(path):
            if (rel, function) not in ALLOWED_SPARQL_BUILDERS:
                offenders.append(f"{rel}:{line} in {function}(): {snippet!r}")
    assert not offenders, "SPARQL built by string formatting:\n" + "\n".join(offenders)


def test_audit_catches_a_spliced_query(tmp_path: Path) -> None:
    """The audit is not vacuous."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(store, name):\n"
        '    return store.select(f"SELECT ?o WHERE {{ ?s ?p \\"{name}\\" }}")\n'
    )
    assert list(_sparql_builders(bad))


# ------------------------------------------------------------------ bound values
@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_bound_literal_never_changes_the_query(small_store: GraphStore, text: str) -> None:
    query = bind_values(
        "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {"o": Literal(text), "g": G, "p": P}
    )
    from pyoxigraph import Store

    Store().query(query)  # parses as one SELECT
    rows = small_store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", o=Literal(text), g=G)
    assert rows == []
    assert small_store.count_quads(G) == 300


def test_hostile_iris_are_rejected_before_any_query() -> None:
    accepted = []
    for iri in HOSTILE_IRIS:
        try:
            accepted.append(NamedNode(iri).value)
        except ValueError:
            continue
    # whatever pyoxigraph accepts is an IRI with no way out of <...>
    for value in accepted:
        assert not any(c in value for c in '<>"{}| \n\\^`'), value


def test_hostile_search_text_and_filters(demo_store: GraphStore) -> None:
    from graph.search import search

    before = demo_store.count_quads()
    for text in HOSTILE_TEXT:
        result = search(demo_store, text)
        assert result.total >= 0
        filtered = search(
            demo_store,
            "",
            {"funder": [text], "country": [text, "CZ"], text[:20] or "x": [text]},
        )
        assert filtered.total == 0 or filtered.total <= search(demo_store, "").total
    assert demo_store.count_quads() == before


def test_hostile_bindings_in_named_queries(demo_store: GraphStore) -> None:
    for iri in ("https://example.org/x", "urn:x:%22%7D%20DROP%20ALL"):
        assert run_query(demo_store, "project_detail", project=NamedNode(iri)) == []
        assert run_query(demo_store, "organisation_detail", org=NamedNode(iri)) == []
    for text in HOSTILE_TEXT:  # as variable names: refused unless a plain identifier
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
            continue
        with pytest.raises(ValueError):
            run_query(demo_store, "project_detail", **{text: Literal("x")})


# ------------------------------------------------------------------ console guard
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_console_refuses(name: str, small_store: GraphStore, listener: int) -> None:
    query = REFUSED[name].replace("{port}", str(listener))
    with pytest.raises(ReadOnlyQueryError):
        run_read_only(small_store, query)
    with pytest.raises(ReadOnlyQueryError):
        check_read_only(query)
    assert small_store.count_quads(G) == 300
    assert _Recorder.hits == [], "a request left the console"


def test_store_query_entry_point_cannot_update(tmp_path: Path) -> None:
    """Second line of defence: even unchecked text reaches only the query parser."""
    store = open_store(tmp_path / "s")
    store.replace_graphs({G: [Quad(G, P, Literal("x"), G)]})
    for name in ("insert data", "delete where", "clear", "drop"):
        with pytest.raises(ReadOnlyQueryError):
            evaluate(store, REFUSED[name], 10)
    assert store.count_quads(G) == 1
    store.close()


def test_keywords_inside_strings_and_iris_are_fine(small_store: GraphStore) -> None:
    result = run_read_only(
        small_store,
        'SELECT ?s WHERE { GRAPH ?g { ?s <https://example.org/DROP> "INSERT DATA; DROP ALL" } }'
        " # DELETE in a comment",
    )
    assert result == {"rows": [], "truncated": False}


def test_row_limit(small_store: GraphStore) -> None:
    select = run_read_only(small_store, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", max_rows=7)
    assert len(select["rows"]) == 7 and select["truncated"] is True
    construct = run_read_only(
        small_store, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", max_rows=5
    )
    assert len(construct["rows"]) == 5 and construct["truncated"] is True
    everything = run_read_only(
        small_store, "SELECT ?s WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }", max_rows=1000
    )
    assert len(everything["rows"]) == 300 and everything["truncated"] is False
    assert run_read_only(small_store, "ASK { GRAPH ?g { ?s ?p ?o } }") == {"boolean": True}


EXPENSIVE = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
    "GRAPH ?i { ?x ?y ?z } GRAPH ?j { ?u ?v ?w } }"
)


def test_time_limit_on_disk_kills_the_worker(small_store: GraphStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="time limit"):
        run_read_only(small_store, EXPENSIVE, timeout=2)
    # the worker was killed, so the call came back near the limit (not after 300**4 rows)
    assert time.monotonic() - started < 60
    # and the store still answers
    assert run_read_only(small_store, "ASK { GRAPH ?g { ?s ?p ?o } }") == {"boolean": True}


def test_time_limit_in_memory() -> None:
    store = open_store(":memory:")
    store.replace_graphs(
        {G: [Quad(NamedNode(f"https://e.org/{i}"), P, Literal(str(i)), G) for i in range(300)]}
    )
    # 300**3 rows (a few seconds): the abandoned thread must not burn CPU for the whole run
    three_way = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
        "GRAPH ?i { ?x ?y ?z } }"
    )
    with pytest.raises(QueryTimeoutError):
        run_read_only(store, three_way, timeout=0.2)


def test_syntax_errors_are_one_line(small_store: GraphStore) -> None:
    with pytest.raises(ReadOnlyQueryError) as info:
        run_read_only(small_store, "SELECT * WHERE { ?s ?p }")
    assert "\n" not in str(info.value) and "query failed" in str(info.value)


def test_cli_query_refuses_updates(small_store: GraphStore) -> None:
    runner = CliRunner()
    refused = runner.invoke(cli, ["query", "DROP ALL", "--store", small_store.location])
    assert refused.exit_code != 0 and "only SELECT" in refused.output
    ok = runner.invoke(
        cli,
        ["query", "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", small_store.location],
    )
    assert ok.exit_code == 0, ok.output
    assert '"truncated": false' in ok.output


def probe_counts() -> dict[str, int]:
    return {
        "refused console queries": len(REFUSED),
        "hostile texts": len(HOSTILE_TEXT),
        "hostile IRIs": len(HOSTILE_IRIS),
    }
