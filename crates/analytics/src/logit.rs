//! Unpenalised maximum-likelihood logistic regression on binomial cells, by Newton-Raphson (IRLS) with nalgebra.
//!
//! A cell is a row of covariates with `trials` people of whom `successes` had the
//! outcome. Fitting cells is exactly the same maximum-likelihood problem as fitting one
//! 0/1 row per person with frequency weights (what statsmodels calls `freq_weights`): the
//! log-likelihood `sum s*ln(p) + (n-s)*ln(1-p)` is the sum of the persons' Bernoulli
//! log-likelihoods. Collapsing identical covariate rows is what keeps a national
//! benchmark fast: there are a few hundred cells however many people there are.
//!
//! The Newton step is `beta += (X' W X)^-1 X' (s - n p)` with `W = n p (1-p)`, solved by
//! Cholesky; a step that lowers the log-likelihood is halved. Iteration stops when every
//! coefficient moves less than `tolerance * (1 + |beta|)`. Standard errors are the square
//! roots of the diagonal of the inverse Hessian at the estimate (the model-based
//! covariance, as statsmodels reports by default).

use nalgebra::{Cholesky, DMatrix, DVector};
use serde::Serialize;

/// Settings for [`fit_binomial_logit`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LogitOptions {
    /// The most Newton steps taken.
    pub max_iterations: usize,
    /// Convergence: every coefficient moves less than `tolerance * (1 + |beta|)`.
    pub tolerance: f64,
}

impl Default for LogitOptions {
    fn default() -> Self {
        Self { max_iterations: 100, tolerance: 1e-10 }
    }
}

/// The fitted model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogitFit {
    /// One coefficient per design column, in column order; `NaN` for a column that is
    /// not estimable once separated cells are set aside (see `separated_cells`).
    pub coefficients: Vec<f64>,
    /// Model-based standard error of each coefficient (`NaN` where not estimable).
    pub std_errors: Vec<f64>,
    /// The fitted probability of each cell, in row order.
    pub fitted: Vec<f64>,
    /// Cells fitted at probability exactly 0 (no one had the outcome) or 1 (everyone
    /// had it) because the likelihood keeps rising as their linear predictor goes to
    /// minus or plus infinity (complete or quasi-complete separation). In the benchmark
    /// this is the usual case for people without a case, who cannot be awarded.
    pub separated_cells: Vec<usize>,
    /// Newton steps taken (both passes when separated cells were set aside).
    pub iterations: usize,
    /// Whether the convergence criterion was met (by the second pass when cells were
    /// set aside).
    pub converged: bool,
    /// Bernoulli log-likelihood at the estimate (comparable to statsmodels' `llf` on
    /// 0/1 rows with frequency weights); separated cells contribute their limit, 0.
    pub log_likelihood: f64,
}

/// Why a logistic regression could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LogitError {
    /// No cells with people in them.
    #[error("no cells with people in them")]
    NoData,
    /// The design, successes and trials do not have matching lengths.
    #[error("design has {rows} rows but {successes} success counts and {trials} trial counts")]
    DimensionMismatch {
        /// Rows in the design.
        rows: usize,
        /// Length of `successes`.
        successes: usize,
        /// Length of `trials`.
        trials: usize,
    },
    /// A count is negative, not finite, or successes exceed trials.
    #[error("cell {row}: counts must be finite with 0 <= successes <= trials")]
    BadCounts {
        /// The offending row.
        row: usize,
    },
    /// The weighted design is not of full column rank (drop aliased columns first, see
    /// [`aliased_columns`]).
    #[error("the design matrix is singular (columns are linearly dependent)")]
    Singular,
}

