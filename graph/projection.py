"""In-memory projection of the store for analytics, built once per store version.

Three SPARQL scans (project facts, organisations, memberships) become plain dicts and
inverted indexes; the network, precedent and gap analyses then never scan the store again.
Each analysis call costs work proportional to the projects it touches, not to the graph.
"""

from __future__ import annotations

import hashlib
import heapq
import marshal
import math
import os
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.queries import run_query
from graph.store import GraphStore, OxigraphStore
from ingest.cache import cache_dir
from ontology import ROLE_STRENGTH, role_name, split_concept_iri
from ontology.namespaces import DCTERMS, GRAPH, PG

#: roles that make an organisation part of a project's partnership (not just named in it)
PARTICIPATING_ROLES = frozenset({"coordinator", "partner", "donor-partner", "associated", "funder"})

_FACET_NAMES = {
    str(PG.funder): "funder",
    str(DCTERMS.audience): "target-group",
    str(PG.activity): "activity-type",
    str(PG.actorType): "actor-type",
}
_TITLE = str(DCTERMS.title)
_COUNTRY = str(PG.country)
_FILE = str(PG.fileName)
_LANG = str(DCTERMS.language)
_CURATION = str(GRAPH["curation"])
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")

#: facets that describe what a project is about (used for similarity)
THEMATIC_FACETS = ("target-group", "activity-type", "funder")


@dataclass
class ProjectRecord:
    iri: str
    title: str = ""
    funders: set[str] = field(default_factory=set)
    target_groups: set[str] = field(default_factory=set)
    activities: set[str] = field(default_factory=set)
    generic_actor_types: set[str] = field(default_factory=set)  # "municipalities" in the text
    countries: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    file: str = ""
    lang: str = ""

    def facet(self, name: str) -> set[str]:
        return {
            "funder": self.funders,
            "target-group": self.target_groups,
            "activity-type": self.activities,
            "actor-type": self.generic_actor_types,
            "country": self.countries,
        }[name]


@dataclass
class OrgRecord:
    iri: str
    label: str
    actor_type: str | None = None
    country: str | None = None
    parent: str | None = None


@dataclass
class Projection:
    """Projects, organisations and who took part in what, with inverted indexes."""

    version: str
    projects: dict[str, ProjectRecord]
    orgs: dict[str, OrgRecord]
    #: project -> organisation -> strongest role
    members: dict[str, dict[str, str]]
    #: organisation -> projects
    org_projects: dict[str, set[str]]
    #: (facet, value) -> projects; facets: funder, target-group, activity-type, country
    #: (the project's or a partner's), year, actor-type (generic mentions and partners' types)
    postings: dict[tuple[str, str], set[str]]
    #: actor type -> organisations of that type, most projects first
    orgs_by_type: dict[str, list[str]]
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def idf(self, facet: str, value: str) -> float:
        n = len(self.postings.get((facet, value), ()))
        return math.log(1 + len(self.projects) / (1 + n))

    def participants(self, project: str, include_mentioned: bool = False) -> dict[str, str]:
        """Organisations of a project with their role (named-only ones on request)."""
        roles = self.members.get(project, {})
        if include_mentioned:
            return dict(roles)
        return {o: r for o, r in roles.items() if r in PARTICIPATING_ROLES}

    def present_types(self, project: str) -> set[str]:
        """Actor types of the organisations taking part (not merely named)."""
        return {
            t
            for o in self.participants(project)
            if (t := self.orgs[o].actor_type if o in self.orgs else None)
        }

    def org_label(self, org: str) -> str:
        rec = self.orgs.get(org)
        return rec.label if rec else org.rsplit("/", 1)[-1]

    def similar_projects(
        self,
        signature: Counter[tuple[str, str]],
        limit: int = 50,
        exclude: set[str] | frozenset[str] = frozenset(),
        max_posting: int | None = None,
    ) -> list[tuple[str, float]]:
        """Projects ranked by IDF-weighted overlap with a facet signature.

        ``signature`` maps (facet, value) to a weight (1 for a single project). Values whose
        posting list is longer than ``max_posting`` (default: a third of all projects, min
        1000) add little information and are skipped, which bounds the cost on big graphs.
        """
        if max_posting is None:
            max_posting = max(1000, len(self.projects) // 3)
        scores: dict[str, float] = defaultdict(float)
        ranked_keys = sorted(signature, key=lambda k: -signature[k] * self.idf(*k))
        for key in ranked_keys:
            posting = self.postings.get(key)
            if not posting or len(posting) > max_posting:
                continue
            w = signature[key] * self.idf(*key)
            for p in posting:
                scores[p] += w
        for p in exclude:
            scores.pop(p, None)
        best = heapq.nlargest(limit, scores.items(), key=lambda kv: kv[1])
        return sorted(best, key=lambda kv: (-kv[1], kv[0]))


_CACHE: dict[tuple[str, str], Projection] = {}
_BUILD_LOCK = threading.Lock()


def _notation(iri: str) -> str | None:
    try:
        return split_concept_iri(iri)[1]
    except ValueError:
        return None


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))[0]


