"""Pure pieces of the core: rules, threading, commands and their trust, MIME
composition, configuration errors, and the worker's set-aside path."""

from __future__ import annotations

import asyncio
import email.policy
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.commands import Verb, check_trust, parse_commands
from mailbot.config import parse_config
from mailbot.errors import ConfigError
from mailbot.models import Address, Case, CaseMessage, CaseStatus, RawMessage
from mailbot.outbound.compose import Envelope, compose, header_safe
from mailbot.outbox import Renderer
from mailbot.parsing import parse_message
from mailbot.state import TinyStateStore
from mailbot.threader import find_case
from mailbot.understanding import understand
from mailbot.worker import StoreWorker

from .support import customer_mail, shipped_stores

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _case(ref: str = "PAN-000007", customer: str = "ann@customers.example", mid: str = "m1@customers.example") -> Case:
    return Case(
        ref=ref, number=7, store_id="pandorana", customer=Address("Ann", customer), subject="Ring",
        status=CaseStatus.ACKNOWLEDGED, opened_at=NOW, updated_at=NOW,
        messages=(CaseMessage(mid, "customer", NOW, customer),),
    )


def _msg(**kw: Any) -> Any:
    return parse_message(customer_mail(**kw).as_bytes())


# -- threading -----------------------------------------------------------------


def test_a_reply_naming_any_message_of_a_case_joins_it() -> None:
    case = _case()
    msg = _msg(sender="ann@customers.example", to="s@pandorana.example", subject="Re: Ring", references=["<m1@customers.example>"])
    match = find_case(msg, "PAN", lambda mid: case if mid == "m1@customers.example" else None, lambda ref: None)
    assert match.case is case and match.reason.startswith("thread:header")


def test_a_case_reference_joins_only_for_a_participant() -> None:
    case = _case()
    by_ref = {case.ref: case}.get
    ann = _msg(sender="ann@customers.example", to="s@pandorana.example", subject="About [PAN-000007]")
    eve = _msg(sender="eve@customers.example", to="s@pandorana.example", subject="About [PAN-000007]")
    assert find_case(ann, "PAN", lambda m: None, by_ref).case is case
    stranger = find_case(eve, "PAN", lambda m: None, by_ref)
    assert stranger.case is None and "non-participant" in stranger.reason


# -- commands and trust --------------------------------------------------------


def test_commands_are_read_one_per_line_until_the_quoted_part() -> None:
    parsed = parse_commands("#resolved\n#assign Sam\n#note called the courier\n#bogus\n#assign\n> #pending\n")
    assert [c.verb for c in parsed.commands] == [Verb.RESOLVED, Verb.ASSIGN, Verb.NOTE]
    assert parsed.commands[1].argument == "Sam"
    assert parsed.rejected == ("#bogus", "#assign")


def test_a_command_from_a_stranger_is_never_trusted() -> None:
    msg = _msg(sender="eve@customers.example", to="s@pandorana.example", subject="[PAN-000007]", body="#resolved")
    trust = check_trust(msg, allowed_senders=frozenset({"s@pandorana.example"}), checks=("sent_folder",), authserv_id=None, in_sent_folder=True)
    assert not trust.trusted


def test_a_forged_staff_address_needs_the_stores_own_authentication_results() -> None:
    staff = "alex@pandorana.example"
    allowed = frozenset({staff})
    forged = _msg(sender=staff, to="s@pandorana.example", subject="[PAN-000007]", body="#resolved",
                  headers={"Authentication-Results": "mx.attacker.example; dkim=pass header.d=pandorana.example"})
    genuine = _msg(sender=staff, to="s@pandorana.example", subject="[PAN-000007]", body="#resolved",
                   headers={"Authentication-Results": "mx.pandorana.example; spf=pass smtp.mailfrom=pandorana.example"})
    kw: dict[str, Any] = {"allowed_senders": allowed, "checks": ("auth_results",), "authserv_id": "mx.pandorana.example", "in_sent_folder": False}
    assert not check_trust(forged, **kw).trusted
    assert check_trust(genuine, **kw).trusted


