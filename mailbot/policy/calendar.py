"""Business calendars: when a store is open, and how far a promise reaches.

A promise such as "within 48 business hours" is an amount on a *clock*. Every
clock here is defined by two things, listed in :data:`_RULES`:

* which time is **open**: whole local days (all of them, all but closed dates,
  or working days only) or the store's daily office timeframes on working days;
* how open time is **measured**: real elapsed time, or local wall-clock time.

================================  =====================  ============  =====
clock                             open time              measured as   unit
================================  =====================  ============  =====
calendar_hours                    always                 real time     hour
calendar_hours_except_holidays    every day but closed   real time     hour
business_hours                    working days, 24 h     real time     hour
office_hours                      office timeframes      wall clock    hour
business_days                     working days, 24 h     wall clock    day
================================  =====================  ============  =====

A *working day* is a local date whose weekday is one of the store's working
weekdays and which is neither a public holiday (``holidays`` package, country
and optional subdivision, observed dates included) nor one of the store's extra
closed dates. A *closed date* is a holiday or an extra closed date, whatever
its weekday.

Daylight saving time, by design:

* business and calendar hours are real elapsed time. A working day that spans
  a DST change has 23 or 25 business hours (in the US that only happens to
  stores that work on Sundays).
* office hours are wall-clock: 09:00-17:00 local is always 8 office hours, even
  on a DST day, and a timeframe is always worth its wall-clock length.
* business days are whole working days counted on the wall clock: 2 business
  days from Monday 10:00 is Wednesday 10:00 local, whatever DST does between.
  A fraction of a business day is that fraction of the 24 wall-clock hours
  (1.5 business days from Monday 10:00 is Tuesday 22:00).
* Wall-clock positions skip the hour that spring-forward removes (an amount
  that would end inside it ends at the first instant after it) and stand
  still during the second pass through the hour that fall-back repeats, so
  every measure is monotonic in real time.

Edge cases, as defined here:

* start inside closed time (a Saturday, a holiday, 20:00 for office hours):
  counting begins at the next open instant, so 24 business hours from Saturday
  noon is Tuesday 00:00 local (the end of Monday).
* business days starting on a non-working day: counting begins at 00:00 of the
  next working day, so 2 business days from Saturday 14:00 is Wednesday 00:00
  (the end of Tuesday).
* a positive amount ends at the earliest instant at which that much open time
  has passed. That instant is never strictly inside closed time, but it may be
  a closing instant: 8 office hours from Monday 09:00 is Monday 17:00, not
  Tuesday 09:00.
* amount 0 is the next open instant (:meth:`BusinessCalendar.next_open`).
* fractional amounts (a x1.5 factor for non-English mail) are exact to the
  microsecond: 1.5 x 48 business hours is 72 business hours.

Pure: no I/O and no clock reads. The only third-party import is ``holidays``,
whose tables are built once per (country, subdivision, year) and cached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

import holidays

__all__ = ["BusinessCalendar", "Clock", "Timeframe", "WEEKDAYS"]

_US = timedelta(microseconds=1)
_HOUR_US = 3_600_000_000
_DAY_US = 24 * _HOUR_US
# add() gives up when a calendar has no open time this far ahead (a calendar
# with every weekday closed, say); ten years is far past any promise.
_HORIZON_DAYS = 3_660

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as used in config, indexed like :meth:`date.weekday`."""


class Clock(StrEnum):
    """The clock a timer amount is counted on (see the module docstring)."""

    CALENDAR_HOURS = "calendar_hours"
    CALENDAR_HOURS_EXCEPT_HOLIDAYS = "calendar_hours_except_holidays"
    BUSINESS_HOURS = "business_hours"
    OFFICE_HOURS = "office_hours"
    BUSINESS_DAYS = "business_days"

    @property
    def unit(self) -> Literal["hours", "days"]:
        """The unit amounts on this clock are given in."""
        return "days" if self is Clock.BUSINESS_DAYS else "hours"


