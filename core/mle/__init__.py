"""Maximum likelihood (chapter 17): a coin, a die and a Gaussian fitted by climbing the log-likelihood."""

from core.mle.config import DICE, DISTS, MLEConfig
from core.mle.fit import Ascent, ascend, closed_form, log_likelihood, outcome, sample
from core.mle.identities import Identities, identities, identity_rows
from core.mle.landscape import Landscape, landscape

__all__ = [
    "DICE", "DISTS", "Ascent", "Identities", "Landscape", "MLEConfig",
    "ascend", "closed_form", "identities", "identity_rows", "landscape", "log_likelihood", "outcome", "sample",
]  # fmt: skip
