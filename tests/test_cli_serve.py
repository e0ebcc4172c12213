"""`budget-kg serve` as a real process: it answers /health and GraphQL over HTTP."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from server.cli import main
from tests.contract import PROGRAMS, program_one_over_http
from tests.documents import MICC, ROOT
from tests.serving import command, free_port, stop, wait_for_health

JSON = {"content-type": "application/json"}


FLAGS = ("--max-depth", "5", "--cache-control", "public, max-age=5")
ENVIRONMENT = {"BUDGET_KG_MAX_ALIASES": "1", "BUDGET_KG_MAX_DEPTH": "9"}
"""The flag wins over the environment for depth; the environment sets the aliases."""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `budget-kg serve` on 127.0.0.1, started for this module and stopped after."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command(port, *FLAGS),
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, **ENVIRONMENT},
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for_health(f"{url}/health", process, log)
            yield url
        finally:
            stop(process)


def test_serve_answers_health_and_graphql(base: str) -> None:
    health = httpx.get(f"{base}/health", timeout=10.0)
    response = httpx.post(f"{base}/graphql", json={"query": PROGRAMS}, timeout=10.0)
    assert health.json()["status"] == "ok"
    assert (health.json()["documents"], health.json()["nodes"]) == (1, 75)
    assert health.headers["cache-control"] == "public, max-age=5"
    program_one_over_http(response.json())


def test_serve_speaks_graphql_over_http(base: str) -> None:
    modern = {"accept": "application/graphql-response+json"}
    parse = httpx.post(f"{base}/graphql", json={"query": "{"}, headers=modern, timeout=10.0)
    body = httpx.post(f"{base}/graphql", content=b"42", headers=JSON, timeout=10.0)
    assert parse.status_code == 400
    assert parse.headers["content-type"] == "application/graphql-response+json; charset=utf-8"
    assert "data" not in parse.json()
    assert body.status_code == 400


def test_serve_takes_limits_from_flags_and_environment(base: str) -> None:
    deep = httpx.post(
        f"{base}/graphql",
        json={
            "query": "{ portfolios { programs { elements { program { elements { name } } } } } }"
        },
        timeout=10.0,
    )  # noqa: E501
    aliases = httpx.post(
        f"{base}/graphql",
        json={"query": "{ a: portfolios { name } b: portfolios { name } }"},
        timeout=10.0,
    )  # noqa: E501
    assert deep.json()["errors"][0]["message"].startswith(
        "the query nests 6 levels of fields, more than 5"
    )  # noqa: E501
    assert aliases.json()["errors"][0]["message"].startswith("the query has 2 aliases, more than 1")  # noqa: E501


def test_serve_revalidates_and_persists_queries(base: str) -> None:
    query = "{ portfolios { name } }"
    digest = hashlib.sha256(query.encode()).hexdigest()
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})
    with httpx.Client(base_url=base, timeout=10.0) as client:
        unknown = client.get("/graphql", params={"extensions": extensions})
        kept = client.post("/graphql", json={"query": query, "extensions": json.loads(extensions)})
        hashed = client.get("/graphql", params={"extensions": extensions})
        again = client.get(
            "/graphql",
            params={"extensions": extensions},
            headers={"if-none-match": hashed.headers["etag"]},  # noqa: E501
        )
    assert unknown.json()["errors"][0]["extensions"] == {"code": "PERSISTED_QUERY_NOT_FOUND"}
    assert kept.json() == hashed.json()
    assert hashed.headers["cache-control"] == "public, max-age=5"
    assert (again.status_code, again.content) == (304, b"")


def test_serve_refuses_a_large_body_unread(base: str) -> None:
    """50 MB declared, 2 bytes sent: the answer comes without the server waiting for more."""
    host, port = base.removeprefix("http://").split(":")
    head = (
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {50 * 2**20}\r\nConnection: close\r\n\r\n{{}}"
    )
    with socket.create_connection((host, int(port)), timeout=10.0) as connection:
        connection.sendall(head.encode())
        answer = b""
        while chunk := connection.recv(65_536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b'"extensions":{"code":"BAD_REQUEST"}' in answer


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
