"""Handlers: each turns one decision into case changes and outgoing mail.

A handler returns the new case with any outgoing mail enqueued as pending;
the caller saves it (one atomic write) and then delivers. Handlers never
talk to a server themselves.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime

from . import contexts
from .commands import Command, Verb
from .config import StoreConfig
from .lifecycle import after_customer_message, after_staff_reply, set_status
from .logs import event
from .models import Address, Case, CaseEvent, CaseMessage, CaseStatus, ParsedMessage, RawMessage, Understanding
from .outbox import Outbox, Outgoing
from .policy.schema import ActionType, Phase
from .policy.timers import Due
from .promises import StorePromises

log = logging.getLogger("mailbot")


class CaseHandlers:
    def __init__(self, store: StoreConfig, promises: StorePromises, outbox: Outbox, now: Callable[[], datetime]) -> None:
        self.store = store
        self.promises = promises
        self.outbox = outbox
        self.now = now

    # -- inbound mail ------------------------------------------------------

    def open_case(
        self, number: int, raw: RawMessage, msg: ParsedMessage, understanding: Understanding, reasons: tuple[str, ...], ack: bool
    ) -> Case:
        now = self.now()
        received = raw.internaldate or now
        customer = msg.from_ or Address("", "")
        case = Case(
            ref=f"{self.store.prefix}-{number:06d}",
            number=number,
            store_id=self.store.id,
            customer=customer,
            subject=msg.subject,
            status=CaseStatus.NEW,
            opened_at=received,
            updated_at=now,
            messages=(CaseMessage(msg.message_id, "customer", received, customer.email, raw.mailbox, raw.uid),),
            category=understanding.category,
            urgent=understanding.urgent,
            language=understanding.language,
            order_id=understanding.order_id,
            reasons=(*reasons, *understanding.reasons),
            events=(CaseEvent(now, "opened", ";".join(reasons)),),
        )
        queue = self.promises.queue_for(case.category)
        case = dataclasses.replace(
            case,
            owner=self.promises.owner_for(case),
            rma_number=self.promises.rma_for(case),
            flags=(f"queue:{queue}",) if queue != "default" else (),
        )
        if ack:
            kind, context = contexts.acknowledgement(self.promises, case, bool(msg.attachments), now)
            case = self.outbox.enqueue(
                case,
                Outgoing(kind, (customer.email,), context, case.language, in_reply_to=msg.message_id, references=msg.references),
            )
        return case

    def add_message(self, case: Case, raw: RawMessage, msg: ParsedMessage, direction: str, why: str) -> Case:
        at = raw.internaldate or self.now()
        sender = msg.from_.email if msg.from_ else ""
        case = dataclasses.replace(
            case,
            messages=(*case.messages, CaseMessage(msg.message_id, direction, at, sender, raw.mailbox, raw.uid)),
            updated_at=self.now(),
            events=(*case.events, CaseEvent(self.now(), f"{direction}_message", why)),
        )
        return after_customer_message(case, at) if direction == "customer" else after_staff_reply(case, at)

    # -- staff -------------------------------------------------------------

    def apply_commands(self, case: Case, commands: tuple[Command, ...], sender: str, at: datetime) -> tuple[Case, list[str]]:
        """Apply ``commands`` in order; returns the case and what was applied."""
        applied = []
        for command in commands:
            case = self._apply(case, command, sender, at)
            applied.append(str(command))
        return case, applied

    def _apply(self, case: Case, command: Command, sender: str, at: datetime) -> Case:
        verb = command.verb
        note = CaseEvent(at, f"command:{verb.value}", f"{sender} {command.argument}".strip())
        case = dataclasses.replace(case, events=(*case.events, note), updated_at=at)
        if verb is Verb.RESOLVED:
            return set_status(case, CaseStatus.RESOLVED, at, f"#resolved by {sender}")
        if verb is Verb.PENDING:
            return set_status(case, CaseStatus.PENDING, at, f"#pending by {sender}")
        if verb is Verb.REOPEN:
            return set_status(case, CaseStatus.WAITING_STAFF, at, f"#reopen by {sender}")
        if verb is Verb.URGENT:
            return dataclasses.replace(case, urgent=True, categorised_at=case.categorised_at or at)
        if verb is Verb.COMPLEX:
            return dataclasses.replace(case, complex_at=case.complex_at or at, flags=_add(case.flags, "complex"))
        if verb is Verb.ASSIGN:
            return dataclasses.replace(case, owner=self._staff_address(command.argument))
        if verb is Verb.NOTE:
            return dataclasses.replace(case, events=(*case.events, CaseEvent(at, "note", command.argument)))
        if verb is Verb.ESCALATE:
            return self.escalate(case, self._escalation_role(), at, f"#escalate by {sender}", "command")
        raise AssertionError(verb)

    def apply_folder(self, case: Case, meaning: str, folder: str, at: datetime) -> Case:
        """Staff moved or copied the customer's message into a status folder."""
        commands = {
            "resolved": Command(Verb.RESOLVED),
            "pending": Command(Verb.PENDING),
            "urgent": Command(Verb.URGENT),
            "complex": Command(Verb.COMPLEX),
            "escalated": Command(Verb.ESCALATE),
        }
        return self._apply(case, commands[meaning], f"folder:{folder}", at)

    def confirm(self, case: Case, sender: str, applied: list[str], rejected: list[str]) -> Case:
        context = contexts.command_confirmation(self.store, case, sender, applied, rejected)
        return self.outbox.enqueue(case, Outgoing("command_confirmation", (sender,), context, auto_submitted="auto-generated"))

    def _staff_address(self, name: str) -> str:
        wanted = name.strip().lower()
        for address in self.store.staff:
            if wanted in (address, address.partition("@")[0], self.store.staff_name(address).lower()):
                return address
        return name.strip()

    # -- escalation --------------------------------------------------------

    def _escalation_role(self) -> str:
        """Whom staff escalate to: the first role the store's own promises escalate to
        (divaalex: "escalated to a manager"; kendrascottes: "a senior team member"),
        else the first contact configured."""
        for timer in self.store.policy.timers:
            for phase in Phase:
                for action in timer.actions(phase):
                    if action.type is ActionType.ESCALATE and action.target in self.store.escalation:
                        return action.target
        return next(iter(self.store.escalation), "")

    def escalate(self, case: Case, role: str, at: datetime, reason: str, timer: str) -> Case:
        address = self.store.escalation.get(role)
        if address is None:
            event(log, logging.WARNING, self.store.id, "escalation_skipped", case=case.ref, role=role, why="no such contact")
            return case
        first = case.escalated_at is None
        case = dataclasses.replace(
            case,
            escalated_at=case.escalated_at or at,
            flags=_add(case.flags, "escalated"),
            events=(*case.events, CaseEvent(at, "escalated", role)),
        )
        running = self.promises.running(case)
        due_at = next((r.breach_at for r in running if r.kind == "escalation_response" and r.breach_at), at) if first else at
        context = contexts.escalation(self.promises, case, role, address, reason, timer, due_at)
        return self.outbox.enqueue(case, Outgoing("escalation", (address,), context, auto_submitted="auto-generated"))

    # -- timers ------------------------------------------------------------

    def fire(self, case: Case, firings: list[Due], now: datetime) -> Case:
        """Act on due timer firings, each exactly once (its key joins ``case.fired``)."""
        for firing in firings:
            if firing.key in case.fired:
                continue
            case = dataclasses.replace(
                case,
                fired=(*case.fired, firing.key),
                events=(*case.events, CaseEvent(now, f"timer:{firing.timer}:{firing.phase.value}", firing.reason)),
            )
            for action in firing.actions:
                case = self._act(case, firing, action.type, action.target or "", now)
            event(log, logging.INFO, self.store.id, "timer_fired", case=case.ref, timer=firing.timer, phase=firing.phase.value,
                  at=firing.at.isoformat(), actions=",".join(str(a) for a in firing.actions))
        return case

    def _act(self, case: Case, firing: Due, action: ActionType, target: str, now: datetime) -> Case:
        if action is ActionType.WARN_STAFF:
            to = case.owner if "@" in case.owner else self.store.address
            context = contexts.staff_warning(self.promises, case, firing)
            return self.outbox.enqueue(
                case, Outgoing("staff_warning", (to,), context, auto_submitted="auto-generated", timer_key=firing.key)
            )
        if action is ActionType.ESCALATE:
            reason = f"{firing.timer.replace('_', ' ')} {'deadline passed' if firing.phase.value == 'breach' else 'due'}"
            return self.escalate(case, target, firing.at, reason, firing.timer)
        if action is ActionType.CUSTOMER:
            context = contexts.customer_email(self.promises, case, target, firing, now)
            last = next((m for m in reversed(case.messages) if m.direction == "customer"), None)
            return self.outbox.enqueue(
                case,
                Outgoing(target, (case.customer.email,), context, case.language,
                         in_reply_to=last.message_id if last else None,
                         references=tuple(m.message_id for m in case.messages), timer_key=firing.key),
            )
        if action is ActionType.CLOSE:
            return set_status(case, CaseStatus.CLOSED, now, f"auto-close ({firing.timer})")
        raise AssertionError(action)


def _add(flags: tuple[str, ...], flag: str) -> tuple[str, ...]:
    return flags if flag in flags else (*flags, flag)
