"""Benchmark: core compute, browser latency against a reference app, frame scrubbing, cold start,
payload per rerun, server memory, and a concurrent-session load run.

    .venv/bin/python -m benchmarks [--runs 15] [--sessions 10] [--changes 10] [--out docs/benchmarks.md]

Prints a markdown table and writes it to docs/benchmarks.md. Timings are medians of warm runs;
browser latencies are reported as ratios to the reference app measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import statistics
import time
from pathlib import Path

from benchmarks.cases import load as load_cases
from core.runtime import configure_torch
from tests.e2e.browser import DONE, launch_args
from tests.e2e.server import AppServer
from ui import registry

ROOT = Path(__file__).resolve().parents[1]
SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']:not([disabled])"
BUDGET = {"analytic_ms": 50, "train_ms": 1000, "cnn_ms": 5000, "ratio": 2.0, "payload_mb": 1.5, "rss_mb": 600}
TRAINING_PAGES = {"logistic-regression", "relu", "dropout", "rnn-unrolling", "cnn-filters"}
CHART_STATE = "() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(gd => (gd.data||[]).map(t => [t.x, t.y, t.z])))"


def median_ms(fn, runs: int) -> float:
    fn()  # warm: imports, caches, allocator
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def core_table(runs: int) -> list[tuple[str, float, float]]:
    configure_torch()
    return [
        (page, median_ms(c["default"], runs), median_ms(c["heaviest"], max(3, runs // 3)))
        for page, c in load_cases().items()
    ]


async def wait_done(page, timeout=180_000):
    await page.wait_for_selector(DONE, state="attached", timeout=timeout)


async def open_page(page, url: str):
    await page.goto(url)
    await wait_done(page)
    await page.wait_for_selector(".js-plotly-plot", timeout=180_000)


async def change_and_wait(page, step: int) -> float:
    """Nudge the first slider; seconds until a chart's data changed and the run finished."""
    before = await page.evaluate(CHART_STATE)
    slider = page.locator(SLIDER).first
    at_max = await slider.evaluate("e => Number(e.value) >= Number(e.max)")
    at_min = await slider.evaluate("e => Number(e.value) <= Number(e.min)")
    key = "ArrowLeft" if at_max or (step % 2 and not at_min) else "ArrowRight"
    await slider.focus()
    start = time.perf_counter()
    await slider.press(key)
    await page.wait_for_function(f"(b) => ({CHART_STATE})() !== b", arg=before, timeout=180_000)
    await wait_done(page)
    return time.perf_counter() - start


async def latency(page, url: str, runs: int) -> float:
    await open_page(page, url)
    await change_and_wait(page, 0)  # warm the cache path for this parameter
    return 1000 * statistics.median([await change_and_wait(page, i + 1) for i in range(runs)])


async def frame_switch_ms(page) -> float | None:
    """Median time of a client-side Plotly.animate frame switch on the page's first animated chart."""
    return await page.evaluate(
        """async () => {
            const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._transitionData && g._transitionData._frames && g._transitionData._frames.length > 1);
            if (!gd) return null;
            const names = gd._transitionData._frames.map(f => f.name);
            const redraw = !!(gd.layout.sliders && gd.layout.sliders[0].steps[0].args[1].frame.redraw);
            const times = [];
            for (let i = 0; i < Math.min(names.length, 20); i++) {
                const t0 = performance.now();
                await Plotly.animate(gd, [names[(i * 7) % names.length]], {frame: {duration: 0, redraw}, transition: {duration: 0}, mode: 'immediate'});
                times.push(performance.now() - t0);
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)];
        }"""
    )


async def payload_bytes(page) -> int:
    """Bytes the server sends for one rerun caused by a slider change."""
    received = []
    handler = lambda ws: ws.on("framereceived", lambda p: received.append(len(p)))  # noqa: E731
    page.on("websocket", handler)
    await page.reload()
    await wait_done(page)
    await page.wait_for_selector(".js-plotly-plot", timeout=180_000)
    received.clear()
    await change_and_wait(page, 1)
    return sum(received)


async def browser_part(args) -> dict:
    from playwright.async_api import async_playwright

    results: dict = {"pages": {}}
    reference = AppServer("benchmarks/reference_app.py")
    reference.wait_healthy()
    server = AppServer()
    started = time.perf_counter()
    server.wait_healthy()
    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_args())
        page = await browser.new_page(viewport={"width": 1400, "height": 1000})
        await open_page(page, f"{server.url}/gradient-descent")
        results["cold_start_s"] = time.perf_counter() - started
        results["reference_ms"] = await latency(page, reference.url, args.runs)
        for spec in registry.built():
            url = f"{server.url}/{spec.url_path}?lang=en"
            ms = await latency(page, url, args.runs)
            results["pages"][spec.url_path] = {
                "latency_ms": ms,
                "frame_ms": await frame_switch_ms(page),
                "payload_mb": await payload_bytes(page) / 1e6,
            }
        results["rss_after_pages_mb"] = server.rss_mb()
        results["single_ms"] = statistics.median(r["latency_ms"] for r in results["pages"].values())
        results["load"] = await load_run(browser, server, args)
        results["rss_after_load_mb"] = server.rss_mb()
        await browser.close()
    server.stop()
    reference.stop()
    return results


