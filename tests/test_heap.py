"""The server's C heap is trimmed after every run of a page (ui/heap.py trim, called by ui/live.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.apptest_helpers import open_page
from ui import heap

# Fill the heap with 64 KB blocks (below glibc's mmap threshold, so they come from the heap), keep every
# tenth so the freed ones sit between live blocks where glibc's own trimming of the heap's top never
# reaches, and read the resident size before and after ``heap.trim()``.
FRAGMENTED = """
import sys
sys.path.insert(0, {root!r})
from ui import heap
blocks = [bytearray(64 * 1024) for _ in range(1600)]
kept = blocks[::10]
del blocks
before = heap.rss_mb()
heap.trim()
print(before, heap.rss_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim and /proc are Linux's")
def test_trim_gives_the_pages_of_freed_blocks_back_to_the_system():
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", FRAGMENTED.format(root=root)], capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()  # fmt: skip
    before, after = float(out[0]), float(out[1])
    # 1,440 freed blocks of 64 KB (90 MB), nearly all of it in whole free pages
    assert before - after > 60, (before, after)


@pytest.fixture
def trims(monkeypatch):
    """Count the calls of ``heap.trim`` (each still trims)."""
    calls = []
    real = heap.trim

    def counted():
        calls.append(1)
        real()

    monkeypatch.setattr(heap, "trim", counted)
    return calls


def test_every_run_of_a_page_trims_the_heap_once(trims):
    at = open_page("views/gradient_descent.py", lang="en")
    assert not at.exception
    start = len(trims)
    slider = at.slider[0]
    slider.set_value(slider.value + slider.proto.step).run()
    assert not at.exception
    assert len(trims) == start + 1


def test_a_page_that_stops_early_still_trims_the_heap(trims):
    at = open_page("views/rnn_unrolling.py", lang="en", sequence="text", text="")  # no text: the page stops
    assert at.error, "the page should say that the text is empty"
    start = len(trims)
    at.run()
    assert len(trims) == start + 1
