"""File writes of the state store: at once, or behind the event loop in rounds.

At once, each write is on disk (written to a temporary name, fsync'd,
renamed over the old file, the folder fsync'd) when the call returns. Behind (:meth:`Writes.start`,
from the event loop), a write is queued and the file joins the next *round*:
a round takes everything queued, encodes the documents on the loop (they
belong to it), and writes and fsyncs the files in one thread, in a fixed
order -- set-aside mail, meta, cases and skipped messages, mailbox positions
last -- so a crash mid-round never leaves a position ahead of the cases it
covers. A round starts as soon as someone awaits :meth:`Writes.durable`,
otherwise after ``GATHER_SECONDS``.
"""

from __future__ import annotations

import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from ..errors import StateError

GATHER_SECONDS = 0.05  # how long writes nobody waits for may gather before a round


class Document(Protocol):
    """A JSON document kept in memory, written whole."""

    @property
    def data(self) -> dict[str, dict[str, Any]] | None: ...

    def encode(self) -> bytes: ...


def atomic_write(path: Path, payload: bytes, *, sync_folder: bool = True) -> None:
    """Write ``path`` whole or not at all; on disk when this returns.

    The payload goes to a temporary name, is fsync'd and renamed over the old
    file; the folder is fsync'd too, because the rename lives in the folder's
    entry, not in the file. ``sync_folder=False`` leaves that to the caller
    (:func:`write_all` syncs each folder once per rank).
    """
    # One writer per file (one process, one writing thread), so a fixed temporary name is safe.
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        try:
            handle = tmp.open("wb")
        except FileNotFoundError:
            _make_folders(path.parent)
            handle = tmp.open("wb")
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if sync_folder:
            sync_folder_entries(path.parent)
    except OSError as exc:
        raise StateError(f"{path}: cannot write state: {exc}") from exc


def _make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each one's entry durable in its parent."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for created in reversed(missing):
        sync_folder_entries(created.parent)


def sync_folder_entries(folder: Path) -> None:
    """fsync a folder, so the names created or renamed in it survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode_json(data: dict[str, dict[str, Any]]) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


# The order files are written in within a round (see the module docstring).
_MAIL, _META, _RECORDS, _POSITIONS = range(4)


def _rank(path: Path) -> int:
    if path.suffix == ".eml":
        return _MAIL
    if path.name == "meta.json":
        return _META
    if path.name == "mailboxes.json":
        return _POSITIONS
    return _RECORDS


class Writes:
    """Every file write of one state directory: at once, or queued and written in rounds.

    At once (the default) each write is on disk when the call returns. Behind
    (:meth:`start`, from the event loop), writes are queued: a round takes
    everything queued, encodes it on the loop (the documents belong to it),
    and writes and fsyncs it in one thread, in :func:`_rank` order.
    """

    def __init__(self) -> None:
        self._queue: dict[Path, bytes | Document] = {}
        self._writing: dict[Path, bytes | Document] = {}  # the round in the thread now
        self._loop: asyncio.AbstractEventLoop | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._rounds: asyncio.Task[None] | None = None
        self._queued = 0  # writes asked for so far
        self._written = 0  # of those, the ones on disk
        self._failure: StateError | None = None
        self._progress: asyncio.Event | None = None
        self._wanted: asyncio.Event | None = None  # someone awaits durable(): write now

    # -- what the store asks -------------------------------------------------

    def document(self, path: Path, source: Document) -> None:
        if self._loop is None:
            atomic_write(path, source.encode())
        else:
            self._enqueue(path, source)

    def file(self, path: Path, data: bytes) -> None:
        if self._loop is None:
            atomic_write(path, data)
        else:
            self._enqueue(path, data)

    def queued_document(self, path: Path) -> dict[str, dict[str, Any]] | None:
        """The document of ``path`` if a write of it is queued or in the round being written: newer than the file."""
        item = self._queue.get(path) or self._writing.get(path)
        return None if item is None or isinstance(item, bytes) else item.data

    # -- writing behind --------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Queue writes from now on, for ``loop`` (default: the running one) to await :meth:`durable`."""
        if self._loop is None:
            self._loop = loop or asyncio.get_running_loop()
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="state-writes")
            self._progress = asyncio.Event()
            self._wanted = asyncio.Event()

    async def stop(self) -> None:
        """Write everything queued, then write at once again."""
        try:
            await self.durable()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
            self._loop = self._executor = self._progress = self._wanted = None
            self._rounds = None

    async def durable(self) -> None:
        """Return once every write asked for before this call is on disk (raises StateError if one failed)."""
        target = self._queued
        while self._written < target:
            if self._failure is not None and self._rounds is None:
                failure, self._failure = self._failure, None
                raise failure
            self._kick()
            assert self._progress is not None and self._wanted is not None
            self._wanted.set()
            self._progress.clear()
            await self._progress.wait()

    def _enqueue(self, path: Path, item: bytes | Document) -> None:
        self._queue.pop(path, None)  # re-queued at the end: the newest version is what gets written
        self._queue[path] = item
        self._queued += 1
        self._kick()

    def _kick(self) -> None:
        if self._rounds is None and self._loop is not None:
            self._rounds = self._loop.create_task(self._run_rounds(), name="state-writes")

    async def _run_rounds(self) -> None:
        assert self._loop is not None and self._progress is not None and self._wanted is not None
        try:
            while self._queue:
                # Nobody waits for these writes yet: gather more for a while, so a
                # shard saved many times is encoded and written once.
                if not self._wanted.is_set():
                    try:
                        await asyncio.wait_for(self._wanted.wait(), GATHER_SECONDS)
                    except TimeoutError:
                        pass
                self._wanted.clear()
                covered = self._queued
                batch = sorted(self._queue.items(), key=lambda item: _rank(item[0]))
                try:
                    # Encoded before the queue lets go of anything: a document
                    # that cannot be encoded stays queued and is reported.
                    encoded = [(path, item if isinstance(item, bytes) else item.encode()) for path, item in batch]
                    self._writing, self._queue = self._queue, {}
                    await self._loop.run_in_executor(self._executor, write_all, encoded)
                except Exception as exc:
                    # Keep what was not written (unless a newer version came meanwhile) for the next try.
                    for path, item in batch:
                        self._queue.setdefault(path, item)
                    self._failure = exc if isinstance(exc, StateError) else StateError(f"cannot write state: {exc!r}")
                    return
                finally:
                    self._writing = {}
                self._failure = None
                self._written = covered
                self._progress.set()
        finally:
            self._rounds = None
            self._progress.set()


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write ``files`` in the order given, each rank's folders synced before the next rank starts.

    A mailbox position must never be on disk ahead of the cases it covers,
    and a renamed file is only durable once its folder is synced: so the
    folders of one rank are fsync'd (once each) before a later rank is written.
    """
    folders: list[Path] = []
    rank: int | None = None
    for path, payload in files:
        if rank is not None and _rank(path) != rank:
            _sync_all(folders)
        rank = _rank(path)
        atomic_write(path, payload, sync_folder=False)
        if path.parent not in folders:
            folders.append(path.parent)
    _sync_all(folders)


def _sync_all(folders: list[Path]) -> None:
    for folder in folders:
        sync_folder_entries(folder)
    folders.clear()
