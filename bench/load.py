"""Store load cost per quad: load an N-Quads file into a fresh on-disk store and print JSON.

    .venv/bin/python bench/load.py FILE.nq                       # as OxigraphStore.bulk_load does
    .venv/bin/python bench/load.py FILE.nq --jobs 1 --piece-mb 64
    .venv/bin/python bench/load.py FILE.nq --variant all --repeat 2

Make FILE with ``graph/synth.py`` (``bench/run.py --nquads FILE --n 20000`` keeps it) and
compare CPU time per quad (``load_cpu_us_per_quad``), which is far less noisy than wall time
on a shared machine.

``--variant`` loads the file rewritten as a *different* RDF model would write it, to measure
what a model change would buy before making it (these are simulations: ingest writes none of
them):

* ``no-quote``: no ``pg:quote`` (the quote is the document text between the offsets);
* ``method-node``: ``pg:extractor`` + ``pg:confidence`` on every evidence node replaced by
  ``pg:method`` to one node per (extractor, confidence) pair, described once per graph;
* ``no-inverse``: no ``pg:participation`` (the inverse of ``pg:project``) and no
  ``rdf:type pg:Participation``;
* ``all``: the three together.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
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
VARIANTS = ("none", "no-quote", "method-node", "no-inverse", "all")


def rewrite(lines: Iterator[str], variant: str) -> Iterator[str]:
    """N-Quads lines as the ``variant`` model would write them (one quad per line)."""
    no_quote = variant in ("no-quote", "all")
    method_node = variant in ("method-node", "all")
    no_inverse = variant in ("no-inverse", "all")
    confidence: dict[str, str] = {}  # evidence node -> its pg:confidence object
    extractor: dict[str, str] = {}
    described: set[tuple[str, str]] = set()
    for line in lines:
        s, p, rest = line.split(" ", 2)
        obj, g = rest.rstrip(" .\n").rsplit(" ", 1)
        if no_quote and p == PG + "quote>":
            continue
        if no_inverse and (
            p == PG + "participation>" or (p == RDF_TYPE and obj == PG + "Participation>")
        ):
            continue
        if method_node and p in (PG + "extractor>", PG + "confidence>"):
            (extractor if p == PG + "extractor>" else confidence)[s] = obj
            if s in extractor and s in confidence:  # both seen: one pg:method link
                ext, conf = extractor.pop(s), confidence.pop(s)
                name = re.sub(r"\W", "", ext + "-" + conf.split("^^")[0])
                method = f"<https://w3id.org/praxisgraph/id/method/{name}>"
                yield f"{s} {PG}method> {method} {g} .\n"
                if (g, method) not in described:
                    described.add((g, method))
                    yield f"{method} {PG}extractor> {ext} {g} .\n"
                    yield f"{method} {PG}confidence> {conf} {g} .\n"
            continue
        yield line


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
    ap.add_argument("--variant", choices=VARIANTS, default="none")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: temp)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="praxis-load-", dir=args.work))
    try:
        path = args.file
        if args.variant != "none":
            path = work / f"{args.variant}.nq"
            with open(args.file, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
                out.writelines(rewrite(src, args.variant))
        runs = [load_once(path, args.jobs, args.piece_mb, work) for _ in range(args.repeat)]
        out = {"file": str(args.file), "variant": args.variant, "jobs": args.jobs, "runs": runs}
        print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
