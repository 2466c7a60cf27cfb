"""Class capacity without browser noise: simulated students over Streamlit's own protocol.

    .venv/bin/python -m benchmarks.load --all                 # everything below, one command (~15 min)
    .venv/bin/python -m benchmarks.load                       # 1 server: 10, 20, 40 students, 60 s each
    .venv/bin/python -m benchmarks.load --replicas 2          # 2 replicas behind HAProxy (scripts/serve-class.sh)
    .venv/bin/python -m benchmarks.load --apply               # warm server: the first Apply of every experiment
    .venv/bin/python -m benchmarks.load --url http://127.0.0.1:8501 --pids 123,456   # a server already running

Each student is a ``benchmarks.protocol.Tab`` (a websocket client speaking Streamlit's
BackMsg/ForwardMsg protobufs, see there for why not browsers): it opens one page (pages are dealt
round-robin over ui.registry.built(), languages over --langs) and then, every ``--think`` seconds
(uniformly 0.5x-1.5x), makes one change: 60 % a control in the main area moved by a step or set to
another option (widgets found by key in the ForwardMsg deltas; the Try-this widgets excluded),
30 % a Try-this experiment picked and applied (two runs), 10 % the page reloaded (``--mix class``;
``--mix apply``: Try this only, the lecturer's "everyone, press Apply"). Through HAProxy
a student first fetches the page over HTTP, as a browser does, and sends back the stickiness cookie.

Per number of students, after a ramp of ``--ramp`` seconds, a window of ``--seconds`` is measured:
changes served per second, p50/p95 latency from sending the change to ``script_finished``, errors
(a run that timed out, lost its connection, or drew an exception element), server CPU (cores, from
/proc of the server processes: all replicas) and peak RSS (summed over replicas), and the load
average of the machine (other work on it slows everything: compare runs at similar load). Students
per core: the most students with p95 <= 1 s and no errors, divided by the cores the servers could
use (min(replicas, CPUs)). ``--apply`` starts a server with DL_WARM=1, waits for its warm-up, and
times each experiment's Apply (to script_finished) in a fresh session per page.

Writes its tables into docs/benchmarks.md, under "Serving a class" (one marked section per kind of
run, the others and the rest of the file kept; ``python -m benchmarks`` keeps them in turn).
Loopback only; bounded: at most --max-students students, each run ends after ramp + seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.protocol import Tab, Widget, options_of, try_this_prefixes, wait_healthy
from ui import heap

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks.md"
P95_TARGET = 1.0
APPLY_TARGET = 0.3
UTILISATION = 0.6  # a core kept this busy still answers most changes without a queue (estimate only)
MAX_STUDENTS = 200
# Cumulative shares of a student's changes: (control below the first, Try this below the second, reload).
MIXES = {"class": (0.6, 0.9), "apply": (0.0, 1.0)}
# The options scripts/serve-class.sh gives each replica, for the single-server runs.
STREAMLIT_OPTS = [
    "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
    "--browser.gatherUsageStats", "false", "--server.maxCacheDataSize", "64mb",
]  # fmt: skip


# -- servers ----------------------------------------------------------------------------------


def _healthy(url: str, timeout: float) -> None:
    if not wait_healthy(url, timeout):
        raise TimeoutError(f"no health answer from {url} in {timeout} s")


class Servers:
    """One Streamlit server (replicas=0: no proxy) or scripts/serve-class.sh with N replicas."""

    def __init__(self, port: int, replicas: int = 0, warm: bool = True, langs: str = "ko,en"):
        self.replicas = max(replicas, 1)
        self.url = f"http://127.0.0.1:{port}"
        self.run_dir = Path(tempfile.mkdtemp(prefix="load-"))
        env = {**os.environ, "DL_WARM": "1" if warm else "0", "DL_WARM_LANGS": langs, "MALLOC_ARENA_MAX": "2"}
        if replicas:
            env["SERVE_CLASS_RUN_DIR"] = str(self.run_dir)
            cmd = ["scripts/serve-class.sh", str(replicas), "--port", str(port), "--address", "127.0.0.1"]
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
        else:
            cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), *STREAMLIT_OPTS]
            log = open(self.run_dir / "replica-1.log", "w")  # noqa: SIM115 - lives as long as the server
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            (self.run_dir / "replica-1.pid").write_text(str(self.proc.pid))
        _healthy(self.url, 180)
        if warm and not replicas:
            subprocess.run([sys.executable, "-m", "ui.warm", "--kick", self.url], cwd=ROOT, check=False)

    def pids(self) -> list[int]:
        return [int(p.read_text()) for p in sorted(self.run_dir.glob("replica-*.pid"))]

    def logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in sorted(self.run_dir.glob("replica-*.log")))

    def wait_warm(self, timeout: float = 900) -> list[dict]:
        """Block until every replica logged its warm-up; return what each reported."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.findall(r"warm-up: (\{.*\})$", self.logs(), flags=re.M)
            if len(found) >= self.replicas:
                return [json.loads(f) for f in found]
            if "warm-up failed" in self.logs():
                raise RuntimeError("warm-up failed: " + self.logs()[-2000:])
            time.sleep(2)
        raise TimeoutError("warm-up did not finish")

    def stop(self) -> None:
        self.proc.terminate()  # serve-class.sh stops HAProxy and its replicas on SIGTERM
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a replica that was stopped
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the replicas together (a stopped one counts nothing)."""
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            mb = heap.rss_mb(pid)
            total += 0.0 if math.isnan(mb) else mb  # an exiting process has no VmRSS line (NaN)
    return total


def private_mb(pids: list[int]) -> float:
    """Memory that is each server's own (Private_Clean + Private_Dirty): the RSS less the library
    pages every replica on the machine shares."""
    total = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


# -- students ---------------------------------------------------------------------------------


@dataclass
class Change:
    kind: str
    start: float
    seconds: float
    ok: bool
    status: str


@dataclass
class Student:
    url: str
    page: str
    lang: str
    rng: random.Random
    sticky: bool
    mix: tuple[float, float] = (0.6, 0.9)  # cumulative shares: control < 0.6 <= Try this < 0.9 <= reload
    changes: list[Change] = field(default_factory=list)
    values: dict = field(default_factory=dict)

    async def run(self, delay: float, think: float, until: float) -> None:
        await asyncio.sleep(delay)
        headers = {"Cookie": await asyncio.to_thread(sticky_cookie, self.url)} if self.sticky else {}
        tab = Tab(self.url, headers=headers, timeout=60)
        try:
            await tab.connect()
        except Exception as exc:
            self.changes.append(Change("connect", time.perf_counter(), 0.0, False, repr(exc)[:60]))
            return
        try:
            await self._timed("open", tab.open(self.page, f"lang={self.lang}"))
            while time.perf_counter() < until:
                await asyncio.sleep(think * self.rng.uniform(0.5, 1.5))
                if time.perf_counter() >= until:
                    break
                roll = self.rng.random()
                if roll < self.mix[0] and (move := self._move(tab)):
                    await self._timed("control", tab.rerun([tab.state(*move)]))
                elif roll < self.mix[1] and (prefixes := try_this_prefixes(tab)):
                    prefix = self.rng.choice(prefixes)
                    option = self.rng.choice(options_of(tab.widgets[f"try_{prefix}_pick"]))
                    await self._timed("try-pick", tab.set(f"try_{prefix}_pick", option))
                    await self._timed("try-apply", tab.set(f"try_{prefix}_apply"))
                else:
                    self.values.clear()
                    await self._timed("reload", tab.open(self.page, f"lang={self.lang}"))
                if self.changes and self.changes[-1].status in ("closed",):
                    break
        finally:
            await tab.close()

    async def _timed(self, kind: str, coro) -> None:
        start = time.perf_counter()
        run = await coro
        self.changes.append(
            Change(kind, start, run.seconds, run.ok, run.status if run.exceptions == 0 else "exception")
        )

    def _move(self, tab: Tab) -> tuple[str, object] | None:
        """A student's next change: one main-area control, one step or another option."""
        movable = [
            w
            for w in tab.widgets.values()
            if not w.in_sidebar and w.kind in ("slider", "selectbox", "number_input", "checkbox", "radio", "toggle")
            and not (w.key or "").startswith("try_")
            and not getattr(w.proto, "disabled", False)
        ]  # fmt: skip
        if not movable:
            return None
        w = self.rng.choice(movable)
        value = next_value(w, self.values.get(w.key), self.rng)
        if value is None:
            return None
        self.values[w.key] = value
        return w.key, value


