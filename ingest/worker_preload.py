"""Loaded once by the process that parallel ingest workers are forked from (``--jobs N``).

Every language's pipeline, its lemmatiser dictionaries, the authority index and the
language identifier's models (lingua) are built here, so the N workers forked from this
process start with them (shared copy-on-write) instead of each loading its own: loading is
most of a worker's start-up. The process itself is a fresh interpreter (multiprocessing's
forkserver, single-threaded when it forks), so nothing of the caller is forked. lingua
loads its models on the first detection without threads of its own, so a worker forked
after it detects at once (the caller, which may run threads, is never forked).

When the ingest is over the server ends without tearing down its heap (``os._exit``):
freeing ~600 MB of pipelines object by object took 1-2 s that the ingest waited for.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

#: one short text per language: a detection loads every candidate language's models
SAMPLES = (
    "Projekt podporuje nezaměstnané a jejich rodiny v regionu.",
    "Projekt wspiera osoby bezrobotne i ich rodziny w regionie.",
    "The project supports unemployed people and their families.",
)


def preload() -> None:
    """Build what every worker needs, for all six languages."""
    from graph.resolve import authority_index
    from ingest.langid import SUPPORTED, detect_language
    from ingest.lemmatize import load_dictionaries
    from ingest.nlp import make_nlp

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    load_dictionaries()  # from $PRAXIS_CACHE when cached (see ingest.lemmatize)
    for text in SAMPLES:
        detect_language(text)
    index = authority_index()
    for lang in SUPPORTED:
        make_nlp(lang)
        index.lemma_index(lang)
        index.native_index(lang)


def _in_forkserver() -> bool:
    """Whether this module is being imported by multiprocessing's forkserver main loop."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


try:
    preload()
except Exception:  # the workers then load what they need themselves
    pass

if _in_forkserver():
    import atexit

    # the forkserver's children leave by os._exit already; this is the server's own exit
    atexit.register(os._exit, 0)
