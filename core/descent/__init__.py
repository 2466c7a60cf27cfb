"""Descent on two-parameter loss surfaces: the pages /gradient-descent, /learning-rate and /optimizers.

- ``surfaces``: the five surfaces L(x, y) in torch, each with its view box, minima and each page's preset;
  the one Hessian and the one loss floor.
- ``engine``: the one loop (``descend``) with the one stop rule, driving torch.optim or a rule written by hand.
- ``gradient``, ``rates``, ``labels``, ``race``: each page's frozen config and the function that computes
  everything the page shows from it.
"""
