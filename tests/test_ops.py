"""Snapshots from the command line, the live graph a reload swaps, the reloader and the
workers' follower, in process; the bounded drain of a real `serve` on SIGTERM, and a
query past its time budget that does not hold shutdown."""

from __future__ import annotations

import gc
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph import queries
from graph.attributes import Graph
from server.app import create_app
from server.cli import main
from server.data import Loaded, data_version, load, load_snapshot, save_snapshot
from server.follow import Follower
from server.live import Live, ReloadStatus, write_status
from server.reload import Reloader, Source, status_file_of
from server.settings import Settings
from tests.contract import PORTFOLIOS
from tests.documents import MICC
from tests.serving import BROKEN, BROKEN_ERROR, CHANGED, STARTUP, free_port, rewrite, serving


def test_build_writes_a_snapshot_that_serve_starts_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "graph.snapshot"
    assert main(["build", str(MICC), "-o", str(out)]) == 0
    version = data_version([MICC])
    built = load([MICC]).graph  # the same document built directly: the counts to expect
    nodes, edges = built.number_of_nodes(), built.number_of_edges()
    assert capsys.readouterr().err == (
        f"{out}: 1 document, {nodes} nodes, {edges} edges, data version {version}\n"
    )
    with TestClient(create_app(live=Live(load_snapshot(out)))) as client:
        health = client.get("/health").json()
    assert (health["dataVersion"], health["documents"], health["nodes"]) == (version, 1, nodes)


def test_serve_takes_documents_or_a_snapshot_not_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(MICC), "--snapshot", str(tmp_path / "x"), "--port", "1"]) == 2
    assert capsys.readouterr().err == "budget-kg serve: give documents or --snapshot, not both\n"
    assert main(["serve", "--snapshot", str(tmp_path / "absent"), "--port", "1"]) == 1
    assert "absent: cannot be read" in capsys.readouterr().err


def test_a_swap_reaches_the_next_request(served: Loaded, document: Path) -> None:
    live = Live(served)
    rewrite(document, CHANGED)
    changed = load([document])
    with TestClient(create_app(live=live)) as client:
        before = client.get("/health").json()
        live.swap(changed, ReloadStatus("2026-01-01T00:00:00.000+00:00", True))
        after = client.get("/health").json()
    assert (before["dataVersion"], before["lastReload"]) == (served.version, None)
    assert after["dataVersion"] == changed.version != served.version
    assert after["lastReload"] == {"at": "2026-01-01T00:00:00.000+00:00", "ok": True, "error": None}


def test_a_failed_reload_publishes_its_error_and_no_graph(document: Path) -> None:
    live = Live(load([document]))
    reloader = Reloader(Source((document,)), live.swap, live.loaded.version, watch=None)
    rewrite(document, BROKEN)
    status = reloader.reload()
    assert (status.ok, status.error) == (False, BROKEN_ERROR)
    assert live.loaded.version == data_version([MICC])
    rewrite(document, CHANGED)
    assert reloader.reload().ok
    assert live.loaded.version == data_version([document]) != data_version([MICC])


def test_a_snapshot_reloads_and_a_damaged_one_is_named_not_pathed(document: Path) -> None:
    snapshot = document.parent / "graph.snapshot"
    save_snapshot(load([document]), snapshot)
    live = Live(load_snapshot(snapshot))
    reloader = Reloader(Source(snapshot=snapshot), live.swap, live.loaded.version, watch=None)
    rewrite(document, CHANGED)
    save_snapshot(load([document]), snapshot)
    assert reloader.reload().ok
    assert live.loaded.version == data_version([document])
    snapshot.write_bytes(snapshot.read_bytes()[:-10])
    status = reloader.reload()
    assert status.error == "graph.snapshot: the snapshot is damaged (its checksum does not match)"
    assert live.loaded.version == data_version([document])


def test_watching_waits_for_a_change_to_hold_still(document: Path) -> None:
    reloader = Reloader(Source((document.parent,)), Live(load([document])).swap, "", watch=1.0)
    assert not reloader.changed()
    rewrite(document, CHANGED)
    assert not reloader.changed()  # just written: it may still be being written
    assert reloader.changed()
    reloader.reload()
    assert not reloader.changed()
    (document.parent / "another.txt").write_bytes(MICC.read_bytes())
    assert not reloader.changed()
    assert reloader.changed()  # a new document in a watched directory counts


