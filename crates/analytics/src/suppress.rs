//! Small-cell suppression for everything an analyst sees: counts from 1 to 4 are never shown, nor rates built on them.
//!
//! The rule (used by every aggregate view, table and chart in the product):
//! - a count `c` with `0 < c < MIN_CELL_COUNT` (i.e. 1-4 people) is **suppressed**;
//!   0 is shown (it tells nothing about any one person beyond the group being empty);
//! - a rate or share is suppressed when its numerator or its denominator is suppressed;
//! - in a distribution (counts that add up to a shown total) a single suppressed cell
//!   could be recovered by subtraction, so the next smallest non-zero cell is suppressed
//!   too (secondary suppression).
//!
//! The threshold is 5, stricter than Jobindsats' discretion rule in the 2018 report
//! (counts below 3 printed as 0, metrics.md "Discretion rule"), because our views can be
//! cut by unit and caseworker, so cells get small quickly. Analysts see aggregates only;
//! case-level views are for caseworkers with access to the case.

use serde::Serialize;

/// Counts below this (and above 0) are suppressed.
pub const MIN_CELL_COUNT: f64 = 5.0;

/// Whether a count must be hidden.
pub fn is_suppressed(count: f64) -> bool {
    count > 0.0 && count < MIN_CELL_COUNT
}

/// A count as an analyst may see it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShownCount {
    /// The count, or `None` when suppressed.
    pub value: Option<f64>,
    /// Whether it was suppressed.
    pub suppressed: bool,
}

/// A rate (numerator / denominator * per) as an analyst may see it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShownRate {
    /// Numerator, or `None` when suppressed.
    pub numerator: Option<f64>,
    /// Denominator, or `None` when suppressed.
    pub denominator: Option<f64>,
    /// The rate, or `None` when suppressed or the denominator is 0.
    pub value: Option<f64>,
    /// Whether anything was suppressed.
    pub suppressed: bool,
}

/// Applies the rule to one count.
pub fn count(value: f64) -> ShownCount {
    let suppressed = is_suppressed(value);
    ShownCount { value: (!suppressed).then_some(value), suppressed }
}

/// Applies the rule to a rate: `numerator / denominator * per` (e.g. `per = 10_000.0`
/// for "per 10,000 inhabitants", `100.0` for percent).
pub fn rate(numerator: f64, denominator: f64, per: f64) -> ShownRate {
    let suppressed = is_suppressed(numerator) || is_suppressed(denominator);
    if suppressed {
        return ShownRate { numerator: None, denominator: None, value: None, suppressed };
    }
    ShownRate {
        numerator: Some(numerator),
        denominator: Some(denominator),
        value: (denominator > 0.0).then(|| numerator / denominator * per),
        suppressed,
    }
}

/// Applies the rule to the parts of a distribution whose total is shown, with secondary
/// suppression so no hidden cell can be recovered by subtraction.
pub fn distribution(counts: &[f64]) -> Vec<ShownCount> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| is_suppressed(c)).collect();
    if hidden.iter().filter(|&&h| h).count() == 1 {
        let next = counts
            .iter()
            .enumerate()
            .filter(|(i, &c)| !hidden[*i] && c > 0.0)
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i);
        if let Some(i) = next {
            hidden[i] = true;
        }
    }
    counts.iter().zip(hidden).map(|(&c, h)| ShownCount { value: (!h).then_some(c), suppressed: h }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_to_four_are_hidden_and_zero_and_five_are_shown() {
        assert_eq!(count(0.0).value, Some(0.0));
        for c in 1..5 {
            assert!(count(f64::from(c)).suppressed);
        }
        assert_eq!(count(5.0).value, Some(5.0));
    }

    #[test]
    fn a_rate_on_a_hidden_numerator_is_hidden() {
        let r = rate(3.0, 10_000.0, 10_000.0);
        assert!(r.suppressed);
        assert_eq!(r.value, None);
        let shown = rate(12.0, 40_000.0, 10_000.0);
        assert!((shown.value.expect("shown") - 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_lone_hidden_cell_takes_the_next_smallest_with_it() {
        let shown = distribution(&[40.0, 2.0, 9.0, 0.0, 30.0]);
        let hidden: Vec<bool> = shown.iter().map(|s| s.suppressed).collect();
        assert_eq!(hidden, vec![false, true, true, false, false]);
    }
}
