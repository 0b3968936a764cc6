"""Lemmatisers, offline: morfeusz2 for Polish, simplemma for cs, sk, sl, de and en.

>>> lemmatize("więźniów", "pl")
'więzień'
>>> lemmatize("vězňů", "cs")
'vězeň'
>>> lemmatize("Probačního", "cs")
'probační'
>>> nominative_pl("Komendą", "komenda")
'Komenda'
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ingest.cache import cache_dir, seal, unseal, write_atomically

SIMPLEMMA_LANGS = {"cs", "sk", "sl", "de", "en"}
#: first bytes of a cached simplemma dictionary (bump when the file layout changes)
_DICTIONARY_MAGIC = b"PGSMD1\n"


def simplemma_dictionary_path(lang: str) -> Path:
    """Cache file of simplemma's decoded dictionary for ``lang``: keyed by the library's
    version and the shipped compressed file's content (and Python's, whose ``marshal``
    format it is in), so an upgrade never reads stale data."""
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER

    key = hashlib.sha256(_DICTIONARY_MAGIC)
    key.update(str(getattr(simplemma, "__version__", "")).encode() + b"\0" + lang.encode())
    key.update(f"{sys.version} marshal {marshal.version}".encode())  # marshal's format
    key.update((DATA_FOLDER / f"{lang}.plzma").read_bytes())
    return cache_dir() / "simplemma" / f"{lang}-{key.hexdigest()[:32]}.marshal"


def load_simplemma_dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's ``dict[bytes, bytes]`` for ``lang``, from the cache under
    :func:`cache_dir` when it is there and whole (``marshal`` reads it ~3x faster than
    simplemma decodes its lzma file), else decoded from the shipped file and cached."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    try:
        path: Path | None = simplemma_dictionary_path(lang)
    except OSError:
        path = None
    if path is not None:
        try:
            payload = unseal(path.read_bytes(), _DICTIONARY_MAGIC)
            if payload is not None:
                table = marshal.loads(payload)
                if isinstance(table, dict):
                    return table
        except (OSError, EOFError, ValueError, TypeError):
            pass
    table = _load_dictionary_from_disk(lang)
    if path is not None:
        write_atomically(path, seal(marshal.dumps(table), _DICTIONARY_MAGIC))
    return table


@cache
def _simplemma() -> tuple[Any, Any]:
    """simplemma's default lemmatiser and its dictionary lookup, on cached dictionaries."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (
        CachingDictionaryFactory,
        MappingStrToByteString,
    )

    class CachedDictionaryFactory(CachingDictionaryFactory):
        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            return MappingStrToByteString(load_simplemma_dictionary(lang))

    factory = CachedDictionaryFactory()
    strategy = DefaultStrategy(dictionary_factory=factory)
    return Lemmatizer(lemmatization_strategy=strategy), DictionaryLookupStrategy(factory)


def simplemma_lemma(word: str, lang: str) -> str:
    """``simplemma.lemmatize(word, lang=lang)`` on the cached dictionaries."""
    return _simplemma()[0].lemmatize(word, lang)


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether the language's dictionary has the word: morfeusz for Polish,
    ``simplemma.is_known(word, lang=lang)`` on the cached dictionaries for the others."""
    if lang == "pl":
        return bool(_pl_readings(word))
    from simplemma.utils import normalize_token

    return _simplemma()[1].get_lemma(normalize_token(word), lang) is not None


def load_dictionaries() -> None:
    """Load every simplemma dictionary and morfeusz now (the forkserver's preload)."""
    for lang in sorted(SIMPLEMMA_LANGS):
        _simplemma()[1].get_lemma("a", lang)
    _morfeusz()


@cache
def _morfeusz():  # type: ignore[no-untyped-def]
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False, generate=True)


# Prefer noun and adjective readings: those carry vocabulary and organisation names.
_PL_POS_RANK = {"subst": 0, "adj": 1, "ger": 2, "ppas": 3, "pact": 3, "depr": 4}


def _pl_readings(word: str) -> list[tuple[str, str, list[str]]]:
    """``(lemma, tag, name_kinds)`` readings of one Polish word (unknown words: none)."""
    out = []
    for _start, _end, (_form, lemma, tag, names, _quals) in _morfeusz().analyse(word):
        if tag == "ign":
            continue
        out.append((lemma.split(":", 1)[0], tag, list(names)))
    return out


def _lemmatize_pl(word: str) -> str:
    best: tuple[int, int, str] | None = None
    for order, (lemma, tag, names) in enumerate(_pl_readings(word)):
        pos = tag.split(":", 1)[0]
        rank = _PL_POS_RANK.get(pos, 5)
        # a common-noun/adjective reading beats a surname or place-name reading
        proper = 1 if names and "nazwa_pospolita" not in names else 0
        key = (proper, rank, lemma)
        if best is None or key[:2] < best[:2]:
            best = (proper, rank, lemma)
        del order
    return best[2] if best else word


@lru_cache(maxsize=500_000)
def lemmatize(word: str, lang: str) -> str:
    """Lemma of one token in ``lang`` (the word itself when unknown).

    Capitalised words unknown to the lemmatiser are retried in lower case, so a
    sentence- or name-initial "Probačního" meets "probačního".
    """
    if not word or not any(ch.isalpha() for ch in word):
        return word
    if lang == "pl":
        lemma = _lemmatize_pl(word)
    elif lang in SIMPLEMMA_LANGS:
        lemma = simplemma_lemma(word, lang)
    else:
        return word
    if lemma == word and word[:1].isupper() and not word.isupper():
        lower = word.lower()
        lowered = lemmatize(lower, lang)
        if lowered != lower:
            return lowered
    return lemma


_PL_CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")


@lru_cache(maxsize=100_000)
def _pl_agreement(word: str) -> tuple[str, str] | None:
    """``(number, gender)`` of the first noun/adjective reading of a Polish word."""
    for _lemma, tag, _names in _pl_readings(word):
        parts = tag.split(":")
        if parts[0] in {"subst", "adj", "ppas", "pact"} and len(parts) >= 4:
            return parts[1], parts[3]
    return None


@lru_cache(maxsize=100_000)
def nominative_pl(word: str, lemma: str, number: str = "sg", gender: str | None = None) -> str:
    """The Polish nominative of ``word`` agreeing in number/gender (casing kept)."""
    try:
        forms = _morfeusz().generate(lemma)
    except Exception:
        return word
    for form, _lemma, tag, _names, _quals in forms:
        parts = tag.split(":")
        if len(parts) < 4 or parts[0] not in {"subst", "adj", "ppas", "pact"}:
            continue
        if (
            parts[0] in {"adj", "ppas", "pact"}
            and len(parts) > 4
            and parts[4]
            not in {
                "pos",
                "aff",
            }
        ):
            continue
        if number not in parts[1].split(".") or "nom" not in parts[2].split("."):
            continue
        if gender and not set(gender.split(".")) & set(parts[3].split(".")):
            continue
        return _match_case(form, word)
    return word


def _match_case(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
