"""The local mail stack harness: real Dovecot + SMTP on loopback.

The contract tests run against every SMTP front door this machine supports
(Postfix needs root; the aiosmtpd-LMTP relay runs anywhere), with stdlib
clients, the way a store's staff or customers would talk to the servers.
"""

from __future__ import annotations

import imaplib
import os
import re
import select
import shutil
import smtplib
import ssl
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

import pytest

from mailbot.devstack import (
    DeliveryTimeout,
    MailStack,
    MailStackError,
    MailStackNotInstalled,
    MailStackStartError,
    SmtpKind,
)
from mailbot.devstack import client, stack as stack_module
from mailbot.devstack.configs import check_password
from mailbot.devstack.processes import free_ports
from mailbot.devstack.relay import is_deliverable

ROOT = os.geteuid() == 0
KINDS: list[SmtpKind] = ["postfix", "aiosmtpd-lmtp"] if ROOT else ["aiosmtpd-lmtp"]


def fresh(local: str = "support", domain: str = "pandorana.example") -> str:
    """A mailbox address no other test uses."""
    return f"{local}-{uuid.uuid4().hex[:8]}@{domain}"


def message(sender: str, to: str, subject: str, body: str = "Where is my order?") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{uuid.uuid4().hex}@customer.example>"
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP_POLICY)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.fixture(scope="module", params=KINDS)
def stack(request: pytest.FixtureRequest) -> Iterator[MailStack]:
    with MailStack(smtp=request.param) as running:
        yield running


# -- mail flow ----------------------------------------------------------------


@pytest.mark.mailstack
def test_mail_to_a_fresh_address_arrives_and_reads_back_unchanged(stack: MailStack) -> None:
    to = fresh()
    subject = f"Order {uuid.uuid4().hex[:6]}"
    stack.deliver("ann@customer.example", [to], message("ann@customer.example", to, subject))

    assert stack.wait_for_delivery(to, 1, timeout=10) == 1
    [stored] = stack.fetch_all(to)
    parsed = message_from_bytes(stored.data)
    assert parsed["Subject"] == subject
    assert parsed["Delivered-To"] == to
    assert "Where is my order?" in parsed.get_payload()
    assert "\\Seen" not in stored.flags
    # Reading must not mark it read either.
    assert "\\Seen" not in stack.fetch_all(to)[0].flags


@pytest.mark.mailstack
def test_addresses_do_not_share_mailboxes(stack: MailStack) -> None:
    first, second = fresh(domain="fotoflux.example"), fresh(domain="fotoflux.example")
    stack.deliver("bob@customer.example", [first], message("bob@customer.example", first, "one"))
    stack.wait_for_delivery(first, 1)
    assert stack.fetch_all(second) == []


@pytest.mark.mailstack
def test_wait_for_delivery_is_woken_by_idle(stack: MailStack) -> None:
    to = fresh()
    idling = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting = pool.submit(
            client.wait_for_messages,
            stack.host, stack.imap_port, to, stack.password, 2,
            timeout=10, on_idle=idling.set,
        )
        assert idling.wait(10), "the waiter never entered IDLE"
        # Both messages arrive only after the waiter listens: it must be IDLE that wakes it.
        stack.deliver("cy@customer.example", [to], message("cy@customer.example", to, "1"))
        stack.deliver("cy@customer.example", [to], message("cy@customer.example", to, "2"))
        assert waiting.result(timeout=15) == 2
    assert [m.uid for m in stack.fetch_all(to)] == sorted(m.uid for m in stack.fetch_all(to))


@pytest.mark.mailstack
def test_wait_for_delivery_times_out_on_an_empty_mailbox(stack: MailStack) -> None:
    with pytest.raises(DeliveryTimeout):
        stack.wait_for_delivery(fresh(), 1, timeout=0.3)


@pytest.mark.mailstack
def test_recipients_outside_example_are_refused(stack: MailStack) -> None:
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        stack.deliver("ann@customer.example", ["someone@gmail.com"], b"Subject: x\r\n\r\nx\r\n")


@pytest.mark.mailstack
def test_authenticated_submission_lands_in_the_recipients_mailbox(stack: MailStack) -> None:
    staff, customer = fresh("agent"), fresh("dora", "customer.example")
    stack.deliver(staff, [customer], message(staff, customer, "Re: order"), login=staff, starttls=True)
    stack.wait_for_delivery(customer, 1)
    [stored] = stack.fetch_all(customer)
    assert message_from_bytes(stored.data)["From"] == staff