# -- composition ---------------------------------------------------------------


def test_customer_text_cannot_add_a_header() -> None:
    data = compose(
        Envelope("x.PAN-000001@pandorana.example", "Pandorana", "s@pandorana.example", ("ann@customers.example",), NOW,
                 in_reply_to="m1@customers.example"),
        "Re: hello\r\nBcc: victim@example.com [PAN-000001]", "text", "<p>html</p>",
    )
    message = message_from_bytes(data)
    assert message.get_all("Bcc") is None
    assert "victim@example.com" in str(message["Subject"])
    assert message["Auto-Submitted"] == "auto-replied" and message["X-Auto-Response-Suppress"] == "All"


_PRINTABLE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)
# Header text as people type it, plus the line breaks an attacker would add.
_ONE_LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from(["\r", "\n", "\t"]), max_size=120)


@settings(max_examples=150, deadline=None)
@given(subject=_ONE_LINE, name=_ONE_LINE, text=_PRINTABLE, html=_PRINTABLE,
       refs=st.lists(st.from_regex(r"[a-z0-9.]{1,30}@[a-z]{1,20}\.example", fullmatch=True), max_size=25, unique=True))
def test_composed_mail_reads_back_as_written(subject: str, name: str, text: str, html: str, refs: list[str]) -> None:
    """Whatever the text, a standard parser reads back the same headers and parts, and no line is too long."""
    envelope = Envelope("x.PAN-000001@pandorana.example", name, "s@pandorana.example", ("ann@customers.example",), NOW,
                        in_reply_to=refs[-1] if refs else None, references=tuple(refs), case_ref="PAN-000001")
    data = compose(envelope, subject, text, html)
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF line ends only
    message = message_from_bytes(data, policy=email.policy.default)
    assert not message.defects
    assert message["Subject"] == header_safe(subject)
    assert message["From"].addresses[0].addr_spec == "s@pandorana.example"
    assert message["X-Mailbot-Case"] == "PAN-000001" and message["Auto-Submitted"] == "auto-replied"
    assert message["Message-ID"] == "<x.PAN-000001@pandorana.example>"
    if refs:
        assert message["In-Reply-To"] == f"<{refs[-1]}>"
        assert message["References"].split()[-1] == f"<{refs[-1]}>"

    def body(part: Any) -> str:
        return str(part.get_content()).replace("\r\n", "\n")

    expected_text = text.replace("\r\n", "\n").replace("\r", "\n")
    expected_text = expected_text if expected_text.endswith("\n") else expected_text + "\n"
    if html:
        plain, rich = message.iter_parts()
        assert message.get_content_type() == "multipart/alternative"
        assert body(rich) == html.replace("\r\n", "\n").replace("\r", "\n")
        assert rich.get_content_type() == "text/html" and not rich.defects
    else:
        plain = message
    assert plain.get_content_type() == "text/plain" and not plain.defects
    assert body(plain) == expected_text


# -- configuration -------------------------------------------------------------


def test_every_config_problem_is_listed_with_its_path() -> None:
    stores = shipped_stores()[:2]
    stores[0] = {**stores[0], "imap": {**stores[0]["imap"], "port": "imap", "password": "x"}, "smtp": {**stores[0]["smtp"], "password": "x"}}
    stores[1] = {**stores[1], "timezone": "Nowhere/Town", "staff": ["not-an-address"], "imap": {**stores[1]["imap"], "password": "x"},
                 "smtp": {**stores[1]["smtp"], "password": "x"}}
    with pytest.raises(ConfigError) as caught:
        parse_config({"stores": stores})
    assert "stores[0].imap.port: must be an integer" in caught.value.problems
    assert "stores[1].timezone: unknown timezone 'Nowhere/Town'" in caught.value.problems
    assert "stores[1].staff: not an email address: 'not-an-address'" in caught.value.problems
    assert len([p for p in caught.value.problems if "Nowhere" in p]) == 1  # reported once, where the admin wrote it


