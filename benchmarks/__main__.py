"""Benchmark: core compute, widget changes against a reference app in the same run, server CPU,
browser main-thread time and charts rebuilt per change, frame scrubbing, payload per rerun, cold
start, server memory, and a concurrent-session load run.

    .venv/bin/python -m benchmarks [--runs 15] [--pages a,b] [--sessions 10] [--changes 10] [--out docs/benchmarks.md]
    .venv/bin/python -m benchmarks --pages gradient-descent --runs 5 --sessions 0   # a quick look at one page
    .venv/bin/python -m benchmarks --core-only                                      # core compute only

Prints a markdown table and writes it to docs/benchmarks.md (``--out``), keeping every marked section
(``<!-- name -->`` … ``<!-- /name -->``) in its order after the tables: the class capacity that
``python -m benchmarks.load`` writes, and the hand-written reading of the tables and the history of
earlier runs. For every page, rounds
alternate one change on the reference app (one slider, one ``st.plotly_chart``, run from a temporary
directory so the project's .streamlit/config.toml does not apply to it) and one change on the page,
so machine noise hits both alike; ratios compare the page with the reference rounds it ran beside.

- back and forth: the first slider steps right, left, right, ... between two values, so after the
  first (warm) press every figure comes from the caches;
- new values: a fresh tab whose URL carries ``seed=4242`` (a seed no other part of the run uses),
  then the first slider with room for every round steps one way (left from its default if it can,
  else right) once per round, so every press asks for a value this server has not computed; on /cnn-filters each round
  types a custom kernel not used before (``kernel=custom``, centre weight 4.01, 4.02, ...), and /tensors broadcasts
  (6,1) + (1,6), whose 36 cells give its followed-cell slider a new cell for each press (``ROOMY_TENSORS``).

The first press of each series warms up and is not counted. See benchmarks/browser.py for when a
change counts as complete and how CPU, main-thread time and rebuilt charts are measured.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import browser as b
from benchmarks import upload_memory
from benchmarks.cases import for_query
from benchmarks.cases import load as load_cases
from benchmarks.report import TRAINING_PAGES, report
from core.common.runtime import configure_torch
from tests.e2e.browser import launch_args
from tests.e2e.server import AppServer
from ui import registry

ROOT = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1400, "height": 1000}
NEW_SEED = 4242
CUSTOM_KERNEL = "&kernel=custom&custom=0,-1,0,-1,4,-1,0,-1,0"
# /tensors' first slider follows one element of the result (``cell``) and spans the cells drawn: the default
# 3×4 result has room for 11 presses, not 15. Its new values run on a broadcast with a cell for each press:
# (6,1) + (1,6) has 36 (6 is a side's limit).
ROOMY_TENSORS = "&a=6,1&b=1,6"

SECTION = re.compile(r"<!-- ([\w-]+) -->.*?<!-- /\1 -->", re.S)  # written by benchmarks.load


def write_keeping_sections(text: str, out: Path) -> None:
    """Write ``text`` to ``out``, followed by the marked sections ``out`` already had (the class capacity)."""
    kept = [m.group(0) for m in SECTION.finditer(out.read_text(encoding="utf-8"))] if out.exists() else []
    out.write_text(text.rstrip("\n") + "".join(f"\n\n{block}" for block in kept) + "\n", encoding="utf-8")


def median_ms(fn, runs: int) -> float:
    fn()  # warm: imports, caches, allocator
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def core_table(runs: int, pages: list[str]) -> list[tuple[str, float, float]]:
    configure_torch()
    return [
        (page, median_ms(c["default"], runs), median_ms(c["heaviest"], max(3, runs // 3)))
        for page, c in load_cases().items()
        if page in pages
    ]


async def alternate(ref: b.Tab, tab: b.Tab, ref_press, page_press, runs: int, after=None) -> dict[str, list[b.Change]]:
    """``runs`` + 1 rounds of one reference change then one page change (``press(i)`` makes change
    ``i``); the first round warms up and is not counted. ``after(change)``, if given, runs after each
    counted page change, before the next round."""
    out: dict[str, list[b.Change]] = {"ref": [], "page": []}
    for i in range(runs + 1):
        for name, t, press in (("ref", ref, ref_press), ("page", tab, page_press)):
            change = await t.change(press(i))
            if i:
                out[name].append(change)
                if after and name == "page":
                    after(change)
    return out


def compute_ms(page: str, query: str) -> float:
    """The page's core compute with the settings of ``query`` (``benchmarks.cases.for_query``), once, here."""
    run = for_query(page, query)
    start = time.perf_counter()
    run()
    return 1000 * (time.perf_counter() - start)


async def one_way(tab: b.Tab, runs: int):
    index, key = await b.one_way(tab.page, runs + 1)
    return lambda i: b.slider_key(index, key)


