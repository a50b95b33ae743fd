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


def _sent_copies(world: World) -> list[tuple[bytes, bytes, bytes]]:
    """(flags, internal date, message) of every message in the store's Sent folder, in UID order."""
    imap = imaplib.IMAP4(world.stack.host, world.stack.imap_port)
    imap.login(world.address(), world.stack.password)
    try:
        imap.select("Sent", readonly=True)
        _, data = imap.uid("FETCH", "1:*", "(FLAGS INTERNALDATE BODY.PEEK[])")
        return [(_field(item[0], rb"FLAGS \(([^)]*)\)"), _field(item[0], rb'INTERNALDATE "([^"]+)"'), item[1])
                for item in data if isinstance(item, tuple)]
    finally:
        imap.logout()


def _field(line: bytes, pattern: bytes) -> bytes:
    import re

    match = re.search(pattern, line)
    assert match is not None, line
    return match.group(1)


def _filed(world: World, count: int, *, one_by_one: bool) -> list[tuple[bytes, bytes, bytes]]:
    from datetime import UTC, datetime, timedelta

    mails = [(customer_mail(world.customer(), world.address(), subject=f"copy {n}").as_bytes(),
              datetime(2026, 11, 20, 9, 0, tzinfo=UTC) + timedelta(minutes=n)) for n in range(count)]

    async def file_them() -> None:
        client = _client(world)
        await client.connect()
        try:
            if one_by_one:
                client._require().protocol.capabilities.discard("MULTIAPPEND")  # as a server without it
            else:
                async def one_append(*args: object, **kwargs: object) -> None:
                    raise AssertionError("one APPEND per copy, though the server takes them all in one")

                client.append = one_append  # type: ignore[method-assign]
            await client.append_many("Sent", mails)
        finally:
            await client.close()

    asyncio.run(file_them())
    copies = _sent_copies(world)
    assert [body.replace(b"\r\n", b"\n") for _, _, body in copies] == [data.replace(b"\r\n", b"\n") for data, _ in mails]
    return copies


def test_copies_filed_together_arrive_whole_read_and_dated_when_they_were_sent(world: World) -> None:
    copies = _filed(world, 7, one_by_one=False)
    assert all(b"\\Seen" in flags.split() for flags, _, _ in copies)  # staff see them as read, like their own sent mail
    assert [date for _, date, _ in copies][:2] == [b"20-Nov-2026 09:00:00 +0000", b"20-Nov-2026 09:01:00 +0000"]


def test_a_server_without_multiappend_gets_the_copies_one_by_one(world: World) -> None:
    copies = _filed(world, 3, one_by_one=True)
    assert [date for _, date, _ in copies] == [b"20-Nov-2026 09:00:00 +0000", b"20-Nov-2026 09:01:00 +0000", b"20-Nov-2026 09:02:00 +0000"]
