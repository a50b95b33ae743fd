"""What a store's timers ask for, given what has happened on a case.

The daemon describes a case as :class:`CaseFacts` (plain instants, no I/O) and
asks:

* :func:`plan` -- every firing still owed, earliest first: sleep until the
  first ``at``, then call :func:`due`;
* :func:`due` -- what to act on at ``now``, in time order;
* :func:`deadlines` -- the running timers and their instants (status pages,
  "we will now answer by ..." in a delay notice);
* :func:`deadline_for_ack` -- the first-response deadline the acknowledgement
  quotes, and whether it was extended for the customer's language.

Semantics (Request Tracker / Zendesk style SLAs, see
:data:`~mailbot.policy.schema.KIND_DEFAULTS`): first response counts from the
first customer message (IMAP INTERNALDATE) and is met by the first staff
reply -- the automated acknowledgement is not a staff reply; next response
counts from the oldest unanswered customer message; resolution from the
categorisation until resolved; escalation timers from ``escalated_at``;
post-resolution follow-ups from ``resolved_at``; a status in the timer's
``paused_in`` (pending: waiting on the customer) stops the clock, which
resumes where it stood when the status changes back.

Exactly once: every firing has a key that is unique per timer, phase and
cycle, e.g. ``first_response:breach@20260904T213000Z`` (the suffix is the
instant the timer counted from, so a new cycle -- a new unanswered message, a
new resolution -- gets new keys) or ``periodic_update#3:warn@...``. Once the
daemon has acted on a firing it adds the key to ``CaseFacts.fired``; neither
:func:`plan` nor :func:`due` returns a fired key again. A firing whose timer
stopped before the daemon acted on it (the staff reply came in while mailbot
was down) is no longer owed and is not returned.

Catching up after downtime, :func:`due` does not replay history: a warning is
dropped when the breach of the same cycle is also due (or already fired), and
a periodic timer only catches up its latest overdue cycle.

Pure: no I/O, no clock reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from mailbot.models import CaseStatus, Category
from mailbot.policy.calendar import BusinessCalendar, Clock
from mailbot.policy.schema import Action, Phase, StartEvent, StopEvent, StorePolicy, TimerConfig, TimerKind

__all__ = [
    "AckDeadline",
    "CaseFacts",
    "CustomerMessage",
    "Deadline",
    "Due",
    "StatusChange",
    "deadline_for_ack",
    "deadlines",
    "due",
    "plan",
]

_DONE = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})
_PHASE_ORDER = {Phase.WARN: 0, Phase.BREACH: 1, Phase.FIRE: 2}


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


@dataclass(frozen=True, slots=True)
class CustomerMessage:
    """One message from the customer, as the store's server received it."""

    received_at: datetime  # IMAP INTERNALDATE, aware
    answered: bool = False  # staff marked it answered (phone, another channel) without a reply mailbot saw