async def measure_page(context, reference, server, path: str, runs: int) -> dict:
    """Both series for one page beside the reference, then its frame switch and payload."""
    url = f"{server.url}/{path}?lang=en"
    ref, tab = await b.Tab.open(context, reference, reference.url), await b.Tab.open(context, server, url)
    result = {"cached": await alternate(ref, tab, b.back_and_forth, b.back_and_forth, runs)}
    result["frame_ms"] = await b.frame_switch_ms(tab.page)
    result["payload_mb"] = await b.payload_bytes(tab) / 1e6
    await ref.close()
    await tab.close()
    fresh = {"cnn-filters": CUSTOM_KERNEL, "tensors": ROOMY_TENSORS + f"&seed={NEW_SEED}"}.get(
        path, f"&seed={NEW_SEED}"
    )
    ref, tab = await b.Tab.open(context, reference, reference.url), await b.Tab.open(context, server, url + fresh)
    page_press = b.custom_kernel if path == "cnn-filters" else await one_way(tab, runs)
    # A training page's compute allowance (a new /sgd value trains 6-11 epochs where its default trains 5): its
    # core run with each press's settings, timed right after that press. Timed at the end of the whole run, it
    # was measured at another speed than the press it allows for (this machine's speed drifts by half within
    # minutes: the same /rnn-unrolling training took 290 and 450 ms of CPU in one server ten minutes apart).
    computed: list[float] = []
    after = (lambda change: computed.append(compute_ms(path, change.query))) if path in TRAINING_PAGES else None
    result["new"] = await alternate(ref, tab, await one_way(ref, runs), page_press, runs, after)
    if computed:
        result["new_compute_ms"] = statistics.median(computed)
    await ref.close()
    await tab.close()
    return result


def reference_server(app: str = "reference_app.py") -> tuple[AppServer, str]:
    """A reference app alone in a temporary directory: no project config, theme or static files."""
    folder = tempfile.mkdtemp(prefix="dl-bench-reference-")
    shutil.copy(ROOT / "benchmarks" / app, folder)
    return AppServer(app, cwd=folder), folder


async def anatomy_rounds(context, reference, runs: int) -> dict[str, list[b.Change]]:
    """Back-and-forth rounds of the reference beside plain Streamlit with our pages' anatomy (anatomy_app.py)."""
    server, folder = reference_server("anatomy_app.py")
    try:
        server.wait_healthy()
        ref, tab = await b.Tab.open(context, reference, reference.url), await b.Tab.open(context, server, server.url)
        rounds = await alternate(ref, tab, b.back_and_forth, b.back_and_forth, runs)
        await ref.close()
        await tab.close()
        return rounds
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


async def browser_part(args, pages: list[str]) -> dict:
    from playwright.async_api import async_playwright

    results: dict = {"pages": {}}
    reference, folder = reference_server()
    reference.wait_healthy()
    server = AppServer()
    started = time.perf_counter()
    server.wait_healthy()
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_args())
            context = await browser.new_context(viewport=VIEWPORT, locale="en-US")
            first = await b.Tab.open(context, server, f"{server.url}/gradient-descent")
            results["cold_start_s"] = time.perf_counter() - started
            await first.close()
            results["anatomy"] = await anatomy_rounds(context, reference, args.runs)
            for path in pages:
                print(f"measuring {path} ...", flush=True)
                results["pages"][path] = await measure_page(context, reference, server, path, args.runs)
            results["rss_after_pages_mb"] = server.rss_mb()
            if args.sessions:
                results["load"] = await load_run(browser, server, args)
                results["rss_after_load_mb"] = server.rss_mb()
            await browser.close()
    finally:
        server.stop()
        reference.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return results


async def load_run(browser, server, args) -> dict:
    """``sessions`` concurrent users, each making ``changes`` slider changes across different pages."""
    pages = [s.url_path for s in registry.built()]
    latencies: list[float] = []
    errors: list[str] = []

    async def user(i: int):
        context = await browser.new_context(viewport=VIEWPORT)
        try:
            tab = None
            for j in range(args.changes):
                url = f"{server.url}/{pages[(i + j) % len(pages)]}?lang={'ko' if i % 2 else 'en'}"
                if tab is None:
                    tab = await b.Tab.open(context, server, url)
                elif j % 3 == 0:
                    await tab.goto(url)
                latencies.append((await tab.change(b.back_and_forth(j))).ms)
                if await tab.page.locator("[data-testid='stException']").count():
                    errors.append(f"session {i}: exception on {tab.page.url}")
        except Exception as exc:  # a timeout or crash counts as an error, the run goes on
            errors.append(f"session {i}: {type(exc).__name__}: {str(exc)[:120]}")
        finally:
            await context.close()

    await asyncio.gather(*(user(i) for i in range(args.sessions)))
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")  # noqa: E731
    return {"sessions": args.sessions, "changes": len(latencies), "errors": errors, "p50": pick(0.5), "p95": pick(0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="measured rounds per series (and warm core runs)")
    parser.add_argument("--pages", default="", help="comma-separated url paths (default: every built page)")
    parser.add_argument("--sessions", type=int, default=10, help="concurrent sessions in the load run (0: skip it)")
    parser.add_argument("--changes", type=int, default=10, help="changes per session in the load run")
    parser.add_argument("--core-only", action="store_true", help="skip the browser measurements")
    parser.add_argument("--no-uploads", action="store_true", help="skip the upload memory measurements")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    built = [s.url_path for s in registry.built()]
    pages = [p for p in args.pages.split(",") if p] or built
    if unknown := sorted(set(pages) - set(built)):
        parser.error(f"unknown pages: {', '.join(unknown)} (built: {', '.join(built)})")
    core = core_table(args.runs, pages)
    browser = None if args.core_only else asyncio.run(browser_part(args, pages))
    text = report(core, browser, args)
    if not (args.core_only or args.no_uploads):
        text += "\n## Uploads (peak memory per kind, idle memory after three concurrent uploads)\n\n"
        text += upload_memory.report() + "\n"
    print(text)
    write_keeping_sections(text, Path(args.out))


if __name__ == "__main__":
    main()
