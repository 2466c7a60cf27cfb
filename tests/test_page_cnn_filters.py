"""CNN-filters page in AppTest: deep links, bad URL values, custom kernels and their grid, uploads, training,
Try this."""

import io
import json

import numpy as np
import pytest
from PIL import Image
from streamlit.components.v2.bidi_component.main import _make_trigger_id

from core.cnn.conv import KERNELS, convolve
from core.cnn.images import load_image
from tests.apptest_helpers import figures, open_page, shown_code, shown_text
from tests.test_experiments import apply_experiment

PAGE = "views/cnn_filters.py"


def feature_map(at) -> np.ndarray:
    """The feature-map heatmap of the first chart, decoded from plotly's typed-array JSON."""
    import base64

    z = figures(at)[0]["data"][2]["z"]
    raw = np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.float32)
    return raw.reshape(z["shape"] if isinstance(z["shape"], list) else [int(n) for n in z["shape"].split(",")])


def grid_element(at):
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == "dlviz.kernel_grid"]
    return element


def grid(at) -> dict:
    """What the kernel grid was sent: the kernel text it shows, its cells' text and labels."""
    return json.loads(grid_element(at).proto.json)[0]


def commit(at, cells: list, base: str | None = None):
    """Rerun as the browser does when grid cells are committed: the grid's ``edit`` trigger holding the
    kernel text it was drawn from (``base``, by default the one it shows) and the changed cells."""
    states = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(grid_element(at).proto.id, "events")
    edit = {"base": grid(at)["base"] if base is None else base, "cells": cells}
    trigger.json_trigger_value = json.dumps([{"event": "edit", "value": edit}])
    return at._run(states)


def stripes_under(kernel) -> np.ndarray:
    return convolve(load_image("stripes"), np.asarray(kernel, dtype=np.float64), 1, 0, 1).out


