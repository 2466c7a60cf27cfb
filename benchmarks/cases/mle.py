"""Maximum-likelihood page: the climb, the landscape and the identities its view computes."""

from dataclasses import replace

from core.mle import MLEConfig, ascend, identities, landscape

PAGE = "mle"
DEFAULT = MLEConfig()
HEAVIEST = replace(DEFAULT, dist="gaussian", n=500, steps=600)


def _page(cfg: MLEConfig):
    run = ascend(cfg)
    return landscape(cfg, run), identities(cfg, run)


CASES = {"default": lambda: _page(DEFAULT), "heaviest": lambda: _page(HEAVIEST)}

run = _page  # the page's compute for any config (benchmarks.cases.for_query)