/// Fits `P(outcome) = 1 / (1 + exp(-X beta))` by maximum likelihood. Column 0 is
/// usually the intercept (all ones); when it is, the intercept starts at the logit of
/// the overall rate, which saves a few steps for rare outcomes.
///
/// When Newton-Raphson does not converge because some cells are separated (their linear
/// predictor runs off beyond +-20 while they hold only non-outcomes or only outcomes),
/// those cells are fixed at probability 0 or 1, which is the limit of the likelihood's
/// supremum, and the model is refitted on the other cells, dropping columns that are
/// then aliased. Their coefficients are finite and their fitted probabilities are the
/// maximum-likelihood limit.
pub fn fit_binomial_logit(
    design: &DMatrix<f64>,
    successes: &[f64],
    trials: &[f64],
    options: &LogitOptions,
) -> Result<LogitFit, LogitError> {
    let (rows, cols) = design.shape();
    if successes.len() != rows || trials.len() != rows {
        return Err(LogitError::DimensionMismatch { rows, successes: successes.len(), trials: trials.len() });
    }
    for row in 0..rows {
        let (s, n) = (successes[row], trials[row]);
        if !(s.is_finite() && n.is_finite() && s >= 0.0 && s <= n) {
            return Err(LogitError::BadCounts { row });
        }
    }
    let total: f64 = trials.iter().sum();
    if total <= 0.0 || cols == 0 {
        return Err(LogitError::NoData);
    }
    if !aliased_columns(design, trials).is_empty() {
        return Err(LogitError::Singular);
    }
    // Pass 1 fits everything; while a pass does not converge, cells whose linear
    // predictor has run past the separation threshold are fixed at 0 or 1 and the rest
    // refitted (separation can show up in stages, so this may take a few passes).
    let mut separated: Vec<usize> = Vec::new();
    let mut iterations = 0;
    for _pass in 0..MAX_SEPARATION_PASSES {
        let kept_rows: Vec<usize> = (0..rows).filter(|i| !separated.contains(i)).collect();
        if kept_rows.is_empty() {
            break;
        }
        let sub_rows = design.select_rows(&kept_rows);
        let sub_successes: Vec<f64> = kept_rows.iter().map(|&i| successes[i]).collect();
        let sub_trials: Vec<f64> = kept_rows.iter().map(|&i| trials[i]).collect();
        let aliased = aliased_columns(&sub_rows, &sub_trials);
        let kept_columns: Vec<usize> = (0..cols).filter(|j| !aliased.contains(j)).collect();
        let sub_design = sub_rows.select_columns(&kept_columns);
        let result = newton(&sub_design, &sub_successes, &sub_trials, options).ok_or(LogitError::Singular)?;
        iterations += result.iterations;
        let newly: Vec<usize> = kept_rows
            .iter()
            .enumerate()
            .filter(|&(k, &i)| {
                let eta = result.eta[k];
                (eta < -SEPARATION_ETA && successes[i] == 0.0) || (eta > SEPARATION_ETA && successes[i] == trials[i])
            })
            .map(|(_, &i)| i)
            .collect();
        if result.converged || newly.is_empty() {
            let mut coefficients = vec![f64::NAN; cols];
            let mut std_errors = vec![f64::NAN; cols];
            for (k, &j) in kept_columns.iter().enumerate() {
                coefficients[j] = result.beta[k];
                std_errors[j] = result.std_errors[k];
            }
            let mut fitted = vec![0.0; rows];
            for &i in &separated {
                fitted[i] = if successes[i] == 0.0 { 0.0 } else { 1.0 };
            }
            for (k, &i) in kept_rows.iter().enumerate() {
                fitted[i] = sigmoid(result.eta[k]);
            }
            separated.sort_unstable();
            return Ok(LogitFit {
                coefficients,
                std_errors,
                fitted,
                separated_cells: separated,
                iterations,
                converged: result.converged,
                log_likelihood: result.log_likelihood,
            });
        }
        separated.extend(newly);
    }
    // Every cell separated (or passes exhausted): the outcome is perfectly predicted.
    let fitted = (0..rows)
        .map(
            |i| if separated.contains(&i) { f64::from(u8::from(successes[i] > 0.0)) } else { successes[i] / trials[i] },
        )
        .collect();
    separated.sort_unstable();
    Ok(LogitFit {
        coefficients: vec![f64::NAN; cols],
        std_errors: vec![f64::NAN; cols],
        fitted,
        separated_cells: separated,
        iterations,
        converged: false,
        log_likelihood: 0.0,
    })
}

/// How many times separated cells are set aside before giving up on convergence.
const MAX_SEPARATION_PASSES: usize = 8;

/// Beyond this linear predictor a cell with only non-outcomes (or only outcomes) is
/// taken as separated: its probability is below 2.1e-9 and still falling.
const SEPARATION_ETA: f64 = 20.0;

struct NewtonResult {
    beta: Vec<f64>,
    std_errors: Vec<f64>,
    eta: Vec<f64>,
    iterations: usize,
    converged: bool,
    log_likelihood: f64,
}

