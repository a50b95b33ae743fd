"""Helpers for end-to-end tests: a world of stores on the real loopback mail stack.

Each test gets fresh, unique mailbox addresses (the stack accepts any
``*.example`` address), so tests never see each other's mail.
"""

from __future__ import annotations

import asyncio
import imaplib
import itertools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import yaml

from mailbot.clock import Clock
from mailbot.config import Config, parse_config
from mailbot.daemon import Daemon
from mailbot.devstack import MailStack

PROJECT = Path(__file__).resolve().parents[1]
SHIPPED_CONFIG = PROJECT / "config" / "stores.yaml"
_counter = itertools.count(1)


def shipped_stores() -> list[dict[str, Any]]:
    raw = yaml.safe_load(SHIPPED_CONFIG.read_text())
    return list(raw["stores"])


@dataclass
class World:
    """Five (or fewer) stores wired to the mail stack, with unique addresses."""

    stack: MailStack
    tmp: Path
    store_ids: Sequence[str] = ("pandorana",)
    security: str = "starttls"
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tag = f"{next(_counter)}{uuid.uuid4().hex[:6]}"
        self.state_dir = self.tmp / "state"
        self.raw = self._raw_config()

    def _raw_config(self) -> dict[str, Any]:
        stores = []
        for store in shipped_stores():
            if store["id"] not in self.store_ids:
                continue
            sid = store["id"]
            domain = f"{sid}.example"
            store = dict(store)
            store["address"] = f"support-{self.tag}@{domain}"
            store["admin"] = f"admin-{self.tag}@{domain}"
            store["staff"] = [f"alex-{self.tag}@{domain}", f"sam-{self.tag}@{domain}"]
            store["escalation"] = {role: f"{role}-{self.tag}@{domain}" for role in store.get("escalation", {})}
            server = {
                "host": self.stack.host,
                "username": store["address"],
                "password": self.stack.password,
                "ca_file": str(self.stack.ca_file),
                "timeout": 10,
            }
            if self.security == "ssl":
                imap = {**server, "port": self.stack.imaps_port, "security": "ssl"}
            else:
                imap = {**server, "port": self.stack.imap_port, "security": self.security}
            store["imap"] = {**imap, "sent_folder": "Sent"}
            store["smtp"] = {**server, "port": self.stack.smtp_port, "security": "starttls" if self.security != "none" else "none"}
            deep_update(store, self.overrides.get(sid, {}))
            stores.append(store)
        return {"templates_dir": str(PROJECT / "templates"), "stores": stores}

    @property
    def config(self) -> Config:
        return parse_config(self.raw)

    def write_config(self) -> Path:
        path = self.tmp / "stores.yaml"
        path.write_text(yaml.safe_dump(self.raw))
        return path

    def store(self, sid: str | None = None) -> dict[str, Any]:
        sid = sid or self.store_ids[0]
        return next(s for s in self.raw["stores"] if s["id"] == sid)

    def address(self, sid: str | None = None) -> str:
        return str(self.store(sid)["address"])

    def customer(self, name: str = "ann") -> str:
        return f"{name}-{self.tag}@customers.example"

    # -- acting ------------------------------------------------------------

    def send(self, msg: EmailMessage | bytes, to: str | None = None, sender: str | None = None) -> None:
        data = msg if isinstance(msg, bytes) else msg.as_bytes()
        if sender is None:
            sender = _header(data, "From") or "nobody@customers.example"
        self.stack.deliver(sender, [to or self.address()], data)

    def run_once(self, now: datetime | None = None) -> Daemon:
        daemon = Daemon(self.config, self.state_dir, Clock(now))
        code = asyncio.run(daemon.run(once=True))
        assert code == 0
        return daemon

    def inbox(self, address: str, mailbox: str = "INBOX") -> list[EmailMessage]:
        return [parse(m.data) for m in self.stack.fetch_all(address, mailbox)]

    def wait(self, address: str, count: int, mailbox: str = "INBOX", timeout: float = 10.0) -> list[EmailMessage]:
        self.stack.wait_for_delivery(address, count=count, timeout=timeout, mailbox=mailbox)
        return self.inbox(address, mailbox)

    def append(self, address: str, data: bytes, when: datetime, mailbox: str = "INBOX") -> None:
        """Put a message in a mailbox with a chosen INTERNALDATE (arrival time)."""
        imap = imaplib.IMAP4(self.stack.host, self.stack.imap_port)
        try:
            imap.login(address, self.stack.password)
            typ, _ = imap.append(mailbox, "", imaplib.Time2Internaldate(when.timestamp()), data)
            assert typ == "OK"
        finally:
            imap.logout()

    def flags(self, address: str, mailbox: str = "INBOX") -> list[tuple[str, ...]]:
        return [tuple(m.flags) for m in self.stack.fetch_all(address, mailbox)]


def deep_update(target: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            deep_update(target[key], value)
        else:
            target[key] = value


def customer_mail(
    sender: str,
    to: str,
    subject: str = "Where is my order #55120?",
    body: str = "Hello, I ordered a necklace last week (order #55120) and it has not arrived yet.\nThanks, Ann",
    *,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: Iterable[str] = (),
    headers: dict[str, str] | None = None,
    date: datetime | None = None,
    name: str = "Ann Example",
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime.now(UTC))
    msg["Message-ID"] = message_id or make_msgid(domain="customers.example")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    refs = list(references)
    if refs:
        msg["References"] = " ".join(refs)
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    return msg


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=default_policy).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def _header(data: bytes, name: str) -> str | None:
    from email.utils import parseaddr

    value = parse(data).get(name)
    return parseaddr(str(value))[1] if value else None


def body_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())
