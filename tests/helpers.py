"""Helpers shared by several test modules: SHACL validation, generated PDFs, canonical dumps."""

from __future__ import annotations

import io
from pathlib import Path

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


# ---------------------------------------------------------------- XSS probe store
XSS_ORG = "Stowarzyszenie <img src=x onerror=alert(1)>"
XSS_ORG_2 = "Nadácia [klik](javascript:alert(2)) <svg onload=alert(3)>"
XSS_TITLE = 'Projekt <script>alert(4)</script> "><img src=x onerror=alert(5)>'
XSS_URL = "javascript:alert(6)"
# raw markup that must never reach a page unescaped
XSS_MARKERS = ("<img src=x", "<script>alert", "<svg onload", "onerror=alert", "javascript:alert")
XSS_TEXT = (
    f"{XSS_TITLE}\n\n"
    f"{XSS_ORG} koordynuje projekt dla osadzonych kobiet w Polsce. Partnerem jest "
    f"{XSS_ORG_2} oraz Fundacja Sławek. Strona projektu: {XSS_URL} "
    '[kliknij](javascript:alert(7)) <a href="javascript:alert(8)">link</a>. '
    "Projekt finansuje program Erasmus+ i Służba Więzienna."
)


def build_xss_store(path: Path) -> dict[str, str]:
    """A real store with hostile names: probe files ingested by the real pipeline, and one
    document whose extraction is given hostile organisation labels and title, mapped by the
    real RDF code. Returns the IRIs of the hostile project and organisations."""
    from graph.resolve import resolve_extraction
    from graph.store import open_store
    from ingest.documents import OrganisationMention, Span
    from ingest.pipeline import analyse, ensure_ontology, ingest_paths
    from ingest.rdf import doc_graph, extraction_quads, project_iri_of
    from ingest.readers import read_file

    folder = path.parent / "xss-docs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "probe.md").write_text("# " + XSS_TEXT, encoding="utf-8")
    (folder / "probe <img src=x onerror=alert(9)>.txt").write_text(XSS_TEXT, encoding="utf-8")
    (folder / "probe.html").write_text(
        "<html><head><title>&lt;script&gt;alert(10)&lt;/script&gt; Projekt</title></head>"
        f"<body><article><h1>{XSS_TITLE.replace('<', '&lt;')}</h1>"
        f"<p>{XSS_TEXT.replace('<', '&lt;')}</p></article></body></html>",
        encoding="utf-8",
    )
    store = open_store(path)
    ingest_paths([folder], store, progress=False)

    hand = folder / "hand-built.txt"
    hand.write_text(XSS_TEXT, encoding="utf-8")
    document = read_file(hand)
    extraction = analyse(document)
    extraction.title = XSS_TITLE
    text = document.text
    mentions = []
    for label, role in ((XSS_ORG, "coordinator"), (XSS_ORG_2, "partner")):
        start = text.index(label)
        mentions.append(
            OrganisationMention(
                label=label,
                actor_type="ngo",
                spans=[Span(start, start + len(label), label)],
                role=role,
                country="PL",
            )
        )
    extraction.organisations = mentions + [
        o for o in extraction.organisations if o.label not in (XSS_ORG, XSS_ORG_2)
    ]
    resolve_extraction(extraction, store)
    ensure_ontology(store)
    store.replace_graphs({doc_graph(document.doc_id): extraction_quads(extraction)})
    from graph.resolve import organisation_iri

    iris = {
        "project": project_iri_of(extraction).value,
        "org": organisation_iri(extraction.organisations[0]),
        "org2": organisation_iri(extraction.organisations[1]),
    }
    store.close()
    return {k: str(v) for k, v in iris.items()}
