"""Bad days, on the real mail stack: refused recipients, an SMTP server that is
down, TLS modes, and mail far larger than usual."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from mailbot.clock import Clock
from mailbot.models import OutboxState
from mailbot.state import TinyStateStore

from .support import World, customer_mail

pytestmark = pytest.mark.mailstack


def test_a_permanent_smtp_refusal_is_recorded_on_the_case_and_not_retried(world: World) -> None:
    # The server refuses the recipient for good (5xx): nowhere outside *.example is deliverable.
    world.send(customer_mail("ann@elsewhere.invalid", world.address()), sender="ann@elsewhere.invalid")
    world.wait(world.address(), 1)
    world.run_once()
    [case] = TinyStateStore(world.state_dir).all_cases("pandorana")
    [ack] = case.outbox
    assert ack.state is OutboxState.FAILED
    assert ack.error.startswith("recipients refused") and "5" in ack.error[:40] + ack.error
    assert any(e.what == "send_failed" for e in case.events)

    world.run_once(Clock().now() + timedelta(hours=2))  # nothing is tried again
    [again] = TinyStateStore(world.state_dir).all_cases("pandorana")
    assert again.outbox == case.outbox


def test_an_unreachable_smtp_server_is_retried_with_backoff_until_it_works(make_world: Callable[..., World]) -> None:
    world = make_world("pandorana", overrides={"pandorana": {"smtp": {"port": 1, "security": "none"}}})
    ann = world.customer()
    world.send(customer_mail(ann, world.address()))
    world.wait(world.address(), 1)
    start = Clock().now()
    world.run_once(start)
    [case] = TinyStateStore(world.state_dir).all_cases("pandorana")
    [ack] = case.outbox
    assert ack.state is OutboxState.PENDING and ack.attempts == 1
    assert ack.next_attempt_at is not None and ack.next_attempt_at - start >= timedelta(seconds=29)
    # The exact mail waits in the same record, for whichever process sends it.
    assert f"Message-ID: <{ack.message_id}>" in ack.rendered

    # Before the backoff has passed nothing is tried; afterwards, with the server back, it goes out once.
    world.run_once(start + timedelta(seconds=5))
    [case] = TinyStateStore(world.state_dir).all_cases("pandorana")
    assert case.outbox[0].attempts == 1
    world.raw["stores"][0]["smtp"].update(port=world.stack.smtp_port, security="starttls")
    world.run_once(start + timedelta(minutes=2))
    [ack_mail] = world.wait(ann, 1)
    [case] = TinyStateStore(world.state_dir).all_cases("pandorana")
    assert case.outbox[0].state is OutboxState.SENT and case.outbox[0].attempts == 2
    assert ack_mail["Message-ID"].strip("<>") == case.outbox[0].message_id  # the same message, rendered once
    assert case.outbox[0].filed and case.outbox[0].rendered == ""  # sent and filed: state keeps no copy


@pytest.mark.parametrize("security", ["ssl", "none"])
def test_imaps_and_plain_imap_work_like_starttls(make_world: Callable[..., World], security: str) -> None:
    world = make_world("pandorana", security=security)
    ann = world.customer()
    world.send(customer_mail(ann, world.address()))
    world.wait(world.address(), 1)
    world.run_once()
    [ack] = world.wait(ann, 1)
    assert "[PAN-000001]" in str(ack["Subject"])


def test_an_untrusted_certificate_is_refused_unless_verification_is_off(make_world: Callable[..., World]) -> None:
    strict = make_world("pandorana", security="ssl")
    strict.raw["stores"][0]["imap"].pop("ca_file")  # the stack's self-signed CA is not in the system store
    strict.send(customer_mail(strict.customer(), strict.address()))
    strict.wait(strict.address(), 1)
    strict.run_once()
    assert TinyStateStore(strict.state_dir).next_case_number("pandorana") == 1  # never logged in

    lax = make_world("pandorana", security="ssl")
    lax.raw["stores"][0]["imap"].pop("ca_file")
    lax.raw["stores"][0]["imap"]["verify"] = False
    lax.send(customer_mail(lax.customer(), lax.address()))
    lax.wait(lax.address(), 1)
    lax.run_once()
    assert TinyStateStore(lax.state_dir).next_case_number("pandorana") == 2


def test_a_huge_message_is_handled_and_acknowledged(world: World) -> None:
    ann = world.customer()
    body = "My order #55120 never arrived.\n" + ("padding line of a very long message\n" * 150_000)  # ~5 MB
    world.send(customer_mail(ann, world.address(), body=body))
    world.wait(world.address(), 1, timeout=30)
    world.run_once()
    [ack] = world.wait(ann, 1)
    assert "[PAN-000001]" in str(ack["Subject"])