def current(w: Widget):
    p = w.proto
    if w.kind == "slider":
        vals = list(p.value) if p.set_value else list(p.default)
        return vals[0] if len(vals) == 1 else vals
    if w.kind == "number_input":
        return p.value if p.set_value else p.default
    if w.kind in ("checkbox", "toggle"):
        return p.value if p.set_value else p.default
    return None


def next_value(w: Widget, last, rng: random.Random):
    """One step of a slider or number input (as a drag or a click on +/-), another option of a
    selectbox/radio, the other state of a checkbox."""
    p = w.proto
    if w.kind in ("selectbox", "radio"):
        options = options_of(w)
        return rng.choice(options) if len(options) > 1 else None
    if w.kind in ("checkbox", "toggle"):
        return not (last if last is not None else current(w))
    if w.kind == "slider" and len(p.options):
        return [rng.choice(list(p.options))] if len(p.options) > 1 else None
    now = last if last is not None else current(w)
    if isinstance(now, list):  # a range slider: leave it
        return None
    step = p.step or 1.0
    lo = p.min if (w.kind == "slider" or p.has_min) else now - 10 * step
    hi = p.max if (w.kind == "slider" or p.has_max) else now + 10 * step
    value = now + rng.choice((-1, 1)) * step
    if not lo <= value <= hi:
        value = now - (value - now)
    return round(min(max(value, lo), hi), 10)


