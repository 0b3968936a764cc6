"""The organisation recogniser: runs the candidate sources, selection, merging,
acronym resolution and typing, and writes mentions and spans to the document."""

from __future__ import annotations

from spacy.attrs import IDX, NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.components.organisations.acronyms import AcronymResolution
from ingest.components.organisations.actor_types import ActorTyping
from ingest.components.organisations.candidates import CandidateSources
from ingest.components.organisations.cued_names import CuedNames, foreign_preps
from ingest.components.organisations.growth import NameGrowth
from ingest.components.organisations.labels import canonical_label
from ingest.components.organisations.merging import MentionMerging
from ingest.components.organisations.records import Found
from ingest.components.organisations.selection import CandidateSelection
from ingest.components.organisations.shared_heads import SharedHeads
from ingest.components.organisations.words import (
    ADJ_ENDINGS,
    COMPLEMENT_PREPS,
    CONNECTORS_BY_LANG,
    HOME_COUNTRY,
    NAME_CONNECTORS,
    ORG_SPANS,
    VERB_LEMMA,
)
from ingest.components.orgdata import (
    Authority,
    HeadWord,
    authorities,
    cities,
    folded,
    head_table,
    suffix_lookup,
)
from ingest.components.sentences import doc_text, token_strings
from ingest.components.vocabulary import CONCEPT_SPANS, lemma_key, norm_doc
from ingest.documents import OrganisationMention, Span

if not Doc.has_extension("praxis_organisations"):
    Doc.set_extension("praxis_organisations", default=None)


