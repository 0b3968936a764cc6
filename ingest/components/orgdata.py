"""Data behind organisation recognition: head nouns, legal forms, the authority file, cities.

Everything here is read once per process (``functools.cache``) from ``ingest/data/*.tsv``
and ``ontology/authorities.ttl``; the recogniser in ``organisations.py`` only looks up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ingest.normalise import fold

HEAD_CLASSES = {"H", "HM", "G", "W", "U", "M"}


@dataclass(frozen=True)
class HeadWord:
    """One institutional word: ``width`` tokens, the actor type it gives, its class."""

    width: int
    actor_type: str
    cls: str


@dataclass
class HeadTable:
    exact: dict[tuple[str, ...], HeadWord] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    prefixes: list[tuple[str, HeadWord]] = field(default_factory=list)
    suffixes: list[tuple[str, HeadWord]] = field(default_factory=list)
    suffix_re: re.Pattern[str] | None = None
    max_width: int = 1


def _pl_adjective_lemmas(word: str, lang: str) -> set[str]:
    """Masculine lemmas of a Polish feminine adjective written without its diacritics
    (keys are folded: morfeusz cannot read "pozarna", the text's "Pożarnej" is "pozarny")."""
    from ingest.lemmatize import lemmatize

    if lang != "pl" or not word.endswith("a") or lemmatize(word, lang) != word:
        return set()
    return {word[:-1] + "y", word[:-1] + "i"}


@cache
def head_table(lang: str = "") -> HeadTable:
    """The table of ``ingest/data/org_heads.tsv`` for a document language (see its header),
    then ``org_heads_foreign.tsv`` (heads of names in a third language)."""
    text = "\n".join(
        resources.files("ingest").joinpath(f"data/{name}").read_text("utf-8")
        for name in ("org_heads.tsv", "org_heads_foreign.tsv")
    )
    table = HeadTable()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        key, actor_type = parts[0].strip(), parts[1].strip()
        cls = parts[2].strip() if len(parts) > 2 else "H"
        langs = parts[3].split() if len(parts) > 3 else []
        if langs and lang and lang not in langs:
            continue
        if cls not in HEAD_CLASSES:
            raise ValueError(f"org_heads.tsv: unknown class {cls!r} for {key!r}")
        if key.startswith("~"):
            word = fold(key[1:])
            table.suffixes.append((word, HeadWord(1, actor_type, cls)))
        elif key.endswith("*"):
            table.prefixes.append((fold(key[:-1]), HeadWord(1, actor_type, cls)))
        else:
            words = tuple(fold(key).split())
            variants = {words}
            if lang:
                # as the document's lemmatiser may read them ("urzad miasta" → "urzad miasto");
                # every mix of surface and lemma, since a word alone can lemmatise otherwise
                # ("postaja" → the verb "postajati") than in a name ("postajo" → "postaja")
                from itertools import product

                from ingest.lemmatize import lemmatize

                several = len(words) > 1  # an adjective of a name ("straz pozarna")
                options = [
                    {
                        fold(w),
                        fold(lemmatize(w, lang)) or fold(w),
                        *(_pl_adjective_lemmas(w, lang) if several else ()),
                    }
                    for w in key.split()
                ]
                variants.update(product(*(sorted(o) for o in options)))
            for variant in sorted(variants):
                table.exact.setdefault(variant, HeadWord(len(variant), actor_type, cls))
                table.first_words.add(variant[0])
            table.max_width = max(table.max_width, len(words))
    table.suffixes.sort(key=lambda item: -len(item[0]))
    if table.suffixes:
        alternatives = "|".join(re.escape(s) for s, _ in table.suffixes)
        table.suffix_re = re.compile(f"(?:{alternatives})$")
    return table


@cache
def suffix_lookup(lang: str = "") -> dict[str, HeadWord]:
    return {s: hw for s, hw in head_table(lang).suffixes}


# Legal forms as token sequences (after tokenisation), and the type each implies.
LEGAL_FORMS: list[tuple[tuple[str, ...], str]] = [
    (("z.", "s."), "ngo"),
    (("z.s.",), "ngo"),
    (("z.", "ú."), "ngo"),
    (("z.ú.",), "ngo"),
    (("o.", "p.", "s."), "ngo"),
    (("o.p.s.",), "ngo"),
    (("o.", "s."), "ngo"),
    (("o.s.",), "ngo"),
    (("o.", "z."), "ngo"),
    (("o.z.",), "ngo"),
    (("n.", "o."), "ngo"),
    (("n.o.",), "ngo"),
    (("e.", "V."), "ngo"),
    (("e.V.",), "ngo"),
    (("gGmbH",), "ngo"),
    (("gemeinnützige", "GmbH"), "ngo"),
    (("so.p.",), "ngo"),
    (("s.", "r.", "o."), "employer"),
    (("s.r.o.",), "employer"),
    (("spol.", "s", "r.", "o."), "employer"),
    (("a.", "s."), "employer"),
    (("a.s.",), "employer"),
    (("Sp.", "z", "o.o."), "employer"),
    (("sp.", "z", "o.o."), "employer"),
    (("Sp.", "z", "o.", "o."), "employer"),
    (("d.", "o.", "o."), "employer"),
    (("d.o.o.",), "employer"),
    (("d.d.",), "employer"),
    (("GmbH",), "employer"),
    (("AG",), "employer"),
    (("KG",), "employer"),
    (("Ltd",), "employer"),
    (("Ltd.",), "employer"),
    (("Inc.",), "employer"),
    (("Kft.",), "employer"),
    (("Zrt.",), "employer"),
    (("AS",), "employer"),
    (("ASA",), "employer"),
]
LEGAL_FIRST = {form[0] for form, _ in LEGAL_FORMS}


@dataclass(frozen=True)
class Authority:
    """A curated body from ``ontology/authorities.ttl``."""

    iri: str
    labels: dict[str, str]  # prefLabel per language
    alt_labels: tuple[str, ...]
    acronyms: tuple[str, ...]
    actor_type: str | None
    country: str | None
    parent: str | None

    def label(self, lang: str) -> str:
        return (
            self.labels.get(lang)
            or self.labels.get("en")
            or next(iter(self.labels.values()), self.iri.rsplit("/", 1)[-1])
        )


#: bodies whose mention is a funding context ("co-financed by the European Union"), not a
#: participating organisation: matched (so no other rule takes the words) but not reported
SKIPPED_AUTHORITIES = {"eu-european-union"}
#: bodies that are skipped only where they give the money or disclaim the content
FUNDING_BODIES = {"eu-european-commission", "eu-eacea"}


@cache
def authorities() -> dict[str, Authority]:
    """All curated bodies, by IRI (empty when the authority file is absent)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF

    from ontology import ontology_graph
    from ontology.namespaces import ORG, PG, SKOS

    g = ontology_graph()
    out: dict[str, Authority] = {}
    for subject in sorted(set(g.subjects(RDF.type, URIRef(str(PG.Organisation))))):
        iri = str(subject)
        labels = {
            (lit.language or "en"): str(lit)
            for lit in g.objects(subject, URIRef(str(SKOS.prefLabel)))
            if isinstance(lit, Literal)
        }
        alts = tuple(str(lit) for lit in g.objects(subject, URIRef(str(SKOS.altLabel))))
        acronyms = tuple(str(lit) for lit in g.objects(subject, URIRef(str(PG.acronym))))
        types = [str(o).rsplit("/", 1)[-1] for o in g.objects(subject, URIRef(str(PG.actorType)))]
        countries = [str(o) for o in g.objects(subject, URIRef(str(PG.country)))]
        parents = [str(o) for o in g.objects(subject, URIRef(str(ORG.subOrganizationOf)))]
        out[iri] = Authority(
            iri,
            labels,
            alts,
            acronyms,
            types[0] if types else None,
            countries[0] if countries else None,
            parents[0] if parents else None,
        )
    return out


@cache
def cities() -> dict[str, str]:
    """``{folded city name or lemma: ISO country}`` from ``ingest/data/cities.tsv``."""
    text = resources.files("ingest").joinpath("data/cities.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t", 1)
        for form in forms.split("|"):
            if form.strip():
                out[fold(form)] = code.strip()
    return out


@lru_cache(maxsize=200_000)
def folded(text: str) -> str:
    return fold(text)
