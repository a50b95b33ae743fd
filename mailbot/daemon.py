"""The daemon: one worker per store, running concurrently, plus housekeeping.

Lifecycle: build everything (config is already valid), start the workers,
and stop on SIGTERM/SIGINT by letting each worker finish the message in hand
(a graceful drain); a second signal is not needed. ``once`` runs every worker
until its inbox and outbox are empty and returns.

Failure stays local: a worker whose servers are down backs off and reconnects
on its own; the other stores keep running.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
import signal
from collections.abc import Sequence
from pathlib import Path

from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from .clock import Clock
from .config import Config
from .errors import MailbotError
from .outbound.compose import Envelope, compose, new_message_id
from .outbound.templates import TemplateProblem
from .logs import event
from .services import Services
from .worker import StoreWorker

log = logging.getLogger("mailbot")


class Daemon:
    def __init__(self, config: Config, state_dir: Path, clock: Clock | None = None) -> None:
        self.config = config
        self.clock = clock or Clock()
        self.services = Services(config, state_dir, self.clock)
        self.workers: dict[str, StoreWorker] = {s.id: self.services.worker(s) for s in config.stores}
        # The loaded state lives as long as the daemon: keep the cyclic
        # collector from walking it again on every full collection.
        gc.collect()
        gc.freeze()
        self.stopping = asyncio.Event()
        self.started = asyncio.Event()
        self.templates_checked = asyncio.Event()  # set after every template rescan (observers clear it)

    async def run(self, once: bool = False) -> int:
        loop = asyncio.get_running_loop()
        installed = []
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.stop)
                installed.append(sig)
            except (NotImplementedError, RuntimeError):  # not the main thread (tests)
                pass
        event(log, logging.INFO, "-", "daemon_start", stores=",".join(self.workers), once=once, now=self.clock.now().isoformat())
        state = self.services.state
        state.write_behind()
        scheduler = None if once else self._start_scheduler()
        tasks = [asyncio.create_task(w.run(once), name=f"store:{sid}") for sid, w in self.workers.items()]
        housekeeping = None if once else asyncio.create_task(self._housekeeping(), name="housekeeping")
        await self.notify_template_problems(self.services.templates.problems)
        self.started.set()
        try:
            results = await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            if housekeeping is not None:
                housekeeping.cancel()
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            for sig in installed:
                loop.remove_signal_handler(sig)
            await state.stop_writing_behind()
        for sid, result in zip(self.workers, results, strict=True):
            if isinstance(result, BaseException):
                event(log, logging.ERROR, sid, "worker_crashed", error=f"{type(result).__name__}: {result}")
        event(log, logging.INFO, "-", "daemon_stop")
        return 0

    def _start_scheduler(self) -> AsyncIOScheduler:
        """One APScheduler job per store, always at that store's next timer instant.

        The instants come from state (each case carries its next one), so the
        jobs are rebuilt from state on every start; an instant already past
        fires at once (misfire grace unlimited, coalesced: once, never a burst).
        """
        scheduler = AsyncIOScheduler(timezone="UTC")
        scheduler.start()

        for sid, worker in self.workers.items():

            def follow(at: datetime | None, sid: str = sid, worker: StoreWorker = worker) -> None:
                job_id = f"timeline:{sid}"
                if at is None:
                    if scheduler.get_job(job_id) is not None:
                        scheduler.remove_job(job_id)
                    return
                scheduler.add_job(
                    worker.timer_due, "date", run_date=self.clock.to_real(at), id=job_id,
                    replace_existing=True, misfire_grace_time=None, coalesce=True,
                )

            worker.on_timeline = follow
            follow(worker.next_timer_at())
        return scheduler

    async def _housekeeping(self) -> None:
        while not self.stopping.is_set():
            problems = self.services.reload_templates()
            if problems:
                await self.notify_template_problems(problems)
            self.templates_checked.set()
            try:
                await asyncio.wait_for(self.stopping.wait(), 2.0)
            except TimeoutError:
                pass

    async def notify_template_problems(self, problems: Sequence[TemplateProblem]) -> None:
        """Mail each affected store's admin once per distinct set of problems.

        Remembered in state before sending, so a restart does not mail the
        same problems again (an admin notice is sent at most once).
        """
        now = self.clock.now()
        for sid, lines in self.services.problems_by_store(problems).items():
            worker = self.workers.get(sid)
            admin = worker.store.admin if worker is not None else None
            if worker is None or admin is None:
                continue
            store = worker.store
            key = "template-notice:" + hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:16]
            state = self.services.state
            if state.meta(sid, key) is not None:
                continue
            state.save_meta(sid, key, now.isoformat())
            await state.durable(sid)  # remembered before sent: at most once
            context: dict[str, object] = {
                "store": {"id": store.id, "name": store.name, "email": store.address, "website": store.website},
                "timezone": store.timezone, "problems": lines, "template_store": sid,
            }
            try:
                subject, text, html = self.services.renderer.render(sid, "template_error", "en", context)
                data = compose(
                    Envelope(new_message_id("templates", store.domain), store.name, store.address, (admin,), now,
                             auto_submitted="auto-generated"),
                    subject, text, html,
                )
                await worker.outbox.smtp.send(store.address, (admin,), data)
                event(log, logging.INFO, sid, "template_notice_sent", problems=len(lines))
            except MailbotError as exc:
                event(log, logging.ERROR, sid, "template_notice_failed", error=str(exc))

    def stop(self) -> None:
        self.stopping.set()
        for worker in self.workers.values():
            worker.stop()