@dataclass(frozen=True, slots=True)
class StatusChange:
    at: datetime
    status: CaseStatus  # the status the case entered at ``at``


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the timers need to know about one case. All instants are aware.

    ``staff_replies`` are replies written by people (never mailbot's own
    acknowledgement or notices). A customer message counts as answered when
    it is marked so or a staff reply came after it. ``status_history``, when
    given, lists every status change in any order and must end (in time) with
    ``status``; it is how past pending periods pause the clocks. Without it,
    only the current pause is known: ``pending_since`` when ``status`` is a
    pausing status (a pausing status with neither pauses from the start).
    ``fired`` holds the keys of firings already acted on.
    """

    store_id: str
    category: Category | str
    urgent: bool
    language: str
    status: CaseStatus
    opened_at: datetime
    customer_messages: tuple[CustomerMessage, ...] = ()
    staff_replies: tuple[datetime, ...] = ()
    acknowledged_at: datetime | None = None
    categorised_at: datetime | None = None  # when the current category was set; None = at opening
    complex_at: datetime | None = None  # staff flagged the case complex
    escalated_at: datetime | None = None
    resolved_at: datetime | None = None
    pending_since: datetime | None = None
    status_history: tuple[StatusChange, ...] = ()
    fired: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        singles = {
            "opened_at": self.opened_at,
            "acknowledged_at": self.acknowledged_at,
            "categorised_at": self.categorised_at,
            "complex_at": self.complex_at,
            "escalated_at": self.escalated_at,
            "resolved_at": self.resolved_at,
            "pending_since": self.pending_since,
        }
        for name, value in singles.items():
            if value is not None:
                _aware(value, name)
        for message in self.customer_messages:
            _aware(message.received_at, "customer_messages[].received_at")
        for reply in self.staff_replies:
            _aware(reply, "staff_replies[]")
        for change in self.status_history:
            _aware(change.at, "status_history[].at")
        if self.status_history:
            latest = max(self.status_history, key=lambda c: c.at)
            if latest.status != self.status:
                raise ValueError(f"status_history ends with {latest.status}, but status is {self.status}")

    def is_answered(self, message: CustomerMessage) -> bool:
        return message.answered or any(reply > message.received_at for reply in self.staff_replies)


@dataclass(frozen=True, slots=True)
class Due:
    """One firing of one timer: at ``at``, do ``actions``.

    ``deadline`` is the breach instant of the same cycle (for a warning: the
    promise about to be broken), None for timers without a breach phase.
    ``reason`` is one line for logs and the case record.
    """

    key: str
    at: datetime
    timer: str
    kind: TimerKind
    phase: Phase
    actions: tuple[Action, ...]
    started_at: datetime
    deadline: datetime | None
    reason: str


@dataclass(frozen=True, slots=True)
class Deadline:
    """A running timer's instants (None: not configured, or held by a pause)."""

    timer: str
    kind: TimerKind
    started_at: datetime
    cycle: int | None  # periodic timers: the cycle still owed
    warn_at: datetime | None
    breach_at: datetime | None
    fire_at: datetime | None
    paused: bool  # a pausing status holds the clock now


@dataclass(frozen=True, slots=True)
class AckDeadline:
    """The promise an acknowledgement quotes."""

    due: datetime  # UTC
    extended: bool  # the language factor lengthened it (the ack should say so)
    timer: str
    clock: Clock
    amount: float  # in clock.unit, factor included


# -- public API ---------------------------------------------------------------------


def plan(facts: CaseFacts, policy: StorePolicy, calendar: BusinessCalendar) -> list[Due]:
    """Every firing the facts still call for and that has not fired, by time.

    Periodic timers contribute the cycle still owed and the one after it.
    A warning whose breach already fired is not owed. Entries may lie in the
    past (owed but not acted on yet): then call :func:`due`.
    """
    owed: list[Due] = []
    for run in _runs(facts, policy, calendar):
        if run.timer.kind is TimerKind.PERIODIC_UPDATE:
            base = max(1, _last_fired_cycle(run, facts.fired))
            for number in range(base, base + 2):
                if run.within_repeats(number):
                    owed += _unfired(run.cycle(number), facts.fired, now=None)
        else:
            owed += _unfired(run.cycle(None), facts.fired, now=None)
    return sorted(owed, key=_order)


def due(facts: CaseFacts, policy: StorePolicy, calendar: BusinessCalendar, now: datetime) -> list[Due]:
    """The firings to act on at ``now`` (``at <= now``, not fired), by time.

    After downtime: a warning is left out when the breach of its cycle is also
    due or fired, and a periodic timer skips cycles that a later overdue cycle
    supersedes (its customer update then goes out once, not once per missed
    cycle).
    """
    _aware(now, "now")
    ready: list[Due] = []
    for run in _runs(facts, policy, calendar):
        if run.timer.kind is not TimerKind.PERIODIC_UPDATE:
            ready += _unfired(run.cycle(None), facts.fired, now=now)
            continue
        # Start a little before the running cycle (float slack); every cycle
        # before the last complete one is superseded anyway.
        number = max(1, _last_fired_cycle(run, facts.fired), run.cycle_estimate(now) - 2)
        while run.within_repeats(number + 1) and _complete_by(run.cycle(number + 1), now):
            number += 1  # superseded: the next cycle is entirely overdue as well
        while run.within_repeats(number):
            cycle = run.cycle(number)
            if not cycle or min(d.at for d in cycle) > now:
                break
            ready += _unfired(cycle, facts.fired, now=now)
            number += 1
    return sorted(ready, key=_order)


