"""Linear-layer page: the plane its view moves through nn.Linear, from the page's own declared config."""

from dataclasses import replace

from core.linear_layer.config import LinearConfig
from core.linear_layer.plane import transform
from core.linear_layer.stack import count_parameters, parse_widths

PAGE = "linear-layer"
DEFAULT = LinearConfig()

CASES = {
    "default": lambda: (transform(DEFAULT), count_parameters(parse_widths(DEFAULT.widths))),
    "heaviest": lambda: (transform(replace(DEFAULT, preset="singular")), count_parameters((4096,) * 9)),
}
