"""``praxis_organisations``: organisation mentions (baseline recogniser).

Candidates are capitalised token runs (with connectors such as "a", "und", "of") that
contain an institutional head noun (``ingest/data/org_heads.tsv``) or a legal form, plus
the lower-case genitive complement that follows a head in Slavic names ("Ministerstvo
vnitra", "Odbor prevence kriminality"). Acronyms defined as ``Name (ACR)`` are linked to
their name and resolved later in the text. Spans go to ``doc.spans["praxis_orgs"]``,
labelled with the actor type.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

ORG_SPANS = "praxis_orgs"
ACRONYM_SPANS = "praxis_acronyms"

CONNECTORS = {
    "a",
    "i",
    "und",
    "fur",
    "der",
    "des",
    "die",
    "v",
    "ve",
    "w",
    "we",
    "na",
    "pro",
    "za",
    "of",
    "the",
    "and",
    "for",
    "in",
    "pri",
    "pre",
    "z",
    "ze",
    "zur",
    "zum",
    "do",
    "dla",
    "im",
    "am",
    "&",
    "-",
    "pod",
    "s",
    "vo",
}
STOP_LOWER = {
    "je",
    "jsou",
    "byl",
    "byla",
    "bylo",
    "se",
    "si",
    "ktery",
    "ktera",
    "ktere",
    "ze",
    "jak",
    "jest",
    "sa",
    "sie",
    "ktory",
    "ktora",
    "oraz",
    "ist",
    "sind",
    "wird",
    "werden",
    "hat",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "with",
    "that",
    "which",
    "in",
    "on",
    "at",
    "by",
    "to",
    "from",
    "as",
    "so",
    "ki",
    "pri",
    "bude",
    "budou",
    "bedzie",
    "tak",
    "jako",
    "als",
    "auch",
    "i",
    "a",
    "und",
    "or",
    "nebo",
    "albo",
    "lub",
    "ali",
    "alebo",
    "v",
    "w",
    "na",
    "do",
    "od",
    "po",
    "o",
    "z",
    "s",
    "k",
    "ku",
    "u",
    "the",
    "and",
    "of",
    "for",
    "dne",
    "roku",
    "rok",
    "let",
    "lat",
    "jahr",
    "leta",
    "year",
    "projekt",
    "project",
    "projektu",
    "program",
    "programu",
    "cilem",
    "celem",
    "ziel",
}
LEGAL_FORM = re.compile(
    r"^(z\.\s?s\.|o\.\s?p\.\s?s\.|z\.\s?ú\.|o\.\s?s\.|s\.\s?r\.\s?o\.|a\.\s?s\.|e\.\s?V\.|"
    r"gGmbH|GmbH|AG|Sp\.|d\.\s?o\.\s?o\.|d\.\s?d\.|n\.\s?o\.|gemeinnützige|Ltd\.?|Inc\.?)$"
)
MAX_LOWER_COMPLEMENT = 4


@cache
def head_types() -> dict[tuple[str, ...], str]:
    """``{folded lemma tuple: actor type}`` from ``ingest/data/org_heads.tsv``."""
    text = resources.files("ingest").joinpath("data/org_heads.tsv").read_text("utf-8")
    out: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, actor_type = line.split("\t")[:2]
        out[tuple(lemma.split())] = actor_type.strip()
    return out


def _is_cap(token) -> bool:  # type: ignore[no-untyped-def]
    text = token.text
    return bool(text[:1].isupper()) and any(ch.isalpha() for ch in text)


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (
        2 <= len(letters) <= 10
        and sum(ch.isupper() for ch in letters) >= 2
        and sum(ch.isupper() for ch in letters) >= len(letters) - 2
        and len(text) <= 12
    )


def find_head(tokens: list) -> tuple[int, str] | None:  # type: ignore[type-arg]
    """Index and actor type of the first institutional head in a token run."""
    heads = head_types()
    norms = [t.norm_ for t in tokens]
    for i in range(len(tokens)):
        for width in (3, 2, 1):
            key = tuple(norms[i : i + width])
            if len(key) == width and key in heads:
                return i, heads[key]
    return None


class OrganisationRecogniser:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang

    def candidates(self, doc: Doc) -> list[Span]:
        out: list[Span] = []
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if not _is_cap(tok) or tok.is_punct:
                i += 1
                continue
            j = i + 1
            while j < n:
                t = doc[j]
                if t.text == "\n" or "\n" in t.text:
                    break
                if _is_cap(t) or LEGAL_FORM.match(t.text):
                    j += 1
                elif (
                    t.norm_ in CONNECTORS
                    and j + 1 < n
                    and _is_cap(doc[j + 1])
                    and "\n" not in doc[j + 1].text
                ):
                    j += 2
                else:
                    break
            run = list(doc[i:j])
            head = find_head(run)
            # Slavic names: head noun + lower-case genitive complement ("Ministerstvo vnitra")
            if (
                head is not None
                and head[0] == len(run) - 1
                and self.lang in {"cs", "sk", "pl", "sl"}
            ):
                k = j
                while k < n and k - j < MAX_LOWER_COMPLEMENT:
                    t = doc[k]
                    if (
                        not t.is_alpha
                        or t.is_upper
                        or _is_cap(t)
                        or t.norm_ in STOP_LOWER
                        or len(t.text) < 3
                    ):
                        break
                    k += 1
                # then an optional capitalised tail ("… Ministerstva vnitra ČR")
                while k < n and (_is_cap(doc[k]) and k > j) and "\n" not in doc[k].text:
                    k += 1
                j = k
            span = doc[i:j]
            legal = any(LEGAL_FORM.match(t.text) for t in span)
            if head is not None or legal:
                out.append(span)
            i = max(j, i + 1)
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for span in self.candidates(doc):
            head = find_head(list(span))
            label = head[1] if head else ("employer" if "GmbH" in span.text else "ngo")
            # strip trailing connectors / punctuation
            end = span.end
            while end > span.start + 1 and (
                doc[end - 1].norm_ in CONNECTORS or doc[end - 1].is_punct
            ):
                end -= 1
            spans.append(Span(doc, span.start, end, label=label))
        spans = filter_spans(spans)
        acronyms = self.acronym_definitions(doc, spans)
        doc.spans[ORG_SPANS] = spans
        doc.spans[ACRONYM_SPANS] = acronyms
        return doc

    def acronym_definitions(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``Name (ACR)``: an acronym span right after an organisation, labelled by its start."""
        out: list[Span] = []
        for span in spans:
            k = span.end
            if (
                k + 2 < len(doc)
                and doc[k].text == "("
                and _is_acronym(doc[k + 1].text)
                and doc[k + 2].text == ")"
            ):
                out.append(Span(doc, k + 1, k + 2, label=str(span.start)))
        return out


@Language.factory(
    "praxis_organisations",
    requires=["token.norm"],
    assigns=["doc.spans"],
)
def make_organisations(nlp: Language, name: str) -> OrganisationRecogniser:
    return OrganisationRecogniser(nlp)