def build_projection(store: GraphStore) -> Projection:
    """Scan the store once (three queries) into a :class:`Projection`."""
    version = store.version()
    projects: dict[str, ProjectRecord] = {}
    for row in run_query(store, "analytics_project_facts"):
        iri = row["project"].value
        rec = projects.get(iri)
        if rec is None:
            rec = projects[iri] = ProjectRecord(iri)
        facet = row["facet"].value
        value = row["value"].value
        if facet == _TITLE:
            rec.title = rec.title or value
        elif facet == _COUNTRY:
            rec.countries.add(value)
        elif facet == _FILE:
            rec.file = rec.file or value
        elif facet == _LANG:
            rec.lang = rec.lang or value
        elif facet in _FACET_NAMES:
            notation = _notation(value)
            if notation:
                rec.facet(_FACET_NAMES[facet]).add(notation)
        else:  # a date-like value
            rec.years.update(int(y) for y in _YEAR.findall(value))

    labels: dict[str, list[str]] = defaultdict(list)
    types: dict[str, list[str]] = defaultdict(list)
    countries: dict[str, list[str]] = defaultdict(list)
    parents: dict[str, list[str]] = defaultdict(list)
    for row in run_query(store, "analytics_organisations"):
        org = row["org"].value
        labels[org].append(row["label"].value)
        if "type" in row and (t := _notation(row["type"].value)):
            types[org].append(t)
        if "country" in row:
            countries[org].append(row["country"].value)
    curated: dict[str, str] = {}
    for row in run_query(store, "analytics_parents"):
        org, parent = row["org"].value, row["parent"].value
        if org == parent:
            continue
        if row["g"].value == _CURATION:
            curated[org] = parent
        else:
            parents[org].append(parent)
    for org, parent in curated.items():  # a reviewer's decision beats the documents
        parents[org] = [parent]
    orgs = {
        org: OrgRecord(
            org,
            _most_common(values) or org,
            _most_common(types.get(org, [])),
            _most_common(countries.get(org, [])),
            _most_common(parents.get(org, [])),
        )
        for org, values in labels.items()
    }

    members: dict[str, dict[str, str]] = defaultdict(dict)
    org_projects: dict[str, set[str]] = defaultdict(set)
    role_names: dict[str, str] = {}
    for row in run_query(store, "analytics_memberships"):
        project, org, role_iri = row["project"].value, row["org"].value, row["role"].value
        role = role_names.get(role_iri)
        if role is None:
            role = role_names[role_iri] = role_name(role_iri)
        current = members[project].get(org)
        if current is None or ROLE_STRENGTH[role] < ROLE_STRENGTH[current]:
            members[project][org] = role
        org_projects[org].add(project)
        if project not in projects:
            projects[project] = ProjectRecord(project)
        if org not in orgs:
            orgs[org] = OrgRecord(org, org.rsplit("/", 1)[-1])

    postings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri, rec in projects.items():
        for facet in ("funder", "target-group", "activity-type", "country"):
            for value in rec.facet(facet):
                postings[(facet, value)].add(iri)
        for year in rec.years:
            postings[("year", str(year))].add(iri)
        for actor_type in rec.generic_actor_types:
            postings[("actor-type", actor_type)].add(iri)
    for project, roles in members.items():
        for org, role in roles.items():
            info = orgs[org]
            if info.country is not None:  # a partner's country counts for the project
                postings[("country", info.country)].add(project)
            if info.actor_type is not None and role in PARTICIPATING_ROLES:
                postings[("actor-type", info.actor_type)].add(project)
    by_type: dict[str, list[str]] = defaultdict(list)
    for org, rec in orgs.items():
        if rec.actor_type:
            by_type[rec.actor_type].append(org)
    for members_of_type in by_type.values():
        members_of_type.sort(key=lambda o: (-len(org_projects.get(o, ())), orgs[o].label))
    return Projection(
        version,
        projects,
        orgs,
        dict(members),
        dict(org_projects),
        dict(postings),
        dict(by_type),
    )


# ---------------------------------------------------------------------------- disk cache
#: bump when the shape of the cached data changes
CACHE_FORMAT = 1


def cache_file(store: GraphStore, kind: str) -> Path | None:
    """Where a derived index of ``store`` is kept between processes (``None``: not kept).

    Beside an on-disk store (``var/store.analytics.marshal``) when its folder is writable,
    else under ``$PRAXIS_CACHE`` / ``~/.cache/praxisgraph/analytics``.
    """
    if store.location == ":memory:":
        return None
    if isinstance(store, OxigraphStore):
        store_dir = Path(store.location).resolve()
        if os.access(store_dir.parent, os.W_OK):
            return store_dir.parent / f"{store_dir.name}.{kind}.marshal"
    digest = hashlib.sha256(store.location.encode("utf-8")).hexdigest()[:24]
    return cache_dir() / "analytics" / f"{digest}.{kind}.marshal"


