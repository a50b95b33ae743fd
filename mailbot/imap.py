"""IMAP for mailbot. The only module that imports aioimaplib.

The mailbox belongs to the staff: messages are read with ``BODY.PEEK[]`` so
``\\Seen`` is never set, and nothing is moved, deleted or flagged. Messages
are addressed by UID only, never by sequence number.

Every aioimaplib or socket failure leaves this module as :class:`ImapError`.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aioimaplib

from .config import ServerConfig
from .errors import ImapError
from .models import RawMessage

_UIDVALIDITY_RE = re.compile(rb"UIDVALIDITY (\d+)")
_UIDNEXT_RE = re.compile(rb"UIDNEXT (\d+)")
_EXISTS_RE = re.compile(rb"^(\d+) EXISTS")
_FETCH_START_RE = re.compile(rb"^(\d+) FETCH \(")
_UID_RE = re.compile(rb"\bUID (\d+)")
_INTERNALDATE_RE = re.compile(rb'INTERNALDATE "([^"]+)"')
_FLAGS_RE = re.compile(rb"FLAGS \(([^)]*)\)")
_LIST_RE = re.compile(rb'^\(([^)]*)\) (?:"[^"]*"|NIL) "?([^"]*)"?$')
_UNTAGGED_EXISTS_RE = re.compile(rb"^(?:\* )?\d+ EXISTS")
# aioimaplib handles the lines of one read recursively, a stack frame per line:
# answers of more than a few hundred lines in one read end in RecursionError.
# Keep every multi-line answer well below that.
_METADATA_BATCH = 200


@dataclass(frozen=True, slots=True)
class MailboxInfo:
    name: str
    uidvalidity: int
    uidnext: int
    exists: int


def ssl_context(cfg: ServerConfig) -> ssl.SSLContext:
    """Verify certificates unless the store explicitly turns it off."""
    context = ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)
    if not cfg.verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def parse_internaldate(value: bytes) -> datetime | None:
    """``"17-Jul-1996 02:44:25 -0700"`` -> aware UTC datetime."""
    try:
        day, month, rest = value.decode().strip().split("-", 2)
        parsed = parsedate_to_datetime(f"{day} {month} {rest}")
    except (ValueError, TypeError, IndexError):
        return None
    return parsed.astimezone(UTC)


class ImapClient:
    """One authenticated IMAP connection with one selected mailbox."""

    def __init__(self, cfg: ServerConfig, store_id: str) -> None:
        self.cfg = cfg
        self.store_id = store_id
        self._client: aioimaplib.IMAP4 | None = None
        self.selected: MailboxInfo | None = None
        self._lost = asyncio.Event()
        self._raw_transport: Any = None  # the plain socket under STARTTLS
        # Set when the server announced new mail (EXISTS) outside IDLE, e.g. in
        # the answer to the UID SEARCH that just ran: aioimaplib drops such
        # lines, and the server does not announce that mail again in IDLE.
        self._changed = False
        # One command at a time: the worker's fetching and the outbox's filing
        # in Sent share the connection, and take turns command by command.
        self._turn = asyncio.Lock()

    # -- lifecycle ---------------------------------------------------------

    async def connect(self) -> None:
        cfg = self.cfg
        try:
            if cfg.security == "ssl":
                self._client = aioimaplib.IMAP4_SSL(
                    host=cfg.host, port=cfg.port, timeout=cfg.timeout, ssl_context=ssl_context(cfg)
                )
            else:
                self._client = aioimaplib.IMAP4(host=cfg.host, port=cfg.port, timeout=cfg.timeout)
            self._client.protocol.conn_lost_cb = self._on_lost
            self._watch_untagged(self._client.protocol)
            await self._client.wait_hello_from_server()
            if cfg.security == "starttls":
                await self._starttls()
            if cfg.username is not None:
                response = await self._client.login(cfg.username, cfg.password or "")
                if response.result != "OK":
                    raise ImapError(f"login as {cfg.username} refused: {_text(response)}")
        except ImapError:
            await self.close()
            raise
        except (OSError, asyncio.TimeoutError, aioimaplib.AioImapException, ssl.SSLError) as exc:
            await self.close()
            raise ImapError(f"connect to {cfg.host}:{cfg.port} ({cfg.security}): {_describe(exc)}") from exc

    def _on_lost(self, exc: Exception | None) -> None:
        self._lost.set()

    def _watch_untagged(self, protocol: Any) -> None:
        original = protocol._untagged_response

        def spy(line: bytes) -> Any:
            if _UNTAGGED_EXISTS_RE.match(line):
                self._changed = True
            return original(line)

        protocol._untagged_response = spy

    async def _starttls(self) -> None:
        client = self._require()
        protocol = client.protocol
        if "STARTTLS" not in protocol.capabilities:
            raise ImapError(f"{self.cfg.host}:{self.cfg.port} does not offer STARTTLS")
        command = aioimaplib.Command("STARTTLS", protocol.new_tag(), loop=protocol.loop)
        response = await asyncio.wait_for(protocol.execute(command), self.cfg.timeout)
        if response.result != "OK":
            raise ImapError(f"STARTTLS refused: {_text(response)}")
        loop = asyncio.get_running_loop()
        transport = await loop.start_tls(
            protocol.transport, protocol, ssl_context(self.cfg), server_hostname=self.cfg.host
        )
        self._raw_transport = protocol.transport
        protocol.transport = transport
        # Capabilities before TLS must not be trusted (RFC 3501 6.2.1).
        await asyncio.wait_for(protocol.capability(), self.cfg.timeout)

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            if client.has_pending_idle():
                client.idle_done()
            await asyncio.wait_for(client.logout(), 2)
        except Exception:  # closing is best effort: the connection may already be gone
            pass
        for transport in (getattr(client.protocol, "transport", None), self._raw_transport):
            if transport is not None:
                # abort, not close: the TLS close_notify handshake would outlive a loop that is shutting down.
                transport.abort()
        self._raw_transport = None

    @property
    def lost(self) -> bool:
        return self._lost.is_set()

    def _require(self) -> aioimaplib.IMAP4:
        if self._client is None:
            raise ImapError("not connected")
        return self._client

    async def _call(self, what: str, coro: Any) -> Any:
        """Run one command, bounded by the configured timeout and by the connection's life."""
        async with self._turn:
            command = asyncio.ensure_future(coro)
            lost = asyncio.ensure_future(self._lost.wait())
            try:
                done, _ = await asyncio.wait({command, lost}, timeout=self.cfg.timeout, return_when=asyncio.FIRST_COMPLETED)
                if command not in done:
                    command.cancel()
                    raise ImapError(f"{what}: {'connection lost' if lost in done else f'no answer in {self.cfg.timeout:.0f} s'}")
                response = command.result()
            except (OSError, asyncio.TimeoutError, aioimaplib.AioImapException) as exc:
                raise ImapError(f"{what}: {_describe(exc)}") from exc
            finally:
                lost.cancel()
        if response.result != "OK":
            raise ImapError(f"{what}: {response.result} {_text(response)}")
        return response

    # -- mailboxes ---------------------------------------------------------

    def has_idle(self) -> bool:
        return bool(self._require().has_capability("IDLE"))

    async def select(self, mailbox: str) -> MailboxInfo:
        """SELECT (read-write is needed for nothing, but EXAMINE gives no IDLE on some servers)."""
        response = await self._call(f"SELECT {mailbox}", self._require().select(_quote(mailbox)))
        blob = b"\n".join(bytes(line) for line in response.lines)
        validity = _UIDVALIDITY_RE.search(blob)
        uidnext = _UIDNEXT_RE.search(blob)
        exists = 0
        for line in response.lines:
            match = _EXISTS_RE.match(bytes(line))
            if match:
                exists = int(match.group(1))
        if validity is None:
            raise ImapError(f"SELECT {mailbox}: server sent no UIDVALIDITY")
        self.selected = MailboxInfo(mailbox, int(validity.group(1)), int(uidnext.group(1)) if uidnext else 0, exists)
        return self.selected

    async def status(self, mailbox: str) -> tuple[int, int]:
        """(UIDNEXT, UIDVALIDITY) of ``mailbox`` without selecting it."""
        response = await self._call(f"STATUS {mailbox}", self._require().status(_quote(mailbox), "(UIDNEXT UIDVALIDITY)"))
        blob = b" ".join(bytes(line) for line in response.lines if not isinstance(line, bytearray))
        uidnext, validity = _UIDNEXT_RE.search(blob), _UIDVALIDITY_RE.search(blob)
        if uidnext is None or validity is None:
            raise ImapError(f"STATUS {mailbox}: no UIDNEXT/UIDVALIDITY in {blob[:200]!r}")
        return int(uidnext.group(1)), int(validity.group(1))

    async def list_mailboxes(self) -> list[tuple[str, str]]:
        """(name, attributes) of every mailbox."""
        response = await self._call("LIST", self._require().list('""', "*"))
        out = []
        for line in response.lines:
            match = _LIST_RE.match(bytes(line).strip())
            if match:
                out.append((match.group(2).decode(), match.group(1).decode()))
        return out

    async def uids_after(self, last_uid: int) -> list[int]:
        """UIDs strictly above ``last_uid`` in the selected mailbox, ascending."""
        self._changed = False
        response = await self._call("UID SEARCH", self._require().uid_search(f"UID {last_uid + 1}:*", charset=None))
        # "n:*" always matches the highest UID even when it is below n.
        return sorted(u for u in set(_search_uids(response)) if u > last_uid)

    async def search_header(self, name: str, value: str) -> list[int]:
        response = await self._call(
            "UID SEARCH HEADER", self._require().uid_search("HEADER", name, _quote(value), charset=None)
        )
        return _search_uids(response)

    async def fetch(self, uids: Sequence[int], batch: int = 200) -> AsyncIterator[RawMessage]:
        """Stream messages with BODY.PEEK[], ``batch`` UIDs per round trip, in UID order."""
        info = self.selected
        if info is None:
            raise ImapError("fetch before select")
        for start in range(0, len(uids), batch):
            chunk = uids[start : start + batch]
            response = await self._call(
                "UID FETCH",
                self._require().uid("fetch", _uid_set(chunk), "(UID FLAGS INTERNALDATE BODY.PEEK[])"),
            )
            for uid, flags, internaldate, data in _parse_fetch(response.lines):
                yield RawMessage(
                    store_id=self.store_id,
                    mailbox=info.name,
                    uidvalidity=info.uidvalidity,
                    uid=uid,
                    data=data,
                    internaldate=internaldate,
                    flags=flags,
                )

    async def arrival_times(self, uids: Sequence[int], batch: int = _METADATA_BATCH) -> list[tuple[int, datetime | None]]:
        """(UID, INTERNALDATE) of ``uids`` in the selected mailbox, without the bodies."""
        out: list[tuple[int, datetime | None]] = []
        for start in range(0, len(uids), batch):
            chunk = uids[start : start + batch]
            response = await self._call("UID FETCH INTERNALDATE", self._require().uid("fetch", _uid_set(chunk), "(UID INTERNALDATE)"))
            for line in response.lines:
                text = bytes(line)
                uid, date = _UID_RE.search(text), _INTERNALDATE_RE.search(text)
                if uid is not None:
                    out.append((int(uid.group(1)), parse_internaldate(date.group(1)) if date else None))
        return out

    async def append(self, mailbox: str, data: bytes, flags: str = "\\Seen", date: datetime | None = None) -> None:
        """Store a copy in ``mailbox`` (e.g. the Sent folder, marked read like a client's copy)."""
        await self._call(f"APPEND {mailbox}", self._require().append(data, mailbox=_quote(mailbox), flags=f"({flags})", date=date))

    def can_append_many(self) -> bool:
        """Whether :meth:`append_many` stores several messages in one command (all or none)."""
        client = self._require()
        return bool(client.has_capability("MULTIAPPEND") and client.has_capability("LITERAL+"))

    async def append_many(self, mailbox: str, messages: Sequence[tuple[bytes, datetime]], flags: str = "\\Seen") -> None:
        """Store copies of several messages in ``mailbox``.

        With MULTIAPPEND (RFC 3502) and non-synchronizing literals (RFC 7888)
        that is one command and one round trip however many there are, and
        an error stores none of them. Otherwise one APPEND each, in order,
        stopping at the first that fails.
        """
        client = self._require()
        if len(messages) == 1 or not self.can_append_many():
            for data, date in messages:
                await self.append(mailbox, data, flags, date)
            return
        (first, first_date), rest = messages[0], messages[1:]
        # aioimaplib sends a command's literal once the server asks for it
        # (``+``) and ends the command after it: the other messages ride
        # along behind the first literal, each as ``(flags) date {size+}``.
        tail = b"".join(
            f" ({flags}) {aioimaplib.time2internaldate(date)} {{{len(data)}+}}\r\n".encode() + data for data, date in rest
        )
        protocol = client.protocol

        async def multiappend() -> Any:
            args = (_quote(mailbox), f"({flags})", aioimaplib.time2internaldate(first_date), f"{{{len(first)}}}")
            protocol.literal_data = first + tail
            command = aioimaplib.Command("APPEND", protocol.new_tag(), *args, loop=protocol.loop, timeout=client.timeout)
            return await protocol.execute(command)

        await self._call(f"APPEND {mailbox} ({len(messages)} messages)", multiappend())

    # -- waiting -----------------------------------------------------------

    async def wait_for_change(self, timeout: float, wake: asyncio.Event | None = None) -> bool:
        """IDLE until the server reports a change, ``wake`` is set, or ``timeout`` passes.

        Returns True when the server pushed something. The IDLE command is
        always terminated (DONE) before returning, so the connection is ready
        for the next command.
        """
        client = self._require()
        if self._changed:
            # New mail was announced since the last search: look again first.
            self._changed = False
            return True
        try:
            idle = await client.idle_start(timeout=timeout)
        except (OSError, asyncio.TimeoutError, aioimaplib.AioImapException) as exc:
            raise ImapError(f"IDLE: {_describe(exc)}") from exc
        pushed = False
        push = asyncio.ensure_future(client.wait_server_push(timeout=timeout + 5))
        waiters: set[asyncio.Future[Any]] = {push}
        woken = asyncio.ensure_future(wake.wait()) if wake is not None else None
        if woken is not None:
            waiters.add(woken)
        lost = asyncio.ensure_future(self._lost.wait())
        waiters.add(lost)
        try:
            done, _ = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
            if push in done and not push.cancelled() and push.exception() is None:
                result = push.result()
                pushed = result != aioimaplib.STOP_WAIT_SERVER_PUSH
            if lost in done:
                raise ImapError("connection lost during IDLE")
        finally:
            for waiter in waiters:
                if not waiter.done():
                    waiter.cancel()
        try:
            if client.has_pending_idle():
                client.idle_done()
            await asyncio.wait_for(idle, self.cfg.timeout)
        except (OSError, asyncio.TimeoutError, aioimaplib.AioImapException) as exc:
            raise ImapError(f"ending IDLE: {_describe(exc)}") from exc
        return pushed

    async def noop(self) -> None:
        await self._call("NOOP", self._require().noop())


