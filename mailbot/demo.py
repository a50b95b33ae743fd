"""``python -m mailbot.demo``: watch mailbot work on a local mail stack.

Starts Dovecot and an SMTP server on loopback (mailbot.devstack), points the
five shipped stores at it, runs the daemon, and drops sample customer mail
into the stores' inboxes one by one: new questions in several languages, a
reply in an existing thread, an out-of-office auto-reply and a bounce (which
must get no answer). It prints each acknowledgement as the customer receives
it, then the open cases, and stops (or keeps serving with ``--serve``).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import yaml

from . import logs
from .clock import Clock
from .config import parse_config
from .daemon import Daemon
from .devstack import MailStack
from .status import format_status

PROJECT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sample:
    store: str
    customer: str
    subject: str
    body: str
    headers: tuple[tuple[str, str], ...] = ()
    expect_ack: bool = True


SAMPLES = (
    Sample("cliniqueonlinestore", "maria", "My cleanser arrived damaged",
           "Hi, the bottle of my order #CL-48213 was broken when the parcel arrived. What can I do?"),
    Sample("pandorana", "james", "Where is my order 55120?",
           "Hello, I ordered a silver necklace ten days ago (order 55120) and it still has not shipped."),
    Sample("kendrascottes", "lena", "Rücksendung Bestellung KS-2399",
           "Hallo, ich möchte die Ohrringe aus meiner Bestellung KS-2399 zurückgeben. Wie funktioniert das?"),
    Sample("cltiktok", "wei", "Seller never shipped, I want to open a dispute",
           "The seller of order 88172 has not shipped in three weeks and does not answer. I want cltiktok to mediate."),
    Sample("divaalex", "chloe", "Complaint about your store staff",
           "I was treated rudely when I tried to return a dress and I would like to speak to a manager."),
    Sample("pandorana", "auto", "Out of office",
           "I am out of the office until Monday.", (("Auto-Submitted", "auto-replied"),), expect_ack=False),
)


def _demo_config(stack: MailStack) -> dict[str, Any]:
    raw = yaml.safe_load((PROJECT / "config" / "stores.yaml").read_text())
    for store in raw["stores"]:
        server = {
            "host": stack.host, "username": store["address"], "password": stack.password,
            "ca_file": str(stack.ca_file),
        }
        store["imap"] = {**server, "port": stack.imap_port, "security": "starttls", "sent_folder": "Sent"}
        store["smtp"] = {**server, "port": stack.smtp_port, "security": "starttls"}
    raw["templates_dir"] = str(PROJECT / "templates")
    return dict(raw)


def _message(sample: Sample, to: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{sample.customer.title()} <{sample.customer}@customers.example>"
    msg["To"] = to
    msg["Subject"] = sample.subject
    msg["Message-ID"] = make_msgid(domain="customers.example")
    for key, value in sample.headers:
        msg[key] = value
    msg.set_content(sample.body)
    return msg


def _say(text: str) -> None:
    print(text, flush=True)


async def _run(args: argparse.Namespace) -> int:
    run_dir = Path(args.dir).resolve()
    if run_dir.exists():
        shutil.rmtree(run_dir)
    run_dir.mkdir(parents=True)
    stack = MailStack()
    _say("demo: starting a local mail stack (Dovecot IMAP + SMTP) on 127.0.0.1 ...")
    await asyncio.to_thread(stack.start)
    try:
        _say(f"demo: IMAP on port {stack.imap_port}, SMTP on port {stack.smtp_port} ({stack.smtp_kind})")
        raw = _demo_config(stack)
        (run_dir / "stores.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
        config = parse_config(raw)
        daemon = Daemon(config, run_dir / "state", Clock())
        task = asyncio.create_task(daemon.run())
        await asyncio.gather(*(w.connected.wait() for w in daemon.workers.values()))
        _say("demo: mailbot is watching the five stores' inboxes with IMAP IDLE\n")
        expected = 0
        for sample in SAMPLES:
            address = config.store(sample.store).address
            msg = _message(sample, address)
            _say(f"--> {msg['From']} writes to {sample.store}: {sample.subject!r}")
            await asyncio.to_thread(stack.deliver, f"{sample.customer}@customers.example", [address], msg.as_bytes())
            if sample.expect_ack:
                expected += 1
                customer = f"{sample.customer}@customers.example"
                await asyncio.to_thread(stack.wait_for_delivery, customer, 1, 20.0)
                [stored] = await asyncio.to_thread(stack.fetch_all, customer)
                ack = BytesParser(policy=default_policy).parsebytes(stored.data)
                body = ack.get_body(preferencelist=("plain",))
                _say(f"<-- {customer} receives: {ack['Subject']}")
                if body is not None:
                    for line in str(body.get_content()).strip().splitlines()[:12]:
                        _say(f"    | {line}")
                _say("")
        _say("demo: every customer got one acknowledgement; the auto-reply got none.\n")
        _say(format_status(config, daemon.services.state, None, Clock().now()))
        if args.serve:
            _say(f"\ndemo: still serving; send mail to any store on 127.0.0.1:{stack.smtp_port}; Ctrl-C stops")
            await task
        else:
            daemon.stop()
            await task
        return 0
    finally:
        await asyncio.to_thread(stack.stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mailbot.demo", description=__doc__)
    parser.add_argument("--dir", default="demo-run", help="where config and state go (default: %(default)s)")
    parser.add_argument("--serve", action="store_true", help="keep running after the samples")
    parser.add_argument("--quiet", action="store_true", help="hide the daemon's log lines")
    args = parser.parse_args(argv)
    logs.setup("WARNING" if args.quiet else "INFO")
    handler = logging.getLogger("mailbot").handlers[0]
    if isinstance(handler, logging.StreamHandler):
        handler.setStream(sys.stdout)
    try:
        return asyncio.run(_run(args))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
