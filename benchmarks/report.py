"""The benchmark's markdown report: every measurement beside its budget (the design's "Budgets" table)."""

from __future__ import annotations

import datetime
import os
import platform
import statistics

BUDGET = {
    "analytic_ms": 50, "chapter_ms": 300, "train_ms": 1000, "project_ms": 3000, "cnn_ms": 5000,  # core compute, warm
    "cached_ratio": 1.2, "new_ratio": 1.5,  # widget change, to the reference in the same rounds
    "cpu_ms": 50, "frame_ms": 20, "payload_mb": 1.5, "rss_mb": 600,
}  # fmt: skip
# Pages that train: a new value costs their compute on top of the widget-change budget. /mle fits its
# distribution's parameters with a torch optimizer over its steps (core.mle.fit.ascend: 70 of the ~100 ms
# of a new value's server time), as the pages above fit theirs.
TRAINING_PAGES = {
    "logistic-regression", "relu", "dropout", "rnn-unrolling", "linear-regression", "sgd", "overfitting",
    "digits-project", "representation", "mle",
}  # fmt: skip
CORE_BUDGET = (
    dict.fromkeys(TRAINING_PAGES, "train_ms")
    | dict.fromkeys(["linear-regression", "backprop", "sgd", "overfitting", "mle"], "chapter_ms")  # issues 16-18
    | {"cnn-filters": "cnn_ms", "digits-project": "project_ms", "representation": "cnn_ms"}
)


def verdict(ok: bool) -> str:
    return "✅" if ok else "❌ over budget"


def med(changes, field: str) -> float:
    return statistics.median(getattr(c, field) for c in changes)


