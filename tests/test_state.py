"""The state store writing behind: changes are in memory at once, on disk in
rounds, in an order that never puts a mailbox position ahead of its cases."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailbot.errors import StateError
from mailbot.models import Address, Case, CaseMessage, CaseStatus, MailboxState
from mailbot.state import TinyStateStore, tinystore, writes

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _case(number: int) -> Case:
    return Case(
        ref=f"PAN-{number:06d}", number=number, store_id="pandorana",
        customer=Address("Ann", f"c{number}@customers.example"), subject="Ring",
        status=CaseStatus.NEW, opened_at=NOW, updated_at=NOW,
        messages=(CaseMessage(f"m{number}@customers.example", "customer", NOW, f"c{number}@customers.example"),),
    )


def test_a_change_written_behind_is_on_disk_once_durable_returns(tmp_path: Path) -> None:
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        state.save_case(_case(1))
        # Answered from memory at once, before any file is written.
        assert state.store_case("pandorana", "PAN-000001") is not None
        assert TinyStateStore(tmp_path).store_case("pandorana", "PAN-000001") is None
        await state.durable()
        assert TinyStateStore(tmp_path).store_case("pandorana", "PAN-000001") is not None
        await state.stop_writing_behind()

    asyncio.run(scenario())


def test_many_saves_of_one_shard_between_rounds_are_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[Path] = []
    real = writes.atomic_write
    monkeypatch.setattr(writes, "atomic_write", lambda path, data, **kw: (written.append(path), real(path, data, **kw)))
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        for number in range(1, 21):  # one shard holds cases 1-19, the next starts at 20
            state.save_case(_case(number))
        await state.durable()
        await state.stop_writing_behind()

    asyncio.run(scenario())
    assert sorted(p.name for p in written) == ["000000.json", "000001.json"]
    assert len(list(TinyStateStore(tmp_path).all_cases("pandorana"))) == 20


def test_a_round_writes_mailbox_positions_after_the_cases_they_cover(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    real = writes.atomic_write
    monkeypatch.setattr(writes, "atomic_write", lambda path, data, **kw: (written.append(path.parent.name + "/" + path.name), real(path, data, **kw)))
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        # Asked for in the worst order: position first, then the case, the skip and the set-aside mail.
        state.save_mailbox("pandorana", MailboxState("INBOX", 7, 42))
        state.save_case(_case(1))
        state.record_message("pandorana", "s@x.example", mailbox="INBOX", uid=41, outcome="machine", reason="bounce", at=NOW)
        state.set_aside("pandorana", "INBOX-7-40", b"broken mail")
        await state.stop_writing_behind()

    asyncio.run(scenario())
    assert written[0] == "set-aside/INBOX-7-40.eml"
    assert written[-1] == "pandorana/mailboxes.json"
    assert set(written[1:-1]) == {"cases/000000.json", "messages/000000.json"}


def test_a_round_makes_the_cases_durable_in_their_folders_before_it_writes_a_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A rename is only durable once its folder is fsync'd: the cases' folder
    # must be synced before mailboxes.json is even written.
    events: list[str] = []
    real_write, real_sync = writes.atomic_write, writes.sync_folder_entries
    monkeypatch.setattr(writes, "atomic_write", lambda path, data, **kw: (events.append(f"write {path.parent.name}/{path.name}"), real_write(path, data, **kw)))
    monkeypatch.setattr(writes, "sync_folder_entries", lambda folder: (events.append(f"sync {folder.name}"), real_sync(folder)))
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        state.save_mailbox("pandorana", MailboxState("INBOX", 7, 42))
        state.save_case(_case(1))
        await state.stop_writing_behind()

    asyncio.run(scenario())
    rounds = [e for e in events if e.startswith(("write", "sync cases", "sync pandorana"))]
    position = rounds.index("write pandorana/mailboxes.json")
    assert rounds.index("sync cases") < position
    assert rounds[position + 1:] == ["sync pandorana"]
    assert rounds.count("sync cases") == 1


def test_a_write_at_once_syncs_the_folder_it_renamed_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    real_sync = writes.sync_folder_entries
    monkeypatch.setattr(writes, "sync_folder_entries", lambda folder: (synced.append(folder), real_sync(folder)))
    writes.atomic_write(tmp_path / "a" / "b" / "file.json", b"{}")
    # The new folders' entries in their parents, then the file's entry in its folder.
    assert synced == [tmp_path, tmp_path / "a", tmp_path / "a" / "b"]
    assert (tmp_path / "a" / "b" / "file.json").read_bytes() == b"{}"


def test_a_shard_closed_while_its_write_is_queued_is_reopened_from_the_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tinystore, "OPEN_SHARDS", 1)
    monkeypatch.setattr(tinystore, "CACHED_CASES", 1)
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        state.save_case(_case(1))
        state.save_case(dataclasses.replace(_case(1), subject="changed"))
        state.save_case(_case(25))  # another shard: the first one is closed, its write still queued
        state.save_case(_case(45))  # and the decoded case falls out of the cache
        found = state.store_case("pandorana", "PAN-000001")
        assert found is not None and found.subject == "changed"
        await state.stop_writing_behind()

    asyncio.run(scenario())
    again = TinyStateStore(tmp_path).store_case("pandorana", "PAN-000001")
    assert again is not None and again.subject == "changed"


def test_a_write_that_fails_is_reported_to_whoever_waits_for_it_and_kept_for_the_next_round(tmp_path: Path) -> None:
    state = TinyStateStore(tmp_path)
    # The shard's temporary file cannot be created while a folder has its name.
    blocker = tmp_path / "pandorana" / "cases" / ".000000.json.tmp"

    async def scenario() -> None:
        state.write_behind()
        blocker.mkdir(parents=True)
        state.save_case(_case(1))
        with pytest.raises(StateError, match="cannot write state"):
            await state.durable()
        assert state.store_case("pandorana", "PAN-000001") is not None  # still known in memory
        blocker.rmdir()
        state.save_mailbox("pandorana", MailboxState("INBOX", 7, 1))  # the next change retries the failed one
        await state.durable()
        await state.stop_writing_behind()

    asyncio.run(scenario())
    assert TinyStateStore(tmp_path).store_case("pandorana", "PAN-000001") is not None


def test_a_shard_written_again_holds_every_case_as_last_saved(tmp_path: Path) -> None:
    """Unchanged cases are not encoded again; changed and removed ones must show as such."""
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        for number in range(1, 6):
            state.save_case(_case(number))
        await state.durable()
        state.save_case(dataclasses.replace(_case(2), subject="second version"))
        await state.durable()
        state.save_case(dataclasses.replace(_case(2), subject="third version"))
        state.remove_case(_case(4))
        state.save_case(_case(6))
        await state.stop_writing_behind()

    asyncio.run(scenario())
    reread = TinyStateStore(tmp_path)
    assert [c.ref for c in reread.all_cases("pandorana")] == [f"PAN-{n:06d}" for n in (1, 2, 3, 5, 6)]
    second = reread.store_case("pandorana", "PAN-000002")
    assert second is not None and second.subject == "third version"


def test_a_shard_reopened_while_its_round_is_being_written_is_read_from_that_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    monkeypatch.setattr(tinystore, "OPEN_SHARDS", 1)
    monkeypatch.setattr(tinystore, "CACHED_CASES", 1)
    gate, inside = threading.Event(), threading.Event()
    real = writes.write_all

    def held(files: list[tuple[Path, bytes]]) -> None:
        inside.set()
        gate.wait(10)
        real(files)

    monkeypatch.setattr(writes, "write_all", held)
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        state.save_case(_case(1))
        round_one = asyncio.ensure_future(state.durable())
        await asyncio.to_thread(inside.wait, 10)  # case 1's shard is in the thread now
        state.save_case(_case(25))  # another shard: the first one is closed...
        state.save_case(_case(45))
        found = state.store_case("pandorana", "PAN-000001")  # ...and opened again
        assert found is not None
        state.save_case(dataclasses.replace(found, subject="changed"))
        gate.set()
        await round_one
        await state.stop_writing_behind()

    asyncio.run(scenario())
    again = TinyStateStore(tmp_path).store_case("pandorana", "PAN-000001")
    assert again is not None and again.subject == "changed"


def test_a_document_that_cannot_be_encoded_is_reported_and_stays_queued(tmp_path: Path) -> None:
    state = TinyStateStore(tmp_path)

    async def scenario() -> None:
        state.write_behind()
        state.save_meta("pandorana", "k", "v")
        meta = state._s("pandorana").db(tmp_path / "pandorana" / "meta.json").storage
        assert meta.data is not None
        meta.data["meta"]["x"] = {"bad": object()}  # no JSON for this
        state.save_case(_case(1))
        with pytest.raises(StateError, match="cannot write state"):
            await state.durable()
        del meta.data["meta"]["x"]
        state.save_case(_case(2))  # the next change retries everything still queued
        await state.durable()
        await state.stop_writing_behind()

    asyncio.run(scenario())
    reread = TinyStateStore(tmp_path)
    assert reread.meta("pandorana", "k") == "v"
    assert [c.number for c in reread.all_cases("pandorana")] == [1, 2]


def test_one_store_that_cannot_write_holds_back_only_its_own_changes(tmp_path: Path) -> None:
    state = TinyStateStore(tmp_path)
    other = dataclasses.replace(_case(1), ref="CLT-000001", store_id="cltiktok")

    async def scenario() -> None:
        state.write_behind()
        state.save_case(_case(1))
        state.save_case(other)
        # A file where pandorana's cases folder should be: its writes fail, cltiktok's must not.
        (tmp_path / "pandorana").mkdir(exist_ok=True)
        (tmp_path / "pandorana" / "cases").write_bytes(b"not a folder")
        await state.durable("cltiktok")
        with pytest.raises(StateError, match="cannot write state"):
            await state.durable("pandorana")
        with pytest.raises(StateError, match="cannot write state"):
            await state.durable()  # any store: the failure is still reported
        (tmp_path / "pandorana" / "cases").unlink()
        await state.durable("pandorana")  # what was held is written once the folder can be
        await state.stop_writing_behind()

    asyncio.run(scenario())
    reread = TinyStateStore(tmp_path)
    assert reread.store_case("cltiktok", "CLT-000001") is not None
    assert reread.store_case("pandorana", "PAN-000001") is not None
