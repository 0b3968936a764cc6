"""Helpers shared by several test modules: SHACL validation, generated PDFs, canonical dumps."""

from __future__ import annotations

import io

from pyoxigraph import RdfFormat

from graph.store import GraphStore
from ontology import ontology_graph, shapes_graph


def shacl_report(store: GraphStore) -> tuple[bool, str]:
    """Validate every named graph of ``store`` (merged) against the project shapes."""
    import pyshacl
    from rdflib import Dataset, Graph

    buf = io.BytesIO()
    store.dump(buf, RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=buf.getvalue(), format="nquads")
    data = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, _graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
    )
    return bool(conforms), str(text)


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, WinAnsi), built by hand."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({esc(x)}) '" for x in lines) + " ET"
    stream = content.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def canonical_nquads(store: GraphStore) -> list[str]:
    """The store's quads, blank nodes canonicalised, as sorted N-Quads lines.

    The meta graph (bookkeeping: the store version stamp, which changes on every write by
    design, and the hash of the loaded ontology) is left out; the ontology graph is kept.
    """
    from pyoxigraph import CanonicalizationAlgorithm, Dataset, parse

    from graph.store import META_GRAPH

    buf = io.BytesIO()
    store.dump(buf, RdfFormat.N_QUADS)
    quads = parse(buf.getvalue(), RdfFormat.N_QUADS)
    dataset = Dataset(q for q in quads if q.graph_name != META_GRAPH)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in dataset)


def doc_graph_counts(store: GraphStore) -> dict[str, int]:
    """Quads per document graph (``…/graph/doc/<id>``)."""
    rows = store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(CONTAINS(STR(?g), '/graph/doc/')) } GROUP BY ?g"
    )
    return {r["g"].value: int(r["n"].value) for r in rows}
