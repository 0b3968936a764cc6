"""``praxis_lemmatizer``: token.lemma_ from morfeusz2/simplemma, token.norm_ = folded lemma.

The folded lemma (lower case, no diacritics) is what vocabulary and gazetteer matching
runs on, so "věznici", "Věznice" and "vezenice" meet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.lemmatize import lemmatize
from ingest.normalise import fold


class PraxisLemmatizer:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_space:
                continue
            lemma = lemmatize(token.text, self.lang)
            token.lemma_ = lemma
            token.norm_ = fold(lemma) or token.text
        return doc


@Language.factory("praxis_lemmatizer", assigns=["token.lemma", "token.norm"])
def make_lemmatizer(nlp: Language, name: str) -> PraxisLemmatizer:
    return PraxisLemmatizer(nlp.lang)
