"""Decision analysis on a matrix of net benefits, **draws × options**.

With ``nb[i, s]`` the net benefit of option *s* in draw *i*:

* expected net benefit  E[nb_s];
* probability best      P(s = argmax_s' nb_s') (ties shared equally);
* expected loss         E[max_s' nb_s' − nb_s] (opportunity loss of choosing *s*);
* EVPI                  E[max_s nb_s] − max_s E[nb_s] (= the smallest expected loss).

References
----------
.. [1] Claxton, K. (1999). The irrelevance of inference: a decision-making approach to the
   stochastic evaluation of health care technologies. *J. Health Econ.* 18(3), 341–364.
.. [2] Raiffa, H. & Schlaifer, R. (1961). *Applied Statistical Decision Theory*, Harvard.
"""

from __future__ import annotations

import numpy as np

from mkba.core.errors import UsageError


def _matrix(nb) -> np.ndarray:
    nb = np.asarray(nb, dtype=float)
    if nb.ndim != 2 or nb.shape[0] < 1 or nb.shape[1] < 1:
        raise UsageError(f"net benefits must be a 2-D array, draws × options (got shape {nb.shape})",
                         "decision.shape", shape=str(nb.shape))
    if not np.all(np.isfinite(nb)):
        raise UsageError("net benefits contain NaN or infinite values", "decision.not_finite")
    return nb


def expected_net_benefit(nb) -> np.ndarray:
    """Mean net benefit per option (length = options)."""
    return _matrix(nb).mean(axis=0)


def prob_best(nb) -> np.ndarray:
    """Probability that each option has the highest net benefit; ties are shared equally."""
    nb = _matrix(nb)
    best = nb.max(axis=1, keepdims=True)
    winners = nb == best
    return (winners / winners.sum(axis=1, keepdims=True)).mean(axis=0)


def expected_loss(nb) -> np.ndarray:
    """Expected opportunity loss of each option: E[max_s nb_s − nb_option]."""
    nb = _matrix(nb)
    return (nb.max(axis=1, keepdims=True) - nb).mean(axis=0)


def evpi(nb) -> float:
    """Expected value of perfect information on the choice: E[max_s nb_s] − max_s E[nb_s].

    Examples
    --------
    >>> import numpy as np
    >>> evpi(np.array([[1.0, 0.0], [0.0, 2.0]]))
    0.5
    """
    nb = _matrix(nb)
    return float(nb.max(axis=1).mean() - nb.mean(axis=0).max())


def evpi_normal_two_options(mu: float, sigma: float) -> float:
    """Closed-form EVPI for two options whose NPV difference D ~ N(mu, sigma²):
    sigma φ(mu/sigma) + mu Φ(mu/sigma) − max(0, mu)."""
    from scipy.stats import norm

    z = mu / sigma
    return float(sigma * norm.pdf(z) + mu * norm.cdf(z) - max(0.0, mu))
