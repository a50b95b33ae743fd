"""File handling for ``mailbot classify``: the one module here that reads files.

The CLI wires it in one line::

    for row in classify_files(args.files, hints): print(json.dumps(row, ensure_ascii=False))

Every row is a JSON-ready dict: the Understanding fields plus ``file``. A file
that cannot be read or parsed still yields a row, with ``error`` set and
category ``other``, so one bad file never stops a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..models import Understanding
from . import StoreHints, understand


def understanding_to_dict(result: Understanding) -> dict[str, Any]:
    """A JSON-ready dict of an Understanding (enums as their values)."""
    return {
        "category": result.category.value,
        "urgent": result.urgent,
        "language": result.language,
        "order_id": result.order_id,
        "machine": result.machine.kind.value,
        "machine_reason": result.machine.reason,
        "failed_recipient": result.machine.failed_recipient,
        "new_text": result.new_text,
        "reasons": list(result.reasons),
    }


def classify_bytes(data: bytes, hints: StoreHints | None = None) -> dict[str, Any]:
    """Parse and understand one message given as bytes (``hints`` None: no store)."""
    from ..parsing import parse_message  # the parsing seam imports mail-parser; load it only when used

    parsed = parse_message(data)
    return understanding_to_dict(understand(parsed, hints or StoreHints()))


def classify_files(
    paths: Iterable[str], hints: StoreHints | None = None, stdin: BinaryIO | None = None
) -> Iterator[dict[str, Any]]:
    """One result dict per path; ``-`` reads one message from stdin. ``hints`` None: no store."""
    for name in paths:
        try:
            if name == "-":
                data = (stdin or sys.stdin.buffer).read()
            else:
                data = Path(name).read_bytes()
            row = classify_bytes(data, hints)
        except Exception as exc:  # reported per file; the batch goes on
            row = {"category": "other", "error": f"{type(exc).__name__}: {exc}", "reasons": ["error:unreadable"]}
        yield {"file": name, **row}
