"""One store's worker: fetch, decide, act; then wait for the server or a timer.

A worker owns one store's IMAP connection, its SMTP connection and its
outbox. The daemon runs one worker per store; a worker that loses its
servers backs off and reconnects without touching the others.

Mailboxes it reads (never marking anything read, moving or deleting):

- the inbox (``imap.mailbox``), with IDLE: customer mail, staff mail, commands;
- the Sent folder: staff replies sent from the shared mailbox, and commands;
- the status folders (``imap.folders``): staff move or copy a customer's
  message there to resolve, escalate, ... its case.

The inbox is waited on with IDLE; the other folders are looked at (STATUS,
cheap) whenever the worker wakes and at least every ``imap.secondary_poll``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import heapq
import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from .commands import check_trust, parse_commands
from .config import StoreConfig
from .errors import ImapError, ParseError, TransportError
from .handlers import CaseHandlers
from .imap import ImapClient, MailboxInfo
from .logs import event
from .models import Case, CaseMessage, MailboxState, ParsedMessage, RawMessage, Understanding
from .outbox import Outbox, Renderer
from .parsing import parse_message
from .pipeline import Action, Decision, Facts, Role, decide
from .promises import StorePromises
from .state.base import StateStore
from .threader import find_case, ref_pattern

log = logging.getLogger("mailbot")


class StoreWorker:
    def __init__(
        self,
        store: StoreConfig,
        state: StateStore,
        renderer: Renderer,
        understand: Callable[[ParsedMessage], Understanding],
        now: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.state = state
        self.understand = understand
        self.now = now
        self.promises = StorePromises.from_config(store)
        self.outbox = Outbox(store, state, renderer, now, self.save)
        self.handlers = CaseHandlers(store, self.promises, self.outbox, now)
        self.imap: ImapClient | None = None
        self.wake = asyncio.Event()
        self.stopping = asyncio.Event()
        self.connected = asyncio.Event()
        self.staff = frozenset(store.own_addresses - {store.address})
        # The timeline: (instant, case ref) of every case's next timer firing, a heap
        # rebuilt from state on start; ``_next_at`` holds the live entry per case
        # (heap entries that disagree with it are stale and skipped).
        self._timeline: list[tuple[datetime, str]] = []
        self._next_at: dict[str, datetime] = {}
        self.on_timeline: Callable[[datetime | None], None] = lambda at: None  # the daemon's scheduler follows it
        self._load_timeline()
        self.hooks: list[Callable[[str, Case | None], None]] = []  # observers (tests, benchmarks)
        self.processed = 0
        self._ref_re = ref_pattern(store.prefix)
        # Mail is sent by a task of its own while the next batch is processed.
        self._sender: asyncio.Task[None] | None = None
        self._send_again = False

    def save(self, case: Case, replan: bool = True) -> None:
        """Persist ``case`` with its next timer instant, and put it on the timeline.

        ``replan=False`` is for changes no timer depends on (a copy filed in
        Sent): the instant already on the case stands.
        """
        if replan:
            case = dataclasses.replace(case, next_timer_at=self.promises.next_firing(case))
        self.state.save_case(case)
        self.outbox.kept()
        if replan:
            self._track(case.ref, case.next_timer_at)

    # -- the timeline ------------------------------------------------------

    def policy_fingerprint(self) -> str:
        """Changes only when the promises do (not with key or timer order in the YAML)."""
        data = self.store.policy.model_dump(mode="json")
        data["timers"] = sorted(data["timers"], key=lambda t: str(t["name"]))
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]

    def _load_timeline(self) -> None:
        fingerprint = self.policy_fingerprint()
        if self.state.meta(self.store.id, "policy") != fingerprint:
            # The promises changed since these instants were computed: plan every live case again.
            for case in self.state.all_cases(self.store.id):
                if case.next_timer_at is not None or case.status.value != "closed":
                    self.save(case)
            self.state.save_meta(self.store.id, "policy", fingerprint)
            return
        self._timeline = self.state.timeline(self.store.id)
        self._next_at = {ref: at for at, ref in self._timeline}
        heapq.heapify(self._timeline)

    def _track(self, ref: str, at: datetime | None) -> None:
        before = self.next_timer_at()
        if at is None:
            self._next_at.pop(ref, None)
        else:
            self._next_at[ref] = at
            heapq.heappush(self._timeline, (at, ref))
        after = self.next_timer_at()
        if after != before:
            self.on_timeline(after)

    def next_timer_at(self) -> datetime | None:
        while self._timeline:
            at, ref = self._timeline[0]
            if self._next_at.get(ref) == at:
                return at
            heapq.heappop(self._timeline)  # stale: the case was replanned
        return None

    def _pop_due(self, now: datetime) -> list[str]:
        refs = []
        while (at := self.next_timer_at()) is not None and at <= now:
            _, ref = heapq.heappop(self._timeline)
            self._next_at.pop(ref, None)
            refs.append(ref)
        return refs

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
        self.outbox.imap = self.imap
        self.outbox.release()
        info = await self.imap.select(cfg.mailbox)
        idle = cfg.idle and self.imap.has_idle()
        self.connected.set()
        event(log, logging.INFO, self.store.id, "connected", mailbox=cfg.mailbox, idle=idle)
        last_secondary = last_purge = -1e9
        loop = asyncio.get_running_loop()
        while not self.stopping.is_set():
            self.wake.clear()
            if once or loop.time() - last_secondary >= cfg.secondary_poll:
                await self.sync_conversation()
                await self.sync_status_folders()
                info = await self.imap.select(cfg.mailbox)
                last_secondary = loop.time()
            # The inbox last too, right before waiting on it: whatever arrives
            # after this sync is reported by IDLE.
            await self.sync(info, Role.INBOX)
            self._send_soon()  # what a crash or a 4xx left pending, too
            await self.run_due()
            await self._all_sent()  # before IDLE holds the connection
            if once or loop.time() - last_purge >= 3600:
                self.purge(self.now())
                last_purge = loop.time()
            if once:
                return
            limit = self._wait_limit(min(cfg.idle_renew if idle else cfg.poll_interval, cfg.secondary_poll))
            if idle:
                await self.imap.wait_for_change(limit, self.wake)
            else:
                try:
                    await asyncio.wait_for(self.wake.wait(), limit)
                except TimeoutError:
                    pass
                await self.imap.noop()
            if self.imap.lost:
                raise ImapError("connection lost")

    def _wait_limit(self, limit: float) -> float:
        """Wait no longer than until the next outbox retry is due."""
        retry = self.outbox.next_retry_at()
        if retry is None:
            return limit
        return max(0.05, min(limit, (retry - self.now()).total_seconds()))

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()

    def timer_due(self) -> None:
        """Called by the scheduler at the timeline's next instant."""
        self.wake.set()

    # -- sending -----------------------------------------------------------

    def _send_soon(self) -> None:
        """Start sending what is pending, beside the processing of the next batch."""
        sender = self._sender
        if sender is not None and sender.done() and not sender.cancelled() and sender.exception() is not None:
            return  # its failure is raised by _all_sent: the session ends and reconnects
        if sender is None or sender.done():
            self._sender = asyncio.create_task(self._send_rounds(), name=f"send:{self.store.id}")
        else:
            self._send_again = True  # the running round may have missed the newest mail

    async def _send_rounds(self) -> None:
        while True:
            self._send_again = False
            await self.outbox.finish()
            if not self._send_again:
                return

    async def _keep_pace(self) -> None:
        """Process no further ahead of the sender than ``SEND_AHEAD`` mails.

        Processing is CPU work and sending mostly waits on the servers: run
        unchecked, a backlog would be read to the end before much is sent,
        leaving the mail servers idle first and the processing idle after.
        Kept in step, both work at once (and the other stores get their turn).
        """
        await asyncio.sleep(0)
        while self.outbox.untried() > SEND_AHEAD:
            self._send_soon()
            sender = self._sender
            assert sender is not None
            before = self.outbox.tries
            tried = asyncio.ensure_future(self.outbox.tried())
            try:
                done, _ = await asyncio.wait({tried, sender}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                tried.cancel()
            if sender in done:
                await self._all_sent()  # its failure, if any, ends the session
                if self.outbox.tries == before:
                    return  # a whole round tried nothing: what is left cannot be sent now

    async def _all_sent(self) -> None:
        """Wait until nothing is being sent; a sender's failure is raised here."""
        while self._sender is not None:
            sender = self._sender
            try:
                await sender
            finally:
                if self._sender is sender:
                    self._sender = None

    async def _disconnect(self) -> None:
        sender, self._sender = self._sender, None
        self.outbox.imap = None  # no more filing in Sent: the copies are filed after reconnecting
        self.outbox.hold()  # and no more mail taken: what is in hand is finished below
        if sender is not None and not sender.done():
            # Let the mail in hand be sent and recorded: cancelled between SMTP's
            # 250 and the record, it would be sent again after the reconnect.
            await asyncio.wait({sender}, timeout=self.store.smtp.timeout)
            sender.cancel()
        if sender is not None:
            try:
                await sender
            except BaseException:  # cancelled, or the failure that ended the session
                pass
        imap, self.imap = self.imap, None
        if imap is not None:
            await imap.close()
        await self.outbox.close()

    # -- fetching ----------------------------------------------------------

    async def sync(self, info: MailboxInfo, role: Role | str) -> int:
        """Process every message above the last processed UID of the selected mailbox, streaming in batches."""
        assert self.imap is not None
        remembered = self.state.mailbox(self.store.id, info.name)
        last_uid = 0
        if remembered is not None and remembered.uidvalidity == info.uidvalidity:
            last_uid = remembered.last_uid
        elif remembered is not None:
            # The server renumbered the mailbox: read it all again; Message-IDs stop repeats.
            event(log, logging.WARNING, self.store.id, "uidvalidity_changed", mailbox=info.name, old=remembered.uidvalidity, new=info.uidvalidity)
        uids = await self.imap.uids_after(last_uid)
        count = 0
        async for raw in self.imap.fetch(uids, self.store.imap.fetch_batch):
            if isinstance(role, Role):
                await self._take(raw, role)
            else:
                self.process_status_folder(raw, role)
            count += 1
            last_uid = raw.uid
            if count % self.store.imap.fetch_batch == 0:
                self._save_position(info, last_uid)
        if uids or remembered is None or remembered.uidvalidity != info.uidvalidity:
            self._save_position(info, max([last_uid, *uids]))
        return count

    async def _new_uids(self, name: str) -> tuple[MailboxInfo, list[int]] | None:
        """Select ``name`` and list the UIDs not processed yet (None: nothing new, per STATUS)."""
        assert self.imap is not None
        remembered = self.state.mailbox(self.store.id, name)
        if name != self.store.imap.mailbox:
            try:
                uidnext, validity = await self.imap.status(name)
            except ImapError as exc:
                event(log, logging.DEBUG, self.store.id, "folder_unavailable", folder=name, error=str(exc))
                return None
            if remembered is not None and remembered.uidvalidity == validity and remembered.last_uid >= uidnext - 1:
                return None
        info = await self.imap.select(name)
        last_uid = 0
        if remembered is not None and remembered.uidvalidity == info.uidvalidity:
            last_uid = remembered.last_uid
        elif remembered is not None:
            event(log, logging.WARNING, self.store.id, "uidvalidity_changed", mailbox=name, old=remembered.uidvalidity, new=info.uidvalidity)
        return info, await self.imap.uids_after(last_uid)

    async def sync_conversation(self) -> int:
        """The inbox and the Sent folder together, in the order the mail arrived.

        After an outage both may hold new mail: a customer's question in the
        inbox and the staff reply to it in Sent, or a ``#pending`` in Sent and
        the customer's answer after it. Processing them by arrival time
        (INTERNALDATE) gives every case the history it really had.
        """
        assert self.imap is not None
        queue: list[tuple[datetime, int, str, int]] = []
        infos: dict[str, MailboxInfo] = {}
        todo: dict[str, list[int]] = {}  # per mailbox, this round's UIDs in UID order
        done_uids: dict[str, set[int]] = {}
        roles = {self.store.imap.mailbox: Role.INBOX, self.store.imap.sent_folder: Role.SENT}
        for rank, name in enumerate(roles):
            found = await self._new_uids(name)
            if found is None:
                continue
            info, uids = found
            infos[name] = info
            if uids:
                todo[name], done_uids[name] = sorted(uids), set()
                times = await self.imap.arrival_times(uids)
                queue += [(at or self.now(), rank, name, uid) for uid, at in times]
            else:
                remembered = self.state.mailbox(self.store.id, name)
                if remembered is None or remembered.uidvalidity != info.uidvalidity:
                    self._save_position(info, 0)
        queue.sort()
        done = 0
        selected = self.imap.selected.name if self.imap.selected else ""
        index = 0
        while index < len(queue):
            name = queue[index][2]
            run: list[int] = []
            while index < len(queue) and queue[index][2] == name and len(run) < self.store.imap.fetch_batch:
                run.append(queue[index][3])
                index += 1
            if selected != name:
                await self.imap.select(name)
                selected = name
            fetched = {raw.uid: raw async for raw in self.imap.fetch(sorted(run), len(run))}
            for uid in run:
                raw = fetched.get(uid)
                if raw is not None:
                    await self._take(raw, roles[name])
                    done += 1
            # In arrival order UIDs come out of order: the position only moves
            # to the highest UID of this round below which everything is done.
            done_uids[name].update(run)
            position = None
            for uid in todo[name]:
                if uid not in done_uids[name]:
                    break
                position = uid
            if position is not None:
                self._save_position(infos[name], position)
        return done

    async def sync_status_folders(self) -> None:
        """Staff move or copy a customer's message into a status folder to change its case."""
        for name, meaning in self.store.imap.folders.items():
            found = await self._new_uids(name)
            if found is None:
                continue
            info, _ = found
            await self.sync(info, meaning)

    def _save_position(self, info: MailboxInfo, last_uid: int) -> None:
        self.state.save_mailbox(self.store.id, MailboxState(info.name, info.uidvalidity, last_uid))

    # -- one message -------------------------------------------------------

    async def _take(self, raw: RawMessage, role: Role) -> None:
        """Process one fetched message in step with sending, and send what it owes."""
        await self._keep_pace()
        await self.process(raw, role)
        self._send_soon()

    async def process(self, raw: RawMessage, role: Role = Role.INBOX) -> Decision | None:
        """Run one message through the pipeline. A message that breaks it is set aside."""
        try:
            return await self._process(raw, role)
        except TransportError:
            raise
        except Exception as exc:  # failure stays local: record, set aside, carry on
            self.outbox.forget_unsaved()  # mail the failed message's handlers meant to send
            where = self.state.set_aside(self.store.id, f"{raw.mailbox}-{raw.uidvalidity}-{raw.uid}".replace("/", "_"), raw.data)
            self.state.record_message(
                self.store.id,
                f"uid:{raw.mailbox}:{raw.uidvalidity}:{raw.uid}",
                mailbox=raw.mailbox,
                uid=raw.uid,
                outcome="failed",
                reason=f"{type(exc).__name__}: {exc}",
                at=self.now(),
            )
            event(log, logging.ERROR, self.store.id, "message_failed", mailbox=raw.mailbox, uid=raw.uid,
                  error=f"{type(exc).__name__}: {exc}", set_aside=where)
            return None

    def _skip_key(self, role: Role, message_id: str) -> str:
        # Skips are remembered per mailbox: a command sent from the shared account
        # lands in the inbox (skipped as our own) *and* in Sent (obeyed).
        return f"{role.value}:{message_id}"

    async def _process(self, raw: RawMessage, role: Role) -> Decision:
        try:
            msg = parse_message(raw.data)
        except ParseError as exc:
            raise ValueError(str(exc)) from exc
        sid = self.store.id
        understanding = self.understand(msg)
        match = find_case(msg, self.store.prefix, lambda mid: self.state.case_for_message_id(sid, mid),
                          lambda ref: self.state.store_case(sid, ref), self.store.own_addresses)
        sender = msg.from_.email if msg.from_ else ""
        commands = parse_commands(understanding.new_text or msg.text) if sender in self.store.own_addresses else None
        named = self._ref_re.search(msg.subject)
        hour_ago = self.now() - timedelta(hours=1)
        facts = Facts(
            msg=msg,
            understanding=understanding,
            match=match,
            duplicate=self.state.is_known_message(sid, msg.message_id)
            or self.state.is_known_message(sid, self._skip_key(role, msg.message_id)),
            role=role,
            has_commands=bool(commands and (commands.commands or commands.rejected)),
            command_case=self.state.store_case(sid, named.group(1)) if named else None,
            store_address=self.store.address,
            staff=self.staff,
            acks_to_sender_last_hour=sum(c.acks_sent_since(hour_ago) for c in self.state.cases_of_customer(sid, sender)),
            ack_limit_per_hour=self.store.ack_limit_per_hour,
        )
        decision = decide(facts)
        at = raw.internaldate or self.now()
        case: Case | None = None
        action = decision.action
        if decision.opens_case:
            case = self.handlers.open_case(
                self.state.next_case_number(sid), raw, msg, understanding, decision.reasons, decision.sends_ack
            )
        elif action in (Action.CUSTOMER_REPLY, Action.STAFF_REPLY) and decision.case is not None:
            direction = "customer" if action is Action.CUSTOMER_REPLY else "staff"
            case = self.handlers.add_message(decision.case, raw, msg, direction, ";".join(decision.reasons))
        elif action is Action.STAFF_COMMAND and facts.command_case is not None and commands is not None:
            case = self._command(facts.command_case, msg, role, commands.commands, commands.rejected, at)
            if case is None:
                decision = Decision(Action.STAFF_OTHER, None, (*decision.reasons, "command:untrusted"))
        if case is not None:
            self.save(case)
        elif decision.action is not Action.DUPLICATE:
            self.state.record_message(
                sid, self._skip_key(role, msg.message_id), mailbox=raw.mailbox, uid=raw.uid,
                outcome=decision.action.value, reason=";".join(decision.reasons), at=self.now(),
            )
        self.processed += 1
        event(
            log, logging.INFO, sid, _EVENT_NAMES[decision.action],
            case=case.ref if case else (decision.case.ref if decision.case else None),
            mailbox=raw.mailbox, uid=raw.uid, category=understanding.category.value,
            reasons=";".join((*decision.reasons, *understanding.reasons)),
        )
        for hook in self.hooks:
            hook(decision.action.value, case)
        return decision  # what it owes is sent by the caller, with the rest of the batch (Outbox.finish)

    def _command(
        self, case: Case, msg: ParsedMessage, role: Role, commands: tuple[object, ...], rejected: tuple[str, ...], at: datetime
    ) -> Case | None:
        trust = check_trust(
            msg,
            allowed_senders=self.store.own_addresses,
            checks=self.store.staff_commands.checks,
            authserv_id=self.store.staff_commands.authserv_id,
            in_sent_folder=role is Role.SENT,
        )
        sender = msg.from_.email if msg.from_ else ""
        if not trust.trusted:
            event(log, logging.WARNING, self.store.id, "command_ignored", case=case.ref, sender=sender, why=trust.reason)
            return None
        from .commands import Command

        updated, applied = self.handlers.apply_commands(case, tuple(c for c in commands if isinstance(c, Command)), sender, at)
        # The command mail joins the case, so any other copy of it (Sent and
        # inbox both hold one when staff mail the shared address) is a duplicate.
        updated = dataclasses.replace(
            updated, messages=(*updated.messages, CaseMessage(msg.message_id, "command", at, sender))
        )
        event(log, logging.INFO, self.store.id, "command_applied", case=case.ref, commands=" ".join(applied), trust=trust.reason)
        # The confirmation goes to a person; our own address needs none.
        if sender != self.store.address:
            updated = self.handlers.confirm(updated, sender, applied, list(rejected))
        return updated

    def process_status_folder(self, raw: RawMessage, meaning: str) -> None:
        try:
            msg = parse_message(raw.data)
        except ParseError:
            return
        case = self.state.case_for_message_id(self.store.id, msg.message_id)
        if case is None:
            return
        # Now, not the message's INTERNALDATE: COPY and MOVE keep the customer's
        # arrival time, but the case changed when staff filed it.
        updated = self.handlers.apply_folder(case, meaning, raw.mailbox, self.now())
        self.save(updated)
        event(log, logging.INFO, self.store.id, "folder_applied", case=case.ref, folder=raw.mailbox, meaning=meaning)

    # -- retention ---------------------------------------------------------

    def purge(self, now: datetime) -> int:
        """Forget closed cases older than the store's retention period; returns how many."""
        days = self.store.retention_days
        if days is None:
            return 0
        cutoff = now - timedelta(days=days)
        closed = (self.state.store_case(self.store.id, ref) for ref in self.state.closed(self.store.id, cutoff))
        old = [c for c in closed if c is not None and c.updated_at < cutoff]
        for case in old:
            self.state.remove_case(case)
            self._track(case.ref, None)
        if old:
            event(log, logging.INFO, self.store.id, "cases_purged", count=len(old), closed_before=cutoff.date().isoformat())
        return len(old)

    # -- timers ------------------------------------------------------------

    async def run_due(self) -> int:
        """Act on every timer firing due now, for the cases whose instant has come.

        Returns the number of firings acted on. A case whose instant came but
        owes nothing (a clock was paused, a staff reply stopped it) is simply
        planned again.
        """
        now = self.now()
        fired = 0
        self.on_timeline(None)
        # A firing can make another one due at the same instant (an escalation
        # starts the senior's clock, already past after an outage): keep going
        # until nothing is due, a bounded number of rounds per case.
        rounds: dict[str, int] = {}
        while refs := self._pop_due(now):
            for ref in refs:
                case = self.state.store_case(self.store.id, ref)
                if case is None:
                    continue
                firings = self.promises.due(case, now)
                if firings:
                    case = self.handlers.fire(case, firings, now)
                    fired += len(firings)
                self.save(case)
                rounds[ref] = rounds.get(ref, 0) + 1
                again = self._next_at.get(ref)
                if again is not None and again <= now and (not firings or rounds[ref] >= _MAX_ROUNDS):
                    # Planned for the past yet nothing (more) due: look again later rather than spin.
                    event(log, logging.WARNING, self.store.id, "timer_nothing_due", case=ref, planned=again.isoformat())
                    self._track(ref, now + timedelta(minutes=5))
        self.on_timeline(self.next_timer_at())
        if fired:
            self._send_soon()
        return fired


_MAX_ROUNDS = 20
SEND_AHEAD = 50  # mails processed but not yet tried, per store, before processing waits

_EVENT_NAMES = {
    Action.DUPLICATE: "skipped_duplicate",
    Action.STAFF_COMMAND: "staff_command",
    Action.OWN_MAIL: "skipped_own_mail",
    Action.STAFF_REPLY: "staff_reply",
    Action.STAFF_OTHER: "skipped_staff_mail",
    Action.MACHINE: "skipped_machine",
    Action.CUSTOMER_REPLY: "reply_threaded",
    Action.NEW_CASE: "case_opened",
    Action.NEW_CASE_NO_ACK: "case_opened_no_ack",
}
