"""SMTP front door without root: an aiosmtpd server that relays into Dovecot LMTP.

Used by `MailStack` when Postfix cannot run (not root), and selectable with
``smtp="aiosmtpd-lmtp"``. It keeps Postfix's contract as the stack sets it up:

* any sender may send to ``*.example``; other recipients get ``550`` at RCPT;
* STARTTLS with the stack's certificate; AUTH PLAIN/LOGIN with the stack's
  shared password (any login name), allowed with and without TLS;
* each accepted message is handed to Dovecot LMTP before ``250`` is sent, one
  LMTP transaction per recipient so each recipient's result is known. If any
  recipient fails, the client gets ``451`` (others may already be delivered).

Unlike Postfix it has no queue and adds no ``Received`` header of its own
(Dovecot's LMTP adds one). Run as a process of its own::

    python -m mailbot.devstack.relay --port P --lmtp-port L --cert C --key K

with the password in the environment variable ``MAILBOT_DEVSTACK_PASSWORD``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import smtplib
import ssl
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from mailbot.devstack.configs import RELAY_PASSWORD_ENV

log = logging.getLogger("mailbot.devstack.relay")
HOSTNAME = "devstack.localhost"


def is_deliverable(address: str) -> bool:
    """True for addresses this stack delivers: a domain ending in ``.example``."""
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain.lower().endswith(".example"))


class LmtpRelayHandler:
    """aiosmtpd handler: validate recipients, relay DATA to LMTP synchronously."""

    def __init__(self, lmtp_port: int) -> None:
        self._lmtp_port = lmtp_port

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if not is_deliverable(address):
            return f"550 5.7.1 <{address}>: Relay access denied (only *.example is delivered)"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or b""
        sender = envelope.mail_from or ""
        failures = await asyncio.to_thread(self._relay, sender, list(envelope.rcpt_tos), data)
        if failures:
            log.warning("LMTP refused %s", failures)
            return "451 4.3.0 LMTP delivery failed: " + "; ".join(failures)
        log.info("relayed from=<%s> to=%s size=%d", sender, envelope.rcpt_tos, len(data))
        return "250 2.0.0 OK: delivered"

    def _relay(self, sender: str, recipients: list[str], data: bytes) -> list[str]:
        """Deliver to each recipient in its own LMTP transaction; return failure notes."""
        failures = []
        try:
            with smtplib.LMTP("127.0.0.1", self._lmtp_port, local_hostname=HOSTNAME) as lmtp:
                for rcpt in recipients:
                    try:
                        lmtp.sendmail(sender, [rcpt], data)
                    except smtplib.SMTPException as exc:
                        failures.append(f"{rcpt}: {exc}")
        except OSError as exc:
            failures.append(f"LMTP connection: {exc}")
        return failures


class SharedPasswordAuthenticator:
    """aiosmtpd authenticator: any login name, the stack's one password."""

    def __init__(self, password: str) -> None:
        self._password = password.encode()

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and auth_data.password == self._password:
            return AuthResult(success=True, auth_data=auth_data)
        # handled=False: let aiosmtpd send the 535 (True would leave the client hanging).
        return AuthResult(success=False, handled=False)


async def serve(port: int, lmtp_port: int, password: str, tls: ssl.SSLContext) -> None:
    """Serve on 127.0.0.1:port until SIGTERM or SIGINT."""
    loop = asyncio.get_running_loop()
    handler = LmtpRelayHandler(lmtp_port)
    authenticator = SharedPasswordAuthenticator(password)

    def factory() -> SMTP:
        return SMTP(
            handler,
            hostname=HOSTNAME,
            ident="mailbot devstack relay",
            tls_context=tls,
            authenticator=authenticator,
            auth_require_tls=False,
            enable_SMTPUTF8=True,
            data_size_limit=52428800,
            loop=loop,
        )

    server = await loop.create_server(factory, host="127.0.0.1", port=port)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    log.info("listening on 127.0.0.1:%d, relaying to LMTP 127.0.0.1:%d", port, lmtp_port)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m mailbot.devstack.relay")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--lmtp-port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    password = os.environ.get(RELAY_PASSWORD_ENV, "")
    if not password:
        parser.error(f"{RELAY_PASSWORD_ENV} is not set")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)
    asyncio.run(serve(args.port, args.lmtp_port, password, tls))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
