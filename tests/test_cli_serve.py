"""`budget-kg serve` as a real process: it answers /health and GraphQL over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from server.cli import main
from tests.contract import PROGRAMS, program_one_over_http
from tests.documents import MICC, ROOT

STARTUP = 60.0
"""At most this many seconds for the server to answer /health (a bound, not a measure)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def command(port: int) -> list[str]:
    """The installed `budget-kg` script, or the module when it is not installed."""
    script = Path(sys.executable).parent / "budget-kg"
    start = [str(script)] if script.exists() else [sys.executable, "-m", "server.cli"]
    return [*start, "serve", "--host", "127.0.0.1", "--port", str(port)]


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


def test_serve_answers_health_and_graphql(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command(port), cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=dict(os.environ)
        )
        try:
            base = f"http://127.0.0.1:{port}"
            health = wait_for_health(f"{base}/health", process, log)
            response = httpx.post(f"{base}/graphql", json={"query": PROGRAMS}, timeout=10.0)
        finally:
            stop(process)
    assert health["status"] == "ok"
    assert (health["documents"], health["nodes"]) == (1, 75)
    program_one_over_http(response.json())


@pytest.fixture
def no_listening(monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve` must stop before uvicorn runs: if it does not, fail rather than listen."""

    def run(*args: Any, **kwargs: Any) -> None:
        pytest.fail(f"serve started uvicorn: {args} {kwargs}")

    monkeypatch.setattr(uvicorn, "run", run)


@pytest.mark.usefixtures("no_listening")
def test_serve_refuses_missing_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent.txt"
    assert main(["serve", str(missing)]) == 1
    assert capsys.readouterr().err == f"{missing}: no such document\n"


@pytest.mark.usefixtures("no_listening")
def test_serve_refuses_a_broken_document_before_listening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.txt"
    text = MICC.read_text(encoding="utf-8").replace("3 794,8", "3 79A,8", 1)
    broken.write_text(text, encoding="utf-8")
    assert main(["serve", str(broken), "--port", "1"]) == 1
    assert capsys.readouterr().err == (
        f'{broken}:65: cell 2 "3 79A,8" is not an amount (expected e.g. 3 794,8)\n'
    )


@pytest.mark.usefixtures("no_listening")
def test_serve_refuses_a_directory_without_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("-", encoding="utf-8")
    assert main(["serve", str(tmp_path), "--port", "1"]) == 1
    assert capsys.readouterr().err == f"{tmp_path}: no *.txt document\n"
