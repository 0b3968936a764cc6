"""XSS in every page (streamlit AppTest): hostile organisation names, project titles, file
names and ``javascript:`` URLs from documents only ever reach the page as text.

Checked on the element tree each page produces: HTML-enabled markdown holds no raw tag
from a document and no ``javascript:`` link; Markdown-rendered text (titles, captions) has
no live link syntax; the network iframe's document holds no raw tag. The same store is
opened in real chromium by tests/browser/test_xss.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import XSS_ORG, build_xss_store

PAGES = Path(__file__).resolve().parents[2] / "app_pages"
RAW_TAG = re.compile(r"<\s*(img|script|svg|iframe|a\s+href\s*=\s*['\"]?\s*javascript)", re.I)
JS_URL_ATTR = re.compile(r"(href|src|action|formaction)\s*=\s*['\"]?\s*javascript:", re.I)
MD_JS_LINK = re.compile(r"(?<!\\)\]\(\s*javascript:", re.I)
# the probes' own payloads, raw (the iframe also holds vis-network's code, so be specific)
PAYLOAD = re.compile(r"<(img|svg)[^>]*on(error|load)\s*=\s*alert|<script>alert\(", re.I)


@pytest.fixture(scope="module")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("xss") / "store"
    return path, build_xss_store(path)


@pytest.fixture()
def xss_env(xss_store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    path, iris = xss_store
    monkeypatch.setenv("PRAXIS_STORE", str(path))
    return iris


def walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from walk(child)


def problems(at: AppTest) -> tuple[list[str], int]:
    """Every place where document text could become markup; and how many places were checked."""
    found: list[str] = []
    checked = 0
    for node in walk(at._tree):
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        if kind == "iframe" and proto is not None:
            doc = getattr(proto, "srcdoc", "") or ""
            checked += 1
            if PAYLOAD.search(doc):
                found.append(f"iframe: {PAYLOAD.search(doc)}")
            if JS_URL_ATTR.search(doc):
                found.append("iframe: javascript: URL attribute")
            continue
        if kind in ("markdown", "title", "caption", "subheader", "header", "text", "alert"):
            value = str(getattr(node, "value", "") or "")
            checked += 1
            allow_html = bool(getattr(proto, "allow_html", False))
            if allow_html:
                if RAW_TAG.search(value):
                    found.append(f"{kind} (HTML): {value[:160]!r}")
                if JS_URL_ATTR.search(value):
                    found.append(f"{kind} (HTML) javascript: link: {value[:160]!r}")
            elif MD_JS_LINK.search(value):
                found.append(f"{kind}: markdown javascript: link: {value[:160]!r}")
    return found, checked


def run(name: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=180)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at.run()


def page_cases(iris: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    return [
        ("search", {}),
        ("search", {"q": "Stowarzyszenie"}),
        ("search", {"q": XSS_ORG}),
        ("search", {"q": "<script>alert(12)</script>"}),
        ("project", {"iri": iris["project"]}),
        ("organisation", {"iri": iris["org"]}),
        ("organisation", {"iri": iris["org2"]}),
        ("organisation", {"iri": "javascript:alert(13)"}),
        ("network", {}),
        ("network", {"focus": iris["org"]}),
        ("network", {"ego": iris["org"]}),
        (
            "sparql",
            {
                "query": "# <script>alert(14)</script>\nSELECT ?label WHERE { GRAPH ?g { "
                "?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } }"
            },
        ),
        ("data", {}),
        ("precedents", {"project": iris["project"]}),
        ("gaps", {}),
    ]


def test_pages_show_hostile_names_as_text(xss_env: dict[str, str]) -> None:
    cases = page_cases(xss_env)
    total_checked = 0
    failures: list[str] = []
    for name, params in cases:
        if not (PAGES / f"{name}.py").exists():
            continue
        at = run(name, params)
        assert not at.exception, (name, params, at.exception)
        found, checked = problems(at)
        total_checked += checked
        failures += [f"{name} {params}: {f}" for f in found]
    print(f"\nXSS AppTest: {len(cases)} page runs, {total_checked} rendered elements checked")
    assert not failures, "\n".join(failures)


def test_hostile_name_is_visible_as_text(xss_env: dict[str, str]) -> None:
    at = run("organisation", {"iri": xss_env["org"]})
    assert not at.exception
    assert "Stowarzyszenie" in at.title[0].value
    # the title is Markdown: the tag is escaped (shown literally), not dropped or rendered
    assert "img src=x onerror=alert(1)" in at.title[0].value.replace("\\", "")
    project = run("project", {"iri": xss_env["project"]})
    assert not project.exception
    assert "<script>alert(4)</script>" in project.title[0].value.replace("\\", "")


def test_the_checker_is_not_vacuous() -> None:
    class Node:
        def __init__(self, kind: str, value: str, allow_html: bool) -> None:
            self.type, self.value, self.children = kind, value, {}
            self.proto = type("P", (), {"allow_html": allow_html, "srcdoc": value})()

    class Tree:
        def __init__(self, *nodes: Node) -> None:
            self.type, self.children = "root", dict(enumerate(nodes))

    class Fake:
        def __init__(self, *nodes: Node) -> None:
            self._tree = Tree(*nodes)

    assert problems(Fake(Node("markdown", "<b>x</b> <img src=x onerror=alert(1)>", True)))[0]
    assert problems(Fake(Node("markdown", "<a href='javascript:alert(1)'>x</a>", True)))[0]
    assert problems(Fake(Node("title", "[x](javascript:alert(1))", False)))[0]
    assert problems(Fake(Node("iframe", "<div><img src=x onerror=alert(1)></div>", False)))[0]
    assert not problems(Fake(Node("markdown", "&lt;img src=x onerror=alert(1)&gt;", True)))[0]
    assert not problems(Fake(Node("title", "\\[x\\]\\(javascript:alert(1)\\)", False)))[0]
