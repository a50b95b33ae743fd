"""How a case moves between statuses, and what the timers are told about it. Pure.

Statuses (models.CaseStatus):

- ``new``: opened, nothing sent yet;
- ``acknowledged``: the customer has our receipt, or staff answered; open, nothing owed by the customer;
- ``waiting_staff``: the customer wrote again and nobody answered yet;
- ``pending``: waiting on the customer (staff said ``#pending``); pauses the store's clocks;
- ``resolved``: staff said ``#resolved`` (or moved the mail to the resolved folder);
- ``closed``: resolved or pending and quiet for the auto-close period.

A customer message reopens a resolved, closed or pending case (``waiting_staff``).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from .models import Case, CaseEvent, CaseStatus, StatusEntry
from .policy.timers import CaseFacts, CustomerMessage, StatusChange


def set_status(case: Case, status: CaseStatus, at: datetime, why: str = "") -> Case:
    """``case`` in ``status`` from ``at`` on; a no-op when it already is."""
    if case.status is status:
        return case
    resolved_at = case.resolved_at
    if status is CaseStatus.RESOLVED:
        resolved_at = at
    elif status is not CaseStatus.CLOSED:
        resolved_at = None  # reopened: a new resolution will start a new follow-up
    history = case.status_history or (StatusEntry(case.opened_at, case.status),)
    return dataclasses.replace(
        case,
        status=status,
        resolved_at=resolved_at,
        status_history=(*history, StatusEntry(at, status)),
        events=(*case.events, CaseEvent(at, f"status:{status.value}", why)),
        updated_at=at,
    )


def after_customer_message(case: Case, at: datetime) -> Case:
    """A customer wrote in the case: it is the staff's turn again."""
    if case.status is CaseStatus.NEW:
        return case
    return set_status(case, CaseStatus.WAITING_STAFF, at, "customer wrote")


def after_staff_reply(case: Case, at: datetime) -> Case:
    """Staff answered: open, nothing owed until the customer writes again."""
    if case.status in (CaseStatus.NEW, CaseStatus.WAITING_STAFF):
        return set_status(case, CaseStatus.ACKNOWLEDGED, at, "staff replied")
    return case


def facts(case: Case) -> CaseFacts:
    """What the policy timers need to know about ``case``."""
    history = tuple(StatusChange(e.at, e.status) for e in case.status_history)
    if history and max(history, key=lambda c: c.at).status is not case.status:
        history = ()  # inconsistent (older state): fall back to the current status only
    pending_since = None
    if case.status is CaseStatus.PENDING:
        pending_since = max((e.at for e in case.status_history if e.status is CaseStatus.PENDING), default=case.updated_at)
    return CaseFacts(
        store_id=case.store_id,
        category=case.category,
        urgent=case.urgent,
        language=case.language,
        status=case.status,
        opened_at=case.opened_at,
        customer_messages=tuple(CustomerMessage(m.at) for m in case.messages if m.direction == "customer"),
        staff_replies=case.staff_replies,
        acknowledged_at=case.acknowledged_at,
        categorised_at=case.categorised_at,
        complex_at=case.complex_at,
        escalated_at=case.escalated_at,
        resolved_at=case.resolved_at,
        pending_since=pending_since,
        status_history=history,
        fired=frozenset(case.fired),
    )
