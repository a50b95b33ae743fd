"""bytes -> ParsedMessage. The only module that imports mail-parser.

Parsing never raises for a message that has bytes in it: malformed MIME,
unknown charsets and broken headers are repaired as far as the parser can, and
what it had to repair is listed in ``ParsedMessage.defects``. Only a message
that the parser rejects outright raises :class:`ParseError`.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from datetime import UTC, datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

import mailparser

from .errors import ParseError
from .models import Address, Attachment, ParsedMessage

_MSGID_RE = re.compile(r"<([^<>\s]+)>")
_TAG_RE = re.compile(r"<[^>]*>")
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_BREAK_RE = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", re.I)
_CONTROL_RE = re.compile(r"[\r\n\t]+")
# Header values longer than this are cut: a header is never where customer text lives.
_MAX_HEADER = 4096
_ADDRESS_FIELDS = ("from", "to", "cc", "reply-to")
_NOT_FOR_MAILPARSER = ("received", "from", "to", "cc", "bcc", "reply-to", "delivered-to")


def parse_message(data: bytes) -> ParsedMessage:
    """Parse raw RFC 5322 bytes. Never touches the network or disk."""
    try:
        message: Message = message_from_bytes(data)  # as mail-parser's parse_from_bytes does
        headers, addresses = _header_fields(message)
        # Received lines and address fields stay in ``headers`` and
        # ``addresses``. mail-parser would parse every hop of the one and
        # every address of the other again (most of its header work); we
        # read only the MIME parts from it.
        for name in _NOT_FOR_MAILPARSER:
            del message[name]
        mail: Any = mailparser.MailParser(message)
    except Exception as exc:  # mail-parser raises a variety of types on hostile input
        mail = _stdlib_fallback(data, exc)
        message = mail.message
        headers, addresses = _header_fields(message)

    def first(name: str) -> str | None:
        for key, value in headers:
            if key == name:
                return value
        return None

    message_id = _first_msgid(first("message-id")) or _synthetic_id(data)
    text_parts = _safe_list(mail, "text_plain")
    html_parts = _safe_list(mail, "text_html")
    html = "\n".join(html_parts)
    text = "\n".join(text_parts) if text_parts else html_to_text(html)
    return ParsedMessage(
        message_id=message_id,
        subject=_one_line(first("subject") or ""),
        from_=next(iter(addresses["from"]), None),
        to=addresses["to"],
        cc=addresses["cc"],
        reply_to=addresses["reply-to"],
        date=_date(first("date")),
        in_reply_to=tuple(_MSGID_RE.findall(first("in-reply-to") or "")),
        references=tuple(_MSGID_RE.findall(first("references") or "")),
        headers=headers,
        text=text,
        html=html,
        content_type=message.get_content_type(),
        attachments=_attachments(mail),
        return_path=_return_path(first("return-path")),
        size=len(data),
        defects=tuple(str(d) for d in _safe_list(mail, "defects_categories")),
    )


class _StdlibMail:
    """The attributes of a mail-parser result, from the stdlib parser alone.

    Used when mail-parser itself crashes on a message (it does on some
    epilogues): the message is still read, with what the stdlib can give.
    """

    def __init__(self, message: Message, reason: str) -> None:
        self.message = message
        self.text_plain: list[str] = []
        self.text_html: list[str] = []
        self.attachments: list[dict[str, Any]] = []
        self.defects_categories = [reason]
        for part in message.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            if part.get_filename():
                self.attachments.append({"filename": part.get_filename(), "mail_content_type": part.get_content_type(), "payload": payload})
                continue
            try:
                text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
            except LookupError:  # an unknown charset name
                text = payload.decode("utf-8", errors="replace")
            if part.get_content_type() == "text/html":
                self.text_html.append(text)
            elif part.get_content_maintype() == "text":
                self.text_plain.append(text)


def _stdlib_fallback(data: bytes, exc: Exception) -> _StdlibMail:
    try:
        return _StdlibMail(message_from_bytes(data), f"mail-parser failed: {type(exc).__name__}")
    except Exception as again:
        raise ParseError(f"unparseable message: {type(exc).__name__}: {exc}") from again


def html_to_text(html: str) -> str:
    """A plain rendering of an HTML body, good enough for classification."""
    if not html:
        return ""
    text = _SCRIPT_RE.sub("", html)
    text = _BREAK_RE.sub("\n", text)
    text = _TAG_RE.sub("", text)
    return html_lib.unescape(text)


def _safe_list(mail: Any, attr: str) -> list[Any]:
    try:
        value = getattr(mail, attr)
    except Exception:  # a broken part must not cost us the rest of the message
        return []
    if value is None:
        return []
    return list(value)


def _header_fields(message: Message) -> tuple[tuple[tuple[str, str], ...], dict[str, tuple[Address, ...]]]:
    """Every header, decoded and in order, and the addresses of the address fields we read."""
    headers = tuple((str(name).lower(), _decode_header_value(value)) for name, value in message.items())
    return headers, {name: _addresses(message, name) for name in _ADDRESS_FIELDS}


def _decode_header_value(value: Any) -> str:
    raw = str(value)[:_MAX_HEADER]
    if "=?" not in raw and raw.isascii():
        return _one_line(raw)  # nothing encoded (RFC 2047): nothing to decode
    try:
        decoded = str(make_header(decode_header(raw)))
    except Exception:  # unknown charset or broken encoded-word: keep the raw text
        decoded = raw
    return _one_line(decoded)


def _one_line(value: str) -> str:
    return _CONTROL_RE.sub(" ", value).strip()


def _addresses(message: Message, name: str) -> tuple[Address, ...]:
    values = message.get_all(name) or []
    try:
        pairs = getaddresses([_decode_header_value(v) for v in values])
    except Exception:
        return ()
    out = []
    for display, email in pairs:
        email = email.strip().lower()
        if "@" in email:
            out.append(Address(name=_one_line(display), email=email))
    return tuple(out)


def _first_msgid(value: str | None) -> str | None:
    if not value:
        return None
    match = _MSGID_RE.search(value)
    if match:
        return match.group(1)
    bare = value.strip()
    return bare or None


def _synthetic_id(data: bytes) -> str:
    # Deterministic, so the same message fetched twice dedupes to the same id.
    return f"{hashlib.sha256(data).hexdigest()[:32]}@no-message-id.invalid"


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _return_path(value: str | None) -> str | None:
    if value is None:
        return None
    match = re.search(r"<([^<>]*)>", value)
    return (match.group(1) if match else value).strip().lower()


def _attachments(mail: Any) -> tuple[Attachment, ...]:
    out = []
    for item in _safe_list(mail, "attachments"):
        try:
            payload = item.get("payload") or ""
            out.append(
                Attachment(
                    filename=str(item.get("filename") or ""),
                    content_type=str(item.get("mail_content_type") or "application/octet-stream"),
                    size=len(payload),
                )
            )
        except Exception:
            continue
    return tuple(out)
