"""mailbot's exception tree.

Third-party exceptions are translated at the one module that imports the
library (imap.py, outbound/smtp.py, state/tinystore.py, parsing.py), so the
rest of the code only ever catches these::

    MailbotError
    ├── ConfigError            invalid stores.yaml; carries every problem with its path
    ├── StateError             the state directory cannot be read or written
    ├── ParseError             bytes that cannot be turned into a ParsedMessage at all
    ├── TemplateError          a template that does not render (see outbound.templates)
    └── TransportError         talking to a mail server failed
        ├── ImapError          connect, login, select, fetch, append, IDLE
        └── SmtpError          connect, login or send
            ├── SmtpTemporaryError   4xx or connection trouble: retry with backoff
            └── SmtpPermanentError   5xx: record on the case, do not retry
"""

from __future__ import annotations


class MailbotError(Exception):
    """Base of every error mailbot raises on purpose."""


class ConfigError(MailbotError):
    """The configuration is invalid. ``problems`` lists ``path: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class StateError(MailbotError):
    pass


class ParseError(MailbotError):
    pass


class TemplateError(MailbotError):
    pass


class TransportError(MailbotError):
    pass


class ImapError(TransportError):
    pass


class SmtpError(TransportError):
    pass


class SmtpTemporaryError(SmtpError):
    pass


class SmtpPermanentError(SmtpError):
    def __init__(self, message: str, code: int | None = None) -> None:
        self.code = code
        super().__init__(message)
