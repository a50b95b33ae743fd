"""Self-signed TLS material for the local mail stack.

One EC P-256 certificate for ``localhost`` / ``127.0.0.1`` serves IMAPS, IMAP
STARTTLS, SMTP STARTTLS and, because it is self-signed, is also the CA file a
client verifies against.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mailbot.devstack.errors import MailStackError, MailStackNotInstalled


@dataclass(frozen=True)
class TlsFiles:
    """Paths of a PEM certificate and its private key.

    ``cert`` doubles as the CA file: trust it and the server verifies.
    """

    cert: Path
    key: Path


def make_self_signed(directory: Path, *, days: int = 30) -> TlsFiles:
    """Create ``cert.pem`` / ``key.pem`` in ``directory`` (created if missing).

    The certificate has CN=localhost and SAN ``DNS:localhost, IP:127.0.0.1``.
    The key is readable by the current user only. Existing files are replaced.
    Raises MailStackNotInstalled without openssl, MailStackError if it fails.
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        raise MailStackNotInstalled("openssl not found: run scripts/test, which installs it")
    directory.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(cert=directory / "cert.pem", key=directory / "key.pem")
    command = [
        openssl, "req", "-x509",
        "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", str(days),
        "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", str(files.key), "-out", str(files.cert),
    ]
    # The key must never be readable by others, not even for a moment.
    old_umask = os.umask(0o077)
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        os.umask(old_umask)
    if result.returncode != 0:
        raise MailStackError(f"openssl req failed ({result.returncode}): {result.stderr.strip()}")
    files.cert.chmod(0o644)
    return files
