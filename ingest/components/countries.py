"""``praxis_countries``: country names, adjectives and demonyms → ISO 3166-1 alpha-2.

Forms live in ``ingest/data/countries.tsv`` and are matched by folded lemma, so
"norští partneři", "z Norska" and "Norwegian partners" all give ``NO``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.components.vocabulary import lemma_key, norm_doc
from ingest.normalise import fold

COUNTRY_SPANS = "praxis_countries"
# Short upper-case forms are only trusted as written (SR, ČR, UK) — not as lemmas.
_CASE_SENSITIVE_MAX = 3


@cache
def country_forms() -> dict[str, list[str]]:
    text = resources.files("ingest").joinpath("data/countries.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t", 1)
        out[code] = [f.strip() for f in forms.split("|") if f.strip()]
    return out


#: forms of one country that, in a document of this language, name another: Slovene
#: "slovensko/slovenski" is Slovenian, while Czech/Slovak "Slovensko" is Slovakia
FALSE_FRIENDS = {"sl": {"SK": "slovensk"}}
#: prepositions before a language name ("auf Deutsch", "in English", "po polsku")
LANGUAGE_PREPOSITIONS = {"de": ("auf",), "en": (), "pl": ("po",), "cs": (), "sk": (), "sl": ()}


class CountryMatcher:
    def __init__(self, nlp: Language) -> None:
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lang = nlp.lang
        for code, forms in country_forms().items():
            exact, lemma = [], []
            for form in forms:
                prefix = FALSE_FRIENDS.get(nlp.lang, {}).get(code)
                if prefix and fold(form).startswith(prefix):
                    continue
                if len(form) <= _CASE_SENSITIVE_MAX and form.isupper():
                    exact.append(nlp.make_doc(form))
                else:
                    norms = lemma_key(form, nlp.lang, nlp)
                    if norms:
                        lemma.append(norm_doc(nlp, norms))
            if lemma:
                self.lemma_matcher.add(code, lemma)
            if exact:
                self.exact_matcher.add(code, exact)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.lemma_matcher(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.exact_matcher(doc)]
        # a language, not a country: "auf Deutsch", "po polsku", "in English"
        spans = [
            s
            for s in spans
            if not (
                s.start > 0 and doc[s.start - 1].lower_ in LANGUAGE_PREPOSITIONS.get(self.lang, ())
            )
        ]
        doc.spans[COUNTRY_SPANS] = filter_spans(spans)
        return doc


@Language.factory("praxis_countries", requires=["token.norm"], assigns=["doc.spans"])
def make_countries(nlp: Language, name: str) -> CountryMatcher:
    return CountryMatcher(nlp)
