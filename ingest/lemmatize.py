"""Lemmatisers, offline: morfeusz2 for Polish, simplemma for cs, sk, sl, de and en.

>>> lemmatize("więźniów", "pl")
'więzień'
>>> lemmatize("vězňů", "cs")
'vězeň'
"""

from __future__ import annotations

from functools import cache, lru_cache

SIMPLEMMA_LANGS = {"cs", "sk", "sl", "de", "en"}


@cache
def _morfeusz():  # type: ignore[no-untyped-def]
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False, generate=False)


# Prefer noun and adjective readings: those carry vocabulary and organisation names.
_PL_POS_RANK = {"subst": 0, "adj": 1, "ger": 2, "ppas": 3, "pact": 3, "depr": 4}


def _lemmatize_pl(word: str) -> str:
    best: tuple[int, str] | None = None
    for _start, _end, (_form, lemma, tag, _names, _quals) in _morfeusz().analyse(word):
        if tag == "ign":
            continue
        pos = tag.split(":", 1)[0]
        rank = _PL_POS_RANK.get(pos, 5)
        lemma = lemma.split(":", 1)[0]
        if best is None or rank < best[0]:
            best = (rank, lemma)
    return best[1] if best else word


@lru_cache(maxsize=500_000)
def lemmatize(word: str, lang: str) -> str:
    """Lemma of one token in ``lang`` (the word itself when unknown)."""
    if not word or not any(ch.isalpha() for ch in word):
        return word
    if lang == "pl":
        return _lemmatize_pl(word)
    if lang in SIMPLEMMA_LANGS:
        import simplemma

        return simplemma.lemmatize(word, lang=lang)
    return word
