"""Digits-project page: the training its background thread runs (default and the largest model), then the results."""

from dataclasses import replace

from core.digits.evaluate import evaluate
from core.digits.mlp import ProjectConfig, train_digits

PAGE = "digits-project"
DEFAULT = ProjectConfig()
HEAVIEST = replace(DEFAULT, depth=4, width="256", batchnorm=True, dropout=0.5, epochs=60, batch="16")


def _page(cfg: ProjectConfig) -> None:
    run = train_digits(cfg)
    evaluate(cfg, run.state, run.split)


CASES = {"default": lambda: _page(DEFAULT), "heaviest": lambda: _page(HEAVIEST)}

run = _page  # the page's compute for any config (benchmarks.cases.for_query)
