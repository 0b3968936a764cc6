"""``praxis eval``: ingest a folder into a fresh store, read predictions back, score them.

Scoring follows ``spec/eval-format.md``: micro P/R/F1 per list category with optional
(``?``) gold items ignored, organisations matched one-to-one on normalised names.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.queries import run_query
from graph.store import GraphStore, open_store
from ingest.normalise import fold
from ontology import ROLE_STRENGTH, role_name, split_concept_iri
from ontology.namespaces import DCTERMS, PG

LIST_CATEGORIES = ("funders", "actor_types", "target_groups", "activity_types", "countries")
_PREDICATE_CATEGORY = {
    str(PG.funder): "funders",
    str(DCTERMS.audience): "target_groups",
    str(PG.activity): "activity_types",
    str(PG.actorType): "actor_types",
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def read_predictions(store: GraphStore) -> dict[str, dict[str, Any]]:
    """One prediction object per document file name, read from the store with SPARQL."""
    out: dict[str, dict[str, Any]] = {}
    for doc in run_query(store, "documents"):
        g = doc["g"]
        pred: dict[str, Any] = {c: set() for c in LIST_CATEGORIES}
        for row in run_query(store, "concepts_by_graph", g=g):
            category = _PREDICATE_CATEGORY[row["p"].value]
            pred[category].add(split_concept_iri(row["concept"].value)[1])
        for row in run_query(store, "countries_by_graph", g=g):
            pred["countries"].add(row["code"].value)
        orgs: dict[str, dict[str, Any]] = {}
        for row in run_query(store, "organisations_by_graph", g=g):
            iri = row["org"].value
            org = orgs.setdefault(
                iri,
                {
                    "label": row["label"].value,
                    "type": None,
                    "iri": iri,
                    "role": role_name(row["role"].value),
                    "surface": {row["label"].value},
                },
            )
            if "type" in row:
                org["type"] = split_concept_iri(row["type"].value)[1]
                pred["actor_types"].add(org["type"])
            role = role_name(row["role"].value)
            if ROLE_STRENGTH[role] < ROLE_STRENGTH[org["role"]]:
                org["role"] = role
            if "surface" in row:
                org["surface"].add(row["surface"].value)
        prediction = {
            "doc": doc["file"].value,
            "lang": doc["lang"].value if "lang" in doc else "und",
            **{c: sorted(pred[c]) for c in LIST_CATEGORIES},
            # sorted: greedy matching must not depend on the store's row order
            "organisations": [
                {**o, "surface": sorted(o["surface"])}
                for o in sorted(orgs.values(), key=lambda o: (o["label"], o["iri"]))
            ],
        }
        out[prediction["doc"]] = prediction
    return out


def score_list(predicted: Iterable[str], gold: Iterable[str]) -> Counts:
    gold = list(gold)
    required = {g for g in gold if not g.startswith("?")}
    optional = {g[1:] for g in gold if g.startswith("?")}
    pred = set(predicted) - optional
    return Counts(len(pred & required), len(pred - required), len(required - pred))


def match_organisations(
    predicted: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> tuple[Counts, int, int]:
    """Greedy one-to-one matching on normalised names; returns counts and type agreement."""
    gold_keys = [{fold(n) for n in g["names"]} for g in gold]
    used: set[int] = set()
    counts = Counts()
    typed = correct_type = 0
    for p in predicted:
        keys = {fold(s) for s in [p["label"], *p.get("surface", [])]}
        hit = next((i for i, gk in enumerate(gold_keys) if i not in used and keys & gk), None)
        if hit is None:
            counts.fp += 1
            continue
        used.add(hit)
        if gold[hit].get("optional"):
            continue
        counts.tp += 1
        typed += 1
        correct_type += int(p.get("type") == gold[hit].get("type"))
    counts.fn += sum(1 for i, g in enumerate(gold) if i not in used and not g.get("optional"))
    return counts, typed, correct_type


def score(
    predictions: dict[str, dict[str, Any]], gold_rows: list[dict[str, Any]]
) -> dict[str, Any]:
    totals = {c: Counts() for c in LIST_CATEGORIES}
    orgs = Counts()
    typed = correct = 0
    per_lang: dict[str, dict[str, Counts]] = defaultdict(
        lambda: {c: Counts() for c in LIST_CATEGORIES}
    )
    per_doc: dict[str, Any] = {}
    missing = []
    for gold in gold_rows:
        pred = predictions.get(gold["doc"])
        if pred is None:
            missing.append(gold["doc"])
            pred = {c: [] for c in LIST_CATEGORIES} | {"organisations": []}
        doc_counts = {}
        for c in LIST_CATEGORIES:
            counts = score_list(pred[c], gold.get(c, []))
            totals[c].add(counts)
            per_lang[gold.get("lang", "und")][c].add(counts)
            doc_counts[c] = counts.as_dict()
        o, t, k = match_organisations(pred["organisations"], gold.get("organisations", []))
        orgs.add(o)
        typed += t
        correct += k
        per_doc[gold["doc"]] = doc_counts | {"organisations": o.as_dict()}
    micro = Counts()
    for c in LIST_CATEGORIES:
        micro.add(totals[c])
    result: dict[str, Any] = {c: totals[c].as_dict() for c in LIST_CATEGORIES}
    result["micro_f1"] = micro.as_dict()["f1"]
    result["organisations"] = orgs.as_dict()
    result["organisation_type_accuracy"] = round(correct / typed, 4) if typed else 0.0
    lang_out = {}
    for lang, cats in sorted(per_lang.items()):
        m = Counts()
        for c in LIST_CATEGORIES:
            m.add(cats[c])
        lang_out[lang] = {
            "micro_f1": m.as_dict()["f1"],
            **{c: cats[c].as_dict()["f1"] for c in LIST_CATEGORIES},
        }
    result["per_language"] = lang_out
    result["documents"] = len(gold_rows)
    result["missing_documents"] = missing
    result["per_document"] = per_doc
    return result


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def evaluate(
    docs_dir: str | Path,
    gold_path: str | Path,
    predictions_out: str | Path | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Ingest ``docs_dir`` into a fresh temporary store (the normal path) and score it."""
    from ingest.pipeline import ingest_paths

    gold_rows = read_gold(gold_path)
    wanted = {g["doc"] for g in gold_rows}
    files = [p for p in sorted(Path(docs_dir).iterdir()) if p.name in wanted]
    with tempfile.TemporaryDirectory(prefix="praxis-eval-") as tmp:
        store = open_store(Path(tmp) / "store")
        try:
            ingest_paths(files, store, progress=progress)
            predictions = read_predictions(store)
        finally:
            store.close()
    if predictions_out:
        with open(predictions_out, "w", encoding="utf-8") as fh:
            for doc in sorted(predictions):
                fh.write(json.dumps(predictions[doc], ensure_ascii=False) + "\n")
    return score(predictions, gold_rows)
