"""Build the praxis spaCy pipeline for a language from ``pipeline.cfg`` (config as data)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import spacy
from spacy.language import Language
from thinc.api import Config

import ingest.components  # noqa: F401  (registers the praxis_* factories)
from ingest.langid import SUPPORTED


@cache
def make_nlp(lang: str) -> Language:
    """The pipeline for ``lang`` (one of the six; anything else falls back to English)."""
    if lang not in SUPPORTED:
        lang = "en"
    text = resources.files("ingest").joinpath("pipeline.cfg").read_text("utf-8")
    config = Config().from_str(text, overrides={"nlp.lang": lang})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.max_length = 30_000_000
    from ingest.lang import customise_tokenizer

    customise_tokenizer(nlp)
    from ingest.components.vocabulary import LABEL_LEMMAS

    LABEL_LEMMAS.save()  # the label lemma keys this pipeline added, for the next start
    return nlp
