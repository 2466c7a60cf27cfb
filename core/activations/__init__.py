"""Activation functions (/relu): their curves and derivatives, piecewise-linear ReLU fits, deep nets at initialisation."""