def test_secrets_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    store = shipped_stores()[1]
    with pytest.raises(ConfigError) as caught:
        parse_config({"stores": [store]})
    assert "stores[0].imap.password: environment variable PANDORANA_IMAP_PASSWORD is not set" in caught.value.problems
    monkeypatch.setenv("PANDORANA_IMAP_PASSWORD", "s3cret")
    monkeypatch.setenv("PANDORANA_SMTP_PASSWORD", "s3cret")
    assert parse_config({"stores": [store]}).stores[0].imap.password == "s3cret"


# -- the worker's failure path -------------------------------------------------


class _Explodes(Renderer):
    def render(self, store_id: str, kind: str, language: str, context: dict[str, object]) -> tuple[str, str, str]:
        if "boom" in str(context.get("subject")):
            raise RuntimeError("renderer bug")
        return "Re: ok", "text", "<p>html</p>"


class _HeldSmtp:
    """An SMTP server that accepts a mail only when the test says so."""

    connections = 1

    def __init__(self) -> None:
        self.accept = asyncio.Event()
        self.sending = asyncio.Event()
        self.sent: list[bytes] = []

    async def send(self, sender: str, recipients: object, data: bytes) -> None:
        self.sending.set()
        await self.accept.wait()
        self.sent.append(data)

    async def close(self) -> None:
        pass


@dataclass
class _Desk:
    """Pandorana's worker on fresh state, without servers: its SMTP accepts only when told."""

    worker: StoreWorker
    state: TinyStateStore
    smtp: _HeldSmtp

    def inbound(self, uid: int, sender: str | None = None, **mail: Any) -> RawMessage:
        data = customer_mail(sender or f"c{uid}@customers.example", self.worker.store.address, **mail).as_bytes()
        return RawMessage("pandorana", "INBOX", 1, uid, data, NOW)

    def answer_and_file(self, imap: object, questions: int) -> None:
        """``questions`` customers write; every acknowledgement is accepted by SMTP, then filed through ``imap``."""
        self.smtp.accept.set()
        self.worker.outbox.imap = imap  # type: ignore[assignment]

        async def scenario() -> None:
            for uid in range(1, questions + 1):
                await self.worker.process(self.inbound(uid, subject=f"q {uid}"))
            await self.worker.outbox.finish()

        asyncio.run(scenario())


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> _Desk:
    monkeypatch.setenv("PANDORANA_IMAP_PASSWORD", "x")
    monkeypatch.setenv("PANDORANA_SMTP_PASSWORD", "x")
    config = parse_config({"stores": [shipped_stores()[1]]}).stores[0]
    state = TinyStateStore(tmp_path)
    worker = StoreWorker(config, state, _Explodes(), understand, lambda: NOW)
    smtp = _HeldSmtp()
    worker.outbox.smtp = smtp  # type: ignore[assignment]
    return _Desk(worker, state, smtp)


def test_a_message_that_breaks_the_pipeline_is_set_aside_and_the_next_one_flows(desk: _Desk, tmp_path: Path) -> None:
    async def scenario() -> None:
        assert await desk.worker.process(desk.inbound(1, subject="boom")) is None
        decision = await desk.worker.process(desk.inbound(2, subject="fine"))
        assert decision is not None and decision.opens_case

    asyncio.run(scenario())
    assert list((tmp_path / "pandorana" / "set-aside").iterdir())[0].name == "INBOX-1-1.eml"
    assert desk.state.is_known_message("pandorana", "uid:INBOX:1:1")
    [case] = desk.state.all_cases("pandorana")
    assert case.customer.email == "c2@customers.example"


