"""Run ``panel serve`` on a free loopback port, bounded in time, and read its memory from /proc."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESS_REPO = HERE.parent
FLOOR_APP = HERE / "floor_app.py"
LOGS = HARNESS_REPO / "test-artifacts" / "bench"

# A server log line that means something went wrong in a session (not a 404 or a warning).
PROBLEM = re.compile(r"Traceback \(most recent call last\)|\bERROR\b|\bException\b")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_env(repo: Path) -> dict[str, str]:
    """The environment of both server and checks: ``repo`` first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(repo), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
    )
    return env


def imported_from(repo: Path, module: str = "ycsp_panel") -> str:
    """Where ``module`` resolves for a server started by :class:`Server` in ``repo``: the same
    interpreter, working directory and environment, in a separate process."""
    out = subprocess.run(
        [sys.executable, "-c", f"import {module}; print({module}.__file__)"],
        cwd=repo,
        env=serve_env(repo),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout.strip()


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo.extend(int(c) for c in (task / "children").read_text().split())
    return found


def rss_tree_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (KiB)."""
    total = 0
    for current in process_tree(pid):
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{current}/status").read_text()
            match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
            total += int(match.group(1)) if match else 0
    return total


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_by_process(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) used so far by ``pid`` and by each of its descendants."""
    used = {}
    for current in process_tree(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            used[current] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return used


def cpu_tree_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its descendants."""
    return sum(cpu_by_process(pid).values())


def busiest_share(before: dict[int, float], after: dict[int, float]) -> float | None:
    """Of the CPU the processes used between two readings of :func:`cpu_by_process`, the share
    the busiest one used: 1/N when N processes split the work evenly, 1 when one did it all."""
    used = [after[pid] - before.get(pid, 0.0) for pid in after]
    total = sum(used)
    return max(used) / total if total > 0 else None


@dataclass
class Server:
    """``panel serve app`` in ``repo`` on a free port. ``start()`` returns the seconds from
    spawning the process until ``/<app>`` first answered HTTP 200 (the cold start)."""

    app: Path
    repo: Path
    extra_args: list[str] = field(default_factory=list)
    timeout: float = 120
    name: str = ""
    port: int = 0
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.app.stem}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/{self.app.stem}/ws"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "panel",
            "serve",
            str(self.app),
            "--address",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--allow-websocket-origin",
            f"127.0.0.1:{self.port}",
            *self.extra_args,
        ]

    def _get(self, url: str, method: str = "GET") -> bool:
        request = urllib.request.Request(url, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
                return response.status == 200
        except OSError:
            return False

    def _wait_for(self, url: str, deadline: float, method: str = "GET") -> None:
        while not self._get(url, method):
            if self.process is None or self.process.poll() is not None:
                code = None if self.process is None else self.process.returncode
                raise RuntimeError(f"panel serve exited with {code}; see {self.log_path}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"no answer from {url} in {self.timeout} s; see {self.log_path}")
            time.sleep(0.05)

    def start(self) -> dict[str, float]:
        """Start; returns ``listening_s`` (spawn until a static file is served),
        ``idle_rss_mib`` (then, before any page was asked for) and ``first_page_s`` (spawn until
        ``/<app>`` first answered HTTP 200: the cold start; that request builds a session)."""
        self.port = free_port()
        LOGS.mkdir(parents=True, exist_ok=True)
        self.log_path = LOGS / f"serve-{self.name or self.app.stem}-{self.port}.log"
        log = self.log_path.open("w")
        started = time.monotonic()
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.repo,
            env=serve_env(self.repo),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends forked workers too
        )
        log.close()
        deadline = started + self.timeout
        static = f"http://127.0.0.1:{self.port}/static/js/bokeh.min.js"
        self._wait_for(static, deadline, method="HEAD")
        listening = time.monotonic() - started
        idle = self.rss_mib()
        self._wait_for(self.url, deadline)
        first_page = time.monotonic() - started
        return {"listening_s": listening, "idle_rss_mib": idle, "first_page_s": first_page}

    def rss_mib(self) -> float:
        assert self.process is not None
        return rss_tree_kib(self.process.pid) / 1024

    def cpu_s(self) -> float:
        assert self.process is not None
        return cpu_tree_s(self.process.pid)

    def cpu_by_process(self) -> dict[int, float]:
        assert self.process is not None
        return cpu_by_process(self.process.pid)

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def problems(self) -> list[str]:
        """Log lines that report a traceback or an error."""
        return [line for line in self.log_text().splitlines() if PROBLEM.search(line)]

    def stop(self) -> None:
        """Stop the server and every process it forked (``--num-procs``: the workers outlived
        a parent that was only terminated)."""
        if self.process is None:
            return
        group = self.process.pid  # the session leader's pid is its group's id
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
            time.sleep(0.2)  # the workers' own exit
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
        self.process = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def split_args(text: str | None) -> list[str]:
    return shlex.split(text) if text else []
