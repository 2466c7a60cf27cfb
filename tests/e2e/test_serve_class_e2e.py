"""A class behind HAProxy: scripts/serve-class.sh 2 in a real Chromium.

Sessions stay on their replica across reruns and reloads (HAProxy's DLREPLICA cookie, checked in
HAProxy's own log of which replica served each websocket); a replica killed mid-lecture sends its
students to the other one, whose page reconnects and reruns with the same settings and no
traceback; and the load generator through HAProxy (benchmarks/load.py, Try-this clicks on a page
whose experiments the warm-up computed) keeps p95 <= 1 s with no errors for 10 students.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from argparse import Namespace
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks import load
from tests.e2e.browser import EXCEPTION, LOAD_TIMEOUT, rerun, wait_done

ROOT = Path(__file__).resolve().parents[2]
PAGE = "logistic-regression"  # the worked example: a few seconds of training per cold experiment
SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']:not([disabled])"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"

pytestmark = pytest.mark.skipif(
    not Path(HAPROXY).exists() and os.environ.get("CI", "").lower() != "true",
    reason="HAProxy not installed (Debian package haproxy; .ci/run installs it)",
)


def free_ports(n: int) -> int:
    """The first of ``n`` consecutive free loopback ports."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + n > 65535:
            continue
        try:
            socks = []
            for port in range(first, first + n):
                sock = socket.socket()
                socks.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError("no consecutive free ports")


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


