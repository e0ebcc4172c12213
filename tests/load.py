"""A bounded concurrent load against a real server: threads that post one query over and
over and keep every answer (its status, ETag and body), for the reload tests."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.contract import PORTFOLIO

PROGRAM_ONE = (
    "{ programs(portfolio: " + f'"{PORTFOLIO}"' + ', year: "2007-2008") '
    "{ number budget { expenditure } elements { number budget { expenditure } } } }"
)
THREADS = 4
MOST = 2000
"""Requests a thread sends at most: the load is bounded even if a test never stops it."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    etag: str | None
    body: str
    failure: str | None = None


@dataclass
class Load:
    """`THREADS` clients posting `PROGRAM_ONE` until stopped (or `MOST` requests each)."""

    url: str
    answers: list[list[Answer]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> Load:
        for _ in range(THREADS):
            kept: list[Answer] = []
            self.answers.append(kept)
            thread = threading.Thread(target=self._send, args=(kept,), daemon=True)
            self.threads.append(thread)
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _send(self, kept: list[Answer]) -> None:
        with httpx.Client(base_url=self.url, timeout=30.0) as client:
            while not self.stopping.is_set() and len(kept) < MOST:
                kept.append(_ask(client))

    def counts(self) -> list[int]:
        return [len(kept) for kept in self.answers]

    def every(self) -> list[Answer]:
        return [a for kept in self.answers for a in kept]

    def failures(self) -> list[Answer]:
        return [a for a in self.every() if a.failure or a.status != 200 or '"errors"' in a.body]


def _ask(client: httpx.Client) -> Answer:
    try:
        response = client.post("/graphql", json={"query": PROGRAM_ONE})
    except httpx.HTTPError as exc:
        return Answer(0, None, "", failure=repr(exc))
    return Answer(response.status_code, response.headers.get("etag"), response.text)


def expenditure_of_program_one(body: str) -> Any:
    programs = json.loads(body)["data"]["programs"]
    return next(p["budget"]["expenditure"] for p in programs if p["number"] == 1)