def deadlines(facts: CaseFacts, policy: StorePolicy, calendar: BusinessCalendar) -> list[Deadline]:
    """The timers running on this case and their instants, by earliest instant."""
    rows = []
    for run in _runs(facts, policy, calendar):
        number = _owed_cycle(run, facts.fired) if run.timer.kind is TimerKind.PERIODIC_UPDATE else None
        times = {d.phase: d.at for d in run.cycle(number)}
        rows.append(
            Deadline(
                timer=run.timer.name,
                kind=run.timer.kind,
                started_at=run.started_at,
                cycle=number,
                warn_at=times.get(Phase.WARN),
                breach_at=times.get(Phase.BREACH),
                fire_at=times.get(Phase.FIRE),
                paused=bool(run.pauses) and run.pauses[-1][1] is None,
            )
        )
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(rows, key=lambda r: (min((t for t in (r.warn_at, r.breach_at, r.fire_at) if t), default=far), r.timer))


def deadline_for_ack(
    policy: StorePolicy,
    calendar: BusinessCalendar,
    received_at: datetime,
    urgent: bool,
    language: str,
    category: Category | str,
) -> AckDeadline | None:
    """The first-response promise for a new message received at ``received_at``.

    Among the ``first_response`` timers that apply (a new case is never
    flagged complex), the earliest breach -- the promise the store makes; a
    timer without a breach phase counts by its latest phase. ``extended`` says
    the language factor applied. None when no first-response timer applies
    (divaalex promises only the acknowledgement; feedback has no SLA).
    """
    _aware(received_at, "received_at")
    best: AckDeadline | None = None
    for timer in policy.timers:
        if timer.kind is not TimerKind.FIRST_RESPONSE:
            continue
        if not timer.when.matches(category=category, urgent=urgent, complex=False, language=language):
            continue
        phases = timer.phases()
        base = phases.get(Phase.BREACH, max(phases.values()))
        factor = policy.factor(timer, language)
        amount = base * factor
        at = calendar.add(received_at, amount, timer.clock)
        if best is None or at < best.due:
            best = AckDeadline(due=at, extended=factor != 1.0, timer=timer.name, clock=timer.clock, amount=amount)
    return best


# -- internals ------------------------------------------------------------------------

_Pause = tuple[datetime, datetime | None]


