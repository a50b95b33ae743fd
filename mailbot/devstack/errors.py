"""Exceptions raised by the local mail stack harness.

::

    MailStackError                 anything the harness could not do
     +-- MailStackNotInstalled     dovecot / postfix / openssl binary missing
     +-- MailStackStartError       a daemon did not come up; message holds the log tails
     +-- DeliveryTimeout           wait_for_delivery() gave up before `count` messages arrived
"""

from __future__ import annotations


class MailStackError(Exception):
    """Base class for every error the harness raises."""


class MailStackNotInstalled(MailStackError):
    """A required binary is missing from this machine."""


class MailStackStartError(MailStackError):
    """A daemon failed to start or to greet; the message carries the tails of its logs."""


class DeliveryTimeout(MailStackError):
    """Fewer messages than expected arrived in a mailbox before the deadline."""
