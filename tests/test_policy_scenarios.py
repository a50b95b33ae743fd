"""Every row of POLICIES.md, kept on the real mail stack while virtual time walks.

Each test is one promise of one store's published policy. Messages "arrive"
with a chosen IMAP INTERNALDATE (an APPEND: every timer counts from it), the
daemon runs with ``--once`` semantics at chosen virtual instants, and the test
checks what was mailed, to whom and when, and that nothing went out twice.

Expected instants are worked out by hand in each docstring (the store's
timezone, US public holidays from the ``holidays`` package, weekends) and
written as local wall-clock times; none is computed with the policy code
under test.

Dates lie in the past on purpose: Dovecot clamps an APPEND INTERNALDATE in
the future to the current time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailbot.models import Case, OutboundRecord, OutboxState
from mailbot.state import TinyStateStore

from .support import World, body_text, customer_mail

pytestmark = pytest.mark.mailstack


def shown(when: datetime) -> str:
    """How the templates print an instant: "Wednesday 21 January, 16:30 CST" (``when`` in the store's zone)."""
    return f"{shown_date(when)}, {when:%H:%M} {when.tzname()}"


def shown_date(when: datetime) -> str:
    return f"{when:%A} {when.day} {when:%B}"


def text(msg: EmailMessage) -> str:
    """The plain-text body with its line wrapping undone."""
    return " ".join(body_text(msg).split())


class Desk:
    """One store's support desk on the mail stack, walked through virtual time."""

    def __init__(self, world: World, sid: str) -> None:
        self.world = world
        self.sid = sid
        self.address = world.address(sid)
        self.tz = ZoneInfo(world.store(sid)["timezone"])
        self.staff: list[str] = list(world.store(sid)["staff"])
        self.escalation: dict[str, str] = dict(world.store(sid)["escalation"])
        self.domain = self.address.split("@")[1]

    # -- time ----------------------------------------------------------------

    def at(self, year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
        """A local wall-clock instant in the store's timezone."""
        return datetime(year, month, day, hour, minute, tzinfo=self.tz)

    def run(self, now: datetime) -> None:
        """One ``mailbot run --once --now <now>``: a fresh daemon, its state from disk."""
        self.world.run_once(now=now)

    # -- mail arriving ---------------------------------------------------------

    def arrive(self, msg: EmailMessage, when: datetime, mailbox: str = "INBOX") -> EmailMessage:
        """``msg`` reaches the store's server at ``when`` (its INTERNALDATE)."""
        del msg["Date"]
        msg["Date"] = format_datetime(when)
        self.world.append(self.address, msg.as_bytes(), when, mailbox)
        return msg

    def customer(self, name: str = "ann") -> str:
        return self.world.customer(name)

    def customer_writes(self, when: datetime, subject: str, body: str, name: str = "ann") -> EmailMessage:
        return self.arrive(customer_mail(self.customer(name), self.address, subject=subject, body=body), when)

    def customer_replies(self, when: datetime, to: EmailMessage, body: str, name: str = "ann") -> EmailMessage:
        case = self.case_of(to)
        msg = customer_mail(
            self.customer(name), self.address, subject=f"Re: {case.subject} [{case.ref}]", body=body,
            in_reply_to=str(to["Message-ID"]), references=[str(to["Message-ID"])],
        )
        return self.arrive(msg, when)

    def _reply(self, sender: str, to: EmailMessage, body: str) -> EmailMessage:
        case = self.case_of(to)
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = str(to["From"])
        msg["Subject"] = f"Re: {case.subject} [{case.ref}]"
        msg["Message-ID"] = make_msgid(domain=self.domain)
        msg["In-Reply-To"] = str(to["Message-ID"])
        msg["References"] = str(to["Message-ID"])
        msg.set_content(body)
        return msg

    def staff_reply_from_shared_mailbox(self, when: datetime, to: EmailMessage, body: str = "We are on it.") -> EmailMessage:
        """A reply written in the shared mailbox: its copy is kept in Sent."""
        return self.arrive(self._reply(f"Support <{self.address}>", to, body), when, "Sent")

    def staff_reply_with_store_in_cc(self, when: datetime, to: EmailMessage, staff: str, body: str = "We are on it.") -> EmailMessage:
        """A reply from a staff member's own address, the store in Cc: its copy arrives in INBOX."""
        msg = self._reply(staff, to, body)
        msg["Cc"] = self.address
        return self.arrive(msg, when)

    def command(self, when: datetime, about: EmailMessage, *lines: str, sender: str | None = None,
                mailbox: str = "Sent", headers: dict[str, str] | None = None) -> EmailMessage:
        """A command email about ``about``'s case; by default from the first staff member, copy in Sent."""
        case = self.case_of(about)
        msg = EmailMessage()
        for key, value in (headers or {}).items():
            msg[key] = value
        msg["From"] = sender or self.staff[0]
        msg["To"] = self.address
        msg["Subject"] = f"[{case.ref}] {case.subject}"
        msg["Message-ID"] = make_msgid(domain="staff.example")
        msg.set_content("\n".join(lines) + "\n")
        return self.arrive(msg, when, mailbox)

    # -- what happened -----------------------------------------------------------

    @property
    def state(self) -> TinyStateStore:
        return TinyStateStore(self.world.state_dir)

    def cases(self) -> list[Case]:
        return sorted(self.state.all_cases(self.sid), key=lambda c: c.number)

    def case(self) -> Case:
        [case] = self.cases()
        return case

    def case_of(self, msg: EmailMessage) -> Case:
        case = self.state.case_for_message_id(self.sid, str(msg["Message-ID"]).strip().strip("<>"))
        assert case is not None, f"no case holds {msg['Message-ID']}"
        return case

    def kinds(self, case: Case | None = None) -> list[str]:
        """Every email recorded on the case, by kind, in order."""
        return [o.kind for o in (case or self.case()).outbox]

    def records(self, kind: str, case: Case | None = None) -> list[OutboundRecord]:
        return [o for o in (case or self.case()).outbox if o.kind == kind]

    def filed_copies(self) -> list[str]:
        """Message-IDs of mailbot's own mail in the Sent folder."""
        return [str(m["Message-ID"]).strip().strip("<>") for m in self.world.inbox(self.address, "Sent") if m["X-Mailbot-Case"]]

    def assert_each_sent_once(self) -> None:
        """Every email the state records went through SMTP once and was filed once; nothing else was sent.

        The daemon files its copy in Sent right after SMTP accepts a message,
        within the same run, so the Sent folder is a complete and synchronous
        record of what left (delivery to the recipients is asynchronous).
        """
        records = [o for c in self.cases() for o in c.outbox]
        assert all(o.state is OutboxState.SENT and o.attempts == 1 for o in records), records
        assert sorted(self.filed_copies()) == sorted(o.message_id for o in records)

    def mailbox(self, address: str, count: int) -> list[EmailMessage]:
        """Wait until ``address`` holds ``count`` messages, and return them."""
        return self.world.wait(address, count)


@pytest.fixture
def desk(make_world: Callable[..., World]) -> Callable[..., Desk]:
    def make(sid: str, overrides: dict[str, Any] | None = None) -> Desk:
        return Desk(make_world(sid, overrides={sid: overrides} if overrides else {}), sid)

    return make


MakeDesk = Callable[..., Desk]

ORDER_QUESTION = ("Order #55120 status", "Hello, could you tell me when order #55120 will ship?\nThanks, Ann")
PRODUCT_QUESTION = ("Question about a bracelet", "Hello, does the silver bracelet come in a gift box? I would like to buy one for my sister.\nAnn")
COMPLAINT = (
    "Complaint about order #55120",
    "I am writing to complain about the poor service I received regarding order #55120. Nobody answered my calls.\nAnn",
)
REFUND = ("Refund status", "Hi, when will I get my money back for order #55120?\nAnn")
RETURN = ("Exchange the ring", "Hello, I would like to exchange the ring from order #55120 for a size 7.\nAnn")
DAMAGED = ("Damaged necklace", "Hello, my necklace arrived broken, the chain is snapped. Please help urgently.\nAnn")
FEEDBACK = ("Thank you", "Just wanted to say I love my new earrings, great service!\nAnn")


# -- kendrascottes (America/Chicago) -------------------------------------------------------------


def test_kendrascottes_complaint_unanswered_escalates_to_senior_once_then_to_manager(desk: MakeDesk) -> None:
    """kendrascottes: "complaint: investigated and resolution proposed within 48 business hours; if
    not satisfactory, escalated to a senior team member who answers within a further 24-48 h".

    The complaint arrives Friday 16 January 2026, 16:30 Chicago time; Monday 19 is
    Martin Luther King Jr. Day. 48 business hours: 7.5 h left of Friday, all of
    Tuesday (24) and 16.5 h of Wednesday: Wednesday 21 January 16:30 CST (the
    staff warning at 24 business hours: Tuesday 16:30). The senior then has 24
    (warn) / 48 (breach, manager) business hours: Thursday 22 / Friday 23, 16:30.
    """
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 1, 16, 16, 30), *COMPLAINT)
    d.run(d.at(2026, 1, 16, 16, 31))

    [ack] = d.mailbox(d.customer(), 1)
    assert d.case().category == "complaint"
    assert "you'll hear from us by Wednesday 21 January, 16:30 CST at the latest" in text(ack)
    assert d.case().next_timer_at == d.at(2026, 1, 20, 16, 30)

    d.run(d.at(2026, 1, 20, 16, 29))
    assert d.kinds() == ["ack"]
    d.run(d.at(2026, 1, 20, 16, 30))
    assert d.kinds() == ["ack", "staff_warning"]
    assert d.records("staff_warning")[0].to == (d.address,)  # no owner: the store's team

    d.run(d.at(2026, 1, 21, 16, 29))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 1, 21, 16, 30))
    assert d.kinds() == ["ack", "staff_warning", "escalation"]
    [escalation] = d.mailbox(d.escalation["senior"], 1)
    assert d.case().escalated_at == d.at(2026, 1, 21, 16, 30)
    assert "KSC-000001" in str(escalation["Subject"])
    assert "Please respond to the customer by: Friday 23 January, 16:30 CST" in text(escalation)

    d.run(d.at(2026, 1, 22, 16, 30))  # the senior's warning
    d.run(d.at(2026, 1, 23, 16, 29))
    assert d.kinds() == ["ack", "staff_warning", "escalation", "staff_warning"]
    d.run(d.at(2026, 1, 23, 16, 30))  # the senior did not answer either: the manager
    assert d.kinds() == ["ack", "staff_warning", "escalation", "staff_warning", "staff_warning", "escalation"]
    d.mailbox(d.escalation["manager"], 1)

    d.run(d.at(2026, 1, 26, 10, 0))
    d.run(d.at(2026, 2, 20, 10, 0))
    assert d.kinds() == ["ack", "staff_warning", "escalation", "staff_warning", "staff_warning", "escalation"]
    assert [r.to for r in d.records("escalation")] == [(d.escalation["senior"],), (d.escalation["manager"],)]
    d.assert_each_sent_once()
    assert len(d.mailbox(d.escalation["senior"], 1)) == 1


