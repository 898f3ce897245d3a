"""Fixtures of the end-to-end web tests: a real ``newsprism serve`` process on a free local port, a corpus
store filled by ``newsprism ingest``, and a headless Chromium driven by Playwright.

The browser is Debian's ``/usr/bin/chromium`` (``make test`` installs it where apt is available); Playwright
never downloads one. Without it the browser tests are skipped, saying why; the server-side checks still run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Screenshots of the pages for a person to look at; git-ignored.
ARTIFACTS = ROOT / "test-artifacts" / "web"
# The settings ``newsprism serve`` hands its workers by environment: a test's server must not inherit them.
_SERVER_VARIABLES = (
    "NEWSPRISM_DB",
    "NEWSPRISM_WRITE_TOKEN",
    "NEWSPRISM_MODEL_TWINS",
    "NEWSPRISM_ALLOW_PRIVATE_URLS",
)
# Loading the real models on a slow machine takes a while; so does a story's first brief.
STARTUP_SECONDS = 120.0


def newsprism_command() -> list[str]:
    """The ``newsprism`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("newsprism")
    if script.exists():
        return [str(script)]
    found = shutil.which("newsprism")
    if found is None:
        pytest.fail("the newsprism console script is not installed (pip install -e .)")
    return [found]


def _environment() -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items() if name not in _SERVER_VARIABLES}
    environment["PYTHONUNBUFFERED"] = "1"
    return environment


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def ingest(inputs: Sequence[Path], db: Path, *, twins: bool, timeout: float = 600.0) -> str:
    """Run ``newsprism ingest`` on ``inputs`` into the store at ``db``; its stderr, for the test to read."""
    command = [*newsprism_command(), "ingest", *map(str, inputs), "--db", sqlite_url(db), "--no-progress"]
    if twins:
        command.append("--model-twins")
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=_environment(), cwd=ROOT, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"newsprism ingest exited {done.returncode}:\n{done.stderr[-4000:]}")
    return done.stderr


def free_port() -> int:
    """A TCP port nothing listens on right now (the kernel's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class LiveServer:
    """A running ``newsprism serve``: its base URL, its store and its log."""

    url: str
    db: Path
    log: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str, timeout: float = STARTUP_SECONDS) -> httpx.Response:
        """GET ``path`` (a story's first brief is computed on request, so the timeout is generous)."""
        return httpx.get(self.url + path, timeout=timeout)

    def post(self, path: str, data: dict[str, str], timeout: float = STARTUP_SECONDS) -> httpx.Response:
        return httpx.post(self.url + path, data=data, timeout=timeout)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def live_server(db: Path, *, twins: bool, write_token: str | None = None) -> Iterator[LiveServer]:
    """``newsprism serve`` on 127.0.0.1 and a free port over the store at ``db``, once it answers; stopped after."""
    port = free_port()
    command = [*newsprism_command(), "serve", "--db", sqlite_url(db), "--host", "127.0.0.1", "--port", str(port)]
    if twins:
        command.append("--model-twins")
    if write_token:
        command += ["--write-token", write_token]
    log = db.with_name(f"{db.stem}-serve-{port}.log")
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=_environment(), cwd=ROOT)
    server = LiveServer(f"http://127.0.0.1:{port}", db, log, process)
    try:
        _wait_until_answering(server)
        yield server
    finally:
        _stop(process)


def _wait_until_answering(server: LiveServer) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"newsprism serve exited {server.process.returncode}:\n{server.log_text()[-4000:]}")
        try:
            if server.get("/", timeout=5.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"newsprism serve did not answer within {STARTUP_SECONDS:.0f}s:\n{server.log_text()[-4000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


ServerFactory = Callable[..., LiveServer]


@pytest.fixture(scope="module")
def start_server() -> Iterator[ServerFactory]:
    """Starts ``newsprism serve`` over a store: ``start_server(db, twins=True)``; every server stops with the module."""
    with ExitStack() as servers:

        def start(db: Path, *, twins: bool, write_token: str | None = None) -> LiveServer:
            return servers.enter_context(live_server(db, twins=twins, write_token=write_token))

        yield start


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server with model twins over a new, empty store."""
    with live_server(tmp_path / "corpus.db", twins=True) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need {CHROMIUM}: apt-get install chromium (make test does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            # Root in a container has no user namespaces for Chromium's sandbox.
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page (its own context: no cookies or cache shared with other tests) at desktop width."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.set_default_timeout(STARTUP_SECONDS * 1000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go: ``test-artifacts/web`` at the repository root."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
