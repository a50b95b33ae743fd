"""`MailStack`: a real Dovecot + SMTP server on loopback, in one temp directory.

See the package docstring for the contract; this module holds the lifecycle.
"""

from __future__ import annotations

import atexit
import grp
import os
import pwd
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

from mailbot.devstack import client
from mailbot.devstack.certs import TlsFiles, make_self_signed
from mailbot.devstack.configs import (
    RELAY_PASSWORD_ENV,
    VIRTUAL_DOMAINS_TABLE,
    VIRTUAL_MAILBOXES_TABLE,
    DovecotSettings,
    PostfixSettings,
    check_password,
    dovecot_conf,
    postfix_main_cf,
    postfix_master_cf,
)
from mailbot.devstack.errors import MailStackError, MailStackNotInstalled, MailStackStartError
from mailbot.devstack.processes import (
    Daemon,
    Watchdog,
    free_ports,
    session_members,
    tail,
    wait_for_greeting,
)

SmtpKind = Literal["postfix", "aiosmtpd-lmtp"]

DEFAULT_PASSWORD = "devstack-secret"

# Dovecot's deepest unix socket below base_dir is about 25 characters long;
# sockets are limited to 107 (sun_path).
_MAX_RUN_DIR_LEN = 80
_START_ATTEMPTS = 3  # a free port can be taken by someone else before we bind it
_STOP_TIMEOUT = 5.0


@dataclass(frozen=True)
class Endpoints:
    """Where a running stack listens (all on 127.0.0.1)."""

    smtp_port: int
    imap_port: int
    imaps_port: int
    lmtp_port: int
    auth_port: int | None


@dataclass(frozen=True)
class _Account:
    name: str
    uid: int
    group: str
    gid: int


