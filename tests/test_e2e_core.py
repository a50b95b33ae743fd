"""The core promise, on the real mail stack: every new conversation becomes a
case and gets exactly one acknowledgement; nothing else does."""

from __future__ import annotations

import re
from email.utils import parseaddr

import pytest

from mailbot.state import TinyStateStore

from .support import World, body_text, customer_mail

pytestmark = pytest.mark.mailstack

REF_RE = re.compile(r"\[(PAN-\d{6})\]")


def test_a_new_conversation_becomes_a_case_and_gets_one_acknowledgement(world: World) -> None:
    ann = world.customer("ann")
    original = customer_mail(ann, world.address(), subject="Where is my order #55120?")
    world.send(original)
    world.wait(world.address(), 1)

    world.run_once()

    [ack] = world.wait(ann, 1)
    ref = REF_RE.search(str(ack["Subject"]))
    assert ref, ack["Subject"]
    assert str(ack["Subject"]).startswith("Re: Where is my order #55120?")
    assert ack["In-Reply-To"] == original["Message-ID"]
    assert original["Message-ID"] in str(ack["References"])
    assert parseaddr(str(ack["Message-ID"]))[1].endswith("@" + world.address().split("@")[1])
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["X-Auto-Response-Suppress"] == "All"
    assert parseaddr(str(ack["From"]))[1] == world.address()
    assert ack.get_body(preferencelist=("plain",)) is not None
    assert ack.get_body(preferencelist=("html",)) is not None
    assert ref.group(1) in body_text(ack)

    # Staff see it in the Sent folder of the shared mailbox.
    [copy] = world.inbox(world.address(), "Sent")
    assert copy["Message-ID"] == ack["Message-ID"]

    case = TinyStateStore(world.state_dir).store_case("pandorana", ref.group(1))
    assert case is not None
    assert case.customer.email == ann
    assert case.subject == "Where is my order #55120?"
    assert [m.message_id for m in case.messages] == [original["Message-ID"].strip("<>")]
    assert case.status == "acknowledged"


def test_the_staff_mailbox_stays_unread(world: World) -> None:
    world.send(customer_mail(world.customer(), world.address()))
    world.wait(world.address(), 1)
    world.run_once()
    world.wait(world.customer(), 1)
    assert world.flags(world.address()) == [()]


def test_a_reply_joins_its_case_without_a_second_acknowledgement(world: World) -> None:
    ann = world.customer()
    first = customer_mail(ann, world.address())
    world.send(first)
    world.wait(world.address(), 1)
    world.run_once()
    [ack] = world.wait(ann, 1)

    reply = customer_mail(
        ann, world.address(), subject=f"Re: {ack['Subject']}", body="Any news?",
        in_reply_to=str(ack["Message-ID"]), references=[str(first["Message-ID"]), str(ack["Message-ID"])],
    )
    world.send(reply)
    world.wait(world.address(), 2)
    world.run_once()

    state = TinyStateStore(world.state_dir)
    ref = REF_RE.search(str(ack["Subject"]))
    assert ref
    case = state.store_case("pandorana", ref.group(1))
    assert case is not None and len(case.messages) == 2
    assert state.next_case_number("pandorana") == 2
    assert len([o for o in case.outbox if o.kind == "ack"]) == 1
    assert len(world.inbox(world.address(), "Sent")) == 1


def test_a_case_reference_from_a_stranger_opens_a_new_case(world: World) -> None:
    ann, mallory = world.customer("ann"), world.customer("mallory")
    world.send(customer_mail(ann, world.address()))
    world.wait(world.address(), 1)
    world.run_once()
    [ack] = world.wait(ann, 1)
    ref = REF_RE.search(str(ack["Subject"]))
    assert ref

    world.send(customer_mail(mallory, world.address(), subject=f"About [{ref.group(1)}]", body="Please send it to me."))
    world.wait(world.address(), 2)
    world.run_once()

    state = TinyStateStore(world.state_dir)
    anns = state.store_case("pandorana", ref.group(1))
    assert anns is not None and len(anns.messages) == 1
    [mallorys] = state.cases_of_customer("pandorana", mallory)
    assert mallorys.ref != ref.group(1)
    assert any("non-participant" in r for r in mallorys.reasons)


def test_the_same_message_id_twice_is_one_case(world: World) -> None:
    ann = world.customer()
    msg = customer_mail(ann, world.address())
    world.send(msg)
    world.send(msg)
    world.wait(world.address(), 2)
    world.run_once()
    world.wait(ann, 1)
    world.run_once()
    assert len(world.inbox(ann)) == 1
    assert TinyStateStore(world.state_dir).next_case_number("pandorana") == 2


@pytest.mark.parametrize(
    "headers, sender_name",
    [
        ({"Auto-Submitted": "auto-replied"}, "ooo"),
        ({"X-Autoreply": "yes"}, "ooo2"),
        ({"Precedence": "bulk"}, "bulk"),
        ({"List-Id": "<news.shop.example>"}, "list"),
    ],
)
def test_machines_get_no_acknowledgement(world: World, headers: dict[str, str], sender_name: str) -> None:
    robot = world.customer(sender_name)
    world.send(customer_mail(robot, world.address(), subject="Out of office", body="I am away.", headers=headers))
    world.wait(world.address(), 1)
    world.run_once()
    assert TinyStateStore(world.state_dir).next_case_number("pandorana") == 1
    assert world.inbox(world.address(), "Sent") == []


