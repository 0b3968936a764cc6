"""Loaded once by the process that parallel ingest workers are forked from (``--jobs N``).

Every language's pipeline, its lemmatiser dictionaries and the authority index are built
here, so the N workers forked from this process start with them (shared copy-on-write)
instead of each loading its own: loading is most of a worker's start-up. The process
itself is a fresh interpreter (multiprocessing's forkserver), so nothing of the caller is
forked; language identification (lingua) is not loaded here but in each worker, on its
first document.
"""

from __future__ import annotations

import logging
import warnings


def preload() -> None:
    """Build what every worker needs, for all six languages."""
    from graph.resolve import authority_index
    from ingest.langid import SUPPORTED
    from ingest.nlp import make_nlp

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    index = authority_index()
    for lang in SUPPORTED:
        make_nlp(lang)
        index.lemma_index(lang)
        index.native_index(lang)


try:
    preload()
except Exception:  # the workers then load what they need themselves
    pass