@pytest.mark.mailstack
def test_every_mailbox_has_sent_resolved_and_escalated(stack: MailStack) -> None:
    user = fresh()
    with client.imap_session(stack.host, stack.imap_port, user, stack.password) as imap:
        typ, listed = imap.list()
        assert typ == "OK"
        typ, subscribed = imap.lsub()
        assert typ == "OK"
    flags_by_name = dict(_parse_list(listed))
    assert {"INBOX", "Sent", "Resolved", "Escalated"} <= flags_by_name.keys()
    assert "\\Sent" in flags_by_name["Sent"]
    assert {"Sent", "Resolved", "Escalated"} <= dict(_parse_list(subscribed)).keys()


def _parse_list(lines: Iterable[object]) -> Iterator[tuple[str, set[str]]]:
    """(name, flags) from LIST/LSUB response lines like ``(\\HasNoChildren \\Sent) "." Sent``."""
    for line in lines:
        assert isinstance(line, bytes)
        match = re.fullmatch(r'\(([^)]*)\) (?:"."|NIL) "?([^"]*)"?', line.decode())
        assert match, line
        yield match.group(2), set(match.group(1).split())


# -- TLS and authentication ---------------------------------------------------


@pytest.mark.mailstack
def test_smtp_starttls_verifies_and_auth_checks_the_password(stack: MailStack) -> None:
    with smtplib.SMTP(stack.host, stack.smtp_port, local_hostname="test.localhost", timeout=10) as smtp:
        smtp.starttls(context=stack.ssl_context())
        smtp.ehlo()
        mechanisms = smtp.esmtp_features["auth"].upper().split()
        assert {"PLAIN", "LOGIN"} <= set(mechanisms)
        # One mechanism per attempt: login() would retry the wrong password with each.
        smtp.user, smtp.password = fresh(), stack.password + "-wrong"
        with pytest.raises(smtplib.SMTPAuthenticationError):
            smtp.auth("PLAIN", smtp.auth_plain)
        smtp.user, smtp.password = fresh(), stack.password
        code, _ = smtp.auth("LOGIN", smtp.auth_login)
        assert code == 235


@pytest.mark.mailstack
def test_smtp_auth_is_also_offered_before_starttls_on_loopback(stack: MailStack) -> None:
    with smtplib.SMTP(stack.host, stack.smtp_port, local_hostname="test.localhost", timeout=10) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("starttls")
        smtp.user, smtp.password = fresh(), stack.password
        code, _ = smtp.auth("PLAIN", smtp.auth_plain)
        assert code == 235


@pytest.mark.mailstack
def test_imap_starttls_and_login(stack: MailStack) -> None:
    imap = imaplib.IMAP4(stack.host, stack.imap_port, timeout=10)
    try:
        imap.starttls(ssl_context=stack.ssl_context())
        with pytest.raises(imaplib.IMAP4.error):
            imap.login(fresh(), "not-" + stack.password)
        typ, _ = imap.login(fresh(), stack.password)
        assert typ == "OK"
    finally:
        imap.logout()


@pytest.mark.mailstack
def test_imaps_verifies_against_ca_file_only(stack: MailStack) -> None:
    with imaplib.IMAP4_SSL(stack.host, stack.imaps_port, ssl_context=stack.ssl_context(), timeout=10) as imap:
        typ, _ = imap.login(fresh(), stack.password)
        assert typ == "OK"
    # Without the stack's CA the certificate must not verify.
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL(stack.host, stack.imaps_port, ssl_context=ssl.create_default_context(), timeout=10)


# -- lifecycle ----------------------------------------------------------------


@pytest.mark.mailstack
@pytest.mark.parametrize("kind", KINDS)
def test_stop_leaves_no_process_and_no_directory(kind: SmtpKind) -> None:
    stack = MailStack(smtp=kind).start()
    base = stack.base_dir
    pids = stack.pids()
    assert len(pids) >= 2  # at least Dovecot's master and the SMTP server
    assert stack.smtp_kind == kind
    stack.stop()
    assert [pid for pid in pids if alive(pid)] == []
    assert not base.exists()
    assert not stack.running
    stack.stop()  # idempotent


def wait_gone(pids: list[int], timeout: float) -> list[int]:
    """Wait (pidfd, no polling) until every pid has exited; return those still alive."""
    deadline = time.monotonic() + timeout
    survivors = []
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                survivors.append(pid)
        finally:
            os.close(fd)
    return survivors


