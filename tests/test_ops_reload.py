"""Reloads under load, against a real `serve` (one process): a changed document switches
every later answer, a broken one changes nothing but `/health`; no request fails."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from tests.load import Answer, Load, expenditure_of_program_one
from tests.serving import BROKEN, BROKEN_ERROR, CHANGED, STARTUP, Server, rewrite, serving, until


@pytest.fixture
def watched(document: Path, tmp_path: Path) -> Iterator[Server]:
    flags = (str(document.parent), "--watch", "--watch-interval", "0.1")
    with serving(tmp_path / "serve.log", *flags) as server:
        yield server


@pytest.fixture
def signalled(document: Path, tmp_path: Path) -> Iterator[Server]:
    with serving(tmp_path / "serve.log", str(document)) as server:
        yield server


def running(load: Load, more: int) -> None:
    """Wait until every thread has sent `more` requests beyond the present (bounded)."""
    targets = [n + more for n in load.counts()]
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if all(n >= t for n, t in zip(load.counts(), targets, strict=True)):
            return
        time.sleep(0.02)
    pytest.fail(f"the load stalled at {load.counts()}")


def one_tag_per_body(answers: list[Answer]) -> dict[str, set[str | None]]:
    """Each distinct body with the ETags it came with: one each, or a response mixed two
    graphs (its ETag carries the data version, its body the figures)."""
    tags: dict[str, set[str | None]] = {}
    for answer in answers:
        tags.setdefault(answer.body, set()).add(answer.etag)
    return tags


def test_a_changed_document_switches_every_later_answer(watched: Server, document: Path) -> None:
    old = watched.health()["dataVersion"]
    with Load(watched.url) as load:
        running(load, 5)
        before = load.every()[0].body
        rewrite(document, CHANGED)
        health = until(watched, lambda h: h["dataVersion"] != old)
        marks = load.counts()
        running(load, 5)
    assert load.failures() == []
    # A thread's request in flight at the mark may have begun before the swap; the next
    # one began after it.
    later = [kept[mark + 1 :] for kept, mark in zip(load.answers, marks, strict=True)]
    assert all(later)
    new = {a.body for answers in later for a in answers}
    assert len(new) == 1
    after = new.pop()
    tags = one_tag_per_body(load.every())
    assert set(tags) == {before, after}
    assert all(len(t) == 1 for t in tags.values())
    for kept in load.answers:  # once a client saw the new graph, it never sees the old
        bodies = [a.body for a in kept]
        assert set(bodies[bodies.index(after) :]) == {after}
    one = Decimal(expenditure_of_program_one(before)) + Decimal("1.0")
    assert Decimal(expenditure_of_program_one(after)) == one
    assert health["lastReload"]["ok"] is True
    assert health["lastReload"]["error"] is None


def test_a_broken_document_keeps_the_old_graph_until_a_good_reload(
    signalled: Server, document: Path
) -> None:
    old = signalled.health()["dataVersion"]
    with Load(signalled.url) as load:
        running(load, 5)
        rewrite(document, BROKEN)
        os.kill(signalled.process.pid, signal.SIGHUP)
        refused = until(signalled, lambda h: h["lastReload"] is not None)
        running(load, 5)
    assert load.failures() == []
    assert len({a.body for a in load.every()}) == 1
    assert (refused["dataVersion"], refused["lastReload"]["ok"]) == (old, False)
    assert refused["lastReload"]["error"] == BROKEN_ERROR
    assert str(document.parent) in signalled.log.read_text()  # the log names the file
    rewrite(document, CHANGED)
    os.kill(signalled.process.pid, signal.SIGHUP)
    fixed = until(signalled, lambda h: h["lastReload"]["ok"])
    assert fixed["lastReload"]["error"] is None
    assert fixed["dataVersion"] != old
