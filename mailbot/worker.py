"""One store's worker: the handlers that act on each decision.

A worker owns one store's IMAP connection, SMTP connection and outbox. The
daemon runs one worker per store; a worker that loses its servers backs off
and reconnects without touching the others.

Exactly-once sending: an outgoing email is rendered, its bytes written
beside the state, and recorded on the case as *pending* in the same atomic
write that changes the case. Only then is it handed to SMTP; after SMTP
accepted it, a copy goes to the Sent folder and the record becomes *sent*.
After a crash, a pending record is sent again with the same bytes and the same
Message-ID; it is never rendered afresh.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .config import StoreConfig
from .errors import ImapError, ParseError, SmtpPermanentError, SmtpTemporaryError, TransportError
from .imap import ImapClient, MailboxInfo
from .logs import event
from .models import (
    Address,
    Case,
    CaseEvent,
    CaseMessage,
    CaseStatus,
    MailboxState,
    OutboundRecord,
    OutboxState,
    ParsedMessage,
    RawMessage,
    Understanding,
)
from .outbound.compose import Envelope, compose, new_message_id
from .outbound.smtp import SmtpSender
from .parsing import parse_message
from .pipeline import Action, Decision, Facts, decide, status_after_customer_mail
from .state.tinystore import TinyStateStore
from .threader import find_case

log = logging.getLogger("mailbot")

# Backoff for SMTP 4xx / connection trouble: 30 s, 1, 2, 4 ... minutes, capped at 1 h.
_RETRY_BASE = timedelta(seconds=30)
_RETRY_CAP = timedelta(hours=1)
MAX_ATTEMPTS = 12


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
    auto_submitted: str = "auto-replied"
    timer_key: str = ""


class Renderer:
    """What the worker needs from the templates: subject, text and HTML for a kind."""

    def render(self, store_id: str, kind: str, language: str, context: dict[str, object]) -> tuple[str, str, str]:
        raise NotImplementedError


class StoreWorker:
    def __init__(
        self,
        store: StoreConfig,
        state: TinyStateStore,
        renderer: Renderer,
        understand: Callable[[ParsedMessage], Understanding],
        ack_context: Callable[[Case, Understanding], dict[str, object]],
        now: Callable[[], datetime],
        policy: object | None = None,
    ) -> None:
        self.store = store
        self.state = state
        self.renderer = renderer
        self.understand = understand
        self.ack_context = ack_context
        self.now = now
        self.policy = policy
        self.smtp = SmtpSender(store.smtp)
        self.imap: ImapClient | None = None
        self.wake = asyncio.Event()
        self.stopping = asyncio.Event()
        self.connected = asyncio.Event()
        self.staff = frozenset(store.own_addresses - {store.address})
        # Cases whose outbox has unfinished work (pending sends, copies not yet filed).
        self._unfinished: set[str] = {
            c.ref for c in state.all_cases(store.id) if any(_unfinished(o) for o in c.outbox)
        }
        self.processed = 0
        self.hooks: list[Callable[[str, Case | None], None]] = []  # observers (tests, benchmarks)

    # -- the run loop ------------------------------------------------------

    async def run(self, once: bool = False) -> bool:
        """Serve the store until stopped (or, with ``once``, until nothing waits).

        Returns False only in ``once`` mode when the servers could not be reached.
        """
        backoff = 1.0
        while not self.stopping.is_set():
            try:
                await self._session(once)
                return True
            except TransportError as exc:
                self.connected.clear()
                event(log, logging.WARNING, self.store.id, "connection_failed", error=str(exc), retry_in=f"{backoff:.0f}s")
                if once:
                    return False
            finally:
                await self._disconnect()
            try:
                await asyncio.wait_for(self.stopping.wait(), backoff)
            except TimeoutError:
                pass
            backoff = min(backoff * 2, 300.0)
        return True

    async def _session(self, once: bool) -> None:
        cfg = self.store.imap
        self.imap = ImapClient(cfg, self.store.id)
        await self.imap.connect()
        info = await self.imap.select(cfg.mailbox)
        idle = cfg.idle and self.imap.has_idle()
        self.connected.set()
        event(log, logging.INFO, self.store.id, "connected", mailbox=cfg.mailbox, idle=idle)
        while not self.stopping.is_set():
            self.wake.clear()
            await self.sync_mailbox(info)
            await self.finish_outbox()
            if once:
                return
            if idle:
                await self.imap.wait_for_change(self._wait_limit(cfg.idle_renew), self.wake_or_stop())
            else:
                try:
                    await asyncio.wait_for(self.wake_or_stop().wait(), self._wait_limit(cfg.poll_interval))
                except TimeoutError:
                    pass
                await self.imap.noop()
            if self.imap.lost:
                raise ImapError("connection lost")

    def _wait_limit(self, limit: float) -> float:
        """Wait no longer than until the next outbox retry is due."""
        retry = self.next_retry_at()
        if retry is None:
            return limit
        return max(0.05, min(limit, (retry - self.now()).total_seconds()))

    def wake_or_stop(self) -> asyncio.Event:
        if self.stopping.is_set():
            self.wake.set()
        return self.wake

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()

    async def _disconnect(self) -> None:
        imap, self.imap = self.imap, None
        if imap is not None:
            await imap.close()
        await self.smtp.close()

    # -- fetching ----------------------------------------------------------

    async def sync_mailbox(self, info: MailboxInfo) -> int:
        """Process every message above the last processed UID, streaming in batches."""
        assert self.imap is not None
        remembered = self.state.mailbox(self.store.id, info.name)
        last_uid = 0
        if remembered is not None and remembered.uidvalidity == info.uidvalidity:
            last_uid = remembered.last_uid
        elif remembered is not None:
            # The server renumbered the mailbox: read it all again; Message-IDs stop repeats.
            event(log, logging.WARNING, self.store.id, "uidvalidity_changed", old=remembered.uidvalidity, new=info.uidvalidity)
        uids = await self.imap.uids_after(last_uid)
        count = 0
        async for raw in self.imap.fetch(uids, self.store.imap.fetch_batch):
            await self.process(raw)
            count += 1
            last_uid = raw.uid
            if count % 50 == 0:
                self._save_position(info, last_uid)
        if uids:
            self._save_position(info, max(last_uid, uids[-1]))
        elif remembered is None or remembered.uidvalidity != info.uidvalidity:
            self._save_position(info, last_uid)
        return count

    def _save_position(self, info: MailboxInfo, last_uid: int) -> None:
        self.state.save_mailbox(self.store.id, MailboxState(info.name, info.uidvalidity, last_uid))

    # -- one message -------------------------------------------------------

    async def process(self, raw: RawMessage) -> Decision | None:
        """Run one message through the pipeline. A message that breaks it is set aside."""
        try:
            return await self._process(raw)
        except TransportError:
            raise
        except Exception as exc:  # failure stays local: record, set aside, carry on
            where = self.state.set_aside(self.store.id, f"{raw.uidvalidity}-{raw.uid}", raw.data)
            self.state.record_message(
                self.store.id,
                f"uid:{raw.mailbox}:{raw.uidvalidity}:{raw.uid}",
                mailbox=raw.mailbox,
                uid=raw.uid,
                outcome="failed",
                reason=f"{type(exc).__name__}: {exc}",
                at=self.now(),
            )
            event(log, logging.ERROR, self.store.id, "message_failed", uid=raw.uid, error=f"{type(exc).__name__}: {exc}", set_aside=where)
            return None

    async def _process(self, raw: RawMessage) -> Decision:
        try:
            msg = parse_message(raw.data)
        except ParseError as exc:
            raise ValueError(str(exc)) from exc
        understanding = self.understand(msg)
        match = find_case(
            msg,
            self.store.prefix,
            lambda mid: self.state.case_for_message_id(self.store.id, mid),
            lambda ref: self.state.store_case(self.store.id, ref),
        )
        sender = msg.from_.email if msg.from_ else ""
        hour_ago = self.now() - timedelta(hours=1)
        facts = Facts(
            msg=msg,
            understanding=understanding,
            match=match,
            duplicate=self.state.is_known_message(self.store.id, msg.message_id),
            store_address=self.store.address,
            staff=self.staff,
            acks_to_sender_last_hour=sum(c.acks_sent_since(hour_ago) for c in self.state.cases_of_customer(self.store.id, sender)),
            ack_limit_per_hour=self.store.ack_limit_per_hour,
        )
        decision = decide(facts)
        received = raw.internaldate or self.now()
        case: Case | None = None
        if decision.opens_case:
            case = await self._open_case(raw, msg, understanding, decision, received)
        elif decision.action is Action.CUSTOMER_REPLY and decision.case is not None:
            case = self._add_message(decision.case, raw, msg, "customer", received, decision)
            case = dataclasses.replace(case, status=status_after_customer_mail(decision.case))
            self.state.save_case(case)
        elif decision.action is Action.STAFF_REPLY and decision.case is not None:
            case = self._add_message(decision.case, raw, msg, "staff", received, decision)
            if case.status is CaseStatus.NEW:
                case = dataclasses.replace(case, status=CaseStatus.ACKNOWLEDGED)
            self.state.save_case(case)
        elif decision.action is not Action.DUPLICATE:
            self.state.record_message(
                self.store.id, msg.message_id, mailbox=raw.mailbox, uid=raw.uid,
                outcome=decision.action.value, reason=";".join(decision.reasons), at=self.now(),
            )
        self.processed += 1
        event(
            log, logging.INFO, self.store.id, _EVENT_NAMES[decision.action],
            case=case.ref if case else (decision.case.ref if decision.case else None),
            uid=raw.uid, category=understanding.category.value, reasons=";".join((*decision.reasons, *understanding.reasons)),
        )
        for hook in self.hooks:
            hook(decision.action.value, case)
        if case is not None and decision.sends_ack:
            await self.deliver(case)
        return decision

    def _add_message(
        self, case: Case, raw: RawMessage, msg: ParsedMessage, direction: str, at: datetime, decision: Decision
    ) -> Case:
        sender = msg.from_.email if msg.from_ else ""
        return dataclasses.replace(
            case,
            messages=(*case.messages, CaseMessage(msg.message_id, direction, at, sender, raw.mailbox, raw.uid)),
            updated_at=self.now(),
            events=(*case.events, CaseEvent(self.now(), f"{direction}_message", ";".join(decision.reasons))),
        )

    async def _open_case(
        self, raw: RawMessage, msg: ParsedMessage, understanding: Understanding, decision: Decision, received: datetime
    ) -> Case:
        number = self.state.next_case_number(self.store.id)
        now = self.now()
        customer = msg.from_ or Address("", "")
        case = Case(
            ref=f"{self.store.prefix}-{number:06d}",
            number=number,
            store_id=self.store.id,
            customer=customer,
            subject=msg.subject,
            status=CaseStatus.NEW,
            opened_at=received,
            updated_at=now,
            messages=(CaseMessage(msg.message_id, "customer", received, customer.email, raw.mailbox, raw.uid),),
            category=understanding.category,
            urgent=understanding.urgent,
            language=understanding.language,
            order_id=understanding.order_id,
            reasons=(*decision.reasons, *understanding.reasons),
            events=(CaseEvent(now, "opened", ";".join(decision.reasons)),),
        )
        if decision.sends_ack:
            case = self.enqueue(
                case,
                Outgoing(
                    kind="ack",
                    to=(customer.email,),
                    context=self.ack_context(case, understanding),
                    language=understanding.language,
                    in_reply_to=msg.message_id,
                    references=msg.references,
                ),
            )
        self.state.save_case(case)
        return case

    # -- the outbox --------------------------------------------------------

    def enqueue(self, case: Case, out: Outgoing) -> Case:
        """Render ``out``, keep its bytes, and return the case with a pending record.

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
        self.state.save_outbound_bytes(self.store.id, message_id, data)
        record = OutboundRecord(
            message_id=message_id, kind=out.kind, to=out.to, state=OutboxState.PENDING, created_at=now, timer_key=out.timer_key
        )
        self._unfinished.add(case.ref)
        return dataclasses.replace(case, outbox=(*case.outbox, record))

    async def deliver(self, case: Case) -> Case:
        """Send every due pending record of ``case`` and file every sent copy."""
        for record in case.outbox:
            if record.state is OutboxState.PENDING and (record.next_attempt_at is None or record.next_attempt_at <= self.now()):
                case = await self._send(case, record)
        for record in case.outbox:
            if record.state is OutboxState.SENT and not record.filed:
                case = await self._file(case, record)
        if not any(_unfinished(o) for o in case.outbox):
            self._unfinished.discard(case.ref)
        return case

    async def _send(self, case: Case, record: OutboundRecord) -> Case:
        data = self.state.outbound_bytes(self.store.id, record.message_id)
        if data is None:
            updated = dataclasses.replace(record, state=OutboxState.FAILED, error="rendered message lost from state")
            return self._replace_record(case, updated, "send_failed")
        try:
            await self.smtp.send(self.store.address, record.to, data)
        except SmtpPermanentError as exc:
            updated = dataclasses.replace(record, state=OutboxState.FAILED, attempts=record.attempts + 1, error=str(exc))
            event(log, logging.ERROR, self.store.id, "send_failed", case=case.ref, kind=record.kind, error=str(exc))
            return self._replace_record(case, updated, "send_failed", str(exc))
        except SmtpTemporaryError as exc:
            attempts = record.attempts + 1
            if attempts >= MAX_ATTEMPTS:
                updated = dataclasses.replace(record, state=OutboxState.FAILED, attempts=attempts, error=f"gave up: {exc}")
            else:
                updated = dataclasses.replace(
                    record, attempts=attempts, error=str(exc), next_attempt_at=self.now() + retry_delay(attempts)
                )
            event(log, logging.WARNING, self.store.id, "send_deferred", case=case.ref, kind=record.kind, attempts=attempts, error=str(exc))
            return self._replace_record(case, updated, "send_deferred", str(exc))
        # Recorded as sent before anything else happens: the window in which a
        # crash makes us send twice is the time from SMTP's 250 to this write.
        sent = dataclasses.replace(record, state=OutboxState.SENT, sent_at=self.now(), attempts=record.attempts + 1, error="")
        if record.kind == "ack" and case.status is CaseStatus.NEW:
            case = dataclasses.replace(case, status=CaseStatus.ACKNOWLEDGED)
        case = self._replace_record(case, sent, f"{record.kind}_sent")
        event(log, logging.INFO, self.store.id, f"{record.kind}_sent", case=case.ref, message_id=record.message_id)
        return case

    async def _file(self, case: Case, record: OutboundRecord) -> Case:
        data = self.state.outbound_bytes(self.store.id, record.message_id)
        if data is None or self.imap is None:
            return case
        try:
            await self.imap.append(self.store.imap.sent_folder, data, date=record.sent_at or self.now())
        except ImapError as exc:
            event(log, logging.WARNING, self.store.id, "file_deferred", case=case.ref, error=str(exc))
            return case
        return self._replace_record(case, dataclasses.replace(record, filed=True), None)

    def _replace_record(self, case: Case, record: OutboundRecord, what: str | None, detail: str = "") -> Case:
        outbox = tuple(record if o.message_id == record.message_id else o for o in case.outbox)
        events = case.events if what is None else (*case.events, CaseEvent(self.now(), what, detail or record.kind))
        case = dataclasses.replace(case, outbox=outbox, events=events, updated_at=self.now())
        self.state.save_case(case)
        return case

    async def finish_outbox(self) -> None:
        """Complete pending sends (after a crash or a 4xx) and unfiled copies that are due."""
        for ref in sorted(self._unfinished):
            case = self.state.store_case(self.store.id, ref)
            if case is not None:
                await self.deliver(case)
            else:
                self._unfinished.discard(ref)

    def next_retry_at(self) -> datetime | None:
        times = [
            o.next_attempt_at
            for ref in self._unfinished
            if (c := self.state.store_case(self.store.id, ref)) is not None
            for o in c.outbox
            if o.state is OutboxState.PENDING and o.next_attempt_at is not None
        ]
        return min(times) if times else None


def _unfinished(record: OutboundRecord) -> bool:
    return record.state is OutboxState.PENDING or (record.state is OutboxState.SENT and not record.filed)


_EVENT_NAMES = {
    Action.DUPLICATE: "skipped_duplicate",
    Action.OWN_MAIL: "skipped_own_mail",
    Action.STAFF_REPLY: "staff_reply",
    Action.STAFF_OTHER: "skipped_staff_mail",
    Action.MACHINE: "skipped_machine",
    Action.CUSTOMER_REPLY: "reply_threaded",
    Action.NEW_CASE: "case_opened",
    Action.NEW_CASE_NO_ACK: "case_opened_no_ack",
}