def sticky_cookie(url: str) -> str:
    """Load the page over HTTP as a browser does first; return the cookies a proxy set."""
    with urllib.request.urlopen(url + "/", timeout=30) as r:
        return "; ".join(c.split(";")[0] for c in r.headers.get_all("Set-Cookie") or [])


# -- one load level ---------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def level(url: str, n: int, pids: list[int], args, sticky: bool, seed: int) -> dict:
    from ui import registry

    pages = args.pages.split(",") if args.pages else [p.url_path for p in registry.built()]
    langs = args.langs.split(",")
    mix = MIXES[args.mix]
    rng = random.Random(seed)
    students = [
        Student(url, pages[i % len(pages)], langs[i % len(langs)], random.Random(rng.random()), sticky, mix)
        for i in range(n)
    ]
    t0 = time.perf_counter()
    window_start, window_end = t0 + args.ramp, t0 + args.ramp + args.seconds
    tasks = [asyncio.create_task(s.run(rng.uniform(0, args.ramp * 0.8), args.think, window_end)) for s in students]
    await asyncio.sleep(args.ramp)
    cpu0, load0, own0 = cpu_seconds(pids), os.getloadavg()[0], resource.getrusage(resource.RUSAGE_SELF)
    peak = 0.0
    while time.perf_counter() < window_end:
        peak = max(peak, rss_mb(pids))
        await asyncio.sleep(1)
    cpu1, load1, own1 = cpu_seconds(pids), os.getloadavg()[0], resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.wait(tasks, timeout=90)
    changes = [c for s in students for c in s.changes if window_start <= c.start < window_end]
    served = [c for c in changes if c.ok]
    latencies = [c.seconds for c in served]
    errors = [c for s in students for c in s.changes if not c.ok and c.status != "rerun"]
    window = args.seconds
    return {
        "students": n,
        "changes": len(changes),
        "changes_per_s": len(served) / window,
        "p50": pct(latencies, 0.5),
        "p95": pct(latencies, 0.95),
        "apply_p95": pct([c.seconds for c in served if c.kind == "try-apply"], 0.95),
        "errors": len(errors),
        "error_kinds": sorted({f"{c.kind}:{c.status}" for c in errors}),
        "cpu_cores": (cpu1 - cpu0) / window,
        "cpu_per_change": (cpu1 - cpu0) / max(len(served), 1),
        "rss_mb": peak,
        "load": (load0 + load1) / 2,
        "client_cpu": (own1.ru_utime + own1.ru_stime - own0.ru_utime - own0.ru_stime) / window,
    }


