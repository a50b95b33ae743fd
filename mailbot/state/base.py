"""The state store protocol: what the daemon remembers, and how it is looked up.

State is the source of truth for everything scheduled. Every lookup the
pipeline makes per message (dedupe by Message-ID, threading, case by
reference, acknowledgements per sender) is answered from in-memory indexes
built once at open; no lookup scans the stored cases.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Protocol

from ..models import Case, MailboxState


class StateStore(Protocol):
    def mailbox(self, store_id: str, mailbox: str) -> MailboxState | None: ...

    def save_mailbox(self, store_id: str, state: MailboxState) -> None: ...

    def case(self, ref: str) -> Case | None: ...

    def store_case(self, store_id: str, ref: str) -> Case | None: ...

    def case_for_message_id(self, store_id: str, message_id: str) -> Case | None: ...

    def is_known_message(self, store_id: str, message_id: str) -> bool:
        """True when the id belongs to a case or was recorded as skipped or failed."""
        ...

    def cases_of_customer(self, store_id: str, email: str) -> list[Case]: ...

    def next_case_number(self, store_id: str) -> int: ...

    def save_case(self, case: Case) -> None:
        """Persist ``case`` atomically (all of it or nothing) and update the indexes."""
        ...

    async def durable(self, store_id: str | None = None) -> None:
        """Return once every change saved so far (to ``store_id``, or to any store) is on disk.

        Changes may be written behind; a store whose writes fail raises
        :class:`~mailbot.errors.StateError` here without holding back the others.
        """
        ...

    def record_message(
        self, store_id: str, message_id: str, *, mailbox: str, uid: int, outcome: str, reason: str, at: datetime
    ) -> None:
        """Remember a message that opened no case (skipped, failed, staff mail)."""
        ...

    def remove_case(self, case: Case) -> None:
        """Forget ``case`` entirely (retention); its number is never given out again."""
        ...

    def open_cases(self, store_id: str) -> Iterator[Case]: ...

    def all_cases(self, store_id: str) -> Iterator[Case]: ...

    def timeline(self, store_id: str) -> list[tuple[datetime, str]]:
        """(next timer instant, ref) of every case that has one, without decoding cases."""
        ...

    def unfinished(self, store_id: str) -> set[str]:
        """Cases whose outbox has a pending send or an unfiled copy."""
        ...

    def closed(self, store_id: str, before: datetime | None = None) -> list[str]: ...

    def meta(self, store_id: str, key: str) -> str | None: ...

    def save_meta(self, store_id: str, key: str, value: str) -> None: ...

    def load_store(self, store_id: str) -> int: ...

    def outbound_bytes(self, store_id: str, message_id: str) -> bytes | None: ...

    def set_aside(self, store_id: str, name: str, data: bytes) -> str:
        """Keep a message that crashed the pipeline; returns where it was put."""
        ...
