"""Precedents for a project idea: similar existing projects, why they are similar, and the
organisations that often take part in such projects (potential partners).

The idea text goes through the same extraction as documents (language detection, the
spaCy pipeline, vocabulary matching); projects are then ranked by IDF-weighted overlap of
target groups, activity types and actor types, by funder and country, and by BM25 over
lemmas. The facet postings come from the analytics projection (:mod:`graph.projection`,
built once per store version); the word postings are read from the search index
(:func:`graph.search.word_postings`), which ingest keeps up to date, so the first idea on a
new store version builds nothing.

>>> round(bm25_idf(10, 1), 3)
1.846
"""

from __future__ import annotations

import hashlib
import heapq
import math
import threading
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from graph.projection import Projection, projection
from graph.queries import run_query
from graph.store import GraphStore

#: weight of each evidence kind in the final score (renormalised over the kinds the idea has)
WEIGHTS = {
    "target-group": 0.30,
    "activity-type": 0.15,
    "actor-type": 0.15,
    "funder": 0.10,
    "country": 0.05,
    "text": 0.25,
}
BM25_K1 = 1.2
BM25_B = 0.75
MAX_QUERY_TERMS = 60
#: candidates scored exactly after the cheap first pass
POOL = 400
#: BM25 stops adding query terms (rarest first) once their postings hold this many entries
MAX_POSTINGS = 150_000


@dataclass
class IdeaProfile:
    """What the extraction found in the idea text (notations and folded lemmas)."""

    lang: str
    target_groups: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    actor_types: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)

    def facets(self) -> dict[str, list[str]]:
        return {
            "target-group": self.target_groups,
            "activity-type": self.activities,
            "actor-type": self.actor_types,
            "funder": self.funders,
            "country": self.countries,
        }


@dataclass
class Precedent:
    project: str
    title: str
    score: float
    components: dict[str, float]
    shared: dict[str, list[str]]  # facet -> shared notations; "words" -> shared lemmas
    partners: list[dict[str, Any]]  # {org, label, actor_type, country, role}
    explanation: str


@dataclass
class PartnerSuggestion:
    org: str
    label: str
    actor_type: str | None
    country: str | None
    precedents: int  # how many of the top precedents it took part in
    score: float
    projects: list[dict[str, str]]  # {project, title}


@dataclass
class PrecedentResult:
    idea: IdeaProfile
    hits: list[Precedent]
    partners: list[PartnerSuggestion]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------- idea text


@cache
def _nlp(lang: str) -> Any:
    from ingest.nlp import make_nlp

    return make_nlp(lang)


def idea_profile(text: str, lang: str | None = None) -> IdeaProfile:
    """Run the document extraction on free text (no store involved)."""
    from ingest.documents import Document
    from ingest.extract import extract
    from ingest.langid import detect_language
    from ingest.normalise import normalise_text

    clean = normalise_text(text)
    if not clean.strip():
        raise ValueError("the idea text is empty")
    lang = lang or detect_language(clean)
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    document = Document(
        doc_id=f"idea-{digest[:16]}",
        text=clean,
        source_path="<idea>",
        file_name="<idea>",
        content_hash=digest,
        lang=lang,
        title=clean.splitlines()[0][:200],
    )
    ex = extract(document, _nlp(lang)(clean))
    org_types = [o.actor_type for o in ex.organisations if o.actor_type]
    return IdeaProfile(
        lang=lang,
        target_groups=sorted(ex.notations("target-group")),
        activities=sorted(ex.notations("activity-type")),
        actor_types=sorted(ex.notations("actor-type") | set(org_types)),
        funders=sorted(ex.notations("funder")),
        countries=sorted({c for c, _, _ in ex.countries}),
        organisations=sorted({o.label for o in ex.organisations}),
        lemmas=list(ex.lemmas),
    )


# ---------------------------------------------------------------------------- text index


def bm25_idf(n_docs: int, df: int) -> float:
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


@dataclass
class _TextIndex:
    postings: dict[str, dict[str, int]]  # lemma -> project -> term frequency
    lengths: dict[str, int]
    avg_length: float