def test_kendrascottes_complaint_answered_in_time_is_not_escalated(desk: MakeDesk) -> None:
    """kendrascottes complaint row: a staff reply (the proposed resolution) before the
    48 business hours are up -- Tuesday 20 January 2026, 11:00, for a complaint of
    Friday 16:30 -- means no warning at Tuesday 16:30 and no senior escalation at
    Wednesday 16:30 or ever."""
    d = desk("kendrascottes")
    complaint = d.customer_writes(d.at(2026, 1, 16, 16, 30), *COMPLAINT)
    d.run(d.at(2026, 1, 16, 16, 31))
    d.staff_reply_from_shared_mailbox(d.at(2026, 1, 20, 11, 0), complaint, "We are sorry; a replacement is on its way.")
    d.run(d.at(2026, 1, 20, 11, 1))
    assert d.case().staff_replies == (d.at(2026, 1, 20, 11, 0),)

    d.run(d.at(2026, 1, 20, 16, 30))
    d.run(d.at(2026, 1, 21, 16, 30))
    d.run(d.at(2026, 1, 22, 12, 0))
    assert d.kinds() == ["ack"]
    assert d.case().escalated_at is None
    d.assert_each_sent_once()


def test_kendrascottes_first_response_warns_at_24_and_escalates_at_48_business_hours(desk: MakeDesk) -> None:
    """kendrascottes: "reply within 24-48 business hours, weekends and major holidays excluded".

    An order question arrives Tuesday 10 November 2026, 12:00 CST; Wednesday 11 is
    Veterans Day. 24 business hours: 12 h of Tuesday + 12 h of Thursday = Thursday
    12 November 12:00 (staff warning); 48: + 12 h of Thursday + 12 h of Friday =
    Friday 13 November 12:00 (warning and escalation to the senior).
    """
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 11, 10, 12, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 11, 10, 12, 1))
    [ack] = d.mailbox(d.customer(), 1)
    assert d.case().category == "order_status" and not d.case().urgent
    assert "within 24-48 business hours" in text(ack)
    assert "by Friday 13 November, 12:00 CST at the latest" in text(ack)

    d.run(d.at(2026, 11, 12, 11, 59))
    assert d.kinds() == ["ack"]
    d.run(d.at(2026, 11, 12, 12, 0))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 11, 13, 11, 59))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 11, 13, 12, 0))
    assert d.kinds() == ["ack", "staff_warning", "staff_warning", "escalation"]
    assert d.records("escalation")[0].to == (d.escalation["senior"],)
    d.run(d.at(2026, 11, 16, 9, 0))
    assert d.kinds().count("escalation") == 1
    d.assert_each_sent_once()


