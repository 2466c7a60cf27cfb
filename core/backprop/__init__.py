"""Backpropagation, node by node (chapter 9): a 2-2-1 network or a scalar expression as a graph."""

from core.backprop.run import (
    ACTIVATIONS,
    LOSSES,
    MODES,
    NETWORK_LEAVES,
    BackpropConfig,
    BackpropRun,
    expression_graph,
    network_graph,
    run_backprop,
    torch_expression,
    torch_grads,
    torch_network,
)

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "MODES",
    "NETWORK_LEAVES",
    "BackpropConfig",
    "BackpropRun",
    "expression_graph",
    "network_graph",
    "run_backprop",
    "torch_expression",
    "torch_grads",
    "torch_network",
]
