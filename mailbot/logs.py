"""One log line per event: ``store=... event=... case=... key=value``.

Never message bodies, and customer addresses only redacted: the policies
promise that personal data is used to resolve the inquiry and nothing else.
"""

from __future__ import annotations

import logging
import re
import sys

_EMAIL_RE = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)")


def redact(text: str) -> str:
    """``jane.doe@example.com`` -> ``j***@example.com``."""
    return _EMAIL_RE.sub(r"\1***@\2", text)


def _fmt(value: object) -> str:
    text = redact(str(value))
    return f'"{text}"' if (" " in text or not text) else text


def event(logger: logging.Logger, level: int, store: str, name: str, **fields: object) -> None:
    parts = [f"store={store}", f"event={name}"]
    parts += [f"{k}={_fmt(v)}" for k, v in fields.items() if v is not None]
    logger.log(level, " ".join(parts))


def setup(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z"))
    root = logging.getLogger("mailbot")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
