"""Logistic-regression page: the training its view runs, from the page's own declared config."""

from dataclasses import replace

from core.classify.train import ClassifyConfig, train_classifier

PAGE = "logistic-regression"
DEFAULT = ClassifyConfig()
HEAVIEST = replace(DEFAULT, dataset="spiral", n=500, classes=5, model="mlp", hidden="16,16", epochs=500, batch="32")

CASES = {
    "default": lambda: train_classifier(DEFAULT),
    "default_mlp": lambda: train_classifier(replace(DEFAULT, model="mlp")),
    "heaviest": lambda: train_classifier(HEAVIEST),
}

run = train_classifier  # the page's compute for any config (benchmarks.cases.for_query)
