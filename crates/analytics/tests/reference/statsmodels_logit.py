"""Reference fit for the benchmark: the same frequency-weighted logit, fitted by statsmodels.

Usage: statsmodels_logit.py ROWS_CSV REFERENCE_JSON

ROWS_CSV has the columns municipality,age_band,sex,support,diagnosis,awarded,weight
(one frequency-weighted person-level row each, as analytics::model_rows writes them).
REFERENCE_JSON maps each factor (age, sex, support, diagnosis) to its reference level.

The script builds its own treatment (dummy) coding from the data, fits
GLM(Binomial, freq_weights) by IRLS, and prints JSON with the coefficients and standard
errors by name, the log-likelihood, and per municipality the expected count (sum of
weight * fitted probability) and the exact Poisson 95% interval of actual/expected
(scipy's gamma quantiles). Exit code 3 means statsmodels (or numpy/pandas/scipy) is not
importable; the Rust test turns that into a failure that says how to install it.
"""

import json
import sys

try:
    import numpy as np
    import pandas as pd
    import statsmodels
    import statsmodels.api as sm
    from scipy.stats import gamma
except ImportError as error:  # pragma: no cover - exercised only on a bare machine
    print(f"statsmodels reference needs numpy, pandas, scipy and statsmodels: {error}", file=sys.stderr)
    sys.exit(3)

FACTORS = [("age", "age_band"), ("sex", "sex"), ("support", "support"), ("diagnosis", "diagnosis")]


def main() -> None:
    rows_path, reference_json = sys.argv[1], sys.argv[2]
    reference = json.loads(reference_json)
    data = pd.read_csv(rows_path, dtype=str, keep_default_na=False)
    weights = data["weight"].astype(float).to_numpy()
    awarded = (data["awarded"] == "true").astype(float).to_numpy()

    columns = {"intercept": np.ones(len(data))}
    for factor, column in FACTORS:
        for level in sorted(set(data[column])):
            if level == reference[factor]:
                continue
            columns[f"{factor}[{level}]"] = (data[column] == level).astype(float).to_numpy()
    names = list(columns)
    design = np.column_stack([columns[name] for name in names])

    model = sm.GLM(awarded, design, family=sm.families.Binomial(), freq_weights=weights)
    result = model.fit(method="IRLS", tol=1e-14, maxiter=200)
    fitted = result.predict(design)

    expected = {}
    actual = {}
    for municipality, weight, probability, outcome in zip(data["municipality"], weights, fitted, awarded):
        expected[municipality] = expected.get(municipality, 0.0) + weight * probability
        actual[municipality] = actual.get(municipality, 0.0) + weight * outcome
    interval = {}
    for municipality, expected_count in expected.items():
        observed = round(actual[municipality])
        low = 0.0 if observed == 0 else gamma.ppf(0.025, observed)
        high = gamma.ppf(0.975, observed + 1)
        interval[municipality] = [low / expected_count, high / expected_count]

    print(
        json.dumps(
            {
                "statsmodels_version": statsmodels.__version__,
                "coefficients": dict(zip(names, map(float, result.params))),
                "std_errors": dict(zip(names, map(float, result.bse))),
                "log_likelihood": float(result.llf),
                "converged": bool(result.converged),
                "expected": expected,
                "interval": interval,
            }
        )
    )


if __name__ == "__main__":
    main()
