//! Small statistical helpers: the gamma quantile and the exact (Garwood) Poisson interval for an observed-over-expected ratio.

use statrs::function::gamma::{gamma_lr, ln_gamma};

/// The exact two-sided Poisson interval for a rate ratio `observed / expected`,
/// treating `expected` as a known constant (Garwood 1936): the bounds for the Poisson
/// mean are `Gamma(observed, 1)` at `(1 - confidence) / 2` (0 when nothing was observed)
/// and `Gamma(observed + 1, 1)` at `(1 + confidence) / 2`, i.e. half the chi-square
/// quantiles with `2 * observed` and `2 * observed + 2` degrees of freedom. Both are
/// divided by `expected`.
///
/// What it ignores: the uncertainty of `expected` itself (the fitted coefficients are
/// estimates; for a municipality that is a large share of the country this is not
/// negligible), extra-Poisson variation between years, and whatever the model leaves out
/// of "composition" (those differences end up in the ratio). A sum of Bernoulli trials
/// with unequal probabilities varies less than a Poisson count with the same mean, so on
/// that account the interval is conservative.
///
/// Returns `None` when `expected` is not positive or `confidence` is not in (0, 1).
pub fn poisson_ratio_interval(observed: u64, expected: f64, confidence: f64) -> Option<(f64, f64)> {
    if !(expected > 0.0 && expected.is_finite() && confidence > 0.0 && confidence < 1.0) {
        return None;
    }
    let alpha = 1.0 - confidence;
    let k = observed as f64;
    let low = if observed == 0 { 0.0 } else { gamma_quantile(k, alpha / 2.0)? };
    let high = gamma_quantile(k + 1.0, 1.0 - alpha / 2.0)?;
    Some((low / expected, high / expected))
}

/// The `p`-quantile of the Gamma distribution with the given shape and rate 1, to about
/// 1e-13 relative accuracy in `x` (bracketing, then safeguarded Newton on the regularised lower
/// incomplete gamma function). `None` for a shape that is not positive or `p` outside (0, 1).
pub fn gamma_quantile(shape: f64, p: f64) -> Option<f64> {
    if !(shape > 0.0 && shape.is_finite() && p > 0.0 && p < 1.0) {
        return None;
    }
    let cdf = |x: f64| if x <= 0.0 { 0.0 } else { gamma_lr(shape, x) };
    let ln_norm = ln_gamma(shape);
    let pdf = |x: f64| {
        if x <= 0.0 {
            0.0
        } else {
            ((shape - 1.0) * x.ln() - x - ln_norm).exp()
        }
    };
    let mut low = 0.0;
    let mut high = shape.max(1.0);
    while cdf(high) < p {
        low = high;
        high *= 2.0;
        if !high.is_finite() {
            return None;
        }
    }
    let mut x = 0.5 * (low + high);
    for _ in 0..300 {
        let f = cdf(x) - p;
        if f == 0.0 {
            return Some(x);
        }
        if f < 0.0 {
            low = x;
        } else {
            high = x;
        }
        let density = pdf(x);
        let newton = if density > 0.0 { x - f / density } else { f64::NAN };
        let next = if newton > low && newton < high { newton } else { 0.5 * (low + high) };
        if (next - x).abs() <= 1e-15 * x.max(1e-300) || high - low <= 1e-15 * high {
            return Some(next);
        }
        x = next;
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gamma_quantile_inverts_the_distribution_function() {
        for &shape in &[0.5, 1.0, 3.0, 10.0, 150.0, 4000.0] {
            for &p in &[0.001, 0.025, 0.5, 0.975, 0.999] {
                let x = gamma_quantile(shape, p).expect("defined");
                let got = gamma_lr(shape, x);
                // statrs' incomplete gamma is good to about 1e-12 for large shapes.
                assert!((got - p).abs() < 1e-10, "shape {shape} p {p} x {x} got {got}");
            }
        }
    }

    #[test]
    fn shape_one_is_the_exponential_distribution() {
        let x = gamma_quantile(1.0, 0.975).expect("defined");
        assert!((x - (-(0.025f64).ln())).abs() < 1e-12);
    }

    #[test]
    fn the_interval_for_ten_observed_matches_published_tables() {
        // Exact Poisson 95% limits for 10 events: 4.7954 and 18.3904 (scipy's
        // gamma.ppf gives 4.795388696 and 18.390356042).
        let (low, high) = poisson_ratio_interval(10, 1.0, 0.95).expect("defined");
        assert!((low - 4.795_388_696).abs() < 1e-8, "{low}");
        assert!((high - 18.390_356_042).abs() < 1e-8, "{high}");
    }

    #[test]
    fn nothing_observed_gives_a_lower_bound_of_zero() {
        let (low, high) = poisson_ratio_interval(0, 2.0, 0.95).expect("defined");
        assert_eq!(low, 0.0);
        assert!((high - 3.688_879_454 / 2.0).abs() < 1e-8);
    }

    #[test]
    fn no_expectation_gives_no_interval() {
        assert_eq!(poisson_ratio_interval(3, 0.0, 0.95), None);
    }
}