async def load_run(browser, server, args) -> dict:
    """``sessions`` concurrent users, each making ``changes`` slider changes across different pages."""
    pages = [s.url_path for s in registry.built()]
    latencies: list[float] = []
    errors: list[str] = []

    async def user(i: int):
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        try:
            for j in range(args.changes):
                if j % 3 == 0:
                    await open_page(page, f"{server.url}/{pages[(i + j) % len(pages)]}?lang={'ko' if i % 2 else 'en'}")
                latencies.append(1000 * await change_and_wait(page, j))
                if await page.locator("[data-testid='stException']").count():
                    errors.append(f"session {i}: exception on {page.url}")
        except Exception as exc:  # a timeout or crash counts as an error, the run goes on
            errors.append(f"session {i}: {type(exc).__name__}: {str(exc)[:120]}")
        finally:
            await context.close()

    await asyncio.gather(*(user(i) for i in range(args.sessions)))
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")  # noqa: E731
    return {"sessions": args.sessions, "changes": len(latencies), "errors": errors, "p50": pick(0.5), "p95": pick(0.95)}


def verdict(ok: bool) -> str:
    return "✅" if ok else "❌ over budget"


def report(core, browser, args) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, by `.venv/bin/python -m benchmarks` (runs={args.runs}).",
        "",
        "## Core compute (median of warm runs)",
        "",
        "| page | default (ms) | heaviest (ms) | budget (ms) | |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for page, default, heavy in core:
        budget = (
            BUDGET["cnn_ms"]
            if page == "cnn-filters"
            else BUDGET["train_ms"]
            if page in TRAINING_PAGES
            else BUDGET["analytic_ms"]
        )
        lines.append(f"| {page} | {default:.1f} | {heavy:.1f} | {budget} | {verdict(default <= budget)} |")
    if browser:
        ref = browser["reference_ms"]
        core_ms = {page: default for page, default, _ in core}
        lines += [
            "",
            "## Browser (headless Chromium)",
            "",
            f"Reference app (one slider, one plotly chart): widget change → chart updated in **{ref:.0f} ms**. "
            f"Cold start (server start → first page rendered): **{browser['cold_start_s']:.1f} s**.",
            "",
            "| page | change → charts (ms) | ratio to reference | frame switch (ms) | payload per rerun (MB) | |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for page, r in browser["pages"].items():
            ratio = r["latency_ms"] / ref
            allowed = BUDGET["ratio"] + (core_ms.get(page, 0) / ref if page in TRAINING_PAGES else 0)
            ok = ratio <= allowed and r["payload_mb"] <= BUDGET["payload_mb"]
            frame = "n/a" if r["frame_ms"] is None else f"{r['frame_ms']:.1f}"
            lines.append(
                f"| {page} | {r['latency_ms']:.0f} | {ratio:.2f} (≤ {allowed:.2f}) | {frame} | {r['payload_mb']:.2f} | {verdict(ok)} |"
            )
        load = browser["load"]
        lines += [
            "",
            f"Server RSS after visiting every page: **{browser['rss_after_pages_mb']:.0f} MB** "
            f"(budget {BUDGET['rss_mb']} MB) {verdict(browser['rss_after_pages_mb'] <= BUDGET['rss_mb'])}.",
            "",
            "## Load run",
            "",
            f"{load['sessions']} concurrent browser sessions, {args.changes} changes each on different pages "
            f"({load['changes']} changes completed).",
            "",
            "| errors | p50 (ms) | p95 (ms) | single-session median (ms) | p50 / single | RSS after (MB) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {len(load['errors'])} | {load['p50']:.0f} | {load['p95']:.0f} | {browser['single_ms']:.0f} | "
            f"{load['p50'] / browser['single_ms']:.1f} | {browser['rss_after_load_mb']:.0f} |",
        ]
        lines += [f"- {e}" for e in load["errors"][:10]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="warm runs per measurement")
    parser.add_argument("--sessions", type=int, default=10, help="concurrent sessions in the load run")
    parser.add_argument("--changes", type=int, default=10, help="changes per session in the load run")
    parser.add_argument("--core-only", action="store_true", help="skip the browser measurements")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    core = core_table(args.runs)
    browser = None if args.core_only else asyncio.run(browser_part(args))
    text = report(core, browser, args)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
