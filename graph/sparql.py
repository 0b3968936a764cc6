"""Read-only SPARQL for the console and ``praxis query``: updates and outside SERVICE calls
are refused, results are capped.

>>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> check_read_only("DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
...
graph.sparql.ReadOnlyQueryError: only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed
"""

from __future__ import annotations

import re
from typing import Any

from graph.store import GraphStore, results_to_json

_COMMENT = re.compile(r"#[^\n]*")
_STRINGS = re.compile(
    r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
)
_IRI = re.compile(r"<[^<>\s]*>")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_FORBIDDEN = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|SERVICE|WITH)\b", re.IGNORECASE
)


class ReadOnlyQueryError(ValueError):
    pass


def _strip(sparql: str) -> str:
    """The query without strings, IRIs and comments (keywords inside them don't count)."""
    text = _STRINGS.sub('""', sparql)
    text = _IRI.sub("<>", text)
    return _COMMENT.sub("", text)


def check_read_only(sparql: str) -> str:
    """The query form, or ReadOnlyQueryError for anything that could write or reach out."""
    bare = _strip(sparql)
    if _FORBIDDEN.search(bare):
        raise ReadOnlyQueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed")
    form = _FORM.search(bare)
    if not form:
        raise ReadOnlyQueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed")
    return form.group(1).upper()


def run_read_only(store: GraphStore, sparql: str, max_rows: int = 1000) -> Any:
    """Run a checked read-only query; SELECT/CONSTRUCT results are cut at ``max_rows``."""
    check_read_only(sparql)
    try:
        result = store.raw_query(sparql)
    except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
        raise ReadOnlyQueryError(f"query failed: {exc}") from exc
    if isinstance(result, list):
        truncated = len(result) > max_rows
        return {"rows": results_to_json(result[:max_rows]), "truncated": truncated}
    return results_to_json(result)
