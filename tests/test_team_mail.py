"""The team's measurement sets in bench/team_mail/ are what bench/eval_team_mail.py says they are.

Every file is listed in the script's SETS table with a role, every listed
set exists, and every mail has a category mailbot knows, a unique id and
text to classify. The figures themselves are the script's business.
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
def script() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import eval_team_mail

        yield eval_team_mail
    finally:
        sys.path.remove(str(BENCH))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_every_set_on_disk_is_listed_with_a_role(script: ModuleType) -> None:
    listed = {stem: role for stem, role, _what in script.SETS}
    assert {path.stem for path in TEAM_MAIL.glob("*.jsonl")} == set(listed)
    assert set(listed.values()) == {"tuning", "held-out"}


def test_every_mail_has_a_known_category_a_unique_id_and_text() -> None:
    categories = {c.value for c in Category}
    seen: set[str] = set()
    for path in sorted(TEAM_MAIL.glob("*.jsonl")):
        for row in _rows(path):
            assert row["category"] in categories, (path.name, row["id"])
            assert row["id"] not in seen, (path.name, row["id"])
            seen.add(row["id"])
            assert isinstance(row["subject"], str) and row["body"].strip(), (path.name, row["id"])


def test_the_non_english_sets_name_their_language() -> None:
    for path in sorted(TEAM_MAIL.glob("*.jsonl")):
        languages = {row.get("lang") for row in _rows(path)}
        if path.stem.startswith("en_"):
            assert languages == {None}, path.name
        else:
            assert languages <= {"de", "es", "fr", "pt"} and None not in languages, path.name


def test_the_rules_section_reads_a_set_as_the_script_reports_it(script: ModuleType) -> None:
    mails = script.load("TSH")
    assert len(mails) == len(_rows(TEAM_MAIL / "TSH.jsonl"))
    assert {m.language for m in mails} == {"de", "es", "fr", "pt"}
    assert all(m.set_name == "TSH" for m in mails)
