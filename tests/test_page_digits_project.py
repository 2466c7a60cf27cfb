"""/digits-project in AppTest: deep links, bad URL values, a stopped run, uploaded weights, the drawing grid."""

from __future__ import annotations

import base64
import dataclasses

import numpy as np
import pytest

from core.common.params import from_query
from core.digits.evaluate import evaluate, predict_proba
from core.digits.job import TrainingJob
from core.digits.mlp import ProjectConfig, train_digits
from tests.apptest_helpers import figures, open_page, state_config_of

PAGE = "views/digits_project.py"
SMALL = {"depth": 1, "width": "32", "epochs": 4}


def with_job(job: TrainingJob, **params):
    """The page opened by a session whose training job is ``job`` (as after pressing Stop)."""
    at = open_page(None, **params)
    at.session_state["dp_job"] = job
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = str(value)
    return at.run()


def test_deep_link_sets_every_control_and_trains_that_model():
    link = {"depth": 3, "width": "64", "activation": "tanh", "dropout": 0.2, "batchnorm": "true", "optimizer": "sgd",
            "lr": 0.05, "epochs": 6, "batch": "full", "seed": 3}  # fmt: skip
    at = open_page(PAGE, lang="en", **link)
    assert not at.exception and not at.error
    cfg = state_config_of(at, ProjectConfig)
    assert cfg == ProjectConfig(3, "64", "tanh", 0.2, True, "sgd", 0.05, 6, "full", 3)
    main = figures(at)[0]
    assert len(main["frames"]) == 7 and main["frames"][-1]["name"] == "6"  # epochs 0..6
    run = train_digits(cfg)
    acc = evaluate(cfg, run.state, run.split).accuracy
    assert at.metric[0].value == f"{acc:.1%}"


@pytest.mark.parametrize(
    "params",
    [{"depth": "99"}, {"width": "7"}, {"activation": "<img src=x>"}, {"lr": "abc"}, {"lr": "-1"}, {"epochs": "1e9"},
     {"batch": "안녕😀"}, {"dropout": "nan"}, {"batchnorm": "maybe"}, {"optimizer": "[x](http://e.com)"}],
)  # fmt: skip
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, lang="en", **(SMALL | params))
    assert not at.exception
    (name,) = params
    expected = dataclasses.replace(from_query(ProjectConfig, {k: str(v) for k, v in SMALL.items()}),
                                   **{name: getattr(ProjectConfig(), name)})  # fmt: skip
    assert state_config_of(at, ProjectConfig) == expected


@pytest.mark.parametrize(
    ("lang", "needle"), [("en", "Stopped after {e} of 60 epochs"), ("ko", "60에폭 중 {e}에폭에서 멈췄습니다")]
)
def test_a_stopped_run_says_so_and_keeps_its_model(lang, needle):
    cfg = dataclasses.replace(ProjectConfig(), epochs=60, seed=11)
    job = TrainingJob(cfg)
    job.stop()  # at once: on a busy machine the thread may have finished a few epochs first (CI saw 3)
    job.wait(30)
    assert job.done and job.result is not None and job.result.stopped
    done = job.result.epochs_done
    assert done < 60 and len(job.progress()[0]) == done + 1  # the loss history: epoch 0, then each epoch trained
    at = with_job(job, lang=lang, epochs=60, seed=11)  # this session's Stop was pressed
    assert not at.exception
    assert len(at.warning) == 1 and needle.format(e=done) in at.warning[0].value
    assert at.button(key="dp_restart")


def test_restart_after_a_stop_trains_the_whole_run():
    cfg = dataclasses.replace(ProjectConfig(), **SMALL, seed=12)
    job = TrainingJob(cfg)
    job.stop()
    job.wait(30)
    at = with_job(job, lang="en", **SMALL, seed=12)
    assert at.warning
    at.button(key="dp_restart").click().run()
    assert not at.exception and not at.warning
    assert figures(at)[0]["frames"][-1]["name"] == "4"


