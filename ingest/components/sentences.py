"""``praxis_sentences``: sentence starts from punctuation *and* line breaks.

Headings, list items and table rows carry no full stop; without this, "Partneři" and
the first partner line would be one sentence with the paragraph after them.
Abbreviations (``tzv.``, ``m.in.``, ``e.V.``) are single tokens (see
:mod:`ingest.lang`), so they never end a sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

END_PUNCT = {".", "!", "?", "…"}
CLOSING = {'"', "'", ")", "]", ".", "!", "?"}

# hash -> string; a hash names the same string in every StringStore, so one map serves all
_STRING_OF: dict[int, str] = {}


def token_strings(doc: Doc, attr: int = ORTH) -> list[str]:
    """The string attribute ``attr`` (ORTH, NORM, LOWER, …) of every token, by hash lookups
    in a map shared across documents instead of one StringStore call per token."""
    values = doc.to_array(attr).tolist()
    cache = _STRING_OF
    try:
        return [cache[v] for v in values]
    except KeyError:
        strings = doc.vocab.strings
        for v in set(values).difference(cache):
            cache[v] = strings[v]
        return [cache[v] for v in values]


class LineSentencizer:
    """Works on the token attribute arrays (no Token objects), then writes SENT_START."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        texts = token_strings(doc)
        spaces = doc.to_array(IS_SPACE).tolist()
        starts = numpy.full(len(doc), -1, dtype="int64")
        pending = True  # the next word token starts a sentence
        after_end = False  # directly after sentence-final punctuation
        for i, text in enumerate(texts):
            if i and (spaces[i] or (after_end and text in CLOSING)):
                pending = pending or "\n" in text
                continue
            if pending:
                starts[i] = 1
            after_end = text in END_PUNCT
            pending = after_end
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("praxis_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> LineSentencizer:
    return LineSentencizer()


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of every sentence, computed once per document."""
    cached = doc.user_data.get("praxis_sentence_bounds")
    if cached is None:
        if doc.has_annotation("SENT_START"):
            cached = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            cached = [(0, len(doc.text))]
        doc.user_data["praxis_sentence_bounds"] = cached
    return cached


def sentence_index(doc: Doc, start_char: int) -> int:
    """The number of the sentence that contains the character offset ``start_char``."""
    import bisect

    starts = doc.user_data.get("praxis_sentence_starts")
    if starts is None:
        starts = doc.user_data["praxis_sentence_starts"] = [b[0] for b in sentence_bounds(doc)]
    return max(bisect.bisect_right(starts, start_char) - 1, 0)


def sentence_text(doc: Doc, start_char: int) -> str:
    """The text of the sentence that contains the character offset ``start_char``."""
    s, e = sentence_bounds(doc)[sentence_index(doc, start_char)]
    return doc_text(doc)[s:e]


def folded_sentence(doc: Doc, start_char: int) -> str:
    """:func:`sentence_text` folded (lower case, no diacritics), computed once per sentence."""
    cache = doc.user_data.setdefault("praxis_folded_sentences", {})
    index = sentence_index(doc, start_char)
    text = cache.get(index)
    if text is None:
        from ingest.normalise import fold

        text = cache[index] = fold(sentence_text(doc, start_char))
    return text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once (spaCy joins all tokens on every access)."""
    text = doc.user_data.get("praxis_text")
    if text is None:
        pairs = zip(token_strings(doc), doc.to_array(SPACY).tolist(), strict=True)
        text = "".join([t + " " if space else t for t, space in pairs])
        doc.user_data["praxis_text"] = text
    return text
