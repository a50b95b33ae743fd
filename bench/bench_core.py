"""Performance of mailbot's core on the real loopback mail stack (Dovecot + Postfix).

    .venv/bin/python bench/bench_core.py            # full run, about 11-12 minutes on 2 cores
    .venv/bin/python bench/bench_core.py --quick    # smoke run: 20 latency mails, 500 backlog, 10k cases
    options: --no-helpdesk, --json FILE, --profile DIR (cProfile of both backlog runs), --keep

Measures, and prints as one table (measure | result | target | peer / floor):

1. Latency, arrival to acknowledgement: the daemon runs (its own process, IDLE
   on all five inboxes); 200 customer mails are sent one at a time over SMTP.
   Each is timed from the moment the SMTP server accepted it (smtplib's
   ``sendmail`` returned) to the moment the acknowledgement was in the
   customer's mailbox (mtime of its Maildir file, found once an IMAP IDLE
   waiter on that mailbox saw it). Dovecot tells IDLE clients about new mail
   about 500 ms after delivery, so at least 0.5 s of the figure is the
   server's. The same wait as an IDLE mail client sees it (another 0.5 s of
   Dovecot) is printed too.
2. A backlog of 5,000 new customer mails (1,000 per store, 5,000 different
   customers, 0.3-4 KB) delivered before the daemon starts; then
   ``mailbot run --once`` in its own process: messages per second over the
   whole process (start, imports, state, connect, every ack sent and filed,
   exit) and its peak RSS (``wait4``). The customers' mailboxes on the local
   Dovecot exist beforehand (see ``open_customer_mailboxes``), as a real
   customer's mailbox does at the customer's provider. Beside it, the floor of the same stack
   measured here: the same 5,000 mails submitted over one SMTP connection,
   and fetched with one ``UID FETCH 1:* BODY.PEEK[]`` per mailbox plus stdlib
   parsing -- the least any system must do to read a mail and answer it; and
   django-helpdesk 2.6.1 ``manage.py get_email`` (SQLite, acknowledgements on)
   on the same 5,000 mails, installed into a throwaway venv under /tmp (if
   that fails, MAILSTACK.md's figure is printed, labelled as such).
3. The same backlog again with 100,000 cases already in state (written as
   the state store's own shard files; a year of history within the retention period, recent cases
   open with their timers running): throughput within 20% of the empty-state
   figure. The start-up cost of loading that state is printed separately.

Exit status: 0 when every target is met, 1 otherwise, 2 when the stack is missing.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import imaplib
import json
import os
import random
import re
import shutil
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from mailbot.config import load_config, parse_config
from mailbot.devstack import MailStack, MailStackNotInstalled
from mailbot.models import ACK_KINDS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core_data import FIRST_NAMES, LAST_NAMES, customer_message, populate_state  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
SHIPPED_CONFIG = PROJECT / "config" / "stores.yaml"
CHILD = Path(__file__).resolve().parent / "bench_core_child.py"
HELPDESK = Path(__file__).resolve().parent / "bench_core_helpdesk.py"
CLIENT_HOSTNAME = "bench.localhost"
# Longer than the worker's fallback wake-up (secondary_poll, 30 s): a late ack is measured, not lost.
ACK_TIMEOUT = 90.0

# MAILSTACK.md, same machine and stack, for when django-helpdesk cannot run here.
HELPDESK_FIGURES = {"rate": 27.0, "rss_mb": 70.0, "cron_avg_s": 31.0, "cron_max_s": 61.0}


@dataclass(frozen=True)
class Sizes:
    latency: int
    backlog: int
    cases: int


FULL = Sizes(latency=200, backlog=5000, cases=100_000)
QUICK = Sizes(latency=20, backlog=500, cases=10_000)


@dataclass
class Results:
    sizes: Sizes
    figures: dict[str, Any] = field(default_factory=dict)


# -- the stores, pointed at the stack --------------------------------------------


def store_config(stack: MailStack, tag: str) -> dict[str, Any]:
    """The five shipped stores with unique addresses on the stack (as tests/support.World does)."""
    raw = yaml.safe_load(SHIPPED_CONFIG.read_text())
    stores = []
    for store in raw["stores"]:
        store = dict(store)
        domain = f"{store['id']}.example"
        store["address"] = f"support-{tag}@{domain}"
        store["admin"] = f"admin-{tag}@{domain}"
        store["staff"] = [f"alex-{tag}@{domain}", f"sam-{tag}@{domain}"]
        store["escalation"] = {role: f"{role}-{tag}@{domain}" for role in store.get("escalation", {})}
        server = {
            "host": stack.host, "username": store["address"], "password": stack.password,
            "ca_file": str(stack.ca_file), "timeout": 30,
        }
        store["imap"] = {**server, "port": stack.imap_port, "security": "starttls", "sent_folder": "Sent"}
        store["smtp"] = {**server, "port": stack.smtp_port, "security": "starttls"}
        stores.append(store)
    return {"templates_dir": str(PROJECT / "templates"), "log_level": raw.get("log_level", "INFO"), "stores": stores}


def write_config(raw: dict[str, Any], path: Path) -> Path:
    # In the shipped order: the daemon fingerprints its policy (timers in file order).
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    parse_config(yaml.safe_load(path.read_text()))  # fail here, not in the child
    return path


def addresses(raw: dict[str, Any]) -> list[str]:
    return [str(s["address"]) for s in raw["stores"]]


# -- the stack side ------------------------------------------------------------------


def smtp_connection(stack: MailStack) -> smtplib.SMTP:
    return smtplib.SMTP(stack.host, stack.smtp_port, local_hostname=CLIENT_HOSTNAME, timeout=60)


def postfix_queue_size(stack: MailStack) -> int:
    spool = stack.base_dir / "postfix" / "spool"
    count = 0
    for name in ("maildrop", "incoming", "active", "deferred", "hold"):
        for _, _, files in os.walk(spool / name):
            count += len(files)
    return count


def wait_queue_empty(stack: MailStack, timeout: float = 300.0) -> float:
    """Wait until Postfix has handed every queued mail to Dovecot; returns seconds waited."""
    start = time.monotonic()
    if stack.smtp_kind != "postfix":
        return 0.0
    while postfix_queue_size(stack) > 0:
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"Postfix queue not empty after {timeout} s")
        time.sleep(0.2)
    return time.monotonic() - start


def imap_login(stack: MailStack, user: str) -> imaplib.IMAP4:
    imap = imaplib.IMAP4(stack.host, stack.imap_port, timeout=60)
    imap.login(user, stack.password)
    return imap


def clear_mailbox(stack: MailStack, user: str, mailbox: str) -> None:
    imap = imap_login(stack, user)
    try:
        typ, data = imap.select(mailbox)
        if typ == "OK" and int(data[0] or 0) > 0:
            imap.uid("STORE", "1:*", "+FLAGS.SILENT", r"(\Deleted)")
            imap.expunge()
    finally:
        imap.logout()


def maildir(stack: MailStack, address: str) -> Path:
    local, _, domain = address.partition("@")
    return stack.base_dir / "mail" / domain / local / "Maildir"


# -- the backlog and the floor ---------------------------------------------------------


@dataclass(frozen=True)
class Mail:
    sender: str
    to: str
    message_id: str
    data: bytes


def make_backlog(raw: dict[str, Any], count: int, tag: str, seed: int = 11) -> list[Mail]:
    """``count`` mails from ``count`` different customers, round robin over the stores."""
    rng = random.Random(seed)
    stores = addresses(raw)
    now = datetime.now(UTC)
    mails = []
    for i in range(count):
        sender = f"b{i}-{tag}@customers.example"
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        mid = f"b{i}.{tag}@customers.example"
        to = stores[i % len(stores)]
        mails.append(Mail(sender, to, mid, customer_message(rng, sender, name, to, mid, now)))
    return mails


def settle(stack: MailStack, raw: dict[str, Any]) -> None:
    """After a run: let Postfix deliver every acknowledgement, and empty the stores' Sent folders."""
    wait_queue_empty(stack)
    for address in addresses(raw):
        clear_mailbox(stack, address, "Sent")


