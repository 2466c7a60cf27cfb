"""Serving a class: the load generator's pieces, the warm-up switch, and serve-class.sh's HAProxy config."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Selectbox_pb2 import Selectbox
from streamlit.proto.Slider_pb2 import Slider

from benchmarks import load
from benchmarks.__main__ import write_keeping_sections
from benchmarks.protocol import KEY_OF_ID, Tab, Widget
from ui import warm

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "serve-class.sh"


def slider(value: float, lo: float, hi: float, step: float) -> Widget:
    proto = Slider(id="$$ID-abc-epochs", min=lo, max=hi, step=step, default=[value])
    return Widget(proto.id, "epochs", "slider", proto, False)


# -- the load generator -------------------------------------------------------------------------


def test_widget_key_is_read_from_the_id():
    assert KEY_OF_ID.match("$$ID-4be59d1b1064ffbfe1015e59e9f66dc9-classes").group(1) == "classes"
    assert KEY_OF_ID.match("$$ID-9b2beb6cf8d9-try_logit_apply").group(1) == "try_logit_apply"
    assert KEY_OF_ID.match("plain-id") is None


@pytest.mark.parametrize("start", [10.0, 50.0, 100.0])
def test_a_slider_moves_one_step_and_stays_in_bounds(start):
    w, rng = slider(start, 10, 100, 5), random.Random(1)
    for _ in range(50):
        value = load.next_value(w, start, rng)
        assert 10 <= value <= 100
        assert abs(value - start) == pytest.approx(5)
        start = value


def test_a_number_input_without_bounds_steps_around_its_value():
    proto = NumberInput(id="$$ID-a-lr", default=0.1, step=0.01)
    w = Widget(proto.id, "lr", "number_input", proto, False)
    value = load.next_value(w, None, random.Random(0))
    assert value == pytest.approx(0.1 + 0.01) or value == pytest.approx(0.1 - 0.01)


def test_a_selectbox_change_is_one_of_its_options():
    proto = Selectbox(id="$$ID-a-dataset", options=["moons", "xor", "blobs"])
    w = Widget(proto.id, "dataset", "selectbox", proto, False)
    assert {load.next_value(w, None, random.Random(s)) for s in range(30)} <= {"moons", "xor", "blobs"}


def test_widget_states_carry_the_value_the_browser_sends():
    tab = Tab("http://127.0.0.1:1")
    tab.widgets["epochs"] = slider(100, 10, 300, 10)
    proto = Selectbox(id="$$ID-b-try_x_pick", options=["A", "B"])
    tab.widgets["try_x_pick"] = Widget(proto.id, "try_x_pick", "selectbox", proto, False)
    assert list(tab.state("epochs", 120).double_array_value.data) == [120.0]
    assert tab.state("try_x_pick", "B").string_value == "B"
    assert tab.state("try_x_pick", "B").id == "$$ID-b-try_x_pick"


def test_percentiles_and_students_per_core():
    assert load.pct([0.1, 0.2, 0.3, 0.4, 5.0], 0.5) == 0.3
    assert load.pct([0.1] * 19 + [9.0], 0.95) == 9.0
    rows = [
        {"students": 10, "p95": 0.4, "errors": 0},
        {"students": 20, "p95": 0.9, "errors": 0},
        {"students": 40, "p95": 2.5, "errors": 0},
    ]
    assert load.students_per_core(rows, 1) == (20, "20")
    assert load.students_per_core(rows, 2) == (10, "10")
    rows[2]["p95"] = 0.8  # every level passes: a lower bound only
    assert load.students_per_core(rows, 1)[1] == "≥ 40"
    rows[1]["errors"] = 1  # errors disqualify a level
    assert load.students_per_core(rows[:2], 1)[1] == "10"
    assert load.students_per_core([{"students": 10, "p95": 3.0, "errors": 0}], 1)[1] == "< 10"


def test_a_section_of_the_report_is_replaced_and_the_others_kept(tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\npage tables\n")
    load.write_section("replicas-0", "one server v1\n", out)
    load.write_section("replicas-2", "two replicas\n", out)
    load.write_section("replicas-0", "one server v2\n", out)
    text = out.read_text()
    assert "one server v2" in text and "two replicas" in text and "v1" not in text
    assert text.startswith("# Benchmarks\n\npage tables\n\n<!-- class -->\n## Serving a class")
    assert text.count("## Serving a class") == 1
    assert text.index("one server v2") < text.index("two replicas")
    # The page benchmark rewrites its own tables and keeps the class sections after them.
    write_keeping_sections("# Benchmarks\n\nnew page tables\n", out)
    again = out.read_text()
    assert again.startswith("# Benchmarks\n\nnew page tables\n\n<!-- class -->") and "\npage tables" not in again
    assert again.count("one server v2") == 1 and again.count("two replicas") == 1 and "<!-- /replicas-2 -->" in again


def test_hand_written_sections_outlive_a_new_table_in_their_order(tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text(
        "# Benchmarks\n\nold tables\n\n<!-- reading -->\nwhy the ratios are what they are\n<!-- /reading -->\n\n"
        "<!-- class -->\nclass\n<!-- /class -->\n\n<!-- history -->\nearlier runs\n<!-- /history -->\n"
    )
    write_keeping_sections("# Benchmarks\n\nnew tables\n", out)
    text = out.read_text()
    assert "old tables" not in text and text.startswith("# Benchmarks\n\nnew tables\n\n<!-- reading -->")
    assert text.index("why the ratios") < text.index("<!-- class -->") < text.index("earlier runs")
    assert text.count("earlier runs") == 1
    # A kind of capacity table measured for the first time goes with the others, above the history.
    load.write_section("replicas-4", "four replicas\n", out)
    text = out.read_text()
    assert text.index("<!-- /class -->") < text.index("four replicas") < text.index("<!-- history -->")
    assert text.rstrip("\n").endswith("earlier runs\n<!-- /history -->") and text.count("<!-- class -->") == 1


def test_only_loopback_urls_are_measured():
    with pytest.raises(SystemExit):
        load.main(["--url", "http://example.org:8501"])


# -- the warm-up switch ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "on"), [(None, False), ("0", False), ("1", True), ("true", True), ("no", False)])
def test_warm_up_is_off_unless_switched_on(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv("DL_WARM", raising=False)
    else:
        monkeypatch.setenv("DL_WARM", value)
    assert warm.enabled() is on


def test_warm_up_starts_no_thread_without_a_server(monkeypatch):
    """With DL_WARM=1 but no Streamlit server in the process (a plain import, AppTest) nothing starts."""
    monkeypatch.setenv("DL_WARM", "1")
    monkeypatch.setattr(warm, "_started", False)
    warm.start_once()
    assert not any(t.name == "dl-warm" for t in threading.enumerate())
    assert warm._started is False


def test_warm_up_languages_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DL_WARM_LANGS", "ko, en")
    assert warm.langs() == ["ko", "en"]
    monkeypatch.delenv("DL_WARM_LANGS")
    assert warm.langs() == ["ko"]


# -- serve-class.sh -------------------------------------------------------------------------------


def serve_class(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_serve_class_script_parses():
    assert subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True).returncode == 0
    assert os.access(SCRIPT, os.X_OK)


@pytest.mark.parametrize("args", [(), ("zero",), ("0",), ("2", "--bogus")])
def test_serve_class_refuses_bad_arguments(args):
    result = serve_class(*args)
    assert result.returncode == 2
    assert "serve-class.sh N" in result.stdout


def test_haproxy_config_has_stickiness_health_checks_and_one_server_per_replica():
    cfg = serve_class("3", "--port", "8627", "--print-config").stdout
    assert "bind 0.0.0.0:8627" in cfg
    assert "cookie DLREPLICA insert indirect nocache" in cfg
    assert "option httpchk GET /_stcore/health" in cfg
    assert "option redispatch" in cfg and "timeout tunnel" in cfg
    servers = [line.split() for line in cfg.splitlines() if line.strip().startswith("server ")]
    assert [(s[1], s[2], s[-1]) for s in servers] == [
        ("r1", "127.0.0.1:8628", "r1"),
        ("r2", "127.0.0.1:8629", "r2"),
        ("r3", "127.0.0.1:8630", "r3"),
    ]
    assert serve_class("1", "--print-config").stdout.count("bind 0.0.0.0:8501") == 1


@pytest.mark.skipif(
    not (shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists()) and os.environ.get("CI") != "true",
    reason="HAProxy not installed (Debian package haproxy)",
)
def test_haproxy_accepts_the_config(tmp_path):
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(serve_class("2", "--port", "8627", "--print-config").stdout)
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    result = subprocess.run([haproxy, "-c", "-f", str(cfg)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    cfg.write_text(cfg.read_text().replace("balance leastconn", "balance nonsense"))
    assert subprocess.run([haproxy, "-c", "-f", str(cfg)], capture_output=True).returncode != 0


def row(students, p95, errors=0, cpu=0.9, load_avg=1.0):
    return {
        "students": students, "changes": 10 * students, "changes_per_s": students / 5, "p50": p95 / 3, "p95": p95,
        "apply_p95": p95, "errors": errors, "error_kinds": ["control:timeout"] if errors else [], "cpu_cores": cpu,
        "cpu_per_change": 0.1, "rss_mb": 700.0, "load": load_avg, "client_cpu": 0.01,
    }  # fmt: skip


def test_capacity_table_names_the_students_per_core_and_a_starved_run():
    args = load.main.__globals__["argparse"].Namespace(
        think=5.0, ramp=10.0, seconds=60.0, langs="ko", mix="class", pages="", no_warm=False
    )
    quiet = load.capacity_md([row(10, 0.4), row(20, 0.8), row(40, 1.6)], {"replicas": 1}, args, "One server")
    assert "**Students per core at p95 ≤ 1 s: 20**" in quiet
    assert "| 40 | 8.0 | 0.53 | 1.60 |" in quiet
    assert "Re-run on a quiet machine" not in quiet
    assert "serves about 30 students" in quiet  # 0.6 x 5 s / 0.1 s of CPU per change
    starved = load.capacity_md([row(10, 9.0, errors=2, cpu=0.2, load_avg=30)], {"replicas": 1}, args, "One server")
    assert "< 10" in starved and "2 (control:timeout)" in starved and "Re-run on a quiet machine" in starved


def test_apply_table_checks_wall_time_and_cpu_against_the_target():
    rows = [
        {"page": "relu", "lang": "ko", "experiment": "A", "pick": 0.1, "apply": 0.1, "apply_cpu": 0.05, "ok": True},
        {"page": "relu", "lang": "ko", "experiment": "B", "pick": 0.1, "apply": 0.5, "apply_cpu": 0.06, "ok": True},
    ]
    text = load.apply_md(rows, {"rss_after_warm_mb": 600, "private_after_warm_mb": 450, "rss_after_apply_mb": 610})
    assert "| relu (ko) | 2 | 0.300 | 0.500 | 0.06 | 0.100 | **no** | yes |" in text
    assert "1 of 2 Applies ≤ 0.3 s" in text and "RSS after warm-up 600 MB (private 450 MB" in text
    assert "relu / B 0.50 s" in text
