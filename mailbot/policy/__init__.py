"""Pure policy layer: business calendars, SLA timers and what is due when.

Nothing here does I/O or reads the clock; every function that needs the
current time takes ``now``. (:mod:`mailbot.policy.defaults` reads the packaged
default YAML files and is the one exception.)

* :mod:`~mailbot.policy.calendar` -- clocks and business calendars;
* :mod:`~mailbot.policy.schema` -- a store's ``policy:`` config section;
* :mod:`~mailbot.policy.timers` -- case facts in, firings out.
"""

from mailbot.policy.calendar import BusinessCalendar, Clock, Timeframe
from mailbot.policy.schema import Action, ActionType, CustomerEmail, Phase, StorePolicy, TimerConfig, TimerKind
from mailbot.policy.timers import (
    AckDeadline,
    CaseFacts,
    CustomerMessage,
    Deadline,
    Due,
    StatusChange,
    deadline_for_ack,
    deadlines,
    due,
    plan,
)

__all__ = [
    "AckDeadline",
    "Action",
    "ActionType",
    "BusinessCalendar",
    "CaseFacts",
    "Clock",
    "CustomerEmail",
    "CustomerMessage",
    "Deadline",
    "Due",
    "Phase",
    "StatusChange",
    "StorePolicy",
    "Timeframe",
    "TimerConfig",
    "TimerKind",
    "deadline_for_ack",
    "deadlines",
    "due",
    "plan",
]