def test_a_reply_processed_while_the_ack_is_being_sent_is_kept(desk: _Desk) -> None:
    """Mail is sent beside the processing of the next batch: neither may undo the other."""
    ann = "ann@customers.example"

    async def scenario() -> None:
        first = desk.inbound(1, ann, subject="Where is my ring?")
        opened = await desk.worker.process(first)
        assert opened is not None and opened.opens_case
        sending = asyncio.create_task(desk.worker.outbox.finish())
        await desk.smtp.sending.wait()  # the acknowledgement is with the SMTP server
        first_id = message_from_bytes(first.data)["Message-ID"]
        threaded = await desk.worker.process(desk.inbound(2, ann, subject="Re: Where is my ring?", in_reply_to=first_id))
        assert threaded is not None and threaded.action.value == "customer_reply"
        desk.smtp.accept.set()
        await sending

    asyncio.run(scenario())
    [case] = desk.state.all_cases("pandorana")
    assert len(case.messages) == 2  # the reply stayed
    assert [o.state.value for o in case.outbox] == ["sent"] and len(desk.smtp.sent) == 1  # and so did the sent ack
    assert case.status is CaseStatus.ACKNOWLEDGED


def test_processing_waits_while_too_many_mails_wait_to_be_sent(desk: _Desk) -> None:
    """A backlog is read no faster than it is answered: at most SEND_AHEAD mails wait for SMTP."""
    from mailbot.worker import SEND_AHEAD

    worker = desk.worker

    async def scenario() -> None:
        for uid in range(1, SEND_AHEAD + 3):
            await worker.process(desk.inbound(uid, subject=f"question {uid}"))
        assert worker.outbox.untried() == SEND_AHEAD + 2
        pacing = asyncio.create_task(worker._keep_pace())
        await desk.smtp.sending.wait()  # the sender started on the first mail...
        assert not pacing.done()  # ...and processing waits for it
        desk.smtp.accept.set()
        await pacing
        assert worker.outbox.untried() <= SEND_AHEAD
        await worker._all_sent()
        assert len(desk.smtp.sent) == SEND_AHEAD + 2

    asyncio.run(scenario())


def test_mail_meant_for_a_message_that_then_failed_is_forgotten(desk: _Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, case: Case) -> None:
        raise RuntimeError("planning bug")

    monkeypatch.setattr(type(desk.worker.promises), "next_firing", broken)  # fails after the ack was made, before the save
    assert asyncio.run(desk.worker.process(desk.inbound(1))) is None  # set aside
    assert desk.worker.outbox.untried() == 0  # nothing waits to be sent for a case that does not exist


class _BusySmtp(_HeldSmtp):
    """Holds every mail until told, and counts how many it holds at once."""

    connections = 3

    def __init__(self) -> None:
        super().__init__()
        self.holding = 0
        self.most = 0
        self.full = asyncio.Event()

    async def send(self, sender: str, recipients: object, data: bytes) -> None:
        self.holding += 1
        self.most = max(self.most, self.holding)
        if self.holding == self.connections:
            self.full.set()
        try:
            await super().send(sender, recipients, data)
        finally:
            self.holding -= 1


def test_a_store_sends_as_many_mails_at_once_as_it_has_connections_and_no_more(desk: _Desk) -> None:
    smtp = _BusySmtp()
    desk.worker.outbox.smtp = smtp  # type: ignore[assignment]

    async def scenario() -> None:
        for uid in range(1, 8):
            await desk.worker.process(desk.inbound(uid, subject=f"q {uid}"))
        sending = asyncio.create_task(desk.worker.outbox.finish())
        await smtp.full.wait()
        await desk.worker.process(desk.inbound(8, subject="q 8"))  # arrives while the round runs: sent by it too
        smtp.accept.set()
        await sending

    asyncio.run(scenario())
    assert smtp.most == 3 and len(smtp.sent) == 8
    assert all(o.state.value == "sent" for c in desk.state.all_cases("pandorana") for o in c.outbox)


class _FailsOnce(_BusySmtp):
    """Holds mail like _BusySmtp, but the mail to broken@ makes the client itself raise."""

    def __init__(self) -> None:
        super().__init__()
        self.failed = asyncio.Event()

    async def send(self, sender: str, recipients: object, data: bytes) -> None:
        if "broken@customers.example" in recipients:  # type: ignore[operator]
            self.failed.set()
            raise RuntimeError("client bug")
        await super().send(sender, recipients, data)