def png(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(array).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_done_link_shows_vertical_edges_on_the_photo(lang):
    at = open_page(PAGE, kernel="sobel_x", lang=lang)
    assert not at.exception and not at.error
    assert at.selectbox(key="image").value == "china" and at.selectbox(key="kernel").value == "sobel_x"
    ref = convolve(load_image("china"), KERNELS["sobel_x"], 1, 0, 1).out
    np.testing.assert_allclose(feature_map(at), ref, atol=1e-5)
    assert len(figures(at)) == 3
    frames = figures(at)[2]["frames"]
    assert len(frames) == 36  # a 3×3 kernel over the 8×8 patch: 6×6 output cells
    assert "169" in at.latex[-1].value and "254" in at.latex[-1].value


def test_deep_link_sets_every_parameter():
    at = open_page(PAGE, image="digit", kernel="laplacian", stride=2, padding=2, dilation=2, lang="ko")
    assert not at.exception and not at.error
    assert (at.slider(key="stride").value, at.slider(key="padding").value, at.slider(key="dilation").value) == (2, 2, 2)
    assert at.metric[0].value == "8×8 → 4×4"
    ref = convolve(load_image("digit"), KERNELS["laplacian"], 2, 2, 2).out
    np.testing.assert_allclose(feature_map(at), ref, atol=1e-5)


@pytest.mark.parametrize(
    "params",
    [
        {"image": "nope", "kernel": "안녕😀", "stride": "99", "padding": "-1", "dilation": "abc"},
        {"image": "", "kernel": "SOBEL_X", "stride": "1.5", "padding": "1e9", "dilation": "nan"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    at = open_page(PAGE, **params)
    assert not at.exception and not at.error
    assert at.selectbox(key="image").value == "china" and at.selectbox(key="kernel").value == "sobel_x"
    assert (at.slider(key="stride").value, at.slider(key="padding").value, at.slider(key="dilation").value) == (1, 0, 1)


@pytest.mark.parametrize(("lang", "needle"), [("en", "has 4 numbers"), ("ko", "숫자가 4개")])
def test_custom_kernel_from_the_url_and_its_errors(lang, needle):
    at = open_page(PAGE, image="stripes", kernel="custom", custom="1,1,1,0,0,0,-1,-1,-1", lang=lang)
    assert not at.exception and not at.warning
    np.testing.assert_allclose(feature_map(at), stripes_under([[1, 1, 1], [0, 0, 0], [-1, -1, -1]]), atol=1e-5)
    at.text_input(key="custom").set_value("1,2,3,4").run()
    assert not at.exception and len(at.warning) == 1 and needle in at.warning[0].value
    assert len(figures(at)) == 3  # the default custom kernel is drawn meanwhile


def test_edit_preset_and_resize_buttons():
    at = open_page(PAGE, kernel="emboss", lang="en")
    assert all(e.proto.component_name != "dlviz.kernel_grid" for e in at.get("bidi_component"))  # a preset: no grid
    at.button(key="cnn_edit").click().run()
    assert at.selectbox(key="kernel").value == "custom"
    assert at.text_input(key="custom").value == "-2,-1,0,-1,1,1,0,1,2"
    assert grid(at)["weights"] == [["-2", "-1", "0"], ["-1", "1", "1"], ["0", "1", "2"]]
    at.button(key="cnn_resize").click().run()
    assert not at.exception
    assert at.text_input(key="custom").value.count(",") == 24 and at.latex[-1].value.count("(5-1)") == 2
    g = grid(at)
    assert len(g["weights"]) == 5 and g["weights"][2][1:4] == ["-1", "1", "1"] and g["label"].endswith("5×5")
    commit(at, [[4, 4, 3]])
    assert at.text_input(key="custom").value.endswith(",0,0,0,0,3") and grid(at)["weights"][4][4] == "3"


@pytest.mark.parametrize(("lang", "cell", "label"), [("en", "Weight in row 2, column 3", "Kernel weights w, 3×3"),
                                                      ("ko", "2행 3열 가중치", "커널 가중치 w, 3×3")])  # fmt: skip
def test_a_committed_grid_cell_rewrites_the_link_and_the_feature_map(lang, cell, label):
    at = open_page(PAGE, image="stripes", kernel="custom", custom="1,1,1,0,0,0,-1,-1,-1", lang=lang)
    g = grid(at)
    assert g["base"] == "1,1,1,0,0,0,-1,-1,-1" and g["weights"][2] == ["-1", "-1", "-1"]
    assert g["cells"][1][2] == cell and g["label"] == label and not g["present"]
    commit(at, [[1, 2, 2.5]])
    assert not at.exception and not at.warning
    new = "1,1,1,0,0,2.5,-1,-1,-1"
    assert at.text_input(key="custom").value == new and at.query_params["custom"] == new
    assert grid(at)["base"] == new and grid(at)["weights"][1][2] == "2.5"
    np.testing.assert_allclose(feature_map(at), stripes_under([[1, 1, 1], [0, 0, 2.5], [-1, -1, -1]]), atol=1e-5)
    at.run()  # a trigger is sent once: a later rerun applies nothing again
    assert at.text_input(key="custom").value == new


def test_grid_cells_committed_before_the_rerun_arrived_all_count():
    """Two cells typed in quick succession: the second message is still relative to the kernel drawn first."""
    at = open_page(PAGE, image="stripes", kernel="custom", custom="1,1,1,0,0,0,-1,-1,-1", lang="en")
    first = grid(at)["base"]
    commit(at, [[0, 0, 5]])
    commit(at, [[0, 0, 5], [2, 2, -3]], base=first)
    assert at.text_input(key="custom").value == "5,1,1,0,0,0,-1,-1,-3"
    np.testing.assert_allclose(feature_map(at), stripes_under([[5, 1, 1], [0, 0, 0], [-1, -1, -3]]), atol=1e-5)


def test_bad_grid_values_never_reach_the_kernel():
    at = open_page(PAGE, image="stripes", kernel="custom", custom="1,1,1,0,0,0,-1,-1,-1", lang="en")
    before = feature_map(at)
    forged = [[0, 0, "abc"], [0, 1, None], [0, 2, True], [3, 0, 7], [-1, 0, 7], [1, 1, float("inf")], [1, 0]]
    commit(at, forged)
    assert not at.exception and at.text_input(key="custom").value == "1,1,1,0,0,0,-1,-1,-1"
    np.testing.assert_array_equal(feature_map(at), before)
    commit(at, [[0, 0, 9]], base="1,2,oops")  # a message about no kernel at all changes nothing
    assert not at.exception and at.text_input(key="custom").value == "1,1,1,0,0,0,-1,-1,-1"
    commit(at, [[1, 0, 500], [1, 2, -1e9]])  # in range, as the text form requires
    assert at.text_input(key="custom").value == "1,1,1,100,0,-100,-1,-1,-1" and not at.warning


@pytest.mark.parametrize(("lang", "needle"), [("en", "not a number"), ("ko", "숫자가 아닌 것")])
def test_a_bad_text_shows_the_default_in_the_grid_until_a_cell_replaces_it(lang, needle):
    at = open_page(PAGE, image="stripes", kernel="custom", custom="1,x,1,0,0,0,-1,-1,-1", lang=lang)
    assert len(at.warning) == 1 and needle in at.warning[0].value
    assert grid(at)["base"] == "0,-1,0,-1,4,-1,0,-1,0"  # what is drawn meanwhile
    commit(at, [[1, 1, 8]])
    assert not at.warning and at.text_input(key="custom").value == "0,-1,0,-1,8,-1,0,-1,0"
    np.testing.assert_allclose(feature_map(at), stripes_under([[0, -1, 0], [-1, 8, -1], [0, -1, 0]]), atol=1e-5)


def test_the_grid_is_told_about_the_presenter_view():
    at = open_page(PAGE, kernel="custom", present="true", lang="en")
    assert grid(at)["present"] is True


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_kernel_larger_than_the_image_gets_a_message(lang):
    at = open_page(PAGE, image="digit", kernel="gaussian_blur", dilation=4, lang=lang)
    assert not at.exception and len(at.error) == 1
    assert "17" in at.error[0].value and "8×8" in at.error[0].value
    assert ("padding" in at.error[0].value) == (lang == "en")


BAD_UPLOADS = [
    (
        "notes.png",
        b"just some text, renamed to look like a picture\n",
        "is not a PNG or JPEG",
        "PNG나 JPEG 사진이 아닙니다",
    ),
    ("empty.png", b"", "is empty", "비어 있습니다"),
    ("cut.png", png(np.zeros((40, 40), np.uint8))[:60], "could not be read", "읽을 수 없습니다"),
    ("huge.png", png(np.zeros((6000, 6000), np.uint8)), "6000×6000", "6000×6000"),
]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_bad_uploads_keep_the_previous_image(lang):
    at = open_page(PAGE, image="flower", lang=lang)
    before = feature_map(at)
    for name, data, needle_en, needle_ko in BAD_UPLOADS:
        at.file_uploader(key="cnn_upload").set_value((name, data, "image/png")).run()
        assert not at.exception
        needle = needle_en if lang == "en" else needle_ko
        assert len(at.error) == 1 and needle in at.error[0].value and name in at.error[0].value
        assert at.selectbox(key="image").value == "flower"
        np.testing.assert_array_equal(feature_map(at), before)


def test_good_upload_replaces_the_image():
    at = open_page(PAGE, lang="en")
    picture = np.tile(np.repeat([0, 255], 20).astype(np.uint8), (30, 1))  # dark left, bright right: 30×40
    at.file_uploader(key="cnn_upload").set_value(("mine.png", png(picture), "image/png")).run()
    assert not at.exception and not at.error
    assert at.selectbox(key="image").value == "upload"
    assert at.metric[0].value == "30×40 → 28×38"
    np.testing.assert_allclose(feature_map(at), convolve(picture / 255.0, KERNELS["sobel_x"], 1, 0, 1).out, atol=1e-5)
    at.file_uploader(key="cnn_upload").set_value(("bad.png", b"nope", "image/png")).run()
    assert len(at.error) == 1 and at.metric[0].value == "30×40 → 28×38"  # the good upload stays


def test_upload_choice_without_a_file_explains_itself():
    at = open_page(PAGE, image="upload", lang="ko")
    assert not at.exception and len(at.info) >= 1 and "올린 사진이 없어" in at.info[0].value


def test_training_shows_learned_filters_in_both_languages():
    at = open_page(PAGE, lang="ko")
    at.button(key="cnn_train").click().run()
    assert not at.exception
    acc = float(at.metric[3].value.rstrip("%"))
    assert acc >= 95
    assert len(figures(at)) == 7
    learned = figures(at)[3]
    assert len(learned["frames"]) == 16 and "학습된 3×3 필터" in learned["layout"]["title"]["text"]
    at.slider(key="cnn_digit").set_value(5).run()  # the run is kept: no retraining on a control change
    assert not at.exception and at.metric[3].value == f"{acc:.1f}%"
    assert any("정답:" in c.value for c in at.caption)


def test_try_this_applies_its_settings_and_code_is_shown():
    at = apply_experiment(open_page(PAGE, lang="en"), "dilation")
    assert at.selectbox(key="image").value == "digit" and at.slider(key="dilation").value == 2
    apply_experiment(at, "custom")
    assert at.selectbox(key="kernel").value == "custom" and at.text_input(key="custom").value == "1,1,1,0,0,0,-1,-1,-1"
    at.button(key="try_cnn_reset").click().run()
    assert at.selectbox(key="kernel").value == "sobel_x" and at.selectbox(key="image").value == "china"
    code = shown_code(at)
    assert "F.conv2d" in code and "def read_upload" in code and "class DigitCNN" in code
    assert "⟦" not in shown_text(at)
