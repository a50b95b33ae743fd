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
