"""Start and stop `streamlit run app.py` on a free port (used by the browser tests and the benchmark)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ui import heap

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """A headless Streamlit server for ``script`` (app.py), run from ``cwd`` (the project root: its
    .streamlit/config.toml applies); ``url`` is its base address."""

    def __init__(self, script: str = "app.py", port: int | None = None, cwd: str | Path = ROOT):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [
            sys.executable, "-m", "streamlit", "run", script,
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        self.started = time.perf_counter()
        self.log = open(os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 90) -> float:
        """Block until /_stcore/health answers; return seconds since start."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.1)  # the port is not open yet: poll the health endpoint again
        raise TimeoutError(f"no health answer from {self.url} in {timeout} s")

    def rss_mb(self) -> float:
        """Resident memory of the server process in MB (Linux /proc)."""
        return heap.rss_mb(self.proc.pid)

    def cpu_seconds(self) -> float:
        """CPU time (user + system, all threads) the server process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime in ticks

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
