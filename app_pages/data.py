"""Data: add documents (upload → ingest with progress and a per-file report), store
statistics, and full dumps of the graph (TriG, N-Quads, JSON-LD).

Uploads are saved under ``$PRAXIS_UPLOADS`` (default ``var/uploads``) in a folder named by
their content hash, so uploading the same file again replaces its graph instead of adding
a copy. The app's reader is read-only; the ingest opens the one writer the on-disk store
allows (another process writing gets a clear message), and the reader is reopened after.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections import Counter
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from app_pages.common import (
    collaboration,
    facet_label,
    plain,
    quad_count,
    search_all,
    store,
    store_spec,
    store_writer,
)
from app_pages.views import LANGUAGES
from graph.export import dump_rdf
from graph.store import StoreError, StoreLockedError

#: what the uploader offers; the readers decide, and report a clear reason for a file they skip
UPLOAD_TYPES = ["csv", "docx", "htm", "html", "md", "pdf", "txt", "xlsx"]
DUMPS = {
    "trig": ("TriG (Turtle with named graphs)", "praxisgraph.trig", "application/trig"),
    "nq": ("N-Quads", "praxisgraph.nq", "application/n-quads"),
    "jsonld": ("JSON-LD", "praxisgraph.jsonld", "application/ld+json"),
}
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def upload_dir() -> Path:
    return Path(os.environ.get("PRAXIS_UPLOADS") or "var/uploads")


def safe_name(name: str) -> str:
    """A file name without folders or odd characters (the suffix is kept)."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "upload"
    return cleaned[:120]


def save_upload(name: str, data: bytes) -> Path:
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = upload_dir() / digest
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(name)
    path.write_bytes(data)
    return path


st.title("Data")

# ---------------------------------------------------------------- statistics
s = store()
everything = search_all("")
facets = everything.facets
c1, c2, c3, c4 = st.columns(4)
c1.metric("Projects", f"{everything.total:,}")
g = collaboration()
c2.metric("Organisations", f"{g.number_of_nodes():,}")
c3.metric("Collaboration links", f"{g.number_of_edges():,}")
c4.metric("Triples", f"{quad_count():,}")
st.caption(plain(f"Store: {store_spec()} · version {s.version()}"))
if everything.total:
    cols = st.columns(3)
    for col, (facet, title) in zip(
        cols,
        (("language", "Languages"), ("funder", "Funders"), ("country", "Countries")),
        strict=True,
    ):
        counts: Counter[str] = facets.get(facet) or Counter()
        col.markdown(f"**{title}**")
        col.dataframe(
            pd.DataFrame(
                [
                    {
                        title[:-1].lower() if title != "Countries" else "country": (
                            LANGUAGES.get(v, v) if facet == "language" else facet_label(facet, v)
                        ),
                        "projects": n,
                    }
                    for v, n in counts.most_common()
                ]
            ),
            hide_index=True,
            width="stretch",
            height=min(300, 38 + 35 * max(1, len(counts))),
            column_config={"projects": st.column_config.NumberColumn(width="small")},
        )

# ---------------------------------------------------------------- upload and ingest
st.subheader("Add documents")
st.caption(
    "Project descriptions, reports, calls, invitations … as "
    + ", ".join(UPLOAD_TYPES)
    + ". Each file becomes one project with its evidence; a file that cannot be read is "
    "skipped with the reason, the others go in."
)
files = st.file_uploader(
    "Files to ingest", type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads"
)
if files and st.button(f"Ingest {len(files)} file(s)", type="primary", key="ingest"):
    report: list[dict[str, object]] = []
    saved: list[tuple[str, Path]] = []
    for f in files:
        try:
            saved.append((f.name, save_upload(f.name, f.getvalue())))
        except OSError as exc:
            report.append({"file": f.name, "status": "skipped", "reason": f"cannot save: {exc}"})
    progress = st.progress(0.0, text="opening the store for writing …")
    try:
        with store_writer() as writer:
            from ingest.pipeline import ingest_paths

            for i, (name, path) in enumerate(saved, start=1):
                progress.progress((i - 1) / len(saved), text=f"ingesting {name} ({i}/{len(saved)})")
                summary = ingest_paths([path], writer, progress=False)
                for _, reason in summary.skipped:
                    report.append({"file": name, "status": "skipped", "reason": reason})
                for info in summary.per_file:
                    report.append(
                        {
                            "file": name,
                            "status": "ingested",
                            "reason": "",
                            "language": info.get("lang", ""),
                            "organisations": info.get("organisations", 0),
                            "funders": ", ".join(
                                facet_label("funder", str(x)) for x in info.get("funders", [])
                            ),
                        }
                    )
            progress.progress(1.0, text="done")
    except StoreLockedError as exc:
        st.error(plain(f"Cannot ingest now: {exc}"))
        st.stop()
    except StoreError as exc:
        st.error(plain(f"Cannot open the store for writing: {exc}"))
        st.stop()
    st.session_state["ingest-report"] = report

if st.session_state.get("ingest-report"):
    report = st.session_state["ingest-report"]
    done = sum(1 for r in report if r["status"] == "ingested")
    skipped = [r for r in report if r["status"] == "skipped"]
    (st.success if not skipped else st.warning)(
        f"{done} file(s) ingested, {len(skipped)} skipped."
        + (" The new projects are in Search and the Network now." if done else "")
    )
    st.dataframe(pd.DataFrame(report), hide_index=True, width="stretch")

# ---------------------------------------------------------------- dumps
st.subheader("Download the whole graph")
st.caption(
    "Every named graph (one per document, plus the ontology and vocabularies) in a standard "
    "RDF format."
)


def dump_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    dump_rdf(s, fmt, buf)
    return buf.getvalue()


for col, (fmt, (title, file_name, mime)) in zip(st.columns(len(DUMPS)), DUMPS.items(), strict=True):
    col.download_button(
        title,
        partial(dump_bytes, fmt),
        file_name=file_name,
        mime=mime,
        key=f"dump-{fmt}",
        on_click="ignore",
    )