def open_customer_mailboxes(stack: MailStack, mails: Sequence[Mail]) -> None:
    """Deliver one short note to every customer of the backlog, before anything is timed.

    A customer's mailbox would be on the customer's own provider; on this
    stack it is created by Dovecot on the first delivery (a Maildir and its
    indexes). Without this, whichever run first answers 5,000 new customers
    pays for creating 5,000 mailboxes on the same two cores, and the next
    run does not: the empty-state and full-state figures would not compare.
    """
    with smtp_connection(stack) as smtp:
        for mail in mails:
            smtp.sendmail("postmaster@customers.example", [mail.sender],
                          f"From: postmaster@customers.example\r\nTo: {mail.sender}\r\nSubject: welcome\r\n\r\nhello\r\n")
    wait_queue_empty(stack)


def deliver_backlog(stack: MailStack, mails: Sequence[Mail]) -> float:
    """Submit every mail over one SMTP connection; returns the seconds it took."""
    start = time.perf_counter()
    with smtp_connection(stack) as smtp:
        for mail in mails:
            refused = smtp.sendmail(mail.sender, [mail.to], mail.data)
            if refused:
                raise RuntimeError(f"refused: {refused}")
    return time.perf_counter() - start


def bulk_fetch_and_parse(stack: MailStack, stores: Sequence[str]) -> tuple[int, float]:
    """The IMAP floor: per mailbox one UID FETCH 1:* BODY.PEEK[], each mail parsed by the stdlib."""
    start = time.perf_counter()
    total = 0
    for address in stores:
        imap = imap_login(stack, address)
        try:
            imap.select("INBOX", readonly=True)
            typ, data = imap.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
            if typ != "OK":
                raise RuntimeError(f"FETCH failed: {data!r}")
            for item in data:
                if isinstance(item, tuple):
                    msg = email.message_from_bytes(item[1], policy=email.policy.default)
                    body = msg.get_body(preferencelist=("plain", "html"))
                    _ = (msg["From"], msg["Subject"], msg["Message-ID"], body.get_content() if body else "")
                    total += 1
        finally:
            imap.logout()
    return total, time.perf_counter() - start