def test_kendrascottes_urgent_damage_is_answered_within_12_business_hours(desk: MakeDesk) -> None:
    """kendrascottes: "urgent matters (item damaged on delivery, shipping emergencies) within 12
    business hours".

    Friday 9 October 2026, 20:00 CDT; Monday 12 is Columbus Day. 12 business hours:
    4 h of Friday and 8 h of Tuesday: Tuesday 13 October 08:00 CDT (escalation to
    the senior); the warning at 8 business hours is Tuesday 04:00.
    """
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 10, 9, 20, 0), *DAMAGED)
    d.run(d.at(2026, 10, 9, 20, 1))
    [ack] = d.mailbox(d.customer(), 1)
    assert d.case().urgent
    assert "aim to reply by Tuesday 13 October, 08:00 CDT" in text(ack)

    d.run(d.at(2026, 10, 13, 7, 59))
    assert d.kinds() == ["ack", "staff_warning"]
    assert d.records("staff_warning")[0].timer_key.startswith("urgent_first_response:warn@")
    d.run(d.at(2026, 10, 13, 8, 0))
    assert d.kinds() == ["ack", "staff_warning", "staff_warning", "escalation"]
    d.mailbox(d.escalation["senior"], 1)
    d.assert_each_sent_once()


def test_kendrascottes_ongoing_issue_gets_a_progress_update_every_5_business_days(desk: MakeDesk) -> None:
    """kendrascottes: "follow up on ongoing issues (return processing, refund status) at least every
    3-5 business days".

    Staff answer a refund question on Monday 9 February 2026, 10:00 CST. Three
    business days later (Thursday 12) staff are reminded; at five (Friday 13,
    Monday 16 is Presidents' Day, so Tuesday 17 February 10:00) the customer gets
    an automated progress update. The next cycle: warning at 8 business days
    (Friday 20), update at 10 (Tuesday 24 February 10:00). Resolved, it stops.
    """
    d = desk("kendrascottes")
    question = d.customer_writes(d.at(2026, 2, 9, 9, 0), *REFUND)
    d.run(d.at(2026, 2, 9, 9, 1))
    d.staff_reply_from_shared_mailbox(d.at(2026, 2, 9, 10, 0), question, "Your refund was approved today.")
    d.run(d.at(2026, 2, 9, 10, 1))
    assert d.case().category == "refund"

    d.run(d.at(2026, 2, 12, 9, 59))
    assert d.kinds() == ["ack"]
    d.run(d.at(2026, 2, 12, 10, 0))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 2, 17, 9, 59))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 2, 17, 10, 0))
    assert d.kinds() == ["ack", "staff_warning", "progress_update", "staff_warning"]
    _, update = d.mailbox(d.customer(), 2)
    assert "Your refund is in progress" in text(update)
    assert f"you'll hear from us again by {shown_date(d.at(2026, 2, 24, 10, 0))}" in text(update), text(update)

    d.run(d.at(2026, 2, 24, 10, 0))  # cycle 2: its warning (Friday 20) is superseded by its update
    assert d.kinds() == ["ack", "staff_warning", "progress_update", "staff_warning", "progress_update", "staff_warning"]
    d.command(d.at(2026, 2, 24, 11, 0), question, "#resolved")
    d.run(d.at(2026, 3, 10, 10, 0))
    assert d.case().status == "resolved"
    assert d.kinds().count("progress_update") == 2
    d.assert_each_sent_once()