class Class:
    def __init__(self, run_dir: Path):
        self.port = free_ports(3)
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_dir = run_dir
        env = {
            **os.environ,
            "SERVE_CLASS_RUN_DIR": str(run_dir),
            "DL_WARM": "1",
            "DL_WARM_PAGES": PAGE,
            "DL_WARM_LANGS": "en",
            "DL_WARM_DELAY": "0",
        }
        cmd = ["bash", "scripts/serve-class.sh", "2", "--port", str(self.port), "--address", "127.0.0.1"]
        self.log = open(run_dir / "serve-class.out", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def replica_url(self, k: int) -> str:
        return f"http://127.0.0.1:{self.port + k}"

    def pid(self, k: int) -> int:
        return int((self.run_dir / f"replica-{k}.pid").read_text())

    def pids(self) -> list[int]:
        return [int(p.read_text()) for p in sorted(self.run_dir.glob("*.pid"))]

    def wait_ready(self, timeout: float = 420) -> None:
        """Both replicas answer, HAProxy answers, and both warm-ups are done."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, (self.run_dir / "serve-class.out").read_text()
            logs = "".join(p.read_text(errors="replace") for p in self.run_dir.glob("replica-*.log"))
            assert "warm-up failed" not in logs, logs[-3000:]
            reports = [json.loads(r) for r in re.findall(r"^warm-up: (\{.*\})$", logs, re.M)]
            if healthy(self.url) and len(reports) == 2:
                for report in reports:  # each replica applied every experiment of PAGE, all fine
                    assert report["pages"] == 1 and report["experiments"] >= 3 and not report["failures"], report
                return
            time.sleep(1)
        raise TimeoutError("serve-class.sh did not get ready")

    def streams(self) -> list[tuple[str, str]]:
        """(request cookie, replica) of each websocket HAProxy passed on, in order."""
        lines = (self.run_dir / "haproxy.log").read_text().splitlines()
        found = []
        for line in lines:
            if "GET /_stcore/stream" in line:
                server = re.search(r" replicas/(r\d+) ", line).group(1)
                cookie = re.search(r" (DLREPLICA=r\d+|-) ", line).group(1)
                found.append((cookie.removeprefix("DLREPLICA="), server))
        return found

    def stop(self) -> None:
        pids = self.pids()
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)
        self.log.close()
        time.sleep(0.5)
        alive = [
            p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in Path(f"/proc/{p}/status").read_text()
        ]
        assert not alive, f"still running after SIGTERM: {alive}"


_START_FAILED: list[str] = []


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    """2 replicas (warm-up of PAGE in English only) behind HAProxy; stopped cleanly at the end.
    On a quiet machine ready in about 30 s (the warm-up trains PAGE's six experiments)."""
    if _START_FAILED:  # pytest retries a failed module fixture for every test: once is enough
        pytest.fail(_START_FAILED[0])
    c = Class(tmp_path_factory.mktemp("serve-class"))
    try:
        c.wait_ready()
    except Exception as exc:
        _START_FAILED.append(repr(exc))
        c.stop()
        raise
    yield c
    c.stop()


def replica_of(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "DLREPLICA")


def open_student(browser, klass):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.goto(f"{klass.url}/{PAGE}?lang=en")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    return context, page


def nudge(page) -> None:
    slider = page.locator(SLIDER).first
    at_max = slider.evaluate("e => Number(e.value) >= Number(e.max)")
    slider.focus()
    rerun(page, lambda: slider.press("ArrowLeft" if at_max else "ArrowRight"))


def test_sessions_stay_on_their_replica_across_reruns(browser, klass):
    a, page_a = open_student(browser, klass)
    b, _ = open_student(browser, klass)
    try:
        first_a, first_b = replica_of(a), replica_of(b)
        assert {first_a, first_b} == {"r1", "r2"}, "two students, one per replica (least connections)"
        for _ in range(3):
            nudge(page_a)
        page_a.reload()
        wait_done(page_a)
        nudge(page_a)
        assert replica_of(a) == first_a and replica_of(b) == first_b
        streams = klass.streams()
        assert len(streams) >= 3
        # Every websocket that came with a replica's cookie went to that replica.
        assert all(server == cookie for cookie, server in streams if cookie != "-"), streams
        assert page_a.locator(EXCEPTION).count() == 0
    finally:
        a.close()
        b.close()


@pytest.mark.usefixtures("browser")  # in the browser tests' group, so it runs before the replica is killed
def test_load_through_haproxy_holds_p95_with_no_errors(klass):
    args = Namespace(
        pages=PAGE, langs="en", mix="apply", think=3.0, ramp=5.0, seconds=20.0, students=[10], max_students=10
    )
    pids = [klass.pid(1), klass.pid(2)]
    assert all(Path(f"/proc/{pid}").exists() for pid in pids), "both replicas serve the load"
    # Playwright's sync API keeps an event loop in this thread: the students get their own thread.
    with ThreadPoolExecutor(1) as pool:
        row = pool.submit(asyncio.run, load.level(klass.url, 10, pids, args, sticky=True, seed=7)).result()
    assert row["errors"] == 0, row
    assert row["changes"] >= 20, row
    cpus = os.cpu_count() or 1
    assert row["cpu_per_change"] <= load.APPLY_TARGET, row  # each click a cache hit on either replica
    if row["load"] <= 2 * cpus:
        assert row["p95"] <= load.P95_TARGET, row
        per_core, _ = load.students_per_core([row], cores=min(2, cpus))
        assert per_core >= 5, row
    else:  # other jobs on a shared machine stretch every wall time: only the server's own cost is judged
        print(f"load average {row['load']:.0f} on {cpus} CPUs: p95 {row['p95']:.2f} s not judged")


def test_a_replica_killed_mid_lecture_sends_its_students_to_the_other(browser, klass):
    a, page_a = open_student(browser, klass)
    b, page_b = open_student(browser, klass)
    try:
        nudge(page_a)
        url_before = page_a.url
        assert re.search(r"[?&]\w+=", url_before.split("lang=en", 1)[1]), "the change is in the URL"
        doomed = replica_of(a)
        os.kill(klass.pid(int(doomed[1:])), signal.SIGKILL)
        # The page notices, reconnects through HAProxy (which has marked the replica down, or
        # redispatches the attempt) to the other replica, and reruns there.
        deadline = time.monotonic() + 90
        while replica_of(a) == doomed and time.monotonic() < deadline:
            page_a.wait_for_timeout(500)
        page_a.wait_for_function(
            """() => !document.querySelector("[data-testid='stStatusWidget']")
                && document.querySelector("[data-testid='stApp']").dataset.testScriptState === 'notRunning'""",
            timeout=LOAD_TIMEOUT,
        )
        survivor = replica_of(a)
        assert survivor != doomed
        wait_done(page_a)
        page_a.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
        assert page_a.url == url_before, "the settings survived the move"
        assert page_a.locator(EXCEPTION).count() == 0
        assert page_a.locator("[role='dialog']").count() == 0, "no connection-error dialog left open"
        assert klass.streams()[-1][1] == survivor
        # The students already on the other replica did not notice.
        nudge(page_b)
        assert replica_of(b) == survivor and page_b.locator(EXCEPTION).count() == 0
    finally:
        a.close()
        b.close()
