"""`make conformance`: clients nobody here wrote, against a real `budget-kg serve`.

Starts the server on 127.0.0.1 (a free port), runs graphql-http's GraphQL-over-HTTP
audit, Apollo Client with persisted queries and gql through the README's tour, stops
the server, and writes the results to docs/CONFORMANCE.md. Exits 1 unless the audit
passes every check with no warning and both clients pass theirs.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REPORT = ROOT / "docs" / "CONFORMANCE.md"
STARTUP = 60.0
"""At most this many seconds for the server to answer /health."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def started(port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "budget-kg"), "serve", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--host", "127.0.0.1"], cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit(f"budget-kg serve did not answer /health within {STARTUP:.0f} s:\n{log}")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def ran(command: list[str], cwd: Path = HERE) -> tuple[int, Any]:
    """A client's exit status and the JSON report it printed."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    try:
        return done.returncode, json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"{command[1]} printed no report:\n{done.stdout}{done.stderr}") from None


def versions() -> dict[str, str]:
    lock = json.loads((HERE / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    found = {n: lock[f"node_modules/{n}"]["version"] for n in ("graphql-http", "@apollo/client")}
    pinned = (HERE / "requirements.txt").read_text(encoding="utf-8").split()
    found["gql"] = next(p.split("==")[1] for p in pinned if p.startswith("gql=="))
    return found


def main() -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}/graphql"
    log = HERE / "serve.log"
    server = started(port, log)
    try:
        _, audit = ran(["node", "audit.mjs", url])
        apollo_status, apollo = ran(["node", "apollo.mjs", url])
        gql = [str(HERE / ".venv" / "bin" / "python"), "-m", "tools.conformance.gql_tour", url]
        gql_status, tour = ran(gql, cwd=ROOT)
    finally:
        stop(server)
    statuses = Counter(a["status"] for a in audit)
    REPORT.write_text(report(audit, statuses, apollo, tour), encoding="utf-8")
    print(f"{REPORT.relative_to(ROOT)}: {statuses['ok']}/{len(audit)} audits ok")
    passed = statuses["ok"] == len(audit) and apollo_status == 0 and gql_status == 0
    return 0 if passed else 1


def report(audit: list[dict[str, Any]], statuses: Counter[str], apollo: Any, tour: Any) -> str:
    pinned = ", ".join(f"{name} {version}" for name, version in versions().items())
    head = [
        "# GraphQL over HTTP: conformance",
        "",
        f"Written by `make conformance` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC against",
        f"`budget-kg serve` (data/), with {pinned}.",
        "",
    ]
    return "\n".join(head + audit_section(audit, statuses) + clients_section(apollo, tour))


def audit_section(audit: list[dict[str, Any]], statuses: Counter[str]) -> list[str]:
    return [
        "## graphql-http audit",
        "",
        f"{statuses['ok']}/{len(audit)} ok, {statuses['warn']} warnings, "
        f"{statuses['notice']} notices, {statuses['error']} errors.",
        "",
        "| id | audit | result |",
        "|---|---|---|",
        *(f"| `{a['id']}` | {a['name']} | {a['status']} |" for a in audit),
        "",
    ]


def clients_section(apollo: Any, tour: Any) -> list[str]:
    return [
        "## Apollo Client, automatic persisted queries",
        "",
        "Two queries of the tour, each by a fresh client twice: the first time the hash",
        "alone (GET) is not found and the client sends hash and query (POST); the second",
        "time the hash alone (GET) answers. `possibleTypes` read from introspection. Then",
        "both queries again through `BatchHttpLink`, in one POST.",
        "",
        *(f"- {check}: {'pass' if ok else 'FAIL'}" for check, ok in apollo["checks"].items()),
        "",
        "## gql, the README tour",
        "",
        f"{sum(r['ok'] for r in tour)}/{len(tour)} queries as the README says (the bad "
        "argument fails with its message).",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