def test_a_follower_takes_each_published_snapshot_and_status(document: Path) -> None:
    snapshot = document.parent / "graph.snapshot"
    save_snapshot(load([document]), snapshot)
    follower = Follower(snapshot)
    rewrite(document, CHANGED)
    save_snapshot(load([document]), snapshot)
    failed = ReloadStatus("2026-01-01T00:00:00.000+00:00", False, BROKEN_ERROR)
    write_status(failed, status_file_of(snapshot))
    assert follower.live.loaded.version == data_version([MICC])
    anyio.run(follower.poll)
    assert follower.live.loaded.version == data_version([document])
    assert follower.live.last_reload == failed
    snapshot.write_bytes(b"damaged")
    anyio.run(follower.poll)
    assert follower.live.loaded.version == data_version([document])
    assert follower.live.last_reload is not None
    assert not follower.live.last_reload.ok


def test_serve_from_a_snapshot_drains_within_the_bound_on_sigterm(tmp_path: Path) -> None:
    """A request whose body never comes would hold shutdown for ever: `--drain` ends it."""
    snapshot = tmp_path / "graph.snapshot"
    assert main(["build", str(MICC), "-o", str(snapshot)]) == 0
    flags = ("--snapshot", str(snapshot), "--drain", "0.5")
    with serving(tmp_path / "serve.log", *flags) as server:
        assert server.health()["dataVersion"] == data_version([MICC])
        host, port = server.url.removeprefix("http://").split(":")
        head = (
            "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 1000\r\n\r\n{"
        )
        with socket.create_connection((host, int(port)), timeout=10.0) as stalled:
            stalled.sendall(head.encode())
            server.health()  # the server has read the stalled request's head by now
            server.process.terminate()
            try:
                server.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pytest.fail("SIGTERM did not stop the server within 30 s")
    assert "timeout graceful shutdown exceeded" in server.log.read_text()


def test_a_query_past_the_time_budget_does_not_hold_shutdown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The drain (60 s) would outlast the bound; the budget (0.2 s) answers, and the
    server stops while the query's resolver is still blocked."""
    entered, release = threading.Event(), threading.Event()

    def waiting(graph: Graph) -> list[str]:
        entered.set()
        release.wait(timeout=60)
        return []

    monkeypatch.setattr(queries, "portfolios", waiting)
    app = create_app([MICC], settings=Settings(time_budget=0.2))
    answers: list[httpx.Response] = []
    with in_thread(app, drain=60) as (server, running):
        asking = threading.Thread(target=lambda: answers.append(_post_portfolios(server)))
        asking.start()
        try:
            assert entered.wait(timeout=30)
            server.should_exit = True  # what SIGTERM does
            running.join(timeout=30)
            stopped_while_blocked = not running.is_alive() and not release.is_set()
        finally:
            release.set()
            asking.join(timeout=30)
    assert stopped_while_blocked
    assert [a.status_code for a in answers] == [503]


@contextmanager
def in_thread(app: Starlette, drain: int) -> Iterator[tuple[uvicorn.Server, threading.Thread]]:
    """uvicorn serving `app` on 127.0.0.1 in a thread, stopped when the block ends."""
    config = uvicorn.Config(
        app, port=free_port(), timeout_graceful_shutdown=drain, log_level="warning"
    )
    server = uvicorn.Server(config)
    running = threading.Thread(target=server.run, daemon=True)
    running.start()
    try:
        wait_for_start(server)
        yield server, running
    finally:
        server.should_exit = True
        running.join(timeout=30)


def _post_portfolios(server: uvicorn.Server) -> httpx.Response:
    url = f"http://127.0.0.1:{server.config.port}/graphql"
    return httpx.post(url, json={"query": PORTFOLIOS}, timeout=60)


def wait_for_start(server: uvicorn.Server) -> None:
    deadline = time.monotonic() + STARTUP
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started


def test_reading_a_snapshot_leaves_the_collector_as_it_was(
    real_graph: Graph, tmp_path: Path
) -> None:
    snapshot = tmp_path / "graph.snapshot"
    save_snapshot(Loaded(real_graph, (MICC,), "v1"), snapshot)
    assert gc.isenabled()
    assert load_snapshot(snapshot).graph.number_of_nodes() == real_graph.number_of_nodes()
    assert gc.isenabled()
    gc.disable()
    try:
        load_snapshot(snapshot)
        assert not gc.isenabled()
    finally:
        gc.enable()