@pytest.mark.mailstack
def test_daemons_die_with_an_owner_killed_without_cleanup() -> None:
    # SIGKILL skips atexit and every finally: only the watchdog can clean up.
    script = (
        "import os, signal\n"
        "from mailbot.devstack import MailStack\n"
        "s = MailStack(smtp=%r).start()\n"
        "print(s.base_dir, *s.pids(), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    ) % KINDS[0]
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == -9, result.stderr
    base, *pids = result.stdout.split()
    try:
        assert len(pids) >= 2
        assert wait_gone([int(pid) for pid in pids], timeout=10) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.mailstack
def test_given_base_dir_is_kept_with_its_logs() -> None:
    base = Path(tempfile.mkdtemp(prefix="mbt", dir="/tmp"))
    try:
        with MailStack(base, smtp="aiosmtpd-lmtp") as running:
            assert running.base_dir == base
        assert "starting up" in (base / "log" / "dovecot.log").read_text()
    finally:
        shutil.rmtree(base)


@pytest.mark.mailstack
def test_start_failure_reports_logs_and_leaves_nothing_running(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        # Every attempt gets the occupied port for IMAP.
        monkeypatch.setattr(
            stack_module, "free_ports", lambda n: [free_ports(n)[0], taken, *free_ports(n - 2)]
        )
        failing = MailStack(smtp="aiosmtpd-lmtp")
        with pytest.raises(MailStackStartError) as raised:
            failing.start()
    report = str(raised.value)
    assert "Address already in use" in report
    assert "--- dovecot.log ---" in report
    assert failing.pids() == []
    assert not failing.running


@pytest.mark.mailstack
def test_missing_dovecot_is_reported_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stack_module, "_SBIN_PATH", "/nonexistent")
    with pytest.raises(MailStackNotInstalled, match="run scripts/test"):
        MailStack().start()


def test_base_dir_too_long_for_unix_sockets_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MailStackError, match="too long"):
        MailStack(tmp_path / ("x" * 90)).start()


def _stage_for_nobody(root: Path) -> str:
    """A world-readable copy, under ``root``, of what the unprivileged run imports.

    The clone and its virtualenv may sit in a directory only root can enter
    (``mktemp -d`` makes one), so ``nobody`` is given a copy instead.
    """
    site = Path(sysconfig.get_paths()["purelib"])
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(Path(__file__).resolve().parents[1] / "mailbot", root / "mailbot", ignore=skip)
    for name in ("aiosmtpd", "public", "attr", "attrs"):  # aiosmtpd and what it needs
        if (site / name).is_dir():
            shutil.copytree(site / name, root / name, ignore=skip)
    for path in (root, *root.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return str(root)


def _unprivileged_python(staged: str) -> tuple[list[str], dict[str, str]] | None:
    """A command prefix running Python as ``nobody`` with ``staged`` importable.

    The interpreter must also be able to spawn itself (the relay runs as
    ``sys.executable``), which a virtualenv under /root does not allow.
    """
    env = {**os.environ, "PYTHONPATH": staged}
    drop = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = (
        "import subprocess, sys, mailbot.devstack\n"
        "subprocess.run([sys.executable, '-c', 'import aiosmtpd'], check=True)\n"
    )
    for candidate in (sys.executable, "/usr/bin/python3"):
        if shutil.which("setpriv") is None or not Path(candidate).exists():
            continue
        result = subprocess.run(
            [*drop, candidate, "-c", probe], capture_output=True, env=env, cwd="/tmp", check=False
        )
        if result.returncode == 0:
            return [*drop, candidate], env
    return None


@pytest.mark.mailstack
@pytest.mark.skipif(not ROOT, reason="without root the whole suite already runs unprivileged")
def test_stack_works_without_root() -> None:
    staged = Path(tempfile.mkdtemp(prefix="mailbot-nobody-", dir="/tmp"))
    try:
        _stack_works_as_nobody(_stage_for_nobody(staged))
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _stack_works_as_nobody(staged: str) -> None:
    found = _unprivileged_python(staged)
    if found is None:
        pytest.skip("no Python interpreter that user nobody can run (Debian: apt-get install python3)")
    command, env = found
    script = (
        "from mailbot.devstack import MailStack\n"
        "with MailStack() as s:\n"
        "    to = 'support-nr@pandorana.example'\n"
        "    s.deliver('ann@customer.example', [to], b'Subject: nr\\r\\n\\r\\nhi\\r\\n')\n"
        "    s.wait_for_delivery(to, 1)\n"
        "    print(s.smtp_kind, s.mail_user, len(s.fetch_all(to)))\n"
    )
    result = subprocess.run(
        [*command, "-c", script], capture_output=True, text=True, timeout=60, cwd="/tmp", env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["aiosmtpd-lmtp", "nobody", "1"]


# -- pure parts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "deliverable"),
    [
        ("support@pandorana.example", True),
        ("Support@Shop.EXAMPLE", True),
        ("a@b.c.example", True),
        ("someone@example", False),
        ("someone@example.com", False),
        ("someone@gmail.com", False),
        ("@x.example", False),
        ("no-at-sign.example", False),
    ],
)
def test_only_example_domains_are_deliverable(address: str, deliverable: bool) -> None:
    assert is_deliverable(address) is deliverable


@pytest.mark.parametrize("password", ["", "has space", "quote'", "x" * 65])
def test_passwords_that_would_break_the_passdb_are_refused(password: str) -> None:
    with pytest.raises(ValueError):
        check_password(password)
