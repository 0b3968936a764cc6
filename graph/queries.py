"""SPARQL lives in ``graph/queries/*.rq``; this module loads a query by name and binds values.

>>> "SELECT" in load_query("documents")
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from graph.store import GraphStore, Row, Term


@cache
def load_query(name: str) -> str:
    try:
        return resources.files("graph").joinpath(f"queries/{name}.rq").read_text("utf-8")
    except FileNotFoundError:
        raise KeyError(f"no query named {name!r} in graph/queries") from None


def query_names() -> list[str]:
    folder = resources.files("graph").joinpath("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def run_query(store: GraphStore, name: str, **bindings: Term) -> list[Row]:
    """Rows of the named SELECT query with ``bindings`` bound as RDF terms."""
    return store.select(load_query(name), **bindings)
