"""Shared fixtures: real on-disk stores built once per run from real files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import GraphStore, open_store
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO_DOCS = ROOT / "data" / "docs"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds not present")
    return path


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    path = SHARED / "eval" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/eval/dev not present")
    return path


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested once into an on-disk store (closed again after ingest)."""
    path = tmp_path_factory.mktemp("demo") / "store"
    store = open_store(path)
    summary = ingest_paths([DEMO_DOCS], store, progress=False)
    store.close()
    assert summary.files_read > 0, summary.skipped
    return path


@pytest.fixture(scope="session")
def demo_store(demo_store_path: Path) -> GraphStore:
    return open_store(demo_store_path, read_only=True)


@pytest.fixture()
def fresh_store(tmp_path: Path) -> GraphStore:
    store = open_store(tmp_path / "store")
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _restore_main_module() -> Iterator[None]:
    """Streamlit's AppTest runs pages as ``__main__`` and leaves that module behind; a later
    spawn-based process pool would then re-run a page in every worker. Put it back."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture(autouse=True)
def _no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # tests talk to 127.0.0.1 only
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
