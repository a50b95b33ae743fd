"""The records that pass between pipeline stages.

One message travels as::

    RawMessage -> ParsedMessage -> Understanding -> CaseMatch -> Decision -> Outcome

Every record is frozen; a stage returns a new record instead of editing the one
it was given. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Category(StrEnum):
    ORDER_STATUS = "order_status"
    SHIPPING_ISSUE = "shipping_issue"
    ORDER_CHANGE = "order_change"
    RETURN_EXCHANGE = "return_exchange"
    REFUND = "refund"
    DAMAGED_WRONG_ITEM = "damaged_wrong_item"
    COMPLAINT = "complaint"
    PRODUCT_QUESTION = "product_question"
    ACCOUNT = "account"
    PAYMENT = "payment"
    MERCHANT = "merchant"
    DISPUTE = "dispute"
    FEEDBACK = "feedback"
    OTHER = "other"


class MachineKind(StrEnum):
    """What kind of automated sender a message comes from, if any."""

    NONE = "none"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    LIST = "list"


class CaseStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    WAITING_STAFF = "waiting_staff"
    PENDING = "pending"  # waiting on the customer
    RESOLVED = "resolved"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class RawMessage:
    """Bytes as fetched from one mailbox, with the server's own metadata."""

    store_id: str
    mailbox: str
    uidvalidity: int
    uid: int
    data: bytes
    internaldate: datetime | None  # when the store's server received it (aware, UTC)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str  # lower-cased

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """A message reduced to what mailbot reasons about.

    Header values are decoded to str; ``headers`` keeps every header as
    (lower-cased name, decoded value) pairs in wire order so rules can look at
    anything without re-parsing. ``text`` is the best plain-text rendering of
    the body (text/plain, or text/html stripped of tags when there is no plain
    part). ``defects`` lists what the parser had to repair.
    """

    message_id: str  # without angle brackets; synthesised if the message had none
    subject: str
    from_: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    reply_to: tuple[Address, ...]
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    text: str
    html: str
    content_type: str
    attachments: tuple[Attachment, ...]
    return_path: str | None  # None: header absent; "": the null sender <>
    size: int
    defects: tuple[str, ...] = ()

    def header(self, name: str) -> str | None:
        """First value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None

    def header_all(self, name: str) -> tuple[str, ...]:
        wanted = name.lower()
        return tuple(value for key, value in self.headers if key == wanted)


@dataclass(frozen=True, slots=True)
class Machine:
    kind: MachineKind
    reason: str = ""
    failed_recipient: str | None = None  # bounces: the address that failed, when the report names it


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a customer wrote, as decided by the pure understanding layer."""

    category: Category
    urgent: bool
    language: str  # ISO 639-1
    order_id: str | None
    machine: Machine
    new_text: str
    reasons: tuple[str, ...] = field(default_factory=tuple)


# The kinds of email that acknowledge a new case (the plain ack, or a category's own receipt).
ACK_KINDS = frozenset({"ack", "complaint_receipt", "return_instructions", "dispute_evidence"})


class OutboxState(StrEnum):
    PENDING = "pending"  # recorded, not yet accepted by SMTP
    SENT = "sent"  # accepted by SMTP
    FAILED = "failed"  # permanent failure (5xx), not retried


@dataclass(frozen=True, slots=True)
class OutboundRecord:
    """One email mailbot sends. Recorded as pending *before* the send.

    ``rendered`` holds the mail as sent (its bytes as latin-1 text) from the
    moment it is pending until it is sent and filed, in the same atomic write
    as the record, so a resend after a crash uses the same Message-ID and the
    same text. (State written by earlier versions keeps it in a file beside
    the state: ``StateStore.outbound_bytes``.)
    """

    message_id: str
    kind: str  # template kind: ack, delay_notice, escalation, ...
    to: tuple[str, ...]
    state: OutboxState
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    filed: bool = False  # copy APPENDed to the Sent folder
    error: str = ""
    timer_key: str = ""  # the policy firing that caused it, if any
    rendered: str = ""  # until sent and filed: the exact mail, bytes decoded as latin-1


@dataclass(frozen=True, slots=True)
class CaseMessage:
    """A message that belongs to a case, inbound or outbound."""

    message_id: str
    direction: str  # "customer" | "staff" | "bot"
    at: datetime  # INTERNALDATE for inbound, send time for outbound
    sender: str
    mailbox: str = ""
    uid: int = 0


@dataclass(frozen=True, slots=True)
class CaseEvent:
    at: datetime
    what: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class StatusEntry:
    at: datetime
    status: CaseStatus  # the status the case entered at ``at``


@dataclass(frozen=True, slots=True)
class Case:
    """A customer conversation. The state store persists it as one document."""

    ref: str
    number: int
    store_id: str
    customer: Address
    subject: str
    status: CaseStatus
    opened_at: datetime
    updated_at: datetime
    messages: tuple[CaseMessage, ...]
    category: Category = Category.OTHER
    urgent: bool = False
    language: str = "en"
    order_id: str | None = None
    reasons: tuple[str, ...] = ()
    outbox: tuple[OutboundRecord, ...] = ()
    events: tuple[CaseEvent, ...] = ()
    fired: tuple[str, ...] = ()  # policy timer keys already fired (exactly once)
    owner: str = ""
    flags: tuple[str, ...] = ()  # complex, escalated, ...
    resolved_at: datetime | None = None
    escalated_at: datetime | None = None
    complex_at: datetime | None = None
    categorised_at: datetime | None = None  # when staff changed the category; None = at opening
    status_history: tuple[StatusEntry, ...] = ()
    rma_number: str | None = None
    next_timer_at: datetime | None = None  # derived from the policy on every save; indexes the timeline

    @property
    def message_ids(self) -> tuple[str, ...]:
        return tuple(m.message_id for m in self.messages) + tuple(o.message_id for o in self.outbox)

    @property
    def participants(self) -> frozenset[str]:
        return frozenset({self.customer.email} | {m.sender for m in self.messages if m.direction == "customer"})

    @property
    def acknowledged_at(self) -> datetime | None:
        times = [o.sent_at for o in self.outbox if o.kind in ACK_KINDS and o.sent_at is not None]
        return min(times) if times else None

    @property
    def staff_replies(self) -> tuple[datetime, ...]:
        return tuple(m.at for m in self.messages if m.direction == "staff")

    def acks_sent_since(self, since: datetime) -> int:
        return sum(1 for o in self.outbox if o.kind in ACK_KINDS and o.created_at >= since)


@dataclass(frozen=True, slots=True)
class MailboxState:
    mailbox: str
    uidvalidity: int
    last_uid: int