def test_kendrascottes_non_english_mail_gets_deadlines_times_one_and_a_half(desk: MakeDesk) -> None:
    """kendrascottes: "English first; other languages best effort via translation, response times
    slightly extended" -> every deadline x1.5 and a note in the acknowledgement.

    A Spanish question on Wednesday 31 December 2025, 10:00 CST; Thursday 1
    January is New Year's Day. 72 business hours (48 x 1.5): 14 h of Wednesday,
    24 of Friday 2, 24 of Monday 5 and 10 of Tuesday 6: Tuesday 6 January 10:00.
    The warning at 36 (24 x 1.5): Friday 2 January 22:00. (English mail would be
    escalated at 48: Monday 5 January 10:00.)
    """
    d = desk("kendrascottes")
    d.customer_writes(
        d.at(2025, 12, 31, 10, 0), "Pregunta sobre una pulsera",
        "Hola, ¿la pulsera de plata viene en caja de regalo? Quiero comprarla para mi hermana. Gracias, Ana",
    )
    d.run(d.at(2025, 12, 31, 10, 1))
    [ack] = d.mailbox(d.customer(), 1)
    assert d.case().language == "es"
    assert "by Tuesday 6 January, 10:00 CST at the latest" in text(ack)
    assert "may take slightly longer than usual" in text(ack)
    assert d.case().next_timer_at == d.at(2026, 1, 2, 22, 0)

    d.run(d.at(2026, 1, 5, 10, 0))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 1, 6, 9, 59))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 1, 6, 10, 0))
    assert d.kinds() == ["ack", "staff_warning", "staff_warning", "escalation"]
    d.assert_each_sent_once()
