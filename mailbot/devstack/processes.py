"""Process and socket plumbing for the mail stack: ports, greetings, daemons.

A `Daemon` is started in a new session, so the daemon and every child it forks
share one session id; `Daemon.stop` terminates the leader, then kills whatever
is left in the session. That is how the harness guarantees that stopping the
stack leaves no Dovecot or Postfix process behind, even when a master dies
before reaping its children.
"""

from __future__ import annotations

import os
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path

from mailbot.devstack.errors import MailStackError, MailStackStartError

# How often readiness and shutdown checks look again. These are polls of
# *processes* we do not get events for, not waits for mail.
_POLL_SECONDS = 0.01
_GREETING_READ_SECONDS = 0.25


def free_ports(count: int) -> list[int]:
    """Return ``count`` distinct loopback TCP ports that were free a moment ago.

    All sockets are held open until every port is chosen, so the ports differ
    from each other; another process may still grab one before the daemon
    binds it, which the stack handles by retrying its start.
    """
    with ExitStack() as stack:
        ports = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


def tail(path: Path, lines: int = 30) -> str:
    """Return the last ``lines`` lines of a text file, or a note that it does not exist."""
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return f"({path.name}: no such file)"
    return "\n".join(text.splitlines()[-lines:])


class Daemon:
    """One long-running process of the stack, started in a session of its own.

    ``log`` receives the process's stdout and stderr; daemons that log
    elsewhere still write their early failures there.
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        log: Path,
        *,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log = log
        self._env = dict(env) if env is not None else None
        self._cwd = cwd
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The leader's pid (also the session id), None before start()."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Spawn the process; returns at once (readiness is checked separately)."""
        with self.log.open("ab") as out:
            self._process = subprocess.Popen(
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self._env,
                cwd=self._cwd,
                start_new_session=True,
            )

    def exited(self) -> int | None:
        """The exit status if the leader has exited, else None (also None before start)."""
        return self._process.poll() if self._process is not None else None

    def signal_stop(self) -> None:
        """Send SIGTERM to the leader and its whole process group; does not wait.

        Signalling the group, not just the leader, matters for Dovecot: its
        master alone takes a full second to wind its children down, while
        children told directly exit in milliseconds.
        """
        if self._process is None or self._process.poll() is not None:
            return
        try:
            os.killpg(self._process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    def wait_stopped(self, timeout: float) -> None:
        """Wait for the leader to exit, then make sure its whole session is gone.

        After ``timeout`` seconds the leader is killed; leftover session
        members are killed right away. Safe to call twice or before start().
        """
        process = self._process
        if process is None:
            return
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        kill_session(process.pid)


# Runs in its own session, reading "add SID" / "clear" lines on stdin. When
# stdin reaches EOF (the owner closed it, or died in any way, even SIGKILL),
# it terminates every session still registered, then kills what is left.
_WATCHDOG_SCRIPT = """
live=""
while read -r op sid; do
  case "$op" in
    add) live="$live $sid" ;;
    clear) live="" ;;
  esac
done
[ -z "$live" ] && exit 0
for s in $live; do kill -s TERM -- "-$s" 2>/dev/null; done
sleep 1
for s in $live; do kill -s KILL -- "-$s" 2>/dev/null; done
exit 0
"""


class Watchdog:
    """Kills a stack's daemons if the process that owns the stack dies.

    `MailStack.stop` (also run by atexit) is the normal way down; this covers
    an owner killed by SIGTERM or SIGKILL, e.g. a test run stopped by a
    timeout, which would otherwise leave Dovecot and Postfix running for
    good. It is a tiny ``sh`` process holding the read end of a pipe only
    the owner can write to.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if self._process is not None:
            return
        self._process = subprocess.Popen(
            ["/bin/sh", "-c", _WATCHDOG_SCRIPT],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not hit by a Ctrl-C or killpg aimed at the owner
        )

    def watch(self, sid: int) -> None:
        """Register a daemon's session to be killed if the owner dies."""
        self._send(f"add {sid}\n")

    def clear(self) -> None:
        """Forget every registered session (they were stopped properly)."""
        self._send("clear\n")

    def close(self) -> None:
        """Stop the watchdog; call after `clear` when everything is down."""
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None
        process.stdin.close()
        process.wait()

    def _send(self, line: str) -> None:
        if self._process is None or self._process.stdin is None:
            return
        self._process.stdin.write(line.encode())
        self._process.stdin.flush()


def session_members(sid: int) -> list[int]:
    """Pids of live processes whose session id is ``sid`` (Linux /proc)."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue  # exited while we looked
        # Fields after the parenthesised command name: state ppid pgrp session ...
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry))
    return members


def kill_session(sid: int, timeout: float = 2.0) -> None:
    """SIGKILL every process left in session ``sid`` and wait until none remains."""
    deadline = time.monotonic() + timeout
    while members := session_members(sid):
        for pid in members:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if time.monotonic() > deadline:
            raise MailStackError(f"processes of session {sid} survive SIGKILL: {members}")
        time.sleep(_POLL_SECONDS)


def wait_for_greeting(
    daemon: Daemon,
    port: int,
    expect: bytes,
    deadline: float,
    *,
    tls: ssl.SSLContext | None = None,
) -> bytes:
    """Connect to ``127.0.0.1:port`` until the server's first line starts with ``expect``.

    An open port is not enough: the greeting proves the daemon behind it
    works (for ``tls``, that the handshake verifies too). Returns the greeting
    line. Raises MailStackStartError if ``daemon`` exits or ``deadline``
    (a time.monotonic() value) passes.
    """
    last_error = "no attempt"
    while True:
        status = daemon.exited()
        if status is not None:
            raise MailStackStartError(f"{daemon.name} exited with status {status} during start")
        try:
            # Short reads: a squatter on our port (or a daemon that died after
            # accepting) must not hold us past the next liveness check.
            line = _read_greeting(port, tls, min(_GREETING_READ_SECONDS, max(0.05, deadline - time.monotonic())))
            if line.startswith(expect):
                return line
            last_error = f"unexpected greeting {line!r}"
        except (OSError, ssl.SSLError) as exc:
            last_error = f"{type(exc).__name__}: {exc}"
        if time.monotonic() > deadline:
            raise MailStackStartError(
                f"{daemon.name} did not greet on port {port} with {expect!r}: {last_error}"
            )
        time.sleep(_POLL_SECONDS)


def _read_greeting(port: int, tls: ssl.SSLContext | None, timeout: float) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as raw:
        if tls is None:
            with raw.makefile("rb") as stream:
                return stream.readline()
        with tls.wrap_socket(raw, server_hostname="localhost") as wrapped:
            with wrapped.makefile("rb") as stream:
                return stream.readline()
