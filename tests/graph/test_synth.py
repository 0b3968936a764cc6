"""The synthetic corpus: deterministic, six languages, heavy-tailed participation, and RDF
exactly in the ingest model (offsets point at the quoted text)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse

from graph.cli import cli
from graph.queries import run_query
from graph.store import open_store
from graph.synth import LANGS, SynthCorpus, projects, write_nquads
from ingest.documents import Extraction
from ingest.rdf import extraction_quads


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    a = [p.document.text for p in projects(60, seed=5)]
    b = [p.document.text for p in projects(60, seed=5)]
    c = [p.document.text for p in projects(60, seed=6)]
    assert a == b and a != c
    assert len(set(a)) == len(a)


def test_six_languages_and_real_programme_names() -> None:
    sample = list(projects(400, seed=1))
    langs = Counter(p.document.lang for p in sample)
    assert set(langs) == set(LANGS)
    texts = " ".join(p.document.text for p in sample)
    for name in ("Erasmus+", "Fondy EHP a Norska", "Europejski Fundusz Społeczny", "Interreg"):
        assert name in texts


def test_participation_is_heavy_tailed() -> None:
    counts = Counter(o.label for p in projects(3000, seed=2) for o in p.orgs)
    ranked = sorted(counts.values(), reverse=True)
    once = sum(1 for n in ranked if n == 1)
    assert once > len(ranked) * 0.15  # a long tail of one-off participants
    assert ranked[0] >= 20 * sorted(ranked)[len(ranked) // 2]  # hubs far above the median
    assert len(ranked) > 500


def test_spans_point_at_the_text() -> None:
    corpus = SynthCorpus(seed=3)
    for i in range(50):
        ex: Extraction = corpus.project(i).extraction
        text = ex.document.text
        mentions = ex.funders + ex.target_groups + ex.activity_types
        for m in mentions:
            assert text[m.span.start : m.span.end] == m.span.text
        for org in ex.organisations:
            for span in org.spans:
                assert text[span.start : span.end] == org.label
        assert ex.lemmas and all(w == w.lower() for w in ex.lemmas)


def test_rdf_mode_is_the_ingest_model(tmp_path: Path) -> None:
    buf = io.BytesIO()
    assert write_nquads(25, buf, seed=4, base=tmp_path) == 25
    data = buf.getvalue()
    expected = []
    for p in projects(25, seed=4, base=tmp_path):
        expected.extend(extraction_quads(p.extraction))
    assert sorted(map(str, parse(data, RdfFormat.N_QUADS))) == sorted(map(str, expected))
    store = open_store(tmp_path / "store")
    store.load(data, RdfFormat.N_QUADS)
    rows = run_query(store, "project_summaries")
    assert len(rows) == 25 and all("lemmas" in r for r in rows)
    store.close()


def test_cli_writes_texts_and_nquads(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["synth", "12", "--out", str(tmp_path / "texts"), "--seed", "9"])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "texts").rglob("*.txt"))
    assert len(files) == 12 and {f.parent.name for f in files} <= set(LANGS)
    first = files[0].read_text(encoding="utf-8")
    again = runner.invoke(cli, ["synth", "12", "--out", str(tmp_path / "t2"), "--seed", "9"])
    assert again.exit_code == 0
    assert (tmp_path / "t2" / files[0].relative_to(tmp_path / "texts")).read_text(
        encoding="utf-8"
    ) == first
    nq = tmp_path / "c.nq"
    result = runner.invoke(cli, ["synth", "7", "--rdf", "--out", str(nq)])
    assert result.exit_code == 0, result.output
    graphs = {q.graph_name for q in parse(nq.read_bytes(), RdfFormat.N_QUADS)}
    assert len(graphs) == 7
