"""Analytics benchmark: one JSON line on stdout (progress on stderr).

    .venv/bin/python bench/analytics.py                  # 100k projects, simple generator
    .venv/bin/python bench/analytics.py --n 10000
    .venv/bin/python bench/analytics.py --source synth   # graph/synth.py corpus (heavier RDF)

Builds a synthetic graph in a fresh on-disk store, then measures: the analytics projection
(built once per store version, then cached), ego networks (depth 1 and 2) of a typical and a
hub organisation, gaps for one project, precedents for an idea text (extraction included,
after one warm-up call that loads the language pipeline), and the full collaboration graph.
Targets on 100k projects: ego <= 300 ms, gaps <= 500 ms, precedents <= 1 s.

The ``simple`` generator writes projects straight in the store's model: organisation
participation follows preferential attachment (a few organisations in hundreds of projects,
most in one), each project has a theme (target groups, activities, funder, lemma text drawn
from a Zipf vocabulary) and a year.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.handbuilt import OrgSpec, ProjectSpec, bulk_load_projects  # noqa: E402

ACTOR_TYPES = [
    ("ngo", 30),
    ("municipality", 12),
    ("school", 10),
    ("university-research", 8),
    ("police", 6),
    ("social-services", 6),
    ("employer", 6),
    ("prison-service", 3),
    ("probation-service", 2),
    ("labour-office", 3),
    ("ministry", 3),
    ("government-agency", 3),
    ("regional-government", 3),
    ("trade-union", 2),
    ("health-services", 2),
    ("court-prosecution", 1),
    ("international-organisation", 1),
]
COUNTRIES = [("CZ", 30), ("PL", 25), ("DE", 10), ("AT", 8), ("SK", 10), ("SI", 7), ("NO", 10)]
FUNDERS = ["erasmus-plus", "eea-norway-grants", "esf", "isf", "amif", "interreg", "cerv"]
THEMES = [
    (["prisoners", "ex-prisoners"], ["training", "counselling", "direct-support"]),
    (["migrants", "refugees"], ["counselling", "training", "awareness-campaign"]),
    (["victims-of-trafficking"], ["training", "networking-meetings", "survey-research"]),
    (["children-youth"], ["workshop", "awareness-campaign", "cultural-event"]),
    (["roma"], ["community-organising", "direct-support", "training"]),
    (["law-enforcement-officers"], ["training", "study-visit", "joint-operations"]),
    (["unemployed", "neet"], ["training", "counselling", "publication"]),
    (["victims-of-crime", "women"], ["counselling", "legal-aid", "awareness-campaign"]),
]
IDEA = (
    "Vocational training and counselling for prisoners before release, with the prison "
    "service, probation officers, employers and an NGO, funded by Erasmus+."
)


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def simple_projects(n: int, seed: int = 0) -> Iterator[ProjectSpec]:
    """A heavy-tailed participation graph written directly as projects."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(5000)]
    zipf = [1 / (i + 1) for i in range(len(vocabulary))]
    theme_words = {i: rng.sample(vocabulary[200:], 40) for i in range(len(THEMES))}
    orgs: list[OrgSpec] = []
    attachments: list[int] = []  # one entry per participation: preferential attachment
    for i in range(n):
        theme = rng.randrange(len(THEMES))
        groups, activities = THEMES[theme]
        k = min(1 + int(rng.expovariate(1 / 3.0)), 25)
        members: dict[int, str] = {}
        for j in range(k):
            if not attachments or rng.random() < 0.35:
                index = len(orgs)
                t = _weighted(rng, ACTOR_TYPES)
                c = _weighted(rng, COUNTRIES)
                orgs.append(OrgSpec(f"o{index}", f"{t} {index} {c}", t, c))
            else:
                index = attachments[rng.randrange(len(attachments))]
            members.setdefault(index, "coordinator" if j == 0 else "partner")
        if rng.random() < 0.3 and orgs:
            members.setdefault(rng.randrange(len(orgs)), "mentioned")
        attachments.extend(members)
        words = rng.choices(vocabulary, weights=zipf, k=25) + rng.sample(theme_words[theme], 8)
        yield ProjectSpec(
            doc_id=f"s{i}",
            title=f"Project {i} {' '.join(words[:3])}",
            orgs=[(orgs[x], role) for x, role in members.items()],
            funders=[rng.choice(FUNDERS)],
            target_groups=rng.sample(groups, rng.randint(1, len(groups))),
            activities=rng.sample(activities, rng.randint(1, 2)),
            countries=[orgs[next(iter(members))].country or "CZ"],
            lemmas=" ".join(words),
            year=rng.randint(2005, 2024),
        )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def stats_ms(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "runs": len(samples),
    }


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="Projects.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", choices=["simple", "synth"], default="simple")
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per measurement.")
    parser.add_argument(
        "--store", type=Path, help="Store directory (default: a temp dir); reused if not empty."
    )
    parser.add_argument("--full-network", action="store_true", help="Also time the nx graph.")
    args = parser.parse_args()

    from graph.gaps import gaps_for_project
    from graph.network import ego_network, network
    from graph.precedents import (
        IdeaProfile,
        find_precedents,
        idea_profile,
        rank_precedents,
    )
    from graph.projection import projection
    from graph.store import open_store

    tmp = None
    if args.store is None:
        tmp = Path(tempfile.mkdtemp(prefix="praxis-bench-"))
        args.store = tmp / "store"
    result: dict[str, Any] = {"bench": "analytics", "n_projects": args.n, "source": args.source}
    try:
        reuse = args.store.exists() and any(args.store.iterdir())
        store = open_store(args.store)
        if reuse:  # a store from an earlier run (--store DIR): measure it as it is
            log(f"reusing {args.store}")
            result["n_projects"] = None
        else:
            log(f"loading {args.n} projects ({args.source}) into {args.store}")
            if args.source == "simple":
                load_s, _ = timed(
                    lambda: bulk_load_projects(store, simple_projects(args.n, args.seed))
                )
            else:
                load_s, _ = timed(lambda: _load_synth(store, args.n, args.seed, args.store.parent))
            result["load_s"] = round(load_s, 1)
        result["quads"] = store.count_quads()

        from graph.projection import cache_file

        for kind in ("analytics", "lemmas", "themes"):  # measure real builds, not the cache
            path = cache_file(store, kind)
            if path is not None and path.exists():
                path.unlink()
        log("building the projection")
        build_s, proj = timed(lambda: projection(store))
        result["projection_build_s"] = round(build_s, 2)
        result["organisations"] = len(proj.orgs)
        result["participations"] = sum(len(m) for m in proj.members.values())
        result["n_projects"] = len(proj.projects)
        cached_s, _ = timed(lambda: projection(store))
        result["projection_cached_ms"] = round(cached_s * 1000, 2)
        from graph import projection as projection_module

        projection_module._CACHE.clear()  # as a new process would: from the disk cache
        disk_s, _ = timed(lambda: projection(store))
        result["projection_from_disk_s"] = round(disk_s, 2)

        rng = random.Random(args.seed)
        by_size = sorted(proj.org_projects, key=lambda o: len(proj.org_projects[o]))
        hub = by_size[-1]
        typical = [o for o in by_size if 2 <= len(proj.org_projects[o]) <= 10]
        picks = rng.sample(typical, min(args.runs, len(typical)))
        result["hub_projects"] = len(proj.org_projects[hub])
        for depth in (1, 2):
            samples = [timed(lambda o=o, d=depth: ego_network(store, o, depth=d))[0] for o in picks]
            result[f"ego_depth{depth}_typical"] = stats_ms(samples)
        hub_runs = [timed(lambda: ego_network(store, hub, depth=1)) for _ in range(args.runs)]
        result["ego_depth1_hub"] = stats_ms([t for t, _ in hub_runs])
        result["ego_depth1_hub"]["partners"] = len(hub_runs[0][1].partners)
        t2, ego2 = timed(lambda: ego_network(store, hub, depth=2))
        result["ego_depth2_hub"] = {"ms": round(t2 * 1000, 1), "partners": len(ego2.partners)}

        projects = rng.sample(sorted(proj.members), args.runs)
        log("gaps")
        first_s, _ = timed(lambda: gaps_for_project(store, projects[0]))
        result["gaps_first_call_ms"] = round(first_s * 1000, 1)  # themes, labels: per process
        result["gaps_project"] = stats_ms(
            [timed(lambda p=p: gaps_for_project(store, p))[0] for p in projects]
        )

        log("precedents")
        try:
            idea = idea_profile(IDEA)  # warm-up: loads the language pipeline
            result["precedents"] = stats_ms(
                [timed(lambda: find_precedents(store, IDEA))[0] for _ in range(args.runs)]
            )
        except Exception as exc:  # the extraction pipeline is not usable here
            result["precedents"] = {"error": f"extraction unavailable: {exc}"[:200]}
            idea = IdeaProfile(
                lang="en",
                target_groups=["prisoners"],
                activities=["training", "counselling"],
                actor_types=["prison-service", "ngo", "employer"],
                funders=["erasmus-plus"],
                lemmas=_sample_lemmas(store, projects[0]),
            )
        result["precedents_ranking_only"] = stats_ms(
            [timed(lambda: rank_precedents(store, idea))[0] for _ in range(args.runs)]
        )

        if args.full_network:
            log("full collaboration graph")
            net_s, g = timed(lambda: network(store))
            result["network_full_s"] = round(net_s, 2)
            result["network_edges"] = g.number_of_edges()
        result["targets_met"] = {
            "ego_le_300ms": max(
                result["ego_depth1_typical"]["max_ms"], result["ego_depth1_hub"]["max_ms"]
            )
            <= 300,
            "gaps_le_500ms": result["gaps_project"]["max_ms"] <= 500,
            "precedents_le_1s": result["precedents"].get("max_ms", 1e9) <= 1000,
        }
        store.close()
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result))


def _sample_lemmas(store: Any, project: str) -> list[str]:
    """The lemma text of one project, as a stand-in idea when extraction is unavailable."""
    from pyoxigraph import NamedNode

    rows = store.select(
        "SELECT ?l WHERE { GRAPH ?g { ?p <https://w3id.org/praxisgraph/ns#lemmaText> ?l } }",
        p=NamedNode(project),
    )
    return rows[0]["l"].value.split()[:40] if rows else []


def _load_synth(store: Any, n: int, seed: int, folder: Path) -> None:
    from pyoxigraph import RdfFormat

    from graph.synth import write_nquads

    path = folder / "synth.nq"
    with open(path, "wb") as fh:
        write_nquads(n, fh, seed=seed, base=folder / "synth")
    store.load(path.read_bytes(), RdfFormat.N_QUADS)
    store.replace_graphs({})
    path.unlink()


if __name__ == "__main__":
    main()