@dataclass(frozen=True, slots=True)
class _Run:
    """A timer that applies to the case, has started and has not stopped."""

    timer: TimerConfig
    started_at: datetime
    factor: float
    pauses: tuple[_Pause, ...]  # pausing-status periods after the start, sorted; the last may be open
    calendar: BusinessCalendar

    def within_repeats(self, number: int) -> bool:
        limit = self.timer.max_repeats
        return limit is None or number <= limit

    def cycle(self, number: int | None) -> list[Due]:
        """The firings of cycle ``number`` (None: a non-periodic timer) whose instant is known."""
        timer = self.timer
        offset = 0.0 if number is None else (number - 1) * timer.period
        times = {
            phase: _advance(self.calendar, timer.clock, self.started_at, (offset + amount) * self.factor, self.pauses)
            for phase, amount in timer.phases().items()
        }
        breach = times.get(Phase.BREACH)
        cycle_note = "" if number is None else f" cycle {number}"
        factor_note = "" if self.factor == 1.0 else f" x{self.factor:g} (language)"
        firings = []
        for phase, amount in timer.phases().items():
            at = times[phase]
            if at is None:
                continue  # held by an open pause
            firings.append(
                Due(
                    key=_key(timer.name, phase, self.started_at, number),
                    at=at,
                    timer=timer.name,
                    kind=timer.kind,
                    phase=phase,
                    actions=timer.actions(phase),
                    started_at=self.started_at,
                    deadline=breach,
                    reason=(
                        f"{timer.name}{cycle_note} {phase}: {offset + amount:g} {timer.clock}{factor_note}"
                        f" from {timer.start_event} at {_stamp(self.started_at)}"
                    ),
                )
            )
        return firings

    def cycle_estimate(self, now: datetime) -> int:
        """The periodic cycle running at ``now``, from the clock time not held by pauses."""
        if now <= self.started_at:
            return 1
        clock = self.timer.clock
        passed = self.calendar.elapsed(self.started_at, now, clock)
        for begin, end in self.pauses:
            lo, hi = max(begin, self.started_at), min(end or now, now)
            if lo < hi:
                passed -= self.calendar.elapsed(lo, hi, clock)
        return int(passed // (self.timer.period * self.factor)) + 1


def _runs(facts: CaseFacts, policy: StorePolicy, calendar: BusinessCalendar) -> Iterator[_Run]:
    complex_ = facts.complex_at is not None
    for timer in policy.timers:
        if facts.status not in timer.runs_in:
            continue
        if not timer.when.matches(category=facts.category, urgent=facts.urgent, complex=complex_, language=facts.language):
            continue
        started = _start(timer.start_event, facts)
        if started is None:
            continue
        start, anchor = started
        if _stopped(timer, facts, start, anchor):
            continue
        yield _Run(
            timer=timer,
            started_at=start.astimezone(UTC),
            factor=policy.factor(timer, facts.language),
            pauses=_pauses(facts, timer.pause_statuses, start),
            calendar=calendar,
        )


def _start(event: StartEvent, facts: CaseFacts) -> tuple[datetime, CustomerMessage | None] | None:
    """The instant ``event`` happened, and the customer message it is, if any."""
    messages = sorted(facts.customer_messages, key=lambda m: m.received_at)
    if event is StartEvent.FIRST_CUSTOMER_MESSAGE:
        return (messages[0].received_at, messages[0]) if messages else (facts.opened_at, None)
    if event is StartEvent.OLDEST_UNANSWERED:
        if not messages or not facts.is_answered(messages[0]):
            return None  # still the first-response cycle
        waiting = [m for m in messages if not facts.is_answered(m)]
        return (waiting[0].received_at, waiting[0]) if waiting else None
    instant: datetime | None
    if event is StartEvent.OPENED:
        instant = facts.opened_at
    elif event is StartEvent.CATEGORISED:
        instant = facts.categorised_at or facts.opened_at
    elif event is StartEvent.FLAGGED_COMPLEX:
        instant = facts.complex_at
    elif event is StartEvent.FIRST_STAFF_REPLY:
        instant = min(facts.staff_replies, default=None)
    elif event is StartEvent.LAST_STAFF_REPLY:
        instant = max(facts.staff_replies, default=None)
    elif event is StartEvent.ESCALATED:
        instant = facts.escalated_at
    elif event is StartEvent.RESOLVED:
        instant = facts.resolved_at
    else:  # LAST_ACTIVITY
        candidates = [facts.opened_at, *facts.staff_replies, *(m.received_at for m in messages)]
        candidates += [c.at for c in facts.status_history]
        candidates += [t for t in (facts.resolved_at, facts.pending_since, facts.escalated_at) if t is not None]
        instant = max(candidates)
    return None if instant is None else (instant, None)


def _stopped(timer: TimerConfig, facts: CaseFacts, start: datetime, anchor: CustomerMessage | None) -> bool:
    for event in timer.stop_events:
        if event is StopEvent.STAFF_REPLY:
            if (anchor is not None and anchor.answered) or any(r > start for r in facts.staff_replies):
                return True
        elif event is StopEvent.ACKNOWLEDGED:
            # Any acknowledgement counts: its timestamp comes from mailbot's
            # clock and may precede the server's INTERNALDATE by a little.
            if facts.acknowledged_at is not None:
                return True
        elif event is StopEvent.RESOLVED:
            if facts.status in _DONE:
                return True
        elif event is StopEvent.ESCALATED:
            if facts.escalated_at is not None:
                return True
        elif event is StopEvent.CUSTOMER_MESSAGE:
            if any(m.received_at > start for m in facts.customer_messages):
                return True
    return False


def _pauses(facts: CaseFacts, statuses: Sequence[CaseStatus], start: datetime) -> tuple[_Pause, ...]:
    """Periods in a pausing status that end after ``start``, merged and sorted."""
    if not statuses:
        return ()
    periods: list[_Pause] = []
    if facts.status_history:
        history = sorted(facts.status_history, key=lambda c: c.at)
        for change, following in zip(history, [*history[1:], None]):
            if change.status in statuses:
                periods.append((change.at, following.at if following else None))
    elif facts.status in statuses:
        since = facts.pending_since or datetime.min.replace(tzinfo=UTC)
        periods.append((since, None))
    merged: list[_Pause] = []
    for begin, end in periods:
        if end is not None and end <= start:
            continue
        if merged and merged[-1][1] is not None and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    return tuple(merged)


def _advance(
    calendar: BusinessCalendar, clock: Clock, start: datetime, amount: float, pauses: Sequence[_Pause]
) -> datetime | None:
    """``calendar.add`` with the clock held during ``pauses``; None if an open pause holds it."""
    at, remaining = start, amount
    for begin, end in pauses:
        if end is not None and end <= at:
            continue
        if begin > at:
            available = calendar.elapsed(at, begin, clock)
            if available >= remaining:
                return calendar.add(at, remaining, clock)
            remaining -= available
        if end is None:
            return None
        at = max(at, end)
    return calendar.add(at, remaining, clock)


def _unfired(cycle: list[Due], fired: frozenset[str], now: datetime | None) -> list[Due]:
    """The owed firings of one cycle (with ``now``: only those due by then)."""
    breach_fired = any(d.phase is Phase.BREACH and d.key in fired for d in cycle)
    breach_due = now is not None and any(d.phase is Phase.BREACH and d.at <= now for d in cycle)
    owed = []
    for firing in cycle:
        if firing.key in fired or (now is not None and firing.at > now):
            continue
        if firing.phase is Phase.WARN and (breach_fired or breach_due):
            continue  # superseded: warning about a promise already broken
        owed.append(firing)
    return owed


def _complete_by(cycle: list[Due], now: datetime) -> bool:
    phases = len(cycle)
    return phases > 0 and all(d.at <= now for d in cycle)


_CYCLE_RE = re.compile(r"^(?P<name>[a-z0-9_]+)#(?P<number>\d+):[a-z]+@(?P<stamp>\d{8}T\d{6}Z)$")


def _last_fired_cycle(run: _Run, fired: frozenset[str]) -> int:
    stamp = _stamp(run.started_at)
    numbers = [
        int(m["number"])
        for m in map(_CYCLE_RE.match, fired)
        if m is not None and m["name"] == run.timer.name and m["stamp"] == stamp
    ]
    return max(numbers, default=0)


def _owed_cycle(run: _Run, fired: frozenset[str]) -> int:
    """The periodic cycle still owed: the last one acted on, or the next once it is complete.

    A cycle is complete when its last phase fired (a warning superseded
    while catching up never fires, so only the last phase decides).
    """
    number = max(1, _last_fired_cycle(run, fired))
    cycle = run.cycle(number)
    if cycle and run.within_repeats(number + 1):
        last = max(cycle, key=lambda d: _PHASE_ORDER[d.phase])
        if last.key in fired:
            number += 1
    return number


@lru_cache(maxsize=4096)  # a case's few start instants are stamped into every key and reason
def _stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _key(name: str, phase: Phase, started_at: datetime, number: int | None) -> str:
    cycle = "" if number is None else f"#{number}"
    return f"{name}{cycle}:{phase}@{_stamp(started_at)}"


def _order(firing: Due) -> tuple[datetime, int, str]:
    return firing.at, _PHASE_ORDER[firing.phase], firing.key
