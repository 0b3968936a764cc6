"""praxisgraph benchmark: one command, JSON on stdout (progress on stderr).

    .venv/bin/python bench/run.py               # 100k projects (make bench)
    .venv/bin/python bench/run.py --n 10000     # smaller

Steps: synthetic corpus -> N-Quads (direct RDF mode) -> bulk load into a fresh on-disk
pyoxigraph store -> search index build -> timed queries (search, facets, project page, ego
network, gaps, precedents) -> ingest throughput on a text sample with --jobs vs a blank
spaCy tokenizer -> the same core SPARQL queries on rdflib's in-memory Dataset (smaller N)
and on pyoxigraph with the same data, for the ratio. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCH_QUERIES = [
    "vězeň",
    "więzień",
    "prisoner",
    "Gefangene",
    "zapornik",
    "väzeň",
    "policie",
    "policja",
    "police",
    "Polizei",
    "migrant",
    "cizinci",
    "uchodźcy",
    "Roma",
    "násilí",
    "przemoc",
    "violence",
    "Gewalt",
    "zaměstnání",
    "employment",
    "Arbeit",
    "vzdělávání ve věznicích",
    "social workers",
    "joint patrols",
    "integrace cizinců",
    "konference",
    "workshop",
    "handbook",
    "Beratung",
    "mediace",
]
#: the named queries the organisation page (app_pages/organisation.py) runs for one IRI
ORGANISATION_PAGE_QUERIES = ("organisation_names", "organisation_projects", "organisation_domain")
FILTERS = [
    {"funder": ["esf"]},
    {"funder": ["eea-norway-grants"], "country": ["CZ"]},
    {"target-group": ["prisoners"]},
    {"actor-type": ["police"], "language": ["pl"]},
]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[list[float], Any]:
    out = None
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, out


def sampled(fn: Callable[[Any], Any], items: list[Any], budget_s: float = 60.0) -> list[float]:
    """Time ``fn(item)`` per item until the time budget is spent (slow steps stay bounded)."""
    times: list[float] = []
    start = time.perf_counter()
    for item in items:
        t, _ = timed(lambda item=item: fn(item))
        times += t
        if time.perf_counter() - start > budget_s:
            break
    return times


def ms_stats(times: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(pct(times, 0.5), 2),
        "p95_ms": round(pct(times, 0.95), 2),
        "max_ms": round(max(times), 2) if times else float("nan"),
        "n": len(times),
    }


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": round(own, 1), "largest_child_mb": round(children, 1)}


# ----------------------------------------------------------------------------- steps
def build_store(
    n: int, seed: int, work: Path, nquads: Path | None = None, jobs: int = 0
) -> tuple[Any, dict[str, Any]]:
    from graph.store import OxigraphStore
    from graph.synth import write_nquads
    from ingest.pipeline import ensure_ontology

    out: dict[str, Any] = {"projects": n}
    if nquads is not None and nquads.exists():
        nq = nquads  # an earlier run's file (same --n and --seed give the same corpus)
        out["synth_rdf_s"] = "reused " + str(nq)
    else:
        nq = nquads or work / "synth.nq"
        log(f"synthesising {n} projects as N-Quads -> {nq}")
        t0 = time.perf_counter()
        with open(nq, "wb") as fh:
            write_nquads(n, fh, seed=seed, base=work / "synth")
        out["synth_rdf_s"] = round(time.perf_counter() - t0, 1)
    out["nquads_mb"] = round(nq.stat().st_size / 2**20, 1)
    store_dir = work / "store"
    store = OxigraphStore(store_dir)
    out["load_jobs"] = jobs or os.cpu_count()
    log(f"bulk loading with {out['load_jobs']} threads")
    t0 = time.perf_counter()
    c0 = time.process_time()
    # line-aligned pieces of the file from parallel threads (our own output: lenient)
    store.bulk_load([nq], jobs=jobs, lenient=True)
    ensure_ontology(store)  # loads ontology + vocabularies and stamps a store version
    store.flush()
    out["load_s"] = round(time.perf_counter() - t0, 1)
    out["load_cpu_s"] = round(time.process_time() - c0, 1)  # all threads of this process
    out["load_loadavg"] = [round(x, 2) for x in os.getloadavg()]
    out["quads"] = store.count_quads()
    out["quads_per_project"] = round(out["quads"] / max(n, 1), 1)  # incl. ontology graph
    # CPU per quad: compares runs and RDF models far better than wall time on a busy machine
    out["load_cpu_us_per_quad"] = round(out["load_cpu_s"] / max(out["quads"], 1) * 1e6, 2)
    files = {(s.st_dev, s.st_ino): s.st_size for s in (f.stat() for f in store_dir.rglob("*"))}
    out["store_mb"] = round(sum(files.values()) / 2**20, 1)  # snapshots are hard links: once
    log(f"loaded {out['quads']} quads in {out['load_s']} s")
    return store, out


def bench_search(store: Any) -> dict[str, Any]:
    from graph.search import index_path, query_variants, rebuild_index, search

    out: dict[str, Any] = {}
    log("building the search index")
    t0 = time.perf_counter()
    c0 = time.process_time()
    rebuild_index(store)
    out["index_build_s"] = round(time.perf_counter() - t0, 1)
    out["index_build_cpu_s"] = round(time.process_time() - c0, 1)
    path = index_path(store)
    out["index_mb"] = round(path.stat().st_size / 2**20, 1) if path else 0
    t0 = time.perf_counter()
    for q in SEARCH_QUERIES:  # lemmatiser dictionaries load on first use
        for w in q.split():
            query_variants(w)
    out["lemmatiser_warmup_s"] = round(time.perf_counter() - t0, 1)
    t, _ = timed(lambda: search(store, "policie", limit=20))  # loads the facet matrix
    out["first_search_ms"] = round(t[0], 1)
    times: list[float] = []
    totals = {}
    for _ in range(3):
        for q in SEARCH_QUERIES:
            t, result = timed(lambda q=q: search(store, q, limit=20))
            times += t
            totals[q] = result.total
    out["search"] = ms_stats(times)
    out["hits_per_query"] = {q: totals[q] for q in SEARCH_QUERIES[:6]}
    ft: list[float] = []
    for _ in range(3):
        for f in FILTERS:
            t, _ = timed(lambda f=f: search(store, "", f, limit=20))
            ft += t
    out["filter_only"] = ms_stats(ft)
    t, _ = timed(lambda: search(store, "", limit=0), repeat=10)
    out["facets_all_projects"] = ms_stats(t)
    t, res = timed(lambda: search(store, "training", limit=0), repeat=5)
    out["facets_broad_query"] = {**ms_stats(t), "hits": res.total}
    # the search page asks for every hit once per query (then filters/sorts/pages itself)
    t = []
    for q in ("policie", "vězeň", "training"):
        t += timed(lambda q=q: search(store, q, limit=10**9))[0]
    out["all_hits_app_call"] = ms_stats(t)
    out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    return out


def bench_search_page(store: Any) -> dict[str, Any]:
    """What the search page asks for (app_pages/search.py index_results): totals and facet
    counts (years included), then one page, in any order and with any filter. Years and
    the orders other than relevance read the analytics projection: run after it is built."""
    from graph.projection import projection
    from graph.search import search, search_counts

    projection(store)
    out: dict[str, Any] = {}

    def page_calls(q: str, sort: str = "relevance", filters: Any = None) -> None:
        search_counts(store, q, filters)
        search(store, q, filters, limit=20, offset=20, sort=sort)

    page_calls("policie", "title")  # per-project sort columns, once per index version
    t = []
    for q in ("policie", "vězeň", "training", ""):
        t += timed(lambda q=q: page_calls(q))[0]
    out["search_page_index_calls"] = ms_stats(t)
    t = []
    for q in ("policie", "training", ""):
        for sort in ("title", "newest", "organisations"):
            t += timed(lambda q=q, sort=sort: page_calls(q, sort, {"country": ["CZ"]}))[0]
    out["search_page_sorted_filtered_calls"] = ms_stats(t)
    out["search_page_loadavg"] = [round(x, 2) for x in os.getloadavg()]
    return out


def bench_pages(store: Any, rng: random.Random) -> dict[str, Any]:
    from pyoxigraph import NamedNode

    from graph.queries import run_query

    out: dict[str, Any] = {}
    rows = store.select(
        "PREFIX pg: <https://w3id.org/praxisgraph/ns#> "
        "SELECT ?p WHERE { GRAPH ?g { ?p a pg:Project } } LIMIT 20000"
    )
    projects = [r["p"] for r in rows]
    sample = rng.sample(projects, min(100, len(projects)))
    times = []
    for p in sample:
        t, _ = timed(lambda p=p: run_query(store, "project_detail", project=p))
        times += t
    out["project_page"] = ms_stats(times)
    orgs = store.select(
        "PREFIX pg: <https://w3id.org/praxisgraph/ns#> "
        "SELECT ?o (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x pg:organisation ?o } } "
        "GROUP BY ?o ORDER BY DESC(?n) LIMIT 2000"
    )
    org_iris = [r["o"].value for r in orgs]
    out["_orgs"] = org_iris
    out["_projects"] = [p.value for p in sample]
    org_sample = rng.sample(org_iris, min(30, len(org_iris)))
    times = sampled(lambda o: run_query(store, "organisation_detail", org=NamedNode(o)), org_sample)
    out["organisation_page"] = ms_stats(times)

    def app_organisation_page(o: str) -> None:  # what app_pages/organisation.py runs
        for name in ORGANISATION_PAGE_QUERIES:
            run_query(store, name, org=NamedNode(o))

    times = sampled(app_organisation_page, org_sample)
    out["organisation_page_app_queries"] = ms_stats(times)
    out["organisation_page_hub"] = ms_stats(
        timed(lambda: app_organisation_page(org_iris[0]), repeat=3)[0]
    )
    out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    return out


def bench_analytics(store: Any, orgs: list[str], projects: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        from graph.network import ego_network
        from graph.projection import projection

        c0 = time.process_time()
        t, _ = timed(lambda: projection(store))
        out["projection_build_s"] = round(t[0] / 1000, 1)
        out["projection_build_cpu_s"] = round(time.process_time() - c0, 1)
        out["projection_loadavg"] = [round(x, 2) for x in os.getloadavg()]
        times = []
        for o in orgs[:5] + orgs[len(orgs) // 2 : len(orgs) // 2 + 10] + orgs[-10:]:
            t, _ = timed(lambda o=o: ego_network(store, o, depth=1))
            times += t
        out["ego_network_depth1"] = ms_stats(times)
        # the first depth-2 call numbers the memberships (arrays, once per store version)
        c0 = time.process_time()
        t, _ = timed(lambda: ego_network(store, orgs[-1], depth=2))
        out["ego_network_depth2_first_call_ms"] = round(t[0], 1)
        out["ego_network_depth2_first_call_cpu_ms"] = round((time.process_time() - c0) * 1000, 1)
        times = []
        for o in orgs[len(orgs) // 2 : len(orgs) // 2 + 5]:
            t, _ = timed(lambda o=o: ego_network(store, o, depth=2))
            times += t
        out["ego_network_depth2"] = ms_stats(times)
        times = []
        c0 = time.process_time()
        for o in orgs[:5]:  # the five organisations in most projects
            t, _ = timed(lambda o=o: ego_network(store, o, depth=2))
            times += t
        out["ego_network_depth2_hubs"] = ms_stats(times)
        out["ego_network_depth2_hubs_cpu_ms_per_call"] = round(
            (time.process_time() - c0) * 1000 / max(len(times), 1), 1
        )
        out["ego_hub_org"] = orgs[0]
    except Exception as exc:  # analytics are another module's; report, don't stop the bench
        out["ego_network_error"] = f"{type(exc).__name__}: {exc}"[:300]
    try:
        from graph.gaps import gaps_for_project

        # the first call also reads the theme profiles (keyword lemmas, kept on disk)
        t, _ = timed(lambda: gaps_for_project(store, projects[0]))
        out["gaps_first_call_ms"] = round(t[0], 1)
        times = sampled(lambda p: gaps_for_project(store, p), projects[:10])
        out["gaps_for_project"] = ms_stats(times)
    except Exception as exc:
        out["gaps_error"] = f"{type(exc).__name__}: {exc}"[:300]
    try:
        from graph.precedents import find_precedents, idea_profile

        texts = [
            "vocational training for prisoners with employers",
            "spolupráce policie a obcí",
            "integracja migrantów w gminie",
        ]
        # once per process, not per store: language identification and the spaCy pipeline
        # of each language (the app loads them at start in the background)
        c0 = time.process_time()
        t, _ = timed(lambda: [idea_profile(text) for text in texts])
        out["precedents_pipelines_load_s"] = round(t[0] / 1000, 1)
        out["precedents_pipelines_load_cpu_s"] = round(time.process_time() - c0, 1)
        c0 = time.process_time()
        t, _ = timed(lambda: find_precedents(store, texts[0]))
        out["precedents_first_call_ms"] = round(t[0], 1)
        out["precedents_first_call_cpu_ms"] = round((time.process_time() - c0) * 1000, 1)
        times = sampled(lambda text: find_precedents(store, text), texts * 3)
        out["precedents"] = ms_stats(times)
    except Exception as exc:
        out["precedents_error"] = f"{type(exc).__name__}: {exc}"[:300]
    return out


def bench_ingest(
    sample: int,
    jobs: int,
    seed: int,
    work: Path,
    write: Callable[[int, Path], None] | None = None,
) -> dict[str, Any]:
    """End-to-end ``ingest_paths`` (read, language id, NLP, resolution, RDF, store writes,
    search index) on ``sample`` synthetic texts into a fresh on-disk store, against a blank
    spaCy tokenizer over the same files (one process, reading included). ``write(sample,
    folder)`` writes other texts instead (``folder/<lang>/*.txt``, as ``praxis synth``).

    ``ingest_docs_per_s`` is files / wall time of the whole call, start-up included (workers
    spawning and loading their language resources, the ontology written into the fresh
    store, the final search index update). ``steady_docs_per_s`` counts only the files
    that reached the writer after the first quarter, over the time they took (start-up
    excluded, the store writes of those files included). Load averages are reported
    beside the timings: the cores may be shared.
    """
    import spacy

    from graph.store import OxigraphStore
    from graph.synth import write_texts
    from ingest.pipeline import ingest_paths

    texts_dir = work / "texts"
    if write is None:
        write_texts(sample, texts_dir, seed=seed + 1)
    else:
        write(sample, texts_dir)
    files = sorted(texts_dir.rglob("*.txt"))
    out: dict[str, Any] = {"sample_docs": len(files), "jobs": jobs}
    out["mean_bytes"] = round(sum(f.stat().st_size for f in files) / max(len(files), 1))
    out["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
    # the blank spaCy tokenizer over the same texts (one process; reading files included)
    blank = {lang: spacy.blank(lang) for lang in ("cs", "pl", "en", "de", "sk", "sl")}
    t0 = time.perf_counter()
    c0 = time.process_time()
    for f in files:
        lang = f.parent.name
        blank[lang](f.read_text(encoding="utf-8"))
    blank_s = time.perf_counter() - t0
    out["blank_tokenizer_cpu_s"] = round(time.process_time() - c0, 2)
    out["blank_tokenizer_cpu_ms_per_doc"] = round(
        1000 * out["blank_tokenizer_cpu_s"] / max(len(files), 1), 2
    )
    out["blank_tokenizer_docs_per_s"] = round(len(files) / blank_s, 1)
    store = OxigraphStore(work / "ingest-store")
    log(f"ingesting {len(files)} texts with --jobs {jobs}")
    t0 = time.perf_counter()
    c0 = time.process_time()
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = ingest_paths([texts_dir], store, progress=False, jobs=jobs)
    ingest_s = time.perf_counter() - t0
    k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["ingest_cpu_s"] = {
        "main": round(time.process_time() - c0, 1),
        # the preloading forkserver and the workers forked from it (reaped by it)
        "workers": round((k1.ru_utime + k1.ru_stime) - (k0.ru_utime + k0.ru_stime), 1),
    }
    cpu = sum(out["ingest_cpu_s"].values())
    out["ingest_cpu_ms_per_doc"] = round(1000 * cpu / max(len(files), 1), 1)
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    # a fresh store has no search index yet: the first search builds it from the store
    from graph.search import search

    t1 = time.perf_counter()
    search(store, "projekt")
    out["first_search_builds_index_s"] = round(time.perf_counter() - t1, 1)
    store.close()
    out["ingest_s"] = round(ingest_s, 1)
    out["files_read"] = summary.files_read
    out["ingest_docs_per_s"] = round(summary.files_read / ingest_s, 1)
    out["ratio_to_blank_tokenizer"] = round(
        out["ingest_docs_per_s"] / out["blank_tokenizer_docs_per_s"], 3
    )
    times = summary.file_times
    if times:
        out["startup_s"] = round(times[0], 1)  # the first file's result reached the writer
        out["phases_s"] = {k: round(v, 1) for k, v in summary.timings.items()}
        first = len(times) // 4
        span = summary.timings.get("written", times[-1]) - times[first]
        if span > 0 and len(times) - first > 1:
            steady = (len(times) - first) / span
            out["steady_docs_per_s"] = round(steady, 1)
            out["steady_ratio_to_blank_tokenizer"] = round(
                steady / out["blank_tokenizer_docs_per_s"], 3
            )
    return out


def bench_rdflib(n: int, seed: int, work: Path, rng: random.Random) -> dict[str, Any]:
    """The same SPARQL (project page, organisation page, facet scan, participations) on
    rdflib's in-memory Dataset and on pyoxigraph, with the same N projects."""
    from pyoxigraph import NamedNode, RdfFormat
    from rdflib import Dataset
    from rdflib import URIRef as R

    from graph.queries import load_query
    from graph.store import OxigraphStore, bind_values
    from graph.synth import write_nquads

    nq = work / "rdflib.nq"
    with open(nq, "wb") as fh:
        write_nquads(n, fh, seed=seed, base=work / "synth")
    out: dict[str, Any] = {"projects": n}
    log(f"rdflib: parsing {n} projects")
    t0 = time.perf_counter()
    ds = Dataset()
    ds.parse(str(nq), format="nquads")
    out["rdflib_load_s"] = round(time.perf_counter() - t0, 1)
    ox = OxigraphStore(work / "rdflib-ox")
    t0 = time.perf_counter()
    ox._store.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    out["oxigraph_load_s"] = round(time.perf_counter() - t0, 1)
    out["load_ratio"] = round(out["rdflib_load_s"] / max(out["oxigraph_load_s"], 1e-3), 1)

    projects = [
        r["p"].value
        for r in ox.select(
            "PREFIX pg: <https://w3id.org/praxisgraph/ns#> "
            "SELECT ?p WHERE { GRAPH ?g { ?p a pg:Project } }"
        )
    ]
    orgs = [
        r["o"].value
        for r in ox.select(
            "PREFIX pg: <https://w3id.org/praxisgraph/ns#> "
            "SELECT DISTINCT ?o WHERE { GRAPH ?g { ?x pg:organisation ?o } }"
        )
    ]
    cases: list[tuple[str, str, dict[str, str]]] = []
    for p in rng.sample(projects, min(10, len(projects))):
        cases.append(("project_page", load_query("project_detail"), {"project": p}))
    for o in rng.sample(orgs, min(10, len(orgs))):
        cases.append(("organisation_page", load_query("organisation_detail"), {"org": o}))
        for name in ORGANISATION_PAGE_QUERIES:
            cases.append((f"organisation_page: {name}", load_query(name), {"org": o}))
    cases.append(("search_facets_own (all projects)", load_query("search_facets_own"), {}))
    cases.append(("project_summaries (all projects)", load_query("project_summaries"), {}))
    results: dict[str, dict[str, float]] = {}
    for name, text, binding in cases:
        ox_text = bind_values(text, {k: NamedNode(v) for k, v in binding.items()})
        t0 = time.perf_counter()
        n_ox = len(ox.select(ox_text))
        t_ox = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_rdf = len(list(ds.query(text, initBindings={k: R(v) for k, v in binding.items()})))
        t_rdf = time.perf_counter() - t0
        if n_ox != n_rdf:
            log(f"warning: {name} gives {n_ox} rows on oxigraph, {n_rdf} on rdflib")
        acc = results.setdefault(name, {"oxigraph_ms": 0.0, "rdflib_ms": 0.0, "runs": 0})
        acc["oxigraph_ms"] += t_ox * 1000
        acc["rdflib_ms"] += t_rdf * 1000
        acc["runs"] += 1
    total_ox = sum(r["oxigraph_ms"] for r in results.values())
    total_rdf = sum(r["rdflib_ms"] for r in results.values())
    for r in results.values():
        r["ratio"] = round(r["rdflib_ms"] / max(r["oxigraph_ms"], 1e-3), 1)
        r["oxigraph_ms"] = round(r["oxigraph_ms"] / r["runs"], 2)
        r["rdflib_ms"] = round(r["rdflib_ms"] / r["runs"], 2)
    out["queries"] = results
    out["query_set_ratio"] = round(total_rdf / max(total_ox, 1e-3), 1)
    ox.close()
    del ds
    gc.collect()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="projects in the store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="ingest worker processes")
    parser.add_argument(
        "--load-jobs", type=int, default=0, help="bulk-load threads (0: one per CPU)"
    )
    parser.add_argument("--ingest-sample", type=int, default=600, help="texts to ingest")
    parser.add_argument(
        "--rdflib-n", type=int, default=2000, help="projects for the rdflib comparison"
    )
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--skip", action="append", default=[], help="skip a step: ingest, rdflib, analytics"
    )
    parser.add_argument("--out", type=Path, help="also write the JSON here (bench/results/)")
    parser.add_argument(
        "--nquads",
        type=Path,
        help="keep the synthetic N-Quads here and reuse them when the file exists",
    )
    parser.add_argument(
        "--reuse-store",
        action="store_true",
        help="query the store an earlier --keep run left in --work (no synthesis, no load)",
    )
    args = parser.parse_args(argv)

    reuse = args.reuse_store and (args.work / "store").is_dir()
    if args.work.exists() and not reuse:
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PRAXIS_CACHE", str(args.work / "cache"))
    rng = random.Random(args.seed)
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    t_all = time.perf_counter()

    def partial() -> None:  # a long run that is stopped still leaves what it measured
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        log("so far: " + json.dumps(result, ensure_ascii=False))

    if reuse:
        from graph.store import OxigraphStore

        store = OxigraphStore(args.work / "store")
        result["store"] = {"reused": str(args.work / "store"), "quads": store.count_quads()}
    else:
        store, result["store"] = build_store(
            args.n, args.seed, args.work, args.nquads, args.load_jobs
        )
    partial()
    result["search"] = bench_search(store)
    partial()
    pages = bench_pages(store, rng)
    orgs, projects = pages.pop("_orgs"), pages.pop("_projects")
    result["pages"] = pages
    partial()
    if "analytics" not in args.skip:
        result["analytics"] = bench_analytics(store, orgs, projects)
        partial()
    result["search"].update(bench_search_page(store))
    result["peak_rss_after_store_queries"] = peak_rss_mb()
    store.close()
    del store
    gc.collect()
    if "ingest" not in args.skip:
        result["ingest"] = bench_ingest(args.ingest_sample, args.jobs, args.seed, args.work)
        partial()
    if "rdflib" not in args.skip:
        result["rdflib_vs_oxigraph"] = bench_rdflib(args.rdflib_n, args.seed, args.work, rng)
    result["peak_rss"] = peak_rss_mb()
    result["total_s"] = round(time.perf_counter() - t_all, 1)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
