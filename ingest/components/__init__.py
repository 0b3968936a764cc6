"""spaCy components of the praxis pipeline; importing this module registers them all."""

from ingest.components import (  # noqa: F401
    countries,
    funders,
    lemmatizer,
    organisations,
    roles,
    sentences,
    vocabulary,
)
