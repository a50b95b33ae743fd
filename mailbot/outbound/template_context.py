"""Every kind of email mailbot sends, and the context each template receives.

This module is the one place that documents template variables. The renderer
(:mod:`mailbot.outbound.templates`) refuses a context that lacks any variable
listed here for the kind, so a template author can rely on every documented
name being present; ``mailbot templates check`` and ``preview`` render with the
sample values below.

Variables every kind receives (``COMMON``):

=================  ==========================================================
case_ref           the case reference, e.g. ``"CLQ-000123"``
store              ``{id, name, email, website}`` of the store (from config)
customer           ``{name, email}``; ``name`` may be ``""``. Customer text.
subject            the subject of the customer's first message. Customer text:
                   inserted as data, never evaluated as a template.
timezone           the store's IANA time zone; the ``localtime`` filter uses it
=================  ==========================================================

The renderer adds ``language`` (the language actually rendered),
``kind`` (this kind's value) and, for the HTML part, ``email_subject`` (the
rendered subject line, e.g. for ``<title>``).

Values that are "customer text" may contain anything (markup, ``{{ }}``,
CR/LF): HTML parts escape them, the text part strips control characters, and
the rendered subject never contains a line break.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType


class Audience(StrEnum):
    CUSTOMER = "customer"
    STAFF = "staff"


class Kind(StrEnum):
    """One kind of email; templates are named ``<kind>.txt`` / ``<kind>.html``."""

    ACK = "ack"
    DELAY_NOTICE = "delay_notice"
    PROGRESS_UPDATE = "progress_update"
    COMPLAINT_RECEIPT = "complaint_receipt"
    RETURN_INSTRUCTIONS = "return_instructions"
    DISPUTE_EVIDENCE = "dispute_evidence"
    ESCALATION_NOTICE = "escalation_notice"
    SATISFACTION_FOLLOWUP = "satisfaction_followup"
    STAFF_WARNING = "staff_warning"
    ESCALATION = "escalation"
    COMMAND_CONFIRMATION = "command_confirmation"
    TEMPLATE_ERROR = "template_error"

    @property
    def audience(self) -> Audience:
        return _AUDIENCE[self]

    @property
    def customer_facing(self) -> bool:
        return _AUDIENCE[self] is Audience.CUSTOMER


_AUDIENCE: Mapping[Kind, Audience] = MappingProxyType(
    {
        Kind.ACK: Audience.CUSTOMER,
        Kind.DELAY_NOTICE: Audience.CUSTOMER,
        Kind.PROGRESS_UPDATE: Audience.CUSTOMER,
        Kind.COMPLAINT_RECEIPT: Audience.CUSTOMER,
        Kind.RETURN_INSTRUCTIONS: Audience.CUSTOMER,
        Kind.DISPUTE_EVIDENCE: Audience.CUSTOMER,
        Kind.ESCALATION_NOTICE: Audience.CUSTOMER,
        Kind.SATISFACTION_FOLLOWUP: Audience.CUSTOMER,
        Kind.STAFF_WARNING: Audience.STAFF,
        Kind.ESCALATION: Audience.STAFF,
        Kind.COMMAND_CONFIRMATION: Audience.STAFF,
        Kind.TEMPLATE_ERROR: Audience.STAFF,
    }
)

#: Languages the default set provides for every customer-facing kind.
#: Staff-facing kinds exist in English only.
LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de")
FALLBACK_LANGUAGE = "en"

#: What an acknowledgement (or dispute request) can ask the customer to send.
#: Templates must word every item; ``check`` renders them all.
MISSING_ITEMS: tuple[str, ...] = ("order_number", "photos", "transaction_details", "screenshots")

#: Categories as in :class:`mailbot.models.Category` (kept as plain strings so
#: templates compare against literals: ``{% if category == "refund" %}``).
CATEGORIES: tuple[str, ...] = (
    "order_status",
    "shipping_issue",
    "order_change",
    "return_exchange",
    "refund",
    "damaged_wrong_item",
    "complaint",
    "product_question",
    "account",
    "payment",
    "merchant",
    "dispute",
    "feedback",
    "other",
)


@dataclass(frozen=True, slots=True)
class Var:
    """One documented template variable."""

    name: str
    doc: str


COMMON: tuple[Var, ...] = (
    Var("case_ref", "case reference quoted in every subject, e.g. 'CLQ-000123'"),
    Var("store", "{id, name, email, website} of the store"),
    Var("customer", "{name, email} of the customer; name may be ''. Customer text."),
    Var("subject", "subject of the customer's first message (customer text, data only)"),
    Var("timezone", "the store's IANA time zone, used by the localtime filter"),
)

KIND_VARS: Mapping[Kind, tuple[Var, ...]] = MappingProxyType(
    {
        Kind.ACK: (
            Var("category", "one of CATEGORIES"),
            Var("urgent", "bool: the message was classified urgent"),
            Var("first_response_due", "aware datetime: when a person will have answered, or None when the store promises no reply time"),
            Var("extended_for_language", "bool: the store answers this language late (note it)"),
            Var("order_id", "order number found in the message, or None"),
            Var("missing", "list of MISSING_ITEMS the ack should ask for (may be empty)"),
        ),
        Kind.DELAY_NOTICE: (
            Var("category", "one of CATEGORIES"),
            Var("first_response_due", "aware datetime: the new time by which we will answer, or None"),
            Var("order_id", "order number, or None"),
        ),
        Kind.PROGRESS_UPDATE: (
            Var("category", "one of CATEGORIES (return_exchange / refund get their own wording)"),
            Var("order_id", "order number, or None"),
            Var("status_note", "short staff-written note on progress, or '' (staff text, data only)"),
            Var("next_update_due", "aware datetime of the next update, or None"),
        ),
        Kind.COMPLAINT_RECEIPT: (
            Var("owner", "name of the team member assigned to the complaint"),
            Var("resolution_due", "aware datetime: when a solution will have been proposed"),
            Var("order_id", "order number, or None"),
            Var("missing", "list of MISSING_ITEMS to ask for (may be empty)"),
        ),
        Kind.RETURN_INSTRUCTIONS: (
            Var("rma_number", "return authorisation number, or None when the store issues none"),
            Var("order_id", "order number, or None"),
            Var("return_address", "multi-line postal address to ship returns to, or ''"),
            Var("processing_days", "int: business days to process a return once received, or None"),
            Var("refund_days", "int: business days to issue a refund after processing, or None"),
        ),
        Kind.DISPUTE_EVIDENCE: (
            Var("order_id", "order number, or None"),
            Var("missing", "list of MISSING_ITEMS still needed for mediation (may be empty)"),
            Var("first_response_due", "aware datetime: when a mediator will have answered, or None"),
        ),
        Kind.ESCALATION_NOTICE: (
            Var("escalated_to", "{name, role}; role is 'senior' or 'manager'"),
            Var("response_due", "aware datetime: when the senior/manager will have followed up"),
        ),
        Kind.SATISFACTION_FOLLOWUP: (
            Var("owner", "name of the team member who handled the case, or ''"),
            Var("resolved_at", "aware datetime the case was resolved"),
        ),
        Kind.STAFF_WARNING: (
            Var("timer", "what is due, e.g. 'first_response', 'resolution', 'update'"),
            Var("due_at", "aware datetime of the deadline"),
            Var("breached", "bool: the deadline has passed (else: a warning before it)"),
            Var("category", "one of CATEGORIES"),
            Var("urgent", "bool"),
            Var("owner", "assigned team member, or ''"),
        ),
        Kind.ESCALATION: (
            Var("escalated_to", "{name, email, role}; role is 'senior' or 'manager'"),
            Var("reason", "why, e.g. 'first response deadline passed' (system text)"),
            Var("history", "the case so far, oldest first: list of {at (aware datetime), what, detail}; detail may be customer or staff text"),
            Var("timer", "the timer that triggered the escalation"),
            Var("due_at", "aware datetime the escalated person must respond by"),
            Var("category", "one of CATEGORIES"),
            Var("urgent", "bool"),
        ),
        Kind.COMMAND_CONFIRMATION: (
            Var("staff", "{name, email} of the staff member who sent the command"),
            Var("commands", "list of commands applied, e.g. ['resolved', 'urgent']"),
            Var("status", "case status after the commands"),
            Var("rejected", "list of commands that were not understood (may be empty)"),
        ),
        Kind.TEMPLATE_ERROR: (
            Var("problems", "list of 'file:line: message' strings"),
            Var("template_store", "store id whose templates failed"),
        ),
    }
)


#: The template-error notice is about templates, not a case: it gets only these.
TEMPLATE_ERROR_COMMON: tuple[Var, ...] = (
    Var("store", "{id, name, email, website} of the store"),
    Var("timezone", "the store's IANA time zone"),
)


def variables(kind: Kind) -> tuple[Var, ...]:
    """Every variable documented for ``kind``, common ones first."""
    common = TEMPLATE_ERROR_COMMON if kind is Kind.TEMPLATE_ERROR else COMMON
    return common + KIND_VARS[kind]


def required_names(kind: Kind) -> tuple[str, ...]:
    """Every variable name a context for ``kind`` must contain."""
    return tuple(v.name for v in variables(kind))


# --------------------------------------------------------------------------
# Sample values, used by ``templates check`` and ``templates preview``.
# --------------------------------------------------------------------------

#: A fixed instant so previews and checks are reproducible (a Tuesday).
SAMPLE_NOW = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)

_SAMPLE_STORES: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        # id: (name, timezone, website)
        "cliniqueonlinestore": ("Cliniqueonlinestore", "America/New_York", "https://cliniqueonlinestore.com"),
        "pandorana": ("Pandorana", "America/New_York", "https://pandorana.com"),
        "kendrascottes": ("Kendrascottes", "America/Chicago", "https://kendrascottes.com"),
        "cltiktok": ("cltiktok", "America/Los_Angeles", "https://cltiktok.com"),
        "divaalex": ("Diva Alex", "America/New_York", "https://divaalex.com"),
    }
)

#: Customer text meant to break naive templates: markup, template syntax,
#: header injection. Used for one sample case of every kind.
HOSTILE_SUBJECT = "Where is <b>my</b> order? {{ 7*7 }} & {% raw %}\r\nBcc: victim@example.com"
HOSTILE_NAME = "Zoë <script>alert(1)</script> {{ store }}"


def sample_context(
    kind: Kind, store_id: str = "default", *, now: datetime = SAMPLE_NOW
) -> dict[str, object]:
    """A complete, realistic context for ``kind`` at ``store_id``."""
    name, tz, website = _SAMPLE_STORES.get(store_id, ("Example Store", "America/New_York", "https://example.com"))
    ctx: dict[str, object] = {
        "case_ref": "CS-000123",
        "store": {"id": store_id, "name": name, "email": f"support@{store_id}.example", "website": website},
        "customer": {"name": "Ana García", "email": "ana.garcia@example.net"},
        "subject": "My order arrived damaged",
        "timezone": tz,
    }
    day = timedelta(days=1)
    specific: dict[Kind, dict[str, object]] = {
        Kind.ACK: {
            "category": "damaged_wrong_item",
            "urgent": True,
            "first_response_due": now + day,
            "extended_for_language": False,
            "order_id": None,
            "missing": ["order_number", "photos"],
        },
        Kind.DELAY_NOTICE: {"category": "order_status", "first_response_due": now + 2 * day, "order_id": "100234"},
        Kind.PROGRESS_UPDATE: {
            "category": "refund",
            "order_id": "100234",
            "status_note": "Your refund was approved and sent to your bank.",
            "next_update_due": now + 3 * day,
        },
        Kind.COMPLAINT_RECEIPT: {
            "owner": "Jordan Lee",
            "resolution_due": now + 3 * day,
            "order_id": "100234",
            "missing": ["photos"],
        },
        Kind.RETURN_INSTRUCTIONS: {
            "rma_number": "RMA-20261124-0042",
            "order_id": "100234",
            "return_address": f"{name} Returns\n100 Warehouse Way\nNewark, NJ 07102\nUSA",
            "processing_days": 5,
            "refund_days": 10,
        },
        Kind.DISPUTE_EVIDENCE: {
            "order_id": None,
            "missing": ["order_number", "transaction_details", "screenshots"],
            "first_response_due": now + day,
        },
        Kind.ESCALATION_NOTICE: {
            "escalated_to": {"name": "Morgan Reyes", "role": "senior"},
            "response_due": now + day,
        },
        Kind.SATISFACTION_FOLLOWUP: {"owner": "Jordan Lee", "resolved_at": now - 2 * day},
        Kind.STAFF_WARNING: {
            "timer": "first_response",
            "due_at": now + timedelta(hours=4),
            "breached": False,
            "category": "damaged_wrong_item",
            "urgent": True,
            "owner": "",
        },
        Kind.ESCALATION: {
            "escalated_to": {"name": "Morgan Reyes", "email": f"morgan@{store_id}.example", "role": "senior"},
            "reason": "first response deadline passed",
            "history": [
                {"at": now - 2 * day, "what": "opened", "detail": "new:no-thread"},
                {"at": now - 2 * day, "what": "ack_sent", "detail": "ack"},
                {"at": now - day, "what": "customer_message", "detail": "thread:header"},
                {"at": now, "what": "escalated", "detail": "senior"},
            ],
            "timer": "first_response",
            "due_at": now + day,
            "category": "complaint",
            "urgent": False,
        },
        Kind.COMMAND_CONFIRMATION: {
            "staff": {"name": "Jordan Lee", "email": f"jordan@{store_id}.example"},
            "commands": ["resolved"],
            "status": "resolved",
            "rejected": [],
        },
        Kind.TEMPLATE_ERROR: {
            "problems": [f"templates/{store_id}/en/ack.txt:3: 'ordr_id' is undefined"],
            "template_store": store_id,
        },
    }
    ctx.update(specific[kind])
    if kind is Kind.TEMPLATE_ERROR:
        return {name: ctx[name] for name in required_names(kind)}
    return ctx


def sample_cases(
    kind: Kind, store_id: str = "default", *, now: datetime = SAMPLE_NOW
) -> Iterator[tuple[str, dict[str, object]]]:
    """Labelled contexts that together take every documented branch of ``kind``.

    The first case is :func:`sample_context`; the rest vary one thing each
    (every category, urgency, every missing item, None values, hostile
    customer text) so ``check`` catches a variable that only fails on a
    branch the plain sample does not take.
    """
    base = sample_context(kind, store_id, now=now)
    yield "sample", base
    keys = set(base)
    if "subject" not in keys:
        return
    hostile = dict(base)
    hostile["subject"] = HOSTILE_SUBJECT
    hostile["customer"] = {"name": HOSTILE_NAME, "email": "x@example.net"}
    yield "hostile customer text", hostile
    no_name = dict(base)
    no_name["customer"] = {"name": "", "email": "anon@example.net"}
    no_name["subject"] = ""
    yield "no name, empty subject", no_name
    if "category" in keys:
        for i, category in enumerate(CATEGORIES):
            case = dict(base, category=category)
            if "urgent" in keys:
                case["urgent"] = i % 2 == 0
            yield f"category={category}", case
    if "missing" in keys:
        yield "missing=all", dict(base, missing=list(MISSING_ITEMS))
        yield "missing=none", dict(base, missing=[])
    for key in ("order_id", "rma_number", "next_update_due", "processing_days", "refund_days", "first_response_due"):
        if key in keys:
            yield f"{key}=None", dict(base, **{key: None})
            if base[key] is None and key == "order_id":
                yield "order_id=set", dict(base, order_id="100234")
    for key in ("urgent", "extended_for_language", "breached"):
        if key in keys:
            yield f"{key}={not base[key]}", dict(base, **{key: not base[key]})
    for key in ("owner", "status_note", "return_address"):
        if key in keys:
            yield f"{key}=''", dict(base, **{key: ""})
    if "escalated_to" in keys:
        manager = dict(base["escalated_to"])  # type: ignore[call-overload]
        manager["role"] = "manager"
        yield "escalated_to.role=manager", dict(base, escalated_to=manager)
        nameless = dict(base["escalated_to"])  # type: ignore[call-overload]
        nameless["name"] = ""
        yield "escalated_to.name=''", dict(base, escalated_to=nameless)
    if "rejected" in keys:
        yield "rejected commands", dict(base, commands=["urgent", "complex"], status="waiting_staff", rejected=["resolvd"])
    if "timer" in keys:
        for timer in ("first_response", "urgent_first_response", "complaint_resolution", "senior_response", "manager_followup", "refund", "return_processing", "followup", "a_timer_added_later"):
            yield f"timer={timer}", dict(base, timer=timer)
