"""SPARQL lives in ``graph/queries/*.rq``; this module loads a query by name and binds values.

>>> "SELECT" in load_query("documents")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from graph.store import GraphStore, Row, Term, term_sparql

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


def values_query(name: str, values: Sequence[Term], var: str = "g") -> str:
    """The named query with a multi-row ``VALUES ?var`` block at its first ``WHERE {``
    (values serialised as RDF terms, never as raw text).

    >>> from pyoxigraph import NamedNode
    >>> "VALUES ?g { <https://example.org/g1> }" in values_query(
    ...     "project_graphs", [NamedNode("https://example.org/g1")])
    True
    """
    text = load_query(name)
    at = text.upper().index("WHERE {") + len("WHERE {")
    block = f" VALUES ?{var} {{ " + " ".join(term_sparql(v) for v in values) + " } "
    return text[:at] + block + text[at:]