def core_lines(core) -> list[str]:
    lines = [
        "## Core compute (median of warm runs)",
        "",
        "| page | default (ms) | heaviest (ms) | budget (ms) | |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for page, default, heavy in core:
        budget = BUDGET[CORE_BUDGET.get(page, "analytic_ms")]
        lines.append(f"| {page} | {default:.1f} | {heavy:.1f} | {budget} | {verdict(default <= budget)} |")
    return lines


def change_lines(browser, kind: str, core_ms: dict[str, float]) -> list[str]:
    """One row per page: medians of the page's changes and of the reference changes beside them."""
    lines = [
        "| page | change → charts (ms) | ratio (budget) | server CPU (ms) | main thread (ms) | of which script (ms) "
        "| charts rebuilt | |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    refs = []
    for page, r in browser["pages"].items():
        mine, ref = r[kind]["page"], r[kind]["ref"]
        refs += ref
        ratio = med(mine, "ms") / med(ref, "ms")
        allowed, compute = BUDGET["cached_ratio"], ""
        if kind == "new":
            allowed = BUDGET["new_ratio"]
            if page in TRAINING_PAGES:  # the compute of the values pressed (else of the default) on top
                core = r.get("new_compute_ms", core_ms.get(page, 0))
                allowed += core / med(ref, "ms")
                compute = f", compute {core:.0f}"
        ok = ratio <= allowed and (kind != "cached" or med(mine, "cpu_ms") <= BUDGET["cpu_ms"])
        lines.append(
            f"| {page} | {med(mine, 'ms'):.0f} (ref {med(ref, 'ms'):.0f}) | {ratio:.2f} (≤ {allowed:.2f}{compute}) "
            f"| {med(mine, 'cpu_ms'):.0f} (ref {med(ref, 'cpu_ms'):.0f}) "
            f"| {med(mine, 'task_ms'):.0f} (ref {med(ref, 'task_ms'):.0f}) "
            f"| {med(mine, 'script_ms'):.0f} (ref {med(ref, 'script_ms'):.0f}) "
            f"| {med(mine, 'rebuilt'):g} (ref {med(ref, 'rebuilt'):g}) | {verdict(ok)} |"
        )
    lines.append(
        f"| *reference, all rounds* | {med(refs, 'ms'):.0f} | 1 | {med(refs, 'cpu_ms'):.0f} "
        f"| {med(refs, 'task_ms'):.0f} | {med(refs, 'script_ms'):.0f} | {med(refs, 'rebuilt'):g} | |"
    )
    return lines


def anatomy_lines(browser) -> list[str]:
    """The second yardstick: plain Streamlit with our pages' anatomy, beside the reference."""
    rounds = browser.get("anatomy")
    if not rounds:
        return []
    ref, page = med(rounds["ref"], "ms"), med(rounds["page"], "ms")
    return [
        f"Plain Streamlit with our pages' anatomy (benchmarks/anatomy_app.py: title, formula, intuition, "
        f"controls, Try this, metrics, prose, code expander, and the reference's chart as `st.plotly_chart`; "
        f"none of our code): **{page:.0f} ms** per back-and-forth change beside the reference's {ref:.0f} ms, "
        f"**{page / ref:.2f}×**, main thread {med(rounds['page'], 'task_ms'):.0f} ms "
        f"(reference {med(rounds['ref'], 'task_ms'):.0f}). That much page costs this in Streamlit itself; "
        "a page's ratio above it is what our charts and code add.",
        "",
    ]


def browser_lines(browser, core, args) -> list[str]:
    core_ms = {page: default for page, default, _ in core}
    lines = [
        "## Widget change → charts updated (headless Chromium)",
        "",
        "Each round is one change on the reference app (one slider, one `st.plotly_chart`, its own server "
        "without the project's config) and then one on the page; medians over "
        f"{args.runs} rounds after one warm-up round, ratio = page median / reference median of the same rounds. "
        "A change is complete when a chart's data differs, the app is `notRunning` and every stable chart "
        "has drawn the last figure it was sent, or, out of sight (scrolled away or in a closed tab), keeps it "
        "to draw when it comes into view. Server CPU: user + system time of the server process. "
        "Main thread: the tab's CDP `TaskDuration` (script: `ScriptDuration`). Charts rebuilt: stable charts' "
        "`data-builds` increase plus plot nodes new to the DOM.",
        "",
        f"Cold start (server start → first page rendered): **{browser['cold_start_s']:.1f} s**.",
        "",
        *anatomy_lines(browser),
        f"### Back and forth (two values, cached figures; budget ≤ {BUDGET['cached_ratio']}×, "
        f"server CPU ≤ {BUDGET['cpu_ms']} ms)",
        "",
        *change_lines(browser, "cached", core_ms),
        "",
        f"### New values (each press a value the server has not computed; budget ≤ {BUDGET['new_ratio']}×, "
        "training pages plus their compute / reference ms, the compute being the median over the presses of the "
        "page's core run with each press's settings, read from its URL and timed in the benchmark's process right after "
        "that press)",
        "",
        *change_lines(browser, "new", core_ms),
        "",
        "## Scrubbing, payload, memory",
        "",
        f"| page | frame switch, median of 20 (ms, ≤ {BUDGET['frame_ms']}) "
        f"| payload per rerun (MB, ≤ {BUDGET['payload_mb']}) | |",
        "| --- | ---: | ---: | --- |",
    ]
    for page, r in browser["pages"].items():
        frame = "n/a" if r["frame_ms"] is None else f"{r['frame_ms']:.1f}"
        ok = (r["frame_ms"] or 0) <= BUDGET["frame_ms"] and r["payload_mb"] <= BUDGET["payload_mb"]
        lines.append(f"| {page} | {frame} | {r['payload_mb']:.2f} | {verdict(ok)} |")
    rss = browser["rss_after_pages_mb"]
    lines += [
        "",
        f"Server RSS after the pages above: **{rss:.0f} MB** (budget {BUDGET['rss_mb']} MB) {verdict(rss <= BUDGET['rss_mb'])}.",
    ]
    return lines


def load_lines(browser, args) -> list[str]:
    load = browser["load"]
    single = statistics.median(c.ms for r in browser["pages"].values() for c in r["cached"]["page"])
    return [
        "",
        "## Load run",
        "",
        f"{load['sessions']} concurrent browser sessions, {args.changes} changes each on different pages "
        f"({load['changes']} changes completed).",
        "",
        "| errors | p50 (ms) | p95 (ms) | single-session median (ms) | p50 / single | RSS after (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {len(load['errors'])} | {load['p50']:.0f} | {load['p95']:.0f} | {single:.0f} | "
        f"{load['p50'] / single:.1f} | {browser['rss_after_load_mb']:.0f} |",
        *[f"- {e}" for e in load["errors"][:10]],
    ]


def report(core, browser, args) -> str:
    pages = f", pages={args.pages}" if args.pages else ""
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, by `.venv/bin/python -m benchmarks` "
        f"(runs={args.runs}, sessions={args.sessions}{pages}). How to read the tables, what plain Streamlit "
        "costs beside them and earlier runs are in the sections under them, written by hand and kept by each run.",
        "",
        *core_lines(core),
    ]
    if browser:
        lines += ["", *browser_lines(browser, core, args)]
        if "load" in browser:
            lines += load_lines(browser, args)
    return "\n".join(lines) + "\n"
