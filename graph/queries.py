"""SPARQL lives in ``graph/queries/*.rq``; this module loads a query by name and binds values.

>>> "SELECT" in load_query("documents")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graph.store import GraphStore, Row, Term

#: next to this module (not ``resources.files("graph")``: under pytest a ``tests/graph``
#: namespace package can shadow the name ``graph``)
QUERY_DIR = Path(__file__).resolve().parent / "queries"


@cache
def load_query(name: str) -> str:
    try:
        return (QUERY_DIR / f"{name}.rq").read_text("utf-8")
    except FileNotFoundError:
        raise KeyError(f"no query named {name!r} in graph/queries") from None


def query_names() -> list[str]:
    return sorted(p.name[:-3] for p in QUERY_DIR.iterdir() if p.name.endswith(".rq"))


def run_query(store: GraphStore, name: str, **bindings: Term) -> list[Row]:
    """Rows of the named SELECT query with ``bindings`` bound as RDF terms."""
    return store.select(load_query(name), **bindings)
