"""Harness-side SMTP and IMAP helpers: send a message, wait for it, read it back.

Blocking stdlib clients (smtplib, imaplib), on purpose: these run in test
code and the demo, never inside mailbot, and must not share its event loop.
Every reader uses EXAMINE and ``BODY.PEEK[]``, so nothing here changes flags.
"""

from __future__ import annotations

import imaplib
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import NamedTuple

from mailbot.devstack.errors import DeliveryTimeout, MailStackError

CLIENT_HOSTNAME = "devstack.localhost"  # also spares smtplib a slow getfqdn()

_EXISTS_RE = re.compile(rb"^\* (\d+) EXISTS")
_UID_RE = re.compile(rb"\bUID (\d+)")
_FLAGS_RE = re.compile(rb"\bFLAGS \(([^)]*)\)")


class StoredMessage(NamedTuple):
    """One message as the server stores it: ``uid, flags, data = message``."""

    uid: int
    flags: frozenset[str]
    data: bytes


def send(
    host: str,
    port: int,
    sender: str,
    recipients: Iterable[str],
    data: bytes,
    *,
    login: tuple[str, str] | None = None,
    starttls: ssl.SSLContext | None = None,
    timeout: float = 10.0,
) -> None:
    """Submit one message over SMTP; return once the server accepted it for every recipient.

    ``data`` goes on the wire as given (use CRLF line endings). Optionally
    upgrades with STARTTLS and authenticates first. Raises smtplib exceptions
    on refusal, and MailStackError if only some recipients were refused.
    Acceptance is not delivery: pair with `wait_for_messages`.
    """
    to = list(recipients)
    with smtplib.SMTP(host, port, local_hostname=CLIENT_HOSTNAME, timeout=timeout) as smtp:
        if starttls is not None:
            smtp.starttls(context=starttls)
        if login is not None:
            smtp.login(*login)
        refused = smtp.sendmail(sender, to, data)
    if refused:
        raise MailStackError(f"recipients refused: {refused}")


@contextmanager
def imap_session(
    host: str, port: int, user: str, password: str, *, timeout: float = 10.0
) -> Iterator[imaplib.IMAP4]:
    """A logged-in plain-port IMAP connection, logged out (or dropped) on exit."""
    imap = imaplib.IMAP4(host, port, timeout=timeout)
    try:
        imap.login(user, password)
        yield imap
    finally:
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            # e.g. after a read timed out, the stream refuses further reads.
            with suppress(OSError):
                imap.shutdown()


def _examine(imap: imaplib.IMAP4, mailbox: str) -> int:
    typ, data = imap.select(_quote(mailbox), readonly=True)
    if typ != "OK":
        raise MailStackError(f"EXAMINE {mailbox} failed: {data!r}")
    first = data[0]
    return int(first) if isinstance(first, bytes) else 0


def wait_for_messages(
    host: str,
    port: int,
    user: str,
    password: str,
    count: int,
    *,
    mailbox: str = "INBOX",
    timeout: float = 10.0,
    on_idle: Callable[[], object] | None = None,
) -> int:
    """Block until ``mailbox`` of ``user`` holds at least ``count`` messages; return how many.

    Event-driven: EXAMINE, then IDLE until the server reports enough EXISTS.
    Dovecot reports new mail about 500 ms after delivery, so a wait that
    starts before the message arrives takes at least that long. Raises
    DeliveryTimeout after ``timeout`` seconds. Does not look at the content.
    ``on_idle`` is called once the server has confirmed IDLE (a seam for
    tests that must deliver only after the waiter listens).
    """
    deadline = time.monotonic() + timeout
    with imap_session(host, port, user, password, timeout=timeout) as imap:
        exists = _examine(imap, mailbox)
        if exists >= count:
            return exists
        tag = b"DEVSTACKIDLE"
        imap.send(tag + b" IDLE\r\n")
        try:
            idling = False
            while exists < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                imap.sock.settimeout(remaining)
                line = imap.readline()
                if not line:
                    raise MailStackError("IMAP server closed the connection during IDLE")
                if line.startswith(tag + b" "):
                    raise MailStackError(f"IDLE refused: {line!r}")
                if line.startswith(b"+") and not idling:
                    idling = True
                    if on_idle is not None:
                        on_idle()
                match = _EXISTS_RE.match(line)
                if match:
                    exists = int(match.group(1))
        except TimeoutError:
            raise DeliveryTimeout(
                f"{user} {mailbox}: {exists} message(s) after {timeout} s, expected {count}"
            ) from None
        imap.sock.settimeout(max(0.5, deadline - time.monotonic()))
        imap.send(b"DONE\r\n")
        while not imap.readline().startswith(tag + b" "):
            pass
        return exists


def fetch_messages(
    host: str, port: int, user: str, password: str, *, mailbox: str = "INBOX", timeout: float = 10.0
) -> list[StoredMessage]:
    """Every message in ``mailbox`` of ``user``, oldest UID first, without setting \\Seen."""
    with imap_session(host, port, user, password, timeout=timeout) as imap:
        if _examine(imap, mailbox) == 0:
            return []
        typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
        if typ != "OK":
            raise MailStackError(f"UID FETCH failed: {data!r}")
    return sorted(_parse_fetch(data), key=lambda message: message.uid)


def _parse_fetch(data: list[object]) -> Iterator[StoredMessage]:
    # imaplib yields (b'N (UID u FLAGS (..) BODY[] {n}', literal) followed by
    # the rest of the line (b')' or b' FLAGS (..))'); metadata may be in either.
    for index, item in enumerate(data):
        if not isinstance(item, tuple):
            continue
        head, body = item
        rest = data[index + 1] if index + 1 < len(data) else b""
        meta = bytes(head) + (rest if isinstance(rest, bytes) else b"")
        uid = _UID_RE.search(meta)
        flags = _FLAGS_RE.search(meta)
        if uid is None:
            raise MailStackError(f"FETCH response without UID: {meta!r}")
        yield StoredMessage(
            uid=int(uid.group(1)),
            flags=frozenset(flags.group(1).decode().split()) if flags else frozenset(),
            data=bytes(body),
        )


def _quote(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'
