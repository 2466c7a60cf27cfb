"""Download and upload of the model's state_dict: torch.save bytes out, checked bytes back in."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import torch

from core.digits.mlp import ProjectConfig, expected_shapes

MAX_BYTES = 4_000_000  # the largest model the controls build is about 0.9 MB
MAX_UNPACKED = 8_000_000  # a torch.save file is a zip: its members may not unpack to more than this


class WeightsError(ValueError):
    """An upload that is not a state_dict for the current model; ``code`` names the i18n message."""

    def __init__(self, code: str, **info):
        super().__init__(code)
        self.code, self.info = code, info


def to_bytes(state: dict) -> bytes:
    """``torch.save`` of the state_dict (name -> tensor), as a .pt file's bytes."""
    buf = io.BytesIO()
    torch.save({k: torch.from_numpy(np.asarray(v)) for k, v in state.items()}, buf)
    return buf.getvalue()


def _shape(shape) -> str:
    return "×".join(str(s) for s in shape) or "scalar"


def read_state(data: bytes, cfg: ProjectConfig) -> dict:
    """The state_dict in ``data`` as arrays, checked against the MLP of ``cfg``; WeightsError if it is not one."""
    if not data:
        raise WeightsError("empty")
    if len(data) > MAX_BYTES:  # checked before anything is decoded
        raise WeightsError("too_large", size=len(data) / 1e6, limit=MAX_BYTES / 1e6)
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                unpacked = sum(i.file_size for i in z.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise WeightsError("not_model") from None
        if unpacked > MAX_UNPACKED:
            raise WeightsError("too_large", size=unpacked / 1e6, limit=MAX_UNPACKED / 1e6)
    try:
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception:  # any unpickling/zip/format failure: weights_only refuses code, so nothing ran
        raise WeightsError("not_model") from None
    if (
        not isinstance(state, dict)
        or not state
        or not all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items())
    ):
        raise WeightsError("not_state_dict")
    want = expected_shapes(cfg)
    missing, extra = sorted(set(want) - set(state)), sorted(set(state) - set(want))
    if missing or extra:
        raise WeightsError("wrong_keys", missing=", ".join(missing[:3]) or "–", extra=", ".join(extra[:3]) or "–")
    for name, shape in want.items():
        if tuple(state[name].shape) != shape:
            raise WeightsError("wrong_shape", param=name, got=_shape(state[name].shape), want=_shape(shape))
    arrays = {}
    for name, v in state.items():
        if name.endswith("num_batches_tracked"):
            arrays[name] = v.to(torch.int64).numpy().copy()
            continue
        if not v.is_floating_point() or not torch.isfinite(v).all():
            raise WeightsError("bad_values", param=name)
        arrays[name] = v.to(torch.float32).numpy().copy()
    return arrays