def _parse_fetch(lines: Sequence[Any]) -> list[tuple[int, tuple[str, ...], datetime | None, bytes]]:
    """Turn aioimaplib's FETCH response lines into (uid, flags, internaldate, body).

    aioimaplib yields, per message, the ``N FETCH (... BODY[] {size}`` line,
    the literal as a bytearray, then the rest of the item list (``)`` or
    `` UID 7)`` when the server puts BODY[] first).
    """
    out = []
    meta = b""
    body: bytes | None = None

    def flush() -> None:
        nonlocal meta, body
        if body is not None:
            uid = _UID_RE.search(meta)
            if uid is not None:
                date = _INTERNALDATE_RE.search(meta)
                flags = _FLAGS_RE.search(meta)
                out.append(
                    (
                        int(uid.group(1)),
                        tuple(flags.group(1).decode().split()) if flags else (),
                        parse_internaldate(date.group(1)) if date else None,
                        body,
                    )
                )
        meta, body = b"", None

    for line in lines:
        if isinstance(line, bytearray):
            body = bytes(line)
            continue
        text = bytes(line)
        if _FETCH_START_RE.match(text):
            flush()
            meta = text
        elif text.startswith(b"Success") or text.startswith(b"Fetch completed") or text.endswith(b"completed."):
            continue
        else:
            meta += b" " + text
    flush()
    return out


def _search_uids(response: Any) -> list[int]:
    """UIDs of a SEARCH response; aioimaplib strips the ``* SEARCH`` prefix, and
    the last line is the tagged completion text."""
    uids: list[int] = []
    for line in response.lines[:-1]:
        tokens = bytes(line).split()
        if tokens and tokens[0].upper() == b"SEARCH":
            tokens = tokens[1:]
        uids.extend(int(tok) for tok in tokens if tok.isdigit())
    return uids


def _uid_set(uids: Sequence[int]) -> str:
    """Compact UID set: 1,2,3,7 -> 1:3,7."""
    parts = []
    ordered = sorted(uids)
    start = prev = ordered[0]
    for uid in ordered[1:]:
        if uid == prev + 1:
            prev = uid
            continue
        parts.append(f"{start}:{prev}" if start != prev else str(start))
        start = prev = uid
    parts.append(f"{start}:{prev}" if start != prev else str(start))
    return ",".join(parts)


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(response: Any) -> str:
    return " ".join(bytes(line).decode(errors="replace") for line in response.lines if not isinstance(line, bytearray))[:300]


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
