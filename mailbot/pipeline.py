"""Rules decide what happens to one inbound message. Pure: no I/O.

The rules run in the order of :data:`RULES`, a literal table; the first rule
that fires decides the action, and every rule that was consulted leaves its
hit in ``Decision.reasons`` so the log line and the case record can answer
"why did it (not) send that?".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .models import Case, MachineKind, ParsedMessage, Understanding
from .threader import CaseMatch


class Role(StrEnum):
    """Which mailbox a message was found in."""

    INBOX = "inbox"
    SENT = "sent"  # the shared mailbox's Sent folder: what staff (and we) sent


class Action(StrEnum):
    DUPLICATE = "duplicate"  # seen this Message-ID before: nothing to do
    STAFF_COMMAND = "staff_command"  # #resolved, #assign ...: obeyed only if trusted
    OWN_MAIL = "own_mail"  # from the store's own address: never answer ourselves
    STAFF_REPLY = "staff_reply"  # staff wrote in a case: clears the response clock
    STAFF_OTHER = "staff_other"  # staff mail that belongs to no case
    MACHINE = "machine"  # auto-reply, bounce, list: recorded, never acknowledged
    CUSTOMER_REPLY = "customer_reply"  # joins its case, no second acknowledgement
    NEW_CASE = "new_case"  # opens a case and acknowledges it
    NEW_CASE_NO_ACK = "new_case_no_ack"  # opens a case, but the sender hit the ack limit


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules may look at, gathered by the caller."""

    msg: ParsedMessage
    understanding: Understanding
    match: CaseMatch
    duplicate: bool
    role: Role
    has_commands: bool  # the body holds #command lines
    command_case: Case | None  # the case named by the subject's reference, whoever sent it
    store_address: str
    staff: frozenset[str]  # staff, escalation and admin addresses (not the store address)
    acks_to_sender_last_hour: int
    ack_limit_per_hour: int

    @property
    def sender(self) -> str:
        return self.msg.from_.email if self.msg.from_ else ""


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    case: Case | None
    reasons: tuple[str, ...]

    @property
    def opens_case(self) -> bool:
        return self.action in (Action.NEW_CASE, Action.NEW_CASE_NO_ACK)

    @property
    def sends_ack(self) -> bool:
        return self.action is Action.NEW_CASE


Rule = Callable[[Facts], tuple[Action, str] | None]


def _duplicate(f: Facts) -> tuple[Action, str] | None:
    return (Action.DUPLICATE, "duplicate:message-id") if f.duplicate else None


def _command(f: Facts) -> tuple[Action, str] | None:
    if not f.has_commands or f.command_case is None:
        return None
    if f.sender != f.store_address and f.sender not in f.staff:
        return None  # a stranger's "#resolved" is just text in a customer message
    return Action.STAFF_COMMAND, f"command:{f.role.value}:{f.command_case.ref}"


def _own_address(f: Facts) -> tuple[Action, str] | None:
    if f.role is Role.INBOX and f.sender == f.store_address:
        return Action.OWN_MAIL, "loop:from-store-address"
    return None


def _sent_folder(f: Facts) -> tuple[Action, str] | None:
    if f.role is not Role.SENT:
        return None
    if f.match.case is not None:
        return Action.STAFF_REPLY, f"staff:sent-folder:{f.match.reason}"
    return Action.STAFF_OTHER, "staff:sent-folder:no-case"


def _staff(f: Facts) -> tuple[Action, str] | None:
    if f.sender not in f.staff:
        return None
    if f.match.case is not None:
        return Action.STAFF_REPLY, f"staff:{f.match.reason}"
    return Action.STAFF_OTHER, "staff:no-case"


def _machine(f: Facts) -> tuple[Action, str] | None:
    machine = f.understanding.machine
    if machine.kind is MachineKind.NONE:
        return None
    return Action.MACHINE, f"machine:{machine.kind.value}:{machine.reason}"


def _reply(f: Facts) -> tuple[Action, str] | None:
    return (Action.CUSTOMER_REPLY, f.match.reason) if f.match.case is not None else None


def _rate_limit(f: Facts) -> tuple[Action, str] | None:
    if f.acks_to_sender_last_hour >= f.ack_limit_per_hour:
        return Action.NEW_CASE_NO_ACK, f"ack-limit:{f.acks_to_sender_last_hour}/h"
    return None


def _new_case(f: Facts) -> tuple[Action, str] | None:
    return Action.NEW_CASE, f.match.reason


RULES: tuple[tuple[str, Rule], ...] = (
    # A Message-ID we already hold: fetching it again (restart, UIDVALIDITY change, a copy) changes nothing.
    ("duplicate", _duplicate),
    # "#resolved" and friends from the store or its staff, naming a case in the subject.
    ("command", _command),
    # Mail from the store's own address is ours or a colleague's: answering it is how loops start.
    ("own-address", _own_address),
    # What staff sent from the shared mailbox (a reply in a case stops its response clock).
    ("sent-folder", _sent_folder),
    # Staff write from their own addresses; their mail is never acknowledged.
    ("staff", _staff),
    # Robots get no acknowledgement: auto-replies, bounces, lists (the understanding layer decides).
    ("machine", _machine),
    # A reply in a known conversation joins its case without a second acknowledgement.
    ("reply", _reply),
    # One sender may not make us send more than N acknowledgements an hour.
    ("rate-limit", _rate_limit),
    # Everything else is a new conversation.
    ("new-case", _new_case),
)


def decide(facts: Facts) -> Decision:
    reasons: list[str] = []
    for _name, rule in RULES:
        hit = rule(facts)
        if hit is not None:
            action, reason = hit
            reasons.append(reason)
            return Decision(action, facts.match.case, tuple(reasons))
    raise AssertionError("the new-case rule always fires")
