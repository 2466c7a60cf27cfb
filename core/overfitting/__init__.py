"""Overfitting (chapter 12): polynomial degree against held-out error, and early stopping of an MLP."""

from core.overfitting.config import OverfitConfig
from core.overfitting.data import CurveData, make_data
from core.overfitting.mlp import EarlyStopping, MLPRun, early_stopping, train_mlp
from core.overfitting.poly import PolySweep, fit_poly, fit_status, poly_features, sweep

__all__ = [
    "CurveData", "EarlyStopping", "MLPRun", "OverfitConfig", "PolySweep",
    "early_stopping", "fit_poly", "fit_status", "make_data", "poly_features", "sweep", "train_mlp",
]  # fmt: skip
