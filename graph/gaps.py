"""Missing stakeholders: which actor types a partnership lacks although they are expected.

Two sources of expectation, each reported with its reason:

(a) curated theme profiles (``ontology/themes.ttl``: ``pg:ThemeProfile`` with
    ``pg:triggeredBy`` concepts, ``pg:keyword`` lemmas and ``pg:expects`` [actor type,
    weight, reason]); a project selects a theme through its target groups / activity types,
    or, when none triggers, through keywords among its lemmas;
(b) data: actor types taking part in at least ``min_share`` of the most similar projects
    (IDF-weighted overlap of target groups, activity types and funders).

A type is *present* when an organisation of that type takes part (coordinator, partner,
associated, donor partner or funder); organisations a document merely names, and generic
mentions ("ministries"), make a missing type ``mentioned-only`` rather than present.
Every missing type comes with candidate organisations from the graph, best first: those
that took part in the similar projects, then those in the subject's country.

Subjects: :func:`gaps_for_project`, :func:`gaps_for_org` (ego network), :func:`gaps_for_community`,
:func:`gaps_for_theme` (target-group / activity-type notation or theme name, optionally in one
country), :func:`gaps_for_country`. All return a :class:`GapReport` (``as_dict()`` for JSON).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from graph.network import communities, network
from graph.projection import (
    THEMATIC_FACETS,
    Projection,
    load_cached,
    projection,
    resolve_organisation,
    resolve_project,
    save_cached,
)
from graph.queries import run_query
from graph.sectors import sector_of
from graph.store import GraphStore
from ontology import split_concept_iri
from ontology.namespaces import GRAPH

DEFAULT_MIN_SHARE = 0.3  # data-driven: share of similar projects with the type
DEFAULT_SIMILAR = 50  # how many similar projects to compare with
DEFAULT_MIN_SUPPORT = 2  # data-driven: at least this many similar projects with the type
DEFAULT_MIN_COVERAGE = 0.1  # aggregate subjects: a type below this share counts as missing
THEME_MIN_SHARE = 0.25
#: where a document in a language most likely comes from (when it states no country)
LANGUAGE_COUNTRIES = {
    "cs": ("CZ",),
    "pl": ("PL",),
    "sk": ("SK",),
    "sl": ("SI",),
    "de": ("DE", "AT"),
}  # aggregate subjects: themes of at least this share of projects


# ---------------------------------------------------------------------------- theme profiles


@dataclass(frozen=True)
class Expectation:
    actor_type: str
    weight: float
    reason: str


@dataclass(frozen=True)
class ThemeProfile:
    iri: str
    label: str
    triggers: frozenset[tuple[str, str]]  # (scheme, notation)
    keywords: tuple[tuple[str, ...], ...]  # folded lemma sequences
    expects: tuple[Expectation, ...]

    @property
    def name(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


_THEMES: dict[tuple[str, str], list[ThemeProfile]] = {}
_THEME_LOCK = threading.Lock()


def _keyword_lemmas(text: str, lang: str | None) -> tuple[str, ...]:
    from ingest.lemmatize import lemmatize
    from ingest.normalise import fold

    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    lemmas = []
    for w in words:
        lemma = lemmatize(w, lang) if lang else w
        lemmas.append(fold(lemma) or fold(w))
    return tuple(x for x in lemmas if x)


def _profiles_from_rows(rows: list[dict[str, Any]]) -> list[ThemeProfile]:
    label: dict[str, str] = {}
    triggers: dict[str, set[tuple[str, str]]] = defaultdict(set)
    keywords: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    expects: dict[str, dict[str, Expectation]] = defaultdict(dict)
    for row in rows:
        theme = str(row["theme"])
        if row.get("label"):
            label.setdefault(theme, str(row["label"]))
        kind = str(row["kind"])
        if kind == "trigger":
            try:
                triggers[theme].add(split_concept_iri(str(row["value"])))
            except ValueError:
                continue
        elif kind == "keyword":
            lemmas = _keyword_lemmas(str(row["value"]), row.get("lang") or None)
            if lemmas:
                keywords[theme].add(lemmas)
        elif kind == "expects":
            try:
                _, actor_type = split_concept_iri(str(row["actorType"]))
            except ValueError:
                continue
            weight = float(row["weight"]) if row.get("weight") is not None else 0.5
            reason = str(row.get("reason") or "")
            old = expects[theme].get(actor_type)
            if old is None or weight > old.weight:
                expects[theme][actor_type] = Expectation(actor_type, weight, reason)
    out = []
    for theme in sorted(set(triggers) | set(keywords) | set(expects)):
        out.append(
            ThemeProfile(
                iri=theme,
                label=label.get(theme, theme.rsplit("/", 1)[-1]),
                triggers=frozenset(triggers[theme]),
                keywords=tuple(sorted(keywords[theme])),
                expects=tuple(
                    sorted(expects[theme].values(), key=lambda e: (-e.weight, e.actor_type))
                ),
            )
        )
    return out


def _rows_from_store(store: GraphStore) -> list[dict[str, Any]]:
    rows = []
    for r in run_query(store, "theme_profiles"):
        value = r.get("value")
        rows.append(
            {
                "theme": r["theme"].value,
                "label": r["label"].value if "label" in r else None,
                "kind": r["kind"].value,
                "value": value.value if value is not None else None,
                "lang": getattr(value, "language", None) if value is not None else None,
                "actorType": r["actorType"].value if "actorType" in r else None,
                "weight": r["weight"].value if "weight" in r else None,
                "reason": r["reason"].value if "reason" in r else None,
            }
        )
    return rows


def _rows_from_file() -> list[dict[str, Any]]:
    """Theme profiles straight from ``ontology/themes.ttl`` (a store without the ontology)."""
    from pyoxigraph import NamedNode, RdfFormat

    from graph.store import open_store
    from ontology import ontology_dir

    path = ontology_dir() / "themes.ttl"
    if not path.exists():
        return []
    mem = open_store(":memory:")
    mem.load(path.read_bytes(), RdfFormat.TURTLE, NamedNode(str(GRAPH["ontology"])))
    return _rows_from_store(mem)


def _theme_to_plain(t: ThemeProfile) -> tuple[Any, ...]:
    return (
        t.iri,
        t.label,
        sorted(t.triggers),
        list(t.keywords),
        [(e.actor_type, e.weight, e.reason) for e in t.expects],
    )


def _theme_from_plain(data: tuple[Any, ...]) -> ThemeProfile:
    iri, label, triggers, keywords, expects = data
    return ThemeProfile(
        iri,
        label,
        frozenset(tuple(x) for x in triggers),
        tuple(tuple(k) for k in keywords),
        tuple(Expectation(*e) for e in expects),
    )


def theme_profiles(store: GraphStore) -> list[ThemeProfile]:
    """Theme profiles in the store's ontology graph (else ``ontology/themes.ttl``),
    cached per store version."""
    key = (store.location, store.version())
    cached = _THEMES.get(key)
    if cached is not None:
        return cached
    with _THEME_LOCK:
        plain = load_cached(store, "themes", key[1])
        try:
            profiles = [_theme_from_plain(t) for t in plain] if plain is not None else None
        except (TypeError, ValueError):
            profiles = None
        if profiles is None:  # keyword lemmatisation loads dictionaries: seconds, so keep it
            rows = _rows_from_store(store) or _rows_from_file()
            profiles = _profiles_from_rows(rows)
            save_cached(store, "themes", key[1], [_theme_to_plain(t) for t in profiles])
        for old in [k for k in _THEMES if k[0] == key[0]]:
            del _THEMES[old]
        _THEMES[key] = profiles
    return profiles


def keyword_projects(
    store: GraphStore, keywords: Iterable[tuple[str, ...]], projects: Collection[str]
) -> dict[tuple[str, ...], set[str]]:
    """Keyword (folded lemma sequence) -> those of ``projects`` whose words hold all its
    lemmas: the lemmas and title words of the search index (:func:`graph.search.word_postings`,
    kept in step with the store, so nothing is built here); a lemma is cut into words as
    the index cuts its text."""
    import numpy as np

    from graph.search import TOKEN, word_postings

    parts = {k: [w for lemma in k for w in TOKEN.findall(lemma)] for k in set(keywords)}
    parts = {k: words for k, words in parts.items() if words}
    if not parts or not projects:
        return {}
    postings = word_postings(store, {w for words in parts.values() for w in words})
    iris = postings.iris
    wanted = projects if isinstance(projects, (set, frozenset)) else set(projects)
    found: dict[tuple[str, ...], set[str]] = {}
    for keyword, words in parts.items():
        if not all(w in postings.docs for w in words):
            continue
        docs = min((postings.docs[w] for w in words), key=len)
        for w in words:
            if len(docs) == 0:
                break
            docs = np.intersect1d(docs, postings.docs[w], assume_unique=True)
        hits = {iris[d] for d in docs.tolist()} & wanted
        if hits:
            found[keyword] = hits
    return found


def _concept_themes(
    proj: Projection, project: str, profiles: list[ThemeProfile]
) -> dict[str, list[str]]:
    rec = proj.projects.get(project)
    if rec is None:
        return {}
    concepts = {("target-group", v) for v in rec.target_groups} | {
        ("activity-type", v) for v in rec.activities
    }
    found: dict[str, list[str]] = {}
    for theme in profiles:
        hit = sorted(f"{s}:{n}" for s, n in theme.triggers & concepts)
        if hit:
            found[theme.iri] = hit
    return found


def _keyword_themes(
    project: str, profiles: list[ThemeProfile], hits: dict[tuple[str, ...], set[str]]
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for theme in profiles:
        hit = [" ".join(k) for k in theme.keywords if project in hits.get(k, ())]
        if hit:
            found[theme.iri] = [f"keyword:{k}" for k in sorted(hit)[:3]]
    return found


def themes_of_projects(
    store: GraphStore, proj: Projection, projects: Iterable[str], profiles: list[ThemeProfile]
) -> dict[str, dict[str, list[str]]]:
    """Project -> the themes it selects -> what selected them (``target-group:prisoners``,
    ``keyword:reintegrace``). Keywords are consulted only for a project no concept of which
    triggers a theme, all such projects at once (:func:`keyword_projects`)."""
    out: dict[str, dict[str, list[str]]] = {}
    unmatched: list[str] = []
    for p in projects:
        if p not in proj.projects:
            continue
        out[p] = _concept_themes(proj, p, profiles)
        if not out[p]:
            unmatched.append(p)
    if unmatched:
        keywords = [k for t in profiles for k in t.keywords]
        hits = keyword_projects(store, keywords, set(unmatched))
        for p in unmatched:
            out[p] = _keyword_themes(p, profiles, hits)
    return out


def project_themes(
    store: GraphStore, proj: Projection, project: str, profiles: list[ThemeProfile]
) -> dict[str, list[str]]:
    """The themes one project selects (:func:`themes_of_projects`)."""
    return themes_of_projects(store, proj, [project], profiles).get(project, {})


# ---------------------------------------------------------------------------- reports


@dataclass
class Candidate:
    org: str
    label: str
    actor_type: str | None
    country: str | None
    in_similar_projects: int  # similar projects it took part in
    projects_total: int
    evidence: list[dict[str, str]] = field(default_factory=list)  # {project, title}


@dataclass
class MissingType:
    actor_type: str
    label: str
    sector: str
    status: str  # absent | mentioned-only | under-represented
    score: float
    coverage: float  # share of the subject's projects with this type taking part
    reasons: list[dict[str, Any]]
    mentioned: list[str] = field(default_factory=list)  # labels named but not partners
    #: organisations of the type that took part in projects (similar projects first)
    candidates: list[Candidate] = field(default_factory=list)
    #: bodies of the type known from the authority file but in no project yet
    reference_bodies: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class GapReport:
    subject: dict[str, str]  # kind, id, label
    projects: int
    present_types: dict[str, int]
    themes: list[dict[str, Any]]
    similar_projects: list[dict[str, Any]]
    missing: list[MissingType]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def missing_types(self) -> list[str]:
        return [m.actor_type for m in self.missing]


def _type_label(notation: str) -> str:
    try:
        from ontology import concept

        return concept("actor-type", notation).label("en")
    except Exception:  # vocabulary not available: the notation is readable enough
        return notation


def _signature(proj: Projection, projects: set[str], top: int = 15) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for p in projects:
        rec = proj.projects.get(p)
        if rec is None:
            continue
        for facet in THEMATIC_FACETS:
            for value in rec.facet(facet):
                counts[(facet, value)] += 1
    n = max(len(projects), 1)
    best = sorted(counts, key=lambda k: (-counts[k] * proj.idf(*k), k))[:top]
    return Counter({k: counts[k] / n for k in best})


def _report(
    store: GraphStore,
    proj: Projection,
    subject: dict[str, str],
    projects: set[str],
    present_orgs: set[str] | None,
    themes: dict[str, list[str]] | None = None,
    countries: Counter[str] | None = None,
    min_share: float = DEFAULT_MIN_SHARE,
    similar: int = DEFAULT_SIMILAR,
    min_support: int = DEFAULT_MIN_SUPPORT,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
    candidates: int = 5,
) -> GapReport:
    """Shared core: ``present_orgs`` (set-based subjects) or per-project coverage (None)."""
    profiles = theme_profiles(store)
    by_iri = {t.iri: t for t in profiles}
    n_projects = max(len(projects), 1)

    # --- what is present, and what is only named
    type_projects: Counter[str] = Counter()
    mentioned: dict[str, set[str]] = defaultdict(set)
    for p in projects:
        types_here: set[str] = set()
        for org, role in proj.members.get(p, {}).items():
            t = proj.orgs[org].actor_type if org in proj.orgs else None
            if not t:
                continue
            if role == "mentioned":
                mentioned[t].add(org)
            else:
                types_here.add(t)
        type_projects.update(types_here)
        rec = proj.projects.get(p)
        if rec is not None:
            for t in rec.generic_actor_types:
                mentioned[t].add("")
    if present_orgs is not None:
        present = Counter(
            t for o in present_orgs if (t := proj.orgs[o].actor_type if o in proj.orgs else None)
        )

        def coverage(t: str) -> float:
            return 1.0 if present.get(t) else 0.0
    else:
        present = type_projects

        def coverage(t: str) -> float:
            return type_projects.get(t, 0) / n_projects

    if countries is None:
        countries = Counter()
        for p in projects:
            countries.update(proj.projects[p].countries if p in proj.projects else ())
            for org in proj.participants(p):
                if org in proj.orgs and proj.orgs[org].country:
                    countries[proj.orgs[org].country] += 1
    home = {c for c, _ in countries.most_common(2)}
    if not home:  # no country stated: the documents' language hints at one
        langs = Counter(proj.projects[p].lang for p in projects if p in proj.projects)
        home = {c for lang, _ in langs.most_common(1) for c in LANGUAGE_COUNTRIES.get(lang, ())}

    # --- (a) themes
    if themes is None:
        theme_hits: dict[str, Counter[str]] = defaultdict(Counter)
        theme_count: Counter[str] = Counter()
        for selected in themes_of_projects(store, proj, sorted(projects), profiles).values():
            for theme, why in selected.items():
                theme_count[theme] += 1
                theme_hits[theme].update(why)
        chosen = [
            t
            for t, c in theme_count.most_common()
            if c / n_projects >= THEME_MIN_SHARE or t == theme_count.most_common(1)[0][0]
        ]
        themes = {t: [w for w, _ in theme_hits[t].most_common(5)] for t in chosen}
        theme_share = {t: theme_count[t] / n_projects for t in chosen}
    else:
        theme_share = dict.fromkeys(themes, 1.0)
    expected: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for theme_iri, _why in themes.items():
        theme = by_iri.get(theme_iri)
        if theme is None:
            continue
        for e in theme.expects:
            expected[e.actor_type].append(
                {
                    "source": "theme",
                    "theme": theme.label,
                    "theme_iri": theme.iri,
                    "weight": round(e.weight * theme_share[theme_iri], 3),
                    "reason": e.reason,
                }
            )

    # --- (b) similar projects
    sim = proj.similar_projects(_signature(proj, projects), limit=similar, exclude=projects)
    sim_projects = [p for p, _ in sim]
    typed = [p for p in sim_projects if proj.present_types(p)]
    type_in_similar: dict[str, list[str]] = defaultdict(list)
    for p in typed:
        for t in proj.present_types(p):
            type_in_similar[t].append(p)
    for t, ps in type_in_similar.items():
        share = len(ps) / len(typed)
        if share >= min_share and len(ps) >= min_support:
            expected[t].append(
                {
                    "source": "similar-projects",
                    "weight": round(share, 3),
                    "share": round(share, 3),
                    "with_type": len(ps),
                    "compared": len(typed),
                    "reason": (
                        f"takes part in {len(ps)} of the {len(typed)} most similar projects "
                        f"({share:.0%})"
                    ),
                    "examples": [{"project": x, "title": proj.projects[x].title} for x in ps[:3]],
                }
            )

    # --- missing types with candidates
    # organisations already taking part are no candidates; merely named ones are
    subject_orgs = set(present_orgs) if present_orgs is not None else set()
    if present_orgs is None:
        for p in projects:
            subject_orgs |= set(proj.participants(p))
    missing = []
    for t, reasons in expected.items():
        cov = coverage(t)
        limit_cov = 0.0 if present_orgs is not None or len(projects) == 1 else min_coverage
        if cov > limit_cov:
            continue
        named = sorted(proj.org_label(o) for o in mentioned.get(t, set()) if o)
        status = "absent"
        if cov > 0:
            status = "under-represented"
        elif t in mentioned:
            status = "mentioned-only"
        if status == "mentioned-only":
            reasons = [
                *reasons,
                {
                    "source": "document",
                    "reason": (
                        f"named in the document(s), but not as a partner: {', '.join(named[:5])}"
                        if named
                        else "the document(s) mention this kind of actor, but none takes part"
                    ),
                },
            ]
        missing.append(
            MissingType(
                actor_type=t,
                label=_type_label(t),
                sector=sector_of(t),
                status=status,
                score=round(max(r["weight"] for r in reasons if "weight" in r), 3),
                coverage=round(cov, 3),
                reasons=reasons,
                mentioned=named,
                candidates=_candidates(proj, t, sim_projects, home, subject_orgs, candidates),
                reference_bodies=_reference_bodies(proj, t, home, subject_orgs),
            )
        )
    missing.sort(key=lambda m: (-m.score, m.actor_type))
    notes = []
    if projects and not any(proj.participants(p) for p in projects):
        notes.append(
            "no organisation is stated as coordinator or partner in the document(s); "
            "organisations that are only named count as mentioned-only"
        )
    if not themes:
        notes.append("no theme profile matches; only similar projects set expectations")
    theme_list = [
        {
            "theme": by_iri[t].label if t in by_iri else t,
            "iri": t,
            "share": round(theme_share.get(t, 1.0), 3),
            "triggered_by": why,
        }
        for t, why in themes.items()
    ]
    return GapReport(
        subject=subject,
        projects=len(projects),
        present_types=dict(present.most_common()),
        themes=theme_list,
        similar_projects=[
            {"project": p, "title": proj.projects[p].title, "score": round(s, 3)}
            for p, s in sim[:10]
        ],
        missing=missing,
        notes=notes,
    )


def _reference_bodies(
    proj: Projection, actor_type: str, home: set[str], exclude: set[str], limit: int = 3
) -> list[dict[str, str | None]]:
    """Organisations of the type with no project (e.g. from the authority file), home
    countries first."""
    idle = []
    for o in reversed(proj.orgs_by_type.get(actor_type, [])):  # fewest projects first
        if o in proj.org_projects:
            break  # the rest all have projects
        if o not in exclude:
            idle.append(o)
    idle.sort(key=lambda o: (proj.orgs[o].country not in home, proj.orgs[o].label))
    return [
        {"org": o, "label": proj.orgs[o].label, "country": proj.orgs[o].country}
        for o in idle[:limit]
    ]


def _candidates(
    proj: Projection,
    actor_type: str,
    similar: list[str],
    home: set[str],
    exclude: set[str],
    limit: int,
) -> list[Candidate]:
    in_similar: dict[str, list[str]] = defaultdict(list)
    for p in similar:
        for org in proj.participants(p):
            if org in proj.orgs and proj.orgs[org].actor_type == actor_type:
                in_similar[org].append(p)
    pool = list(in_similar)
    seen = set(pool)
    for org in proj.orgs_by_type.get(actor_type, []):  # most projects first
        if len(pool) >= limit * 20 or org not in proj.org_projects:
            break
        if org not in seen:
            pool.append(org)
            seen.add(org)
    pool = [o for o in pool if o not in exclude]

    def rank(org: str) -> tuple[int, int, int, str]:
        rec = proj.orgs[org]
        return (
            -len(in_similar.get(org, ())),
            0 if rec.country in home else 1,
            -len(proj.org_projects.get(org, ())),
            rec.label,
        )

    out = []
    for org in sorted(pool, key=rank)[:limit]:
        rec = proj.orgs[org]
        shown = in_similar.get(org) or sorted(proj.org_projects.get(org, ()))
        out.append(
            Candidate(
                org=org,
                label=rec.label,
                actor_type=rec.actor_type,
                country=rec.country,
                in_similar_projects=len(in_similar.get(org, ())),
                projects_total=len(proj.org_projects.get(org, ())),
                evidence=[{"project": p, "title": proj.projects[p].title} for p in shown[:3]],
            )
        )
    return out


# ---------------------------------------------------------------------------- subjects


def gaps_for_project(store: GraphStore, project: str, **options: Any) -> GapReport:
    """Missing actor types of one project (IRI, id such as ``000`` / ``000_4b96…``, or title).

    Options: ``min_share``, ``similar``, ``min_support``, ``candidates``.
    """
    proj = projection(store)
    iri = resolve_project(proj, project)
    subject = {"kind": "project", "id": iri, "label": proj.projects[iri].title}
    return _report(store, proj, subject, {iri}, None, **options)


def gaps_for_org(store: GraphStore, org: str, **options: Any) -> GapReport:
    """Missing actor types in an organisation's ego network (itself and direct partners),
    over the themes of its projects."""
    proj = projection(store)
    iri = resolve_organisation(proj, org)
    projects = set(proj.org_projects.get(iri, ()))
    present = {iri}
    for p in projects:
        present |= set(proj.participants(p))
    subject = {"kind": "organisation", "id": iri, "label": proj.org_label(iri)}
    return _report(store, proj, subject, projects, present, **options)


def gaps_for_community(
    store: GraphStore, index: int, include_mentioned: bool = True, **options: Any
) -> GapReport:
    """Missing actor types in community ``index`` of :func:`graph.network.communities`."""
    from graph.network import NetworkFilter

    g = network(store, NetworkFilter(include_mentioned=include_mentioned))
    found = communities(g)
    if not 0 <= index < len(found):
        raise LookupError(f"no community {index}; there are {len(found)}")
    proj = projection(store)
    members = {m["org"] for m in found[index].members}
    projects: set[str] = set()
    for org in members:
        projects |= proj.org_projects.get(org, set())
    present = {  # members that take part somewhere (not only named)
        o
        for o in members
        if any(proj.members[p][o] != "mentioned" for p in proj.org_projects.get(o, ()))
    }
    top = found[index].members[0]["label"] if found[index].members else ""
    subject = {"kind": "community", "id": str(index), "label": f"community {index} ({top} …)"}
    return _report(store, proj, subject, projects, present, **options)


def gaps_for_theme(
    store: GraphStore, notation: str, country: str | None = None, **options: Any
) -> GapReport:
    """Missing actor types across the projects of a theme: a target-group or activity-type
    notation (``prisoners``, ``joint-operations``) or a theme profile name
    (``prisoner-reintegration``), optionally in one country (ISO code). A type counts as
    missing when it takes part in fewer than ``min_coverage`` of those projects."""
    proj = projection(store)
    profiles = theme_profiles(store)
    named = [t for t in profiles if t.name == notation or t.iri == notation]
    projects: set[str] = set()
    if named:
        theme = named[0]
        for scheme, n in theme.triggers:
            projects |= proj.postings.get((scheme, n), set())
        themes = {theme.iri: [f"theme:{theme.name}"]}
        label = theme.label
    else:
        keys = [(s, notation) for s in ("target-group", "activity-type")]
        matched = [k for k in keys if k in proj.postings]
        triggered = {t.iri: [f"{s}:{n}"] for t in profiles for s, n in keys if (s, n) in t.triggers}
        if not matched and not triggered:
            raise LookupError(f"no target group, activity type or theme named {notation!r}")
        for k in matched:
            projects |= proj.postings[k]
        themes = triggered
        label = notation
    if country:
        projects &= proj.postings.get(("country", country), set())
        label += f" in {country}"
    subject = {"kind": "theme", "id": notation, "label": label}
    return _report(
        store,
        proj,
        subject,
        projects,
        None,
        themes=themes,
        countries=Counter({country: 1}) if country else None,
        **options,
    )


def gaps_for_country(store: GraphStore, country: str, **options: Any) -> GapReport:
    """Missing actor types across all projects in a country (project or partner country)."""
    proj = projection(store)
    projects = set(proj.postings.get(("country", country), set()))
    if not projects:
        raise LookupError(f"no projects in country {country!r}")
    subject = {"kind": "country", "id": country, "label": country}
    return _report(store, proj, subject, projects, None, countries=Counter({country: 1}), **options)
