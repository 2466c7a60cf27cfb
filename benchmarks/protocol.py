"""A small Streamlit protocol client: one simulated browser tab, without a browser.

Why a protocol client (and not Playwright or ``streamlit.testing``): a browser tab costs more CPU
than the server work it asks for, so a load run with browsers on the same cores measures the
browsers; ``streamlit.testing.AppTest`` runs the script in the test process and never touches the
server. This client speaks what the browser speaks over the server's websocket
(``/_stcore/stream``, subprotocol ``streamlit``), using the ``BackMsg``/``ForwardMsg`` protobufs of
the installed streamlit package (``streamlit.proto``) and the ``websockets`` package (installed with
streamlit's server): it sends ``rerun_script`` with the page name, query string and widget states,
reads the deltas (widgets by id, the user key is the id's suffix), remembers the hashes of cacheable
messages and sends them back as a browser's message cache does (so unchanged big charts come back
as references, as they do for a browser), keeps the query string the server pushes, and times a run
from the request to ``script_finished``. It does not render anything or load static files: the
timing is the server's part of a change (rerun, compute, send), which is what capacity depends on.

Used by benchmarks/load.py (load generator) and ui/warm.py (fills the caches at server start).
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

KEY_OF_ID = re.compile(r"^\$\$ID-[0-9a-f]+-(.+)$")
MAIN, SIDEBAR = 0, 1  # the first index of a delta path: the root container
WIDGETS = {"slider", "selectbox", "number_input", "checkbox", "radio", "button", "button_group", "toggle"}


@dataclass
class Widget:
    id: str
    key: str | None
    kind: str
    proto: object  # the element's protobuf (Slider, Selectbox, ...)
    in_sidebar: bool


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float = 0.0
    status: str = ""  # "ok", "compile_error", "rerun" (interrupted by a newer request), "timeout", "closed"
    exceptions: int = 0  # st.exception elements (a traceback, shown or hidden by showErrorDetails)
    messages: int = 0
    bytes: int = 0
    refs: int = 0  # messages answered from the client's message cache (ref_hash)

    @property
    def ok(self) -> bool:
        return self.status == "ok" and self.exceptions == 0


@dataclass
class Tab:
    """One browser tab on ``url`` (http(s)://host:port[/base]); ``headers`` go with the websocket
    handshake (e.g. a Cookie for a load balancer's stickiness)."""

    url: str
    headers: dict = field(default_factory=dict)
    timeout: float = 60.0
    page: str = ""
    query: str = ""
    widgets: dict[str, Widget] = field(default_factory=dict)  # by user key (or id when unkeyed)
    cached: set[str] = field(default_factory=set)
    ws: object = None
    response_headers: dict = field(default_factory=dict)

    async def connect(self) -> None:
        ws_url = re.sub(r"^http", "ws", self.url.rstrip("/")) + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url,
            subprotocols=["streamlit"],
            additional_headers=self.headers or None,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        self.response_headers = dict(self.ws.response.headers)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def __aenter__(self) -> Tab:
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def open(self, page: str, query: str = "") -> Run:
        """Navigate to ``page`` (its url_path, "" for the home page) with ``query`` (a=1&b=2)."""
        self.page, self.query = page, query
        self.widgets.clear()
        return await self.rerun([])

    async def rerun(self, states: list) -> Run:
        """Send one rerun with the given WidgetState protobufs; wait for script_finished."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_name = self.page
        cs.widget_states.widgets.extend(states)
        cs.cached_message_hashes.extend(sorted(self.cached))
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run()
        try:
            await asyncio.wait_for(self._read_until_finished(run), self.timeout)
        except TimeoutError:
            run.status = "timeout"
        except websockets.ConnectionClosed:
            run.status = "closed"
        run.seconds = time.perf_counter() - start
        return run

    async def _read_until_finished(self, run: Run) -> None:
        while True:
            raw = await self.ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            run.messages += 1
            run.bytes += len(raw)
            if fwd.metadata.cacheable and fwd.hash:
                self.cached.add(fwd.hash)
            kind = fwd.WhichOneof("type")
            if kind == "ref_hash":
                run.refs += 1
            elif kind == "delta":
                self._read_delta(fwd, run)
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "script_finished":
                status = fwd.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    run.status = "rerun"
                    continue  # a newer run follows (e.g. a callback's st.rerun): wait for its end
                run.status = "ok" if status == ForwardMsg.FINISHED_SUCCESSFULLY else "compile_error"
                return

    def _read_delta(self, fwd: ForwardMsg, run: Run) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.exceptions += 1
        elif kind in WIDGETS:
            proto = getattr(element, kind)
            match = KEY_OF_ID.match(proto.id)
            key = match.group(1) if match and match.group(1) != "None" else proto.id
            path = list(fwd.metadata.delta_path)
            self.widgets[key] = Widget(proto.id, key, kind, proto, bool(path) and path[0] == SIDEBAR)

    # -- building widget states as the browser sends them ------------------------------------

    def state(self, key: str, value) -> object:
        """A WidgetState protobuf that sets widget ``key`` to ``value`` (the value the browser sends:
        an option's label for selectbox/radio, a number for slider/number_input, True to press)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        w = self.widgets[key]
        s = WidgetState(id=w.id)
        if w.kind == "button":
            s.trigger_value = True
        elif w.kind in ("selectbox", "radio"):
            s.string_value = value
        elif w.kind == "slider":
            if len(w.proto.options):  # select_slider: option labels
                s.string_array_value.data.extend([value] if isinstance(value, str) else list(value))
            else:
                s.double_array_value.data.extend([value] if isinstance(value, int | float) else list(value))
        elif w.kind == "number_input":
            s.double_value = float(value)
        elif w.kind in ("checkbox", "toggle"):
            s.bool_value = bool(value)
        elif w.kind == "button_group":
            s.string_array_value.data.extend([value] if isinstance(value, str) else list(value))
        else:
            raise ValueError(f"no state for widget kind {w.kind}")
        return s

    async def set(self, key: str, value=True) -> Run:
        """Change one widget (or press a button) and wait for the run to finish."""
        return await self.rerun([self.state(key, value)])


def options_of(w: Widget) -> list[str]:
    """The option labels a selectbox/radio/select_slider/button_group offers."""
    if w.kind == "button_group":
        return [o.content for o in w.proto.options]
    return list(getattr(w.proto, "options", []))


def try_this_prefixes(tab: Tab) -> list[str]:
    """Prefixes of the Try this pickers on the open page (widget keys ``try_<prefix>_pick``)."""
    return [k[4:-5] for k in tab.widgets if k.startswith("try_") and k.endswith("_pick")]


def wait_healthy(url: str, timeout: float) -> bool:
    """Poll ``url``'s ``/_stcore/health`` until it answers 200 (True) or ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url.rstrip('/')}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False
