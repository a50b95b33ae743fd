"""Fit the naive Bayes intent model shipped in mailbot/understanding/data/.

    .venv/bin/python bench/train_intent_model.py            # fit on all training rows, write the model
    .venv/bin/python bench/train_intent_model.py --dev      # fit without the dev split, report on it

Data: the Bitext customer-service training files (CDLA-Sharing-1.0), mapped
onto mailbot categories by bench/intent_mapping.yaml; the held-out file is
excluded by bench/understanding_corpus.py. Deterministic: same corpus, same
bytes out.

Model: multinomial naive Bayes over unigrams and bigrams, uniform class
priors (the training files are unbalanced and a shop's inbox is not Bitext's
mix), Laplace smoothing ``ALPHA``. Features seen fewer than ``MIN_COUNT``
times are dropped; unknown features are skipped at prediction time.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from understanding_corpus import ROOT, Example, dev, require_corpus, training  # noqa: E402

from mailbot.understanding.model import MODEL_FILE, NaiveBayes, features  # noqa: E402

ALPHA = 0.1
MIN_COUNT = 2
OUT = ROOT / "mailbot" / "understanding" / "data" / MODEL_FILE


def fit(rows: list[Example]) -> dict[str, object]:
    categories = sorted({e.category for e in rows})
    counts: dict[str, Counter[str]] = {c: Counter() for c in categories}
    total_feature_counts: Counter[str] = Counter()
    for example in rows:
        feats = features(example.text)
        counts[example.category].update(feats)
        total_feature_counts.update(feats)
    vocab = sorted(f for f, n in total_feature_counts.items() if n >= MIN_COUNT)
    table: dict[str, list[float]] = defaultdict(list)
    for category in categories:
        kept = sum(counts[category][f] for f in vocab)
        denominator = kept + ALPHA * len(vocab)
        for feat in vocab:
            table[feat].append(round(math.log((counts[category][feat] + ALPHA) / denominator), 3))
    log_prior = [round(math.log(1.0 / len(categories)), 6)] * len(categories)
    return {
        "format": "mailbot-nb-1",
        "trained_on": "Bitext customer-service training files (CDLA-Sharing-1.0), see data/README.md",
        "alpha": ALPHA,
        "min_count": MIN_COUNT,
        "categories": categories,
        "log_prior": log_prior,
        "table": dict(table),
    }


def accuracy(model: NaiveBayes, rows: list[Example]) -> float:
    right = 0
    for example in rows:
        posterior = model.posterior(example.text)
        guess = max(posterior.items(), key=lambda item: item[1])[0].value if posterior else "other"
        right += guess == example.category
    return right / len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="fit without the dev split and report dev accuracy")
    args = parser.parse_args()
    require_corpus()
    if args.dev:
        rows = training(include_dev=False)
        model = NaiveBayes.from_json(json.dumps(fit(rows)))
        held = dev()
        print(f"fitted on {len(rows)} rows; dev accuracy {accuracy(model, held):.4f} on {len(held)} rows")
        return 0
    rows = training(include_dev=True)
    data = fit(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"fitted on {len(rows)} rows, {len(data['table'])} features -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
