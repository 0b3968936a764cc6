"""The praxisgraph schema as data: OWL ontology, SKOS vocabularies, SHACL shapes.

>>> concept("funder", "erasmus-plus").iri
'https://w3id.org/praxisgraph/vocab/funder/erasmus-plus'
>>> concept("actor-type", "police").label("de")
'Polizei'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ontology.namespaces import PG, SCHEMES, SKOS, VOCAB

LANGUAGES = ("en", "cs", "pl", "de", "sk", "sl")
ROLES = ("coordinator", "partner", "funder", "donor-partner", "associated", "mentioned")
#: strongest first: a document's organisation gets the strongest role it was seen in.
ROLE_STRENGTH = {role: rank for rank, role in enumerate(ROLES)}


@dataclass(frozen=True)
class Concept:
    scheme: str
    notation: str
    iri: str
    pref_labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    alt_labels: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    broader: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.pref_labels.get(lang) or self.pref_labels.get("en") or self.notation

    def all_labels(self, lang: str | None = None) -> list[str]:
        """prefLabel, altLabels and hiddenLabels (all languages when ``lang`` is None)."""
        langs = [lang] if lang else sorted(set(self.pref_labels) | set(self.alt_labels))
        out: list[str] = []
        for code in langs:
            if code in self.pref_labels:
                out.append(self.pref_labels[code])
            out.extend(self.alt_labels.get(code, ()))
        return out


def ontology_dir() -> Path:
    return Path(str(resources.files("ontology")))


def concept_iri(scheme: str, notation: str) -> str:
    if scheme not in SCHEMES:
        raise KeyError(f"unknown concept scheme {scheme!r}")
    return str(VOCAB[f"{scheme}/{notation}"])


def split_concept_iri(iri: str) -> tuple[str, str]:
    """``(scheme, notation)`` of a concept IRI.

    >>> split_concept_iri("https://w3id.org/praxisgraph/vocab/target-group/prisoners")
    ('target-group', 'prisoners')
    """
    rest = iri.removeprefix(str(VOCAB))
    scheme, _, notation = rest.partition("/")
    if rest == iri or scheme not in SCHEMES or not notation:
        raise ValueError(f"not a praxisgraph concept IRI: {iri}")
    return scheme, notation


@cache
def vocabulary_graph() -> Graph:
    g = Graph()
    for scheme in SCHEMES:
        g.parse(ontology_dir() / "vocab" / f"{scheme}.ttl", format="turtle")
    return g


@cache
def vocabulary() -> dict[str, dict[str, Concept]]:
    """All concepts, ``{scheme: {notation: Concept}}``, read from ``vocab/*.ttl``."""
    g = vocabulary_graph()
    out: dict[str, dict[str, Concept]] = {s: {} for s in SCHEMES}
    for iri in sorted(set(g.subjects(SKOS.notation, None))):
        try:
            scheme, notation = split_concept_iri(str(iri))
        except ValueError:
            continue  # the scheme resources themselves
        pref: dict[str, str] = {}
        alt: dict[str, list[str]] = {}
        for lit in g.objects(iri, SKOS.prefLabel):
            if isinstance(lit, Literal) and lit.language:
                pref[lit.language] = str(lit)
        for prop in (SKOS.altLabel, SKOS.hiddenLabel):
            for lit in g.objects(iri, prop):
                if isinstance(lit, Literal):
                    alt.setdefault(lit.language or "en", []).append(str(lit))
        broader = tuple(sorted(split_concept_iri(str(b))[1] for b in g.objects(iri, SKOS.broader)))
        out[scheme][notation] = Concept(
            scheme, notation, str(iri), pref, {k: tuple(sorted(v)) for k, v in alt.items()}, broader
        )
    return out


def concept(scheme: str, notation: str) -> Concept:
    try:
        return vocabulary()[scheme][notation]
    except KeyError:
        raise KeyError(f"no concept {notation!r} in scheme {scheme!r}") from None


def concepts(scheme: str) -> list[Concept]:
    return list(vocabulary()[scheme].values())


def concept_label(iri: str, lang: str = "en") -> str:
    """Human label of a concept IRI (falls back to the notation)."""
    scheme, notation = split_concept_iri(iri)
    found = vocabulary()[scheme].get(notation)
    return found.label(lang) if found else notation


@cache
def ontology_graph() -> Graph:
    """praxis.ttl + vocabularies + authority file + theme profiles, for SHACL and tools."""
    g = Graph()
    g.parse(ontology_dir() / "praxis.ttl", format="turtle")
    g += vocabulary_graph()
    for extra in ("authorities.ttl", "themes.ttl"):
        path = ontology_dir() / extra
        if path.exists():
            g.parse(path, format="turtle")
    return g


@cache
def shapes_graph() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def role_iri(role: str) -> URIRef:
    """The role individual (``pg:coordinator`` …) for a role name."""
    names = {
        "coordinator": PG.coordinator,
        "partner": PG.partner,
        "funder": PG.funderRole,
        "donor-partner": PG.donorPartner,
        "associated": PG.associated,
        "mentioned": PG.mentioned,
    }
    return names[role]


def role_name(iri: str) -> str:
    for name in ROLES:
        if str(role_iri(name)) == iri:
            return name
    raise ValueError(f"not a role: {iri}")
