"""The running app in real headless chromium: search → project → network canvas."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_search_project_network(app_url: str, browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    outside: list[str] = []
    # failed loads are judged from responses below; Streamlit probes <page>/_stcore/health
    # and host-config before falling back to the root, and those 404s are expected.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))

    def check(request) -> None:  # type: ignore[no-untyped-def]
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in (
            "127.0.0.1",
            "localhost",
        ):
            outside.append(request.url)

    page.on("request", check)
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and "/_stcore/" not in r.url
            else None
        ),
    )
    page.goto(app_url + "/", wait_until="networkidle")
    page.get_by_text("projects", exact=False).first.wait_for(timeout=30000)
    link = page.locator("a[href*='/project?iri=']").first
    link.wait_for(timeout=30000)
    link.click()
    page.locator("h1").first.wait_for(timeout=30000)
    page.get_by_text("Organisations").first.wait_for(timeout=30000)
    page.screenshot(path=str(tmp_path / "project.png"))

    page.goto(app_url + "/network", wait_until="networkidle")
    frame = None
    for _ in range(60):
        for f in page.frames:
            if f.locator("canvas").count() > 0:
                frame = f
                break
        if frame:
            break
        page.wait_for_timeout(500)
    assert frame is not None, "network canvas not drawn"
    box = frame.locator("canvas").first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    page.screenshot(path=str(tmp_path / "network.png"))
    assert not outside, outside
    assert not errors, errors
