"""``praxis_sentences``: sentence starts from punctuation *and* line breaks.

Headings, list items and table rows carry no full stop; without this, "Partneři" and
the first partner line would be one sentence with the paragraph after them.
Abbreviations (``tzv.``, ``m.in.``, ``e.V.``) are single tokens (see
:mod:`ingest.lang`), so they never end a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

END_PUNCT = {".", "!", "?", "…"}
CLOSING = {'"', "'", ")", "]", ".", "!", "?"}


class LineSentencizer:
    def __call__(self, doc: Doc) -> Doc:
        pending = True  # the next word token starts a sentence
        after_end = False  # directly after sentence-final punctuation
        for i, token in enumerate(doc):
            text = token.text
            if i and (token.is_space or (after_end and text in CLOSING)):
                token.is_sent_start = False
                pending = pending or "\n" in text
                continue
            token.is_sent_start = pending
            after_end = text in END_PUNCT
            pending = after_end
        return doc


@Language.factory("praxis_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> LineSentencizer:
    return LineSentencizer()
