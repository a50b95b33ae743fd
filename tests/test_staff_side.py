"""Staff keep working in their own mail clients: replies, commands and folders, on the real mail stack.

POLICIES.md, "What every store needs", point 2: a staff reply stops the
response clock; staff can mark a case resolved, complex, urgent, escalated or
pending without the customer seeing any command -- and nobody else can.
"""

from __future__ import annotations

import imaplib
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest

from mailbot.models import CaseStatus

from .support import World
from .test_policy_scenarios import COMPLAINT, ORDER_QUESTION, Desk, MakeDesk, text

pytestmark = pytest.mark.mailstack

AUTHSERV = "mx.kendrascottes.example"
# Commands are trusted from the Sent folder (the shared mailbox) and, for mail from
# a staff member's own client, on the store server's Authentication-Results.
BOTH_CHECKS = {"staff_commands": {"checks": ["sent_folder", "auth_results"], "authserv_id": AUTHSERV}}


@pytest.fixture
def desk(make_world: Callable[..., World]) -> Callable[..., Desk]:
    def make(sid: str, overrides: dict[str, Any] | None = None) -> Desk:
        return Desk(make_world(sid, overrides={sid: overrides} if overrides else {}), sid)

    return make


def _imap(d: Desk) -> imaplib.IMAP4:
    stack = d.world.stack
    imap = imaplib.IMAP4(stack.host, stack.imap_port)
    imap.login(d.address, stack.password)
    return imap


def file_into(d: Desk, msg: EmailMessage, folder: str, *, move: bool) -> None:
    """What a staff member's mail client does: copy (or move) the customer's message into ``folder``."""
    imap = _imap(d)
    try:
        imap.create(folder)  # "NO [ALREADYEXISTS]" the second time: fine
        imap.select("INBOX")
        typ, found = imap.uid("SEARCH", "HEADER", "Message-ID", str(msg["Message-ID"]).strip("<>"))
        assert typ == "OK" and found[0], found
        [uid] = found[0].split()
        typ, answer = imap.uid("MOVE" if move else "COPY", uid.decode(), folder)
        assert typ == "OK", answer
    finally:
        imap.logout()


# -- staff replies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["shared-mailbox-sent-copy", "own-address-store-in-cc", "own-address-store-in-bcc"])
def test_a_staff_reply_stops_the_response_clock_and_is_never_acknowledged(desk: MakeDesk, route: str) -> None:
    """pandorana's 24-business-hour promise (question of Tuesday 10 November 2026, 15:00 EST;
    Veterans Day on Wednesday: delay notice due Thursday 12 November 15:00). A staff
    reply on Thursday 08:00 -- written in the shared mailbox (copy in Sent), or from
    a staff member's own address with the store in Cc or Bcc (copy in INBOX) --
    clears the clock: no warning, no delay notice, no escalation; the reply gets
    no acknowledgement and opens no case."""
    d = desk("pandorana")
    question = d.customer_writes(d.at(2026, 11, 10, 15, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 11, 10, 15, 1))
    reply_at = d.at(2026, 11, 12, 8, 0)
    if route == "shared-mailbox-sent-copy":
        reply = d.staff_reply_from_shared_mailbox(reply_at, question, "It ships tomorrow.")
    elif route == "own-address-store-in-cc":
        reply = d.staff_reply_with_store_in_cc(reply_at, question, d.staff[1], "It ships tomorrow.")
    else:
        reply = d.reply_mail(d.staff[1], question, "It ships tomorrow.")
        d.arrive(reply, reply_at)  # Bcc: the store is on no header at all
    d.run(d.at(2026, 11, 12, 8, 1))

    case = d.case()
    assert case.staff_replies == (reply_at,)
    assert [m.direction for m in case.messages] == ["customer", "staff"]
    assert case.status == "acknowledged"
    for now in (d.at(2026, 11, 12, 15, 0), d.at(2026, 11, 13, 15, 0), d.at(2026, 11, 20, 12, 0)):
        d.run(now)
    assert d.kinds() == ["ack"]
    assert d.records("ack")[0].to == (d.customer(),)
    assert len(d.cases()) == 1
    assert d.case_of(reply).ref == case.ref
    d.assert_each_sent_once()


# -- commands ----------------------------------------------------------------------------------------


