"""``mailbot status``: open cases with status, owner, next deadline and breach state."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from .config import Config
from .promises import StorePromises
from .state.base import StateStore
from .state.tinystore import TinyStateStore


def format_status(config: Config, state: StateStore, only: str | None, now: datetime) -> str:
    lines = []
    header = f"{'case':<11} {'status':<14} {'category':<19} {'owner':<10} {'next deadline (local)':<44} breach"
    for store in config.stores:
        if only and store.id != only:
            continue
        promises = StorePromises.from_config(store)
        cases = sorted(state.open_cases(store.id), key=lambda c: c.number)
        lines.append(f"{store.name} ({store.id}): {len(cases)} open case(s)")
        if cases:
            lines.append("  " + header)
        for case in cases:
            deadline = promises.next_deadline(case, now)
            when = "-" if deadline is None else f"{deadline.name}:{deadline.phase} {deadline.at.astimezone(store.tz):%a %d %b %H:%M %Z}"
            breached = promises.breached(case, now)
            breach = ("BREACHED " + ",".join(breached)) if breached else ("-" if deadline is None else "ok")
            lines.append(
                f"  {case.ref:<11} {case.status.value:<14} {case.category.value:<19} {case.owner.partition('@')[0] or '-':<10} {when:<44} {breach}"
            )
    return "\n".join(lines)


def print_status(config: Config, state_dir: Path, only: str | None, now: datetime | None) -> int:
    if only is not None:
        config.store(only)  # KeyError -> usage error below
    print(format_status(config, TinyStateStore(state_dir), only, now or datetime.now(UTC)))
    return 0
