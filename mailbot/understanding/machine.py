"""Is this message from a machine? Auto-replies, bounces and list mail.

Rules run in the literal order of :data:`_HEADER_RULES` and then
:data:`_BODY_RULES`; the first rule that matches decides, and its name becomes
``Machine.reason``. Header rules come first because they are what RFC 3834 and
RFC 3464 ask senders to set; the body and structure rules catch the many
robots that set nothing. Bounce rules run before auto-reply rules because real
bounces often also carry ``Auto-Submitted`` (bounceparser's non-autoreply.eml).

Pure: no I/O, never raises for any ParsedMessage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Machine, MachineKind, ParsedMessage

Rule = Callable[[ParsedMessage], Machine | None]

_NONE = Machine(MachineKind.NONE)

# Local parts that only robots send from.
_BOUNCE_LOCALPARTS = frozenset({"mailer-daemon", "postmaster", "post_master", "mail-daemon", "mailerdaemon"})
# Mailing-list robots (RFC 2142 and list-manager conventions: Mailman, fml, ezmlm).
_LIST_SUFFIXES = ("-bounces", "-bounce", "-request", "-owner", "-admin")
_ROBOT_LOCALPARTS = frozenset(
    {"noreply", "no-reply", "do-not-reply", "donotreply", "do_not_reply", "no_reply", "autoreply", "auto-reply"}
)

_EMAIL_RE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_FINAL_RCPT_RE = re.compile(
    r"^\s*(?:final|original)-recipient\s*:\s*(?:rfc822\s*;)?\s*<?([^\s<>;]+@[^\s<>;]+?)>?\s*$",
    re.I | re.M,
)

# Subjects of delivery reports, across MTAs and languages. Anchored at the start
# (after optional "Re:"/"Fwd:"), so a customer writing "my order delivery failed"
# in a subject does not match.
_BOUNCE_SUBJECT_RE = re.compile(
    r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)*(?:"
    r"undeliver(?:ed|able)(?: mail| message)?\s*(?::|returned|$)|returned mail\s*(?::|-|$)|return(?:ed)? to sender\s*$"
    r"|mail delivery (?:failed|failure|system|subsystem|warning)|delivery status notification"
    r"|complaint about message from \d{1,3}(?:\.\d{1,3}){3}|abuse report\b"
    r"|failure notice\s*$|failed mail\s*$|non[- ]?delivery (?:report|notification)|nondeliverable mail"
    r"|message not delivered\s*:?|could not send message|mail could not be delivered"
    r"|warning: could not send|delayed mail \(still being retried\)|mail system error"
    r"|unzustellbar\s*:|nicht zustellbar\s*:|non remis\s*:|non recapitabile\s*:"
    r"|notificaci[oó]n de estado de entrega|no se puede entregar\s*:"
    r")",
    re.I,
)

_AUTO_SUBJECT_RE = re.compile(
    r"^(?:(?:re|aw|sv|r)\s*:\s*)*(?:"
    r"auto(?:matic)?[- ]?(?:reply|response|answer)\b|\[?auto(?:matic)? ?(?:reply|response)\]?"
    r"|auto:|autoreply|out of (?:the )?office|on vacation|vacation reply|away from (?:the )?office"
    r"|abwesenheit|automatische antwort|r[ée]ponse automatique|absence du bureau|absent du bureau"
    r"|respuesta autom[aá]tica|fuera de la oficina|risposta automatica|fuori sede|fuori ufficio"
    r"|resposta autom[aá]tica|fora do escrit[oó]rio|automatyczna odpowied[zź]|automatisch antwoord"
    r"|afwezig|automatiskt svar|automatisk svar|frånvaro"
    r")",
    re.I,
)

# Opening lines of the human-readable part of a bounce, from the commonest MTAs.
# The body patterns are lower case and run on lower-cased text: without
# re.IGNORECASE Python's engine is about four times faster on them.
_BOUNCE_BODY_RE = re.compile(
    r"(?:this is the mail system at host"
    r"|i'?m sorry to have to inform you that your message could not"
    r"|this is the qmail-send program"
    r"|this message was created automatically by mail delivery software"
    r"|delivery to the following recipients? (?:failed|has been delayed)"
    r"|the following (?:message|addresses?|recipients?) (?:had|could not|was undeliverable|were undeliverable|failed)"
    r"|(?:your|the) message (?:could not|cannot|was not|wasn't|couldn't) (?:be )?delivered"
    r"|your message (?:did not|didn't) reach some or all"
    r"|message you sent .{0,40}could not be delivered"
    r"|unable to deliver (?:your|the) message"
    r"|permanent(?:ly)? (?:fatal )?(?:error|failure)s? (?:occurred|were encountered)"
    r"|a message that you sent could not be delivered"
    r"|delivery has failed to these recipients"
    r"|the original message was received at"
    r"|----- ?(?:the following addresses had permanent fatal errors|transcript of session follows)"
    r"|sorry, we were unable to deliver your message"
    r"|hi\. this is the qmail-send"
    r"|mail delivery failed: returning message to sender"
    r"|could not be delivered to the following recipients?"
    r"|could not deliver (?:the )?message to the following recipients?"
    r"|-{3,} ?failed recipients ?-{3,}"
    r"|this is an advisory-only e-?mail"
    r"|delivery of (?:your )?e-?mail to (?:this|the following) address"
    r")",
)

# Deliberately narrow: a customer may well write "I am on vacation next week,
# please hold my parcel", so being away is not enough; the robot's promise to
# answer later, or its own self-description, is.
# Challenge-response and sender-verification robots (Bluebottle, Boxbe, SpamArrest...).
# Narrow on purpose: a customer may well write "I clicked the link to verify".
_CHALLENGE_BODY_RE = re.compile(
    r"to have your (?:e-?mail )?address (?:added|approved|verified)"
    r"|added to (?:the |my |their )?(?:recipient'?s? )?(?:allowed|approved|safe|white|guest) ?(?:senders? )?list"
    r"|(?:this|my) (?:e-?mail )?(?:account|mailbox|inbox|address) is protected by"
    r"|to ensure (?:the )?delivery of your (?:e-?mail|message)",
    re.S,
)

_AUTO_BODY_RE = re.compile(
    r"(?:out of (?:the )?office|on (?:vacation|holiday|leave)|away)\b.{0,120}?"
    r"(?:(?:limited|no|without) access to (?:my )?e-?mail|(?:respond|reply|get back to you|answer)"
    r".{0,40}?(?:when|upon|after|on) (?:i|my) return)"
    r"|this is an auto(?:mated|matic)(?:ally generated)? (?:reply|response|message|e-?mail)"
    r"|(?:do not|please do not|don't) reply to this (?:e-?mail|message)",
    re.S,
)


def _local_part(address: str) -> str:
    return address.rpartition("@")[0].lower() if "@" in address else address.lower()


# Lines of a report that name the returned message, not the failed recipient.
_NOT_RECIPIENT_LINE_RE = re.compile(
    r"^\s*(?:message-id|references|in-reply-to|from|sender|reply-to|return-path|received|dkim|x-[\w-]+|date"
    r"|subject|reporting-mta|arrival-date|remote-mta|diagnostic-code|for further assistance)\s*:",
    re.I,
)
_RECIPIENT_HINT_RE = re.compile(
    r"recipient|rcpt|address|mailbox|user|account|delivered to|deliver to|no such|does not exist|unknown|failed"
    r"|\b5\d\d\b|\b5\.\d\.\d",
    re.I,
)


def _first_failed_recipient(msg: ParsedMessage, exclude: frozenset[str] = frozenset()) -> str | None:
    """The address a delivery report names as failed, if the report gives one.

    Order of evidence: ``X-Failed-Recipients``; ``Final-Recipient`` /
    ``Original-Recipient`` fields; an address on a line that talks about a
    recipient ("<user@example.com>: host ... said: 550 ..."); any other
    address in the report text. Addresses of the report's own envelope, of the
    returned message's headers and ``exclude`` (the store's own) never count.
    """
    for value in msg.header_all("x-failed-recipients"):
        found = _EMAIL_RE.search(value)
        if found and found.group(0).lower() not in exclude:
            return found.group(0).lower()
    text = msg.text[:20_000]
    for match in _FINAL_RCPT_RE.finditer(text):
        if match.group(1).lower() not in exclude:
            return match.group(1).lower()
    own = {a.email for a in msg.to} | {msg.from_.email if msg.from_ else ""} | set(exclude)
    fallback: str | None = None
    for line in text.splitlines()[:400]:
        if "@" not in line or _NOT_RECIPIENT_LINE_RE.match(line):
            continue
        for found in _EMAIL_RE.finditer(line):
            address = found.group(0).lower().strip(".")
            if address in own or _local_part(address) in _BOUNCE_LOCALPARTS:
                continue
            if _RECIPIENT_HINT_RE.search(line) or line.strip().strip("<>\"'") == found.group(0):
                return address
            if fallback is None:
                fallback = address
    return fallback


def _bounce(msg: ParsedMessage, reason: str) -> Machine:
    return Machine(MachineKind.BOUNCE, reason, _first_failed_recipient(msg))


# -- header rules ----------------------------------------------------------


_REPORT_TYPES = frozenset(
    {
        "multipart/report",
        "message/delivery-status",
        "message/global-delivery-status",
        "message/disposition-notification",
        "message/feedback-report",
    }
)


def _rule_multipart_report(msg: ParsedMessage) -> Machine | None:
    # multipart/report carries delivery-status (bounces), disposition-notification
    # (read receipts) and feedback-report (abuse complaints): all machine-made.
    # A bare report part at the top level is a broken report, still a report.
    content_type = msg.content_type.lower()
    if content_type in _REPORT_TYPES:
        return _bounce(msg, f"header:content-type={content_type}")
    return None


def _rule_null_return_path(msg: ParsedMessage) -> Machine | None:
    if msg.return_path == "" or msg.return_path == "<>":
        return _bounce(msg, "header:return-path=<>")
    return None


def _rule_mailer_daemon(msg: ParsedMessage) -> Machine | None:
    if msg.from_ is not None and _local_part(msg.from_.email) in _BOUNCE_LOCALPARTS:
        return _bounce(msg, f"header:from={_local_part(msg.from_.email)}")
    if msg.return_path and _local_part(msg.return_path) in _BOUNCE_LOCALPARTS:
        return _bounce(msg, "header:return-path=mailer-daemon")
    return None


def _rule_list_robot(msg: ParsedMessage) -> Machine | None:
    if msg.from_ is not None and _local_part(msg.from_.email).endswith(_LIST_SUFFIXES):
        return Machine(MachineKind.LIST, "header:from=list-robot")
    return None


def _rule_failed_recipients(msg: ParsedMessage) -> Machine | None:
    if msg.header("x-failed-recipients") is not None:
        return _bounce(msg, "header:x-failed-recipients")
    return None


def _rule_auto_submitted(msg: ParsedMessage) -> Machine | None:
    value = msg.header("auto-submitted")
    if value is not None and value.strip().lower().split(";")[0].strip() not in ("", "no"):
        return Machine(MachineKind.AUTO_REPLY, f"header:auto-submitted={value.strip().lower()[:40]}")
    return None


def _rule_x_autoreply(msg: ParsedMessage) -> Machine | None:
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-response-suppress"):
        value = msg.header(name)
        if value is None:
            continue
        # X-Auto-Response-Suppress is set by Outlook on ordinary mail too; only
        # "All"/"OOF" values say the sender itself is a robot.
        if name == "x-auto-response-suppress" and "oof" not in value.lower() and value.strip().lower() != "all":
            continue
        return Machine(MachineKind.AUTO_REPLY, f"header:{name}")
    return None


def _rule_list(msg: ParsedMessage) -> Machine | None:
    for name in ("list-id", "list-unsubscribe", "list-post"):
        if msg.header(name) is not None:
            return Machine(MachineKind.LIST, f"header:{name}")
    return None


def _rule_precedence(msg: ParsedMessage) -> Machine | None:
    value = (msg.header("precedence") or "").strip().lower()
    if value == "list":
        return Machine(MachineKind.LIST, "header:precedence=list")
    if value in ("bulk", "junk", "auto_reply"):
        return Machine(MachineKind.AUTO_REPLY, f"header:precedence={value}")
    return None


# -- body and structure rules ----------------------------------------------


def _rule_bounce_subject(msg: ParsedMessage) -> Machine | None:
    if _BOUNCE_SUBJECT_RE.search(msg.subject):
        return _bounce(msg, "subject:delivery-report")
    return None


def _rule_bounce_body(msg: ParsedMessage) -> Machine | None:
    if _BOUNCE_BODY_RE.search(msg.text[:20_000].lower()):
        return _bounce(msg, "body:delivery-report")
    return None


def _rule_auto_subject(msg: ParsedMessage) -> Machine | None:
    if _AUTO_SUBJECT_RE.search(msg.subject):
        return Machine(MachineKind.AUTO_REPLY, "subject:auto-reply")
    return None


def _rule_robot_sender(msg: ParsedMessage) -> Machine | None:
    if msg.from_ is not None and _local_part(msg.from_.email) in _ROBOT_LOCALPARTS:
        return Machine(MachineKind.AUTO_REPLY, "header:from=no-reply")
    return None


def _rule_challenge(msg: ParsedMessage) -> Machine | None:
    if _CHALLENGE_BODY_RE.search(msg.text[:5_000].lower()):
        return Machine(MachineKind.AUTO_REPLY, "body:challenge-response")
    return None


def _rule_auto_body(msg: ParsedMessage) -> Machine | None:
    if _AUTO_BODY_RE.search(msg.text[:5_000].lower()):
        return Machine(MachineKind.AUTO_REPLY, "body:auto-reply")
    return None


# The order is the contract: first match wins.
_HEADER_RULES: tuple[Rule, ...] = (
    _rule_multipart_report,  # RFC 3462 report: DSN, MDN or ARF
    _rule_null_return_path,  # RFC 5321 null sender: only notifications use it
    _rule_mailer_daemon,  # MAILER-DAEMON / postmaster
    _rule_failed_recipients,  # Exim's X-Failed-Recipients
    _rule_auto_submitted,  # RFC 3834
    _rule_x_autoreply,  # vendor auto-reply markers
    _rule_list,  # RFC 2919 / 2369 list headers
    _rule_list_robot,  # list-bounces@, list-request@, list-owner@, fml's -admin@
    _rule_precedence,  # legacy Precedence: bulk|junk|list
)

_BODY_RULES: tuple[Rule, ...] = (
    _rule_bounce_subject,  # "Undelivered Mail Returned to Sender", ...
    _rule_bounce_body,  # MTA report wording
    _rule_auto_subject,  # "Automatic reply:", "Out of Office", ...
    _rule_robot_sender,  # no-reply@ senders
    _rule_challenge,  # challenge-response sender verification
    _rule_auto_body,  # "I am out of the office"
)


def detect_machine(msg: ParsedMessage, own_addresses: frozenset[str] = frozenset()) -> Machine:
    """Classify the sender as a robot (bounce, auto-reply, list) or not.

    Header rules first, then body and structure. Returns ``MachineKind.NONE``
    with an empty reason for ordinary mail. For bounces, ``failed_recipient``
    is the address the report names, never one of ``own_addresses``. Mail
    from the store's own addresses is not flagged here: staff replies come
    from them too, and telling those apart is the threading layer's job.
    Never raises.
    """
    for rule in _HEADER_RULES + _BODY_RULES:
        try:
            found = rule(msg)
        except Exception:  # a rule must never cost us the message
            continue
        if found is not None:
            if found.kind is MachineKind.BOUNCE and own_addresses:
                try:
                    recipient = _first_failed_recipient(msg, own_addresses)
                except Exception:
                    recipient = None
                found = Machine(found.kind, found.reason, recipient)
            return found
    return _NONE
