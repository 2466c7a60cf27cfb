"""The one chart element every page uses: a plotly figure that keeps its Plotly instance across reruns.

``st.plotly_chart`` derives its element's identity from the whole figure, so every changed figure
unmounts the plot and builds it again (``Plotly.newPlot``, ~250 ms of browser CPU for a multi-panel
figure). This element is keyed by the page, receives the figure as JSON (serialised once per figure
object, sent as bytes: ``pack``) and updates the same plot in place: a change that only moves scatter
data (animated or not) as a scrub does, then sets the axes that changed and redraws only the subplots
on them; anything else with ``Plotly.react``. Clicks come back as a list of points. Pages cache the
builders of their figures with ``figure_cache`` (ui/figcache.py), which keeps them as this element sends them.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable
from pathlib import Path

import plotly
import plotly.graph_objects as go
import streamlit as st

from i18n import CATALOG
from ui.assets import loader, publish
from ui.figcache import Drawn, drawn, figure_cache
from ui.present import presenting
from ui.state import lang, t

__all__ = ["Drawn", "chart", "figure_cache"]  # what pages use: the element, and the cache for its figures

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# No plotly logo, and no "Share chart..." button: plotly.js 3 shows it by default, and a click uploads the
# chart to Plotly Cloud, which a classroom's data must not reach (and an offline room cannot). The element
# follows its width itself (chart.js followWidth).
CONFIG = {"displaylogo": False, "showSendToCloud": False}


# plotly.js writes its own tooltips and tips (the modebar's "Zoom", "Autoscale", ...) in English unless a
# locale is registered. The Korean one is ours (i18n/common.py plotly.*), keyed by plotly.js's English.
PLOTLY_WORDS = sorted(k for k in CATALOG if k.startswith("plotly."))


@functools.cache
def plotly_locale(language: str) -> dict | None:
    """The plotly.js locale for ``language`` (name and dictionary), or None for English (plotly.js's own)."""
    if language == "en":
        return None
    return {"name": language, "dictionary": {CATALOG[k]["en"]: CATALOG[k][language] for k in PLOTLY_WORDS}}


publish(PLOTLY_JS, "plotly.min.js")  # chart.js loads it from app/static/plotly.min.js
_element = st.components.v2.component(
    "dlviz.chart", js=loader(Path(__file__).with_name("chart.js")), isolate_styles=False
)


def pack(head: dict, figure: str) -> bytes:
    """What the element is sent: ``head`` (revision, key, ...) as one line of JSON, then the figure's JSON.

    Every rerun sends every chart of the page again. As bytes, Streamlit forwards the payload as it is:
    as JSON data it was encoded twice per rerun (once to identify the element, once to send it, each time
    escaping the figure as a string: ~30 % of a cached rerun's server CPU on the dropout page) and parsed
    by the browser on every rerun; now the browser reads the head line and parses the figure only when the
    revision is one it has not drawn. Bytes are not probed for a dataframe either (a dict would be, and that
    probe imports pandas and pyarrow: +90 MB per server process). Neither JSON holds a raw line break, so
    the first one ends the head.
    """
    return json.dumps(head, separators=(",", ":")).encode() + b"\n" + figure.encode()


def unpack(payload: bytes) -> tuple[dict, str]:
    """(head, figure JSON) of a payload made by ``pack``."""
    head, _, figure = bytes(payload).partition(b"\n")
    return json.loads(head), figure.decode()


def chart(
    fig: go.Figure | Drawn,
    *,
    key: str,
    on_click: Callable[[list[dict]], None] | None = None,
    config: dict | None = None,
    where=None,
    caption: str = "",
    scrub: bool = False,
    family: str | None = None,
) -> None:
    """Draw ``fig`` in the stable chart element ``key`` (inside container ``where``, if given), with
    ``caption`` under it, followed by how to scrub when the figure is animated (``scrub``);
    ``on_click(points)`` runs as a callback before the rerun.

    ``family`` names a chart redrawn within one script run: Streamlit allows a key once per run, so such a
    chart (/digits-project's live curves, one per look at the training) is a new element each time. The
    browser carries the plot of the family's last element over to the new one and moves it to the new
    figure, where each new element drew its plot from nothing (Plotly.newPlot: ~100 ms of the browser's main
    thread at every look, one every 250 ms). Family charts take no clicks (their handler is the first element's)."""
    fig = fig if isinstance(fig, Drawn) else drawn(fig)
    present = presenting()
    key = f"chart_{key}"  # element class st-key-chart_*: tests find every chart before it has drawn

    def clicked() -> None:
        points = getattr(st.session_state.get(key), "click", None)
        if on_click and points:
            on_click(points)

    language = lang()
    head = {
        "revision": f"{fig.revision}-present" if present else fig.revision,
        "key": key,
        "config": CONFIG | {"locale": language} | (config or {}),
        "locale": plotly_locale(language),
        "present": present,
        "static": fig.static,
        "moving": fig.moving,
        "family": family,
    }
    with where if where is not None else contextlib.nullcontext():
        _element(key=key, data=pack(head, fig.text), on_click_change=clicked, width="stretch")
        if caption or scrub:
            st.caption(" ".join(part for part in (caption, t("ui.scrub_hint") if scrub else "") if part))
