"""The TinyDB state store. The only module that imports tinydb.

Layout under the state directory, one folder per store::

    <store>/cases/000000.json      TinyDB, table "cases", doc_id = case number;
                                   one shard per 20 case numbers
    <store>/messages/000000.json   TinyDB, table "messages": mail that opened no
                                   case (skipped, failed, staff); one shard per 1,000
    <store>/mailboxes.json         TinyDB, table "mailboxes": UIDVALIDITY + last UID
    <store>/outbound/<hash>.eml    rendered mail of state written by earlier versions
                                   (pending mail now carries its bytes in its record)
    <store>/set-aside/<name>.eml   messages that crashed the pipeline

Why shards: TinyDB rewrites its whole file on every write, so a write costs
the size of the file. Bounding the file bounds the cost of a write, whether
state holds ten cases or a hundred thousand.

Why it survives ``kill -9``: every file is written to a temporary name,
fsync'd and renamed over the old one (``AtomicJSONStorage``), so a reader finds
either the old document or the new one, never half of one. A case document
carries its own outbox, so "case opened" and "acknowledgement pending" land
in the same atomic write.

Writes behind (the daemon, :meth:`TinyStateStore.write_behind`): a change is
made in memory at once and written in the next round of ``writes.Writes``, off
the event loop. Whoever needs a change on disk before acting on it (the
outbox, before handing mail to SMTP) awaits :meth:`TinyStateStore.durable`.
Each store has its own rounds: a store whose folder cannot be written keeps
its changes queued and its sends held, and every other store goes on.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import OrderedDict, defaultdict
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from ..errors import StateError
from ..models import Case, CaseStatus, MailboxState
from .codec import from_doc, to_doc
from .writes import Writes, encode_json

CASES_PER_SHARD = 20
MESSAGES_PER_SHARD = 1000
OPEN_SHARDS = 64  # TinyDB files kept open (and their documents in memory)
CACHED_CASES = 4096  # Case records kept decoded
_CLOSED = CaseStatus.CLOSED.value


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the document in memory and replaces the file atomically."""

    def __init__(self, path: str, writes: Writes) -> None:
        self._path = Path(path)
        self._writes = writes
        # A document whose write is still queued is newer than the file.
        self._data: dict[str, dict[str, Any]] | None = writes.queued_document(self._path)
        # The encoded JSON of each case, until the case changes: a shard is
        # written again for every change of one of its cases, and encoding
        # the unchanged ones again was most of the cost of a write.
        self._pieces: dict[str, str] = {}
        self._stale: set[str] = set()

    def changed(self, doc_id: int) -> None:
        """The case ``doc_id`` is about to change: encode it afresh next time."""
        self._stale.add(str(doc_id))

    @property
    def data(self) -> dict[str, dict[str, Any]] | None:
        return self._data

    def encode(self) -> bytes:
        data = self._data or {}
        cases = data.get("cases")
        if cases is None or len(data) != 1:
            return encode_json(data)
        pieces = self._pieces
        for key in self._stale:
            pieces.pop(key, None)
        self._stale.clear()
        if len(pieces) > len(cases):  # cases removed (retention)
            for key in [k for k in pieces if k not in cases]:
                del pieces[key]
        parts = []
        for key, doc in cases.items():
            piece = pieces.get(key)
            if piece is None:
                piece = pieces[key] = json.dumps(doc, separators=(",", ":"))
            parts.append(f'"{key}":{piece}')
        return ('{"cases":{' + ",".join(parts) + "}}").encode()

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
        self._writes.document(self._path, self)

    def close(self) -> None:
        pass


@dataclass(slots=True)
class _Entry:
    """What the indexes keep of a case that is not decoded in memory."""

    number: int
    status: str
    customer: str
    next_timer_at: datetime | None
    unfinished: bool  # its outbox has a pending send or an unfiled copy
    message_ids: tuple[str, ...]
    updated_at: str  # ISO 8601, as stored
    shard: Path | None = None  # the file it was read from (state written with another shard size)


def _entry(doc: dict[str, Any]) -> _Entry:
    outbox = doc.get("outbox") or ()
    ids = tuple(str(m["message_id"]) for m in doc.get("messages") or ()) + tuple(str(o["message_id"]) for o in outbox)
    timer = doc.get("next_timer_at")
    return _Entry(
        number=int(doc["number"]),
        status=str(doc["status"]),
        customer=str((doc.get("customer") or {}).get("email", "")),
        next_timer_at=datetime.fromisoformat(timer) if timer else None,
        unfinished=any(o["state"] == "pending" or (o["state"] == "sent" and not o.get("filed")) for o in outbox),
        message_ids=ids,
        updated_at=str(doc.get("updated_at", "")),
    )