def load_cached(store: GraphStore, kind: str, version: str) -> Any | None:
    """The payload saved for this store version, or ``None`` (missing, stale or damaged).

    ``marshal`` holds plain data only (no pickle: loading never runs code).
    """
    path = cache_file(store, kind)
    if path is None or version == "empty" or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            data = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != CACHE_FORMAT
        or data.get("version") != version
    ):
        return None
    return data.get("payload")


def save_cached(store: GraphStore, kind: str, version: str, payload: Any) -> None:
    """Save a payload for this store version (best effort; atomic rename)."""
    path = cache_file(store, kind)
    if path is None or version == "empty":
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump({"format": CACHE_FORMAT, "version": version, "payload": payload}, fh)
        os.replace(tmp, path)
    except (OSError, ValueError):
        return


def _to_plain(proj: Projection) -> dict[str, Any]:
    return {
        "projects": {
            iri: (
                r.title,
                r.funders,
                r.target_groups,
                r.activities,
                r.generic_actor_types,
                r.countries,
                r.years,
                r.file,
                r.lang,
            )
            for iri, r in proj.projects.items()
        },
        "orgs": {iri: (r.label, r.actor_type, r.country, r.parent) for iri, r in proj.orgs.items()},
        "members": proj.members,
        "org_projects": proj.org_projects,
        "postings": proj.postings,
        "orgs_by_type": proj.orgs_by_type,
    }


def _from_plain(version: str, data: dict[str, Any]) -> Projection:
    return Projection(
        version,
        {iri: ProjectRecord(iri, *fields) for iri, fields in data["projects"].items()},
        {iri: OrgRecord(iri, *fields) for iri, fields in data["orgs"].items()},
        data["members"],
        data["org_projects"],
        data["postings"],
        data["orgs_by_type"],
    )


def projection(store: GraphStore) -> Projection:
    """The projection for the store's current version: from memory, else from the disk
    cache of that version, else built (three scans) and saved."""
    version = store.version()
    key = (store.location, version)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    with _BUILD_LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            plain = load_cached(store, "analytics", version)
            if plain is not None:
                try:
                    cached = _from_plain(version, plain)
                except (KeyError, TypeError, ValueError):
                    cached = None
            if cached is None:
                cached = build_projection(store)
                save_cached(store, "analytics", version, _to_plain(cached))
            for old in [k for k in _CACHE if k[0] == key[0]]:
                del _CACHE[old]
            _CACHE[key] = cached
    return cached


def resolve_organisation(proj: Projection, text: str) -> str:
    """An organisation IRI from an IRI, an exact label/acronym, or a unique label substring.

    Raises ``LookupError`` with a one-line reason when nothing (or too much) matches.
    """
    text = text.strip()
    if text in proj.orgs:
        return text
    folded = text.casefold()
    exact = sorted(o for o, rec in proj.orgs.items() if rec.label.casefold() == folded)
    if exact:
        return max(exact, key=lambda o: len(proj.org_projects.get(o, ())))
    tail = sorted(o for o in proj.orgs if o.rsplit("/", 1)[-1].casefold() == folded)
    if tail:
        return tail[0]
    partial = [o for o, rec in proj.orgs.items() if folded and folded in rec.label.casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise LookupError(f"no organisation matches {text!r}")
    partial.sort(key=lambda o: (-len(proj.org_projects.get(o, ())), proj.orgs[o].label))
    names = "; ".join(proj.orgs[o].label for o in partial[:5])
    raise LookupError(f"{len(partial)} organisations match {text!r} (e.g. {names}); be more exact")


def resolve_project(proj: Projection, text: str) -> str:
    """A project IRI from its IRI, its source file name (``000_4b96….txt``), a unique
    file-name prefix (``000``), its id (the part after ``project/``) or its exact title.

    Raises ``LookupError`` with a one-line reason when nothing (or too much) matches.
    """
    text = text.strip()
    if not text:
        raise LookupError("no project given")
    if text in proj.projects:
        return text
    folded = text.casefold()
    for key in (
        lambda rec: rec.file.casefold() == folded,
        lambda rec: rec.file.rsplit(".", 1)[0].casefold() == folded,
        lambda rec: rec.iri.rsplit("/", 1)[-1] == text,
        lambda rec: rec.title.casefold() == folded,
        lambda rec: rec.file.casefold().startswith(folded),
    ):
        matches = sorted(iri for iri, rec in proj.projects.items() if key(rec))
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            shown = "; ".join(proj.projects[m].file or m for m in matches[:3])
            raise LookupError(f"{len(matches)} projects match {text!r} (e.g. {shown})")
    raise LookupError(f"no project matches {text!r}")