def test_trusted_staff_commands_change_the_case_and_are_confirmed_to_the_sender(desk: MakeDesk) -> None:
    """Every command, from a trusted origin: alex writes from the shared mailbox (copy in
    Sent), sam from his own client (the store server's Authentication-Results says
    dkim=pass). Each command mail gets one short confirmation to its sender; the
    customer sees none of it."""
    d = desk("kendrascottes", BOTH_CHECKS)
    alex, sam = d.staff
    question = d.customer_writes(d.at(2026, 3, 2, 9, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 3, 2, 9, 1))

    d.command(d.at(2026, 3, 2, 10, 0), question, "#urgent", "#complex", "#assign Sam",
              "#note Customer called, replacement shipped today", "#frobnicate", sender=alex)
    d.run(d.at(2026, 3, 2, 10, 1))
    case = d.case()
    assert case.urgent
    assert case.complex_at == d.at(2026, 3, 2, 10, 0) and "complex" in case.flags
    assert case.owner == sam
    assert [e.detail for e in case.events if e.what == "note"] == ["Customer called, replacement shipped today"]
    assert case.status == "acknowledged"
    [confirmation] = d.mailbox(alex, 1)
    assert confirmation["Auto-Submitted"] == "auto-generated"
    assert case.ref in str(confirmation["Subject"])
    body = text(confirmation)
    assert ("Your commands for case KSC-000001 were applied: #urgent, #complex, #assign Sam, "
            "#note Customer called, replacement shipped today.") in body
    assert "The case status is now: acknowledged." in body
    assert "Not understood, and ignored: #frobnicate" in body

    d.command(d.at(2026, 3, 2, 10, 30), question, "#escalate", sender=sam, mailbox="INBOX",
              headers={"Authentication-Results": f"{AUTHSERV}; dkim=pass header.d={d.domain}; spf=pass smtp.mailfrom={sam}"})
    d.run(d.at(2026, 3, 2, 10, 31))
    case = d.case()
    assert case.escalated_at == d.at(2026, 3, 2, 10, 30) and "escalated" in case.flags
    [escalation] = d.mailbox(d.escalation["senior"], 1)
    assert "#escalate by " + sam in text(escalation)
    [confirmation] = d.mailbox(sam, 1)
    assert "#escalate" in text(confirmation)

    d.command(d.at(2026, 3, 2, 11, 0), question, "#pending", sender=alex)
    d.run(d.at(2026, 3, 2, 11, 1))
    assert d.case().status == "pending"
    d.command(d.at(2026, 3, 2, 11, 30), question, "#resolved", sender=alex)
    d.run(d.at(2026, 3, 2, 11, 31))
    assert d.case().status == "resolved" and d.case().resolved_at == d.at(2026, 3, 2, 11, 30)
    d.command(d.at(2026, 3, 2, 12, 0), question, "#reopen", sender=alex)
    d.run(d.at(2026, 3, 2, 12, 1))
    case = d.case()
    assert case.status == "waiting_staff" and case.resolved_at is None
    assert [(e.at, e.status) for e in case.status_history][-3:] == [
        (d.at(2026, 3, 2, 11, 0), CaseStatus.PENDING),
        (d.at(2026, 3, 2, 11, 30), CaseStatus.RESOLVED),
        (d.at(2026, 3, 2, 12, 0), CaseStatus.WAITING_STAFF),
    ]
    statuses = [text(m).split("The case status is now: ")[1].split(".")[0] for m in d.mailbox(alex, 4)]
    assert statuses == ["acknowledged", "pending", "resolved", "waiting staff"]

    to_customer = [o.kind for o in case.outbox if d.customer() in o.to]
    assert to_customer == ["ack"]
    assert [o.to for o in d.records("command_confirmation")] == [(alex,), (sam,), (alex,), (alex,), (alex,)]
    d.assert_each_sent_once()


