"""Organisation identity: one IRI per real organisation.

Baseline: the IRI is minted from a matching key (folded canonical label), so the same
name in two documents gives the same IRI, in any order of ingest.

>>> organisation_key("Ministerstvo vnitra ČR")
'ministerstvo-vnitra-cr'
"""

from __future__ import annotations

import hashlib

from ingest.documents import OrganisationMention
from ingest.normalise import fold
from ontology.namespaces import ID

MAX_SLUG = 80


def organisation_key(label: str) -> str:
    slug = fold(label).replace(" ", "-")
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:10]
        slug = slug[: MAX_SLUG - 11].rstrip("-") + "-" + digest
    return slug or hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def organisation_iri(mention: OrganisationMention) -> str:
    return str(ID["org/" + (mention.key or organisation_key(mention.label))])