def test_uploaded_weights_drive_the_results_and_their_name_stays_inert():
    cfg = dataclasses.replace(ProjectConfig(), **SMALL)
    other = train_digits(dataclasses.replace(cfg, seed=5))  # same shapes, other weights
    at = open_page(PAGE, lang="en", **SMALL)
    trained = at.success[-1].value
    at.session_state["dp_upload"] = ("![x](http://203.0.113.9/p.png).pt", other.state, "abc")
    at.run()
    assert not at.exception
    using = [i.value for i in at.info if "uploaded weights" in i.value]
    assert using and "` ![x](http://203.0.113.9/p.png).pt `" in using[0]
    acc = evaluate(cfg, other.state, train_digits(cfg).split).accuracy
    assert f"Test accuracy {acc:.1%}" in at.success[-1].value and at.success[-1].value != trained
    at.button(key="dp_forget").click().run()
    assert at.success[-1].value == trained


@pytest.mark.parametrize(("lang", "needle"), [("en", "the current model needs 32×64"), ("ko", "32×64가 필요")])
def test_upload_errors_are_translated_and_echo_the_name_inertly(lang, needle):
    at = open_page(PAGE, lang=lang, **SMALL)
    info = {"param": "1.weight", "got": "128×64", "want": "32×64"}
    at.session_state["dp_upload_error"] = ("wrong_shape", info, "<b>model</b>.pt")
    at.run()
    assert not at.exception
    text = at.error[0].value
    assert "` <b>model</b>.pt `" in text
    assert needle in text


def test_the_drawing_grid_shows_the_models_prediction():
    cfg = dataclasses.replace(ProjectConfig(), **SMALL)
    run = train_digits(cfg)
    at = open_page(PAGE, lang="en", **SMALL)
    cells = run.split.x_test[0].reshape(8, 8).copy()
    at.session_state["dp_cells"] = cells
    at.run()
    probs = predict_proba(cfg, run.state, cells.reshape(1, 64))[0]
    assert f"Prediction: **{int(probs.argmax())}** ({probs.max():.0%})" in at.markdown[-1].value or any(
        f"Prediction: **{int(probs.argmax())}**" in m.value for m in at.markdown
    )
    np.testing.assert_array_equal(array(figures(at)[-1]["data"][0]["z"]), cells)
    at.button(key="dp_clear").click().run()
    assert np.all(array(figures(at)[-1]["data"][0]["z"]) == 0)


def array(spec) -> np.ndarray:
    """A figure array, plain or plotly's typed-array encoding ({"dtype", "bdata", "shape"})."""
    if isinstance(spec, dict):
        shape = [int(n) for n in str(spec.get("shape", "-1")).split(",")]
        return np.frombuffer(base64.b64decode(spec["bdata"]), dtype=spec["dtype"]).reshape(shape)
    return np.array(spec)


@pytest.mark.parametrize("lang, truth", [("en", "true {y} → predicted {p}"), ("ko", "실제 {y} → 예측 {p}")])
def test_the_gallery_shows_each_misclassified_digit_with_its_top_three(lang, truth):
    import html
    import io
    import re

    from PIL import Image

    from core.digits.data import INK, SIDE, make_split
    from viz.digits import upscale

    cfg = dataclasses.replace(ProjectConfig(), **SMALL)
    run = train_digits(cfg)
    ev = evaluate(cfg, run.state, make_split(cfg.seed))
    at = open_page(PAGE, lang=lang, **SMALL)
    assert not at.exception
    gallery = [e.proto.body for e in at.get("html") if 'class="dl-gallery"' in e.proto.body]
    assert len(gallery) == 1, "the gallery is one element"
    figures_ = re.findall(r"<figure>(.*?)</figure>", gallery[0])
    shown = ev.wrong[:12]
    assert len(shown) > 0 and len(figures_) == len(shown)
    for i, (k, body) in enumerate(zip(shown, figures_, strict=True)):
        caption = html.unescape(re.search(r"<figcaption>(.*)</figcaption>", body).group(1))
        assert truth.format(y=run.split.y_test[k], p=ev.pred[k]) in caption
        for d, p in zip(ev.top[i], ev.top_p[i], strict=True):
            assert f"{d}: {p:.0%}" in caption
        png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', body).group(1))
        drawn = np.asarray(Image.open(io.BytesIO(png)))
        np.testing.assert_array_equal(drawn, upscale(run.split.x_test[k].reshape(SIDE, SIDE), INK))
