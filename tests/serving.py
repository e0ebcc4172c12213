"""Real `budget-kg serve` processes for the tests: on 127.0.0.1, a free port, stopped after."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.documents import MICC, ROOT

STARTUP = 60.0
"""At most this many seconds for the server to answer /health (a bound, not a measure)."""

ROW = "1. Immigration\t3 794,8\t0,0\t0,0\t3 794,8"
"""Element 1 of program 1 (line 65): a reload changes it by one thousand dollars."""
CHANGED = ROW.replace("3 794,8", "3 795,8")
BROKEN = ROW.replace("3 794,8", "3 79A,8", 1)
BROKEN_ERROR = 'micc-2007-2008.txt:65: cell 2 "3 79A,8" is not an amount (expected e.g. 3 794,8)'


def rewrite(document: Path, row: str) -> None:
    """The document with line 65 replaced, written whole (as an editor saves)."""
    text = MICC.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    partial = document.with_suffix(".partial")
    partial.write_text(text.replace(ROW, row), encoding="utf-8")
    partial.replace(document)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def command(port: int, *flags: str) -> list[str]:
    """The installed `budget-kg` script, or the module when it is not installed."""
    script = Path(sys.executable).parent / "budget-kg"
    start = [str(script)] if script.exists() else [sys.executable, "-m", "server.cli"]
    return [*start, "serve", "--host", "127.0.0.1", "--port", str(port), *flags]


def wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> dict[str, Any]:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped ({process.returncode}):\n{log.read_text()}")
        try:
            response = httpx.get(url, timeout=2.0)
        except httpx.TransportError:
            time.sleep(0.1)
            continue
        if response.status_code == 200:
            found: dict[str, Any] = response.json()
            return found
    pytest.fail(f"no answer from {url} within {STARTUP} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True, slots=True)
class Server:
    """A running `serve`: its base URL, process and log."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def health(self) -> dict[str, Any]:
        found: dict[str, Any] = httpx.get(f"{self.url}/health", timeout=10.0).json()
        return found


@contextmanager
def serving(log: Path, *flags: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`budget-kg serve FLAGS...`, answering /health, stopped when the block ends."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            command(port, *flags),
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for_health(f"{url}/health", process, log)
            yield Server(url, process, log)
        finally:
            stop(process)


def until(server: Server, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """/health asked until `done` holds (bounded: `STARTUP` seconds)."""
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if done(found := server.health()):
            return found
        time.sleep(0.05)
    pytest.fail(f"/health never satisfied the test:\n{server.log.read_text()}")