# -- the daemon in its own process -------------------------------------------------------


@dataclass(frozen=True)
class ChildRun:
    report: dict[str, Any]  # empty when the run failed
    wall: float  # Popen to exit
    maxrss_kb: int  # from wait4
    log: Path
    failure: str = ""
    cpu_s: float = 0.0  # user + system seconds of the daemon process (wait4)
    sys_s: float = 0.0  # of which in the kernel (file writes, sockets)

    def processed_from_log(self) -> int:
        return sum(1 for line in self.log.read_text(errors="replace").splitlines() if "event=case_opened" in line)

    def acks_from_log(self) -> int:
        """Acknowledgements the daemon logged as accepted by SMTP (any of the acknowledging kinds)."""
        names = tuple(f"event={kind}_sent " for kind in ACK_KINDS)
        return sum(1 for line in self.log.read_text(errors="replace").splitlines() if any(n in line for n in names))


# A once-run whose log has not grown for this long is stuck (the state load of
# 100,000 cases logs nothing for about a minute: well below this).
STALL_SECONDS = 150.0


def run_once(
    config: Path, state_dir: Path, work: Path, name: str, profile: Path | None, extra: Sequence[str] = ()
) -> ChildRun:
    """``once`` in its own process; a run that stalls is killed and reported, not waited for."""
    report = work / f"{name}.json"
    log = work / f"{name}.log"
    cmd = [sys.executable, str(CHILD), "once", "--config", str(config), "--state-dir", str(state_dir),
           "--report", str(report), *extra]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    start = time.time()
    failure = ""
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=PROJECT)
        size, grew = -1, time.monotonic()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            now_size = log.stat().st_size
            if now_size != size:
                size, grew = now_size, time.monotonic()
            elif time.monotonic() - grew > STALL_SECONDS:
                failure = f"stalled: no progress for {STALL_SECONDS:.0f} s, killed"
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.time() - start
    if not failure and proc.returncode != 0:
        failure = f"exited {proc.returncode}"
    cpu = usage.ru_utime + usage.ru_stime
    if failure or not report.exists():
        return ChildRun({}, wall, usage.ru_maxrss, log, failure or "no report", cpu, usage.ru_stime)
    data = json.loads(report.read_text())
    data["t_popen"] = start
    return ChildRun(data, wall, usage.ru_maxrss, log, "", cpu, usage.ru_stime)


