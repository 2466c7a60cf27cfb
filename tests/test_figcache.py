"""ui.figcache: figures kept as the chart element's JSON, in one LRU bounded in bytes across pages."""

import dataclasses
import json
import threading
import zlib

import numpy as np
import plotly.graph_objects as go
import pytest

from ui import figcache
from ui.figcache import Drawn


@pytest.fixture
def small_budget(monkeypatch):
    figcache.clear()
    monkeypatch.setattr(figcache, "BUDGET", 20_000)
    yield
    figcache.clear()


def scatter(n: int, seed: int) -> go.Figure:
    return go.Figure(go.Scatter(y=np.random.default_rng(seed).normal(size=n)))


def test_figures_come_back_as_their_json_and_other_values_as_they_are(small_budget):
    calls = []

    @figcache.figure_cache
    def build(n: int, language: str, _unhashed):
        calls.append(n)
        return {"a": scatter(n, 0), "none": None}, np.zeros(3)

    first = build(10, "ko", object())
    figcache.settle()
    again = build(10, "ko", object())  # _unhashed is not part of the key
    assert calls == [10] and again is first
    figs, arr = first
    assert isinstance(figs["a"], Drawn) and json.loads(figs["a"].text) == json.loads(scatter(10, 0).to_json())
    assert figs["none"] is None and np.array_equal(arr, np.zeros(3))
    assert json.loads(figs["a"].text)["data"][0]["type"] == "scatter"
    assert figs["a"].nbytes < len(figs["a"].text) / 3, "kept compressed: plotly's JSON shrinks ~3x"
    assert figcache.held_bytes() < len(figs["a"].text), "the budget counts what is kept"
    build(10, "en", None)
    assert calls == [10, 10], "another language is another entry"


def test_the_cache_holds_at_most_its_budget_and_drops_the_least_recently_used(small_budget):
    @figcache.figure_cache
    def build(seed: int):
        return scatter(200, seed)

    first = build(0)
    figcache.settle()
    one = figcache.size_of(first)
    assert 2_000 < one < 20_000
    for seed in range(1, 40):
        build(seed)
        assert figcache.held_bytes() <= figcache.BUDGET * 9 // 8, "new figures not packed yet have an eighth more"
        figcache.settle()
        assert figcache.held_bytes() <= figcache.BUDGET
    figcache.settle()
    kept = figcache.BUDGET // one
    assert len(figcache._entries) in (kept, kept - 1)
    # The newest survive, the oldest went: seed 39 is a hit, seed 0 is built again.
    assert build(39) is build(39)
    before = len(figcache._entries)
    build(0)
    assert len(figcache._entries) <= before


def test_two_builders_with_one_name_in_different_pages_do_not_share_entries(small_budget):
    """Pages are compiled from their files (co_filename), as Streamlit runs them."""
    source = "@figure_cache\ndef figure(n: int):\n    return scatter(n, SEED)\n"

    def page(path: str, seed: int):
        scope = {"figure_cache": figcache.figure_cache, "scatter": scatter, "SEED": seed}
        exec(compile(source, path, "exec"), scope)
        return scope["figure"]

    a, b, a_again = page("views/a.py", 1), page("views/b.py", 2), page("views/a.py", 1)
    assert a(5).text != b(5).text
    assert a_again(5) is a(5), "a rerun of the same page finds its entries"


def test_the_figures_sent_last_are_kept_uncompressed_within_their_budget(monkeypatch):
    figcache.clear()
    monkeypatch.setattr(figcache, "TEXT_BUDGET", 30_000)
    packed = [figcache.drawn(scatter(400, seed)).packed() for seed in range(6)]  # ~10 kB of JSON each
    texts = [json.loads(p.text) for p in packed]  # decompressed once, then kept
    assert [json.loads(p.text) for p in packed] == texts
    assert [t["data"][0]["y"] for t in texts] == [
        json.loads(scatter(400, s).to_json())["data"][0]["y"] for s in range(6)
    ]
    kept = figcache._texts
    assert 0 < figcache._text_bytes == sum(len(t) for t in kept.values()) <= 30_000
    assert list(kept) == [p.revision for p in packed][-len(kept) :]  # the oldest went first
    assert len(kept) < len(packed)
    oldest = packed[-len(kept)]
    assert json.loads(oldest.text) == texts[-len(kept)]  # a hit moves it to the newest end
    assert next(reversed(kept)) == oldest.revision
    figcache.clear()
    assert not kept and figcache._text_bytes == 0


