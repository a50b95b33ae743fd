"""The IMAP seam against the real Dovecot: large answers, and mail announced outside IDLE."""

from __future__ import annotations

import asyncio
import imaplib

import pytest

from mailbot.config import ImapConfig
from mailbot.imap import ImapClient

from .support import World, customer_mail

pytestmark = pytest.mark.mailstack


def _client(world: World) -> ImapClient:
    cfg = ImapConfig(host=world.stack.host, port=world.stack.imap_port, security="starttls",
                     username=world.address(), password=world.stack.password, ca_file=world.stack.ca_file)
    return ImapClient(cfg, "pandorana")


def test_a_thousand_message_backlog_is_listed_and_read_without_losing_the_connection(world: World) -> None:
    imap = imaplib.IMAP4(world.stack.host, world.stack.imap_port)
    imap.login(world.address(), world.stack.password)
    for n in range(1000):
        imap.append("INBOX", "", imaplib.Time2Internaldate(1_790_000_000 + n), customer_mail(f"c{n}@customers.example", world.address()).as_bytes())
    imap.logout()

    async def read_all() -> tuple[int, int]:
        client = _client(world)
        await client.connect()
        try:
            await client.select("INBOX")
            uids = await client.uids_after(0)
            times = await client.arrival_times(uids)  # one answer of 1,000 lines, in batches
            bodies = [raw async for raw in client.fetch(uids, 100)]
            return len(times), len(bodies)
        finally:
            await client.close()

    assert asyncio.run(read_all()) == (1000, 1000)


def test_mail_announced_while_searching_is_not_left_waiting_for_idle(world: World) -> None:
    async def scenario() -> bool:
        client = _client(world)
        await client.connect()
        try:
            await client.select("INBOX")
            await client.uids_after(0)
            await asyncio.to_thread(world.send, customer_mail(world.customer(), world.address()))
            await asyncio.to_thread(world.wait, world.address(), 1)
            await client.noop()  # the server announces the new mail in this answer, not in IDLE
            return await client.wait_for_change(20.0)
        finally:
            await client.close()

    assert asyncio.run(asyncio.wait_for(scenario(), 15)) is True
