"""The command line, as an admin uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import PROJECT, World, customer_mail


def mailbot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mailbot", *args], cwd=PROJECT, capture_output=True, text=True, timeout=120)


@pytest.mark.mailstack
def test_status_lists_open_cases_with_their_next_deadline(make_world: Callable[..., World]) -> None:
    world = make_world("kendrascottes")
    world.send(customer_mail(world.customer(), world.address("kendrascottes"), subject="Where is my order 55120?"))
    world.wait(world.address("kendrascottes"), 1)
    world.run_once()
    config = world.write_config()
    result = mailbot("status", "--config", str(config), "--state-dir", str(world.state_dir), "--store", "kendrascottes")
    assert result.returncode == 0, result.stderr
    assert "KSC-000001" in result.stdout and "acknowledged" in result.stdout
    assert "first_response:warn" in result.stdout


def test_status_refuses_an_unknown_store(tmp_path: Path) -> None:
    result = mailbot("status", "--state-dir", str(tmp_path), "--store", "nosuchstore")
    assert result.returncode == 2
    assert "--store nosuchstore: no such store" in result.stderr


def test_classify_prints_one_json_object_per_message(tmp_path: Path) -> None:
    eml = tmp_path / "damaged.eml"
    eml.write_bytes(customer_mail("ann@customers.example", "support@pandorana.example", subject="Broken necklace",
                                  body="The necklace from order #55120 arrived broken.").as_bytes())
    result = mailbot("classify", "--store", "pandorana", str(eml))
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["category"] == "damaged_wrong_item" and record["urgent"] is True
    assert record["order_id"] and "55120" in record["order_id"]
    assert str(eml) in json.dumps(record)


def test_check_config_accepts_the_shipped_file_when_its_secrets_are_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for store in ("CLINIQUEONLINESTORE", "PANDORANA", "KENDRASCOTTES", "CLTIKTOK", "DIVAALEX"):
        for kind in ("IMAP", "SMTP"):
            monkeypatch.setenv(f"{store}_{kind}_PASSWORD", "secret")
    result = mailbot("check-config")
    assert result.returncode == 0, result.stderr
    assert "5 stores" in result.stdout
