"""A headless Chromium for the browser tests, driven over the DevTools protocol.

Debian's `chromium` (installed by `make test` when missing; never downloaded by
the tests) runs with every host but 127.0.0.1 unresolvable and a proxy that
refuses every connection loopback does not bypass, so a page that tried to load
anything from elsewhere would fail, and the requests it made are recorded.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from websockets.sync.client import ClientConnection, connect

EXECUTABLE = "chromium"
STARTUP = 30.0
"""At most this many seconds for Chromium to open its DevTools port (a bound)."""
WAIT = 20.0
"""At most this many seconds for a page to reach a state (a bound, not a measure)."""
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",  # loopback bypasses it; anything else is refused
    "--remote-debugging-port=0",
    "--window-size=1400,1000",
)
LOOPBACK = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "about", "blob"}


class BrowserError(AssertionError):
    """The page did not reach the state a test waited for, or a command failed."""


def executable() -> str | None:
    return shutil.which(EXECUTABLE)


class Page:
    """One tab, attached over a flat DevTools session."""

    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target
        self.requests: list[str] = []
        self.problems: list[str] = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        viewport = {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
        self.call("Emulation.setDeviceMetricsOverride", viewport)

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            self.problems.append(json.dumps(params["exceptionDetails"])[:500])
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.problems.append(params["entry"]["text"])
        elif method == "Runtime.consoleAPICalled" and params["type"] == "error":
            self.problems.append(json.dumps(params["args"])[:500])

    def goto(self, url: str) -> None:
        self.call("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited)."""
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        reply = self.call("Runtime.evaluate", params)
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression[:80]}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float = WAIT) -> Any:
        """Poll `expression` until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"not within {timeout} s: {expression}; problems: {self.problems}")

    def center(self, selector: str) -> tuple[float, float]:
        found = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        if found is None:
            raise BrowserError(f"no element matches {selector}")
        return float(found[0]), float(found[1])

    def click(self, selector: str) -> None:
        """A real mouse click (pressed and released) at the middle of the element."""
        x, y = self.center(selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            event = {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
            self.call("Input.dispatchMouseEvent", event)

    def hover(self, selector: str) -> None:
        x, y = self.center(selector)
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def press(self, key: str, code: int, modifiers: int = 0) -> None:
        """A key going down and up on the focused element (`Enter`, 13)."""
        for kind in ("rawKeyDown", "keyUp"):
            event = {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code}
            self.call("Input.dispatchKeyEvent", event | {"modifiers": modifiers})
        if key == "Enter" and not modifiers:  # what a keyboard's Enter also types
            self.call("Input.dispatchKeyEvent", {"type": "char", "text": "\r", "key": key})

    def screenshot(self, path: Path) -> Path:
        reply = self.call("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(reply["data"]))
        return path

    def outside_requests(self) -> list[str]:
        """Requests this page made to anything but loopback (there should be none)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname not in LOOPBACK
        ]

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})


class Browser:
    """A Chromium process and its DevTools connection (commands answered in order)."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.pages: dict[str, Page] = {}

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {"id": next(self.ids), "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv(timeout=WAIT))
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            if "method" in reply and reply.get("sessionId") in self.pages:
                self.pages[reply["sessionId"]].on_event(reply["method"], reply["params"])

    def new_page(self) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
        session = attached["sessionId"]
        self.pages[session] = page = Page(self, session, target)
        return page


def devtools_url(profile: Path, process: subprocess.Popen[bytes], log: Path) -> str:
    """The browser's DevTools WebSocket, from the port file Chromium writes at start."""
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BrowserError(f"chromium stopped ({process.returncode}):\n{log.read_text()}")
        if port_file.is_file() and len(lines := port_file.read_text().split()) == 2:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.05)
    raise BrowserError(f"chromium gave no DevTools port within {STARTUP} s:\n{log.read_text()}")


@contextmanager
def chromium(path: str, workspace: Path) -> Iterator[Browser]:
    """Chromium with a fresh profile in `workspace`, closed (and its process ended) after."""
    profile, log = workspace / "profile", workspace / "chromium.log"
    profile.mkdir(parents=True)
    with log.open("wb") as output:
        command = [path, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            url = devtools_url(profile, process, log)
            with connect(url, max_size=None, open_timeout=STARTUP) as socket:
                yield Browser(socket)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
