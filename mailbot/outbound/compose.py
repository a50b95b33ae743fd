"""Rendered template parts -> the bytes of an email. Pure: no I/O.

Every header value passes through :func:`header_safe`, so customer text
(a subject, a display name) can never add a header: CR and LF become spaces.
"""

from __future__ import annotations

import binascii
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.utils import format_datetime, formataddr

_BREAKS = re.compile(r"[\r\n\x00]+")


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

    Written out directly rather than through ``email.mime``: the structure
    is always the same (one or two UTF-8 parts, quoted-printable), and the
    generic generator costs more than the rest of an acknowledgement on a
    backlog. Tests check the result against the stdlib's parse of it.
    """
    headers = [
        ("From", formataddr((header_safe(envelope.from_name), envelope.from_address), charset="utf-8")),
        ("To", ", ".join(header_safe(t) for t in envelope.to)),
    ]
    if envelope.reply_to:
        headers.append(("Reply-To", header_safe(envelope.reply_to)))
    headers += [
        ("Subject", _encoded(header_safe(subject))),
        ("Date", format_datetime(envelope.date)),
        ("Message-ID", f"<{envelope.message_id}>"),
    ]
    if envelope.in_reply_to:
        headers.append(("In-Reply-To", f"<{envelope.in_reply_to}>"))
    refs = _references(envelope.references, envelope.in_reply_to)
    if refs:
        headers.append(("References", " ".join(f"<{r}>" for r in refs)))
    headers.append(("Auto-Submitted", envelope.auto_submitted))
    # Tells Exchange/Outlook not to answer us with out-of-office replies.
    headers.append(("X-Auto-Response-Suppress", "All"))
    if envelope.case_ref:
        headers.append(("X-Mailbot-Case", envelope.case_ref))
    plain = _text_part("plain", text if text.endswith("\n") else text + "\n")
    lines = [b"MIME-Version: 1.0"]
    lines += (_header_line(name, value) for name, value in headers)
    if not html:
        return b"\r\n".join(lines) + b"\r\n" + plain
    boundary = f"=_{uuid.uuid4().hex}"  # "=_" never occurs in quoted-printable text
    lines.append(f'Content-Type: multipart/alternative; boundary="{boundary}"'.encode())
    sep = f"--{boundary}".encode()
    body = b"\r\n".join((b"", sep, plain, sep, _text_part("html", html), sep + b"--", b""))
    return b"\r\n".join(lines) + b"\r\n" + body


def _text_part(subtype: str, text: str) -> bytes:
    """Content headers, a blank line and the quoted-printable body, CRLF line ends."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    encoded = binascii.b2a_qp(data, istext=True).replace(b"\n", b"\r\n")
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"\r\n'.encode()
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + encoded
    )


def _header_line(name: str, value: str) -> bytes:
    """``Name: value``, folded at spaces so that lines stay under 78 characters where possible."""
    line = f"{name}: {value}"
    if len(line) <= 78 or "\r\n" in value:  # short, or folded already (RFC 2047 words)
        return line.encode("ascii", "replace")
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > 78:
            out.append(current)
            current = " " + word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\r\n".join(out).encode("ascii", "replace")


def _encoded(value: str) -> str:
    """RFC 2047 for a header value that is not plain ASCII (folded for the Subject: line)."""
    return value if value.isascii() else Header(value, "utf-8", header_name="Subject").encode(linesep="\r\n")


def _references(references: Sequence[str], in_reply_to: str | None) -> list[str]:
    out: list[str] = []
    for ref in (*references, *( [in_reply_to] if in_reply_to else [])):
        if ref and ref not in out:
            out.append(ref)
    # Keep the first and the last ones when a thread grows long (RFC 5322 3.6.4 suggests trimming).
    return out if len(out) <= 20 else out[:1] + out[-19:]
