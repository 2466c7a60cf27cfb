"""SGD page: every chosen batch size trained for the same epochs, and the gradient noise at the start."""

from dataclasses import replace

from core.sgd import BATCHES, SGDConfig, gradient_noise, make_data, run_sgd

PAGE = "sgd"
DEFAULT = SGDConfig()
HEAVIEST = replace(DEFAULT, batches=BATCHES, n=1024, epochs=20, cloud="1")
SIZES = (1, 2, 4, 8, 16, 32, 64)


def _page(cfg: SGDConfig) -> None:
    run_sgd(cfg)
    data = make_data(cfg.task, cfg.n, cfg.noise, cfg.seed)
    gradient_noise(data, (cfg.w0, cfg.b0), int(cfg.cloud), [s for s in SIZES if s < cfg.n], cfg.seed)


CASES = {
    "default": lambda: _page(DEFAULT),
    "logistic": lambda: _page(replace(DEFAULT, task="logistic")),
    "heaviest": lambda: _page(HEAVIEST),
}

run = _page  # the page's compute for any config (benchmarks.cases.for_query)
