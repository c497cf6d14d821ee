#!/usr/bin/env python3
"""Fits clearcast's penalised GLM with scikit-learn (or, unpenalised, statsmodels) on the same design.

clearcast minimises  sum_i w_i d(y_i, mu_i) + lam * sum_j beta_j^2  over the slopes of the
standardised columns (mean 0, population sd 1 over rows with w > 0), intercept unpenalised. That is
  logistic: sklearn LogisticRegression(C = 1/lam) on the standardised columns,
  poisson:  sklearn PoissonRegressor(alpha = lam / sum(w)),
  lam = 0:  statsmodels GLM (Binomial / Poisson) maximum likelihood.
Input: a JSON file {"x": [[...]], "y": [...], "family": "logistic"|"poisson", "penalty": lam,
"weights": [...] or null, "library": "sklearn"|"statsmodels"}.
Output (stdout, JSON): {"intercept": a, "coefficients": [b...]} on the original scale.
Used by Tests/RiskModelTests/GLMPeerTests.swift (skipped, saying so, when neither library is installed).
"""
import json
import sys

import numpy as np


def main(path):
    data = json.load(open(path))
    x = np.asarray(data["x"], dtype=float)
    y = np.asarray(data["y"], dtype=float)
    w = np.asarray(data["weights"], dtype=float) if data.get("weights") is not None else np.ones(len(y))
    lam = float(data["penalty"])
    used = w > 0
    mean = x[used].mean(axis=0)
    sd = x[used].std(axis=0)  # population sd, as clearcast
    z = (x - mean) / sd
    if data.get("library", "sklearn") == "sklearn":
        if data["family"] == "logistic":
            from sklearn.linear_model import LogisticRegression
            model = LogisticRegression(C=(1 / lam) if lam > 0 else 1.0, penalty="l2" if lam > 0 else None,
                                       solver="newton-cholesky", tol=1e-14, max_iter=1000)
        else:
            from sklearn.linear_model import PoissonRegressor
            model = PoissonRegressor(alpha=lam / w.sum(), solver="newton-cholesky", tol=1e-14, max_iter=1000)
        model.fit(z, y, sample_weight=w)
        theta0, theta = float(np.ravel(model.intercept_)[0]), np.ravel(model.coef_)
    else:
        import statsmodels.api as sm
        family = sm.families.Binomial() if data["family"] == "logistic" else sm.families.Poisson()
        if lam != 0:
            raise SystemExit("statsmodels is used only for the unpenalised fit")
        result = sm.GLM(y, sm.add_constant(z), family=family, freq_weights=w).fit(tol=1e-14, maxiter=1000)
        theta0, theta = float(result.params[0]), np.asarray(result.params[1:])
    slopes = theta / sd
    print(json.dumps({"intercept": theta0 - float(slopes @ mean), "coefficients": slopes.tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
