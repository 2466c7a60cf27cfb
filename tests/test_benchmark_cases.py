"""The benchmark allows a training page's new values the compute of the settings pressed (benchmarks.cases)."""

from __future__ import annotations

from dataclasses import fields, replace
from urllib.parse import urlencode

import pytest

from benchmarks.cases import config_for, for_query, runs
from benchmarks.report import TRAINING_PAGES
from tests.apptest_helpers import open_page
from ui.registry import spec_of


def test_every_training_page_has_its_run_and_default():
    have = runs()
    assert set(have) >= TRAINING_PAGES
    for page in TRAINING_PAGES:
        assert callable(have[page].run)
        assert config_for(page, "") == have[page].DEFAULT  # no query: the defaults


def test_a_query_is_read_as_the_view_reads_it():
    default = runs()["sgd"].DEFAULT
    assert config_for("sgd", "lr=0.2&epochs=7&seed=4242&lang=ko") == replace(default, lr=0.2, epochs=7, seed=4242)
    # Bad values fall back to the defaults, each on its own.
    assert config_for("sgd", "lr=fast&epochs=9999&seed=-3&task=%F0%9F%98%80") == default
    assert config_for("sgd", "batches=1&batches=full") == replace(default, batches=("1", "full"))


def test_for_query_runs_the_pages_compute_with_those_settings():
    result = for_query("mle", "n=30&steps=20")()
    assert result is not None and len(result) == 2  # the landscape and the identities of the /mle view


@pytest.mark.parametrize("page", sorted(TRAINING_PAGES))
def test_the_first_slider_as_the_browser_writes_it_changes_that_field(page):
    """The benchmark presses a page's sliders and reads the URL the bound widgets wrote (``?<key>=<value>``,
    ui.page.bound). Moved to its other end, the first enabled slider of the page reads back as exactly its field at
    that value, with the seed the link carried."""
    at = open_page(spec_of(page).file, seed=4242)
    slider = next(s for s in at.slider if not s.disabled)  # as the benchmark, which presses only enabled ones
    value = slider.max if slider.value != slider.max else slider.min
    slider.set_value(value).run()
    assert not at.exception
    cfg = config_for(page, urlencode({slider.key: value, "seed": 4242, "lang": "en"}))
    default = runs()[page].DEFAULT
    changed = {f.name for f in fields(cfg) if getattr(cfg, f.name) != getattr(default, f.name)}
    assert changed == {slider.key, "seed"}, changed
    assert getattr(cfg, slider.key) == pytest.approx(value) and cfg.seed == 4242