class Served:
    """The long-running daemon (``serve``), started and stopped by the benchmark."""

    def __init__(self, config: Path, state_dir: Path, work: Path, extra: Sequence[str] = ()) -> None:
        self.report_path = work / "serve.json"
        self.log = work / "serve.log"
        self._err = self.log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "serve", "--config", str(config), "--state-dir", str(state_dir),
             "--report", str(self.report_path), *extra],
            stdout=subprocess.PIPE, stderr=self._err, cwd=PROJECT,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line.strip() != b"READY":
            self.stop()
            raise RuntimeError(f"daemon did not come up: {line!r}; see {self.log}:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> tuple[dict[str, Any], int]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, status, usage = os.wait4(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
            maxrss = usage.ru_maxrss
        except ChildProcessError:
            maxrss = 0
        self._err.close()
        report = json.loads(self.report_path.read_text()) if self.report_path.exists() else {}
        return report, maxrss


# -- latency -------------------------------------------------------------------------


class IdleWaiter:
    """An IMAP IDLE on one mailbox, listening before the mail that will arrive there is sent."""

    _EXISTS = re.compile(rb"^\* (\d+) EXISTS")

    def __init__(self, stack: MailStack, user: str) -> None:
        self.imap = imap_login(stack, user)
        typ, data = self.imap.select("INBOX", readonly=True)
        self.exists = int(data[0] or 0)
        self.tag = b"BENCHIDLE"
        self.imap.send(self.tag + b" IDLE\r\n")
        line = self.imap.readline()
        if not line.startswith(b"+"):
            raise RuntimeError(f"IDLE refused: {line!r}")

    def wait(self, count: int, timeout: float) -> float:
        """Block until the mailbox holds ``count`` mails; returns time.time() when the server said so."""
        deadline = time.monotonic() + timeout
        while self.exists < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no acknowledgement after {timeout} s")
            self.imap.sock.settimeout(remaining)
            line = self.imap.readline()
            if not line:
                raise RuntimeError("IMAP connection closed during IDLE")
            match = self._EXISTS.match(line)
            if match:
                self.exists = int(match.group(1))
        return time.time()

    def close(self) -> None:
        try:
            self.imap.sock.settimeout(5)
            self.imap.send(b"DONE\r\n")
            while not self.imap.readline().startswith(self.tag + b" "):
                pass
            self.imap.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


def _ack_file(stack: MailStack, address: str, in_reply_to: str) -> Path:
    """The acknowledgement's file in the customer's Maildir (checked by its In-Reply-To)."""
    box = maildir(stack, address)
    for sub in ("new", "cur"):
        folder = box / sub
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            head = path.read_bytes().split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
            if f"<{in_reply_to}>".encode() in head:
                return path
    raise RuntimeError(f"no acknowledgement of {in_reply_to} in {box}")


def measure_latency(stack: MailStack, raw: dict[str, Any], count: int, tag: str, progress: Callable[[str], None]) -> dict[str, Any]:
    rng = random.Random(5)
    stores = addresses(raw)
    to_mailbox: list[float] = []
    to_idle_client: list[float] = []
    sent_at: dict[str, float] = {}
    missing: list[str] = []
    with smtp_connection(stack) as smtp:
        for i in range(count):
            customer = f"l{i}-{tag}@customers.example"
            mid = f"l{i}.{tag}@customers.example"
            data = customer_message(rng, customer, "Lena Weber", stores[i % len(stores)], mid, datetime.now(UTC))
            waiter = IdleWaiter(stack, customer)
            try:
                refused = smtp.sendmail(customer, [stores[i % len(stores)]], data)
                accepted = time.time()
                if refused:
                    raise RuntimeError(f"refused: {refused}")
                try:
                    seen = waiter.wait(1, timeout=ACK_TIMEOUT)
                except TimeoutError:
                    missing.append(mid)
                    progress(f"  latency: no acknowledgement of mail {i + 1} after {ACK_TIMEOUT:.0f} s")
                    continue
            finally:
                waiter.close()
            landed = _ack_file(stack, customer, mid).stat().st_mtime
            sent_at[mid] = accepted
            to_mailbox.append(landed - accepted)
            to_idle_client.append(seen - accepted)
            if landed - accepted > 1.0:
                progress(f"  latency: mail {i + 1} acknowledged after {landed - accepted:.1f} s")
            if (i + 1) % 50 == 0:
                progress(f"  latency: {i + 1}/{count}, p50 so far {statistics.median(to_mailbox) * 1000:.0f} ms")
    return {"to_mailbox": to_mailbox, "to_idle_client": to_idle_client, "sent_at": sent_at, "missing": missing}


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    # Nearest rank: with 200 samples p99 is the 198th value, an observed latency.
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


# -- the table ---------------------------------------------------------------------------


def fmt_rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} msg/s"