def test_a_bounce_gets_no_acknowledgement(world: World) -> None:
    daemon = f"MAILER-DAEMON@mx-{world.tag}.customers.example"
    bounce = (
        f"From: Mail Delivery System <{daemon}>\r\n"
        f"To: {world.address()}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Message-ID: <bounce-{world.tag}@mx.customers.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.customers.example\r\n\r\n"
        "Final-Recipient: rfc822; gone@customers.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "--b1--\r\n"
    ).encode()
    world.stack.deliver("", [world.address()], bounce)
    world.wait(world.address(), 1)
    world.run_once()
    assert TinyStateStore(world.state_dir).next_case_number("pandorana") == 1
    assert world.inbox(world.address(), "Sent") == []


def test_mail_from_the_store_itself_and_its_staff_is_never_acknowledged(world: World) -> None:
    staff = world.store()["staff"][0]
    world.send(customer_mail(world.address(), world.address(), subject="note to self"))
    world.send(customer_mail(staff, world.address(), subject="lunch?"))
    world.wait(world.address(), 2)
    world.run_once()
    assert world.inbox(world.address(), "Sent") == []
    assert world.inbox(staff) == []


def test_acknowledgements_per_sender_are_limited_per_hour(make_world: object) -> None:
    world = make_world("pandorana", overrides={"pandorana": {"ack_limit_per_hour": 2}})  # type: ignore[operator]
    ann = world.customer()
    for n in range(4):
        world.send(customer_mail(ann, world.address(), subject=f"question {n}"))
    world.wait(world.address(), 4)
    world.run_once()
    world.wait(ann, 2)
    assert len(world.inbox(ann)) == 2
    assert TinyStateStore(world.state_dir).next_case_number("pandorana") == 5  # four cases, two acks


def test_malformed_mime_and_odd_charsets_are_handled(world: World) -> None:
    ann, bob = world.customer("ann"), world.customer("bob")
    broken = (
        f"From: Ann <{ann}>\r\nTo: {world.address()}\r\nSubject: =?x-unknown?q?broken?=\r\n"
        f"Message-ID: <broken-{world.tag}@customers.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
        "--never-closed\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "!!!not base64!!!\r\n"
    ).encode()
    latin = (
        f"From: Bob <{bob}>\r\nTo: {world.address()}\r\nSubject: =?iso-8859-1?q?Commande_re=E7ue_ab=EEm=E9e?=\r\n"
        f"Message-ID: <latin-{world.tag}@customers.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + "Bonjour, ma commande est arrivée abîmée.\r\n".encode("latin-1")
    world.send(broken, sender=ann)
    world.send(latin, sender=bob)
    world.wait(world.address(), 2)
    world.run_once()
    world.wait(ann, 1)
    [ack] = world.wait(bob, 1)
    assert "Commande reçue abîmée" in str(ack["Subject"])


def test_after_a_uidvalidity_change_nothing_is_acknowledged_twice(world: World) -> None:
    ann = world.customer()
    world.send(customer_mail(ann, world.address()))
    world.wait(world.address(), 1)
    world.run_once()
    world.wait(ann, 1)

    # The server renumbers the mailbox (as after a restore): our remembered UIDs mean nothing now.
    from mailbot.models import MailboxState

    state = TinyStateStore(world.state_dir)
    remembered = state.mailbox("pandorana", "INBOX")
    assert remembered is not None and remembered.last_uid == 1
    state.save_mailbox("pandorana", MailboxState("INBOX", remembered.uidvalidity + 1, 7))

    bob = world.customer("bob")
    world.send(customer_mail(bob, world.address()))
    world.wait(world.address(), 2)
    world.run_once()
    world.wait(bob, 1)
    assert len(world.inbox(ann)) == 1
    assert len(world.inbox(world.address(), "Sent")) == 2
    after = TinyStateStore(world.state_dir).mailbox("pandorana", "INBOX")
    assert after is not None and after.uidvalidity == remembered.uidvalidity and after.last_uid == 2


def test_a_closed_case_is_forgotten_after_the_retention_period_and_its_number_never_reused(make_world: object) -> None:
    import dataclasses
    from datetime import timedelta

    from mailbot.clock import Clock
    from mailbot.models import CaseStatus

    world: World = make_world("pandorana", overrides={"pandorana": {"retention_days": 30}})  # type: ignore[operator]
    ann, bob = world.customer("ann"), world.customer("bob")
    world.send(customer_mail(ann, world.address()))
    world.wait(world.address(), 1)
    world.run_once()
    world.wait(ann, 1)
    state = TinyStateStore(world.state_dir)
    [case] = state.all_cases("pandorana")
    closed_at = Clock().now()
    state.save_case(dataclasses.replace(case, status=CaseStatus.CLOSED, updated_at=closed_at, next_timer_at=None))
    assert [o.rendered for o in case.outbox] == [""]  # sent and filed: no copy of the mail is kept

    world.run_once(closed_at + timedelta(days=29))  # still within the period
    assert TinyStateStore(world.state_dir).store_case("pandorana", case.ref) is not None

    world.send(customer_mail(bob, world.address()))
    world.wait(world.address(), 2)
    world.run_once(closed_at + timedelta(days=31))
    after = TinyStateStore(world.state_dir)
    assert after.store_case("pandorana", case.ref) is None
    [bobs] = after.all_cases("pandorana")
    assert bobs.ref == "PAN-000002" and bobs.customer.email == bob
    assert after.next_case_number("pandorana") == 3
