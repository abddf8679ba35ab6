"""RegMix-style mix search: sample mixes, fit eval loss ~ mix weights, predict the best mix.

RegMix (Liu et al. 2024) fits a regressor on many small proxy runs. With the handful of proxies a
CPU affords, we fit the smallest model that still has an interior optimum:

    loss(w) = c + sum_i b_i * log(w_i + EPS)

Each component's data has diminishing returns (log), and a component absent from the mix still
helps a little through the others (EPS). With every b_i < 0 the best mix is inside the simplex,
close to w_i proportional to -b_i; a b_i > 0 says that component hurts and drives its weight to 0.
k components take k + 1 coefficients; a small ridge on the b_i keeps the fit stable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EPS = 0.05
RIDGE = 1e-3
CANDIDATES = 20_000


def min_points(components: int) -> int:
    """Runs needed to fit the k + 1 coefficients and still leave one out to check them."""
    return components + 2


def dirichlet_mixes(components: list[str], k: int, seed: int, alpha: float = 1.0) -> list[dict[str, float]]:
    """K mixes drawn uniformly over the simplex (alpha=1), rounded to 3 decimals for readable arms."""
    rng = np.random.default_rng(seed)
    mixes = []
    for weights in rng.dirichlet([alpha] * len(components), size=k):
        weights = np.round(weights, 3)
        weights = weights / weights.sum()
        mixes.append({c: float(round(w, 6)) for c, w in zip(components, weights) if w > 0})
    return mixes


def _features(x: np.ndarray) -> np.ndarray:
    return np.column_stack([np.ones(len(x)), np.log(x + EPS)])


def _solve(features: np.ndarray, y: np.ndarray) -> np.ndarray:
    penalty = RIDGE * np.eye(features.shape[1])
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    return np.linalg.solve(features.T @ features + penalty, features.T @ y)


@dataclass
class MixModel:
    components: list[str]
    coef: np.ndarray  # intercept, then one coefficient per component
    points: int
    loo_rmse: float  # leave-one-out error: how far to trust a prediction

    def predict(self, x: np.ndarray) -> np.ndarray:
        return _features(np.atleast_2d(x)) @ self.coef

    def to_json(self) -> dict:
        return {
            "model": f"loss = c + sum_i b_i log(w_i + {EPS})",
            "components": self.components,
            "intercept": float(self.coef[0]),
            "coef": dict(zip(self.components, (float(b) for b in self.coef[1:]))),
            "points": self.points,
            "loo_rmse": self.loo_rmse,
        }


def fit(components: list[str], mixes: list[dict[str, float]], losses: list[float]) -> MixModel:
    x = np.array([[mix.get(c, 0.0) for c in components] for mix in mixes])
    y = np.array(losses)
    features = _features(x)
    residuals = [
        features[i] @ _solve(np.delete(features, i, axis=0), np.delete(y, i)) - y[i] for i in range(len(y))
    ]
    loo = float(np.sqrt(np.mean(np.square(residuals))))
    return MixModel(components, _solve(features, y), len(y), loo)


def best_mix(model: MixModel, seed: int) -> tuple[dict[str, float], float]:
    """The candidate mix (random simplex points plus the corners) with the lowest predicted loss."""
    k = len(model.components)
    rng = np.random.default_rng(seed)
    candidates = np.round(np.vstack([np.eye(k), rng.dirichlet([1.0] * k, size=CANDIDATES)]), 2)
    candidates = candidates[candidates.sum(axis=1) > 0]
    candidates = candidates / candidates.sum(axis=1, keepdims=True)
    predicted = model.predict(candidates)
    best = int(np.argmin(predicted))
    mix = {c: float(round(w, 6)) for c, w in zip(model.components, candidates[best]) if w > 0}
    return mix, float(predicted[best])