def print_table(rows: Sequence[tuple[str, str, str, str]]) -> None:
    header = ("measure", "result", "target", "peer / floor")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    print(line)
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print(line)
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    print(line)


# -- main -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20 latency mails, 500 backlog, 10k cases")
    parser.add_argument("--no-helpdesk", action="store_true", help="print MAILSTACK.md's django-helpdesk figure instead")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--profile", type=Path, help="directory for cProfile dumps of the backlog runs")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, state, reports)")
    parser.add_argument("--latency", type=int, help="override the number of latency mails")
    parser.add_argument("--backlog", type=int, help="override the backlog size (a multiple of 5)")
    parser.add_argument("--cases", type=int, help="override the number of cases in state")
    parser.add_argument("--what-if", default="",
                        help="apply fixes from outside, to measure them (no-purge,gc-freeze); not HEAD's figures")
    args = parser.parse_args(argv)
    what_if = ["--what-if", args.what_if] if args.what_if else []
    base = QUICK if args.quick else FULL
    sizes = Sizes(args.latency or base.latency, args.backlog or base.backlog, args.cases or base.cases)
    results = Results(sizes)
    fig = results.figures
    started = time.monotonic()
    fig["commit_at_start"] = commit()

    def say(text: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {text}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="bench-core-", dir="/tmp"))
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    stack = MailStack()
    try:
        stack.start()
    except MailStackNotInstalled as exc:
        print(f"bench_core: {exc}", file=sys.stderr)
        return 2
    try:
        say(f"stack up ({stack.smtp_kind}, IMAP {stack.imap_port}); work dir {work}")
        tag = uuid.uuid4().hex[:6]

        # -- 2. the backlog, and the SMTP half of the floor ----------------------------
        backlog_raw = store_config(stack, f"b{tag}")
        backlog_cfg = write_config(backlog_raw, work / "backlog.yaml")
        mails = make_backlog(backlog_raw, sizes.backlog, tag)
        sizes_kb = sorted(len(m.data) for m in mails)
        fig["backlog_bytes"] = {"min": sizes_kb[0], "median": sizes_kb[len(sizes_kb) // 2], "max": sizes_kb[-1]}
        say(f"backlog: {len(mails)} mails, {sizes_kb[0]}-{sizes_kb[-1]} bytes (median {sizes_kb[len(sizes_kb) // 2]})")
        open_customer_mailboxes(stack, mails)
        say("customers' mailboxes opened (one note each, not timed)")
        smtp_seconds = deliver_backlog(stack, mails)
        fig["floor_smtp_rate"] = len(mails) / smtp_seconds
        say(f"submitted over one SMTP connection in {smtp_seconds:.1f} s ({fig['floor_smtp_rate']:.0f} msg/s)")
        per_store = len(mails) // len(addresses(backlog_raw))
        for address in addresses(backlog_raw):
            stack.wait_for_delivery(address, count=per_store, timeout=600)
        wait_queue_empty(stack)
        say("all delivered")

        # -- the IMAP half of the floor ------------------------------------------------
        fetched, fetch_seconds = bulk_fetch_and_parse(stack, addresses(backlog_raw))
        fig["floor_fetch_rate"] = fetched / fetch_seconds
        fig["floor_rate"] = len(mails) / (fetch_seconds + smtp_seconds)
        say(f"bulk fetch + parse: {fetched} in {fetch_seconds:.1f} s ({fig['floor_fetch_rate']:.0f} msg/s);"
            f" floor fetch+send {fig['floor_rate']:.0f} msg/s")

        # -- 2. mailbot on the backlog, empty state -----------------------------------
        os.sync()
        empty = run_once(backlog_cfg, work / "state-empty", work, "backlog-empty",
                         args.profile / "backlog-empty.prof" if args.profile else None, what_if)
        fig["empty"] = summarize(empty, len(mails))
        say(f"mailbot, empty state: {describe(fig['empty'])}")

        # The second run starts from a new state and must see only the customers' mail.
        settle(stack, backlog_raw)

        # -- 3. the same backlog with N cases in state ----------------------------------
        t0 = time.perf_counter()
        full_state = work / "state-full"
        populate_state(full_state, load_config(backlog_cfg), sizes.cases, datetime.now(UTC))
        os.sync()  # or the first fsync of the run would pay for writing the whole state out
        fig["populate_seconds"] = time.perf_counter() - t0
        fig["state_bytes"] = sum(p.stat().st_size for p in full_state.rglob("*.json"))
        say(f"state with {sizes.cases:,} cases written in {fig['populate_seconds']:.1f} s"
            f" ({fig['state_bytes'] / 1e6:.0f} MB of JSON)")
        loaded = run_once(backlog_cfg, full_state, work, "backlog-full",
                          args.profile / "backlog-full.prof" if args.profile else None, what_if)
        fig["full"] = summarize(loaded, len(mails))
        say(f"mailbot, {sizes.cases:,} cases: {describe(fig['full'])}")
        settle(stack, backlog_raw)

        # -- 1. latency ---------------------------------------------------------------
        latency_raw = store_config(stack, f"l{tag}")
        latency_cfg = write_config(latency_raw, work / "latency.yaml")
        served = Served(latency_cfg, work / "state-latency", work, what_if)
        say(f"daemon serving (IDLE on {len(addresses(latency_raw))} inboxes); sending {sizes.latency} mails one at a time")
        try:
            lat = measure_latency(stack, latency_raw, sizes.latency, tag, say)
        finally:
            serve_report, serve_rss = served.stop()
        fig["latency"] = {
            "p50_ms": percentile(lat["to_mailbox"], 50) * 1000,
            "p99_ms": percentile(lat["to_mailbox"], 99) * 1000,
            "max_ms": max(lat["to_mailbox"]) * 1000,
            "idle_p50_ms": percentile(lat["to_idle_client"], 50) * 1000,
            "idle_p99_ms": percentile(lat["to_idle_client"], 99) * 1000,
            "count": len(lat["to_mailbox"]),
            "missing": len(lat["missing"]),
            "over_1s": sum(1 for v in lat["to_mailbox"] if v > 1.0),
            "processed": serve_report.get("processed"),
            "serve_maxrss_mb": serve_rss / 1024,
        }
        say(f"latency p50 {fig['latency']['p50_ms']:.0f} ms, p99 {fig['latency']['p99_ms']:.0f} ms")

        # -- django-helpdesk on the same backlog (last: it deletes what it imports) ----
        fig["helpdesk"] = None
        if not args.no_helpdesk:
            fig["helpdesk"] = run_helpdesk(stack, backlog_raw, work, len(mails), say)
    finally:
        stack.stop()
        if not args.keep and not args.profile:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work directory kept: {work}")

    fig["elapsed_s"] = time.monotonic() - started
    fig["what_if"] = args.what_if
    fig["commit"] = commit()
    if fig["commit"] != fig["commit_at_start"]:
        fig["commit"] = f"{fig['commit_at_start']} -> {fig['commit']} (CHANGED DURING THE RUN: figures mix both)"
    ok = report(results)
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes.__dict__, **fig}, indent=2, default=str))
    return 0 if ok else 1