@dataclass(frozen=True, slots=True)
class _ClockRule:
    days: Literal["all", "not_closed", "working"]
    within_day: Literal["whole", "office"]
    measure: Literal["real", "wall"]
    unit_us: int


# One row per clock; the module docstring's table, as code.
_RULES: Mapping[Clock, _ClockRule] = {
    # 24/7; plain arithmetic (add/elapsed short-circuit it).
    Clock.CALENDAR_HOURS: _ClockRule("all", "whole", "real", _HOUR_US),
    # cltiktok's "24 hours (holidays may delay)": weekends count, holidays pause.
    Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS: _ClockRule("not_closed", "whole", "real", _HOUR_US),
    # POLICIES.md "business hours": all 24 hours of each working day.
    Clock.BUSINESS_HOURS: _ClockRule("working", "whole", "real", _HOUR_US),
    # Opening hours, wall-clock so 09:00-17:00 is 8 hours on DST days too.
    Clock.OFFICE_HOURS: _ClockRule("working", "office", "wall", _HOUR_US),
    # Whole working days; wall-clock so Monday 10:00 + 2 is Wednesday 10:00.
    Clock.BUSINESS_DAYS: _ClockRule("working", "whole", "wall", _DAY_US),
}

_MIDNIGHT = time(0)
_TIMEFRAME_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class Timeframe:
    """A daily opening window ``[start, end)`` in local wall-clock time.

    ``end == time(0)`` means midnight at the end of the day ("24:00").
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("timeframe times are local wall-clock times and must be naive")
        if self.end != _MIDNIGHT and self.end <= self.start:
            raise ValueError(f"timeframe {self} ends before it starts")

    @classmethod
    def parse(cls, text: str) -> Timeframe:
        """``"09:00-17:00"`` -> Timeframe; ``"18:00-24:00"`` runs to midnight."""
        match = _TIMEFRAME_RE.match(text)
        if match is None:
            raise ValueError(f"timeframe {text!r} is not HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if (h2, m2) == (24, 0):
            h2 = 0
        try:
            return cls(time(h1, m1), time(h2, m2))
        except ValueError as exc:
            raise ValueError(f"timeframe {text!r}: {exc}") from None

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """Naive local start and end of this window on ``day``."""
        end_day = day + timedelta(days=1) if self.end == _MIDNIGHT else day
        return datetime.combine(day, self.start), datetime.combine(end_day, self.end)

    def __str__(self) -> str:
        end = "24:00" if self.end == _MIDNIGHT else self.end.strftime("%H:%M")
        return f"{self.start.strftime('%H:%M')}-{end}"


@dataclass(frozen=True, slots=True)
class _Span:
    """One open stretch of one local day, as UTC instants and naive wall times."""

    lo_utc: datetime
    hi_utc: datetime
    lo_wall: datetime
    hi_wall: datetime


@lru_cache(maxsize=1)
def _supported_countries() -> Mapping[str, Sequence[str]]:
    return holidays.list_supported_countries()


@lru_cache(maxsize=None)
def _holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    # Building a holidays table is slow (~0.1 s); one build per store-year.
    table = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(table.keys())


_WHOLE_DAY = (Timeframe(_MIDNIGHT, _MIDNIGHT),)
_DEFAULT_OFFICE = (Timeframe(time(9), time(17)),)


def _as_utc(dt: datetime, name: str) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {dt.isoformat()}")
    return dt.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """A store's working week, opening hours and closed dates, in its timezone.

    Build one with :meth:`create` (accepts config-shaped values) or directly.
    ``office_hours`` holds the timeframes of each weekday, indexed Monday=0;
    a working weekday with no timeframes has no office hours (but still counts
    for business hours and business days). Office timeframes of non-working
    weekdays are ignored. Instances are immutable and hashable.
    """

    timezone: ZoneInfo
    working_days: frozenset[int] = frozenset(range(5))
    office_hours: tuple[tuple[Timeframe, ...], ...] = (_DEFAULT_OFFICE,) * 7
    holiday_country: str | None = "US"
    holiday_subdivision: str | None = None
    closed_dates: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.working_days or not self.working_days <= set(range(7)):
            raise ValueError(f"working_days must be a non-empty subset of 0..6, got {sorted(self.working_days)}")
        if len(self.office_hours) != 7:
            raise ValueError("office_hours needs one tuple of timeframes per weekday (7)")
        for weekday, frames in enumerate(self.office_hours):
            for earlier, later in zip(frames, frames[1:]):
                earlier_end = earlier.bounds(date.min)[1]
                if later.start < earlier.start or earlier_end > datetime.combine(date.min, later.start):
                    raise ValueError(
                        f"office hours of {WEEKDAYS[weekday]} must be sorted and not overlap: {earlier}, {later}"
                    )
        if self.holiday_country is not None:
            supported = _supported_countries()
            if self.holiday_country not in supported:
                raise ValueError(f"holidays: unknown country {self.holiday_country!r}")
            subdivisions = supported[self.holiday_country]
            if self.holiday_subdivision is not None and self.holiday_subdivision not in subdivisions:
                raise ValueError(
                    f"holidays: {self.holiday_country} has no subdivision {self.holiday_subdivision!r}"
                )
        elif self.holiday_subdivision is not None:
            raise ValueError("holidays: a subdivision needs a country")

    @classmethod
    def create(
        cls,
        timezone: str | ZoneInfo,
        *,
        working_days: Iterable[int | str] = WEEKDAYS[:5],
        office_hours: (
            Sequence[Timeframe | str] | Mapping[str, Sequence[Timeframe | str]] | Mapping[int, Sequence[Timeframe | str]]
        ) = ("09:00-17:00",),
        holiday_country: str | None = "US",
        holiday_subdivision: str | None = None,
        closed_dates: Iterable[date] = (),
    ) -> BusinessCalendar:
        """Build from config-shaped values.

        ``working_days`` takes weekday numbers (Monday=0) or names
        (``"mon"``...). ``office_hours`` is either one list of timeframes for
        every working day or a mapping weekday -> list; weekdays missing from
        the mapping have no office hours.
        """
        zone = timezone if isinstance(timezone, ZoneInfo) else ZoneInfo(timezone)
        days = frozenset(_weekday(d) for d in working_days)
        if isinstance(office_hours, Mapping):
            per_day: list[tuple[Timeframe, ...]] = [() for _ in range(7)]
            for key, frames in office_hours.items():
                per_day[_weekday(key)] = tuple(_timeframe(f) for f in frames)
            office = tuple(per_day)
        else:
            office = (tuple(_timeframe(f) for f in office_hours),) * 7
        return cls(
            timezone=zone,
            working_days=days,
            office_hours=office,
            holiday_country=holiday_country,
            holiday_subdivision=holiday_subdivision,
            closed_dates=frozenset(closed_dates),
        )

    # -- days ----------------------------------------------------------------

    def is_holiday(self, day: date) -> bool:
        """A public holiday (observed dates included) of the configured country."""
        if self.holiday_country is None:
            return False
        return day in _holiday_dates(self.holiday_country, self.holiday_subdivision, day.year)

    def is_closed_date(self, day: date) -> bool:
        """A public holiday or one of the store's extra closed dates, any weekday."""
        return day in self.closed_dates or self.is_holiday(day)

    def is_working_day(self, day: date) -> bool:
        """A working weekday that is not a closed date."""
        return day.weekday() in self.working_days and not self.is_closed_date(day)

    def office_timeframes(self, day: date) -> tuple[Timeframe, ...]:
        """The office timeframes open on ``day`` (empty on non-working days)."""
        return self.office_hours[day.weekday()] if self.is_working_day(day) else ()

    # -- instants ------------------------------------------------------------

    def is_open(self, dt: datetime, clock: Clock) -> bool:
        """Whether ``clock`` is running at ``dt`` (open intervals are [start, end))."""
        u = _as_utc(dt, "dt")
        if clock is Clock.CALENDAR_HOURS:
            return True
        return any(s.lo_utc <= u < s.hi_utc for s in self._spans(self._local_date(u), clock))

    def next_open(self, dt: datetime, clock: Clock) -> datetime:
        """The first instant at or after ``dt`` at which ``clock`` runs (UTC).

        ``dt`` itself when it is open; a closing instant (17:00) is closed.
        """
        return self.add(dt, 0, clock)

    def add(self, start: datetime, amount: float, clock: Clock) -> datetime:
        """The instant ``amount`` units of ``clock`` after ``start`` (aware, UTC).

        ``start`` is aware, in any timezone. ``amount`` is in :attr:`Clock.unit`
        (hours, or days for business days), finite and >= 0, and may be
        fractional. Counting starts at :meth:`next_open` of ``start``; the
        result is the earliest instant at which ``amount`` of open time has
        passed (so possibly a closing instant, never strictly inside closed
        time). Monotonic in ``start`` and in ``amount``.

        Raises ValueError for a naive ``start``, a negative or non-finite
        amount, or a calendar with no open time in the next ten years.
        """
        u = _as_utc(start, "start")
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"amount must be finite and >= 0, got {amount}")
        rule = _RULES[clock]
        need = round(amount * rule.unit_us)
        if clock is Clock.CALENDAR_HOURS:
            return u + need * _US
        for span in self._spans_after(u, clock):
            begin = max(u, span.lo_utc)
            if need == 0:
                return begin
            available = self._measure(span, begin, span.hi_utc, rule)
            if need <= available:
                return self._point(span, begin, need, rule)
            need -= available
        raise AssertionError("unreachable: _spans_after raises when it runs out")

    def elapsed(self, start: datetime, end: datetime, clock: Clock) -> float:
        """Open time of ``clock`` in ``[start, end)``, in :attr:`Clock.unit`.

        The inverse of :meth:`add`: ``elapsed(s, add(s, x, c), c) == x`` (to the
        microsecond). Negative when ``end`` is before ``start``.
        """
        a, b = _as_utc(start, "start"), _as_utc(end, "end")
        if b < a:
            return -self.elapsed(b, a, clock)
        rule = _RULES[clock]
        if clock is Clock.CALENDAR_HOURS:
            return (b - a) / _US / rule.unit_us
        total = 0
        day, last = self._local_date(a), self._local_date(b)
        while day <= last:
            for span in self._spans(day, clock):
                lo, hi = max(a, span.lo_utc), min(b, span.hi_utc)
                if lo < hi:
                    total += self._measure(span, lo, hi, rule)
            day += timedelta(days=1)
        return total / rule.unit_us

    # -- internals -----------------------------------------------------------

    def _local_date(self, u: datetime) -> date:
        return u.astimezone(self.timezone).date()

    def _spans(self, day: date, clock: Clock) -> tuple[_Span, ...]:
        return _day_spans(self, day, clock)

    def _spans_after(self, u: datetime, clock: Clock) -> Iterator[_Span]:
        """Open spans ending after ``u``, in time order (the first may contain ``u``)."""
        first = self._local_date(u)
        for offset in range(_HORIZON_DAYS):
            for span in self._spans(first + timedelta(days=offset), clock):
                if span.hi_utc > u:
                    yield span
        raise ValueError(f"calendar has no {clock} open time within {_HORIZON_DAYS} days of {u.isoformat()}")

    def _measure(self, span: _Span, a: datetime, b: datetime, rule: _ClockRule) -> int:
        """Open time between instants ``a <= b`` of ``span``, in microseconds."""
        if rule.measure == "real":
            return (b - a) // _US
        return (self._span_wall(span, b) - self._span_wall(span, a)) // _US

    def _point(self, span: _Span, begin: datetime, need: int, rule: _ClockRule) -> datetime:
        """Earliest instant of ``span`` at which ``need`` us have passed since ``begin``."""
        if rule.measure == "real":
            return begin + need * _US
        target = self._span_wall(span, begin) + need * _US
        if target >= span.hi_wall:
            return span.hi_utc
        return max(begin, self._to_utc(target))

    def _span_wall(self, span: _Span, u: datetime) -> datetime:
        return min(max(self._wall(u), span.lo_wall), span.hi_wall)

    def _wall(self, u: datetime) -> datetime:
        """Local wall-clock position of instant ``u``, non-decreasing in ``u``.

        During the second pass through a repeated (fall-back) period the
        position stands at the wall time the clocks were turned back from.
        """
        local = u.astimezone(self.timezone)
        naive = local.replace(tzinfo=None)
        if local.fold:
            first_offset = naive.replace(tzinfo=self.timezone).utcoffset()
            offset = local.utcoffset()
            assert first_offset is not None and offset is not None
            if first_offset > offset:
                turned_back_at = self._first_with_offset(u - (first_offset - offset), u, offset)
                return (turned_back_at + first_offset).replace(tzinfo=None)
        return naive

    def _to_utc(self, naive: datetime) -> datetime:
        """The earliest instant whose wall-clock position is ``naive``.

        A repeated wall time maps to its first occurrence; a skipped one
        (spring-forward gap) to the first instant after the gap.
        """
        u = naive.replace(tzinfo=self.timezone).astimezone(UTC)
        local = u.astimezone(self.timezone)
        if local.replace(tzinfo=None) == naive:
            return u
        before = naive.replace(tzinfo=self.timezone, fold=1).astimezone(UTC)
        offset = local.utcoffset()
        assert offset is not None
        return self._first_with_offset(before, u, offset)

    def _first_with_offset(self, lo: datetime, hi: datetime, offset: timedelta) -> datetime:
        """First instant in ``(lo, hi]`` with UTC offset ``offset`` (``hi`` has it, ``lo`` not)."""
        while hi - lo > _US:
            mid = lo + ((hi - lo) // _US // 2) * _US
            if mid.astimezone(self.timezone).utcoffset() == offset:
                hi = mid
            else:
                lo = mid
        return hi


@lru_cache(maxsize=16_384)
def _day_spans(calendar: BusinessCalendar, day: date, clock: Clock) -> tuple[_Span, ...]:
    """Open spans of ``clock`` on local date ``day``, in time order."""
    rule = _RULES[clock]
    if rule.days == "working":
        is_open = calendar.is_working_day(day)
    elif rule.days == "not_closed":
        is_open = not calendar.is_closed_date(day)
    else:
        is_open = True
    if not is_open:
        return ()
    frames = _WHOLE_DAY if rule.within_day == "whole" else calendar.office_hours[day.weekday()]
    spans = []
    for frame in frames:
        lo_wall, hi_wall = frame.bounds(day)
        lo_utc, hi_utc = calendar._to_utc(lo_wall), calendar._to_utc(hi_wall)
        if lo_utc < hi_utc:  # a timeframe wholly inside a DST gap is empty
            spans.append(_Span(lo_utc, hi_utc, lo_wall, hi_wall))
    return tuple(spans)


def _weekday(value: int | str) -> int:
    if isinstance(value, int):
        if 0 <= value <= 6:
            return value
        raise ValueError(f"weekday number must be 0 (Monday) .. 6, got {value}")
    name = value.strip().lower()[:3]
    if name not in WEEKDAYS:
        raise ValueError(f"unknown weekday {value!r}")
    return WEEKDAYS.index(name)


def _timeframe(value: Timeframe | str) -> Timeframe:
    return value if isinstance(value, Timeframe) else Timeframe.parse(value)