def capacity(args, replicas: int, servers: Servers | None = None) -> tuple[list[dict], dict]:
    """Every level of students against ``servers`` (started here, and stopped, when None)."""
    own = servers is None and not args.url
    try:
        if args.url:
            url, pids = args.url.rstrip("/"), [int(p) for p in args.pids.split(",") if p]
            warm_info = {}
        else:
            if own:
                servers = Servers(args.port, replicas, warm=not args.no_warm, langs=args.langs)
            url, pids = servers.url, servers.pids()
            warm_info = {"warm": servers.wait_warm()} if not args.no_warm else {}
        rows = []
        for i, n in enumerate(args.students):
            n = min(n, args.max_students)
            row = asyncio.run(level(url, n, pids, args, sticky=bool(replicas) or args.sticky, seed=1000 + i))
            print(json.dumps(row), flush=True)
            rows.append(row)
        return rows, {**warm_info, "rss_idle_mb": rss_mb(pids), "replicas": max(replicas, 1)}
    finally:
        if own and servers:
            servers.stop()


def students_per_core(rows: list[dict], cores: int) -> tuple[float, str]:
    passing = [r["students"] for r in rows if r["p95"] <= P95_TARGET and r["errors"] == 0]
    if not passing:
        return 0.0, f"< {min(r['students'] for r in rows) / cores:g}"
    best = max(passing)
    bound = "≥ " if best == max(r["students"] for r in rows) else ""
    return best / cores, f"{bound}{best / cores:g}"


# -- apply on a warm server -------------------------------------------------------------------


async def apply_times(url: str, langs: list[str], pids: list[int]) -> list[dict]:
    from ui import registry

    rows = []
    for lang in langs:
        for spec in registry.built():
            async with Tab(url, timeout=120) as tab:
                await tab.open(spec.url_path, f"lang={lang}")
                for prefix in try_this_prefixes(tab):
                    for option in options_of(tab.widgets[f"try_{prefix}_pick"]):
                        pick = await tab.set(f"try_{prefix}_pick", option)
                        cpu = cpu_seconds(pids)
                        apply = await tab.set(f"try_{prefix}_apply")
                        rows.append(
                            {"page": spec.url_path, "lang": lang, "experiment": option, "pick": pick.seconds,
                             "apply": apply.seconds, "apply_cpu": cpu_seconds(pids) - cpu, "ok": pick.ok and apply.ok}
                        )  # fmt: skip
    return rows


def apply_bench(args, servers: Servers) -> tuple[list[dict], dict]:
    """Time every experiment's Apply on ``servers`` once its warm-up is done."""
    t0 = time.perf_counter()
    warm = servers.wait_warm()
    info = {
        "warm": warm,
        "rss_after_warm_mb": rss_mb(servers.pids()),
        "private_after_warm_mb": private_mb(servers.pids()),
        "waited_s": time.perf_counter() - t0,
    }
    rows = asyncio.run(apply_times(servers.url, args.langs.split(","), servers.pids()))
    info["rss_after_apply_mb"] = rss_mb(servers.pids())
    return rows, info


# -- report -----------------------------------------------------------------------------------


def machine() -> str:
    return f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end"