def commit() -> str:
    """The code measured: each daemon run imports mailbot afresh from the working tree."""
    return subprocess.run(["git", "-C", str(PROJECT), "describe", "--always", "--dirty"],
                          capture_output=True, text=True, check=False).stdout.strip()


def summarize(run: ChildRun, count: int) -> dict[str, Any]:
    r = run.report
    if run.failure:
        return {"failure": run.failure, "processed": run.processed_from_log(), "wall_s": run.wall,
                "maxrss_mb": run.maxrss_kb / 1024, "log": str(run.log)}
    return {
        "failure": "",
        "rate": count / run.wall,  # the whole process: what an operator waits for
        "run_rate": count / (r["t_done"] - r["t_run"]),  # from the run starting: state already in memory
        # First to last mail processed: without start-up, connecting, and the
        # retention purge that a once-run does at its end.
        "proc_rate": r["processed"] / max(1e-9, r["t_last"] - r["t_run"]),
        "tail_s": r["t_done"] - r["t_last"],
        "wall_s": run.wall,
        "load_s": r["t_loaded"] - r["t_imported"],
        "start_s": r["t_imported"] - r["t_popen"],
        "run_s": r["t_done"] - r["t_run"],
        "maxrss_mb": run.maxrss_kb / 1024,
        "cpu_s": run.cpu_s,  # close to wall_s: the daemon is CPU-bound (one thread)
        "sys_s": run.sys_s,
        "rss_after_load_mb": r["rss_after_load_kb"] / 1024,
        "processed": r["processed"],
        "acks_sent": run.acks_from_log(),
        "actions": r["actions"],
        "cases_at_start": sum(r["cases_at_start"].values()),
        "gc_s": sum(r["gc_seconds"]),
        "gc_full_s": r["gc_seconds"][2],
        "gc_full_collections": r["gc_collections"][2],
        "marks": r["marks"],
    }


