"""spaCy components of the praxis pipeline; importing this module registers them all."""

from ingest.components import (  # noqa: F401
    context,
    countries,
    funders,
    lemmatizer,
    organisations,
    roles,
    sentences,
    vocabulary,
)
