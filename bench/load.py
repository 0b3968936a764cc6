"""Store load cost per quad: load an N-Quads file into a fresh on-disk store and print JSON.

    .venv/bin/python bench/load.py FILE.nq                       # as OxigraphStore.bulk_load does
    .venv/bin/python bench/load.py FILE.nq --jobs 1 --piece-mb 64
    .venv/bin/python bench/load.py FILE.nq --variant none --variant model-1 --repeat 2

Make FILE with ``graph/synth.py`` (``bench/run.py --nquads FILE --n 20000`` keeps it) and
compare CPU time per quad (``load_cpu_us_per_quad``), which is far less noisy than wall time
on a shared machine.

``--variant`` loads the file rewritten as a *different* RDF model would write it, to measure
what a model change would buy (or cost) before making it (these are simulations: ingest
writes none of them). The file is expected in RDF model 2, as ingest and ``graph/synth.py``
write it now (evidence ``pg:method`` → a method node described once per graph; participations
found by ``pg:project``, untyped):

* ``model-1``: the model before (``pg:extractor`` + ``pg:confidence`` on every evidence node,
  ``pg:participation`` from the project and ``rdf:type pg:Participation``): old against new
  on the same file and machine state;
* ``no-quote``: no ``pg:quote`` (the quote is the document text between the offsets);
* ``shared-method``: each method node described once in the meta graph instead of once in
  every graph that uses it.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = "<https://w3id.org/praxisgraph/ns#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
METHOD_NODE = "<https://w3id.org/praxisgraph/id/method/"
META = "<https://w3id.org/praxisgraph/graph/meta>"
VARIANTS = ("none", "model-1", "no-quote", "shared-method")


def rewrite(lines: Iterator[str], variant: str) -> Iterator[str]:
    """N-Quads lines (RDF model 2) as the ``variant`` model would write them."""
    described: dict[str, list[tuple[str, str]]] = {}  # method node -> (predicate, object)
    for line in lines:
        s, p, rest = line.split(" ", 2)
        obj, g = rest.rstrip(" .\n").rsplit(" ", 1)
        if variant == "no-quote" and p == PG + "quote>":
            continue
        if variant in ("model-1", "shared-method") and s.startswith(METHOD_NODE):
            # a method's description comes before the first evidence that names it
            described.setdefault(s, [])
            if (p, obj) not in described[s]:
                described[s].append((p, obj))
            continue
        if variant == "model-1" and p == PG + "method>":
            for pred, value in described[obj]:
                yield f"{s} {pred} {value} {g} .\n"
            continue
        if variant == "model-1" and p == PG + "project>":
            yield f"{obj} {PG}participation> {s} {g} .\n"
            yield f"{s} {RDF_TYPE} {PG}Participation> {g} .\n"
        yield line
    if variant == "shared-method":
        for node, pairs in described.items():
            for pred, value in pairs:
                yield f"{node} {pred} {value} {META} .\n"


def load_once(path: Path, jobs: int, piece_mb: float, work: Path) -> dict[str, float]:
    from pyoxigraph import RdfFormat, Store

    from graph.store import load_pieces

    size = path.stat().st_size
    piece = int(piece_mb * 2**20) if piece_mb else max(size // (jobs * 4) + 1, 1 << 20)
    pieces = load_pieces([path], piece)
    todo: queue.SimpleQueue = queue.SimpleQueue()
    for p in pieces:
        todo.put(p)
    target = work / "store"
    shutil.rmtree(target, ignore_errors=True)
    store = Store(str(target))

    def work_(store: Store) -> None:
        while True:
            try:
                p = todo.get_nowait()
            except queue.Empty:
                return
            with p.open() as fh:
                store.bulk_load(fh, RdfFormat.N_QUADS, lenient=True)

    t0, c0 = time.perf_counter(), time.process_time()
    threads = [threading.Thread(target=work_, args=(store,)) for _ in range(min(jobs, len(pieces)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.flush()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    quads = len(store)
    del store
    shutil.rmtree(target, ignore_errors=True)
    return {
        "pieces": len(pieces),
        "load_s": round(wall, 1),
        "load_cpu_s": round(cpu, 1),
        "quads": quads,
        "load_cpu_us_per_quad": round(cpu / max(quads, 1) * 1e6, 2),
        "loadavg": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path, help="N-Quads file (e.g. from bench/run.py --nquads)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="loading threads")
    ap.add_argument("--piece-mb", type=float, default=0, help="piece size (0: as bulk_load)")
    ap.add_argument(
        "--variant",
        choices=VARIANTS,
        action="append",
        help="model variant (repeat the option to compare several, runs interleaved)",
    )
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: temp)")
    args = ap.parse_args()
    variants = args.variant or ["none"]
    work = Path(tempfile.mkdtemp(prefix="praxis-load-", dir=args.work))
    try:
        paths = {}
        for variant in variants:
            paths[variant] = args.file
            if variant != "none":
                paths[variant] = work / f"{variant}.nq"
                with (
                    open(args.file, encoding="utf-8") as src,
                    open(paths[variant], "w", encoding="utf-8") as out,
                ):
                    out.writelines(rewrite(src, variant))
        runs: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
        for _ in range(args.repeat):  # interleaved: each variant sees the same machine state
            for variant in variants:
                runs[variant].append(load_once(paths[variant], args.jobs, args.piece_mb, work))
        for variant in variants:
            out = {"file": str(args.file), "variant": variant, "jobs": args.jobs}
            print(json.dumps({**out, "runs": runs[variant]}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
