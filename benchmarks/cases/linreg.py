"""Linear-regression page: the training, loss map and conditioning its view computes."""

from dataclasses import replace

from core.linreg import RegressionConfig
from core.linreg.train import fit_regression

PAGE = "linear-regression"
DEFAULT = RegressionConfig()
HEAVIEST = replace(DEFAULT, dataset="diabetes", features="bmi,s5", scale=True, lr=0.3, epochs=1000)

CASES = {
    "default": lambda: fit_regression(DEFAULT),
    "synthetic_heaviest": lambda: fit_regression(replace(DEFAULT, n=200, epochs=1000)),
    "heaviest": lambda: fit_regression(HEAVIEST),
}

run = fit_regression  # the page's compute for any config (benchmarks.cases.for_query)
