"""Tensors you can see: broadcasting, memory layout (strides, views, copies) and reductions, computed by torch."""

from dataclasses import replace

from core.tensors.broadcast import combine
from core.tensors.config import TensorConfig
from core.tensors.grids import TensorView
from core.tensors.memory import relayout
from core.tensors.reduce import reduce
from core.tensors.shapes import ShapeError, parse_shape

__all__ = ["ShapeError", "TensorConfig", "TensorView", "checked", "explore", "parse_shape"]


def explore(cfg: TensorConfig) -> TensorView:
    """The page's one core call: the mode's computation (raises ShapeError for a shape that is not one)."""
    return {"broadcast": combine, "memory": relayout, "reduce": reduce}[cfg.mode](cfg)


SHAPE_FIELDS = {"broadcast": ("a", "b"), "memory": ("shape", "target"), "reduce": ("shape",)}


def checked(cfg: TensorConfig) -> tuple[TensorConfig, list[tuple[str, ShapeError]]]:
    """``cfg`` with every shape text the mode reads that is not a shape put back to its default, and why."""
    problems = []
    for name in SHAPE_FIELDS[cfg.mode]:
        try:
            parse_shape(getattr(cfg, name), target=name == "target")
        except ShapeError as error:
            problems.append((name, error))
            cfg = replace(cfg, **{name: getattr(TensorConfig(), name)})
    return cfg, problems