_TEXT: dict[tuple[str, str], _TextIndex] = {}
_TEXT_LOCK = threading.Lock()


def _build_text_index(store: GraphStore) -> _TextIndex:
    from ingest.normalise import fold

    postings: dict[str, dict[str, int]] = defaultdict(dict)
    lengths: dict[str, int] = {}
    for row in run_query(store, "project_summaries"):
        project = row["project"].value
        words = (row["lemmas"].value.split() if "lemmas" in row else []) + fold(
            row["title"].value
        ).split()
        counts = Counter(words)
        lengths[project] = lengths.get(project, 0) + len(words)
        for term, tf in counts.items():
            postings[term][project] = postings[term].get(project, 0) + tf
    avg = sum(lengths.values()) / max(len(lengths), 1)
    return _TextIndex(dict(postings), lengths, avg or 1.0)


def text_index(store: GraphStore) -> _TextIndex:
    """Inverted index of folded lemmas (lemma text + title) over projects, in memory, cached
    per store version: the reference the search index's word postings are compared with
    (``rank_precedents(reference=True)``, tests). Nothing in the app or the CLI builds it:
    seconds and hundreds of MB on a big store."""
    key = (store.location, store.version())
    cached = _TEXT.get(key)
    if cached is not None:
        return cached
    with _TEXT_LOCK:
        cached = _TEXT.get(key)
        if cached is None:
            cached = _build_text_index(store)
            for old in [k for k in _TEXT if k[0] == key[0]]:
                del _TEXT[old]
            _TEXT[key] = cached
    return cached


def choose_terms(df: dict[str, int], n_docs: int) -> list[str]:
    """The terms worth looking up, from the document frequencies of the idea's known
    lemmas: longer than two letters, not stop-word-like (in at most half the projects),
    rarest first, at most :data:`MAX_QUERY_TERMS` and :data:`MAX_POSTINGS`."""
    n = max(n_docs, 1)
    terms = [t for t in df if len(t) > 2]
    terms = [t for t in terms if df[t] <= n * 0.5 or n < 20]
    terms.sort(key=lambda t: (df[t], t))
    kept, budget = [], MAX_POSTINGS
    for t in terms[:MAX_QUERY_TERMS]:
        budget -= df[t]
        if budget < 0 and kept:
            break
        kept.append(t)
    return kept


def query_terms(index: _TextIndex, lemmas: list[str]) -> list[str]:
    """The idea's lemmas worth looking up in the in-memory index (:func:`choose_terms`)."""
    df = {t: len(index.postings[t]) for t in set(lemmas) if t in index.postings}
    return choose_terms(df, len(index.lengths))


@dataclass
class TextMatch:
    """BM25 scores of projects for the idea's lemmas, the terms used and which projects
    contain each term."""

    scores: dict[str, float]
    terms: list[str]
    containing: dict[str, set[str]] = field(default_factory=dict)


def text_match(store: GraphStore, lemmas: list[str]) -> TextMatch:
    """BM25 over the search index's word postings (:func:`graph.search.word_postings`):
    nothing to build per store version. The same numbers as :func:`bm25` over
    :func:`text_index` (same terms, same formula in the same order of operations)."""
    from graph.search import word_postings

    if not lemmas:
        return TextMatch({}, [])
    words = word_postings(store, lemmas, choose_terms)
    n, avg, iris = max(words.n_docs, 1), words.avg_length, words.iris
    scores: dict[str, float] = defaultdict(float)
    containing: dict[str, set[str]] = {}
    for term in words.terms:
        docs, tf = words.docs[term], words.tf[term]
        idf = bm25_idf(n, len(docs))
        norm = BM25_K1 * (1 - BM25_B + BM25_B * words.length[docs] / avg)
        values = (idf * tf * (BM25_K1 + 1) / (tf + norm)).tolist()
        projects = [iris[d] for d in docs.tolist()]
        containing[term] = set(projects)
        for project, value in zip(projects, values, strict=True):
            scores[project] += value
    return TextMatch(dict(scores), words.terms, containing)


