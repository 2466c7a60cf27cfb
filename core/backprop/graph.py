"""A tiny scalar computational graph: forward values, then the chain rule one node at a time.

Each op returns its value and the local derivative of that value with respect to each input;
backward walks the nodes in reverse order and sends ``local × upstream`` along every edge.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _lin(*v: float) -> tuple[float, list[float]]:
    """w₁·a₁ + w₂·a₂ + b with inputs (w₁, a₁, w₂, a₂, b)."""
    w1, a1, w2, a2, _ = v
    return w1 * a1 + w2 * a2 + v[4], [a1, w1, a2, w2, 1.0]


def _bce(p: float, y: float) -> tuple[float, list[float]]:
    if not 0 < p < 1:  # σ(o) rounded to exactly 0 or 1: the loss is infinite (the page says so)
        return math.inf, [math.nan, 0.0]
    return -(y * math.log(p) + (1 - y) * math.log(1 - p)), [(p - y) / (p * (1 - p)), 0.0]


OPS = {  # op -> f(*input values) = (value, [∂value/∂input for each input])
    "lin": _lin,
    "mul": lambda a, b: (a * b, [b, a]),
    "add": lambda a, b: (a + b, [1.0, 1.0]),
    "sigmoid": lambda z: (_sigmoid(z), [_sigmoid(z) * (1 - _sigmoid(z))]),
    "tanh": lambda z: (math.tanh(z), [1 - math.tanh(z) ** 2]),
    "relu": lambda z: (max(z, 0.0), [1.0 if z > 0 else 0.0]),  # torch's convention: 0 at the kink
    "mse": lambda o, y: ((o - y) ** 2, [2 * (o - y), 0.0]),
    "bce": _bce,
}
LEAVES = ("param", "input", "const")  # leaf kinds; a const (the target) gets no gradient


@dataclass(frozen=True)
class Node:
    name: str
    op: str  # a key of OPS, or a leaf kind
    inputs: tuple[str, ...] = ()


def forward(nodes: tuple[Node, ...], leaves: Mapping[str, float], nudge: Mapping[str, float] | None = None) -> dict:
    """Every node's value (nodes in topological order); ``nudge[name]`` is added to that node's value."""
    nudge = nudge or {}
    values: dict[str, float] = {}
    for node in nodes:
        value = leaves[node.name] if node.op in LEAVES else OPS[node.op](*(values[i] for i in node.inputs))[0]
        values[node.name] = value + nudge.get(node.name, 0.0)
    return values


@dataclass(frozen=True)
class Backward:
    values: np.ndarray  # (n,) forward value of each node
    grads: np.ndarray  # (n,) ∂L/∂node (nan for a const)
    edges: np.ndarray  # (m, 2) source, destination node index
    local: np.ndarray  # (m,) ∂dst/∂src
    upstream: np.ndarray  # (m,) ∂L/∂dst when the edge is walked
    edge_step: np.ndarray  # (m,) backward step that walks the edge (1-based)
    steps: np.ndarray  # (s,) node whose gradient is sent to its inputs at step k+1
    grad_after: np.ndarray  # (s+1, n) what is known of each ∂L/∂node after step k (nan: not yet)


def backward(nodes: tuple[Node, ...], leaves: Mapping[str, float]) -> Backward:
    """Forward pass, then the chain rule from the last node (the loss) back to the leaves."""
    index = {node.name: i for i, node in enumerate(nodes)}
    values = forward(nodes, leaves)
    grads = np.zeros(len(nodes))
    grads[-1] = 1.0  # ∂L/∂L
    known = np.full(len(nodes), np.nan)
    known[-1] = 1.0
    edges, local, upstream, edge_step, steps, after = [], [], [], [], [], [known.copy()]
    for node in reversed(nodes):
        if node.op in LEAVES:
            continue
        _, derivatives = OPS[node.op](*(values[i] for i in node.inputs))
        dst = index[node.name]
        steps.append(dst)
        for src_name, d in zip(node.inputs, derivatives, strict=True):
            src = index[src_name]
            if nodes[src].op == "const":
                continue
            grads[src] += d * grads[dst]  # a node used twice sums what each use sends back
            known[src] = grads[src]
            edges.append((src, dst))
            local.append(d)
            upstream.append(grads[dst])
            edge_step.append(len(steps))
        after.append(known.copy())
    grads[[i for i, n in enumerate(nodes) if n.op == "const"]] = np.nan
    return Backward(
        values=np.array([values[n.name] for n in nodes]),
        grads=grads,
        edges=np.array(edges, dtype=np.int64).reshape(-1, 2),
        local=np.array(local),
        upstream=np.array(upstream),
        edge_step=np.array(edge_step, dtype=np.int64),
        steps=np.array(steps, dtype=np.int64),
        grad_after=np.array(after),
    )


def central_differences(nodes: tuple[Node, ...], leaves: Mapping[str, float], h: float = 1e-6) -> np.ndarray:
    """(n,) ∂L/∂node by nudging each node's value by ±h and recomputing what follows it (nan for a const)."""
    out = np.full(len(nodes), np.nan)
    for i, node in enumerate(nodes):
        if node.op == "const":
            continue
        up = forward(nodes, leaves, {node.name: h})[nodes[-1].name]
        down = forward(nodes, leaves, {node.name: -h})[nodes[-1].name]
        out[i] = (up - down) / (2 * h)
    return out
