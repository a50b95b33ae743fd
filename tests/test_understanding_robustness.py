"""Malformed mail never makes the understanding layer raise.

A hypothesis-generated stream of broken messages (bad MIME boundaries,
unknown or wrong charsets, base64 garbage, missing headers, deep nesting)
goes through ``mailbot.parsing.parse_message`` and ``understand``. Parsing may
refuse bytes with its documented ParseError; anything it returns must be
understood without an exception and without the ``error:`` fallback reason.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.errors import ParseError
from mailbot.models import Category, ParsedMessage
from mailbot.parsing import parse_message
from mailbot.understanding import StoreHints, detect_language, strip_quotes, understand
from mailbot.understanding.orders import find_order_id

HINTS = StoreHints(
    store_id="t",
    own_addresses=frozenset({"help@shop.example"}),
    order_patterns=(r"\bT-(?P<id>\d+)\b", r"(unclosed"),
    keywords={"merchant": ("seller center",)},
)


@pytest.fixture(autouse=True)
def quiet_mailparser() -> Iterator[None]:
    logger = logging.getLogger("mailparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def _check(data: bytes) -> None:
    try:
        parsed = parse_message(data)
    except ParseError:
        return
    result = understand(parsed, HINTS)
    assert isinstance(result.category, Category)
    assert not any(r.startswith("error:") for r in result.reasons), result.reasons


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
charsets = st.sampled_from(["utf-8", "iso-8859-1", "x-unknown", "utf-99", "", "us-ascii", "shift_jis", "koi8-r", "bogus\"q"])
encodings = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "garbage", ""])
header_names = st.sampled_from(
    ["From", "To", "Subject", "Date", "Message-ID", "Return-Path", "Auto-Submitted", "Precedence", "List-Id",
     "In-Reply-To", "References", "Content-Type", "X-Failed-Recipients", "X-Weird"]
)


@st.composite
def header_block(draw: st.DrawFn) -> bytes:
    lines = []
    for name in draw(st.lists(header_names, max_size=8)):
        value = draw(texts).replace("\r", " ").replace("\n", " ")
        lines.append(f"{name}: {value}")
    if draw(st.booleans()):
        lines.append(f"Subject: =?{draw(charsets)}?B?{base64.b64encode(draw(st.binary(max_size=30))).decode()}?=")
    return "\r\n".join(lines).encode("utf-8", "surrogateescape")


@st.composite
def body_part(draw: st.DrawFn, depth: int) -> bytes:
    kind = draw(st.sampled_from(["text", "garbage64", "binary", "multipart"] if depth < 6 else ["text", "binary"]))
    charset = draw(charsets)
    if kind == "multipart":
        boundary = draw(st.sampled_from(["b1", "==x==", "", "a" * 80, "same"]))
        parts = draw(st.lists(body_part(depth + 1), max_size=3))
        # Sometimes the body uses another boundary than the header, or never closes.
        used = boundary if draw(st.booleans()) else boundary + "-other"
        chunks = [f"--{used}\r\n".encode() + p for p in parts]
        close = f"--{used}--\r\n".encode() if draw(st.booleans()) else b""
        return (
            f'Content-Type: multipart/{draw(st.sampled_from(["mixed", "alternative", "report", "x-odd"]))}; '
            f'boundary="{boundary}"\r\n\r\n'
        ).encode() + b"".join(chunks) + close
    if kind == "garbage64":
        noise = draw(st.binary(max_size=300))
        return (
            f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64\r\n\r\n".encode()
            + base64.b64encode(noise)[: draw(st.integers(0, 400))]
            + b"!!*\r\n"
        )
    if kind == "binary":
        return f"Content-Type: {draw(st.sampled_from(['text/html', 'application/octet-stream', 'text']))}\r\n\r\n".encode() + draw(
            st.binary(max_size=300)
        )
    text = draw(texts)
    return (
        f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {draw(encodings)}\r\n\r\n".encode()
        + text.encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), "replace")
    )


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    headers = draw(header_block())
    body = draw(body_part(0))
    separator = draw(st.sampled_from([b"\r\n", b"\n", b""]))
    return headers + separator + body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages())
def test_malformed_messages_never_raise(data: bytes) -> None:
    _check(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2_000))
def test_random_bytes_never_raise(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_text_functions_are_total(text: str) -> None:
    stripped = strip_quotes(text)
    assert len(stripped) <= len(text)
    assert len(detect_language(text)) == 2
    found, reason = find_order_id([("t", text)])
    assert (found is None) == (reason == "")


def test_ten_megabyte_body() -> None:
    body = ("Hello, where is my order 12345? " * 20 + "\r\n") * 16_000  # about 10 MB
    data = b"From: a@customer.example\r\nSubject: big\r\n\r\n" + body.encode()
    assert len(data) > 10_000_000
    parsed = parse_message(data)
    start = time.perf_counter()
    result = understand(parsed, HINTS)
    assert time.perf_counter() - start < 2.0
    assert result.order_id == "12345"


def test_deeply_nested_multipart() -> None:
    depth = 60
    head = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(depth))
    tail = "".join(f"\r\n--b{i}--\r\n" for i in reversed(range(depth)))
    data = ("From: a@customer.example\r\nSubject: nest\r\n" + head + "Content-Type: text/plain\r\n\r\nMy parcel never arrived." + tail).encode()
    _check(data)


def test_parsed_message_without_anything() -> None:
    empty = ParsedMessage(
        message_id="", subject="", from_=None, to=(), cc=(), reply_to=(), date=None, in_reply_to=(), references=(),
        headers=(), text="", html="", content_type="", attachments=(), return_path=None, size=0,
    )
    result = understand(empty)
    assert result.category is Category.OTHER
    assert "category:no_text" in result.reasons
