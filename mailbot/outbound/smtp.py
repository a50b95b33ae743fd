"""SMTP for mailbot. The only module that imports aiosmtplib.

A store sends over up to ``smtp.connections`` connections at once, each
opened on first use and reused; a broken connection is dropped and reopened
on its next send. Failures leave as :class:`SmtpTemporaryError` (4xx,
network trouble: retry with backoff) or :class:`SmtpPermanentError` (5xx:
record on the case, never retry forever).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence

import aiosmtplib

from ..config import SmtpConfig
from ..errors import SmtpPermanentError, SmtpTemporaryError
from ..imap import ssl_context


class _Line:
    """One connection slot: at most one mail on it at a time."""

    def __init__(self) -> None:
        self.smtp: aiosmtplib.SMTP | None = None


class SmtpSender:
    def __init__(self, cfg: SmtpConfig) -> None:
        self.cfg = cfg
        self.connections = cfg.connections  # how many sends may run at once
        self._free: asyncio.Queue[_Line] = asyncio.Queue()
        for _ in range(cfg.connections):
            self._free.put_nowait(_Line())

    async def _connect(self) -> aiosmtplib.SMTP:
        cfg = self.cfg
        smtp = aiosmtplib.SMTP(
            hostname=cfg.host,
            port=cfg.port,
            use_tls=cfg.security == "ssl",
            start_tls=cfg.security == "starttls",
            tls_context=ssl_context(cfg) if cfg.security != "none" else None,
            timeout=cfg.timeout,
        )
        await smtp.connect()
        if cfg.username:
            await smtp.login(cfg.username, cfg.password or "")
        return smtp

    async def send(self, sender: str, recipients: Sequence[str], data: bytes) -> None:
        """Send ``data`` as is (headers included); returns once the server accepted it."""
        line = await self._free.get()
        try:
            await self._send(line, sender, recipients, data)
        finally:
            self._free.put_nowait(line)

    async def _send(self, line: _Line, sender: str, recipients: Sequence[str], data: bytes) -> None:
        try:
            if line.smtp is None or not line.smtp.is_connected:
                line.smtp = await self._connect()
            errors, _ = await line.smtp.sendmail(sender, list(recipients), data)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            _drop(line)
            codes = [r.code for r in exc.recipients]
            detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
            if all(code >= 500 for code in codes):
                raise SmtpPermanentError(f"recipients refused: {detail}", min(codes)) from exc
            raise SmtpTemporaryError(f"recipients refused: {detail}") from exc
        except aiosmtplib.SMTPResponseException as exc:
            _drop(line)
            message = f"{exc.code} {exc.message}"
            if exc.code >= 500 and not isinstance(exc, aiosmtplib.SMTPAuthenticationError):
                raise SmtpPermanentError(message, exc.code) from exc
            raise SmtpTemporaryError(message) from exc
        except ValueError as exc:  # an address aiosmtplib will not put in a command: nothing was sent
            raise SmtpPermanentError(f"cannot send to {', '.join(recipients)}: {exc}") from exc
        except (aiosmtplib.SMTPException, OSError, ssl.SSLError, asyncio.TimeoutError) as exc:
            _drop(line)
            raise SmtpTemporaryError(f"{self.cfg.host}:{self.cfg.port}: {type(exc).__name__}: {exc}") from exc
        if errors:
            detail = "; ".join(f"{rcpt}: {resp.code} {resp.message}" for rcpt, resp in errors.items())
            raise SmtpPermanentError(f"some recipients refused: {detail}")

    async def close(self) -> None:
        """Say goodbye on every connection, once the mails on them are done."""
        lines: list[_Line] = []
        try:
            while len(lines) < self.connections:
                lines.append(await self._free.get())
            for line in lines:
                smtp, line.smtp = line.smtp, None
                if smtp is not None and smtp.is_connected:
                    try:
                        await asyncio.wait_for(smtp.quit(), 2)
                    except Exception:  # best effort: the server may be gone
                        smtp.close()
        finally:
            for line in lines:
                self._free.put_nowait(line)


def _drop(line: _Line) -> None:
    smtp, line.smtp = line.smtp, None
    if smtp is not None:
        smtp.close()
