"""Language identification over the six corpus languages, robust to short and mixed texts."""

from __future__ import annotations

import re
from functools import cache

SUPPORTED = ("cs", "pl", "en", "de", "sk", "sl")

# Letters that only some of the six languages use: a cheap, reliable tie-breaker.
_MARKERS = {
    "pl": re.compile(r"[ąęłńśźżĄĘŁŃŚŹŻ]"),
    "cs": re.compile(r"[ěřůĚŘŮ]"),
    "sk": re.compile(r"[ľĺŕôäĽĹŔÔ]"),
    "de": re.compile(r"[äöüßÄÖÜ]"),
}


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.CZECH,
        Language.POLISH,
        Language.ENGLISH,
        Language.GERMAN,
        Language.SLOVAK,
        Language.SLOVENE,
    ]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _iso(language: object) -> str:
    return str(language.iso_code_639_1.name).lower()  # type: ignore[attr-defined]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language among the six (``und`` if no letters).

    Long documents are judged on their first 5000 characters of running text; mixed
    documents (an English header over a Czech body) go by the majority.
    """
    sample = text[:5000]
    if not re.search(r"[^\W\d_]{2,}", sample):
        return "und"
    confidence = _detector().compute_language_confidence_values(sample)
    if not confidence:
        return "und"
    best = confidence[0]
    code = _iso(best.language)
    if best.value < 0.5 and len(sample) < 200:
        # short text: let marker letters decide between close candidates
        for candidate in confidence[:3]:
            cand = _iso(candidate.language)
            marker = _MARKERS.get(cand)
            if marker and marker.search(sample):
                return cand
    return code
