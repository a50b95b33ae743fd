"""A running daemon picks up an edited template and ignores a broken one (real mail stack)."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.clock import Clock
from mailbot.daemon import Daemon
from mailbot.outbound.template_context import Kind, sample_context

from .support import PROJECT, World, customer_mail
from .test_templates import edit, flat

pytestmark = pytest.mark.mailstack


def test_running_daemon_uses_an_edit_and_keeps_the_last_good_version(
    make_world: Callable[..., World], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    world = make_world("pandorana")
    world.raw["templates_dir"] = str(templates)
    voice = templates / "pandorana" / "en" / "voice.txt"
    original = voice.read_text(encoding="utf-8")
    assert 'set sign_off = "Warm regards,"' in original
    ann, bob = world.customer("ann"), world.customer("bob")
    admin = world.store()["admin"]

    async def scenario() -> None:
        daemon = Daemon(world.config, world.state_dir, Clock())
        worker = daemon.workers["pandorana"]
        template_set = daemon.services.templates

        def sign_off() -> str:
            rendered = template_set.render("pandorana", Kind.ACK, "en", sample_context(Kind.ACK, "pandorana"))
            return rendered.text

        async def until(condition: Callable[[], bool]) -> None:
            # The daemon rescans templates every couple of seconds and says so;
            # wait scan by scan for the effect, bounded by the wait_for below.
            while not condition():
                daemon.templates_checked.clear()
                await daemon.templates_checked.wait()

        async def story() -> None:
            await worker.connected.wait()
            edit(voice, original.replace('"Warm regards,"', '"Sparkling regards,"'))
            await until(lambda: "Sparkling regards," in sign_off())
            await asyncio.to_thread(world.send, customer_mail(ann, world.address(), subject="Ring size"))
            await asyncio.to_thread(world.wait, ann, 1, "INBOX", 15.0)

            edit(voice, original.replace('"Warm regards,"', "store.nmae"))
            await until(lambda: any("template_rejected" in r.getMessage() or "voice.txt" in r.getMessage() for r in caplog.records))
            await asyncio.to_thread(world.send, customer_mail(bob, world.address(), subject="Earring clasp"))
            await asyncio.to_thread(world.wait, bob, 1, "INBOX", 15.0)
            # The store's admin hears of the broken edit by email.
            await asyncio.to_thread(world.wait, admin, 1, "INBOX", 15.0)

        task = asyncio.create_task(daemon.run())
        try:
            await asyncio.wait_for(story(), 30)
        finally:
            daemon.stop()
            await asyncio.wait_for(task, 20)

    with caplog.at_level(logging.ERROR):
        asyncio.run(scenario())

    first = world.inbox(ann)[0]
    second = world.inbox(bob)[0]
    for message in (first, second):
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        text = flat(body.get_content())
        assert "Sparkling regards," in text  # the edit, then the last good version
        assert "nmae" not in text
    rejected = [r.getMessage() for r in caplog.records if "voice.txt" in r.getMessage()]
    assert rejected and all(str(voice) in m for m in rejected)
    [notice] = world.inbox(admin)  # once, although the daemon rescanned many times
    notice_body = notice.get_body(preferencelist=("plain",))
    assert notice_body is not None and f"{voice}:" in notice_body.get_content()