def capacity_md(rows: list[dict], info: dict, args, title: str) -> str:
    cores = min(info["replicas"], os.cpu_count() or 1)
    _, spc = students_per_core(rows, cores)
    lines = [
        f"### {title}",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}. "
        f"Each student changes something every {args.think:g} s (0.5-1.5x); ramp {args.ramp:g} s, "
        f"window {args.seconds:g} s; languages {args.langs}; mix {args.mix}; "
        f"pages {args.pages or 'all built'}; warm caches: {'no' if args.no_warm else 'yes'}.",
        "",
        "| students | changes/s served | p50 (s) | p95 (s) | Apply p95 (s) | errors | server CPU (cores) "
        "| server CPU per change (ms) | server RSS peak (MB) | load avg | generator CPU (cores) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['students']} | {r['changes_per_s']:.1f} | {r['p50']:.2f} | {r['p95']:.2f} | {r['apply_p95']:.2f} "
            f"| {r['errors']}{' (' + ', '.join(r['error_kinds']) + ')' if r['errors'] else ''} "
            f"| {r['cpu_cores']:.2f} | {1000 * r['cpu_per_change']:.0f} | {r['rss_mb']:.0f} | {r['load']:.1f} | {r['client_cpu']:.2f} |"
        )
    lines += [
        "",
        f"**Students per core at p95 ≤ {P95_TARGET:g} s: {spc}** ({cores} core(s) for {info['replicas']} replica(s)).",
    ]
    busiest = max(r["cpu_cores"] for r in rows)
    if busiest < 0.7 * cores and any(r["p95"] > P95_TARGET for r in rows):
        lines.append(
            f"The servers used at most {busiest:.2f} of their {cores} core(s) while students waited: other work on "
            f"the machine (load average up to {max(r['load'] for r in rows):.0f}), not the app, set these "
            "latencies. Re-run on a quiet machine."
        )
    costs = [r["cpu_per_change"] for r in rows if r["changes_per_s"] > 0]
    if costs:
        cost = statistics.median(costs)
        lines.append(
            f"From the CPU cost alone (median {1000 * cost:.0f} ms of server CPU per change, which machine load "
            f"hardly changes): one idle core kept {UTILISATION:.0%} busy serves about "
            f"{UTILISATION * args.think / cost:.0f} students changing something every {args.think:g} s."
        )
    for w in info.get("warm", []):
        lines.append(
            f"Warm-up: {w.get('experiments')} experiments on {w.get('pages')} pages ({', '.join(w.get('langs', []))}) "
            f"in {w.get('seconds')} s, RSS after {w.get('rss_mb')} MB, {len(w.get('failures', []))} failed runs."
        )
    return "\n".join(lines) + "\n"


def apply_md(rows: list[dict], info: dict) -> str:
    by_page: dict[str, list[dict]] = {}
    for r in rows:
        by_page.setdefault(f"{r['page']} ({r['lang']})", []).append(r)
    slow = [r for r in rows if r["apply"] > APPLY_TARGET or not r["ok"]]
    lines = [
        "### First Apply on a warm server",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}. A server started with "
        "DL_WARM=1 finishes its warm-up; then, in a fresh session per page, each Try-this experiment is picked "
        "and applied. Times are the protocol client's, from sending the click to `script_finished` "
        "(the server's part; the browser then draws the chart). Server CPU per Apply is the server process's "
        "CPU time over the click (10 ms ticks): on a busy machine the wall time grows, the CPU time does not.",
        "",
        "| page | experiments | Apply median (s) | Apply max (s) | server CPU per Apply, max (s) | pick max (s) "
        "| all ≤ 0.3 s | all ≤ 0.3 s of CPU |",
        "|---|---:|---:|---:|---:|---:|:---:|:---:|",
    ]
    for page, rs in by_page.items():
        applies = [r["apply"] for r in rs]
        lines.append(
            f"| {page} | {len(rs)} | {statistics.median(applies):.3f} | {max(applies):.3f} "
            f"| {max(r['apply_cpu'] for r in rs):.2f} | {max(r['pick'] for r in rs):.3f} "
            f"| {'yes' if all(r['apply'] <= APPLY_TARGET and r['ok'] for r in rs) else '**no**'} "
            f"| {'yes' if all(r['apply_cpu'] <= APPLY_TARGET and r['ok'] for r in rs) else '**no**'} |"
        )
    lines.append("")
    lines.append(
        f"{len(rows) - len(slow)} of {len(rows)} Applies ≤ {APPLY_TARGET} s. RSS after warm-up "
        f"{info['rss_after_warm_mb']:.0f} MB (private {info.get('private_after_warm_mb', float('nan')):.0f} MB: "
        "the rest is library code that all replicas on a machine share), after every Apply "
        f"{info['rss_after_apply_mb']:.0f} MB."
    )
    for w in info.get("warm", []):
        lines.append(
            f"Warm-up: {w.get('experiments')} experiments on {w.get('pages')} pages in {w.get('seconds')} s, "
            f"{len(w.get('failures', []))} failed runs."
        )
    if slow:
        lines.append(
            "Over the target: " + "; ".join(f"{r['page']} / {r['experiment']} {r['apply']:.2f} s" for r in slow)
        )
    return "\n".join(lines) + "\n"


