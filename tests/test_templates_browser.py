"""The HTML part of every preview opens in headless Chromium without console errors.

Talks to the browser over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: NUL-separated JSON on fds 3 and 4), so no
websocket library is needed. Skipped when no Chromium binary is installed
(Debian/Ubuntu: ``apt-get install chromium``). Writes one screenshot per store
to ``tests/artifacts/templates/``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mailbot.outbound.template_context import Kind

from .test_templates import STORES, every_preview

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "templates"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell")
TIMEOUT = 30.0


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(Exception):
    pass


class Browser:
    """One headless Chromium and one page, driven over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        ours_read, child_write = os.pipe()
        child_read, ours_write = os.pipe()

        def as_fds_3_and_4() -> None:  # runs in the child before exec
            high_read = fcntl.fcntl(child_read, fcntl.F_DUPFD, 100)
            high_write = fcntl.fcntl(child_write, fcntl.F_DUPFD, 100)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        args = [
            binary,
            "--headless",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--disable-background-networking",
            "--hide-scrollbars",
        ]
        if os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to run as root otherwise
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=as_fds_3_and_4,
        )
        os.close(child_read)
        os.close(child_write)
        self._read = ours_read
        self._write = ours_write
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 720, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], TIMEOUT)
            if not ready:
                raise BrowserError("no answer from the browser")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False) -> dict[str, Any]:
        self._next_id += 1
        request: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = self.session
        os.write(self._write, json.dumps(request).encode() + b"\0")
        while True:
            message = self._message()
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def open(self, path: Path) -> list[str]:
        """Load ``path``; return the console errors and exceptions it caused."""
        self.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._message())
        # A round trip after the load event: anything logged during load is in.
        self.call("Runtime.evaluate", {"expression": "document.readyState"}, session=True)
        return [problem for event in self.events if (problem := _console_problem(event))]

    def text(self) -> str:
        result = self.call("Runtime.evaluate", {"expression": "document.body.innerText", "returnByValue": True}, session=True)
        return str(result["result"]["value"])

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except BrowserError:
            pass
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._read)
        os.close(self._write)


def _console_problem(event: dict[str, Any]) -> str | None:
    method = event.get("method")
    params = event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return f"exception: {params.get('exceptionDetails', {}).get('text')}"
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        return f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}"
    if method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        return f"log: {params['entry'].get('text')}"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    binary = find_browser()
    if binary is None:
        pytest.skip(f"no headless browser installed (looked for {', '.join(BROWSERS)}; Debian: apt-get install chromium)")
    running = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield running
    finally:
        running.close()


def test_the_harness_sees_console_errors(browser: Browser, tmp_path: Path) -> None:
    """Control: a page that does log an error is caught, so silence means something."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>console.error('boom'); undefinedFn();</script></body></html>")
    problems = browser.open(page)
    assert any("boom" in p for p in problems) and any("exception" in p for p in problems)


def test_every_preview_opens_without_console_errors(browser: Browser, tmp_path: Path) -> None:
    pages = every_preview(tmp_path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    failures: dict[str, list[str]] = {}
    opened = 0
    for store in STORES:
        for page in pages[store]:
            problems = browser.open(page)
            opened += 1
            if problems:
                failures[page.name] = problems
            assert "CS-000123" in browser.text() or Kind.TEMPLATE_ERROR.value in page.name
            if page.name == f"{store}-ack-en.html":
                browser.screenshot(ARTIFACTS / f"{store}-ack-en.png")
    assert failures == {}
    assert opened == sum(len(p) for p in pages.values())
    assert all((ARTIFACTS / f"{store}-ack-en.png").stat().st_size > 1000 for store in STORES)
