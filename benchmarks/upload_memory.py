"""Upload memory on /cnn-filters: the peak one upload of each kind adds, and the server's idle memory
after three sessions upload the heaviest accepted file at once.

    .venv/bin/python -m benchmarks.upload_memory

Every file is generated here with Pillow (nothing is downloaded). One upload is measured in a fresh
subprocess: its peak resident memory (VmHWM, reset through /proc/self/clear_refs) minus its resident
memory just before ``read_upload``, so Pillow's C buffers count as well as numpy's.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MB = 150  # DESIGN.md: an accepted upload adds < 150 MB at its peak
IDLE_TOLERANCE_MB = 50  # three concurrent uploads leave idle memory where it was, ± 50 MB


def _save(img: Image.Image, fmt: str = "PNG", **kwargs) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def _gradient(w: int, h: int) -> np.ndarray:
    """A diagonal ramp in [0, 1] (h, w), float32: something to see after the upload."""
    return (np.add.outer(np.arange(h, dtype=np.float32) / h, np.arange(w, dtype=np.float32) / w) / 2).astype(np.float32)


def gray16() -> bytes:
    """A 16-bit grayscale 5000×5000 PNG: tiny on disk, 25 megapixels decoded."""
    return _save(Image.fromarray((_gradient(5000, 5000) * 65535).astype(np.uint16)))


def rgba() -> bytes:
    """An RGBA 5000×5000 PNG, the most bytes a pixel among accepted PNGs."""
    g = (_gradient(5000, 5000) * 255).astype(np.uint8)
    return _save(Image.fromarray(np.stack([g, g[::-1], g[:, ::-1], np.full_like(g, 200)], axis=-1)))


def cmyk() -> bytes:
    """A CMYK JPEG, 2000×1500."""
    g = (_gradient(2000, 1500) * 255).astype(np.uint8)
    return _save(Image.fromarray(np.stack([g, 255 - g, g // 2, g // 4], axis=-1), mode="CMYK"), "JPEG")


def palette_alpha() -> bytes:
    """A palette PNG with a transparent colour, 640×480."""
    img = Image.fromarray((_gradient(640, 480) * 255).astype(np.uint8)).convert("P")
    return _save(img, transparency=0)


def tiny() -> bytes:
    return _save(Image.new("L", (1, 1), 128))


def bomb() -> bytes:
    """10000×10000 (100 megapixels) that compresses to a few hundred KB."""
    return _save(Image.new("L", (10_000, 10_000), 0))


def truncated() -> bytes:
    """A noisy 200×200 PNG cut off halfway through its pixel data."""
    data = _save(Image.fromarray(np.random.default_rng(0).integers(0, 256, (200, 200), dtype=np.uint8)))
    return data[: len(data) // 2]


def too_large() -> bytes:
    """A real JPEG padded past 5 MB (random bytes after the end-of-image marker)."""
    return _save(Image.new("L", (64, 64), 90), "JPEG") + np.random.default_rng(0).bytes(5 * 2**20 + 1024)


# kind -> (file name, bytes, the page's UploadError code or None when accepted)
UPLOADS: dict[str, tuple[str, Callable[[], bytes], str | None]] = {
    "text_png": ("notes.png", lambda: b"just some text, renamed to look like a picture\n", "not_image"),
    "empty": ("empty.png", lambda: b"", "empty"),
    "truncated": ("cut.png", truncated, "corrupt"),
    "one_pixel": ("dot.png", tiny, "too_small"),
    "gray16": ("gray16.png", gray16, None),
    "rgba": ("rgba.png", rgba, None),
    "cmyk": ("cmyk.jpg", cmyk, None),
    "palette_alpha": ("palette.png", palette_alpha, None),
    "bomb": ("bomb.png", bomb, "too_many_pixels"),
    "too_large": ("big.jpg", too_large, "too_large"),
}
ACCEPTED = [kind for kind, (_, _, code) in UPLOADS.items() if code is None]

_CHILD = """
import gc, json, sys, warnings
from pathlib import Path
warnings.simplefilter("always")
from core.cnn.images import UploadError, read_upload
data = Path(sys.argv[1]).read_bytes()
def rss(field):
    line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith(field))
    return int(line.split()[1]) / 1024
gc.collect()
Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
base = rss("VmRSS:")
with warnings.catch_warnings(record=True) as caught:
    try:
        out = read_upload(data)
        result = {"shape": list(out.shape), "dtype": str(out.dtype)}
    except UploadError as err:
        result = {"code": err.code}
result |= {"peak_mb": rss("VmHWM:") - base, "warnings": [str(w.category.__name__) for w in caught]}
print(json.dumps(result))
"""


def measure_upload(data: bytes) -> dict:
    """read_upload(data) in a fresh process: its result (shape or error code), peak MB added, warnings."""
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(data)
        f.flush()
        out = subprocess.run([sys.executable, "-c", _CHILD, f.name], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def concurrent_uploads(kind: str = "gray16", sessions: int = 3) -> dict:
    """Server RSS (MB) before, at the peak of, and after ``sessions`` browsers upload ``kind`` at once."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import launch_args, wait_done
    from tests.e2e.server import AppServer

    name, make, _ = UPLOADS[kind]
    server = AppServer()
    server.wait_healthy()
    peak, stop = [0.0], threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], server.rss_mb())

    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            path = Path(tmp) / name
            path.write_bytes(make())
            browser = p.chromium.launch(**launch_args())
            pages = [browser.new_page() for _ in range(sessions)]
            for page in pages:
                page.goto(f"{server.url}/cnn-filters?image=flower&lang=en")
                wait_done(page)
                page.wait_for_selector(".js-plotly-plot")
            before = server.rss_mb()
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            for page in pages:
                page.set_input_files("[data-testid='stFileUploaderDropzoneInput']", str(path))
            for page in pages:
                page.get_by_text("256×256 →").first.wait_for(timeout=120_000)
                wait_done(page)
            stop.set()
            sampler.join()
            after = server.rss_mb()
            browser.close()
    finally:
        stop.set()
        server.stop()
    return {"before_mb": before, "peak_mb": max(peak[0], after), "after_mb": after}


def report() -> str:
    """Markdown: peak memory added by one upload of each kind, and idle server memory after concurrent ones."""
    lines = ["| upload | result | peak added (MB) | Pillow warnings |", "| --- | --- | ---: | --- |"]
    for kind, (_, make, _) in UPLOADS.items():
        r = measure_upload(make())
        result = r.get("code") or "accepted {}×{} {}".format(*r["shape"], r["dtype"])
        lines.append(f"| {kind} | {result} | {r['peak_mb']:.0f} | {', '.join(r['warnings']) or '—'} |")
    c = concurrent_uploads()
    lines.append(
        f"\nServer RSS, three concurrent gray16 uploads: before {c['before_mb']:.0f} MB, "
        f"peak {c['peak_mb']:.0f} MB, idle after {c['after_mb']:.0f} MB "
        f"(change {c['after_mb'] - c['before_mb']:+.0f} MB; budget ± {IDLE_TOLERANCE_MB} MB)"
    )
    return "\n".join(lines)


def main() -> None:
    print(report())


if __name__ == "__main__":
    main()
