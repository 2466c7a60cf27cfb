"""Every figure every page draws goes to the browser as the JSON plotly writes for it (``fig.to_json()``),
though ``ui.figcache`` writes it with ``viz.plotly_speed.figure_json``."""

import pytest

from tests.apptest_helpers import open_page
from ui import figcache, registry

PAGES = [spec.file for spec in registry.built()]


@pytest.mark.parametrize("page", PAGES)
def test_every_figure_of_the_page_is_plotlys_json(page, monkeypatch):
    written = []
    fast = figcache.figure_json

    def checked(fig):
        text = fast(fig)
        written.append((text, fig.to_json()))
        return text

    monkeypatch.setattr(figcache, "figure_json", checked)
    figcache.clear()  # every figure is built and written again, not taken from another test's run
    at = open_page(page, lang="ko")
    assert not at.exception
    assert written, "the page drew no figure"
    for ours, plotlys in written:
        assert ours == plotlys
