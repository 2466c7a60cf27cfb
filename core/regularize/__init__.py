"""Regularization (/dropout): inverted dropout, weight decay and BatchNorm on a small MLP, and the probes that show them."""
