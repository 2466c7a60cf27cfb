"""Warm caches for a class: at server start, open every page and apply every Try this experiment
once, so the first student to press Apply gets a cache hit.

It drives the server exactly as a browser does, through the protocol client of
benchmarks/protocol.py, against the server's own port: each built page (ui.registry.built()) in
each language of DL_WARM_LANGS, and on it every Try-this experiment, selected in its picker
(widget key ``try_<prefix>_pick``) and applied (``try_<prefix>_apply``). So the very code paths a
student's click takes fill st.cache_data / st.cache_resource; nothing here knows a page's internals
beyond those two widget keys.

Switch: DL_WARM=1 turns it on (scripts/serve-class.sh and deploy/ set it); unset or 0 leaves it
off, so the test suite's servers start as before. app.py imports this module; the import (once per
process) starts one daemon thread and returns at once (the first page is not
delayed: the thread waits DL_WARM_DELAY seconds, default 1, and then works one page at a time).
DL_WARM_LANGS (default ko, the class's language: computed results are shared by both languages,
only figures are per language) and DL_WARM_PAGES (default: every built page) narrow it.
Streamlit runs app.py only when a session opens, so a server started by serve-class.sh or the
container is kicked once right after its health check answers (``python -m ui.warm --kick URL``).

Memory: st.cache_data is bounded in bytes by Streamlit's ``server.maxCacheDataSize`` (set by
serve-class.sh and the container, see deploy/); figures are kept as their JSON in ui.figcache's one
LRU, bounded by ``DL_FIGURE_CACHE_MB``. ``STATUS`` records what the warm-up did (seconds, runs, failures, RSS after).
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import threading
import time

from ui import heap

ENV = "DL_WARM"
LOG = logging.getLogger("dl.warm")
STATUS: dict = {"state": "off"}
_lock = threading.Lock()
_started = False


def enabled() -> bool:
    return os.environ.get(ENV, "0").strip().lower() in ("1", "true", "yes", "on")


def langs() -> list[str]:
    return [x.strip() for x in os.environ.get("DL_WARM_LANGS", "ko").split(",") if x.strip()]


def start_once() -> None:
    """Start the warm-up thread once per process when DL_WARM is on; cheap to call on every run."""
    global _started
    if _started or not enabled():
        return
    from streamlit import runtime

    # A plain `python` import has no runtime; AppTest has a mock one: neither has a server to warm.
    if not runtime.exists() or type(runtime.get_instance()) is not runtime.Runtime:
        return
    with _lock:
        if _started or any(t.name == "dl-warm" for t in threading.enumerate()):
            return
        _started = True
    STATUS["state"] = "starting"
    threading.Thread(target=_run, name="dl-warm", daemon=True).start()


def own_url() -> str:
    """The address of this Streamlit server, from its config (loopback when it listens on all)."""
    from streamlit import config

    address = config.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::", ""):
        address = "127.0.0.1"
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"http://{address}:{config.get_option('server.port')}" + (f"/{base}" if base else "")


def _run() -> None:
    try:
        time.sleep(float(os.environ.get("DL_WARM_DELAY", "1")))
        from ui import registry

        pages = [spec.url_path for spec in registry.built()]
        only = [p.strip() for p in os.environ.get("DL_WARM_PAGES", "").split(",") if p.strip()]
        pages = [p for p in pages if p in only] if only else pages
        result = asyncio.run(warm(own_url(), pages, langs()))
        # What the warm-up cached lives as long as the server: freeze it, so Streamlit's collection
        # after each run does not walk the cached figures again (see ui/heap.py).
        gc.collect()
        gc.freeze()
        heap.trim()  # the warm-up's temporaries (training runs, figure JSON) otherwise stay resident
        STATUS.update(result, state="done", rss_mb=round(heap.rss_mb(), 1))
        LOG.warning("warm-up: %s", json.dumps(STATUS))  # benchmarks/load.py reads this line
    except Exception as exc:  # a warm-up that fails leaves a working server with cold caches
        STATUS.update(state="failed", error=repr(exc))
        LOG.warning("warm-up failed: %r", exc)


async def warm(url: str, pages: list[str], languages: list[str], pause: float = 0.0) -> dict:
    """Open each page in each language and apply each Try-this experiment on it; returns counts.

    ``pause`` seconds between runs leave room for students' runs on a busy server."""
    from benchmarks.protocol import Tab, options_of, try_this_prefixes

    start = time.perf_counter()
    runs, failures, experiments = 0, [], 0
    for lang in languages:
        for page in pages:
            # A fresh session per page, as a student following a shared link: settings applied on
            # one page must not carry over to the next.
            async with Tab(url, timeout=300) as tab:
                done = await tab.open(page, f"lang={lang}")
                runs += 1
                if not done.ok:
                    failures.append((lang, page, "open", done.status))
                for prefix in try_this_prefixes(tab):
                    for option in options_of(tab.widgets[f"try_{prefix}_pick"]):
                        for key, value in ((f"try_{prefix}_pick", option), (f"try_{prefix}_apply", True)):
                            done = await tab.set(key, value)
                            runs += 1
                            if not done.ok:
                                failures.append((lang, page, option, done.status))
                            if pause:
                                await asyncio.sleep(pause)
                        experiments += 1
    return {
        "seconds": round(time.perf_counter() - start, 1),
        "pages": len(pages),
        "langs": list(languages),
        "experiments": experiments,
        "runs": runs,
        "failures": failures,
    }


def kick(url: str, timeout: float = 180) -> bool:
    """Wait for ``url``'s health check, then open its home page once (that run of app.py starts
    the warm-up thread in the server). True when the server answered."""
    from benchmarks.protocol import Tab, wait_healthy

    if not wait_healthy(url, timeout):
        return False

    async def once() -> bool:
        async with Tab(url, timeout=timeout) as tab:
            return (await tab.open("")).status == "ok"

    return asyncio.run(once())


if __name__ != "__main__":
    start_once()  # on import by app.py: once per process, and only with DL_WARM=1

if __name__ == "__main__":
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kick", metavar="URL", help="open URL's home page once after its health check")
    parser.add_argument("--run", metavar="URL", help="run the whole warm-up against URL from outside")
    args = parser.parse_args()
    if args.kick:
        sys.exit(0 if kick(args.kick) else 1)
    if args.run:
        from ui import registry

        print(asyncio.run(warm(args.run, [s.url_path for s in registry.built()], langs())))
