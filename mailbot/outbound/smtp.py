"""SMTP for mailbot. The only module that imports aiosmtplib.

One connection per store, opened on first use and reused; a broken
connection is dropped and reopened on the next send. Failures leave as
:class:`SmtpTemporaryError` (4xx, network trouble: retry with backoff) or
:class:`SmtpPermanentError` (5xx: record on the case, never retry forever).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence

import aiosmtplib

from ..config import SmtpConfig
from ..errors import SmtpPermanentError, SmtpTemporaryError
from ..imap import ssl_context


class SmtpSender:
    def __init__(self, cfg: SmtpConfig) -> None:
        self.cfg = cfg
        self._smtp: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()

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
        async with self._lock:
            try:
                if self._smtp is None or not self._smtp.is_connected:
                    self._smtp = await self._connect()
                errors, _ = await self._smtp.sendmail(sender, list(recipients), data)
            except aiosmtplib.SMTPRecipientsRefused as exc:
                await self._drop()
                codes = [r.code for r in exc.recipients]
                detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
                if all(code >= 500 for code in codes):
                    raise SmtpPermanentError(f"recipients refused: {detail}", min(codes)) from exc
                raise SmtpTemporaryError(f"recipients refused: {detail}") from exc
            except aiosmtplib.SMTPResponseException as exc:
                await self._drop()
                message = f"{exc.code} {exc.message}"
                if exc.code >= 500 and not isinstance(exc, aiosmtplib.SMTPAuthenticationError):
                    raise SmtpPermanentError(message, exc.code) from exc
                raise SmtpTemporaryError(message) from exc
            except (aiosmtplib.SMTPException, OSError, ssl.SSLError, asyncio.TimeoutError) as exc:
                await self._drop()
                raise SmtpTemporaryError(f"{self.cfg.host}:{self.cfg.port}: {type(exc).__name__}: {exc}") from exc
            if errors:
                detail = "; ".join(f"{rcpt}: {resp.code} {resp.message}" for rcpt, resp in errors.items())
                raise SmtpPermanentError(f"some recipients refused: {detail}")

    async def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    async def close(self) -> None:
        async with self._lock:
            smtp, self._smtp = self._smtp, None
            if smtp is not None and smtp.is_connected:
                try:
                    await asyncio.wait_for(smtp.quit(), 2)
                except Exception:  # best effort: the server may be gone
                    smtp.close()
