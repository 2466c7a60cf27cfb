"""Imports flow one way: views -> viz -> core; core is Streamlit- and plotly-free, viz Streamlit-free."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "core": {"streamlit", "plotly", "viz", "views", "ui", "i18n"},
    "viz": {"streamlit", "views", "ui"},
    "i18n": {"streamlit", "plotly", "torch", "viz", "views", "ui", "core"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_stay_in_their_layer(package):
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no modules found in {package}/"
    for path in files:
        bad = imported_roots(path) & FORBIDDEN[package]
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_check_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("import numpy\nfrom streamlit import session_state\nimport plotly.graph_objects as go\n")
    assert imported_roots(sample) == {"numpy", "streamlit", "plotly"}


@pytest.mark.parametrize("path", sorted((ROOT / "views").glob("*.py")), ids=lambda p: p.stem)
def test_a_page_stays_a_declaration_of_at_most_100_lines(path):
    """Logic belongs in ui/, viz/ or core/; a page declares its controls, experiments and layout."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 100, f"{path.name}: {lines} lines"


def test_quick_leaves_out_the_browser_and_whole_app_tests_and_keeps_the_rest():
    import subprocess
    import sys

    files = [
        "tests/test_chart.py",
        "tests/test_pages.py",
        "tests/test_hostile_uploads.py",
        "tests/e2e/test_pages_e2e.py",
    ]
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--quick", "--collect-only", "-q", "-p", "no:xdist", *files],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    collected = {line.split("::")[0] for line in out.splitlines() if "::" in line}
    assert "tests/test_chart.py" in collected and "tests/test_hostile_uploads.py" in collected
    assert "tests/test_pages.py" not in collected, "AppTest runs of the whole app are left out"
    assert "tests/e2e/test_pages_e2e.py" not in collected
    assert "test_one_accepted_upload_adds_less_than_the_budget_at_its_peak" not in out, "marked integration"
    assert "deselected" in out


HEAVY = ("sklearn", "scipy", "pandas", "pyarrow")  # +164 MB per server: the app reads scikit-learn's files instead
IMPORT_AND_LOAD = """
import importlib, pkgutil, sys
from dataclasses import replace

from core.common.runtime import configure_torch

configure_torch()  # the app's one-thread policy: on busy cores torch's default pool makes the CNN crawl
for package in ("core", "viz", "ui"):
    for module in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if module.name not in sys.argv[1:]:
            importlib.import_module(module.name)

from core.classify.datasets import DATASETS, make_split
from core.cnn.digits import train_digit_cnn
from core.cnn.images import IMAGES, load_image
from core.digits.autoencoder import ReprConfig, train_autoencoder
from core.linreg import RegressionConfig
from core.linreg.data import make_data
from core.regularize.data import TASKS
from core.regularize.data import make_data as make_dropout_data

for name in DATASETS:
    make_split(name, 60, 0.2, 3, 0.3, 0)
for name in IMAGES:
    load_image(name)
for task in TASKS:
    make_dropout_data(task, 40, 0.3, 0)
make_data(RegressionConfig(dataset="diabetes"))
train_autoencoder(replace(ReprConfig(), epochs=1))  # the digits split and the three linear probes
train_digit_cnn(0)  # the CNN's own split and its confusion matrix
"""


def heavy_loaded_by(script: str) -> list[str]:
    """Which of HEAVY a fresh Python process has loaded after running ``script`` in the project's folder."""
    import json
    import subprocess
    import sys

    code = f"{script}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_app_never_imports_sklearn_scipy_or_pandas():
    """Every core, viz and ui module imported and every data set built, in a fresh process: none of them loaded."""
    assert heavy_loaded_by(IMPORT_AND_LOAD) == [], "run python -X importtime to see which import pulls it in"


RUN_PAGES = """
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120)
at.run()
assert not at.exception, at.exception
for page in ("views/gradient_descent.py", "views/cnn_filters.py"):
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
"""


@pytest.mark.integration  # runs the whole app (AppTest)
def test_running_the_app_never_imports_pandas():
    """What the app's own elements send never goes through Streamlit's dataframe conversion: the chapter map,
    the menu, a page's charts and the kernel grid, run in a fresh process, leave pandas and pyarrow unloaded
    (a dict sent as a custom element's data is checked for dataframes, which imports both: +65 MB)."""
    assert heavy_loaded_by(RUN_PAGES) == [], "run python -X importtime to see which import pulls it in"


# Streamlit elements that convert their data through pandas and pyarrow (+90 MB per server process).
PANDAS_ELEMENTS = re.compile(r"\.(dataframe|data_editor|table|line_chart|area_chart|bar_chart|scatter_chart|map)\(")


def test_no_page_uses_an_element_that_loads_pandas():
    """Pages draw tables with ui.table and edit kernels with ui.kernel_editor's grid: what they run never
    imports pandas (test_the_app_never_imports_sklearn_scipy_or_pandas covers what they import)."""
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted([ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "ui").glob("*.py")])
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if PANDAS_ELEMENTS.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, found
