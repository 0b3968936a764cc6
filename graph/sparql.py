"""Read-only SPARQL for the console and ``praxis query``.

Three guards:

* **read-only**: only SELECT, ASK, CONSTRUCT and DESCRIBE; update keywords (INSERT, DELETE,
  LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH) and ``SERVICE`` (pyoxigraph would fetch
  any URL: a server-side request to anywhere) are refused before the store sees the text,
  after undoing ``\\u`` escapes. The query also only ever reaches the store's *query*
  entry point, never its update one, and the on-disk store is opened read-only.
* **time limit**: an on-disk store is queried in a separate worker process
  (``python -m graph.sparql``) that is killed when the limit passes; other stores are
  queried in a worker thread that is abandoned (the answer is an error either way).
* **row limit**: solutions are pulled lazily and cut at ``max_rows`` (``truncated`` says so).

>>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> check_read_only("DELETE WHERE { ?s ?p ?o }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.sparql.ReadOnlyQueryError: only SELECT, ASK, ... are allowed (found DELETE)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from itertools import islice
from typing import Any

from graph.store import GraphStore, OxigraphStore, open_store, results_to_json

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 1000

_COMMENT = re.compile(r"#[^\n]*")
_STRINGS = re.compile(
    r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
)
_IRI = re.compile(r"<[^<>\s]*>")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_FORBIDDEN = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|SERVICE|WITH)\b", re.IGNORECASE
)
_ALLOWED = "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed"


class ReadOnlyQueryError(ValueError):
    """The query was refused or failed; the message is one line for the user."""


class QueryTimeoutError(ReadOnlyQueryError):
    """The query ran longer than the time limit."""


def _unescape(sparql: str) -> str:
    """Undo SPARQL codepoint escapes (``\\u0049NSERT`` is ``INSERT`` to some parsers)."""

    def sub(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"

    return _CODEPOINT.sub(sub, sparql)


def _strip(sparql: str) -> str:
    """The query without strings, IRIs and comments (keywords inside them don't count)."""
    text = _STRINGS.sub('""', sparql)
    text = _IRI.sub("<>", text)
    return _COMMENT.sub("", text)


def check_read_only(sparql: str) -> str:
    """The query form, or ReadOnlyQueryError for anything that could write or reach out."""
    if not isinstance(sparql, str) or not sparql.strip():
        raise ReadOnlyQueryError("empty query")
    if "\x00" in sparql:
        raise ReadOnlyQueryError("query contains a NUL character")
    bare = _strip(_unescape(sparql))
    forbidden = _FORBIDDEN.search(bare)
    if forbidden:
        raise ReadOnlyQueryError(f"{_ALLOWED} (found {forbidden.group(1).upper()})")
    form = _FORM.search(bare)
    if not form:
        raise ReadOnlyQueryError(_ALLOWED)
    return form.group(1).upper()


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def evaluate(store: GraphStore, sparql: str, max_rows: int) -> dict[str, Any]:
    """Run an already checked query in this process, pulling at most ``max_rows`` + 1 rows."""
    try:
        if isinstance(store, OxigraphStore):
            from pyoxigraph import QueryBoolean, QuerySolutions

            raw = store._store.query(sparql)  # lazy iterator: the row cap bounds the work
            if isinstance(raw, QueryBoolean):
                return {"boolean": bool(raw)}
            if isinstance(raw, QuerySolutions):
                names = [v.value for v in raw.variables]
                rows = [
                    {n: sol[n].value for n in names if sol[n] is not None}
                    for sol in islice(raw, max_rows + 1)
                ]
            else:
                rows = [
                    [str(t.subject), str(t.predicate), str(t.object)]
                    for t in islice(raw, max_rows + 1)
                ]
        else:
            result = store.raw_query(sparql)
            if isinstance(result, bool):
                return {"boolean": result}
            rows = results_to_json(result[: max_rows + 1])
    except (SyntaxError, ValueError, RuntimeError, OSError, TypeError) as exc:
        raise ReadOnlyQueryError(f"query failed: {_first_line(exc)}") from exc
    return {"rows": rows[:max_rows], "truncated": len(rows) > max_rows}


def _in_worker_process(location: str, sparql: str, max_rows: int, timeout: float) -> Any:
    request = json.dumps({"store": location, "query": sparql, "max_rows": max_rows})
    try:
        done = subprocess.run(
            [sys.executable, "-m", "graph.sparql"],
            input=request.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:  # run() has killed the worker
        raise QueryTimeoutError(f"query stopped after the {timeout:g} s time limit") from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except ValueError as exc:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadOnlyQueryError(
            f"query worker failed: {detail[-1] if detail else done.returncode}"
        ) from exc
    if "error" in answer:
        raise ReadOnlyQueryError(answer["error"])
    return answer["result"]


def _in_worker_thread(store: GraphStore, sparql: str, max_rows: int, timeout: float) -> Any:
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = evaluate(store, sparql, max_rows)
        except BaseException as exc:  # handed back to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, name="sparql-console", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(f"query stopped after the {timeout:g} s time limit")
    if "error" in box:
        raise box["error"]
    return box["result"]


def run_read_only(
    store: GraphStore,
    sparql: str,
    max_rows: int = DEFAULT_MAX_ROWS,
    timeout: float = DEFAULT_TIMEOUT,
) -> Any:
    """Run a checked read-only query with a time and a row limit.

    Returns ``{"rows": [...], "truncated": bool}`` (SELECT: dicts of strings; CONSTRUCT and
    DESCRIBE: ``[s, p, o]`` triples) or ``{"boolean": bool}`` (ASK). Raises
    :class:`ReadOnlyQueryError` (or :class:`QueryTimeoutError`) with a one-line message.
    """
    check_read_only(sparql)
    max_rows = max(0, int(max_rows))
    if isinstance(store, OxigraphStore) and store.location != ":memory:":
        return _in_worker_process(store.location, sparql, max_rows, timeout)
    return _in_worker_thread(store, sparql, max_rows, timeout)


def _worker_main() -> int:
    """``python -m graph.sparql``: one JSON request on stdin, one JSON answer on stdout."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        check_read_only(request["query"])  # checked again: the worker trusts nobody
        with open_store(request["store"], read_only=True) as store:
            result = evaluate(store, request["query"], int(request["max_rows"]))
        answer: dict[str, Any] = {"result": result}
    except Exception as exc:  # reported to the parent as one line
        answer = {"error": _first_line(exc)}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(_worker_main())
