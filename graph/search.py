"""Multilingual search over projects: query words are lemmatised in all six languages and
folded, so "vězeň", "więzień", "Gefangene" or "prisoner" meet the lemmas of any document.

Facets (funder, actor type, target group, activity, country, language) are counted over
the hits. Results are computed from two SPARQL queries cached per store version.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from graph.queries import run_query
from graph.store import GraphStore
from ingest.langid import SUPPORTED
from ingest.lemmatize import lemmatize
from ingest.normalise import fold
from ontology import split_concept_iri
from ontology.namespaces import DCTERMS, PG

FACETS = {
    str(PG.funder): "funder",
    str(DCTERMS.audience): "target-group",
    str(PG.activity): "activity-type",
    str(PG.actorType): "actor-type",
    str(PG.country): "country",
}


@dataclass
class Hit:
    project: str
    title: str
    lang: str
    file: str
    score: float
    facets: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SearchResult:
    hits: list[Hit]
    facets: dict[str, Counter[str]]
    total: int


@dataclass
class _Index:
    projects: dict[str, dict[str, str]]
    tokens: dict[str, Counter[str]]
    facets: dict[str, dict[str, set[str]]]
    df: Counter[str]


_INDEXES: dict[tuple[str, str], _Index] = {}


def _index(store: GraphStore) -> _Index:
    key = (store.location, store.version())
    if key in _INDEXES:
        return _INDEXES[key]
    projects: dict[str, dict[str, str]] = {}
    tokens: dict[str, Counter[str]] = {}
    df: Counter[str] = Counter()
    for row in run_query(store, "project_summaries"):
        iri = row["project"].value
        projects[iri] = {
            "title": row["title"].value,
            "lang": row["lang"].value if "lang" in row else "und",
            "file": row["file"].value,
        }
        words = (row["lemmas"].value.split() if "lemmas" in row else []) + fold(
            row["title"].value
        ).split()
        counts = Counter(words)
        tokens[iri] = counts
        df.update(counts.keys())
    facets: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in run_query(store, "project_facets"):
        facet = FACETS[row["facet"].value]
        value = row["value"].value
        if facet != "country":
            value = split_concept_iri(value)[1]
        facets[row["project"].value][facet].add(value)
    for iri, info in projects.items():
        facets[iri]["language"].add(info["lang"])
    _INDEXES.clear()
    _INDEXES[key] = _Index(projects, tokens, {k: dict(v) for k, v in facets.items()}, df)
    return _INDEXES[key]


@lru_cache(maxsize=4096)
def query_variants(word: str) -> frozenset[str]:
    """Folded lemmas of a query word in every supported language (plus the word itself)."""
    variants = {fold(word)}
    for lang in SUPPORTED:
        variants.add(fold(lemmatize(word, lang)))
    return frozenset(v for v in variants if v)


def search(
    store: GraphStore,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> SearchResult:
    """Projects matching every query word (any language) and all facet filters."""
    idx = _index(store)
    words = [w for w in query.split() if any(ch.isalnum() for ch in w)]
    n_docs = max(len(idx.projects), 1)
    scored: list[tuple[float, str]] = []
    for iri in idx.projects:
        proj_facets = idx.facets.get(iri, {})
        if filters and any(
            vals and not (set(vals) & proj_facets.get(f, set())) for f, vals in filters.items()
        ):
            continue
        score = 0.0
        ok = True
        for w in words:
            variants = query_variants(w)
            tf = sum(idx.tokens[iri].get(v, 0) for v in variants)
            if tf == 0:
                ok = False
                break
            df = max(idx.df.get(v, 0) for v in variants)
            score += (1 + math.log(tf)) * math.log(1 + n_docs / (1 + df))
        if ok:
            scored.append((score, iri))
    scored.sort(key=lambda x: (-x[0], idx.projects[x[1]]["title"]))
    facet_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, iri in scored:
        for facet, values in idx.facets.get(iri, {}).items():
            facet_counts[facet].update(values)
    hits = [
        Hit(
            iri,
            idx.projects[iri]["title"],
            idx.projects[iri]["lang"],
            idx.projects[iri]["file"],
            round(score, 4),
            {k: sorted(v) for k, v in idx.facets.get(iri, {}).items()},
        )
        for score, iri in scored[offset : offset + limit]
    ]
    return SearchResult(hits, dict(facet_counts), len(scored))
