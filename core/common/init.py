"""Seeded layer initialisation: torch's own default init, drawn from an explicit generator.

``nn.Linear``/``nn.Conv*`` initialise from the global RNG when built; sessions are threads of one
process, so every model here is re-initialised from the session's ``torch.Generator`` instead.
"""

from __future__ import annotations

import math

import torch
from torch import nn


def init_like_torch(model: nn.Module, g: torch.Generator) -> nn.Module:
    """Re-draw every Linear/Conv/recurrent weight and bias as torch's default init does, from ``g``; returns ``model``."""
    for layer in model.modules():
        if isinstance(layer, (nn.Linear, nn.Conv1d, nn.Conv2d, nn.RNNBase, nn.RNNCellBase)):
            for name, p in layer.named_parameters(recurse=False):
                if isinstance(layer, (nn.RNNBase, nn.RNNCellBase)):  # RNN, LSTM, GRU and their cells
                    bound = 1 / math.sqrt(layer.hidden_size)  # torch's RNN init: U(-1/sqrt(h), 1/sqrt(h)) for all
                    nn.init.uniform_(p, -bound, bound, generator=g)
                elif name == "weight":
                    nn.init.kaiming_uniform_(p, a=math.sqrt(5), generator=g)
                elif name == "bias":
                    fan_in = nn.init._calculate_fan_in_and_fan_out(layer.weight)[0]
                    bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
                    nn.init.uniform_(p, -bound, bound, generator=g)
    return model
