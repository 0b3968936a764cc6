"""Scoring follows spec/eval-format.md; eval runs through a real ingest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.cli import cli
from graph.evaluate import match_organisations, score_list


def test_score_list_ignores_optional_items() -> None:
    c = score_list(["a", "b", "x"], ["a", "?b", "c"])
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_organisation_matching_normalises_and_is_one_to_one() -> None:
    gold = [
        {"names": ["Policie ČR", "PČR"], "type": "police"},
        {"names": ["Evropská unie"], "type": "eu-body", "optional": True},
    ]
    pred = [
        {"label": "Policie CR", "surface": ["policie  čr"], "type": "police"},
        {"label": "PČR", "surface": [], "type": "police"},
        {"label": "Evropské unie", "surface": ["Evropská unie"], "type": "eu-body"},
    ]
    counts, typed, correct = match_organisations(pred, gold)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert (typed, correct) == (1, 1)


def test_eval_on_seeds_prints_metrics(seeds_dir: Path, tmp_path: Path) -> None:
    gold = seeds_dir.parent / "eval" / "seeds.gold.jsonl"
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(
        cli,
        ["eval", str(seeds_dir), str(gold), "--json", "--predictions", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    for key in (
        "funders",
        "actor_types",
        "target_groups",
        "activity_types",
        "countries",
        "organisations",
    ):
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(metrics[key])
        assert metrics[key]["tp"] > 0, f"no true positive for {key}"
    assert 0 < metrics["micro_f1"] <= 1
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(preds) == 5 and all(p["organisations"] for p in preds)
    assert all(
        o["iri"].startswith("https://w3id.org/praxisgraph/id/org/")
        for p in preds
        for o in p["organisations"]
    )
