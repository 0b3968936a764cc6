"""First render of every app page in real headless chromium (prints one JSON line).

Starts ``praxis app`` on a store (default: the demo corpus ingested into a temporary
store), then for each page opens a fresh browser context (a new visitor) and times
``goto`` → the page's first content, and → its last element. Round 1 runs right after the
server starts (caches cold, the warm-up thread still busy); round 2 is a new visitor on a
warm server. Appends the result to ``bench/results/app_render.jsonl``.

    .venv/bin/python bench/app_render.py [--store DIR] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the packages, not bench/ingest.py
IDEA = "Job training for women in prison and help finding work with employers after release"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demo_store() -> str:
    from graph.store import open_store
    from ingest.pipeline import ingest_paths

    path = Path(tempfile.mkdtemp(prefix="praxis-bench-")) / "store"
    with open_store(path) as store:
        ingest_paths([ROOT / "data" / "docs"], store, progress=False)
    return str(path)


def pages(store_path: str) -> dict[str, tuple[str, str, str]]:
    from graph.queries import run_query
    from graph.store import open_store

    with open_store(store_path, read_only=True) as store:
        rows = run_query(store, "participations")
    project = Counter(r["project"].value for r in rows).most_common(1)[0][0]
    org = Counter(r["org"].value for r in rows).most_common(1)[0][0]
    return {
        "search": ("/?q=prison", "projects", "Download XLSX"),
        "project": ("/project?iri=" + quote(project, safe=""), "Facts and their evidence",
                    "Link to this page"),
        "organisation": ("/organisation?iri=" + quote(org, safe=""),
                         "Names and where they come from", "Link to this page"),
        "network": ("/network", "Find and focus an organisation", "Brokers in this view"),
        "gaps": ("/gaps?project=" + quote(project, safe=""), "Missing stakeholders",
                 "Why expected"),
        "precedents": ("/precedents?idea=" + quote(IDEA), "Recognised in the idea",
                       "Potential partners"),
        "data": ("/data", "Projects", "JSON-LD"),
        "sparql": ("/sparql", "SPARQL console", "Run query"),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    store_path = args.store or demo_store()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "app", "--store", store_path, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        results: dict[str, dict[str, float]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for round_no in range(1, args.rounds + 1):
                for name, (path, first, last) in pages(store_path).items():
                    context = browser.new_context()
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(base + path)
                    page.get_by_text(first, exact=False).first.wait_for(timeout=120000)
                    t_first = time.perf_counter() - start
                    page.get_by_text(last, exact=False).first.wait_for(timeout=120000)
                    t_last = time.perf_counter() - start
                    results.setdefault(f"round{round_no}", {})[name] = round(t_first, 2)
                    results[f"round{round_no}"][name + "_complete"] = round(t_last, 2)
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(20)
    line = {
        "bench": "app_render",
        "store": store_path,
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "load_average": os.getloadavg()[0],
        **results,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "app_render.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
    print(json.dumps(line))


if __name__ == "__main__":
    main()