class OrganisationRecogniser(
    NameGrowth,
    CandidateSources,
    CuedNames,
    SharedHeads,
    ActorTyping,
    CandidateSelection,
    MentionMerging,
    AcronymResolution,
):
    """``praxis_organisations``: candidates → selection → merged organisations → acronym and
    domain mentions → typing → :class:`OrganisationMention` list and ``praxis_orgs`` spans."""

    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang
        self.nlp = nlp
        self._head_doc: Doc | None = None
        self._head_cache: dict[int, HeadWord | None] = {}
        self._texts: list[str] = []
        self._norms: list[str] = []
        self._arrays_doc: Doc | None = None
        self._idx_doc: Doc | None = None
        self._idx: list[int] = []
        self._may_head: dict[int, bool] = {}
        self._could_head_cache: dict[str, bool] = {}  # per word, across documents
        self.connectors = CONNECTORS_BY_LANG.get(self.lang, NAME_CONNECTORS)
        self.heads = head_table(self.lang)
        widths: dict[str, set[int]] = {}
        for key in self.heads.exact:
            widths.setdefault(key[0], set()).add(len(key))
        self._widths = {word: tuple(sorted(w)) for word, w in widths.items()}
        self.suffixes = suffix_lookup(self.lang)
        self.preps = (
            COMPLEMENT_PREPS.get(self.lang, set())
            | COMPLEMENT_PREPS["en"]
            | ({"der", "des", "für"} if self.lang != "de" else set())
            | foreign_preps(self.lang)
        )
        self.adj_endings = ADJ_ENDINGS.get(self.lang, ())
        self.verb_lemma = VERB_LEMMA.get(self.lang)
        self.label_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        # one-word names are matched as written: a lemmatiser may read "Unio" (a union)
        # as the vocative of Polish "unia"
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.authority_by_id: dict[str, Authority] = {}
        self.label_authority: dict[str, Authority] = {}
        for auth in authorities().values():
            ident = auth.iri.rsplit("/", 1)[-1]
            self.authority_by_id[ident] = auth
            patterns = []
            words = []
            for label in sorted({*auth.labels.values(), *auth.alt_labels}):
                norms = lemma_key(label, self.lang, nlp)
                if len(norms) == 1 and len(label) >= 4:
                    if not self._generic_compound(label):
                        self.label_authority.setdefault(norms[0], auth)
                        words.append(nlp.make_doc(label.lower()))
                elif len(norms) > 1:
                    patterns.append(norm_doc(nlp, norms))
                    self.label_authority.setdefault(" ".join(norms), auth)
            if patterns:
                self.label_matcher.add(ident, patterns)
            if words:
                self.word_matcher.add(ident, words)
            acronyms = [nlp.make_doc(a) for a in auth.acronyms if len(a) >= 2]
            if acronyms:
                self.acronym_matcher.add(ident, acronyms)

    def _generic_compound(self, word: str) -> bool:
        """ "Justizministerium", "Innenministerium": a kind of body, not one body's name."""
        fold_word = folded(word)
        regex = self.heads.suffix_re
        m = regex.search(fold_word) if regex is not None else None
        return bool(m) and self.suffixes[m.group(0)].actor_type == "ministry"

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        from ingest.components.countries import COUNTRY_SPANS, ORIGIN_SPANS

        self._texts = token_strings(doc)
        self._norms = token_strings(doc, NORM)
        self._arrays_doc = doc
        self._line_cache: dict[tuple[str, int], bool] = {}
        country_spans = list(doc.spans.get(COUNTRY_SPANS, []))
        home = {s.label_ for s in country_spans}
        if self.lang in HOME_COUNTRY:
            home.add(HOME_COUNTRY[self.lang])
        self._doc_acronyms: dict[str, str] = {}
        # countries only: a city ("Trebnje", "České Budějovice") tells one body from another
        city_map = cities()
        country_spans = [
            s
            for s in country_spans
            if folded(s.text) not in city_map and (len(s) > 1 or s[0].norm_ not in city_map)
        ]
        country_spans += list(doc.spans.get(ORIGIN_SPANS, []))  # "delavec iz Srbije"
        country_starts = {s.start for s in country_spans}
        self._country_tokens = {k for s in country_spans for k in range(s.start, s.end)}
        for s in country_spans:
            if s.start > 0 and doc[s.start - 1].text == "(":
                country_starts.add(s.start - 1)
        candidates = (
            self.head_candidates(doc)
            + self.legal_candidates(doc)
            + self.authority_candidates(doc, home)
            + self.list_candidates(doc, country_starts)
            + self.acronym_definition_candidates(doc)
            + self.classifier_candidates(doc)
            + self.cued_candidates(doc)
            + self.brand_country_candidates(doc)
        )
        shared = self.shared_head_candidates(doc)
        if shared:  # one organisation per name: no candidate spans the enumeration
            covered = {k for c in shared for k in range(c.start, c.end)}
            candidates = [
                c
                for c in candidates
                if c.source == "authority" or not any(k in covered for k in range(c.start, c.end))
            ] + shared
        concepts = list(doc.spans.get(CONCEPT_SPANS, []))  # a SpanGroup builds Spans per pass
        concept_spans = [(s.start, s.end) for s in concepts if s.label_.startswith("funder/")]
        candidates = self.split_at_list_items(doc, candidates)
        chosen = self.select(doc, candidates, concept_spans)
        chosen = self.join_dashed(doc, chosen)
        chosen = self.join_branches(doc, chosen)
        found = self.merge(doc, chosen)
        self.resolve_acronyms(doc, found, home)
        self.retype_by_acronyms(doc, found)
        self.domain_names(doc, found)
        mentions = [self.to_mention(doc, f) for f in found]
        mentions = [m for m in mentions if m is not None]
        doc._.praxis_organisations = mentions
        spans = []
        for f in found:
            for s, e in f.mentions:
                spans.append(SpacySpan(doc, s, e, label=f.actor_type or "ngo"))
        doc.spans[ORG_SPANS] = spans
        # words inside a name are the name's, not the project's: "Ministerstwo Rodziny"
        # has no family target group, "Instytut Praw Migrantów" is typed by its own head
        inside = {k for s in spans for k in range(s.start, s.end)}
        doc.spans[CONCEPT_SPANS] = [
            s
            for s in concepts
            if s.label_.startswith("funder/") or not all(k in inside for k in range(s.start, s.end))
        ]
        return doc

    # ---------------------------------------------------------------- output
    def canonical(self, doc: Doc, start: int, end: int) -> str:
        return canonical_label(doc[start:end], self.lang, self.head_at)

    def to_mention(self, doc: Doc, f: Found) -> OrganisationMention | None:
        mentions = sorted(set(f.mentions))
        named = [m for m in mentions if m[1] - m[0] > 1 or not doc[m[0]].is_upper]
        if (
            not named
            and f.authority is None
            and f.source
            not in {
                "legal",
                "list",
                "domain",
                "classifier",
                "cued",
            }
        ):
            # an acronym alone, never spelt out or defined: not enough to name a body
            if not f.acronym:
                return None
        if f.authority is not None:
            label = f.authority.label(self.lang)
            if self.lang not in f.authority.labels:
                # keep the text's own nominative form when the file has no label in this language
                first = named[0] if named else mentions[0]
                label = self.canonical(doc, *first) if named else label
        elif f.label is not None:
            label = f.label
        else:
            best = max(
                named or mentions, key=lambda m: (self._nominative_score(doc, m), m[1] - m[0])
            )
            label = self.canonical(doc, *best)
        spans = [self._span(doc, s, e) for s, e in mentions]
        extra = list(f.extra_surfaces)
        for s, e in mentions:
            cut = self._before_location(doc, s, e)
            if cut < e and cut - s >= 2 and f.label is None:
                extra.append((s, cut))  # "… Centre EDUKOS" of "… Centre EDUKOS in Dolný Kubín"
        for s, e in extra:
            if e > s:
                spans.append(self._span(doc, s, e))
        confidence = 0.9 if f.authority else 0.7 if f.source in {"head", "legal"} else 0.6
        return OrganisationMention(
            domain=f.domain,
            label=label,
            actor_type=f.actor_type,
            spans=spans,
            acronym=f.acronym,
            country=f.country,
            parent=f.parent,
            confidence=confidence,
        )

    def _span(self, doc: Doc, s: int, e: int) -> Span:
        """The evidence span of tokens ``s:e`` (character offsets from the token arrays)."""
        if self._idx_doc is not doc:
            self._idx_doc = doc
            self._idx = doc.to_array(IDX).tolist()
        start = self._idx[s]
        end = self._idx[e - 1] + len(self._texts[e - 1])
        return Span(start, end, doc_text(doc)[start:end])

    def _nominative_score(self, doc: Doc, m: tuple[int, int]) -> int:
        s, e = m
        for k in range(s, e):
            hw = self.head_at(doc, k)
            if hw is not None and hw.cls != "M":
                t = doc[k]
                return 2 if folded(t.text) == t.norm_ else 0
        return 1