def test_a_send_that_breaks_does_not_cut_short_the_mails_on_the_other_connections(desk: _Desk) -> None:
    """Cancelled between the server's 250 and its record, a mail would be sent again later."""
    smtp = _FailsOnce()
    desk.worker.outbox.smtp = smtp  # type: ignore[assignment]

    async def scenario() -> None:
        for uid in range(1, 5):
            await desk.worker.process(desk.inbound(uid, "broken@customers.example" if uid == 3 else None, subject=f"q {uid}"))
        sending = asyncio.create_task(desk.worker.outbox.finish())
        await smtp.failed.wait()  # the failing lane has halted the round by now: nothing awaits between its raise and that
        smtp.accept.set()
        with pytest.raises(RuntimeError, match="client bug"):
            await sending

    asyncio.run(scenario())
    states = {c.subject: [o.state.value for o in c.outbox] for c in desk.state.all_cases("pandorana")}
    assert states["q 1"] == ["sent"] and states["q 2"] == ["sent"]  # in hand when the third broke: finished
    assert states["q 3"] == ["pending"] and states["q 4"] == ["pending"]  # not taken after the failure
    assert len(smtp.sent) == 2


def test_a_closing_connection_finishes_the_mail_in_hand_and_takes_no_more(desk: _Desk) -> None:
    async def scenario() -> None:
        for uid in range(1, 4):
            await desk.worker.process(desk.inbound(uid, subject=f"q {uid}"))
        sending = asyncio.create_task(desk.worker.outbox.finish())
        await desk.smtp.sending.wait()
        desk.worker.outbox.hold()  # as the worker does when its servers go away
        desk.smtp.accept.set()
        await sending

    asyncio.run(scenario())
    assert len(desk.smtp.sent) == 1
    assert sorted(o.state.value for c in desk.state.all_cases("pandorana") for o in c.outbox) == ["pending", "pending", "sent"]


def test_an_address_the_smtp_client_will_not_write_fails_that_mail_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from mailbot.config import SmtpConfig
    from mailbot.errors import SmtpPermanentError
    from mailbot.outbound.smtp import SmtpSender

    class Connection:
        is_connected = True

        async def sendmail(self, sender: str, recipients: list[str], data: bytes) -> tuple[dict[str, object], str]:
            raise ValueError("Address contains prohibited characters")

    async def connect(self: SmtpSender) -> Connection:
        return Connection()

    monkeypatch.setattr(SmtpSender, "_connect", connect)
    sender = SmtpSender(SmtpConfig(host="smtp.example", port=587))
    with pytest.raises(SmtpPermanentError, match="c d@example.com"):
        asyncio.run(sender.send("a@x.example", ["c d@example.com"], b"mail"))


class _OneByOneImap:
    """A server without MULTIAPPEND whose third APPEND fails."""

    def __init__(self) -> None:
        self.stored: list[bytes] = []

    def can_append_many(self) -> bool:
        return False

    async def append_many(self, mailbox: str, messages: list[tuple[bytes, object]]) -> None:
        from mailbot.errors import ImapError

        for data, _ in messages:
            if len(self.stored) == 2:
                raise ImapError("APPEND Sent: NO [OVERQUOTA] Quota exceeded")
            self.stored.append(data)


def test_without_multiappend_each_copy_filed_is_recorded_before_the_next(desk: _Desk) -> None:
    """A failure halfway must not make the copies already in Sent be filed again."""
    imap = _OneByOneImap()
    desk.answer_and_file(imap, 5)
    filed = [o.filed for c in desk.state.all_cases("pandorana") for o in c.outbox]
    assert len(imap.stored) == 2 and filed.count(True) == 2 and len(filed) == 5


