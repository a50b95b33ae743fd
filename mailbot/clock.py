"""The daemon's notion of now. Policy code never calls this; it is handed ``now``."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class Clock:
    """Wall-clock time, optionally shifted so that it read ``start`` when created.

    ``mailbot run --now T`` uses a shifted clock: the run behaves as if the
    clock read T at start-up and then advances normally.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._offset = timedelta(0)
        if start is not None:
            if start.tzinfo is None:
                start = start.replace(tzinfo=UTC)
            self._offset = start - datetime.now(UTC)
        self._mono0 = time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    @property
    def shifted(self) -> bool:
        return self._offset != timedelta(0)
