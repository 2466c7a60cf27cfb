"""Files the browser loads from the app (``static/``, served at ``/app/static/``, server.enableStaticServing):
plotly.js, which ui/chart.js loads, and our elements' modules (ui/chart.js, ui/kernel_grid.js), which the script
Streamlit is given for each element imports (``loader``).

``st.components.v2.component(js=...)`` takes a module's text, and Streamlit puts that text in the element's
message each time the element is sent: ui/chart.js's 74 kB went to the browser with every chart at every
change, where Streamlit also hashed it character by character to find the module it had made of it. The
script given to Streamlit is instead ``loader(source)``, a few lines that import the module from
``static/`` (served at ``/app/static/``, server.enableStaticServing) under a name holding a hash of its
content, so a browser never runs an old copy. The browser imports a URL once: one module instance per page,
as before.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"  # not in git: filled at start-up by ``publish``

LOADER = """const url = new URL("app/static/NAME", new URL(".", window.location.href)).href;
let element = null;
export default async function (component) {
  element = element || (await import(url)).default;
  return element(component);
}
"""


def publish(source: Path, name: str | None = None) -> str:
    """Copy ``source`` to ``STATIC`` as ``name``, by default ``<stem>-<hash of its bytes><suffix>``, unless the
    same bytes are there already, and return the name. The copy is moved into place whole: a browser never
    loads a half-written file, and replicas sharing the folder each write the same bytes."""
    content = source.read_bytes()
    name = name or f"{source.stem}-{hashlib.sha256(content).hexdigest()[:12]}{source.suffix}"
    target = STATIC / name
    if not target.is_file() or target.stat().st_size != len(content) or target.read_bytes() != content:
        STATIC.mkdir(exist_ok=True)
        tmp = target.with_name(f"{name}.{os.getpid()}.tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
    return name


def loader(source: Path) -> str:
    """The inline script of an element whose module is ``source`` (its default export is the element's
    function): it imports the published copy, relative to the app's root (pages live one level down, and
    the app may be served under a path)."""
    return LOADER.replace("NAME", publish(source))
