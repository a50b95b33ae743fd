"""The team's measurement sets in bench/team_mail/ are what bench/eval_team_mail.py says they are.

Every file is listed once in the script's SETS table with a role and its
size, every listed set exists whole, and every mail has a category mailbot
knows, a unique id and text to classify. The figures themselves are the
script's business; the arithmetic behind them (bench/metrics.py) is checked
here on small hand-counted cases.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from mailbot.models import Category

BENCH = Path(__file__).resolve().parents[1] / "bench"
TEAM_MAIL = BENCH / "team_mail"


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    saved = list(sys.path)
    sys.path.insert(0, str(BENCH))
    try:
        import eval_team_mail
        import metrics

        yield {"eval_team_mail": eval_team_mail, "metrics": metrics}
    finally:
        sys.path[:] = saved


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_every_set_on_disk_is_listed_once_with_a_role_and_its_size(bench: dict[str, ModuleType]) -> None:
    sets = bench["eval_team_mail"].SETS
    stems = [stem for stem, _role, _count, _what in sets]
    assert len(stems) == len(set(stems))
    assert {path.stem for path in TEAM_MAIL.glob("*.jsonl")} == set(stems)
    for stem, role, count, _what in sets:
        assert role in ("tuning", "held-out"), stem
        assert len(_rows(TEAM_MAIL / f"{stem}.jsonl")) == count > 0, stem


def test_every_mail_has_a_known_category_a_unique_id_and_text() -> None:
    categories = {c.value for c in Category}
    seen: set[str] = set()
    for path in sorted(TEAM_MAIL.glob("*.jsonl")):
        for row in _rows(path):
            assert row["category"] in categories, (path.name, row["id"])
            assert row["id"] not in seen, (path.name, row["id"])
            seen.add(row["id"])
            assert isinstance(row["subject"], str) and row["body"].strip(), (path.name, row["id"])


def test_the_non_english_sets_name_their_language_on_every_mail() -> None:
    for path in sorted(TEAM_MAIL.glob("*.jsonl")):
        languages = {row.get("lang") for row in _rows(path)}
        if path.stem.startswith("en_"):
            assert languages == {None}, path.name
        else:
            assert languages and languages <= {"de", "es", "fr", "pt"}, path.name


def test_load_gives_each_mail_its_set_and_language(bench: dict[str, ModuleType]) -> None:
    mails = bench["eval_team_mail"].load("TSH")
    assert len(mails) == len(_rows(TEAM_MAIL / "TSH.jsonl"))
    assert {m.language for m in mails} == {"de", "es", "fr", "pt"}
    assert {m.set_name for m in mails} == {"TSH"}
    assert {m.language for m in bench["eval_team_mail"].load("en_A")} == {"en"}


def test_macro_f1_averages_the_gold_labels_only(bench: dict[str, ModuleType]) -> None:
    metrics = bench["metrics"]
    # a: 1 of 2 found, never taken wrongly -> P 1, R 1/2, F1 2/3; b: 3 of 4
    # found, once taken wrongly -> P 3/4, R 3/4, F1 3/4. "c" is only ever
    # predicted: it gets no row, and costs b its recall.
    rows, macro = metrics.per_label_f1(["a", "a", "b", "b", "b", "b"], ["a", "b", "b", "b", "b", "c"])
    assert [(label, support) for label, _p, _r, _f, support in rows] == [("a", 2), ("b", 4)]
    f1 = {label: f for label, _p, _r, f, _s in rows}
    assert f1 == pytest.approx({"a": 2 / 3, "b": 3 / 4})
    assert macro == pytest.approx((2 / 3 + 3 / 4) / 2)
    assert metrics.accuracy(["a", "b"], ["a", "a"]) == 0.5


def test_scores_refuse_empty_or_unequal_answers(bench: dict[str, ModuleType]) -> None:
    metrics = bench["metrics"]
    with pytest.raises(ValueError):
        metrics.per_label_f1([], [])
    with pytest.raises(ValueError):
        metrics.accuracy(["a"], ["a", "b"])
