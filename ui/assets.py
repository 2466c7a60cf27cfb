"""Our elements' browser modules (ui/*.js), served by the app and loaded by a few lines of inline script.

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
STATIC = ROOT / "static"  # served at /app/static/; not in git, filled here and by ui/chart.py (plotly.js)

LOADER = """const url = new URL("app/static/NAME", new URL(".", window.location.href)).href;
let element = null;
export default async function (component) {
  element = element || (await import(url)).default;
  return element(component);
}
"""


def publish(source: Path) -> str:
    """Copy ``source`` to ``STATIC`` as ``<stem>-<hash of its bytes><suffix>`` and return that name."""
    content = source.read_bytes()
    name = f"{source.stem}-{hashlib.sha256(content).hexdigest()[:12]}{source.suffix}"
    target = STATIC / name
    if not target.is_file() or target.read_bytes() != content:
        STATIC.mkdir(exist_ok=True)
        tmp = target.with_name(f"{name}.{os.getpid()}.tmp")
        tmp.write_bytes(content)
        tmp.replace(target)  # atomic: replicas sharing the folder each write the same bytes
    return name


def loader(source: Path) -> str:
    """The inline script of an element whose module is ``source`` (its default export is the element's
    function): it imports the published copy, relative to the app's root (pages live one level down, and
    the app may be served under a path)."""
    return LOADER.replace("NAME", publish(source))
