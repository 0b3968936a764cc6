"""A hostile document, ingested for real, renders as text on every page: no markup from a
document reaches the HTML the pages send (markdown with unsafe_allow_html, the network
drawing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.queries import run_query
from graph.store import open_store
from ingest.pipeline import ingest_paths

PAGES = Path(__file__).resolve().parents[2] / "app_pages"
PROBE = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = f"""Projekt {PROBE} prevence kriminality

Koordinátor: Sdružení {PROBE} z. s., Brno. Partner: Městská policie Brno a Věznice Brno.
Projekt je financován z Fondů EHP a Norska. Cílovou skupinou jsou vězni a jejich rodiny.
Aktivity: školení, workshop <script>alert(2)</script> a [odkaz](javascript:alert(3)).
"""
RAW = re.compile(r"<img src=x|<script>alert|\]\(javascript:", re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    doc = root / "hostile.txt"
    doc.write_text(HOSTILE_TEXT, encoding="utf-8")
    path = root / "store"
    with open_store(path) as store:
        summary = ingest_paths([doc], store, progress=False)
    assert summary.files_read == 1, summary.skipped
    return path


def rendered(at: AppTest) -> list[str]:
    """Every piece of markup the page produced (markdown bodies and iframe sources)."""
    out = [str(m.value) for m in at.markdown]
    out += [str(getattr(e, "proto", "")) for e in at.get("iframe")]
    return out


def test_pages_render_the_probe_as_text(
    hostile_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRAXIS_STORE", str(hostile_store))
    with open_store(hostile_store, read_only=True) as store:
        project = run_query(store, "project_summaries")[0]["project"].value
        orgs = [r["org"].value for r in run_query(store, "participations")]
    assert orgs
    runs = {
        "search": {},
        "project": {"iri": project},
        "network": {},
        "gaps": {"project": project},
        "precedents": {"idea": HOSTILE_TEXT[:300]},
        "data": {},
    }
    for org in orgs:
        runs[f"organisation {org}"] = {"iri": org}
    seen_probe = False
    for name, params in runs.items():
        at = AppTest.from_file(str(PAGES / f"{name.split()[0]}.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, (name, at.exception)
        for markup in rendered(at):
            assert not RAW.search(markup), (name, markup[:300])
            seen_probe = seen_probe or "&lt;img src=x onerror=alert&#40;1&#41;&gt;" in markup
    assert seen_probe, "the probe is shown (escaped), not dropped"
