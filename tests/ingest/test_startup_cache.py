"""Start-up caches under $PRAXIS_CACHE: simplemma's decoded dictionaries and the label
lemma keys. A cold and a warm start give the same lemmas and matches; a damaged cache
file is ignored and rebuilt."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
import simplemma
import spacy
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

from ingest import lemmatize as lemmatize_module
from ingest.cache import unseal
from ingest.components import vocabulary as vocabulary_module
from ingest.lemmatize import load_simplemma_dictionary, simplemma_dictionary_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRAXIS_CACHE", str(tmp_path))
    return tmp_path


def test_dictionary_cold_and_warm_start_agree(cache: Path) -> None:
    shipped = _load_dictionary_from_disk("sl")
    path = simplemma_dictionary_path("sl")
    assert path.is_relative_to(cache) and not path.exists()
    assert load_simplemma_dictionary("sl") == shipped  # cold: decoded and written
    assert path.exists()
    assert load_simplemma_dictionary("sl") == shipped  # warm: read back


def test_dictionary_cache_is_keyed_by_library_version(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = simplemma_dictionary_path("sl")
    monkeypatch.setattr(simplemma, "__version__", "99.0.0", raising=False)
    assert simplemma_dictionary_path("sl") != path


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_damaged_dictionary_cache_is_rebuilt(cache: Path, damage: str) -> None:
    shipped = _load_dictionary_from_disk("sl")
    load_simplemma_dictionary("sl")
    path = simplemma_dictionary_path("sl")
    whole = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "flip":
        middle = len(whole) // 2
        path.write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1 :])
    elif damage == "garbage":
        path.write_bytes(b"not a dictionary")
    else:
        path.write_bytes(b"")
    assert load_simplemma_dictionary("sl") == shipped
    assert path.read_bytes() == whole  # rewritten whole


def test_cached_lemmatiser_equals_simplemma(cache: Path) -> None:
    from ingest.lemmatize import is_known, simplemma_lemma

    words = ["vězňů", "Probačního", "zapornikov", "Häuser", "prisoners", "xyzzy", "NGO"]
    for lang in ("cs", "sl", "de", "en"):
        for word in words:
            assert simplemma_lemma(word, lang) == simplemma.lemmatize(word, lang=lang)
            assert is_known(word, lang) == simplemma.is_known(word, lang=lang)


def _fresh_label_cache(monkeypatch: pytest.MonkeyPatch) -> vocabulary_module.LabelLemmaCache:
    fresh = vocabulary_module.LabelLemmaCache()
    monkeypatch.setattr(vocabulary_module, "LABEL_LEMMAS", fresh)
    return fresh


LABELS = ["osoby ve výkonu trestu", "Probační a mediační služba", "ehemalige Inhaftierte", "Roma"]


def _keys(nlp: spacy.language.Language) -> list[list[str]]:
    return [vocabulary_module.lemma_key(label, "cs", nlp) for label in LABELS] + [
        [vocabulary_module.folded_lemma(w, lang)]
        for w in ("vězňů", "Romy")
        for lang in ("cs", "sk")
    ]


def test_label_lemmas_cold_and_warm_start_agree(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = spacy.blank("cs")
    cold = _fresh_label_cache(monkeypatch)
    cold_keys = _keys(nlp)
    assert cold.dirty
    cold.save()
    assert cold.path is not None and cold.path.exists() and cold.path.is_relative_to(cache)
    warm = _fresh_label_cache(monkeypatch)
    assert _keys(nlp) == cold_keys
    assert not warm.dirty  # every entry came from the file
    lemmatize_module.lemmatize.cache_clear()
    uncached = [
        [
            vocabulary_module.fold(vocabulary_module.lemma_of(t.text, "cs")) or t.text
            for t in nlp.make_doc(label)
            if not t.is_space
        ]
        for label in LABELS
    ]
    assert cold_keys[: len(LABELS)] == uncached


def _entries(data: bytes) -> dict:
    payload = unseal(data, vocabulary_module._LABEL_MAGIC)
    assert payload is not None
    return marshal.loads(payload)


def test_damaged_label_cache_is_rebuilt(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("cs")
    first = _fresh_label_cache(monkeypatch)
    expected = _keys(nlp)
    first.save()
    assert first.path is not None
    whole = first.path.read_bytes()
    first.path.write_bytes(whole[:-10])
    again = _fresh_label_cache(monkeypatch)
    assert _keys(nlp) == expected
    assert again.dirty  # nothing usable was read
    again.save()
    assert _entries(first.path.read_bytes()) == _entries(whole)  # rewritten whole


def test_pipelines_match_the_same_cold_and_warm(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two pipelines built on a cold and on a warm label cache find the same concepts."""
    from ingest.nlp import make_nlp

    text = (
        "Projekt podporuje osoby ve výkonu trestu a jejich rodiny; spolupracuje s "
        "Probační a mediační službou, Romy a partnery z Norska a Prahy."
    )
    found = []
    for _start in ("cold", "warm"):
        _fresh_label_cache(monkeypatch)
        doc = make_nlp.__wrapped__("cs")(text)  # a new pipeline, the cached one untouched
        found.append(
            [(s.label_, s.start, s.end) for key in sorted(doc.spans) for s in doc.spans[key]]
        )
    assert found[0] == found[1] and found[0]