class _StoreState:
    """Everything one store remembers, with its in-memory indexes.

    Cases stay on disk; memory holds a compact entry per case (number,
    status, customer, next timer instant, Message-IDs) and the most recently
    used cases decoded, so a hundred thousand cases cost tens of megabytes.
    """

    def __init__(self, root: Path, store_id: str, writes: Writes) -> None:
        self.root = root / store_id
        self.store_id = store_id
        self.writes = writes
        self._dbs: OrderedDict[Path, TinyDB] = OrderedDict()
        self.entries: dict[str, _Entry] = {}
        self.cache: OrderedDict[str, Case] = OrderedDict()
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
            db = TinyDB(str(path), storage=AtomicJSONStorage, writes=self.writes)
            self._dbs[path] = db
            while len(self._dbs) > OPEN_SHARDS:
                self._dbs.popitem(last=False)
        else:
            self._dbs.move_to_end(path)
        return db

    def _shards(self, folder: str) -> list[Path]:
        directory = self.root / folder
        return sorted(directory.glob("[0-9]*.json")) if directory.is_dir() else []

    def _shard(self, number: int) -> Path:
        return self.root / "cases" / f"{number // CASES_PER_SHARD:06d}.json"

    def _load(self) -> None:
        for shard in self._shards("cases"):
            # Read directly (not through TinyDB): only the indexes are kept.
            try:
                data = json.loads(shard.read_bytes())
            except (OSError, ValueError) as exc:
                raise StateError(f"{shard}: cannot load state: {exc}") from exc
            for doc in (data.get("cases") or {}).values():
                entry = _entry(doc)
                if shard != self._shard(entry.number):
                    entry.shard = shard
                self._index(str(doc["ref"]), entry)
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

    def _index(self, ref: str, entry: _Entry) -> None:
        previous = self.entries.get(ref)
        if previous is not None:
            for mid in previous.message_ids:
                if self.by_message_id.get(mid) == ref:
                    del self.by_message_id[mid]
        self.entries[ref] = entry
        for mid in entry.message_ids:
            self.by_message_id[mid] = ref
        self.by_customer[entry.customer].add(ref)
        self.max_number = max(self.max_number, entry.number)

    def case(self, ref: str) -> Case | None:
        case = self.cache.get(ref)
        if case is not None:
            self.cache.move_to_end(ref)
            return case
        entry = self.entries.get(ref)
        if entry is None:
            return None
        doc = self.db(entry.shard or self._shard(entry.number)).table("cases").get(doc_id=entry.number)
        if doc is None:
            return None
        case = from_doc(Case, dict(doc))
        self._remember(case)
        return case

    def _remember(self, case: Case) -> None:
        self.cache[case.ref] = case
        self.cache.move_to_end(case.ref)
        while len(self.cache) > CACHED_CASES:
            self.cache.popitem(last=False)

    def save_case(self, case: Case) -> None:
        known = self.entries.get(case.ref)
        shard = (known.shard if known else None) or self._shard(case.number)
        db = self.db(shard)
        table = db.table("cases")
        doc = to_doc(case)
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)
        storage.changed(case.number)
        # TinyDB's upsert writes twice (update, then insert); we know which one applies.
        if known is not None:
            table.update(doc, doc_ids=[case.number])
        else:
            table.insert(Document(doc, doc_id=case.number))
        entry = _entry(doc)
        entry.shard = known.shard if known else None
        self._index(case.ref, entry)
        self._remember(case)

    def remove_case(self, case: Case) -> None:
        # Case numbers are never reused: remember the highest one before it can disappear.
        if str(self.max_number) != self.meta.get("case_number_floor"):
            self.save_meta("case_number_floor", str(self.max_number))
        entry = self.entries.pop(case.ref, None)
        self.db((entry.shard if entry else None) or self._shard(case.number)).table("cases").remove(doc_ids=[case.number])
        self.cache.pop(case.ref, None)
        for mid in entry.message_ids if entry else case.message_ids:
            if self.by_message_id.get(mid) == case.ref:
                del self.by_message_id[mid]
        self.by_customer[case.customer.email].discard(case.ref)
        for record in case.outbox:  # rendered mail of state written by earlier versions
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

    def refs(self, *, open_only: bool = False) -> list[str]:
        items = sorted(self.entries.items(), key=lambda item: item[1].number)
        return [ref for ref, e in items if not open_only or e.status != _CLOSED]


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
        self._loop: asyncio.AbstractEventLoop | None = None  # set while writing behind

    def write_behind(self) -> None:
        """From now on, write in rounds off the event loop (see the module docstring).

        Call from the running loop; pair with :meth:`stop_writing_behind`.
        Each store has its own rounds, so one store's unwritable folder holds
        back only that store's writes (and its sends), never another's.
        """
        self._loop = asyncio.get_running_loop()
        for state in self._stores.values():
            state.writes.start(self._loop)

    async def durable(self, store_id: str | None = None) -> None:
        """Return once every change made so far (to ``store_id``, or to any store) is on disk."""
        if store_id is not None:
            state = self._stores.get(store_id)
            if state is not None:
                await state.writes.durable()
            return
        await self._every_store(Writes.durable)

    async def stop_writing_behind(self) -> None:
        """Write everything still queued, then write at once again."""
        self._loop = None
        await self._every_store(Writes.stop)

    async def _every_store(self, step: Callable[[Writes], Awaitable[None]]) -> None:
        """``step`` for every store's writes, each in turn even when one fails; the first failure is raised."""
        first: StateError | None = None
        for state in list(self._stores.values()):
            try:
                await step(state.writes)
            except StateError as exc:  # the other stores' writes still get their turn
                first = first or exc
        if first is not None:
            raise first

    def _s(self, store_id: str) -> _StoreState:
        state = self._stores.get(store_id)
        if state is None:
            writes = Writes()
            if self._loop is not None:
                writes.start(self._loop)
            state = _StoreState(self.root, store_id, writes)
            self._stores[store_id] = state
        return state

    def mailbox(self, store_id: str, mailbox: str) -> MailboxState | None:
        return self._s(store_id).mailboxes.get(mailbox)

    def save_mailbox(self, store_id: str, state: MailboxState) -> None:
        self._s(store_id).save_mailbox(state)

    def case(self, ref: str) -> Case | None:
        for state in self._stores.values():
            case = state.case(ref)
            if case is not None:
                return case
        return None

    def store_case(self, store_id: str, ref: str) -> Case | None:
        return self._s(store_id).case(ref)

    def case_for_message_id(self, store_id: str, message_id: str) -> Case | None:
        state = self._s(store_id)
        ref = state.by_message_id.get(message_id)
        return state.case(ref) if ref else None

    def is_known_message(self, store_id: str, message_id: str) -> bool:
        state = self._s(store_id)
        return message_id in state.by_message_id or message_id in state.known_messages

    def cases_of_customer(self, store_id: str, email: str) -> list[Case]:
        state = self._s(store_id)
        cases = (state.case(ref) for ref in sorted(state.by_customer.get(email, ())))
        return [c for c in cases if c is not None]

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
        """Cases not closed, in number order (decoded one by one: this reads the disk)."""
        state = self._s(store_id)
        return (c for ref in state.refs(open_only=True) if (c := state.case(ref)) is not None)

    def all_cases(self, store_id: str) -> Iterator[Case]:
        state = self._s(store_id)
        return (c for ref in state.refs() if (c := state.case(ref)) is not None)

    def timeline(self, store_id: str) -> list[tuple[datetime, str]]:
        """(next timer instant, ref) of every case that has one, from the index alone."""
        return [(e.next_timer_at, ref) for ref, e in self._s(store_id).entries.items() if e.next_timer_at is not None]

    def unfinished(self, store_id: str) -> set[str]:
        """Cases whose outbox has a pending send or an unfiled copy, from the index alone."""
        return {ref for ref, e in self._s(store_id).entries.items() if e.unfinished}

    def closed(self, store_id: str, before: datetime | None = None) -> list[str]:
        """Refs of the closed cases (last changed before ``before``), from the index alone."""
        entries = self._s(store_id).entries.items()
        return [
            ref for ref, e in entries
            if e.status == _CLOSED and (before is None or datetime.fromisoformat(e.updated_at) < before)
        ]

    def outbound_bytes(self, store_id: str, message_id: str) -> bytes | None:
        """Rendered mail kept in a file of its own, as earlier versions did (pending mail now carries it)."""
        try:
            return (self._s(store_id).root / "outbound" / _file_name(message_id)).read_bytes()
        except FileNotFoundError:
            return None

    def set_aside(self, store_id: str, name: str, data: bytes) -> str:
        state = self._s(store_id)
        path = state.root / "set-aside" / f"{name}.eml"
        state.writes.file(path, data)
        return str(path)

    def meta(self, store_id: str, key: str) -> str | None:
        return self._s(store_id).meta.get(key)

    def save_meta(self, store_id: str, key: str, value: str) -> None:
        self._s(store_id).save_meta(key, value)

    def load_store(self, store_id: str) -> int:
        """Load one store's state now (normally lazy); returns its case count."""
        return len(self._s(store_id).entries)
