"""Our elements' modules are served by the app, not carried in every element message (ui/assets.py)."""

from pathlib import Path

from tests.apptest_helpers import open_page
from ui import assets

UI = Path(assets.__file__).parent


def test_a_module_is_published_under_the_hash_of_its_content(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "STATIC", tmp_path / "static")
    source = tmp_path / "thing.js"
    source.write_text("export default function () { return 1; }\n")
    name = assets.publish(source)
    assert name.startswith("thing-") and name.endswith(".js") and len(name) == len("thing-") + 12 + len(".js")
    assert (tmp_path / "static" / name).read_bytes() == source.read_bytes()
    assert assets.publish(source) == name  # the same content: the same name, nothing written again
    source.write_text("export default function () { return 2; }\n")
    changed = assets.publish(source)
    assert changed != name and (tmp_path / "static" / changed).read_text().endswith("return 2; }\n")
    assert not list((tmp_path / "static").glob("*.tmp"))  # written through a temporary file, moved into place


def test_plotly_js_is_published_under_its_own_name_and_replaced_when_it_changes(tmp_path, monkeypatch):
    import ui.chart  # publishes plotly.js at import

    real = assets.STATIC / "plotly.min.js"
    assert real.read_bytes() == ui.chart.PLOTLY_JS.read_bytes()  # what chart.js loads is the plotly package's copy
    monkeypatch.setattr(assets, "STATIC", tmp_path)
    source = tmp_path / "lib.js"
    source.write_text("one")
    assert assets.publish(source, "lib.min.js") == "lib.min.js" and (tmp_path / "lib.min.js").read_text() == "one"
    source.write_text("two, longer")  # a new plotly version: the same name, the new bytes
    assets.publish(source, "lib.min.js")
    assert (tmp_path / "lib.min.js").read_text() == "two, longer"


def test_the_loader_imports_the_published_copy_relative_to_the_app_root(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "STATIC", tmp_path)
    script = assets.loader(UI / "chart.js")
    name = assets.publish(UI / "chart.js")
    assert f'"app/static/{name}"' in script and 'new URL(".", window.location.href)' in script
    assert "export default async function (component)" in script and "import(url)" in script
    assert len(script) < 400 < (UI / "chart.js").stat().st_size


def test_chart_and_kernel_grid_messages_carry_a_loader_not_the_module():
    at = open_page("views/cnn_filters.py", lang="en", kernel="custom")
    elements = {e.proto.component_name: e.proto for e in at.get("bidi_component")}
    for name, source in (("dlviz.chart", "chart.js"), ("dlviz.kernel_grid", "kernel_grid.js")):
        proto = elements[name]
        published = assets.STATIC / assets.publish(UI / source)
        assert published.read_bytes() == (UI / source).read_bytes()  # what the browser imports is our module
        assert published.name in proto.js_content and len(proto.js_content) < 400, name
