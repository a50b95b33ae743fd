"""Everything a store sends, exactly once.

An outgoing email is rendered and recorded on its case as *pending*,
with its exact bytes, in the same atomic write that changes the case.
Only once that is on disk is it handed to SMTP. When SMTP accepted it, the
record becomes *sent*; then a copy is filed in the store's Sent folder so
staff see it, and the record is marked *filed*. The only window
in which a crash makes us send twice is between SMTP's 250 and the write of
the *sent* record; a resend then carries the same bytes and the same
Message-ID, so mail clients show it once.

A batch is sent as a pipeline: several mails go out over SMTP at once
while the copies of those already sent are filed over IMAP.

SMTP 4xx and connection trouble: retried with backoff (30 s doubling to 1 h,
at most ``MAX_ATTEMPTS``). 5xx: recorded on the case as failed, not retried.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .config import StoreConfig
from .errors import ImapError, SmtpPermanentError, SmtpTemporaryError, StateError
from .logs import event
from .models import ACK_KINDS, Case, CaseEvent, CaseStatus, OutboundRecord, OutboxState
from .outbound.compose import Envelope, compose, new_message_id
from .outbound.smtp import SmtpSender
from .state.base import StateStore

if TYPE_CHECKING:
    from .imap import ImapClient

log = logging.getLogger("mailbot")

_RETRY_BASE = timedelta(seconds=30)
_RETRY_CAP = timedelta(hours=1)
MAX_ATTEMPTS = 12
FILE_RETRY_SECONDS = 60.0  # after a failed APPEND to Sent, filing pauses this long
FILE_BATCH = 50  # Sent copies filed by one command at most


def retry_delay(attempts: int) -> timedelta:
    delay: timedelta = _RETRY_BASE * (2 ** max(attempts - 1, 0))
    return min(delay, _RETRY_CAP)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """An email a handler wants sent, before it is rendered."""

    kind: str
    to: tuple[str, ...]
    context: dict[str, object]
    language: str = "en"
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    auto_submitted: str = "auto-replied"  # RFC 3834; staff notices are auto-generated
    timer_key: str = ""


class Renderer:
    """What the outbox needs from the templates: subject, text and HTML of a kind."""

    def render(self, store_id: str, kind: str, language: str, context: dict[str, object]) -> tuple[str, str, str]:
        raise NotImplementedError


class Outbox:
    def __init__(
        self,
        store: StoreConfig,
        state: StateStore,
        renderer: Renderer,
        now: Callable[[], datetime],
        save: Callable[[Case, bool], None],  # (case, replan its timers)
    ) -> None:
        self.store = store
        self.state = state
        self.renderer = renderer
        self.now = now
        self.save = save
        self.smtp = SmtpSender(store.smtp)
        self.imap: ImapClient | None = None  # set while connected: the Sent folder copy goes through it
        self._unfinished: set[str] = state.unfinished(store.id)
        # Pending records made by this process whose write may not be on disk yet.
        self._fresh: set[str] = set()
        # Records made by this process and not tried yet: how far processing runs ahead of sending.
        self._untried: set[str] = set()
        self._tried = asyncio.Event()
        self.tries = 0  # sends attempted by this process
        self._unsaved: list[str] = []  # made by enqueue, not yet in a saved case
        self._filing_paused_until = 0.0  # monotonic: after a failed APPEND, filing waits
        self._arrivals: collections.deque[str] = collections.deque()  # cases given mail while a send round runs
        self._held = False  # see hold()

    def enqueue(self, case: Case, out: Outgoing) -> Case:
        """Render ``out`` and return ``case`` with a pending record that carries the mail's bytes.

        The caller saves the case; until then nothing was promised.
        """
        subject, text, html = self.renderer.render(self.store.id, out.kind, out.language, out.context)
        message_id = new_message_id(case.ref, self.store.domain)
        now = self.now()
        data = compose(
            Envelope(
                message_id=message_id,
                from_name=self.store.name,
                from_address=self.store.address,
                to=out.to,
                date=now,
                in_reply_to=out.in_reply_to,
                references=out.references,
                case_ref=case.ref,
                auto_submitted=out.auto_submitted,
            ),
            subject,
            text,
            html,
        )
        record = OutboundRecord(
            message_id=message_id, kind=out.kind, to=out.to, state=OutboxState.PENDING, created_at=now,
            timer_key=out.timer_key, rendered=data.decode("latin-1"),
        )
        self._unfinished.add(case.ref)
        self._fresh.add(message_id)
        self._untried.add(message_id)
        self._unsaved.append(message_id)
        self._arrivals.append(case.ref)
        return dataclasses.replace(case, outbox=(*case.outbox, record))

    async def _send_due(self, case: Case) -> Case:
        for record in case.outbox:
            if record.state is OutboxState.PENDING and (record.next_attempt_at is None or record.next_attempt_at <= self.now()):
                case = await self._send(case, record)
        return case

    def kept(self) -> None:
        """The case holding the records made so far was saved."""
        self._unsaved.clear()

    def forget_unsaved(self) -> None:
        """Records made for a case that was never saved (its message failed): they do not exist."""
        for message_id in self._unsaved:
            self._fresh.discard(message_id)
            self._untried.discard(message_id)
        self._unsaved.clear()

    def untried(self) -> int:
        """How many mails made by this process wait for their first try."""
        return len(self._untried)

    async def tried(self) -> None:
        """Return once another mail was tried (sent, deferred or failed)."""
        self._tried.clear()
        await self._tried.wait()

    async def _send(self, case: Case, record: OutboundRecord) -> Case:
        try:
            return await self._try(case, record)
        finally:
            self._untried.discard(record.message_id)
            self.tries += 1
            self._tried.set()

    async def _try(self, case: Case, record: OutboundRecord) -> Case:
        data = self._bytes(record)
        if data is None:
            failed = dataclasses.replace(record, state=OutboxState.FAILED, error="rendered message lost from state")
            return self._replace(case, failed, "send_failed")
        # What is promised must be on disk before it is sent: the pending record
        # is what lets a restart complete this send instead of losing it.
        if record.message_id in self._fresh:
            covered = set(self._fresh)  # one wait covers every record made so far
            try:
                await self.state.durable(self.store.id)
            except StateError as exc:  # disk full, say: keep it pending, try again on the next round
                event(log, logging.ERROR, self.store.id, "send_held", case=case.ref, kind=record.kind, error=str(exc))
                return case
            self._fresh -= covered
        try:
            await self.smtp.send(self.store.address, record.to, data)
        except SmtpPermanentError as exc:
            failed = dataclasses.replace(record, state=OutboxState.FAILED, attempts=record.attempts + 1, error=str(exc))
            event(log, logging.ERROR, self.store.id, "send_failed", case=case.ref, kind=record.kind, error=str(exc))
            return self._replace(case, failed, "send_failed", str(exc))
        except SmtpTemporaryError as exc:
            attempts = record.attempts + 1
            if attempts >= MAX_ATTEMPTS:
                retry = dataclasses.replace(record, state=OutboxState.FAILED, attempts=attempts, error=f"gave up: {exc}")
            else:
                retry = dataclasses.replace(record, attempts=attempts, error=str(exc), next_attempt_at=self.now() + retry_delay(attempts))
            event(log, logging.WARNING, self.store.id, "send_deferred", case=case.ref, kind=record.kind, attempts=attempts, error=str(exc))
            return self._replace(case, retry, "send_deferred", str(exc))
        sent = dataclasses.replace(record, state=OutboxState.SENT, sent_at=self.now(), attempts=record.attempts + 1, error="")
        case = self._replace(case, sent, f"{record.kind}_sent")
        event(log, logging.INFO, self.store.id, f"{record.kind}_sent", case=case.ref, message_id=record.message_id)
        return case

    async def _file(self, refs: list[str]) -> None:
        """File a copy of every mail sent for these cases in Sent, in as few commands as the server allows."""
        todo = [
            (ref, record)
            for ref in dict.fromkeys(refs)
            if (case := self.state.store_case(self.store.id, ref)) is not None
            for record in case.outbox
            if record.state is OutboxState.SENT and not record.filed
        ]
        # Without MULTIAPPEND a batch is one APPEND after another: file and
        # record them one by one, so a failure halfway files nothing twice.
        size = FILE_BATCH if self.imap is not None and self.imap.can_append_many() else 1
        for start in range(0, len(todo), size):
            batch = [(ref, record, data) for ref, record in todo[start:start + size] if (data := self._bytes(record)) is not None]
            if not batch:
                continue
            if self.imap is None or time.monotonic() < self._filing_paused_until:
                break
            try:
                await self.imap.append_many(self.store.imap.sent_folder, [(data, record.sent_at or self.now()) for _, record, data in batch])
            except ImapError as exc:
                # Not again for every mail: the Sent folder may be missing or full.
                self._filing_paused_until = time.monotonic() + FILE_RETRY_SECONDS
                event(log, logging.WARNING, self.store.id, "file_deferred", case=batch[0][0], error=str(exc),
                      retry_in=f"{FILE_RETRY_SECONDS:.0f}s")
                break
            for ref, record, _ in batch:
                case = self.state.store_case(self.store.id, ref)
                if case is not None:
                    self._replace(case, dataclasses.replace(record, filed=True), None)
        for ref in refs:
            case = self.state.store_case(self.store.id, ref)
            if case is None or not any(_unfinished(o) for o in case.outbox):
                self._unfinished.discard(ref)

    def _bytes(self, record: OutboundRecord) -> bytes | None:
        """The mail as rendered: carried by its record until sent and filed."""
        if record.rendered:
            return record.rendered.encode("latin-1")
        return self.state.outbound_bytes(self.store.id, record.message_id)  # state of earlier versions

    def _replace(self, case: Case, record: OutboundRecord, what: str | None, detail: str = "") -> Case:
        """Record what became of ``record`` on the case as it is *now*.

        The worker goes on processing mail while this outbox sends, so the
        case may have changed since the send began (a reply joined it): the
        change is applied to the latest version, never to the one in hand.
        """
        case = self.state.store_case(self.store.id, case.ref) or case
        if not _unfinished(record):
            record = dataclasses.replace(record, rendered="")  # sent and filed, or failed: no longer needed
        outbox = tuple(record if o.message_id == record.message_id else o for o in case.outbox)
        events = case.events if what is None else (*case.events, CaseEvent(self.now(), what, detail or record.kind))
        status = case.status
        if record.state is OutboxState.SENT and record.kind in ACK_KINDS and status is CaseStatus.NEW:
            status = CaseStatus.ACKNOWLEDGED
        case = dataclasses.replace(case, outbox=outbox, events=events, status=status, updated_at=self.now())
        # Filing a copy changes no timer; sending one can (an acknowledgement starts clocks).
        self.save(case, what is not None)
        return case

    async def finish(self) -> None:
        """Send what is pending and due, and file what was sent, for every case that owes mail.

        Up to ``smtp.connections`` mails are sent at once, and the Sent
        copies of those already sent are filed meanwhile, all that are
        ready in one command. Mail made while this runs is sent by it too.
        """
        filing: asyncio.Queue[str | None] = asyncio.Queue()
        todo = collections.deque(sorted(self._unfinished))
        self._arrivals.clear()  # from now on, new mail shows up here
        taken: set[str] = set()

        halted = False  # a lane failed: the others finish the mail in hand and take no more

        def next_case() -> Case | None:
            while not halted and not self._held and (todo or self._arrivals):
                ref = todo.popleft() if todo else self._arrivals.popleft()
                if ref in taken:
                    continue
                taken.add(ref)
                case = self.state.store_case(self.store.id, ref)
                if case is not None:
                    return case
                self._unfinished.discard(ref)
            return None

        async def lane() -> None:
            nonlocal halted
            try:
                while not filer.done() and (case := next_case()) is not None:
                    await self._send_due(case)
                    filing.put_nowait(case.ref)
            except Exception:
                halted = True
                raise

        async def file_all() -> None:
            last = False
            while not last and (ref := await filing.get()) is not None:
                refs = [ref]
                while not filing.empty():  # everything sent meanwhile goes in the same command
                    more = filing.get_nowait()
                    if more is None:
                        last = True
                        break
                    refs.append(more)
                await self._file(refs)

        filer = asyncio.create_task(file_all())
        lanes = [asyncio.create_task(lane()) for _ in range(self.smtp.connections)]
        try:
            # Never cancel a lane because another failed: cancelled between
            # SMTP's 250 and its record, its mail would be sent again.
            outcomes = await asyncio.gather(*lanes, return_exceptions=True)
        finally:
            filing.put_nowait(None)
            await filer  # its exception, if any, is the caller's (a TransportError reconnects)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome

    def hold(self) -> None:
        """Take no more mail into a running send round: the connections are about to close."""
        self._held = True

    def release(self) -> None:
        self._held = False

    def next_retry_at(self) -> datetime | None:
        times = [
            o.next_attempt_at
            for ref in self._unfinished
            if (c := self.state.store_case(self.store.id, ref)) is not None
            for o in c.outbox
            if o.state is OutboxState.PENDING and o.next_attempt_at is not None
        ]
        return min(times) if times else None

    async def close(self) -> None:
        await self.smtp.close()


def _unfinished(record: OutboundRecord) -> bool:
    return record.state is OutboxState.PENDING or (record.state is OutboxState.SENT and not record.filed)
