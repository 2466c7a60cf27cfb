"""nn.Linear as a map of the plane, the parameters of a stack of layers, and a measured matmul sweep."""
