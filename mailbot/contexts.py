"""Template contexts for every kind of email, built from a case. Pure.

The variables each kind receives are documented in
:mod:`mailbot.outbound.template_context`; this module fills them in from the
case record, the store's config and its promises.
"""

from __future__ import annotations

from datetime import datetime

from .config import StoreConfig
from .models import Case
from .policy.schema import TimerKind
from .policy.timers import Due
from .promises import StorePromises


def common(store: StoreConfig, case: Case) -> dict[str, object]:
    return {
        "case_ref": case.ref,
        "store": {"id": store.id, "name": store.name, "email": store.address, "website": store.website},
        "customer": {"name": case.customer.name, "email": case.customer.email},
        "subject": case.subject,
        "timezone": store.timezone,
    }


def acknowledgement(promises: StorePromises, case: Case, has_attachments: bool, now: datetime) -> tuple[str, dict[str, object]]:
    """The kind and context of the receipt a new case gets.

    A deadline already past when the receipt goes out (mailbot was down) is
    not quoted: the templates then promise no time rather than a past one.
    """
    store = promises.store
    kind = promises.ack_kind(case)
    due, extended = promises.ack_deadline(case)
    if due is not None and due <= now:
        due = None
    missing = promises.missing_items(case, has_attachments)
    ctx = common(store, case)
    if kind == "complaint_receipt":
        resolution = next((r.breach_at for r in promises.running(case) if r.kind == "resolution" and r.breach_at), None)
        ctx.update(owner=store.staff_name(case.owner) if case.owner else store.name, resolution_due=resolution or due,
                   order_id=case.order_id, missing=missing)
    elif kind == "return_instructions":
        h = store.handling
        ctx.update(rma_number=case.rma_number, order_id=case.order_id, return_address=h.return_address,
                   processing_days=h.return_processing_days, refund_days=h.refund_days)
    elif kind == "dispute_evidence":
        ctx.update(order_id=case.order_id, missing=missing, first_response_due=due)
    else:
        ctx.update(category=case.category.value, urgent=case.urgent, first_response_due=due,
                   extended_for_language=extended, order_id=case.order_id, missing=missing)
    return kind, ctx


def customer_email(promises: StorePromises, case: Case, kind: str, firing: Due, now: datetime) -> dict[str, object]:
    store = promises.store
    ctx = common(store, case)
    if kind == "delay_notice":
        # The next reply deadline still ahead (pandorana: the 48-hour bound once 24 has passed).
        later = next((r.breach_at for r in promises.running(case)
                      if r.kind in _REPLY_KINDS and r.breach_at and r.breach_at > now), None)
        ctx.update(category=case.category.value, first_response_due=later, order_id=case.order_id)
    elif kind == "progress_update":
        # The customer hears from us by the next cycle's automated update at the latest
        # (its warning only reminds staff), and never by an instant already past.
        nxt = next((at for r in promises.running(case) if r.kind == "periodic_update"
                    for at in (r.breach_at or r.fire_at or r.warn_at,) if at is not None and at > now), None)
        ctx.update(category=case.category.value, order_id=case.order_id, status_note=_last_note(case), next_update_due=nxt)
    elif kind == "satisfaction_followup":
        ctx.update(owner=store.staff_name(case.owner) if case.owner else "", resolved_at=case.resolved_at or now)
    elif kind == "escalation_notice":
        role = _escalation_role(case)
        response = next((r.breach_at for r in promises.running(case) if r.kind == "escalation_response" and r.breach_at), None)
        ctx.update(escalated_to={"name": role.title(), "role": role}, response_due=response or firing.at)
    return ctx


def staff_warning(promises: StorePromises, case: Case, firing: Due) -> dict[str, object]:
    store = promises.store
    return {
        **common(store, case),
        "timer": firing.timer,
        "due_at": firing.deadline or firing.at,
        "breached": firing.phase.value != "warn",
        "category": case.category.value,
        "urgent": case.urgent,
        "owner": store.staff_name(case.owner) if case.owner else "",
    }


def escalation(promises: StorePromises, case: Case, role: str, address: str, reason: str, timer: str, due_at: datetime) -> dict[str, object]:
    store = promises.store
    return {
        **common(store, case),
        "escalated_to": {"name": store.staff_name(address), "email": address, "role": role},
        "reason": reason,
        "history": [{"at": e.at, "what": e.what, "detail": e.detail} for e in case.events],
        "timer": timer,
        "due_at": due_at,
        "category": case.category.value,
        "urgent": case.urgent,
    }


def command_confirmation(store: StoreConfig, case: Case, sender: str, applied: list[str], rejected: list[str]) -> dict[str, object]:
    return {
        **common(store, case),
        "staff": {"name": store.staff_name(sender), "email": sender},
        "commands": applied,
        "status": case.status.value,
        "rejected": rejected,
    }


_REPLY_KINDS = frozenset({TimerKind.FIRST_RESPONSE, TimerKind.NEXT_RESPONSE})


def _last_note(case: Case) -> str:
    notes = [e.detail for e in case.events if e.what == "note"]
    return notes[-1] if notes else ""


def _escalation_role(case: Case) -> str:
    roles = [e.detail for e in case.events if e.what == "escalated"]
    return roles[-1] if roles else "manager"
