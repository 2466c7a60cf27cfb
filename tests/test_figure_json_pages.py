"""Every figure every page draws goes to the browser as the JSON plotly writes for it (``fig.to_json()``),
though ``ui.figcache`` makes its data with ``viz.plotly_speed.figure_data`` and writes it once; and that JSON
is a valid figure, the same after plotly.py validates it (``viz.common.Figure`` adds traces unchecked)."""

import json

import plotly.graph_objects as go
import pytest

from tests.apptest_helpers import open_page
from ui import figcache, registry

PAGES = [spec.file for spec in registry.built()]


@pytest.mark.parametrize("page", PAGES)
def test_every_figure_of_the_page_is_plotlys_json(page, monkeypatch):
    written = []
    fast = figcache.figure_data

    def checked(fig):
        data = fast(fig)
        sent = json.loads(fig.to_json())
        written.append((json.dumps(data), json.dumps(sent), sent, json.loads(go.Figure(sent).to_json())))
        return data

    monkeypatch.setattr(figcache, "figure_data", checked)
    figcache.clear()  # every figure is built and written again, not taken from another test's run
    at = open_page(page, lang="ko")
    assert not at.exception
    assert written, "the page drew no figure"
    for ours, plotlys, sent, validated in written:
        assert ours == plotlys  # the same data in the same order
        assert sent == validated  # go.Figure raises on an invalid property or value
