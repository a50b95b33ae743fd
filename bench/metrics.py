"""Scores for a classifier's answers against gold labels. Pure; the bench scripts print them."""

from __future__ import annotations

from collections.abc import Sequence


def per_label_f1(gold: Sequence[str], pred: Sequence[str]) -> tuple[list[tuple[str, float, float, float, int]], float]:
    """(label, precision, recall, F1, support) for every gold label, and their macro-F1.

    A label that is only ever predicted costs precision of the labels it was
    taken for, through their recall; it gets no row of its own.
    """
    if not gold or len(gold) != len(pred):
        raise ValueError(f"need as many answers as gold labels, and at least one: {len(gold)} gold, {len(pred)} answers")
    rows = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((label, prec, rec, f1, tp + fn))
    return rows, sum(row[3] for row in rows) / len(rows)


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    if not gold or len(gold) != len(pred):
        raise ValueError(f"need as many answers as gold labels, and at least one: {len(gold)} gold, {len(pred)} answers")
    return sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
