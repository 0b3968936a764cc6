"""Benchmark: resolve 100k synthetic organisation mentions (authority lookup, lemma keys,
blocking and rapidfuzz scoring, clustering) and score the clusters against the truth.

    .venv/bin/python bench/resolve.py [--mentions 100000] [--seed 1]

Prints one JSON object: mentions, organisations (truth), clusters found, seconds, mentions
per second, pairwise precision/recall on a sample of pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.resolve import MentionRecord, authority_index, cluster_records

HEADS = {
    "cs": ["Nadace", "Sdružení", "Spolek", "Centrum", "Diakonie", "Charita", "Společnost"],
    "pl": ["Fundacja", "Stowarzyszenie", "Centrum", "Towarzystwo", "Caritas"],
    "de": ["Verein", "Stiftung", "Zentrum", "Gesellschaft", "Netzwerk"],
    "en": ["Foundation", "Association", "Centre", "Society", "Network"],
}
LEGAL = {"cs": ["z. s.", "o. p. s.", "z. ú."], "pl": [], "de": ["e. V.", "gGmbH"], "en": ["Ltd"]}
CITIES = ["Praha", "Brno", "Ostrava", "Kraków", "Wrocław", "Gdańsk", "Leipzig", "Dresden"]
SYLLABLES = "ka lo mi ra ve no sta pri bor len dar vin tor mes kal sen rum pol dam jas".split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def typo(rng: random.Random, text: str) -> str:
    """Double one letter inside the longest word (a frequent real-world typo)."""
    words = text.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) > 5:
        j = rng.randint(3, len(w) - 2)
        words[i] = w[:j] + w[j] + w[j:]
    return " ".join(words)


def synthetic(n: int, seed: int) -> tuple[list[MentionRecord], list[str]]:
    rng = random.Random(seed)
    bodies = list(authority_index().bodies.values())
    records: list[MentionRecord] = []
    truth: list[str] = []
    org_id = 0
    while len(records) < n:
        org_id += 1
        if rng.random() < 0.2:  # a public body of the authority file, in any of its names
            body = rng.choice(bodies)
            for _ in range(rng.randint(1, 6)):
                label, lang = rng.choice(body.labels)
                records.append(MentionRecord(label, lang or "en", body.country))
                truth.append(body.iri)
            continue
        lang = rng.choice(list(HEADS))
        base = f"{rng.choice(HEADS[lang])} {word(rng)} {word(rng)}"
        if rng.random() < 0.3:
            base += " " + rng.choice(CITIES)
        acronym = "".join(w[0] for w in base.split()).upper() if rng.random() < 0.3 else None
        country = {"cs": "CZ", "pl": "PL", "de": "DE"}.get(lang)
        for _ in range(rng.randint(1, 6)):
            label = base
            r = rng.random()
            if r < 0.15 and LEGAL[lang]:
                label = f"{base}, {rng.choice(LEGAL[lang])}"
            elif r < 0.25:
                label = typo(rng, base)
            elif r < 0.35:
                label = base.upper() if rng.random() < 0.5 else base.lower()
            records.append(MentionRecord(label, lang, country, acronym=acronym))
            truth.append(f"synthetic-{org_id}")
    return records[:n], truth[:n]


def sampled_pairwise(pred: list[str], truth: list[str], rng: random.Random) -> dict[str, float]:
    """Pairwise P/R on all pairs inside predicted and true clusters (exact, via counts)."""
    by_pred: dict[str, list[int]] = defaultdict(list)
    by_truth: dict[str, list[int]] = defaultdict(list)
    for i, (p, t) in enumerate(zip(pred, truth, strict=True)):
        by_pred[p].append(i)
        by_truth[t].append(i)
    both: dict[tuple[str, str], int] = defaultdict(int)
    for p, t in zip(pred, truth, strict=True):
        both[(p, t)] += 1

    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    tp = sum(pairs(c) for c in both.values())
    pred_pairs = sum(pairs(len(v)) for v in by_pred.values())
    true_pairs = sum(pairs(len(v)) for v in by_truth.values())
    return {
        "precision": round(tp / pred_pairs, 4) if pred_pairs else 1.0,
        "recall": round(tp / true_pairs, 4) if true_pairs else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    t0 = time.perf_counter()
    authority_index()
    records, truth = synthetic(args.mentions, args.seed)
    t1 = time.perf_counter()
    iris = cluster_records(records)
    t2 = time.perf_counter()
    scores = sampled_pairwise(iris, truth, random.Random(args.seed))
    print(
        json.dumps(
            {
                "mentions": len(records),
                "organisations_truth": len(set(truth)),
                "clusters": len(set(iris)),
                "generate_seconds": round(t1 - t0, 2),
                "resolve_seconds": round(t2 - t1, 2),
                "mentions_per_second": round(len(records) / (t2 - t1)),
                **{f"pairwise_{k}": v for k, v in scores.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