/// Newton-Raphson with step halving. Converged means a full (unhalved) step moved every
/// coefficient less than the tolerance. `None` when the Hessian is singular at the start.
fn newton(design: &DMatrix<f64>, successes: &[f64], trials: &[f64], options: &LogitOptions) -> Option<NewtonResult> {
    let cols = design.ncols();
    let total: f64 = trials.iter().sum();
    let mut beta = DVector::<f64>::zeros(cols);
    let rate = successes.iter().sum::<f64>() / total;
    if design.column(0).iter().all(|&x| x == 1.0) && rate > 0.0 && rate < 1.0 {
        beta[0] = (rate / (1.0 - rate)).ln();
    }
    let mut log_likelihood = log_likelihood_at(design, successes, trials, &beta);
    let mut converged = false;
    let mut iterations = 0;
    while iterations < options.max_iterations {
        iterations += 1;
        let (gradient, hessian) = gradient_and_hessian(design, successes, trials, &beta);
        let Some(cholesky) = Cholesky::new(hessian) else {
            if iterations == 1 {
                return None;
            }
            // Weights have underflowed for separated cells; stop here.
            break;
        };
        let step = cholesky.solve(&gradient);
        if step.iter().zip(beta.iter()).all(|(d, b)| d.abs() <= options.tolerance * (1.0 + b.abs())) {
            beta += &step;
            log_likelihood = log_likelihood_at(design, successes, trials, &beta);
            converged = true;
            break;
        }
        let mut scale = 1.0;
        let mut candidate = &beta + &step;
        let mut candidate_ll = log_likelihood_at(design, successes, trials, &candidate);
        // Step halving: never accept a step that lowers the likelihood.
        while candidate_ll < log_likelihood - 1e-12 * log_likelihood.abs() && scale > 1e-6 {
            scale /= 2.0;
            candidate = &beta + &step * scale;
            candidate_ll = log_likelihood_at(design, successes, trials, &candidate);
        }
        if candidate_ll < log_likelihood - 1e-12 * log_likelihood.abs() {
            // No step improves the likelihood any more (rounding at the optimum).
            break;
        }
        beta = candidate;
        log_likelihood = candidate_ll;
    }
    let (_, hessian) = gradient_and_hessian(design, successes, trials, &beta);
    let std_errors = match hessian.try_inverse() {
        Some(inverse) => (0..cols).map(|j| inverse[(j, j)].max(0.0).sqrt()).collect(),
        None => vec![f64::NAN; cols],
    };
    let eta = (design * &beta).iter().copied().collect();
    Some(NewtonResult { beta: beta.iter().copied().collect(), std_errors, eta, iterations, converged, log_likelihood })
}

/// The predicted probability for one design row.
pub fn predict(row: &[f64], coefficients: &[f64]) -> f64 {
    let eta: f64 = row.iter().zip(coefficients).map(|(x, b)| x * b).sum();
    sigmoid(eta)
}

/// Columns (in order) that are linear combinations of earlier columns once rows are
/// weighted by `weights`, found by modified Gram-Schmidt. Such columns are dropped before
/// fitting, as R reports an aliased coefficient as `NA`; predictions are unchanged.
pub fn aliased_columns(design: &DMatrix<f64>, weights: &[f64]) -> Vec<usize> {
    let (rows, cols) = design.shape();
    let root_w: Vec<f64> = weights.iter().map(|w| w.max(0.0).sqrt()).collect();
    let mut basis: Vec<DVector<f64>> = Vec::new();
    let mut aliased = Vec::new();
    for j in 0..cols {
        let mut v = DVector::from_iterator(rows, (0..rows).map(|i| design[(i, j)] * root_w[i]));
        let original = v.norm();
        for q in &basis {
            let projection = q.dot(&v);
            v -= q * projection;
        }
        let residual = v.norm();
        if original == 0.0 || residual <= 1e-9 * original {
            aliased.push(j);
        } else {
            basis.push(v / residual);
        }
    }
    aliased
}

fn sigmoid(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + (-eta).exp())
    } else {
        let e = eta.exp();
        e / (1.0 + e)
    }
}