def test_untrusted_commands_change_nothing(desk: MakeDesk) -> None:
    """A "#resolved" from a stranger naming the case, and from a staff address forged from
    outside (no copy in Sent; no Authentication-Results pass from the store's own
    server -- none at all, one from another server, or a pass planted below our
    server's fail), changes nothing and confirms nothing. The same command from the
    shared mailbox then works: the forgeries failed on trust, not on form."""
    d = desk("kendrascottes", BOTH_CHECKS)
    alex = d.staff[0]
    question = d.customer_writes(d.at(2026, 3, 2, 9, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 3, 2, 9, 1))
    before = d.case()

    d.command(d.at(2026, 3, 2, 10, 0), question, "#resolved", sender=d.customer("mallory"), mailbox="INBOX")
    d.command(d.at(2026, 3, 2, 10, 1), question, "#resolved", "#escalate", sender=alex, mailbox="INBOX")
    d.command(d.at(2026, 3, 2, 10, 2), question, "#resolved", sender=alex, mailbox="INBOX",
              headers={"Authentication-Results": f"mx.attacker.example; dkim=pass header.d={d.domain}"})
    d.command(d.at(2026, 3, 2, 10, 3), question, "#resolved", sender=alex, mailbox="INBOX",
              headers={"Authentication-Results": f"{AUTHSERV}; spf=fail smtp.mailfrom={alex}"})
    # Receiving servers prepend their header: our server's fail sits on top of the planted pass.
    planted = d.command_mail(question, "#resolved", sender=alex,
                             headers={"Authentication-Results": f"{AUTHSERV}; dkim=pass header.d={d.domain}"})
    ours = f"Authentication-Results: {AUTHSERV}; dkim=fail header.d={d.domain}; spf=softfail\n".encode()
    d.world.append(d.address, ours + planted.as_bytes(), d.at(2026, 3, 2, 10, 4))
    d.run(d.at(2026, 3, 2, 10, 10))

    case = next(c for c in d.cases() if c.ref == before.ref)
    assert case.status == before.status == "acknowledged"
    assert case.resolved_at is None and case.escalated_at is None
    assert not [e for e in case.events if e.what.startswith("command:")]
    assert d.kinds(case) == ["ack"]
    assert not [o for c in d.cases() for o in c.outbox if o.kind in ("command_confirmation", "escalation")]

    d.command(d.at(2026, 3, 2, 11, 0), question, "#resolved", sender=alex)
    d.run(d.at(2026, 3, 2, 11, 1))
    resolved = next(c for c in d.cases() if c.ref == before.ref)
    assert resolved.status == "resolved" and resolved.resolved_at == d.at(2026, 3, 2, 11, 0)
    d.assert_each_sent_once()


def test_a_command_sent_from_the_shared_mailbox_to_itself_is_applied_once(desk: MakeDesk) -> None:
    """The shared mailbox writes ``#note`` + ``#escalate`` to itself: one copy lands in Sent
    (trusted), one in INBOX carrying the store server's dkim=pass (trusted too).
    Both copies are the same command: it is applied once and escalates once."""
    d = desk("kendrascottes", BOTH_CHECKS)
    question = d.customer_writes(d.at(2026, 3, 2, 9, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 3, 2, 9, 1))
    sent = d.command(d.at(2026, 3, 2, 10, 0), question, "#note Called the courier", "#escalate", sender=d.address)
    inbox_copy = f"Authentication-Results: {AUTHSERV}; dkim=pass header.d={d.domain}\n".encode() + sent.as_bytes()
    d.world.append(d.address, inbox_copy, d.at(2026, 3, 2, 10, 0))
    d.run(d.at(2026, 3, 2, 10, 1))
    d.run(d.at(2026, 3, 2, 10, 2))
    case = d.case()
    assert [e.detail for e in case.events if e.what == "note"] == ["Called the courier"]
    assert d.kinds() == ["ack", "escalation"]  # no confirmation: the store's own address is no person
    d.assert_each_sent_once()


# -- status folders ----------------------------------------------------------------------------------


def test_copying_or_moving_the_customer_message_into_status_folders_changes_the_case(desk: MakeDesk) -> None:
    """Staff copy one customer's message into ``Resolved`` and move another's into
    ``Escalated``: the first case is resolved, the second escalated to the person
    divaalex's policy names ("escalated to a manager"), who is mailed once."""
    d = desk("divaalex")
    first = d.customer_writes(d.at(2026, 11, 2, 9, 0), *ORDER_QUESTION)
    second = d.customer_writes(d.at(2026, 11, 2, 9, 5), "Question about the red dress", "Is the red dress available in size M?\nBob", name="bob")
    d.run(d.at(2026, 11, 2, 9, 10))
    file_into(d, first, "Resolved", move=False)
    file_into(d, second, "Escalated", move=True)
    d.run(d.at(2026, 11, 3, 10, 0))

    resolved, escalated = d.cases()
    assert resolved.status == "resolved" and resolved.resolved_at is not None
    assert escalated.escalated_at is not None and "escalated" in escalated.flags
    assert d.kinds(escalated).count("escalation") == 1
    assert [o.to for o in d.records("escalation", escalated)] == [(d.escalation["manager"],)]
    [escalation] = d.mailbox(d.escalation["manager"], 1)
    assert escalated.ref in str(escalation["Subject"])
    assert [str(m["Message-ID"]) for m in d.world.inbox(d.address, "Escalated")] == [str(second["Message-ID"])]
    d.run(d.at(2026, 11, 3, 10, 1))  # noticed once: filing is not acted on again
    assert d.kinds(d.cases()[1]).count("escalation") == 1
    assert [e.what for e in d.cases()[0].events].count("status:resolved") == 1
    assert [e.what for e in d.cases()[1].events].count("escalated") == 1


