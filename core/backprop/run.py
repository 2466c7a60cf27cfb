"""The page's two graphs, their backward pass, and the references: torch autograd and central differences."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from core.backprop.graph import Node, backward, central_differences
from core.common.params import choice, slider

MODES = ("network", "expression")
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("mse", "bce")
NETWORK_LEAVES = ("x1", "x2", "w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "bo")
EXPRESSION_LEAVES = ("a", "b", "c", "d")


def _value(default: float):
    return slider(default, -2.0, 2.0, 0.05)


@dataclass(frozen=True)
class BackpropConfig:
    """What /backprop's controls hold (?mode=network&act=sigmoid&x1=1&w11=0.6&...)."""

    mode: str = choice("network", MODES, widget="segmented_control")
    act: str = choice("sigmoid", ACTIVATIONS)
    loss: str = choice("mse", LOSSES)
    x1: float = _value(1.0)
    x2: float = _value(-0.5)
    y: float = slider(1.0, 0.0, 1.0, 0.05)  # the target (BCE needs it in [0, 1])
    w11: float = _value(0.6)
    w12: float = _value(-0.4)
    w21: float = _value(0.3)
    w22: float = _value(0.8)
    b1: float = _value(0.1)
    b2: float = _value(-0.2)
    v1: float = _value(0.9)
    v2: float = _value(-0.7)
    bo: float = _value(0.05)
    a: float = slider(2.0, -3.0, 3.0, 0.1)
    b: float = slider(-1.5, -3.0, 3.0, 0.1)
    c: float = slider(3.5, -5.0, 5.0, 0.1)
    d: float = slider(0.4, -2.0, 2.0, 0.05)


def network_graph(act: str, loss: str) -> tuple[Node, ...]:
    """x → z = Wx + b → h = act(z) → o = v·h + bo (→ p = σ(o)) → L, one node per scalar."""
    nodes = [Node(n, "input" if n.startswith("x") else "param") for n in NETWORK_LEAVES]
    nodes += [
        Node("z1", "lin", ("w11", "x1", "w12", "x2", "b1")),
        Node("z2", "lin", ("w21", "x1", "w22", "x2", "b2")),
        Node("h1", act, ("z1",)),
        Node("h2", act, ("z2",)),
        Node("o", "lin", ("v1", "h1", "v2", "h2", "bo")),
        Node("y", "const"),
    ]
    if loss == "bce":
        nodes += [Node("p", "sigmoid", ("o",)), Node("L", "bce", ("p", "y"))]
    else:
        nodes.append(Node("L", "mse", ("o", "y")))
    return tuple(nodes)


def expression_graph() -> tuple[Node, ...]:
    """L = tanh((a·b + c)·d), one node per operation."""
    return (
        *(Node(n, "param") for n in EXPRESSION_LEAVES),
        Node("e", "mul", ("a", "b")),
        Node("f", "add", ("e", "c")),
        Node("g", "mul", ("f", "d")),
        Node("L", "tanh", ("g",)),
    )


def torch_network(cfg: BackpropConfig) -> dict[str, torch.Tensor]:
    """The same network with torch modules; loss.backward() leaves .grad on every tensor returned."""
    first, second = nn.Linear(2, 2).double(), nn.Linear(2, 1).double()
    with torch.no_grad():
        first.weight.copy_(torch.tensor([[cfg.w11, cfg.w12], [cfg.w21, cfg.w22]], dtype=torch.float64))
        first.bias.copy_(torch.tensor([cfg.b1, cfg.b2], dtype=torch.float64))
        second.weight.copy_(torch.tensor([[cfg.v1, cfg.v2]], dtype=torch.float64))
        second.bias.copy_(torch.tensor([cfg.bo], dtype=torch.float64))
    x = torch.tensor([cfg.x1, cfg.x2], dtype=torch.float64, requires_grad=True)
    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[cfg.act]
    z = first(x)
    h = act(z)
    o = second(h)
    y = torch.tensor([cfg.y], dtype=torch.float64)
    tensors = {"z": z, "h": h, "o": o}
    if cfg.loss == "bce":
        p = torch.sigmoid(o)
        tensors["p"] = p
        loss = F.binary_cross_entropy(p, y)
    else:
        loss = F.mse_loss(o, y)
    for t in tensors.values():
        t.retain_grad()  # intermediate tensors keep .grad only when asked
    loss.retain_grad()
    loss.backward()
    g = {"x1": x.grad[0], "x2": x.grad[1], "z1": z.grad[0], "z2": z.grad[1], "h1": h.grad[0], "h2": h.grad[1]}
    g |= {"w11": first.weight.grad[0, 0], "w12": first.weight.grad[0, 1], "w21": first.weight.grad[1, 0]}
    g |= {"w22": first.weight.grad[1, 1], "b1": first.bias.grad[0], "b2": first.bias.grad[1]}
    g |= {"v1": second.weight.grad[0, 0], "v2": second.weight.grad[0, 1], "bo": second.bias.grad[0]}
    g |= {"o": o.grad[0], "L": loss.grad} | ({"p": tensors["p"].grad[0]} if "p" in tensors else {})
    return g