def describe(run: dict[str, Any]) -> str:
    if run["failure"]:
        return f"FAILED ({run['failure']}) after {run['processed']} processed, {run['wall_s']:.0f} s; log {run['log']}"
    return (f"{run['rate']:.0f} msg/s over {run['wall_s']:.1f} s (load {run['load_s']:.1f} s, run {run['run_s']:.1f} s),"
            f" peak RSS {run['maxrss_mb']:.0f} MB, processed {run['processed']}, acks {run['acks_sent']},"
            f" CPU {run['cpu_s']:.0f} s (kernel {run['sys_s']:.0f} s), GC {run['gc_s']:.1f} s")


def run_helpdesk(stack: MailStack, raw: dict[str, Any], work: Path, count: int, say: Callable[[str], None]) -> dict[str, Any] | None:
    cmd = [sys.executable, str(HELPDESK), "--work", str(work / "helpdesk"), "--imap-port", str(stack.imap_port),
           "--smtp-port", str(stack.smtp_port), "--password", stack.password, "--expect", str(count),
           *addresses(raw)]
    say("django-helpdesk get_email on the same backlog (venv under /tmp)")
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        say(f"django-helpdesk not measured ({result.returncode}): {result.stderr.strip()[-500:]}")
        return None
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    say(f"django-helpdesk: {figures['rate']:.1f} msg/s, {figures['tickets']} tickets,"
        f" peak RSS {figures['maxrss_mb']:.0f} MB")
    return figures