CLASS = """## Serving a class: measured capacity

Written by `python -m benchmarks.load` (see its docstring; `--all` re-runs every table below on a
quiet machine in one command). Latency is the server's part of a change: from the simulated
browser sending it to `script_finished`, over Streamlit's websocket protocol, without a browser
on the same cores. Numbers on a shared machine are noisy: the load average is recorded beside
each row.
"""


HISTORY = "<!-- history -->"  # the hand-written history of earlier runs stays the file's last section


def write_section(name: str, text: str, path: Path = OUT) -> None:
    """Replace the section ``name`` of ``path``, keeping the others, or add it after them (before the history,
    if the file has one); the first section written opens the part with its heading (``CLASS``)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    for key, body in (("class", CLASS), (name, text)):
        begin, end = f"<!-- {key} -->", f"<!-- /{key} -->"
        block = f"{begin}\n{body}{end}"
        if begin in old:
            old = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _, b=block: b, old, flags=re.S)
        elif HISTORY in old:
            head, tail = old.split(HISTORY, 1)
            old = head.rstrip("\n") + "\n\n" + block + "\n\n" + HISTORY + tail
        else:
            old = old.rstrip("\n") + ("\n\n" if old else "") + block + "\n"
    path.write_text(old, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", default="10,20,40", help="numbers of students, one level each")
    parser.add_argument("--seconds", type=float, default=60, help="measured window per level")
    parser.add_argument("--ramp", type=float, default=10, help="seconds for the students to arrive")
    parser.add_argument("--think", type=float, default=5, help="mean seconds between a student's changes")
    parser.add_argument("--langs", default="ko,en")
    parser.add_argument("--pages", default="", help="url paths to spread students over (default: every built page)")
    parser.add_argument(
        "--mix", choices=sorted(MIXES), default="class",
        help="class: 60%% controls, 30%% Try this, 10%% reloads; apply: Try this only (a lecturer's 'everyone, press Apply')",
    )  # fmt: skip
    parser.add_argument("--replicas", type=int, default=0, help="0: one server, no proxy; N: serve-class.sh N")
    parser.add_argument("--port", type=int, default=8620)
    parser.add_argument("--url", help="measure a server already running (loopback)")
    parser.add_argument("--pids", default="", help="with --url: server process ids for CPU and RSS")
    parser.add_argument("--sticky", action="store_true", help="with --url: fetch the proxy cookie first")
    parser.add_argument("--no-warm", action="store_true", help="start servers without the warm-up")
    parser.add_argument("--apply", action="store_true", help="time every experiment's first Apply on a warm server")
    parser.add_argument("--all", action="store_true", help="1 server, 2 replicas, and --apply")
    parser.add_argument("--max-students", type=int, default=MAX_STUDENTS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.students = [int(x) for x in args.students.split(",")]
    if args.url and not re.match(r"^https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$)", args.url):
        parser.error("--url must be a loopback address")

    jobs = ["apply", "one", "two"] if args.all else ["apply"] if args.apply else ["run"]
    single = None  # --all: the warm server of the Apply timing then serves the one-server levels
    for job in jobs:
        if job == "apply":
            single = Servers(args.port, 0, warm=True, langs=args.langs)
            try:
                rows, info = apply_bench(args, single)
            finally:
                if not args.all:
                    single.stop()
            write_section("apply", apply_md(rows, info), args.out)
        elif job == "one" and single is not None:
            try:
                rows, info = capacity(args, 0, single)
            finally:
                single.stop()
            write_section("replicas-0", capacity_md(rows, info, args, "One server (no proxy)"), args.out)
        else:
            replicas = {"one": 0, "two": 2, "run": args.replicas}[job]
            rows, info = capacity(args, replicas)
            name = "url" if args.url else f"replicas-{replicas}"
            title = (
                f"A server at {args.url}" if args.url
                else "One server (no proxy)" if replicas == 0
                else f"{replicas} replicas behind HAProxy (scripts/serve-class.sh {replicas})"
            )  # fmt: skip
            write_section(name, capacity_md(rows, info, args, title), args.out)
        print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
