"""/linear-layer figures read from fig.data and fig.frames."""

import numpy as np

from core.linear_layer.config import LinearConfig
from core.linear_layer.plane import transform
from core.linear_layer.speed import Sweep
from viz.linear_layer import batch_figure, plane_figure, speed_figure
from viz.palette import DIVERGING


def test_plane_animates_from_identity_to_w():
    run = transform(LinearConfig())
    fig = plane_figure(run, "ko")
    assert len(fig.frames) == 25 and fig.frames[0].name == "0.00" and fig.frames[-1].name == "1.00"
    picture = [d for d in fig.data if d.fill == "toself"][1]
    np.testing.assert_allclose(np.array(picture.x, dtype=float), run.picture[-1, :, 0], atol=1e-5)
    assert fig.frames[-1].data[6].text[0] == "1.44"  # the square's area label: |det W|
    assert fig.frames[0].data[6].text[0] == "1.00"
    assert fig.layout.yaxis.scaleanchor == "x"  # equal axes: areas are true


def test_batch_shows_x_and_y_as_numbers_on_the_diverging_scale():
    run = transform(LinearConfig())
    fig = batch_figure(run, "en")
    x, y = [d for d in fig.data if d.type == "heatmap"]
    np.testing.assert_allclose(np.array(y.z, dtype=float), run.y_batch, atol=1e-6)
    assert list(x.colorscale[0]) == list(DIVERGING[0]) and x.zmin == -x.zmax
    assert "10 × 2" in fig.layout.annotations[0].text


def test_speed_figure_leaves_out_skipped_sizes():
    sizes = np.array([64, 128, 256])
    seconds = np.array([[1e-5, 5e-5, np.nan]])
    sweep = Sweep(sizes, ("cpu",), seconds, 2 * sizes**3 / seconds / 1e9, 1, 0.1)
    fig = speed_figure(sweep, "en")
    assert [len(d.x) for d in fig.data] == [2, 2]
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"