def test_the_smtp_connections_are_opened_once_and_shared_by_the_sends(monkeypatch: pytest.MonkeyPatch) -> None:
    from mailbot.config import SmtpConfig
    from mailbot.outbound.smtp import SmtpSender

    release, both_busy = asyncio.Event(), asyncio.Event()
    opened: list[object] = []
    busy = 0

    class Connection:
        is_connected = True

        async def sendmail(self, sender: str, recipients: list[str], data: bytes) -> tuple[dict[str, object], str]:
            nonlocal busy
            busy += 1
            if busy == 2:
                both_busy.set()
            await release.wait()
            busy -= 1
            return {}, "queued"

    async def connect(self: SmtpSender) -> Connection:
        opened.append(Connection())
        return opened[-1]  # type: ignore[return-value]

    monkeypatch.setattr(SmtpSender, "_connect", connect)

    async def scenario() -> None:
        sender = SmtpSender(SmtpConfig(host="smtp.example", port=587, connections=2))
        first = [asyncio.create_task(sender.send("a@x.example", ["b@y.example"], b"mail")) for _ in range(3)]
        await both_busy.wait()
        assert len(opened) == 2 and not first[2].done()  # the third mail waits for a free connection
        release.set()
        await asyncio.gather(*first)
        await asyncio.gather(*(sender.send("a@x.example", ["b@y.example"], b"mail") for _ in range(4)))

    asyncio.run(scenario())
    assert len(opened) == 2


class _RefusingImap:
    def __init__(self) -> None:
        self.appends = 0

    def can_append_many(self) -> bool:
        return True

    async def append_many(self, mailbox: str, messages: object) -> None:
        from mailbot.errors import ImapError

        self.appends += 1
        raise ImapError("APPEND Sent: NO [TRYCREATE] Mailbox doesn't exist")


def test_a_sent_folder_that_refuses_copies_is_not_tried_again_for_every_mail(desk: _Desk) -> None:
    imap = _RefusingImap()
    desk.answer_and_file(imap, 5)
    state = desk.state
    assert len(desk.smtp.sent) == 5 and imap.appends == 1  # all sent; filing paused after the first refusal
    assert all(o.state.value == "sent" and not o.filed for c in state.all_cases("pandorana") for o in c.outbox)
    assert state.unfinished("pandorana") == {c.ref for c in state.all_cases("pandorana")}  # filed later


def test_state_written_with_another_shard_size_is_still_read_and_updated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from mailbot.state import tinystore

    monkeypatch.setattr(tinystore, "CASES_PER_SHARD", 50)
    old = TinyStateStore(tmp_path)
    for n in range(1, 121):
        old.save_case(dataclasses.replace(_case(ref=f"PAN-{n:06d}", mid=f"m{n}@customers.example"), number=n))
    monkeypatch.setattr(tinystore, "CASES_PER_SHARD", 20)
    new = TinyStateStore(tmp_path)
    found = new.store_case("pandorana", "PAN-000110")
    assert found is not None and found.number == 110
    new.save_case(dataclasses.replace(found, subject="changed"))
    again = TinyStateStore(tmp_path).store_case("pandorana", "PAN-000110")
    assert again is not None and again.subject == "changed"
    assert len(list(TinyStateStore(tmp_path).all_cases("pandorana"))) == 120


def test_the_policy_fingerprint_ignores_the_order_of_keys_and_timers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANDORANA_IMAP_PASSWORD", "x")
    monkeypatch.setenv("PANDORANA_SMTP_PASSWORD", "x")
    store = shipped_stores()[1]
    shuffled = dict(store)
    shuffled["policy"] = {**store["policy"], "timers": dict(reversed(list(store["policy"]["timers"].items())))}
    prints = []
    for raw in (store, shuffled):
        config = parse_config({"stores": [raw]}).stores[0]
        prints.append(StoreWorker(config, TinyStateStore(tmp_path / str(len(prints))), _Explodes(), understand, lambda: NOW).policy_fingerprint())
    assert prints[0] == prints[1]
