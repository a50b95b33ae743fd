"""A real mail stack on loopback for end-to-end tests, the demo and benchmarks.

Usage::

    from mailbot.devstack import MailStack

    with MailStack() as stack:                      # or stack.start() / stack.stop()
        stack.deliver("ann@customer.example", ["support-7f3a@pandorana.example"], raw_bytes)
        stack.wait_for_delivery("support-7f3a@pandorana.example", count=1)
        [(uid, flags, data)] = stack.fetch_all("support-7f3a@pandorana.example")

What runs (all on 127.0.0.1, free ports picked at start):

* Dovecot with IMAP (``imap_port``, STARTTLS offered, IDLE), IMAPS
  (``imaps_port``) and LMTP (``lmtp_port``); maildirs under the stack
  directory. Every address in a domain ending in ``.example`` is a mailbox,
  no setup needed, all with the password ``stack.password``; a wrong password
  fails. Each mailbox has ``INBOX``, ``Sent`` (``\\Sent``), ``Resolved`` and
  ``Escalated``.
* An SMTP server on ``smtp_port`` that delivers into Dovecot, named by
  ``smtp_kind``: ``"postfix"`` (a standalone Postfix; the default as root) or
  ``"aiosmtpd-lmtp"`` (an aiosmtpd relay to LMTP; the default otherwise).
  Both accept mail for ``*.example`` from anyone without AUTH, refuse every
  other recipient at RCPT, offer STARTTLS and accept AUTH PLAIN/LOGIN with the
  shared password before and after STARTTLS.
* ``ca_file``: the self-signed certificate (CN/SAN ``localhost``,
  ``127.0.0.1``) every TLS port presents; ``ssl_context()`` trusts it.

`MailStack(base_dir=None, *, smtp="auto", password=DEFAULT_PASSWORD)`:
without ``base_dir`` it makes a short temp dir under /tmp and removes it on
stop. `start()` returns when every daemon has greeted (about 0.2-0.4 s);
`stop()` returns when no process of the stack is left (also registered with
atexit); if the owning process dies without cleaning up (SIGKILL, a timeout),
a small watchdog process takes the daemons down within about a second. Logs are in ``log_dir``; a failed start raises MailStackStartError
with their tails. Missing binaries raise MailStackNotInstalled: run
scripts/test, which installs them.

Helpers (blocking, stdlib clients, never set flags): ``deliver(sender,
recipients, data, *, login=None, starttls=False)``, ``wait_for_delivery(address,
count=1, timeout=10.0, *, mailbox="INBOX")`` (IMAP IDLE until the mailbox holds
``count`` messages; Dovecot reports new mail ~0.5 s after delivery; raises
DeliveryTimeout) and ``fetch_all(address, mailbox="INBOX")`` -> list of
`StoredMessage` ``(uid, flags, data)``, oldest first.
"""

from mailbot.devstack.client import StoredMessage
from mailbot.devstack.errors import (
    DeliveryTimeout,
    MailStackError,
    MailStackNotInstalled,
    MailStackStartError,
)
from mailbot.devstack.stack import DEFAULT_PASSWORD, Endpoints, MailStack, SmtpKind

__all__ = [
    "DEFAULT_PASSWORD",
    "DeliveryTimeout",
    "Endpoints",
    "MailStack",
    "MailStackError",
    "MailStackNotInstalled",
    "MailStackStartError",
    "SmtpKind",
    "StoredMessage",
]
