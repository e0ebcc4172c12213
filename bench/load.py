"""Load generators for the HTTP benchmark: wrk when installed (`make bench` installs it
from Debian where it can), else a bounded Python client (fewer requests a second than
wrk can send: its ceiling is lower, and the report names which one ran).

Each run is one target, `connections` keep-alive connections, `seconds` long; a run
that asks for unique queries numbers each request's text (a comment at its end), so no
cache can answer it.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS = 32
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True, slots=True)
class Stats:
    """One run: requests a second, and latency percentiles in milliseconds."""

    per_second: float
    p50_ms: float
    p99_ms: float


def generator() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def run(url: str, query: str, seconds: float, unique: bool) -> Stats:
    if shutil.which("wrk"):
        return run_wrk(url, query, seconds, unique)
    return asyncio.run(run_python(url, query, seconds, unique))


LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local head = [==[%s]==]
local unique = %s
local counter = 0
request = function()
  local tail = ""
  if unique then
    counter = counter + 1
    tail = " # " .. tostring(counter) .. "-" .. tostring(math.random(1000000000))
  end
  return wrk.format(nil, nil, nil, head .. tail .. '"}')
end
"""


def _lua(query: str, unique: bool) -> str:
    """The script: the JSON body up to the end of the query's text, then the number."""
    flat = " ".join(query.split())
    head = '{"query":' + json.dumps(flat)[:-1]
    return LUA % (head, "true" if unique else "false")


def run_wrk(url: str, query: str, seconds: float, unique: bool) -> Stats:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(query, unique))
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds:g}s", "--latency", "-s"]
    out = subprocess.run(
        [*command, script.name, url], capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    Path(script.name).unlink()
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    return Stats(per_second, _percentile(out, "50%"), _percentile(out, "99%"))


def _percentile(out: str, label: str) -> float:
    found = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    return float(found[1]) * UNITS[found[2]] if found else float("nan")


async def run_python(url: str, query: str, seconds: float, unique: bool) -> Stats:
    """`CONNECTIONS` asyncio clients on keep-alive connections, for `seconds`."""
    host, port, path = re.fullmatch(r"http://([^:/]+):(\d+)(/.*)", url).groups()  # type: ignore[union-attr]
    end = time.perf_counter() + seconds
    latencies: list[float] = []
    flat = " ".join(query.split())
    clients = [_client(host, int(port), path, flat, unique, end, latencies, i) for i in range(8)]
    await asyncio.gather(*clients)
    latencies.sort()
    count = len(latencies)
    return Stats(
        count / seconds, latencies[count // 2], latencies[min(count - 1, count * 99 // 100)]
    )


async def _client(
    host: str, port: int, path: str, query: str, unique: bool, end: float,
    latencies: list[float], number: int,
) -> None:  # fmt: skip
    reader, writer = await asyncio.open_connection(host, port)
    sent = 0
    while time.perf_counter() < end:
        sent += 1
        text = f"{query} # {number}-{sent}" if unique else query
        body = json.dumps({"query": text}).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Accept: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        start = time.perf_counter()
        writer.write(head.encode() + body)
        headers = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length:\s*(\d+)", headers)[1])  # type: ignore[index]
        await reader.readexactly(length)
        latencies.append((time.perf_counter() - start) * 1000)
    writer.close()