def report(results: Results) -> bool:
    s, fig = results.sizes, results.figures
    lat, empty, full, hd = fig["latency"], fig["empty"], fig["full"], fig["helpdesk"]
    both = not empty["failure"] and not full["failure"]
    ratio = full["run_rate"] / empty["run_rate"] if both else 0.0
    checks = {
        "latency": lat["p99_ms"] < 1000,
        "rate": not empty["failure"] and empty["rate"] >= 100,
        "rss": not empty["failure"] and empty["maxrss_mb"] < 200,
        "state": both and ratio >= 0.8,
        "complete": both and empty["processed"] == s.backlog and full["processed"] == s.backlog and lat["missing"] == 0,
    }

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    def failed(run: dict[str, Any]) -> str:
        return f"FAILED: {run['failure']}, {run['processed']} of {s.backlog} processed"

    if hd is not None:
        hd_rate = f"django-helpdesk get_email {hd['rate']:.1f} msg/s, {hd['tickets']} tickets (measured here)"
        hd_rss = f"django-helpdesk {hd['maxrss_mb']:.0f} MB (measured here)"
    else:
        hd_rate = f"django-helpdesk ~{HELPDESK_FIGURES['rate']:.0f} msg/s (measured separately, MAILSTACK.md)"
        hd_rss = f"django-helpdesk {HELPDESK_FIGURES['rss_mb']:.0f} MB (measured separately, MAILSTACK.md)"
    floor = f"floor {fmt_rate(fig['floor_rate'])} (FETCH+parse, then SMTP; measured here)"
    parts = f"floor parts: SMTP 1 conn {fmt_rate(fig['floor_smtp_rate'])}, FETCH 1:* + parse {fmt_rate(fig['floor_fetch_rate'])}"
    rows = [
        (f"latency p50, SMTP accepted -> ack in mailbox ({lat['count']} mails, IDLE)", f"{lat['p50_ms']:.0f} ms", "-",
         f"django-helpdesk from cron: ~{HELPDESK_FIGURES['cron_avg_s']:.0f} s avg (MAILSTACK.md)"),
        ("latency p99", f"{lat['p99_ms']:.0f} ms  [{mark(checks['latency'])}]", "< 1,000 ms (Dovecot IDLE: ~500)",
         "peers poll every 30 s - 5 min"),
        ("  max; acks later than 1 s; never acked", f"{lat['max_ms']:.0f} ms; {lat['over_1s']}; {lat['missing']}", "-",
         f"django-helpdesk cron: {HELPDESK_FIGURES['cron_max_s']:.0f} s worst"),
        ("  as an IDLE mail client sees it (p50 / p99)", f"{lat['idle_p50_ms']:.0f} / {lat['idle_p99_ms']:.0f} ms",
         "-", "+ Dovecot's ~500 ms to the client"),
    ]
    if empty["failure"]:
        rows += [(f"backlog {s.backlog:,} new, empty state", f"{failed(empty)}  [MISSED]", ">= 100 msg/s (2 cores)", floor),
                 ("  compared with", "", "", hd_rate)]
    else:
        rows += [
            (f"backlog {s.backlog:,} new, empty state: whole process", f"{fmt_rate(empty['rate'])}  [{mark(checks['rate'])}]",
             ">= 100 msg/s (2 cores)", floor),
            ("  of which start-up / run", f"{empty['start_s'] + empty['load_s']:.1f} s / {empty['run_s']:.1f} s", "-", parts),
            ("  peak RSS", f"{empty['maxrss_mb']:.0f} MB  [{mark(checks['rss'])}]", "< 200 MB", hd_rss),
            ("  compared with", "", "", hd_rate),
        ]
    label = f"same backlog, {s.cases:,} cases in state"
    if full["failure"]:
        rows.append((label, f"{failed(full)}  [MISSED]", ">= 80% of empty state", "-"))
    else:
        whole = f" ({full['rate'] / empty['rate']:.0%} of empty)" if not empty["failure"] else ""
        versus = f" ({ratio:.0%} of {fmt_rate(empty['run_rate'])})" if both else ""
        rows += [
            (f"{label}: run phase", f"{fmt_rate(full['run_rate'])}{versus}  [{mark(checks['state'])}]",
             ">= 80% of empty state", "-"),
            ("  whole process (incl. loading state)", f"{fmt_rate(full['rate'])}{whole}", "-", "-"),
            ("  mails only (run start to last mail); after the last mail",
             f"{fmt_rate(full['proc_rate'])}; {full['tail_s']:.1f} s",
             "-", f"empty state: {fmt_rate(empty['proc_rate'])}; {empty['tail_s']:.1f} s" if not empty["failure"] else "-"),
            ("  loading state at start", f"{full['load_s']:.1f} s, RSS {full['rss_after_load_mb']:.0f} MB", "-",
             f"{fig['state_bytes'] / 1e6:.0f} MB of JSON on disk"),
            ("  peak RSS; time in GC", f"{full['maxrss_mb']:.0f} MB; {full['gc_s']:.1f} s", "-",
             f"empty state: GC {empty['gc_s']:.1f} s" if not empty["failure"] else "-"),
        ]
    acks = "+".join(str(r.get("acks_sent", "-")) for r in (empty, full))
    rows.append(("every mail processed, every ack sent",
                 f"{empty['processed']}+{full['processed']}+{lat['count']}, acks {acks}  [{mark(checks['complete'])}]",
                 f"{s.backlog}+{s.backlog}+{s.latency}", "-"))
    print()
    print(f"mailbot core benchmark -- commit {fig['commit']}, {os.cpu_count()} cores, Dovecot + Postfix on loopback, "
          f"{s.backlog:,} backlog / {s.cases:,} cases / {s.latency} latency mails; {fig['elapsed_s'] / 60:.1f} min")
    if fig["what_if"]:
        print(f"WHAT-IF RUN: fixes applied from outside the daemon: {fig['what_if']} (not the figures of the code as committed)")
    print_table(rows)
    print("command: .venv/bin/python bench/bench_core.py" + ("" if s == FULL else "  (sizes differ from the full run)")
          + (f" --what-if {fig['what_if']}" if fig["what_if"] else ""))
    return all(checks.values())


if __name__ == "__main__":
    sys.exit(main())
