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
