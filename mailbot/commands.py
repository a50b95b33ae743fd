"""Staff commands by email, and whether to trust them. Pure.

A staff member writes to the store's own address, with the case reference
in the subject and one command per line in the body::

    #resolved
    #assign Sam
    #note Customer called, replacement shipped today

The customer never sees a command. A command mail is obeyed only when it
comes from the store's address or a staff address *and* passes the store's
configured check:

- ``sent_folder``: the same Message-ID sits in the store's Sent folder, which
  is where a mail client logged in to the shared mailbox keeps its copy (a
  forger cannot put mail there);
- ``auth_results``: the topmost ``Authentication-Results`` header was added by
  the store's own mail server (its authserv-id, RFC 8601) and says
  ``dkim=pass`` or ``spf=pass`` for the sender's domain.

Anything else is ignored and logged, and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .models import ParsedMessage


class Verb(StrEnum):
    RESOLVED = "resolved"
    PENDING = "pending"
    URGENT = "urgent"
    COMPLEX = "complex"
    ESCALATE = "escalate"
    ASSIGN = "assign"
    NOTE = "note"
    REOPEN = "reopen"


_TAKES_ARGUMENT = frozenset({Verb.ASSIGN, Verb.NOTE})
_LINE_RE = re.compile(r"^\s*#([a-z]+)\b[ \t]*(.*?)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Command:
    verb: Verb
    argument: str = ""

    def __str__(self) -> str:
        return f"#{self.verb.value}" + (f" {self.argument}" if self.argument else "")


@dataclass(frozen=True, slots=True)
class Parsed:
    commands: tuple[Command, ...]
    rejected: tuple[str, ...]  # lines that looked like commands but were not understood


def parse_commands(text: str) -> Parsed:
    """Command lines of ``text``, stopping at the first quoted line (``>``)."""
    commands: list[Command] = []
    rejected: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            break
        match = _LINE_RE.match(line)
        if not match:
            continue
        word, argument = match.group(1).lower(), match.group(2)
        try:
            verb = Verb(word)
        except ValueError:
            rejected.append(line.strip())
            continue
        if verb in _TAKES_ARGUMENT and not argument:
            rejected.append(line.strip())
            continue
        commands.append(Command(verb, argument if verb in _TAKES_ARGUMENT else ""))
    return Parsed(tuple(commands), tuple(rejected))


@dataclass(frozen=True, slots=True)
class Trust:
    trusted: bool
    reason: str


def check_trust(
    msg: ParsedMessage,
    *,
    allowed_senders: frozenset[str],
    checks: tuple[str, ...],
    authserv_id: str | None,
    in_sent_folder: bool,
) -> Trust:
    sender = msg.from_.email if msg.from_ else ""
    if sender not in allowed_senders:
        return Trust(False, f"sender {sender or '(none)'} is not the store or its staff")
    if "sent_folder" in checks and in_sent_folder:
        return Trust(True, "origin:sent-folder")
    if "auth_results" in checks and authserv_id:
        verdict = _auth_results(msg, authserv_id, sender.rpartition("@")[2])
        if verdict:
            return Trust(True, f"origin:authentication-results:{verdict}")
    return Trust(False, f"failed the store's checks ({', '.join(checks) or 'none configured'})")


def _auth_results(msg: ParsedMessage, authserv_id: str, domain: str) -> str | None:
    """``dkim=pass`` / ``spf=pass`` from the topmost header of our own server, or None.

    Only the first Authentication-Results header counts: our server adds its
    own on top, and anything below it came with the message and may be forged.
    """
    values = msg.header_all("authentication-results")
    if not values:
        return None
    top = values[0]
    server, _, results = top.partition(";")
    if server.strip().split()[0:1] != [authserv_id]:
        return None
    for method in ("dkim", "spf"):
        match = re.search(rf"\b{method}=pass\b([^;]*)", results, re.I)
        if match and (domain in match.group(1).lower() or not match.group(1).strip()):
            return f"{method}=pass"
    return None
