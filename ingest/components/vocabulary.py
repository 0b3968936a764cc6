"""``praxis_vocabulary``: SKOS labels matched by folded lemma sequences.

Patterns are the vocabulary's pref/alt/hidden labels, lemmatised with the document
language's lemmatiser, so inflected forms in the text meet base forms in the labels.
Matches go to ``doc.spans["praxis_concepts"]`` with label ``"<scheme>/<notation>"``.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ingest.cache import cache_dir, seal, unseal, write_atomically
from ingest.components.compounds import CompoundSplitter, german_parts
from ingest.components.lemmatizer import lemma_of
from ingest.lemmatize import simplemma_dictionary_path
from ingest.normalise import fold
from ontology import vocabulary

CONCEPT_SPANS = "praxis_concepts"
#: labels in these languages are also tried on a document (neighbours read each other).
RELATED_LANGS = {"cs": ("sk",), "sk": ("cs",), "sl": (), "pl": (), "de": (), "en": ()}


def label_languages(lang: str) -> tuple[str, ...]:
    return (lang, "en", *RELATED_LANGS.get(lang, ()))


def lemma_key(text: str, lang: str, nlp: Language) -> list[str]:
    """Folded lemmas of a label, tokenised like document text (kept in
    :data:`LABEL_LEMMAS` across processes: labels are lemmatised at every start)."""
    entry = ("key", nlp.lang, lang, text)
    norms = LABEL_LEMMAS.get(entry)
    if norms is None:
        norms = tuple(
            fold(lemma_of(t.text, lang)) or t.text for t in nlp.make_doc(text) if not t.is_space
        )
        LABEL_LEMMAS.put(entry, norms)
    return list(norms)


def folded_lemma(word: str, lang: str) -> str:
    """``fold(lemma_of(word, lang))`` of a label word, kept in :data:`LABEL_LEMMAS`."""
    entry = ("word", lang, word)
    lemma = LABEL_LEMMAS.get(entry)
    if lemma is None:
        lemma = fold(lemma_of(word, lang))
        LABEL_LEMMAS.put(entry, lemma)
    return lemma


#: the code that decides a label's lemmas: a change to any of them starts a new cache
_LEMMA_CODE = (
    "ingest/lemmatize.py",
    "ingest/normalise.py",
    "ingest/pipeline.cfg",
    "ingest/components/lemmatizer.py",
    "ingest/components/vocabulary.py",
    "ingest/lang/__init__.py",
)
_LABEL_MAGIC = b"PGLL1\n"


class LabelLemmaCache:
    """Lemma keys of vocabulary, country, city and organisation labels, kept under
    :func:`ingest.cache.cache_dir` ``/labels/``: building every language's matchers
    lemmatises ~40,000 labels, the same at every start.

    Entries are keyed by the label text and language, the file by a hash of the code and
    the versions of Python, spaCy, simplemma (and its dictionaries) and morfeusz (and its
    dictionary), so an upgrade or an edit starts afresh. The file is written whole through
    a temporary file; one that cannot be read or is damaged is ignored and rebuilt.
    """

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], object] | None = None
        self.dirty = False
        self.path: Path | None = None

    def _load(self) -> dict[tuple[str, ...], object]:
        if self.entries is None:
            self.entries = {}
            try:
                self.path = self.cache_path()
            except Exception:  # no cache: the labels are lemmatised as before
                return self.entries
            try:
                payload = unseal(self.path.read_bytes(), _LABEL_MAGIC)
                table = marshal.loads(payload) if payload is not None else None
                if isinstance(table, dict):
                    self.entries = table
            except (OSError, EOFError, ValueError, TypeError):
                pass
        return self.entries

    @staticmethod
    def cache_path() -> Path:
        import morfeusz2
        import spacy

        from ingest.lemmatize import SIMPLEMMA_LANGS, _morfeusz

        root = Path(__file__).resolve().parents[2]
        key = hashlib.sha256(_LABEL_MAGIC)
        for name in _LEMMA_CODE:
            key.update(name.encode() + b"\0" + (root / name).read_bytes())
        key.update(f"spacy {spacy.__version__} morfeusz2 {morfeusz2.__version__}".encode())
        key.update(f"{sys.version} marshal {marshal.version}".encode())  # folding, marshal
        key.update(_morfeusz().dict_id().encode())
        for lang in sorted(SIMPLEMMA_LANGS):
            key.update(simplemma_dictionary_path(lang).name.encode())
        return cache_dir() / "labels" / f"{key.hexdigest()[:32]}.marshal"

    def get(self, entry: tuple[str, ...]) -> object:
        return self._load().get(entry)

    def put(self, entry: tuple[str, ...], value: object) -> None:
        self._load()[entry] = value
        self.dirty = True

    def save(self) -> None:
        """Write the entries when this process added any (called after each pipeline)."""
        if not self.dirty or self.entries is None or self.path is None:
            return
        self.dirty = False
        write_atomically(self.path, seal(marshal.dumps(self.entries), _LABEL_MAGIC))


LABEL_LEMMAS = LabelLemmaCache()


#: German nouns made from adjectives and participles decline like adjectives ("die
#: Inhaftierten", "ein Inhaftierter", "Gefangene"), and their lemmas differ per form
GERMAN_ADJECTIVAL_NOUN = re.compile(
    r"^([A-ZÄÖÜ]\w{1,}(?:iert|ert|tet|st|tzt|llt|amt|ft|igt|gen|ben|ssen|ffen|nen|ig|lich|los|end))"
    r"(e|en|er)$"
)


def german_declensions(label: str) -> list[str]:
    """The label with each adjectival noun in its other declension forms:
    "ehemalige Inhaftierte" → "ehemalige Inhaftierten", "ehemalige Inhaftierter"."""
    words = label.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        match = GERMAN_ADJECTIVAL_NOUN.match(word)
        if not match:
            continue
        for ending in ("e", "en", "er"):
            if ending != match.group(2):
                out.append(" ".join([*words[:i], match.group(1) + ending, *words[i + 1 :]]))
    return out


def norm_doc(nlp: Language, norms: list[str]) -> Doc:
    """A pattern Doc whose tokens carry the given NORM values."""
    doc = Doc(nlp.vocab, words=norms)
    for token, norm in zip(doc, norms, strict=True):
        token.norm_ = norm
    return doc


@cache
def surface_labels(lang: str) -> dict[str, list[str]]:
    """``{"scheme/notation": [forms]}`` of ``ingest/data/surface_labels.tsv`` for a language."""
    text = resources.files("ingest").joinpath("data/surface_labels.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, key, forms = line.split("\t")
        if code == lang:
            out.setdefault(key, []).extend(f for f in forms.split("|") if f)
    return out


def is_acronym_label(label: str) -> bool:
    """ "FIO", "ŠR", "PO WER", "EFS+", "MoJ", "MsÚ": short forms, matched exactly."""
    letters = [ch for ch in label if ch.isalpha()]
    if not letters or len(letters) > 6:
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper == len(letters) or (" " not in label and upper >= 2 and len(letters) <= 4)


#: a one-word label met through its lemma must share its first letter with the text
#: word, and the word must be at least half the label's length: "(red)" is not
#: "redakce", Polish "ma" (has) is not "MoJ" (lemma "mój")
SHARED_PREFIX = 1


@cache
def prefix(text: str) -> str:
    """Folded first letter(s) of a word (cached: called on every one-word match)."""
    return fold(text[: SHARED_PREFIX + 1])[:SHARED_PREFIX]


def lemma_is_another_word(label: str, norms: list[str]) -> bool:
    """A one-word label whose lemma is a different word in this language: Slovene
    "imam" (imam) lemmatises to "imeti" (to have), so it is matched as written."""
    return len(norms) == 1 and fold(label)[:3] != norms[0][:3]


#: the staff group of each kind of body (a staff phrase names both; an audience statement
#: listing kinds of bodies means their staff)
STAFF_OF_TYPE = {
    "actor-type/police": "target-group/law-enforcement-officers",
    "actor-type/municipal-police": "target-group/law-enforcement-officers",
    "actor-type/border-guard": "target-group/law-enforcement-officers",
    "actor-type/court-prosecution": "target-group/judiciary-staff",
    "actor-type/prison-service": "target-group/prison-staff",
    "actor-type/probation-service": "target-group/prison-staff",
    "actor-type/ngo": "target-group/ngo-staff",
    "actor-type/ministry": "target-group/public-officials",
    "actor-type/government-agency": "target-group/public-officials",
    "actor-type/municipality": "target-group/public-officials",
    "actor-type/regional-government": "target-group/public-officials",
    "actor-type/labour-office": "target-group/public-officials",
}


class VocabularyMatcher:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        # acronyms ("FIO", "EFS", "NGO") only as written: "ŠR" must not meet "SR"
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # forms whose lemma is another word's ("odbory" → "odbor"), as written
        self.surface = PhraseMatcher(nlp.vocab, attr="LOWER")
        # string ids of the funder keys (funder labels may overlap each other)
        self.funder_ids = {
            nlp.vocab.strings.add(f"funder/{notation}")
            for notation in vocabulary().get("funder", {})
        }
        # (key, lemma) of one-word labels → the labels' (first letters, length)
        self.single: dict[tuple[str, str], set[tuple[str, int]]] = {}
        # German (key, lemma) whose one-word labels are all nouns (capitalised): a
        # lower-case text word is then a verb or adjective ("besuchen" is no "Besuch")
        self.nouns_only: set[tuple[str, str]] = set()
        not_nouns: set[tuple[str, str]] = set()
        for key, forms in surface_labels(self.lang).items():
            self.surface.add(key, [nlp.make_doc(form) for form in forms])
        langs = label_languages(self.lang)
        german: list[tuple[str, str, str]] = []  # (key, label, lemma) of one-word labels
        for scheme, concepts in vocabulary().items():
            for notation, concept in concepts.items():
                key = f"{scheme}/{notation}"
                labels: set[str] = set()
                for code in langs:
                    labels.update(concept.all_labels(code))
                if self.lang == "de":
                    german.extend(
                        (key, label, folded_lemma(label, "de"))
                        for label in concept.all_labels("de")
                        if " " not in label and "-" not in label
                    )
                if self.lang == "de":
                    labels.update(v for label in list(labels) for v in german_declensions(label))
                patterns, exact, surface = [], [], []
                for label in sorted(labels):
                    if is_acronym_label(label):
                        exact.append(nlp.make_doc(label))
                        continue
                    norms = lemma_key(label, self.lang, nlp)
                    if not norms:
                        continue
                    if lemma_is_another_word(label, norms):
                        surface.append(nlp.make_doc(label))
                        continue
                    patterns.append(norm_doc(nlp, norms))
                    if len(norms) > 1 and label != label.lower():
                        # a capitalised word may lemmatise otherwise than its inflected
                        # forms do ("Norveški" → the country, "Norveškega" → "norveški")
                        lowered = lemma_key(label.lower(), self.lang, nlp)
                        if lowered != norms and len(lowered) == len(norms):
                            patterns.append(norm_doc(nlp, lowered))
                    if len(norms) == 1:
                        self.single.setdefault((key, norms[0]), set()).add(
                            (prefix(label), len(label))
                        )
                        noun = label[:1].isupper() and not label.isupper()
                        (self.nouns_only if noun else not_nouns).add((key, norms[0]))
                if patterns:
                    self.matcher.add(key, patterns)
                if exact:
                    self.exact.add(key, exact)
                if surface:
                    self.surface.add(key, surface)
        self.nouns_only -= not_nouns
        if self.lang != "de":
            self.nouns_only = set()
        #: German compounds no label lists ("Opferschutzberatung"), by their parts
        self.compounds = CompoundSplitter(*german_parts(german)) if german else None
        self.compound_keys: dict[int, tuple[int, ...]] = {}  # ORTH → key ids

    def word_fits(self, key: str, token: Token) -> bool:
        """A one-word lemma match that is a form of the label, not a homonym's form."""
        labels = self.single.get((key, token.norm_))
        if labels is None:
            return True
        text = token.text
        if text[:1].islower() and (key, token.norm_) in self.nouns_only:
            return False
        start, size = prefix(text[:2]), 2 * len(text)
        if any(start == first and size >= length for first, length in labels):
            return True
        # a German participle: "geschult" is a form of "schulen", "befragt" is not "ge-"
        if self.lang == "de" and text.startswith("ge") and text[2:3].islower():
            start = prefix(text[2:4])
            return any(start == first and size >= length for first, length in labels)
        return False

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        lemma_matches = [
            (match_id, start, end)
            for match_id, start, end in self.matcher(doc)
            if end - start > 1 or self.word_fits(strings[match_id], doc[start])
        ]
        matches = [*lemma_matches, *self.exact(doc), *self.surface(doc)]
        kept = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in filter_matches(matches)
        ]
        # overlapping funders are all kept ("Funded by the European Union's Justice
        # Programme" names eu-unspecified and justice-programme; praxis_funders decides)
        ranges = [(s.start, s.end, s.label) for s in kept]
        chosen = set(ranges)
        dropped = [
            (m, b, e) for m, b, e in matches if m in self.funder_ids and (b, e, m) not in chosen
        ]
        for match_id, start, end in dropped:
            rivals = [r for r in ranges if r[0] < end and start < r[1]]
            if rivals and all(r[2] in self.funder_ids for r in rivals):
                kept.append(Span(doc, start, end, label=match_id))
                ranges.append((start, end, match_id))
                chosen.add((start, end, match_id))
        # a staff phrase names a group and the kind of body it works for ("probačních
        # úředníků": prison and probation staff, the probation service): both are kept
        same_range = {(b, e): m for b, e, m in ranges}
        for match_id, start, end in matches:
            other = same_range.get((start, end))
            if other is None or other == match_id or (start, end, match_id) in chosen:
                continue
            pair = sorted((strings[other], strings[match_id]))  # actor-type first
            if STAFF_OF_TYPE.get(pair[0]) == pair[1]:
                kept.append(Span(doc, start, end, label=match_id))
                chosen.add((start, end, match_id))
                dropped = dropped or [(match_id, start, end)]
        if self.compounds is not None:
            found = self.compound_matches(doc, chosen)
            kept.extend(Span(doc, start, end, label=key) for key, start, end in found)
            dropped = dropped or found
        if dropped:
            kept.sort(key=lambda s: (s.start, s.end))
        doc.spans[CONCEPT_SPANS] = kept
        return doc

    def compound_matches(
        self, doc: Doc, chosen: set[tuple[int, int, int]]
    ) -> list[tuple[int, int, int]]:
        """``(key id, start, end)`` of German compounds outside every label match."""
        orths = doc.to_array(ORTH)
        strings = doc.vocab.strings
        with_keys = []
        for orth in set(orths.tolist()):
            keys = self.compound_keys.get(orth)
            if keys is None:
                text = strings[orth]
                keys = tuple(strings.add(k) for k in self.compounds.split(text))
                self.compound_keys[orth] = keys
            if keys:
                with_keys.append(orth)
        if not with_keys:
            return []
        covered = {i for start, end, _ in chosen for i in range(start, end)}
        out = []
        for i in numpy.nonzero(numpy.isin(orths, with_keys))[0].tolist():
            if i not in covered:
                out.extend((key, i, i + 1) for key in self.compound_keys[int(orths[i])])
        return out


def filter_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """:func:`spacy.util.filter_spans` on ``(match_id, start, end)`` tuples (the same
    choice and order, the first longest wins) without building a Span per match."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    result = []
    seen_tokens: set[int] = set()
    for match in ordered:
        _match_id, start, end = match
        if start not in seen_tokens and end - 1 not in seen_tokens:
            result.append(match)
            seen_tokens.update(range(start, end))
    result.sort(key=lambda m: m[1])
    return result


@Language.factory("praxis_vocabulary", requires=["token.norm"], assigns=["doc.spans"])
def make_vocabulary(nlp: Language, name: str) -> VocabularyMatcher:
    return VocabularyMatcher(nlp)
