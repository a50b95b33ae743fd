"""The TinyDB state store. The only module that imports tinydb.

Layout under the state directory, one folder per store::

    <store>/cases/000000.json      TinyDB, table "cases", doc_id = case number;
                                   one shard per 50 case numbers
    <store>/messages/000000.json   TinyDB, table "messages": mail that opened no
                                   case (skipped, failed, staff); one shard per 1,000
    <store>/mailboxes.json         TinyDB, table "mailboxes": UIDVALIDITY + last UID
    <store>/outbound/<hash>.eml    rendered outbound mail, so a resend is identical
    <store>/set-aside/<name>.eml   messages that crashed the pipeline

Why shards: TinyDB rewrites its whole file on every write, so a write costs
the size of the file. Bounding the file bounds the cost of a write, whether
state holds ten cases or a hundred thousand.

Why it survives ``kill -9``: every file is written to a temporary name,
fsync'd and renamed over the old one (``AtomicJSONStorage``), so a reader finds
either the old document or the new one, never half of one. A case document
carries its own outbox, so "case opened" and "acknowledgement pending" land
in the same atomic write.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from ..errors import StateError
from ..models import Case, CaseStatus, MailboxState
from .codec import from_doc, to_doc

CASES_PER_SHARD = 50
MESSAGES_PER_SHARD = 1000
_OPEN = frozenset(s for s in CaseStatus if s is not CaseStatus.CLOSED)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the document in memory and replaces the file atomically."""

    def __init__(self, path: str) -> None:
        self._path = Path(path)
        self._data: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            try:
                with self._path.open("r", encoding="utf-8") as handle:
                    self._data = json.load(handle)
            except FileNotFoundError:
                return None
            except (OSError, ValueError) as exc:
                raise StateError(f"{self._path}: cannot load state: {exc}") from exc
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        _atomic_write(self._path, json.dumps(data, separators=(",", ":")).encode())

    def close(self) -> None:
        pass