def torch_expression(cfg: BackpropConfig) -> dict[str, torch.Tensor]:
    a, b, c, d = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (cfg.a, cfg.b, cfg.c, cfg.d))
    e = a * b
    f = e + c
    g = f * d
    loss = torch.tanh(g)
    for t in (e, f, g, loss):
        t.retain_grad()
    loss.backward()
    return {"a": a.grad, "b": b.grad, "c": c.grad, "d": d.grad, "e": e.grad, "f": f.grad, "g": g.grad, "L": loss.grad}


def torch_grads(cfg: BackpropConfig, names: tuple[str, ...]) -> np.ndarray:
    """(n,) the .grad torch autograd leaves on each named tensor (retain_grad for intermediates; nan for y)."""
    g = torch_network(cfg) if cfg.mode == "network" else torch_expression(cfg)
    return np.array([float(g[n]) if n in g else np.nan for n in names])


@dataclass(frozen=True)
class BackpropRun:
    mode: str
    names: tuple[str, ...]  # node ids in topological order; the last is the loss L
    ops: tuple[str, ...]  # op or leaf kind of each node
    values: np.ndarray  # (n,) forward values
    grads: np.ndarray  # (n,) ∂L/∂node from the graph's backward pass (nan for the target y)
    autograd: np.ndarray  # (n,) torch's .grad on the same tensors
    numeric: np.ndarray  # (n,) central differences
    edges: np.ndarray  # (m, 2) source, destination node index
    local: np.ndarray  # (m,) ∂dst/∂src
    upstream: np.ndarray  # (m,) ∂L/∂dst
    edge_step: np.ndarray  # (m,) backward step walking the edge (1-based)
    steps: np.ndarray  # (s,) node sending its gradient back at each step
    grad_after: np.ndarray  # (s+1, n) known gradients after each step (nan: not yet)
    loss_value: float

    @property
    def checked(self) -> list[int]:
        """The nodes that get a gradient (all but the target y)."""
        return [i for i, op in enumerate(self.ops) if op != "const"]

    @property
    def finite(self) -> bool:
        """False when a gradient is inf/nan (BCE of a saturated σ(o): log 0)."""
        return bool(np.all(np.isfinite(self.grads[self.checked])))

    @property
    def gaps(self) -> tuple[float, float]:
        """Largest |graph − autograd| and |graph − central differences| over the checked nodes."""
        g = self.grads[self.checked]
        return float(np.max(np.abs(g - self.autograd[self.checked]))), float(
            np.max(np.abs(g - self.numeric[self.checked]))
        )


def run_backprop(cfg: BackpropConfig) -> BackpropRun:
    """Forward and backward through the chosen graph, with autograd and central differences beside it."""
    if cfg.mode == "network":
        nodes = network_graph(cfg.act, cfg.loss)
        leaves = {n: getattr(cfg, n) for n in NETWORK_LEAVES} | {"y": cfg.y}
    else:
        nodes = expression_graph()
        leaves = {n: getattr(cfg, n) for n in EXPRESSION_LEAVES}
    names = tuple(n.name for n in nodes)
    walk = backward(nodes, leaves)
    return BackpropRun(
        mode=cfg.mode,
        names=names,
        ops=tuple(n.op for n in nodes),
        values=walk.values,
        grads=walk.grads,
        autograd=torch_grads(cfg, names),
        numeric=central_differences(nodes, leaves),
        edges=walk.edges,
        local=walk.local,
        upstream=walk.upstream,
        edge_step=walk.edge_step,
        steps=walk.steps,
        grad_after=walk.grad_after,
        loss_value=float(walk.values[-1]),
    )