def map_frames(n_frames: int, side: int, seed: int) -> go.Figure:
    """A heatmap animated over ``n_frames`` frames of float32 noise: JSON that is mostly base64 (like a boundary map's)."""
    rng = np.random.default_rng(seed)
    z = [rng.random((side, side), dtype=np.float32) for _ in range(n_frames)]
    return go.Figure(go.Heatmap(z=z[0]), frames=[go.Frame(data=[go.Heatmap(z=frame)]) for frame in z])


def test_a_figure_that_would_shrink_little_is_kept_as_text_and_counted_so(small_budget):
    noisy = figcache.drawn(map_frames(40, 40, 0))
    assert len(noisy.text) > 4 * figcache.SAMPLE
    shrink = len(noisy.text.encode()) / len(zlib.compress(noisy.text.encode(), 1))
    assert shrink < figcache.MIN_SHRINK, f"the test figure shrinks {shrink:.2f}x: it tests nothing"
    assert noisy.packed() is noisy and noisy.nbytes == len(noisy.text)
    lines = figcache.drawn(go.Figure([go.Scatter(x=[1, 2, 3], y=[i, i, i], name="line") for i in range(6000)]))
    assert len(lines.text) > 4 * figcache.SAMPLE
    packed = lines.packed()
    assert packed.nbytes * figcache.MIN_SHRINK < len(lines.text) and packed.text == lines.text

    @figcache.figure_cache
    def build(seed: int):
        return map_frames(40, 40, seed)

    kept = build(1)
    figcache.settle()
    assert figcache.held_bytes() == figcache.size_of(kept) >= len(kept.text), "the budget counts the text kept"


def test_a_new_figure_reaches_the_page_as_text_and_is_compressed_after(small_budget, monkeypatch):
    """Compressing was on the way from a new value's compute to its chart; now a thread does it after."""
    gate = threading.Event()
    pack = figcache.Drawn.pack
    monkeypatch.setattr(figcache.Drawn, "pack", lambda self: gate.wait(10) and pack(self))

    @figcache.figure_cache
    def build(seed: int):
        return {"one": go.Figure(go.Scatter(y=np.arange(800) % 7 + seed)), "two": (scatter(300, seed + 1),)}

    figs = build(1)
    one, two = figs["one"], figs["two"][0]
    assert one.nbytes == len(one.text) and two.nbytes == len(two.text), "the page gets the text as built"
    assert figcache.held_bytes() == figcache.size_of(figs), "counted as text until it is packed"
    texts = one.text, two.text
    gate.set()
    figcache.settle()
    assert all(f.nbytes * figcache.MIN_SHRINK < len(text) for f, text in zip((one, two), texts, strict=True))
    assert figcache.held_bytes() == figcache.size_of(figs) < sum(map(len, texts)), "the budget counts what is kept"
    monkeypatch.setattr(figcache.zlib, "decompress", lambda *_: pytest.fail("decompressed a figure just sent"))
    assert (one.text, two.text) == texts, "the next rerun sends the text kept among the recent ones"
    assert build(1) is figs


@dataclasses.dataclass(frozen=True)
class Maps:
    out: np.ndarray
    pooled: np.ndarray
    window: object = None


def test_arrays_in_dataclasses_are_counted_by_their_bytes(small_budget):
    """/cnn-filters keeps its feature maps (a dataclass of arrays) with its figures."""
    maps = Maps(np.zeros((171, 256), np.float32), np.zeros((85, 128), np.float32), Maps(np.zeros(10), np.zeros(5)))
    inner = 64 + 80 + 40 + 64
    assert figcache.size_of(maps) == 64 + 171 * 256 * 4 + 85 * 128 * 4 + inner
    assert figcache.size_of(Maps) == 64, "a dataclass itself, not an instance, is a small object"
