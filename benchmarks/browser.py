"""What one widget change costs, measured in one browser tab against one server.

A change starts at the key press and is complete when a chart's data differs from before, the app
reports ``notRunning`` and every stable chart (``.dl-chart``) has drawn the last figure it was sent
(its render queue settled and ``data-revision`` equals the revision it was sent last), or, out of sight,
keeps it to draw when it is scrolled to (``data-pending``: ui/chart.js drawWhenNear). Around it: the server
process's CPU time, the tab's main-thread time (CDP ``Performance.getMetrics``) and the charts built
from scratch (``data-builds`` of the stable charts, plus plot nodes new to the DOM).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from tests.e2e.browser import DONE

LOAD_TIMEOUT = 180_000  # ms: a cold page imports torch and trains its first model
SETTLE_S = 0.1  # after a change, before reading CPU counters: work that trails the run still counts
SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']:not([disabled])"
TEXT = "[data-testid='stMain'] [data-testid='stTextInput'] input"

# Installed before any page script: remembers every plot node the document ever held, so a plot
# that is mounted (and maybe unmounted again) during a change is counted as built from scratch.
PROBE = """(() => {
  if (window.__dlProbe) return;
  const seen = new WeakSet();
  let fresh = [];
  const note = (n) => {
    if (n.nodeType !== 1) return;
    const plots = n.matches(".js-plotly-plot") ? [n] : [];
    plots.push(...n.querySelectorAll(".js-plotly-plot"));
    for (const g of plots) if (!seen.has(g)) { seen.add(g); fresh.push(g); }
  };
  const take = (records) => {
    for (const r of records) { if (r.type === "attributes") note(r.target); else r.addedNodes.forEach(note); }
  };
  const observer = new MutationObserver(take);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  const traces = (g) => (g.data || []).flatMap((t) => [t.x, t.y, t.z]);
  window.__dlProbe = {
    mark() {
      take(observer.takeRecords());
      document.querySelectorAll(".js-plotly-plot").forEach((g) => seen.add(g));
      fresh = [];
      this.plots = [...document.querySelectorAll(".js-plotly-plot")].map((g) => [g, g.dataset.revision, traces(g)]);
      this.builds = new Map([...document.querySelectorAll(".dl-chart")].map((g) => [g, Number(g.dataset.builds || 0)]));
    },
    changed() {
      const now = [...document.querySelectorAll(".js-plotly-plot")];
      if (now.length !== this.plots.length) return true;
      return now.some((g, i) => {
        const [old, revision, data] = this.plots[i];
        const fresh = traces(g);
        return g !== old || g.dataset.revision !== revision || fresh.length !== data.length
          || fresh.some((a, j) => a !== data[j]);
      });
    },
    rebuilt() {
      take(observer.takeRecords());
      const charts = new Set(document.querySelectorAll(".dl-chart"));
      let n = 0;
      for (const g of charts) n += Number(g.dataset.builds || 0) - (this.builds.get(g) || 0);
      for (const g of fresh) if (!(g.classList.contains("dl-chart") && charts.has(g))) n += 1;
      return n;
    },
  };
})()"""

FINISHED = f"""() => window.__dlProbe.changed()
  && document.querySelector("{DONE}") !== null
  && [...document.querySelectorAll('.dl-chart')].every(el => el.dataset.revision && el.dataset.revision === el.__revision
    && (el.dataset.revision === el.dataset.wanted || el.dataset.pending === el.dataset.wanted))"""

# A render may still be queued behind the one just drawn: wait until no chart has work left.
QUEUES_SETTLED = """async () => {
  for (;;) {
    const charts = [...document.querySelectorAll('.dl-chart')];
    const queues = charts.map((g) => g.__queue);
    await Promise.all(queues);
    if (charts.every((g, i) => g.__queue === queues[i] && g.dataset.revision === g.__revision)) return;
  }
}"""


@dataclass
class Change:
    ms: float  # key press → charts updated and run finished
    cpu_ms: float  # server process CPU (user + system)
    task_ms: float  # browser main thread: all tasks (CDP TaskDuration)
    script_ms: float  # of which JavaScript (CDP ScriptDuration)
    rebuilt: int  # charts built from scratch
    query: str = ""  # the page's URL query after the change: the settings it was made with


class Tab:
    """One browser tab on one server, with the change probe and a CDP session."""

    def __init__(self, page, cdp, server):
        self.page, self.cdp, self.server = page, cdp, server

    @classmethod
    async def open(cls, context, server, url: str) -> Tab:
        page = await context.new_page()
        await page.add_init_script(PROBE)
        cdp = await page.context.new_cdp_session(page)
        await cdp.send("Performance.enable")
        tab = cls(page, cdp, server)
        await tab.goto(url)
        return tab

    async def goto(self, url: str) -> None:
        await self.page.goto(url)
        await self.page.wait_for_selector(DONE, state="attached", timeout=LOAD_TIMEOUT)
        await self.page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
        await self.page.evaluate(QUEUES_SETTLED)

    async def main_thread_s(self) -> tuple[float, float]:
        metrics = {m["name"]: m["value"] for m in (await self.cdp.send("Performance.getMetrics"))["metrics"]}
        return metrics["TaskDuration"], metrics["ScriptDuration"]

    async def change(self, press) -> Change:
        """Measure one change made by ``await press(page)``."""
        await self.page.bring_to_front()  # a background tab's timers are throttled
        task0, script0 = await self.main_thread_s()
        cpu0 = self.server.cpu_seconds()
        await self.page.evaluate("() => window.__dlProbe.mark()")
        start = time.perf_counter()
        await press(self.page)
        await self.page.wait_for_function(FINISHED, timeout=LOAD_TIMEOUT)
        await self.page.evaluate(QUEUES_SETTLED)
        ms = 1000 * (time.perf_counter() - start)
        rebuilt = await self.page.evaluate("() => window.__dlProbe.rebuilt()")
        await asyncio.sleep(SETTLE_S)
        cpu1 = self.server.cpu_seconds()
        task1, script1 = await self.main_thread_s()
        query = urlparse(self.page.url).query
        return Change(ms, 1000 * (cpu1 - cpu0), 1000 * (task1 - task0), 1000 * (script1 - script0), rebuilt, query)

    async def close(self) -> None:
        await self.page.close()


def back_and_forth(i: int):
    """Press ``i``: the first slider one step right, then left, right, ... (two values, cached after two)."""

    async def press(page):
        slider = page.locator(SLIDER).first
        at_max = await slider.evaluate("e => Number(e.value) >= Number(e.max)")
        at_min = await slider.evaluate("e => Number(e.value) <= Number(e.min)")
        await slider.focus()
        await slider.press("ArrowLeft" if at_max or (i % 2 and not at_min) else "ArrowRight")

    return press


async def one_way(page, presses: int) -> tuple[int, str]:
    """(slider index, arrow key) that moves a slider ``presses`` times to values it has not had:
    the first slider with that much room, left from its default if it can (back and forth went
    right), else right (its first press, to the value back and forth saw, is the warm-up)."""
    rooms = await page.locator(SLIDER).evaluate_all(
        """els => els.map(e => [Number(e.value) - Number(e.min), Number(e.max) - Number(e.value)]
            .map(d => Math.round(d / Number(e.step || 1))))"""
    )
    for index, (left, right) in enumerate(rooms):
        if max(left, right) >= presses:
            return index, "ArrowLeft" if left >= presses else "ArrowRight"
    raise RuntimeError(f"no slider has room for {presses} new values: {rooms}")


def slider_key(index: int, key: str):
    async def press(page):
        slider = page.locator(SLIDER).nth(index)
        await slider.focus()
        await slider.press(key)

    return press


def custom_kernel(i: int):
    """Press ``i``: type a custom kernel not used before (the centre weight moves by 0.01 each time)."""

    async def press(page):
        field = page.locator(TEXT).first
        await field.fill(f"0,-1,0,-1,{4 + 0.01 * (i + 1):.2f},-1,0,-1,0")
        await field.press("Enter")

    return press


async def frame_switch_ms(page, switches: int = 20) -> float | None:
    """Median time of ``switches`` client-side frame switches (``window.Plotly.animate``) on the
    page's first animated chart, or None if it has none."""
    return await page.evaluate(
        """async (switches) => {
            const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._transitionData && g._transitionData._frames && g._transitionData._frames.length > 1);
            if (!gd) return null;
            const names = gd._transitionData._frames.map(f => f.name);
            const step = names.length > 7 ? 7 : 1;
            const redraw = !!(gd.layout.sliders && gd.layout.sliders[0].steps[0].args[1].frame.redraw);
            const times = [];
            for (let i = 1; i <= switches; i++) {
                const t0 = performance.now();
                await window.Plotly.animate(gd, [names[(i * step) % names.length]], {frame: {duration: 0, redraw}, transition: {duration: 0}, mode: 'immediate'});
                times.push(performance.now() - t0);
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)];
        }""",
        switches,
    )


async def payload_bytes(tab: Tab) -> int:
    """Bytes the server sends for one rerun caused by a slider change (fresh load, then one step)."""
    received = []
    tab.page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(len(p))))
    await tab.page.reload()
    await tab.page.wait_for_selector(DONE, state="attached", timeout=LOAD_TIMEOUT)
    await tab.page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    await tab.page.evaluate(QUEUES_SETTLED)
    received.clear()
    await tab.change(back_and_forth(1))
    return sum(received)