class MailStack:
    """A throwaway mail server for tests, the demo and benchmarks.

    ``MailStack(base_dir)`` only records settings; `start` brings the daemons
    up and returns when each has greeted, `stop` brings them down and returns
    when no process of this instance is left. Also a context manager.
    Without ``base_dir`` a short directory is made under /tmp and removed by
    `stop`; a given ``base_dir`` is left in place (logs are in ``log_dir``).
    As root, ``base_dir`` is made mode 0711 and every parent must be
    searchable, so the mail user can reach its maildirs; pytest's
    ``tmp_path`` (under a 0700 directory) is refused with a clear error.
    """

    host = "127.0.0.1"

    def __init__(
        self,
        base_dir: Path | None = None,
        *,
        smtp: SmtpKind | Literal["auto"] = "auto",
        password: str = DEFAULT_PASSWORD,
        start_timeout: float = 10.0,
    ) -> None:
        self.password = check_password(password)
        self._requested_smtp = smtp
        self._given_dir = base_dir
        self._start_timeout = start_timeout
        self._base: Path | None = None
        self._owns_base = False
        self._endpoints: Endpoints | None = None
        self._tls: TlsFiles | None = None
        self._daemons: list[Daemon] = []
        self._watchdog = Watchdog()
        self._smtp_kind: SmtpKind | None = None
        self.mail_user: str | None = None

    # -- lifecycle --------------------------------------------------------

    def start(self) -> MailStack:
        """Start Dovecot and the SMTP server; return once all greet on their ports.

        Raises MailStackNotInstalled when a binary is missing and
        MailStackStartError (with the tails of all logs) when a daemon does
        not come up; nothing is left running in either case.
        """
        if self._endpoints is not None:
            raise MailStackError("MailStack is already running")
        kind = self._choose_smtp_kind()
        binaries = _find_binaries(kind)
        base = self._make_base()
        try:
            self._watchdog.start()
            account = _mail_account()
            self.mail_user = account.name
            dirs = _layout(base, account)
            tls = self._tls or make_self_signed(base / "tls")
            self._tls = tls
            for attempt in range(1, _START_ATTEMPTS + 1):
                for log in dirs.log.iterdir():
                    log.unlink()
                ports = free_ports(5)
                endpoints = Endpoints(
                    smtp_port=ports[0],
                    imap_port=ports[1],
                    imaps_port=ports[2],
                    lmtp_port=ports[3],
                    auth_port=ports[4] if kind == "postfix" else None,
                )
                try:
                    self._start_daemons(kind, binaries, dirs, account, tls, endpoints)
                    break
                except (MailStackStartError, OSError) as exc:
                    report = f"{exc}\n{self.log_tails()}"
                    self._stop_daemons()
                    if attempt < _START_ATTEMPTS and "Address already in use" in report:
                        continue
                    raise MailStackStartError(report) from exc
        except BaseException:
            # Whatever went wrong (even KeyboardInterrupt), leave nothing running.
            try:
                self._stop_daemons()
            finally:
                self._watchdog.close()
                self._remove_base()
            raise
        self._smtp_kind = kind
        self._endpoints = endpoints
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        """Stop every daemon and wait until no process of this stack is left.

        Idempotent. Removes the base directory only if the stack created it.
        """
        atexit.unregister(self.stop)
        self._endpoints = None
        try:
            self._stop_daemons()
        finally:
            self._watchdog.close()
            self._remove_base()

    def __enter__(self) -> MailStack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- where things are -------------------------------------------------

    @property
    def running(self) -> bool:
        return self._endpoints is not None

    @property
    def endpoints(self) -> Endpoints:
        if self._endpoints is None:
            raise MailStackError("MailStack is not running; call start() first")
        return self._endpoints

    @property
    def smtp_kind(self) -> SmtpKind:
        """"postfix" or "aiosmtpd-lmtp": what answers on `smtp_port`."""
        if self._smtp_kind is None:
            raise MailStackError("MailStack is not running; call start() first")
        return self._smtp_kind

    @property
    def smtp_port(self) -> int:
        return self.endpoints.smtp_port

    @property
    def imap_port(self) -> int:
        """Plain IMAP; STARTTLS is offered, login works with or without it."""
        return self.endpoints.imap_port

    @property
    def imaps_port(self) -> int:
        return self.endpoints.imaps_port

    @property
    def lmtp_port(self) -> int:
        return self.endpoints.lmtp_port

    @property
    def base_dir(self) -> Path:
        if self._base is None:
            raise MailStackError("MailStack has no directory; call start() first")
        return self._base

    @property
    def log_dir(self) -> Path:
        return self.base_dir / "log"

    @property
    def ca_file(self) -> Path:
        """The self-signed certificate (CN/SAN localhost, 127.0.0.1) to trust."""
        if self._tls is None:
            raise MailStackError("MailStack has no certificate; call start() first")
        return self._tls.cert

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts exactly `ca_file` and checks the host name."""
        return ssl.create_default_context(cafile=str(self.ca_file))

    def pids(self) -> list[int]:
        """Live processes of this stack (daemons and all their children)."""
        return [pid for daemon in self._daemons if daemon.pid for pid in session_members(daemon.pid)]

    def log_tails(self, lines: int = 30) -> str:
        """The end of every log file, for error messages."""
        if self._base is None or not (self._base / "log").is_dir():
            return "(no logs)"
        parts = []
        for log in sorted((self._base / "log").iterdir()):
            parts.append(f"--- {log.name} ---\n{tail(log, lines)}")
        return "\n".join(parts)

    # -- helpers for tests and the demo -----------------------------------

    def deliver(
        self,
        sender: str,
        recipients: Iterable[str],
        data: bytes,
        *,
        login: str | None = None,
        starttls: bool = False,
    ) -> None:
        """Send ``data`` through the stack's SMTP server, unauthenticated by default.

        With ``login`` (an address) it authenticates with the shared password;
        ``starttls`` upgrades first, verifying `ca_file`. Returns once the
        server accepted the message; see `wait_for_delivery`.
        """
        client.send(
            self.host,
            self.smtp_port,
            sender,
            recipients,
            data,
            login=(login, self.password) if login is not None else None,
            starttls=self.ssl_context() if starttls else None,
        )

    def wait_for_delivery(
        self, address: str, count: int = 1, timeout: float = 10.0, *, mailbox: str = "INBOX"
    ) -> int:
        """Wait (IMAP IDLE) until ``mailbox`` of ``address`` holds ``count`` messages.

        Returns the number present (>= count). Raises DeliveryTimeout.
        """
        return client.wait_for_messages(
            self.host, self.imap_port, address, self.password, count, mailbox=mailbox, timeout=timeout
        )

    def fetch_all(self, address: str, mailbox: str = "INBOX") -> list[client.StoredMessage]:
        """Every message of ``mailbox`` as (uid, flags, bytes), fetched with BODY.PEEK."""
        return client.fetch_messages(self.host, self.imap_port, address, self.password, mailbox=mailbox)

    # -- internals ----------------------------------------------------------

    def _choose_smtp_kind(self) -> SmtpKind:
        if self._requested_smtp != "auto":
            return self._requested_smtp
        return "postfix" if os.geteuid() == 0 else "aiosmtpd-lmtp"

    def _make_base(self) -> Path:
        if self._base is None:
            if self._given_dir is None:
                self._base = Path(tempfile.mkdtemp(prefix="mb", dir="/tmp"))
                self._owns_base = True
            else:
                self._base = self._given_dir.resolve()
                self._base.mkdir(parents=True, exist_ok=True)
        run_dir = self._base / "run"
        if len(str(run_dir)) > _MAX_RUN_DIR_LEN:
            raise MailStackError(
                f"{self._base} is too long for Dovecot's unix sockets; use a short directory,"
                ' e.g. tempfile.mkdtemp(prefix="mb", dir="/tmp")'
            )
        return self._base

    def _remove_base(self) -> None:
        if self._owns_base and self._base is not None:
            shutil.rmtree(self._base, ignore_errors=True)
            self._base = None
            self._tls = None
            self._owns_base = False

    def _start_daemons(
        self,
        kind: SmtpKind,
        binaries: _Binaries,
        dirs: _Dirs,
        account: _Account,
        tls: TlsFiles,
        ep: Endpoints,
    ) -> None:
        privileged = os.geteuid() == 0
        internal = _stock_user("dovecot", account) if privileged else account
        login = _stock_user("dovenull", account) if privileged else account
        conf = dirs.base / "dovecot.conf"
        conf.write_text(
            dovecot_conf(
                DovecotSettings(
                    instance_name=f"mailbot-{dirs.base.name}",
                    run_dir=dirs.base / "run",
                    state_dir=dirs.base / "state",
                    log_file=dirs.log / "dovecot.log",
                    mail_root=dirs.mail,
                    tls=tls,
                    password=self.password,
                    imap_port=ep.imap_port,
                    imaps_port=ep.imaps_port,
                    lmtp_port=ep.lmtp_port,
                    auth_port=ep.auth_port,
                    privileged=privileged,
                    mail_user=account.name,
                    mail_group=account.group,
                    mail_uid=account.uid,
                    login_user=login.name,
                    internal_user=internal.name,
                    internal_group=internal.group,
                )
            )
        )
        dovecot = Daemon("dovecot", [binaries.dovecot, "-F", "-c", str(conf)], dirs.log / "dovecot.out")
        self._spawn(dovecot)

        # Prepare the SMTP side while Dovecot starts up.
        if kind == "postfix":
            assert ep.auth_port is not None and binaries.postfix and binaries.master
            etc = _write_postfix_config(dirs, tls, ep.smtp_port, ep.lmtp_port, ep.auth_port)
            _postfix_check(binaries.postfix, etc, dirs.log / "postfix.out")
            smtp = Daemon("postfix", [binaries.master, "-c", str(etc)], dirs.log / "postfix.out")
        else:
            env = dict(os.environ)
            env[RELAY_PASSWORD_ENV] = self.password
            smtp = Daemon(
                "aiosmtpd-lmtp relay",
                [
                    sys.executable, "-m", "mailbot.devstack.relay",
                    "--port", str(ep.smtp_port), "--lmtp-port", str(ep.lmtp_port),
                    "--cert", str(tls.cert), "--key", str(tls.key),
                ],
                dirs.log / "relay.log",
                env=env,
            )
        self._spawn(smtp)

        deadline = time.monotonic() + self._start_timeout
        verified = ssl.create_default_context(cafile=str(tls.cert))
        wait_for_greeting(dovecot, ep.imap_port, b"* OK", deadline)
        wait_for_greeting(dovecot, ep.imaps_port, b"* OK", deadline, tls=verified)
        wait_for_greeting(dovecot, ep.lmtp_port, b"220 ", deadline)
        if ep.auth_port is not None:
            # Dovecot's auth server opens its side of the handshake unprompted.
            wait_for_greeting(dovecot, ep.auth_port, b"VERSION\t", deadline)
        wait_for_greeting(smtp, ep.smtp_port, b"220 ", deadline)

    def _spawn(self, daemon: Daemon) -> None:
        daemon.start()
        self._daemons.append(daemon)
        assert daemon.pid is not None
        self._watchdog.watch(daemon.pid)

    def _stop_daemons(self) -> None:
        daemons, self._daemons = self._daemons, []
        # Postfix first in the list, so queued LMTP hand-offs stop before Dovecot;
        # all are signalled before any is waited for, so they stop in parallel.
        for daemon in reversed(daemons):
            daemon.signal_stop()
        errors = []
        for daemon in reversed(daemons):
            try:
                daemon.wait_stopped(_STOP_TIMEOUT)
            except MailStackError as exc:
                errors.append(str(exc))
        if errors:
            raise MailStackError("; ".join(errors))
        self._watchdog.clear()


# -- machine facts ---------------------------------------------------------


@dataclass(frozen=True)
class _Binaries:
    dovecot: str
    postfix: str | None
    master: str | None


def _find_binaries(kind: SmtpKind) -> _Binaries:
    dovecot = shutil.which("dovecot", path=_SBIN_PATH)
    if dovecot is None:
        raise MailStackNotInstalled("dovecot not found: run scripts/test, which installs it")
    if kind != "postfix":
        return _Binaries(dovecot, None, None)
    postfix = shutil.which("postfix", path=_SBIN_PATH)
    postconf = shutil.which("postconf", path=_SBIN_PATH)
    if postfix is None or postconf is None:
        raise MailStackNotInstalled(
            "postfix not found: run scripts/test, which installs it"
            ' (or use MailStack(smtp="aiosmtpd-lmtp"))'
        )
    daemon_dir = subprocess.run(
        [postconf, "-d", "-h", "daemon_directory"], capture_output=True, text=True, check=False
    ).stdout.strip()
    master = Path(daemon_dir or "/usr/lib/postfix/sbin") / "master"
    if not master.exists():
        raise MailStackNotInstalled(f"postfix master daemon not found at {master}")
    return _Binaries(dovecot, postfix, str(master))


_SBIN_PATH = os.pathsep.join(
    [os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin", "/sbin"]
)


def _account(entry: pwd.struct_passwd) -> _Account:
    return _Account(entry.pw_name, entry.pw_uid, grp.getgrgid(entry.pw_gid).gr_name, entry.pw_gid)


def _mail_account() -> _Account:
    """The user that owns the maildirs.

    Without root: ourselves. As root: ``vmail``, created as a system user if
    missing; if that fails (no useradd, read-only /etc) the stock ``mail``
    user, then ``nobody``. Never root: Dovecot refuses to deliver as root.
    """
    if os.geteuid() != 0:
        return _account(pwd.getpwuid(os.geteuid()))
    try:
        return _account(pwd.getpwnam("vmail"))
    except KeyError:
        pass
    useradd = shutil.which("useradd", path=_SBIN_PATH)
    if useradd is not None:
        # Another stack may be creating it concurrently: re-check, whatever the status.
        subprocess.run(
            [useradd, "--system", "--user-group", "--no-create-home",
             "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "vmail"],
            capture_output=True, check=False,
        )
    for name in ("vmail", "mail", "nobody"):
        try:
            return _account(pwd.getpwnam(name))
        except KeyError:
            continue
    raise MailStackError("no unprivileged user to own the maildirs (tried vmail, mail, nobody)")


def _stock_user(name: str, fallback: _Account) -> _Account:
    """A user the Debian dovecot package creates, or ``fallback`` if it is missing."""
    try:
        return _account(pwd.getpwnam(name))
    except KeyError:
        return fallback


# -- the directory ---------------------------------------------------------


@dataclass(frozen=True)
class _Dirs:
    base: Path
    log: Path
    mail: Path
    postfix: Path


def _layout(base: Path, account: _Account) -> _Dirs:
    """Create the directory tree; the maildir root belongs to the mail user."""
    dirs = _Dirs(base=base, log=base / "log", mail=base / "mail", postfix=base / "postfix")
    for path in (dirs.log, dirs.mail, base / "state"):
        path.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        # Mail and postfix users must be able to walk into the tree.
        base.chmod(0o711)
        _check_traversable(base, account)
        os.chown(dirs.mail, account.uid, account.gid)
    dirs.mail.chmod(0o700)
    return dirs


def _check_traversable(base: Path, account: _Account) -> None:
    for parent in base.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001 and parent.stat().st_uid != account.uid:
            raise MailStackError(
                f"{parent} is not searchable by {account.name}, who must reach {base};"
                ' use e.g. tempfile.mkdtemp(prefix="mb", dir="/tmp")'
            )


def _write_postfix_config(dirs: _Dirs, tls: TlsFiles, smtp_port: int, lmtp_port: int, auth_port: int) -> Path:
    etc = dirs.postfix / "etc"
    etc.mkdir(parents=True, exist_ok=True)
    (dirs.postfix / "spool").mkdir(exist_ok=True)  # postfix check fills it in
    settings = PostfixSettings(
        config_dir=etc,
        queue_dir=dirs.postfix / "spool",
        data_dir=dirs.postfix / "data",
        log_file=dirs.log / "postfix.log",
        tls=tls,
        smtp_port=smtp_port,
        lmtp_port=lmtp_port,
        auth_port=auth_port,
    )
    files = {
        "main.cf": postfix_main_cf(settings),
        "master.cf": postfix_master_cf(settings),
        "virtual_domains": VIRTUAL_DOMAINS_TABLE,
        "virtual_mailboxes": VIRTUAL_MAILBOXES_TABLE,
    }
    # Postfix re-reads a main.cf younger than 2 s in a loop: backdate everything.
    past = time.time() - 60
    for name, text in files.items():
        path = etc / name
        path.write_text(text)
        os.utime(path, (past, past))
    return etc


def _postfix_check(postfix: str, etc: Path, log: Path) -> None:
    """``postfix check``: validates the config and creates the queue directories."""
    result = subprocess.run(
        [postfix, "-c", str(etc), "check"], capture_output=True, text=True, check=False
    )
    with log.open("a") as out:
        out.write(result.stdout + result.stderr)
    if result.returncode != 0:
        raise MailStackStartError(f"postfix check failed ({result.returncode}): {result.stderr.strip()}")