def bm25(index: _TextIndex, lemmas: list[str]) -> tuple[dict[str, float], list[str]]:
    """BM25 scores of projects for the query lemmas, and the query terms used (the
    in-memory index; :func:`text_match` gives the same from the search index)."""
    n = max(len(index.lengths), 1)
    terms = query_terms(index, lemmas)
    scores: dict[str, float] = defaultdict(float)
    lengths, avg = index.lengths, index.avg_length
    for term in terms:
        posting = index.postings[term]
        idf = bm25_idf(n, len(posting))
        for project, tf in posting.items():
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[project] / avg)
            scores[project] += idf * tf * (BM25_K1 + 1) / (tf + norm)
    return dict(scores), terms


# ---------------------------------------------------------------------------- ranking


def _label(scheme: str, notation: str) -> str:
    try:
        from ontology import concept

        return concept(scheme, notation).label("en")
    except Exception:  # vocabulary not available
        return notation


def rank_precedents(
    store: GraphStore,
    idea: IdeaProfile,
    funder: str | None = None,
    country: str | None = None,
    limit: int = 10,
    partner_limit: int = 10,
    partner_pool: int = 20,
    reference: bool = False,
) -> PrecedentResult:
    """Rank projects for an already extracted idea (see :func:`find_precedents`).

    ``reference`` scores the words with the in-memory lemma index (:func:`text_index`,
    seconds to build on a big store) instead of the search index's postings: the same
    ranking, kept for tests that compare the two."""
    proj = projection(store)
    facets = {k: list(v) for k, v in idea.facets().items()}
    if funder and funder not in facets["funder"]:
        facets["funder"].append(funder)
    if country and country not in facets["country"]:
        facets["country"].append(country)

    # phase 1: cheap accumulated scores over the informative postings -> a candidate pool
    n = max(len(proj.projects), 1)
    cap = max(5000, n // 4)
    value_weights: dict[str, tuple[dict[str, float], float]] = {}
    approx: dict[str, float] = defaultdict(float)
    skipped: list[tuple[int, str, str]] = []
    for facet, values in facets.items():
        values = sorted(set(values))
        if not values:
            continue
        weights = {v: proj.idf(facet, v) for v in values}
        # one shared funder or country is a full match; target groups etc. add up
        total = (max if facet in ("funder", "country") else sum)(weights.values()) or 1.0
        value_weights[facet] = (weights, total)
        for v in values:
            posting = proj.postings.get((facet, v), ())
            if len(posting) > cap:
                skipped.append((len(posting), facet, v))
                continue
            w = WEIGHTS[facet] * weights[v] / total
            for p in posting:
                approx[p] += w
    if reference:  # the in-memory lemma index (built once per store version)
        index = text_index(store)
        text_scores, terms = bm25(index, idea.lemmas) if idea.lemmas else ({}, [])
        containing = {t: set(index.postings[t]) for t in terms}
    else:
        matched = text_match(store, idea.lemmas)
        text_scores, terms, containing = matched.scores, matched.terms, matched.containing
    top_text = max(text_scores.values()) if text_scores else 1.0
    for p, s in text_scores.items():
        approx[p] += WEIGHTS["text"] * s / top_text
    if len(approx) < POOL and skipped:  # only very common values matched: use the rarest
        _, facet, v = min(skipped)
        for p in proj.postings[(facet, v)]:
            approx[p] += 0.0
            if len(approx) >= POOL:
                break
    pool = heapq.nlargest(POOL, approx.items(), key=lambda kv: (kv[1], kv[0]))

    # phase 2: exact components for the pool
    kinds = [*value_weights, *(["text"] if text_scores else [])]
    norm = sum(WEIGHTS[k] for k in kinds) or 1.0
    components: dict[str, dict[str, float]] = {}
    shared: dict[str, dict[str, list[str]]] = {}
    scored = []
    for p, _ in pool:
        if p not in proj.projects:
            continue
        comp: dict[str, float] = {}
        found: dict[str, list[str]] = {}
        for facet, (weights, total) in value_weights.items():
            hit = [v for v in weights if p in proj.postings.get((facet, v), ())]
            if hit:
                comp[facet] = min(1.0, sum(weights[v] for v in hit) / total)
                found[facet] = hit
        if p in text_scores:
            comp["text"] = text_scores[p] / top_text
            found["words"] = [t for t in terms if p in containing[t]][:8]
        if not comp:
            continue
        components[p], shared[p] = comp, found
        scored.append((sum(WEIGHTS[k] * v for k, v in comp.items()) / norm, p))
    scored.sort(key=lambda x: (-x[0], proj.projects[x[1]].title, x[1]))

    hits = []
    for score, p in scored[:limit]:
        found = {k: (v if k == "words" else sorted(v)) for k, v in shared[p].items()}
        partners = [
            {
                "org": org,
                "label": proj.org_label(org),
                "actor_type": proj.orgs[org].actor_type if org in proj.orgs else None,
                "country": proj.orgs[org].country if org in proj.orgs else None,
                "role": role,
            }
            for org, role in sorted(
                proj.participants(p).items(), key=lambda kv: (kv[1] != "coordinator", kv[0])
            )
        ]
        hits.append(
            Precedent(
                project=p,
                title=proj.projects[p].title,
                score=round(score, 4),
                components={k: round(v, 3) for k, v in sorted(components[p].items())},
                shared=found,
                partners=partners,
                explanation=_explain(found, partners),
            )
        )
    return PrecedentResult(
        idea=idea,
        hits=hits,
        partners=_partner_suggestions(proj, scored[:partner_pool], partner_limit),
    )


_FACET_WORDS = {
    "target-group": ("same target group", "target-group"),
    "activity-type": ("same activity", "activity-type"),
    "actor-type": ("same actor types", "actor-type"),
    "funder": ("same funder", "funder"),
}


def _explain(found: dict[str, list[str]], partners: list[dict[str, Any]]) -> str:
    parts = []
    for facet, (words, scheme) in _FACET_WORDS.items():
        if found.get(facet):
            parts.append(f"{words}: " + ", ".join(_label(scheme, v) for v in found[facet]))
    if found.get("country"):
        parts.append("same country: " + ", ".join(found["country"]))
    if found.get("words"):
        parts.append("shared words: " + ", ".join(found["words"][:5]))
    if partners:
        shown = [
            p["label"] + (f" ({p['actor_type']})" if p["actor_type"] else "") for p in partners[:4]
        ]
        more = f" and {len(partners) - 4} more" if len(partners) > 4 else ""
        parts.append("partners: " + ", ".join(shown) + more)
    return "; ".join(parts)


def _partner_suggestions(
    proj: Projection, top: list[tuple[float, str]], limit: int
) -> list[PartnerSuggestion]:
    weight: Counter[str] = Counter()
    seen_in: dict[str, list[str]] = defaultdict(list)
    for score, p in top:
        for org in proj.participants(p):
            weight[org] += score
            seen_in[org].append(p)
    ranked = sorted(weight, key=lambda o: (-len(seen_in[o]), -weight[o], proj.org_label(o)))
    out = []
    for org in ranked[:limit]:
        rec = proj.orgs.get(org)
        out.append(
            PartnerSuggestion(
                org=org,
                label=proj.org_label(org),
                actor_type=rec.actor_type if rec else None,
                country=rec.country if rec else None,
                precedents=len(seen_in[org]),
                score=round(weight[org], 4),
                projects=[{"project": p, "title": proj.projects[p].title} for p in seen_in[org]],
            )
        )
    return out


def find_precedents(
    store: GraphStore,
    text: str,
    funder: str | None = None,
    country: str | None = None,
    limit: int = 10,
    partner_limit: int = 10,
) -> PrecedentResult:
    """Existing projects most like the idea ``text``, each with the reasons, plus the
    organisations that often take part in such projects.

    ``funder`` (notation) and ``country`` (ISO code) add to what the text says: projects
    with that funder / in that country score higher (they are not hard filters).
    Raises ``ValueError`` for an empty text.
    """
    idea = idea_profile(text)
    return rank_precedents(
        store, idea, funder=funder, country=country, limit=limit, partner_limit=partner_limit
    )
