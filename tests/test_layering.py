"""Imports flow one way: views -> viz -> core; core is Streamlit- and plotly-free, viz Streamlit-free."""

import ast
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
