"""RDF model 2 and older stores: a store written in model 1 (extractor and confidence on every
evidence node, pg:participation links and typed participations) is refused read-only with
the way out, upgraded by `praxis migrate` (or any writing command) to exactly the quads
ingest writes now, and a bulk-loaded model-1 dump is upgraded after the load."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from graph.cli import cli
from graph.model import MODEL_VERSION, has_old_model, stamped_model
from graph.queries import run_query
from graph.store import META_GRAPH, open_store
from ingest.pipeline import ingest_paths
from ontology.namespaces import PG, RDF
from tests.helpers import canonical_nquads, shacl_report

METHOD = NamedNode(str(PG.method))
EXTRACTOR = NamedNode(str(PG.extractor))
CONFIDENCE = NamedNode(str(PG.confidence))
PROJECT = NamedNode(str(PG.project))


def as_model_1(quads: list[Quad]) -> list[Quad]:
    """The quads as the model-1 writer wrote them (the inverse of the migration)."""
    methods: dict[tuple[NamedNode, NamedNode], list[Quad]] = {}
    for q in quads:
        if q.predicate in (EXTRACTOR, CONFIDENCE):
            methods.setdefault((q.subject, q.graph_name), []).append(q)
    out: list[Quad] = []
    for q in quads:
        if q.graph_name == META_GRAPH or (q.subject, q.graph_name) in methods:
            continue  # no model stamp; method nodes dissolve into their evidence
        if q.predicate == METHOD:
            out += [
                Quad(q.subject, m.predicate, m.object, q.graph_name)
                for m in methods[(q.object, q.graph_name)]
            ]
            continue
        out.append(q)
        if q.predicate == PROJECT:
            g = q.graph_name
            out.append(Quad(q.object, NamedNode(str(PG.participation)), q.subject, g))
            out.append(
                Quad(q.subject, NamedNode(str(RDF.type)), NamedNode(str(PG.Participation)), g)
            )
    return out


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """Five seed texts ingested now (model 2)."""
    path = tmp_path_factory.mktemp("model") / "current"
    store = open_store(path)
    ingest_paths(sorted(seeds_dir.glob("*.txt"))[:5], store, progress=False)
    store.close()
    return path


def dump(path: Path) -> list[Quad]:
    store = open_store(path, read_only=True)
    buf = io.BytesIO()
    store.dump(buf, RdfFormat.N_QUADS)
    store.close()
    return list(parse(buf.getvalue(), RdfFormat.N_QUADS))


def old_store(tmp_path: Path, current: Path) -> Path:
    quads = as_model_1(dump(current))
    path = tmp_path / "old"
    store = open_store(path)
    store.load(serialize(quads, None, RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    store.close()
    return path


def test_ingest_writes_model_2(current: Path) -> None:
    quads = dump(current)
    predicates = {q.predicate for q in quads}
    assert METHOD in predicates and NamedNode(str(PG.participation)) not in predicates
    types = {q.object for q in quads if q.predicate == NamedNode(str(RDF.type))}
    assert NamedNode(str(PG.Participation)) not in types
    # one description per method node and graph, never on evidence
    evidence = {q.object for q in quads if q.predicate == NamedNode(str(PG.evidence))}
    described = [(q.subject, q.graph_name) for q in quads if q.predicate == EXTRACTOR]
    assert len(described) == len(set(described))
    assert not evidence & {s for s, _g in described}
    store = open_store(current, read_only=True)
    assert not has_old_model(store)
    org = next(q.object for q in quads if q.predicate == NamedNode(str(PG.organisation)))
    rows = run_query(store, "organisation_evidence", org=org)
    assert rows and all(
        r["extractor"].value and 0 <= float(r["confidence"].value) <= 1 for r in rows
    )
    conforms, text = shacl_report(store)
    store.close()
    assert conforms, text[:3000]


def test_old_store_refused_read_only_then_migrated(tmp_path: Path, current: Path) -> None:
    path = old_store(tmp_path, current)
    runner = CliRunner()
    refused = runner.invoke(cli, ["search", "prison", "--store", str(path)])
    assert refused.exit_code == 1
    assert "older praxisgraph (RDF model 1)" in refused.output
    assert f"praxis migrate --store {path}" in refused.output
    done = runner.invoke(cli, ["migrate", "--store", str(path), "--json"])
    assert done.exit_code == 0, done.output
    assert '"upgraded": true' in done.output
    store = open_store(path, read_only=True)
    assert stamped_model(store) == MODEL_VERSION
    assert not has_old_model(store)
    migrated = canonical_nquads(store)
    store.close()
    reference = open_store(current, read_only=True)
    assert migrated == canonical_nquads(reference)
    reference.close()
    again = runner.invoke(cli, ["migrate", "--store", str(path)])
    assert again.exit_code == 0 and "already in RDF model 2" in again.output
    assert runner.invoke(cli, ["search", "prison", "--store", str(path)]).exit_code == 0


def test_writing_command_upgrades_and_load_upgrades_an_old_dump(
    tmp_path: Path, current: Path
) -> None:
    path = old_store(tmp_path, current)
    runner = CliRunner()
    # any command that opens the store for writing upgrades it first
    result = runner.invoke(cli, ["orgs", "resolve", "--store", str(path), "--json"])
    assert result.exit_code == 0, result.output
    store = open_store(path, read_only=True)
    assert not has_old_model(store) and stamped_model(store) == MODEL_VERSION
    store.close()
    nq = tmp_path / "old.nq"
    old = [q for q in as_model_1(dump(current)) if q.graph_name != META_GRAPH]
    nq.write_bytes(serialize(old, None, RdfFormat.N_QUADS))
    target = tmp_path / "loaded"
    loaded = runner.invoke(cli, ["load", str(nq), "--store", str(target), "--no-index"])
    assert loaded.exit_code == 0, loaded.output
    store = open_store(target, read_only=True)
    assert not has_old_model(store) and stamped_model(store) == MODEL_VERSION
    store.close()


def test_newer_model_refused(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    stamp = Literal(
        str(MODEL_VERSION + 1), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    store.load(
        serialize(
            [
                Quad(
                    NamedNode(str(META_GRAPH.value) + "#store"),
                    NamedNode(str(PG.modelVersion)),
                    stamp,
                    META_GRAPH,
                )
            ],
            None,
            RdfFormat.N_QUADS,
        ),
        RdfFormat.N_QUADS,
    )
    store.close()
    result = CliRunner().invoke(cli, ["search", "x", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "newer praxisgraph" in result.output


def test_app_shows_how_to_upgrade_an_old_store(
    tmp_path: Path, current: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    path = old_store(tmp_path, current)
    monkeypatch.setenv("PRAXIS_STORE", str(path))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120)
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "RDF model 1" in errors and f"praxis migrate --store {path}" in errors
    store = open_store(path, read_only=True)
    assert has_old_model(store)  # the app only reads: nothing was changed
    store.close()


def test_old_evidence_found_without_participations(current: Path) -> None:
    """A model-1 store whose documents named no organisation is still recognised."""
    participation = {NamedNode(str(PG.participation)), PROJECT}
    quads = [
        q
        for q in as_model_1(dump(current))
        if q.predicate not in participation and q.object != NamedNode(str(PG.Participation))
    ]
    store = open_store(":memory:")
    store.load(serialize(quads, None, RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    assert has_old_model(store)


@pytest.mark.parametrize(
    ("extractor", "confidence"),
    [("praxis_vocabulary", "0.80"), ("esf-cs table/row ř", "1.00"), ("x~y.z", "0.05"), ("z", "0")],
)
def test_migrated_method_iri_is_the_one_ingest_mints(extractor: str, confidence: str) -> None:
    from ingest.rdf import method_iri

    g = NamedNode("https://w3id.org/praxisgraph/graph/doc/x")
    ev = NamedNode("https://w3id.org/praxisgraph/id/evidence/x-1")
    decimal = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    store = open_store(":memory:")
    store.load(
        serialize(
            [
                Quad(
                    NamedNode("https://w3id.org/praxisgraph/id/project/x"),
                    NamedNode(str(PG.evidence)),
                    ev,
                    g,
                ),
                Quad(ev, EXTRACTOR, Literal(extractor), g),
                Quad(ev, CONFIDENCE, Literal(confidence, datatype=decimal), g),
            ],
            None,
            RdfFormat.N_QUADS,
        ),
        RdfFormat.N_QUADS,
    )
    from graph.model import migrate

    assert migrate(store) == {"participations": 0, "evidence": 1, "methods": 1}
    node = method_iri(extractor, float(confidence))
    assert store.ask("ASK WHERE { GRAPH ?g { ?ev ?p ?m } }", ev=ev, p=METHOD, m=node)
    rows = store.select(
        "SELECT ?x ?c WHERE { GRAPH ?g { ?m ?px ?x ; ?pc ?c } }",
        m=node,
        px=EXTRACTOR,
        pc=CONFIDENCE,
    )
    assert [(r["x"].value, float(r["c"].value)) for r in rows] == [(extractor, float(confidence))]
    assert not has_old_model(store) and stamped_model(store) == MODEL_VERSION
