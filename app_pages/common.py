"""Shared by all pages: the store (one per process), cached results, escaping helpers.

This is the only module that caches; pages call these functions.
"""

from __future__ import annotations

import html
import os
from typing import Any

import streamlit as st

from graph.store import GraphStore, open_store
from ontology import concept_label


@st.cache_resource
def _store(spec: str) -> GraphStore:
    return open_store(spec, read_only=not spec.startswith("sparql+") and spec != ":memory:")


def store() -> GraphStore:
    return _store(os.environ.get("PRAXIS_STORE", "var/store"))


def version() -> str:
    return store().version()


def esc(text: Any) -> str:
    """HTML-escape anything that came from a document before it goes into markup."""
    return html.escape(str(text), quote=True)


def label_of(scheme: str, notation: str) -> str:
    from ontology import concept_iri

    try:
        return concept_label(concept_iri(scheme, notation))
    except (KeyError, ValueError):
        return notation


def link(page: str, iri: str) -> str:
    """A URL to a record page (shareable: the IRI is a query parameter)."""
    from urllib.parse import quote

    return f"/{page}?iri={quote(iri, safe='')}"