def test_a_message_filed_into_a_status_folder_changes_the_case_when_staff_filed_it(desk: MakeDesk) -> None:
    """Messages of Monday 2 November 2026, 09:00 EST, filed into ``Resolved`` and ``Escalated``
    and noticed on Tuesday 3 November 10:00, are resolved and escalated then: divaalex's
    48-hour satisfaction follow-up is due Thursday 5 November 10:00 (not Wednesday
    09:00), and the manager's 24-hour follow-up Wednesday 4 November 10:00 -- so no
    staff warning is due on Tuesday already."""
    d = desk("divaalex")
    first = d.customer_writes(d.at(2026, 11, 2, 9, 0), *ORDER_QUESTION)
    second = d.customer_writes(d.at(2026, 11, 2, 9, 0), "Question about the red dress", "Is the red dress available in size M?\nBob", name="bob")
    d.run(d.at(2026, 11, 2, 9, 1))
    file_into(d, first, "Resolved", move=False)
    file_into(d, second, "Escalated", move=True)
    d.run(d.at(2026, 11, 3, 10, 0))
    resolved, escalated = d.cases()
    noticed = (d.at(2026, 11, 3, 10, 0), d.at(2026, 11, 3, 10, 1))
    assert resolved.resolved_at is not None and noticed[0] <= resolved.resolved_at < noticed[1]
    assert escalated.escalated_at is not None and noticed[0] <= escalated.escalated_at < noticed[1]
    assert d.kinds(escalated) == ["ack", "escalation"]


def test_a_staff_reply_made_while_mailbot_was_down_still_stops_the_clock(desk: MakeDesk) -> None:
    """Staff keep working while mailbot is down: pandorana's question of Tuesday 10 November
    2026, 15:00 EST is answered from the shared mailbox on Thursday 12 November 08:00,
    and mailbot first runs at 16:00, after the 24-business-hour promise (Thursday
    15:00). The promise was kept: no delay notice, no staff warning."""
    d = desk("pandorana")
    question = d.customer_writes(d.at(2026, 11, 10, 15, 0), *ORDER_QUESTION)
    reply = EmailMessage()
    reply["From"] = f"Support <{d.address}>"
    reply["To"] = d.customer()
    reply["Subject"] = f"Re: {question['Subject']}"
    reply["Message-ID"] = make_msgid(domain=d.domain)
    reply["In-Reply-To"] = str(question["Message-ID"])
    reply.set_content("It ships tomorrow.")
    d.arrive(reply, d.at(2026, 11, 12, 8, 0), "Sent")
    d.run(d.at(2026, 11, 12, 16, 0))
    assert d.case().staff_replies == (d.at(2026, 11, 12, 8, 0),)
    assert d.kinds() == ["ack"]


def test_a_senior_answering_with_a_fresh_mail_naming_the_case_stops_the_senior_clock(desk: MakeDesk) -> None:
    """kendrascottes: the complaint of Friday 16 January 2026, 16:30 CST goes to the senior on
    Wednesday 21 January 16:30. The senior does what the escalation email says: writes
    to the customer with [KSC-000001] in the subject (a new mail, the store in Cc) on
    Thursday 22 January 10:00. The senior answered: no manager escalation on Friday
    23 January 16:30."""
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 1, 16, 16, 30), *COMPLAINT)
    d.run(d.at(2026, 1, 21, 16, 30))
    case = d.case()
    assert case.escalated_at == d.at(2026, 1, 21, 16, 30)
    answer = EmailMessage()
    answer["From"] = d.escalation["senior"]
    answer["To"] = d.customer()
    answer["Cc"] = d.address
    answer["Subject"] = f"Your complaint [{case.ref}]"
    answer["Message-ID"] = make_msgid(domain=d.domain)
    answer.set_content("I am the senior team member looking after your complaint; here is what we propose.")
    d.arrive(answer, d.at(2026, 1, 22, 10, 0))
    d.run(d.at(2026, 1, 23, 16, 30))
    assert d.case().staff_replies == (d.at(2026, 1, 22, 10, 0),)
    assert [o.to for o in d.records("escalation")] == [(d.escalation["senior"],)]
