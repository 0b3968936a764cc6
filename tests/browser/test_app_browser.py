"""The running app (``praxis app``) in real headless Debian chromium.

search → open a project → evidence visible → open the network → canvas drawn with the
expected node count; every page renders; a node click opens its organisation; the search
export downloads. Throughout: no browser console errors and no request leaving 127.0.0.1.

Screenshots of each page go to ``$PRAXIS_SCREENSHOTS`` (default ``var/screenshots``), with
the measured first-render times in ``render-times.json`` (measured, never asserted).
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from graph.network import collaboration_graph, top_subgraph
from graph.queries import run_query
from graph.search import search

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MAX_NODES = 150  # the network page's default "Max nodes"


def screenshot_dir() -> Path:
    path = Path(os.environ.get("PRAXIS_SCREENSHOTS") or ROOT / "var" / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Watch:
    """Console errors, failed responses and requests to anywhere but 127.0.0.1."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", self._request)
        page.on("response", self._response)

    def _console(self, msg) -> None:  # type: ignore[no-untyped-def]
        # failed loads are judged from the responses (Streamlit's own <page>/_stcore/ probes
        # 404 by design before it falls back to the root)
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.errors.append(msg.text)

    def _request(self, request) -> None:  # type: ignore[no-untyped-def]
        url = request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")):
            if urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
                self.outside.append(url)

    def _response(self, response) -> None:  # type: ignore[no-untyped-def]
        if response.status >= 400 and "/_stcore/" not in response.url:
            self.errors.append(f"{response.status} {response.url}")

    def check(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.errors, f"browser errors: {self.errors}"


@pytest.fixture()
def page(browser) -> Iterator:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    tab = context.new_page()
    tab.watch = Watch(tab)
    yield tab
    context.close()


def wait_idle(page, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Until Streamlit has finished running the page script (no 'running' indicator)."""
    page.wait_for_selector("[data-testid=stMain]", timeout=timeout * 1000)
    deadline = time.time() + timeout
    quiet = 0
    while time.time() < deadline:
        running = page.evaluate(
            "() => !!document.querySelector("
            "'[data-testid=stStatusWidgetRunningIcon], [data-testid=stSkeleton]')"
        )
        quiet = 0 if running else quiet + 1
        if quiet >= 3:
            return
        page.wait_for_timeout(150)


def network_frame(page, timeout_s: float = 30):  # type: ignore[no-untyped-def]
    for _ in range(int(timeout_s * 4)):
        for frame in page.frames:
            try:
                if frame.evaluate("() => !!window.praxisNetwork && !!window.praxisReady"):
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                continue
        page.wait_for_timeout(250)
    raise AssertionError("network canvas not drawn")


def no_exception_box(page) -> None:  # type: ignore[no-untyped-def]
    boxes = page.locator("[data-testid=stException]")
    assert boxes.count() == 0, boxes.first.inner_text()


# ---------------------------------------------------------------------------- the journey
def test_search_project_evidence_network(app_url: str, page, demo_store) -> None:  # type: ignore[no-untyped-def]
    shots = screenshot_dir()
    page.goto(app_url + "/")
    box = page.get_by_label("Search in any of the six languages", exact=False)
    box.wait_for(timeout=60000)
    box.fill("policie")
    box.press("Enter")
    expected = search(demo_store, "policie").total
    assert expected > 0
    page.get_by_text(f"{expected} projects", exact=False).first.wait_for(timeout=60000)
    wait_idle(page)
    page.wait_for_url("**q=policie*", timeout=30000)  # the search is in the address (shareable)
    page.screenshot(path=str(shots / "journey-1-search.png"))

    link = page.locator("a[href*='/project?iri=']").first
    title = link.inner_text()
    link.click()
    page.wait_for_url("**/project?iri=*", timeout=30000)
    page.locator("h1").filter(has_text=title[:30]).first.wait_for(timeout=60000)
    evidence = page.locator("mark").first
    evidence.wait_for(state="visible", timeout=60000)
    assert evidence.inner_text().strip(), "an evidence span is highlighted and visible"
    wait_idle(page)
    page.screenshot(path=str(shots / "journey-2-project.png"))

    page.get_by_role("link", name="Network", exact=True).click()
    page.wait_for_url("**/network*", timeout=30000)
    frame = network_frame(page)
    g = collaboration_graph(demo_store)
    expected_nodes = top_subgraph(g, DEFAULT_MAX_NODES).number_of_nodes()
    assert frame.evaluate("() => window.praxisNodeCount") == expected_nodes
    canvas = frame.locator("canvas").first.bounding_box()
    assert canvas and canvas["width"] > 300 and canvas["height"] > 300
    drawn = frame.evaluate(
        """() => { const c = document.querySelector('#net canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i+3] > 0) ink++;
                   return ink; }"""
    )
    assert drawn > 1000, "the canvas has something drawn on it"
    wait_idle(page)
    page.screenshot(path=str(shots / "journey-3-network.png"))
    page.watch.check()


# ---------------------------------------------------------------------------- every page
def busiest(demo_store, var: str) -> str:  # type: ignore[no-untyped-def]
    counts = Counter(r[var].value for r in run_query(demo_store, "participations"))
    return counts.most_common(1)[0][0]


def test_every_page_renders_offline(app_url: str, page, demo_store) -> None:  # type: ignore[no-untyped-def]
    project = busiest(demo_store, "project")
    org = busiest(demo_store, "org")
    idea = "Job training for women in prison and help finding work with employers after release"
    # path, text shown first (timed), text shown last (the page has finished)
    pages = {
        "search": ("/?q=prison", "projects", "Download XLSX"),
        "project": (
            "/project?iri=" + quote(project, safe=""),
            "Facts and their evidence",
            "Link to this page",
        ),
        "organisation": (
            "/organisation?iri=" + quote(org, safe=""),
            "Names and where they come from",
            "Link to this page",
        ),
        "network": ("/network", "Find and focus an organisation", "Brokers in this view"),
        "gaps": (
            "/gaps?project=" + quote(project, safe=""),
            "Missing stakeholders",
            "Why expected",
        ),
        "precedents": (
            "/precedents?idea=" + quote(idea),
            "Recognised in the idea",
            "Potential partners",
        ),
        "data": ("/data", "Projects", "JSON-LD"),
        "sparql": ("/sparql", "SPARQL console", "Run query"),
    }
    shots = screenshot_dir()
    times: dict[str, float] = {}
    for name, (path, first, last) in pages.items():
        start = time.perf_counter()
        page.goto(app_url + path)
        page.get_by_text(first, exact=False).first.wait_for(timeout=90000)
        times[name] = round(time.perf_counter() - start, 2)
        page.get_by_text(last, exact=False).first.wait_for(timeout=90000)
        times[name + " (complete)"] = round(time.perf_counter() - start, 2)
        wait_idle(page)
        if name == "network":
            network_frame(page)
        if name == "sparql":  # run the example: the result table is part of the picture
            page.get_by_role("button", name="Run query").click()
            page.get_by_text("row(s)", exact=False).first.wait_for(timeout=60000)
            wait_idle(page)
        no_exception_box(page)
        page.screenshot(path=str(shots / f"page-{name}.png"))
    (shots / "render-times.json").write_text(json.dumps(times, indent=1))
    print("first render (s):", times)
    page.watch.check()


# ---------------------------------------------------------------------------- interactions
def test_network_node_click_opens_its_organisation(app_url: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(app_url + "/network?physics=0")
    frame = network_frame(page)
    node, x, y = frame.evaluate(
        """() => { const n = window.praxisNetwork;
                   for (const id of n.body.nodeIndices) {   // a node not covered by another
                     const p = n.canvasToDOM(n.getPositions([id])[id]);
                     if (n.getNodeAt(p) === id) return [id, p.x, p.y];
                   }
                   return null; }"""
    )
    frame.locator("#net canvas").click(position={"x": x, "y": y})
    panel = frame.locator("#panel")
    panel.wait_for(state="visible", timeout=10000)
    assert frame.locator("#p-name").inner_text().strip()
    frame.locator("#p-open").click()
    page.wait_for_url("**/organisation?iri=*", timeout=30000)
    assert quote(node, safe="") in page.url
    page.get_by_text("Partners ranked", exact=False).first.wait_for(timeout=60000)
    page.watch.check()


def test_search_export_downloads_with_roles(app_url: str, page, demo_store) -> None:  # type: ignore[no-untyped-def]
    page.goto(app_url + "/?q=policie")
    page.get_by_text("Download CSV").first.wait_for(timeout=60000)
    wait_idle(page)
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name="Download CSV").click()
    data = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == search(demo_store, "policie").total
    assert {"coordinator", "partners (role; type; country)"} <= set(rows[0])
    assert any(r["coordinator"] or r["partners (role; type; country)"] for r in rows)
    page.watch.check()