/// `ln(sigmoid(eta))` and `ln(1 - sigmoid(eta))`, computed without cancellation.
fn log_p_and_log_q(eta: f64) -> (f64, f64) {
    // ln(1 + e^x) computed stably.
    let softplus = |x: f64| {
        if x > 0.0 {
            x + (-x).exp().ln_1p()
        } else {
            x.exp().ln_1p()
        }
    };
    (-softplus(-eta), -softplus(eta))
}

fn log_likelihood_at(design: &DMatrix<f64>, successes: &[f64], trials: &[f64], beta: &DVector<f64>) -> f64 {
    let eta = design * beta;
    eta.iter()
        .zip(successes.iter().zip(trials))
        .map(|(&e, (&s, &n))| {
            let (lp, lq) = log_p_and_log_q(e);
            let a = if s > 0.0 { s * lp } else { 0.0 };
            let b = if n - s > 0.0 { (n - s) * lq } else { 0.0 };
            a + b
        })
        .sum()
}

fn gradient_and_hessian(
    design: &DMatrix<f64>,
    successes: &[f64],
    trials: &[f64],
    beta: &DVector<f64>,
) -> (DVector<f64>, DMatrix<f64>) {
    let (rows, cols) = design.shape();
    let eta = design * beta;
    let mut residual = DVector::<f64>::zeros(rows);
    let mut weighted = design.clone();
    for i in 0..rows {
        let p = sigmoid(eta[i]);
        residual[i] = successes[i] - trials[i] * p;
        let w = trials[i] * p * (1.0 - p);
        for j in 0..cols {
            weighted[(i, j)] *= w;
        }
    }
    let gradient = design.transpose() * residual;
    let hessian = design.transpose() * weighted;
    (gradient, hessian)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_intercept_only_model_recovers_the_logit_of_the_overall_rate() {
        let design = DMatrix::from_row_slice(2, 1, &[1.0, 1.0]);
        let fit = fit_binomial_logit(&design, &[3.0, 7.0], &[40.0, 60.0], &LogitOptions::default()).expect("fits");
        assert!(fit.converged);
        assert!((fit.coefficients[0] - (0.1f64 / 0.9).ln()).abs() < 1e-12);
        // Var(logit) = 1 / (n p (1-p)) = 1 / 9.
        assert!((fit.std_errors[0] - (1.0f64 / 9.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn a_saturated_two_group_model_reproduces_the_log_odds_ratio() {
        // Group 0: 10/100, group 1: 30/100. Log odds ratio = ln((30/70)/(10/90)).
        let design = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 1.0, 1.0]);
        let fit = fit_binomial_logit(&design, &[10.0, 30.0], &[100.0, 100.0], &LogitOptions::default()).expect("fits");
        let expected = ((30.0f64 / 70.0) / (10.0 / 90.0)).ln();
        assert!((fit.coefficients[1] - expected).abs() < 1e-10);
        assert!((predict(&[1.0, 1.0], &fit.coefficients) - 0.3).abs() < 1e-12);
    }

    #[test]
    fn complete_separation_still_gives_limit_probabilities() {
        let design = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 1.0, 1.0]);
        let fit = fit_binomial_logit(&design, &[5.0, 0.0], &[50.0, 20.0], &LogitOptions::default()).expect("fits");
        assert_eq!(fit.separated_cells, vec![1]);
        assert_eq!(fit.fitted[1], 0.0);
        assert!((fit.fitted[0] - 0.1).abs() < 1e-12);
        assert!(fit.converged, "the refit without the separated cell converges");
        assert!((fit.coefficients[0] - (0.1f64 / 0.9).ln()).abs() < 1e-10);
        assert!(fit.coefficients[1].is_nan(), "not estimable");
    }

    #[test]
    fn a_repeated_column_is_reported_as_aliased() {
        let design = DMatrix::from_row_slice(3, 3, &[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]);
        assert_eq!(aliased_columns(&design, &[1.0, 2.0, 3.0]), vec![2]);
        assert_eq!(
            fit_binomial_logit(&design, &[0.0, 1.0, 1.0], &[1.0, 2.0, 3.0], &LogitOptions::default()),
            Err(LogitError::Singular)
        );
    }

    #[test]
    fn counts_above_trials_are_refused() {
        let design = DMatrix::from_row_slice(1, 1, &[1.0]);
        assert_eq!(
            fit_binomial_logit(&design, &[2.0], &[1.0], &LogitOptions::default()),
            Err(LogitError::BadCounts { row: 0 })
        );
    }
}
