"""The long-running daemon on the real mail stack: IDLE, isolation between
stores, and crash safety."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mailbot.clock import Clock
from mailbot.daemon import Daemon
from mailbot.models import OutboxState
from mailbot.state import TinyStateStore

from .support import PROJECT, World, customer_mail

pytestmark = pytest.mark.mailstack


async def _serve_until(world: World, daemon: Daemon, condition: object) -> None:
    task = asyncio.create_task(daemon.run())
    try:
        await asyncio.wait_for(condition, 20)  # type: ignore[arg-type]
    finally:
        daemon.stop()
        await asyncio.wait_for(task, 20)


def test_new_mail_is_acknowledged_through_idle_without_polling(make_world: object) -> None:
    # Polling every hour: only an IDLE notification can make this test pass in time.
    world: World = make_world("pandorana", overrides={"pandorana": {"imap": {"poll_interval": 3600}}})  # type: ignore[operator]
    ann = world.customer()

    async def scenario() -> None:
        daemon = Daemon(world.config, world.state_dir, Clock())
        worker = daemon.workers["pandorana"]

        async def arrive_and_answer() -> None:
            await worker.connected.wait()
            await asyncio.to_thread(world.send, customer_mail(ann, world.address()))
            await asyncio.to_thread(world.wait, ann, 1, "INBOX", 15.0)

        await _serve_until(world, daemon, arrive_and_answer())

    asyncio.run(scenario())
    assert len(world.inbox(ann)) == 1


def test_a_store_whose_server_is_down_does_not_stop_the_others(make_world: object) -> None:
    world: World = make_world(  # type: ignore[operator]
        "pandorana", "divaalex", overrides={"divaalex": {"imap": {"port": 1, "security": "none"}}}
    )
    ann = world.customer()

    async def scenario() -> None:
        daemon = Daemon(world.config, world.state_dir, Clock())

        async def served() -> None:
            await daemon.workers["pandorana"].connected.wait()
            await asyncio.to_thread(world.send, customer_mail(ann, world.address("pandorana")))
            await asyncio.to_thread(world.wait, ann, 1, "INBOX", 15.0)

        await _serve_until(world, daemon, served())
        assert not daemon.workers["divaalex"].connected.is_set()

    asyncio.run(scenario())


@pytest.mark.parametrize("kill_after", ["event=case_opened", "event=ack_sent"])
def test_kill_9_mid_batch_loses_and_duplicates_nothing(world: World, kill_after: str) -> None:
    customers = [world.customer(f"c{n}") for n in range(40)]
    for address in customers:
        world.send(customer_mail(address, world.address(), subject=f"question from {address}"))
    world.wait(world.address(), len(customers))
    config = world.write_config()
    cmd = [sys.executable, "-m", "mailbot", "run", "--config", str(config), "--state-dir", str(world.state_dir)]

    # First run: killed with SIGKILL while the tenth case is in flight.
    with subprocess.Popen(cmd, cwd=PROJECT, stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stderr is not None
        sent = 0
        for line in proc.stderr:
            if kill_after in line:
                sent += 1
                if sent == 10:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    # Restart: the rest is processed, pending sends completed, nothing twice.
    done = subprocess.run([*cmd, "--once"], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    state = TinyStateStore(world.state_dir)
    cases = list(state.all_cases("pandorana"))
    assert sorted(c.customer.email for c in cases) == sorted(customers)
    for case in cases:
        acks = [o for o in case.outbox if o.kind == "ack"]
        assert len(acks) == 1 and acks[0].state is OutboxState.SENT, case.ref
    # Each customer holds one acknowledgement. A kill between SMTP's 250 and the
    # state write can only make the *same* message (same Message-ID) arrive twice.
    for address in customers:
        world.wait(address, 1)
        assert len({m["Message-ID"] for m in world.inbox(address)}) == 1, address


def test_invalid_config_refuses_to_start_with_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "stores.yaml"
    bad.write_text(
        "stores:\n"
        "  - id: a\n    name: A\n    prefix: AA\n    address: a@a.example\n    timezone: Mars/Olympus\n"
        "    imap: {host: h, port: imap}\n    smtp: {host: h, port: 25, security: tls}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--config", str(bad), "--state-dir", str(tmp_path / "s")],
        cwd=PROJECT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "stores[0].imap.port: must be an integer" in result.stderr
    assert "stores[0].timezone: unknown timezone 'Mars/Olympus'" in result.stderr
    assert "stores[0].smtp.security: must be one of" in result.stderr


class _Relay:
    """A byte-for-byte TCP relay to a real server, whose connections a test can cut."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        self.writers += [writer, up_writer]

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        for writer in self.writers:
            writer.transport.abort()
        self.writers.clear()

    async def close(self) -> None:
        self.cut()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()


def test_a_dropped_imap_connection_is_reconnected_and_mail_keeps_flowing(make_world: object, caplog: pytest.LogCaptureFixture) -> None:
    world: World = make_world("pandorana", security="none")  # type: ignore[operator]
    ann, bob = world.customer("ann"), world.customer("bob")

    async def scenario() -> None:
        relay = _Relay(world.stack.imap_port)
        world.raw["stores"][0]["imap"]["port"] = await relay.start()
        daemon = Daemon(world.config, world.state_dir, Clock())
        worker = daemon.workers["pandorana"]

        async def story() -> None:
            await worker.connected.wait()
            await asyncio.to_thread(world.send, customer_mail(ann, world.address()))
            await asyncio.to_thread(world.wait, ann, 1, "INBOX", 15.0)
            relay.cut()  # the server's side of the IDLE goes away
            await asyncio.to_thread(world.send, customer_mail(bob, world.address()))
            await asyncio.to_thread(world.wait, bob, 1, "INBOX", 20.0)

        try:
            await _serve_until(world, daemon, story())
        finally:
            await relay.close()

    with caplog.at_level(logging.INFO, logger="mailbot"):
        asyncio.run(scenario())
    assert len(world.inbox(ann)) == 1 and len(world.inbox(bob)) == 1
    events = [r.getMessage() for r in caplog.records]
    assert sum("event=connected" in e for e in events) == 2
    assert any("event=connection_failed" in e for e in events)
