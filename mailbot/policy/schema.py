"""The ``policy:`` section of one store's config: its calendar and its timers.

A store's published promises, written as data (see ``defaults/<store>.yaml``
for all five stores). In YAML::

    calendar:
      timezone: America/Chicago
      working_days: [mon, tue, wed, thu, fri]
      office_hours: ["09:00-17:00"]          # or {mon: ["09:00-12:00", "13:00-17:00"], ...}
      holidays: {country: US}                # subdivision optional; null = no public holidays
      closed_dates: [2026-12-24]
    language_extension: {primary: [en], factor: 1.5}   # optional
    timers:
      first_response:                        # the name; kind defaults to it when it is a kind
        clock: business_hours
        when: {urgent: false, category_not: [feedback]}
        warn_after: 24
        breach_after: 48
        on_warn: [warn_staff]
        on_breach: [warn_staff, escalate: senior]

``timers`` may also be a list of mappings with a ``name`` each.

A timer counts on ``clock`` from its *start event* and runs until one of its
*stop events*; amounts are in the clock's unit (hours; days for
``business_days``). Each amount is a *phase*: ``warn_after`` (a warning before
the promise is broken), ``breach_after`` (the promise is broken) and
``fire_after`` (something the policy schedules, e.g. a satisfaction follow-up).
The kind sets the start event, stop events and the statuses that pause the
clock (:data:`KIND_DEFAULTS`); a row may override any of them with ``start``,
``stop`` and ``paused_in``.

Actions, written ``warn_staff``, ``escalate: <role>``, ``customer: <email>`` or
``close``, say what a firing asks the daemon to do. Validation here is
structural; that an escalation role has an address is the store config's
business.

Pure: pydantic models only; loading files is :mod:`mailbot.policy.defaults`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer, model_validator

from mailbot.models import CaseStatus, Category
from mailbot.policy.calendar import WEEKDAYS, BusinessCalendar, Clock, Timeframe

__all__ = [
    "KIND_DEFAULTS",
    "Action",
    "ActionType",
    "Applies",
    "CalendarConfig",
    "CustomerEmail",
    "HolidaysConfig",
    "KindDefaults",
    "LanguageExtension",
    "Phase",
    "StartEvent",
    "StopEvent",
    "StorePolicy",
    "TimerConfig",
    "TimerKind",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- vocabulary -----------------------------------------------------------------


class TimerKind(StrEnum):
    ACK_DEADLINE = "ack_deadline"
    FIRST_RESPONSE = "first_response"
    NEXT_RESPONSE = "next_response"
    UPDATE = "update"
    PERIODIC_UPDATE = "periodic_update"
    RESOLUTION = "resolution"
    ESCALATION_RESPONSE = "escalation_response"
    POST_RESOLUTION_FOLLOWUP = "post_resolution_followup"
    AUTO_CLOSE = "auto_close"


# Names accepted for ``kind`` (and as timer names implying the kind).
_KIND_ALIASES: Mapping[str, TimerKind] = {
    "senior_response": TimerKind.ESCALATION_RESPONSE,
    "manager_followup": TimerKind.ESCALATION_RESPONSE,
}


class StartEvent(StrEnum):
    """The instant a timer counts from (facts named as in :class:`~mailbot.policy.timers.CaseFacts`)."""

    FIRST_CUSTOMER_MESSAGE = "first_customer_message"  # earliest INTERNALDATE (opened_at if none)
    OLDEST_UNANSWERED = "oldest_unanswered_message"  # only once the first message is answered
    OPENED = "opened"
    CATEGORISED = "categorised"  # categorised_at, else opened_at
    FLAGGED_COMPLEX = "flagged_complex"
    FIRST_STAFF_REPLY = "first_staff_reply"
    LAST_STAFF_REPLY = "last_staff_reply"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    LAST_ACTIVITY = "last_activity"  # latest message, reply or status change


class StopEvent(StrEnum):
    """What ends a running timer (no firing of it is due any more)."""

    STAFF_REPLY = "staff_reply"  # a staff reply after the start (or the anchor message marked answered)
    ACKNOWLEDGED = "acknowledged"  # the acknowledgement went out
    RESOLVED = "resolved"  # status resolved or closed
    ESCALATED = "escalated"  # the case is escalated (escalated_at set)
    CUSTOMER_MESSAGE = "customer_message"  # the customer wrote after the start


class Phase(StrEnum):
    WARN = "warn"
    BREACH = "breach"
    FIRE = "fire"


class ActionType(StrEnum):
    WARN_STAFF = "warn_staff"  # tell the store's staff (breached or about to be)
    # Tell the role named in target; if the case is not escalated yet, record
    # escalated_at = Due.at (that starts the escalation_response timers).
    ESCALATE = "escalate"
    CUSTOMER = "customer"  # send the customer the email named in target
    CLOSE = "close"  # set the case closed


class CustomerEmail(StrEnum):
    """Customer-facing emails a timer may send (template kinds of the same name)."""

    DELAY_NOTICE = "delay_notice"
    PROGRESS_UPDATE = "progress_update"
    SATISFACTION_FOLLOWUP = "satisfaction_followup"
    ESCALATION_NOTICE = "escalation_notice"


_OPEN = frozenset({CaseStatus.NEW, CaseStatus.ACKNOWLEDGED, CaseStatus.WAITING_STAFF, CaseStatus.PENDING})
_DONE = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})


@dataclass(frozen=True, slots=True)
class KindDefaults:
    start: StartEvent
    stop: tuple[StopEvent, ...]
    paused_in: tuple[CaseStatus, ...]
    runs_in: frozenset[CaseStatus]  # statuses in which the timer can fire at all (not overridable)


_S, _X, _P = StartEvent, StopEvent, CaseStatus.PENDING

# One row per kind: where it counts from, what stops it, what pauses it.
# "pending" means waiting on the customer, so it pauses every clock that
# measures the store's own speed.
KIND_DEFAULTS: Mapping[TimerKind, KindDefaults] = {
    # The acknowledgement itself (mailbot sends it at once; this catches outages and suppressed acks).
    TimerKind.ACK_DEADLINE: KindDefaults(_S.FIRST_CUSTOMER_MESSAGE, (_X.ACKNOWLEDGED, _X.STAFF_REPLY), (), _OPEN),
    # First reply by a person; the automated acknowledgement never counts.
    TimerKind.FIRST_RESPONSE: KindDefaults(_S.FIRST_CUSTOMER_MESSAGE, (_X.STAFF_REPLY,), (_P,), _OPEN),
    # Every later customer message, counted from the oldest one not yet answered.
    TimerKind.NEXT_RESPONSE: KindDefaults(_S.OLDEST_UNANSWERED, (_X.STAFF_REPLY,), (_P,), _OPEN),
    # One update owed after a trigger (a case flagged complex), met by a staff reply.
    TimerKind.UPDATE: KindDefaults(_S.FLAGGED_COMPLEX, (_X.STAFF_REPLY,), (_P,), _OPEN),
    # Repeats every `every` while open; each staff reply restarts the count.
    TimerKind.PERIODIC_UPDATE: KindDefaults(_S.LAST_STAFF_REPLY, (_X.RESOLVED,), (_P,), _OPEN),
    # Until resolved, from the category that carries the promise.
    TimerKind.RESOLUTION: KindDefaults(_S.CATEGORISED, (_X.RESOLVED,), (_P,), _OPEN),
    # The senior's / manager's answer after an escalation.
    TimerKind.ESCALATION_RESPONSE: KindDefaults(_S.ESCALATED, (_X.STAFF_REPLY, _X.RESOLVED), (), _OPEN),
    # After resolution, once per resolution; a customer reply reopens the case and cancels it.
    TimerKind.POST_RESOLUTION_FOLLOWUP: KindDefaults(_S.RESOLVED, (_X.CUSTOMER_MESSAGE,), (), _DONE),
    # Quiet period in resolved or pending.
    TimerKind.AUTO_CLOSE: KindDefaults(
        _S.LAST_ACTIVITY, (_X.CUSTOMER_MESSAGE,), (), frozenset({CaseStatus.RESOLVED, CaseStatus.PENDING})
    ),
}


# -- actions ----------------------------------------------------------------------


class Action(_Frozen):
    """One thing a firing asks for; YAML ``warn_staff`` or ``escalate: senior``."""

    type: ActionType
    target: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"type": value}
        if isinstance(value, Mapping) and len(value) == 1 and "type" not in value:
            ((key, target),) = value.items()
            return {"type": key, "target": target}
        return value

    @model_validator(mode="after")
    def _target_fits_type(self) -> Action:
        if self.type is ActionType.ESCALATE:
            if not self.target or not self.target.replace("_", "").isalnum() or not self.target.islower():
                raise ValueError("escalate needs a role name, e.g. `escalate: senior`")
        elif self.type is ActionType.CUSTOMER:
            if self.target not in {e.value for e in CustomerEmail}:
                known = ", ".join(e.value for e in CustomerEmail)
                raise ValueError(f"customer needs one of: {known} (got {self.target!r})")
        elif self.target is not None:
            raise ValueError(f"{self.type} takes no target")
        return self

    @model_serializer
    def _short(self) -> str | dict[str, str]:
        return self.type.value if self.target is None else {self.type.value: self.target}

    def __str__(self) -> str:
        return self.type.value if self.target is None else f"{self.type.value}:{self.target}"


# -- filters ---------------------------------------------------------------------

_UNKNOWN_LANGUAGES = frozenset({"", "und", "xx", "zz"})


class Applies(_Frozen):
    """``when:`` -- which cases a timer applies to; every given condition must hold."""

    category: tuple[Category, ...] | None = None
    category_not: tuple[Category, ...] = ()
    urgent: bool | None = None
    complex: bool | None = None
    language: tuple[str, ...] | None = None
    language_not: tuple[str, ...] = ()

    def matches(self, *, category: Category | str, urgent: bool, complex: bool, language: str) -> bool:
        if self.category is not None and category not in self.category:
            return False
        if category in self.category_not:
            return False
        if self.urgent is not None and urgent != self.urgent:
            return False
        if self.complex is not None and complex != self.complex:
            return False
        if self.language is not None and language not in self.language:
            return False
        return language not in self.language_not


class LanguageExtension(_Frozen):
    """Deadlines multiplied by ``factor`` for mail not in a ``primary`` language.

    A language that could not be detected (empty, ``und``) is not extended:
    the promise only grows when we know the customer wrote another language.
    """

    primary: tuple[str, ...] = ("en",)
    factor: float = Field(default=1.5, ge=1.0, allow_inf_nan=False)

    def applies(self, language: str) -> bool:
        code = language.strip().lower()
        return code not in _UNKNOWN_LANGUAGES and code not in self.primary


# -- timers ------------------------------------------------------------------------

class TimerConfig(_Frozen):
    """One promise as a timer (see the module docstring)."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: TimerKind
    clock: Clock
    warn_after: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    breach_after: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    fire_after: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    every: float | None = Field(default=None, gt=0, allow_inf_nan=False)  # periodic_update only
    max_repeats: int | None = Field(default=None, gt=0)  # periodic_update only; None = while open
    when: Applies = Applies()
    start: StartEvent | None = None
    stop: tuple[StopEvent, ...] | None = None
    paused_in: tuple[CaseStatus, ...] | None = None
    on_warn: tuple[Action, ...] = ()
    on_breach: tuple[Action, ...] = ()
    on_fire: tuple[Action, ...] = ()
    extend_for_language: bool = True  # apply the policy's language_extension factor

    @model_validator(mode="before")
    @classmethod
    def _kind_from_name(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            data = dict(value)
            kind = data.get("kind", data.get("name"))
            if isinstance(kind, str) and kind in _KIND_ALIASES:
                kind = _KIND_ALIASES[kind].value
            if isinstance(kind, str) and kind in {k.value for k in TimerKind}:
                data["kind"] = kind
            return data
        return value

    @model_validator(mode="after")
    def _consistent(self) -> TimerConfig:
        phases = self.phases()
        if not phases:
            raise ValueError("needs at least one of warn_after, breach_after, fire_after")
        if self.warn_after is not None and self.breach_after is not None and self.warn_after >= self.breach_after:
            raise ValueError("warn_after must be less than breach_after")
        for phase, actions in ((Phase.WARN, self.on_warn), (Phase.BREACH, self.on_breach), (Phase.FIRE, self.on_fire)):
            if actions and phase not in phases:
                raise ValueError(f"on_{phase} given without {phase}_after")
        if self.kind is TimerKind.PERIODIC_UPDATE:
            if self.every is not None and self.every < max(phases.values()):
                raise ValueError("every must be at least the latest phase amount")
        elif self.every is not None or self.max_repeats is not None:
            raise ValueError("every / max_repeats only apply to periodic_update timers")
        return self

    def phases(self) -> dict[Phase, float]:
        """The amounts that are set, by phase (before any language factor)."""
        amounts = {Phase.WARN: self.warn_after, Phase.BREACH: self.breach_after, Phase.FIRE: self.fire_after}
        return {phase: amount for phase, amount in amounts.items() if amount is not None}

    def actions(self, phase: Phase) -> tuple[Action, ...]:
        return {Phase.WARN: self.on_warn, Phase.BREACH: self.on_breach, Phase.FIRE: self.on_fire}[phase]

    @property
    def period(self) -> float:
        """Cycle length of a periodic timer: ``every``, else its latest phase."""
        return self.every if self.every is not None else max(self.phases().values())

    @property
    def start_event(self) -> StartEvent:
        return self.start if self.start is not None else KIND_DEFAULTS[self.kind].start

    @property
    def stop_events(self) -> tuple[StopEvent, ...]:
        return self.stop if self.stop is not None else KIND_DEFAULTS[self.kind].stop

    @property
    def pause_statuses(self) -> tuple[CaseStatus, ...]:
        return self.paused_in if self.paused_in is not None else KIND_DEFAULTS[self.kind].paused_in

    @property
    def runs_in(self) -> frozenset[CaseStatus]:
        return KIND_DEFAULTS[self.kind].runs_in


# -- calendar ----------------------------------------------------------------------


class HolidaysConfig(_Frozen):
    country: str
    subdivision: str | None = None


class CalendarConfig(_Frozen):
    """``calendar:`` -- feeds :class:`~mailbot.policy.calendar.BusinessCalendar`."""

    timezone: str
    working_days: tuple[str, ...] = WEEKDAYS[:5]
    office_hours: tuple[str, ...] | dict[str, tuple[str, ...]] = ("09:00-17:00",)
    holidays: HolidaysConfig | None = HolidaysConfig(country="US")
    closed_dates: tuple[date, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {value!r}") from None
        return value

    @field_validator("working_days")
    @classmethod
    def _days(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        days = tuple(d.strip().lower() for d in value)
        bad = [d for d in days if d not in WEEKDAYS]
        if bad:
            raise ValueError(f"unknown weekday(s) {bad}; use {', '.join(WEEKDAYS)}")
        return days

    @field_validator("office_hours")
    @classmethod
    def _hours(cls, value: tuple[str, ...] | dict[str, tuple[str, ...]]) -> tuple[str, ...] | dict[str, tuple[str, ...]]:
        if isinstance(value, dict):
            bad = [d for d in value if d.strip().lower() not in WEEKDAYS]
            if bad:
                raise ValueError(f"unknown weekday(s) {bad}; use {', '.join(WEEKDAYS)}")
            frames = [f for day in value.values() for f in day]
        else:
            frames = list(value)
        for frame in frames:
            Timeframe.parse(frame)
        return value

    @model_validator(mode="after")
    def _buildable(self) -> CalendarConfig:
        self.to_calendar()  # overlapping timeframes, unknown holiday country/subdivision...
        return self

    def to_calendar(self) -> BusinessCalendar:
        """The calendar this config describes (cheap: holiday tables are cached)."""
        return BusinessCalendar.create(
            self.timezone,
            working_days=self.working_days,
            office_hours=self.office_hours,
            holiday_country=self.holidays.country if self.holidays else None,
            holiday_subdivision=self.holidays.subdivision if self.holidays else None,
            closed_dates=self.closed_dates,
        )


# -- one store ------------------------------------------------------------------------


class StorePolicy(_Frozen):
    """A store's ``policy:`` section. ``StorePolicy.model_validate(yaml_data)``."""

    calendar: CalendarConfig
    language_extension: LanguageExtension | None = None
    timers: tuple[TimerConfig, ...] = ()

    @field_validator("timers", mode="before")
    @classmethod
    def _named_mapping(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            rows = []
            for name, row in value.items():
                if not isinstance(row, Mapping):
                    raise ValueError(f"timer {name!r} must be a mapping")
                if "name" in row and row["name"] != name:
                    raise ValueError(f"timer {name!r} has a different name: {row['name']!r}")
                rows.append({"name": name, **row})
            return rows
        return value

    @model_validator(mode="after")
    def _unique_names(self) -> StorePolicy:
        seen: set[str] = set()
        for timer in self.timers:
            if timer.name in seen:
                raise ValueError(f"two timers named {timer.name!r}")
            seen.add(timer.name)
        return self

    def timer(self, name: str) -> TimerConfig:
        for timer in self.timers:
            if timer.name == name:
                return timer
        raise KeyError(name)

    def factor(self, timer: TimerConfig, language: str) -> float:
        """The language factor ``timer``'s amounts get for mail in ``language``."""
        ext = self.language_extension
        if ext is None or not timer.extend_for_language or not ext.applies(language):
            return 1.0
        return ext.factor
