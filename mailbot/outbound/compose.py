"""Rendered template parts -> the bytes of an email. Pure: no I/O.

Every header value passes through :func:`header_safe`, so customer text
(a subject, a display name) can never add a header: CR and LF become spaces.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import charset as _charset
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime, formataddr

_BREAKS = re.compile(r"[\r\n\x00]+")
# Quoted-printable bodies: readable in a terminal, safe through any relay.
_UTF8 = _charset.Charset("utf-8")
_UTF8.body_encoding = _charset.QP
SMTP_COMPAT = compat32.clone(linesep="\r\n")


def header_safe(value: str) -> str:
    return _BREAKS.sub(" ", value).strip()


def new_message_id(case_ref: str, domain: str) -> str:
    """A fresh Message-ID on the store's domain, without angle brackets.

    Short enough that the header is never folded (some clients mishandle a
    folded Message-ID).
    """
    return f"{uuid.uuid4().hex[:20]}.{case_ref}@{domain}"


@dataclass(frozen=True, slots=True)
class Envelope:
    """Everything about an outgoing email except its rendered text."""

    message_id: str
    from_name: str
    from_address: str
    to: tuple[str, ...]
    date: datetime
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    case_ref: str = ""
    auto_submitted: str = "auto-replied"  # RFC 3834: auto-replied to a message, auto-generated otherwise
    reply_to: str | None = None


def compose(envelope: Envelope, subject: str, text: str, html: str) -> bytes:
    """Build a multipart/alternative message (plain text first, then HTML).

    Built with the compat32 MIME classes: several times faster than
    ``EmailMessage`` for the same bytes, which matters on a backlog.
    """
    msg: MIMEBase
    plain = MIMEText(text if text.endswith("\n") else text + "\n", "plain", _UTF8)  # type: ignore[arg-type]
    if html:
        msg = MIMEMultipart("alternative")
        msg.attach(plain)
        msg.attach(MIMEText(html, "html", _UTF8))  # type: ignore[arg-type]  # a Charset works: typeshed says str
    else:
        msg = plain
    msg["From"] = formataddr((header_safe(envelope.from_name), envelope.from_address), charset="utf-8")
    msg["To"] = ", ".join(envelope.to)
    if envelope.reply_to:
        msg["Reply-To"] = envelope.reply_to
    msg["Subject"] = _encoded(header_safe(subject))
    msg["Date"] = format_datetime(envelope.date)
    msg["Message-ID"] = f"<{envelope.message_id}>"
    if envelope.in_reply_to:
        msg["In-Reply-To"] = f"<{envelope.in_reply_to}>"
    refs = _references(envelope.references, envelope.in_reply_to)
    if refs:
        msg["References"] = " ".join(f"<{r}>" for r in refs)
    msg["Auto-Submitted"] = envelope.auto_submitted
    # Tells Exchange/Outlook not to answer us with out-of-office replies.
    msg["X-Auto-Response-Suppress"] = "All"
    if envelope.case_ref:
        msg["X-Mailbot-Case"] = envelope.case_ref
    return msg.as_bytes(policy=SMTP_COMPAT)


def _encoded(value: str) -> str:
    """RFC 2047 for a header value that is not plain ASCII (folded for the Subject: line)."""
    return value if value.isascii() else Header(value, "utf-8", header_name="Subject").encode()


def _references(references: Sequence[str], in_reply_to: str | None) -> list[str]:
    out: list[str] = []
    for ref in (*references, *( [in_reply_to] if in_reply_to else [])):
        if ref and ref not in out:
            out.append(ref)
    # Keep the first and the last ones when a thread grows long (RFC 5322 3.6.4 suggests trimming).
    return out if len(out) <= 20 else out[:1] + out[-19:]
