from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mailbot.devstack import MailStack

from .support import World

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def stack() -> Iterator[MailStack]:
    """One real Dovecot + SMTP stack for the whole run; tests use unique addresses."""
    with MailStack() as running:
        yield running


@pytest.fixture
def make_world(stack: MailStack, tmp_path: Path) -> Callable[..., World]:
    counter = iter(range(1000))

    def make(*store_ids: str, **kwargs: Any) -> World:
        base = tmp_path / f"w{next(counter)}"
        base.mkdir()
        return World(stack, base, store_ids or ("pandorana",), **kwargs)

    return make


@pytest.fixture
def world(make_world: Callable[..., World]) -> World:
    return make_world("pandorana")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not present at {CORPUS}: corpus tests need the shared test data")
    return CORPUS
