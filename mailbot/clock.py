"""The daemon's notion of now. Policy code never calls this; it is handed ``now``."""

from __future__ import annotations

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

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def to_real(self, at: datetime) -> datetime:
        """The wall-clock instant at which this clock will read ``at``."""
        return at - self._offset

    @property
    def shifted(self) -> bool:
        return self._offset != timedelta(0)