def _atomic_write(path: Path, payload: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StateError(f"{path}: cannot write state: {exc}") from exc


class _StoreState:
    """Everything one store remembers, with its in-memory indexes."""

    def __init__(self, root: Path, store_id: str) -> None:
        self.root = root / store_id
        self.store_id = store_id
        self._dbs: dict[Path, TinyDB] = {}
        self.cases: dict[str, Case] = {}
        self.by_message_id: dict[str, str] = {}
        self.by_customer: defaultdict[str, set[str]] = defaultdict(set)
        self.known_messages: set[str] = set()
        self.mailboxes: dict[str, MailboxState] = {}
        self.max_number = 0
        self.message_seq = 0
        self.meta: dict[str, str] = {}
        self._load()

    def db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            db = TinyDB(str(path), storage=AtomicJSONStorage)
            self._dbs[path] = db
        return db

    def _shards(self, folder: str) -> list[Path]:
        directory = self.root / folder
        return sorted(directory.glob("[0-9]*.json")) if directory.is_dir() else []

    def _load(self) -> None:
        for shard in self._shards("cases"):
            for doc in self.db(shard).table("cases").all():
                self._index(from_doc(Case, dict(doc)))
        for shard in self._shards("messages"):
            table = self.db(shard).table("messages")
            for doc in table.all():
                self.known_messages.add(str(doc["message_id"]))
                self.message_seq = max(self.message_seq, doc.doc_id)
        meta = self.root / "meta.json"
        if meta.exists():
            self.meta = {str(d["key"]): str(d["value"]) for d in self.db(meta).table("meta").all()}
        mailboxes = self.root / "mailboxes.json"
        if mailboxes.exists():
            for doc in self.db(mailboxes).table("mailboxes").all():
                state = from_doc(MailboxState, dict(doc))
                self.mailboxes[state.mailbox] = state
        self.max_number = max(self.max_number, int(self.meta.get("case_number_floor", "0")))

    def _index(self, case: Case) -> None:
        previous = self.cases.get(case.ref)
        if previous is not None:
            for mid in previous.message_ids:
                self.by_message_id.pop(mid, None)
        self.cases[case.ref] = case
        for mid in case.message_ids:
            self.by_message_id[mid] = case.ref
        self.by_customer[case.customer.email].add(case.ref)
        self.max_number = max(self.max_number, case.number)

    def save_case(self, case: Case) -> None:
        shard = self.root / "cases" / f"{case.number // CASES_PER_SHARD:06d}.json"
        table = self.db(shard).table("cases")
        # TinyDB's upsert writes twice (update, then insert); we know which one applies.
        if case.ref in self.cases:
            table.update(to_doc(case), doc_ids=[case.number])
        else:
            table.insert(Document(to_doc(case), doc_id=case.number))
        self._index(case)

    def remove_case(self, case: Case) -> None:
        shard = self.root / "cases" / f"{case.number // CASES_PER_SHARD:06d}.json"
        # Case numbers are never reused: remember the highest one before it can disappear.
        if str(self.max_number) != self.meta.get("case_number_floor"):
            self.save_meta("case_number_floor", str(self.max_number))
        self.db(shard).table("cases").remove(doc_ids=[case.number])
        self.cases.pop(case.ref, None)
        for mid in case.message_ids:
            if self.by_message_id.get(mid) == case.ref:
                del self.by_message_id[mid]
        self.by_customer[case.customer.email].discard(case.ref)
        for record in case.outbox:
            (self.root / "outbound" / _file_name(record.message_id)).unlink(missing_ok=True)

    def record_message(self, doc: dict[str, Any]) -> None:
        self.message_seq += 1
        shard = self.root / "messages" / f"{self.message_seq // MESSAGES_PER_SHARD:06d}.json"
        self.db(shard).table("messages").insert(Document(doc, doc_id=self.message_seq))
        self.known_messages.add(str(doc["message_id"]))

    def save_meta(self, key: str, value: str) -> None:
        table = self.db(self.root / "meta.json").table("meta")
        doc_id = _stable_id(key)
        if key in self.meta:
            table.update({"key": key, "value": value}, doc_ids=[doc_id])
        else:
            table.insert(Document({"key": key, "value": value}, doc_id=doc_id))
        self.meta[key] = value

    def save_mailbox(self, state: MailboxState) -> None:
        table = self.db(self.root / "mailboxes.json").table("mailboxes")
        doc_id = _stable_id(state.mailbox)
        if state.mailbox in self.mailboxes:
            table.update(to_doc(state), doc_ids=[doc_id])
        else:
            table.insert(Document(to_doc(state), doc_id=doc_id))
        self.mailboxes[state.mailbox] = state


def _stable_id(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "big")


def _file_name(message_id: str) -> str:
    return hashlib.sha256(message_id.encode()).hexdigest()[:40] + ".eml"


class TinyStateStore:
    """:class:`~mailbot.state.base.StateStore` on TinyDB files under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(f"{self.root}: cannot create state directory: {exc.strerror}") from exc
        self._stores: dict[str, _StoreState] = {}

    def _s(self, store_id: str) -> _StoreState:
        state = self._stores.get(store_id)
        if state is None:
            state = _StoreState(self.root, store_id)
            self._stores[store_id] = state
        return state

    def mailbox(self, store_id: str, mailbox: str) -> MailboxState | None:
        return self._s(store_id).mailboxes.get(mailbox)

    def save_mailbox(self, store_id: str, state: MailboxState) -> None:
        self._s(store_id).save_mailbox(state)

    def case(self, ref: str) -> Case | None:
        for state in self._stores.values():
            case = state.cases.get(ref)
            if case is not None:
                return case
        return None

    def store_case(self, store_id: str, ref: str) -> Case | None:
        return self._s(store_id).cases.get(ref)

    def case_for_message_id(self, store_id: str, message_id: str) -> Case | None:
        state = self._s(store_id)
        ref = state.by_message_id.get(message_id)
        return state.cases.get(ref) if ref else None

    def is_known_message(self, store_id: str, message_id: str) -> bool:
        state = self._s(store_id)
        return message_id in state.by_message_id or message_id in state.known_messages

    def cases_of_customer(self, store_id: str, email: str) -> list[Case]:
        state = self._s(store_id)
        return [state.cases[ref] for ref in state.by_customer.get(email, ())]

    def next_case_number(self, store_id: str) -> int:
        return self._s(store_id).max_number + 1

    def save_case(self, case: Case) -> None:
        self._s(case.store_id).save_case(case)

    def record_message(
        self, store_id: str, message_id: str, *, mailbox: str, uid: int, outcome: str, reason: str, at: datetime
    ) -> None:
        self._s(store_id).record_message(
            {"message_id": message_id, "mailbox": mailbox, "uid": uid, "outcome": outcome, "reason": reason, "at": at.isoformat()}
        )

    def remove_case(self, case: Case) -> None:
        """Forget ``case`` entirely (retention): its document and its rendered mail."""
        self._s(case.store_id).remove_case(case)

    def open_cases(self, store_id: str) -> Iterator[Case]:
        return (c for c in list(self._s(store_id).cases.values()) if c.status in _OPEN)

    def all_cases(self, store_id: str) -> Iterator[Case]:
        return iter(list(self._s(store_id).cases.values()))

    def save_outbound_bytes(self, store_id: str, message_id: str, data: bytes) -> None:
        _atomic_write(self._s(store_id).root / "outbound" / _file_name(message_id), data)

    def outbound_bytes(self, store_id: str, message_id: str) -> bytes | None:
        try:
            return (self._s(store_id).root / "outbound" / _file_name(message_id)).read_bytes()
        except FileNotFoundError:
            return None

    def set_aside(self, store_id: str, name: str, data: bytes) -> str:
        path = self._s(store_id).root / "set-aside" / f"{name}.eml"
        _atomic_write(path, data)
        return str(path)

    def meta(self, store_id: str, key: str) -> str | None:
        return self._s(store_id).meta.get(key)

    def save_meta(self, store_id: str, key: str, value: str) -> None:
        self._s(store_id).save_meta(key, value)

    def load_store(self, store_id: str) -> int:
        """Load one store's state now (normally lazy); returns its case count."""
        return len(self._s(store_id).cases)
