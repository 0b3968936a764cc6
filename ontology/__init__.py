"""The praxisgraph schema as data: OWL ontology, SKOS vocabularies, SHACL shapes.

>>> concept("funder", "erasmus-plus").iri
'https://w3id.org/praxisgraph/vocab/funder/erasmus-plus'
>>> concept("actor-type", "police").label("de")
'Polizei'
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

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


#: first bytes of the cached concepts and ontology graph (bump when their layout changes)
_CACHE_MAGIC = b"PGONT1\n"


def sources_digest() -> str:
    """SHA-256 (hex) of every ontology Turtle file with its path: what the ontology graph and
    the vocabulary are built from (the store's ontology marker, the caches' keys)."""
    root = ontology_dir()
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.ttl")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def _cache_key() -> str:
    """Hash of every ontology file, this code and the versions that shape what is cached."""
    import rdflib

    from ontology import namespaces

    key = hashlib.sha256(_CACHE_MAGIC)
    key.update(f"rdflib {rdflib.__version__} {sys.version} marshal {marshal.version}".encode())
    key.update(sources_digest().encode())
    for module in (__file__, namespaces.__file__):
        key.update(Path(module).read_bytes())
    return key.hexdigest()[:32]


def _cached(part: str, build: Callable[[], Any]) -> Any:
    """``build()``'s marshal-able result, kept under ``$PRAXIS_CACHE/vocabulary/`` by
    :func:`_cache_key` (rdflib parses the Turtle files in about half a second, at every
    start of every process that reads the vocabulary). ``build`` returning None: not kept."""
    from ingest.cache import cache_dir, seal, unseal, write_atomically

    try:
        path: Path | None = cache_dir() / "vocabulary" / f"{part}-{_cache_key()}.marshal"
    except OSError:
        path = None
    if path is not None:
        try:
            payload = unseal(path.read_bytes(), _CACHE_MAGIC)
            if payload is not None:
                return marshal.loads(payload)
        except (OSError, EOFError, ValueError, TypeError):
            pass
    data = build()
    if path is not None and data is not None:
        write_atomically(path, seal(marshal.dumps(data), _CACHE_MAGIC))
    return data


@cache
def vocabulary() -> dict[str, dict[str, Concept]]:
    """All concepts, ``{scheme: {notation: Concept}}``, read from ``vocab/*.ttl`` (through
    a cache, see :func:`_cached`)."""

    def build() -> dict[str, dict[str, tuple[Any, ...]]]:
        return {
            scheme: {
                n: (c.iri, c.pref_labels, c.alt_labels, c.broader) for n, c in concepts.items()
            }
            for scheme, concepts in _vocabulary_from_graph().items()
        }

    return {
        scheme: {
            notation: Concept(scheme, notation, iri, pref, alt, broader)
            for notation, (iri, pref, alt, broader) in concepts.items()
        }
        for scheme, concepts in _cached("concepts", build).items()
    }


def _vocabulary_from_graph() -> dict[str, dict[str, Concept]]:
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
    """praxis.ttl + vocabularies + authority file + theme profiles, for SHACL and tools
    (through a cache, see :func:`_cached`: rebuilt in the parsed graph's triple order)."""
    data = _cached("graph", lambda: _encode_graph(_ontology_graph_parsed()))
    return _decode_graph(data) if data is not None else _ontology_graph_parsed()


def _encode_graph(g: Graph) -> tuple[list[tuple[str, str]], list[tuple[Any, ...]]] | None:
    """``(namespaces, triples)`` of a graph, the triples in the order of its subject →
    predicate → object index (the order ``g.objects(s, p)`` gives), terms as tuples; None
    when that index cannot be read (another rdflib store)."""
    spo = getattr(g.store, "_Memory__spo", None)
    if not isinstance(spo, dict):
        return None

    def term(node: Any) -> tuple[Any, ...]:
        if isinstance(node, Literal):
            datatype = str(node.datatype) if node.datatype is not None else None
            return ("l", str(node), node.language, datatype)
        return ("b" if isinstance(node, BNode) else "u", str(node))

    triples = [
        (term(s), term(p), term(o)) for s, po in spo.items() for p, objs in po.items() for o in objs
    ]
    namespaces = [(prefix, str(ns)) for prefix, ns in g.namespaces()]
    return namespaces, triples


def _decode_graph(data: tuple[list[tuple[str, str]], list[tuple[Any, ...]]]) -> Graph:
    namespaces, triples = data
    nodes: dict[tuple[Any, ...], Any] = {}

    def node(term: tuple[Any, ...]) -> Any:
        found = nodes.get(term)
        if found is None:
            if term[0] == "l":
                datatype = URIRef(term[3]) if term[3] is not None else None
                found = Literal(term[1], lang=term[2], datatype=datatype)
            else:
                found = (BNode if term[0] == "b" else URIRef)(term[1])
            nodes[term] = found
        return found

    g = Graph()
    for prefix, ns in namespaces:
        g.bind(prefix, URIRef(ns), override=True)
    add = g.add
    for s, p, o in triples:
        add((node(s), node(p), node(o)))
    return g


def _ontology_graph_parsed() -> Graph:
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
