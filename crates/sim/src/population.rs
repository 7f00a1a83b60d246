//! The population table (spec "Population table"): inhabitants per municipality, year, age band and sex.

use crate::profile::SimConfig;
use chrono::Datelike;
use std::fmt::Write;

/// The age bands of the population table, inclusive, covering 16–66.
pub const AGE_BANDS: [(u32, u32); 12] = [
    (16, 17),
    (18, 19),
    (20, 24),
    (25, 29),
    (30, 34),
    (35, 39),
    (40, 44),
    (45, 49),
    (50, 54),
    (55, 59),
    (60, 64),
    (65, 66),
];

/// The population of every municipality in `cfg`, as CSV with the header
/// `municipality,year,age_from,age_to,sex,count`, one row per year, age band and sex (`M`, `K`).
///
/// Sizes follow the case counts: a municipality's 16–66 population is its cases ×
/// 1,000 / `cases_per_1000`, growing 0.4 % a year; the age profile follows `young_share`
/// (the share under 40), and the sexes are split evenly. Cases are therefore a few per cent of the
/// population, as the simulated citizens are the udsatte among all inhabitants.
pub fn population_table(cfg: &SimConfig) -> String {
    let mut out = String::from("municipality,year,age_from,age_to,sex,count\n");
    let first = cfg.start.year();
    let last = cfg.end.year().max(first);
    let middle = f64::from(first + last) / 2.0;
    for (profile, cases) in cfg.municipalities.iter().zip(cfg.case_counts()) {
        let per_1000 = if profile.cases_per_1000 > 0.0 { profile.cases_per_1000 } else { 40.0 };
        let base = (cases as f64 * 1000.0 / per_1000).max(100.0);
        for year in first..=last {
            let total = base * (1.0 + 0.004 * (f64::from(year) - middle));
            for &(from, to) in &AGE_BANDS {
                let share: f64 = (from..=to).map(|age| age_density(profile.young_share, age)).sum();
                let band = total * share;
                let men = (band * 0.5).round() as u64;
                let women = (band * 0.5).round() as u64;
                for (sex, count) in [("M", men), ("K", women)] {
                    let _ = writeln!(out, "{},{year},{from},{to},{sex},{count}", profile.code);
                }
            }
        }
    }
    out
}

/// Share of the 16–66 population at one year of age, given the share under 40: flat within
/// 16–39 and within 40–66. Sums to 1 over 16–66.
pub(crate) fn age_density(young_share: f64, age: u32) -> f64 {
    let young = young_share.clamp(0.05, 0.95);
    match age {
        16..=39 => young / 24.0,
        40..=66 => (1.0 - young) / 27.0,
        _ => 0.0,
    }
}
