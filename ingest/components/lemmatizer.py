"""``praxis_lemmatizer``: folded lemmas (morfeusz2 / simplemma) as ``token.norm_``.

The folded lemma (lower case, no diacritics) is what vocabulary, gazetteer and
organisation matching run on, so "věznici", "Věznice" and "vezenice" meet. It is
stored on the *lexeme* (one word type of this language's vocabulary), so every word
type is lemmatised once per process and a document costs one pass over its distinct
words, not one Python call per token. ``token.lemma_`` is left unset; callers that need
the un-folded lemma use :func:`ingest.lemmatize.lemmatize`.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ingest.lemmatize import lemmatize
from ingest.normalise import fold


class PraxisLemmatizer:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang
        self.vocab = nlp.vocab
        self.seen: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        orths = set(doc.to_array(ORTH).tolist())
        for orth in orths - self.seen:
            lex = self.vocab[orth]
            text = lex.orth_
            if not text.isspace():
                lex.norm_ = fold(lemmatize(text, self.lang)) or text
            self.seen.add(orth)
        return doc


@Language.factory("praxis_lemmatizer", assigns=["token.norm"])
def make_lemmatizer(nlp: Language, name: str) -> PraxisLemmatizer:
    return PraxisLemmatizer(nlp)
