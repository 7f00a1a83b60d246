//! Times indicators and the benchmark on a simulated country: `cargo run --release -p analytics --example country_speed -- [cases] [year]`.
//!
//! The target: 300,000 cases in under 30 s on the 2-core machine. Parsing the
//! journal text is timed separately from the analysis, since the binary reads from a store.

use analytics::benchmark::{benchmark, BenchmarkOptions};
use analytics::indicators::{indicators, IndicatorOptions};
use analytics::{person_records, project_cases, Outcome, PopulationTable};
use chrono::NaiveDate;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300_000);
    let year: i32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2019);
    let cfg = sim::SimConfig::country(cases, 7);

    let started = Instant::now();
    let mut text = Vec::new();
    if let Err(e) = sim::write_journal(&cfg, &mut text) {
        eprintln!("simulation failed: {e}");
        return;
    }
    let text = String::from_utf8(text).unwrap_or_default();
    let population_csv = sim::population_table(&cfg);
    println!("simulated {cases} cases ({} MB) in {:.2} s", text.len() / 1_000_000, started.elapsed().as_secs_f64());

    let started = Instant::now();
    let events = match journal::parse_journal(&text) {
        Ok(events) => events,
        Err(e) => {
            eprintln!("journal does not parse: {e}");
            return;
        }
    };
    let population = match PopulationTable::parse_csv(&population_csv) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("population does not parse: {e}");
            return;
        }
    };
    println!("parsed {} events in {:.2} s", events.len(), started.elapsed().as_secs_f64());

    let analysis = Instant::now();
    let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
    let states = project_cases(&events, Some(as_of));
    println!("projected {} cases in {:.2} s", states.len(), analysis.elapsed().as_secs_f64());

    let started = Instant::now();
    let report = indicators(&states, &population, year, as_of, &IndicatorOptions::default());
    println!("{} indicators in {:.2} s", report.indicators.len(), started.elapsed().as_secs_f64());

    for outcome in [Outcome::Foertidspension, Outcome::Fleksjob] {
        let started = Instant::now();
        let extracted = person_records(&states, year, outcome);
        match benchmark(&extracted.records, &population, year, &BenchmarkOptions::default()) {
            Ok(result) => {
                println!(
                    "benchmark {outcome:?} {year}: {} records, {} cells, {} steps, in {:.2} s",
                    extracted.records.len(),
                    result.model.cells,
                    result.model.iterations,
                    started.elapsed().as_secs_f64()
                );
                println!(
                    "  converged {} ll {} notes {:?}",
                    result.model.converged, result.model.log_likelihood, result.notes
                );
                for c in &result.model.coefficients {
                    println!("    {} {:.4} ({:.4})", c.name, c.estimate, c.std_error);
                }
                for row in &result.municipalities {
                    println!(
                        "  {} rank {} actual {} expected {:.1} ratio {:.2} [{:.2}, {:.2}] small {}",
                        row.municipality,
                        row.rank,
                        row.actual,
                        row.expected,
                        row.ratio.unwrap_or(f64::NAN),
                        row.ci_low.unwrap_or(f64::NAN),
                        row.ci_high.unwrap_or(f64::NAN),
                        row.small
                    );
                }
            }
            Err(e) => println!("benchmark {outcome:?}: {e}"),
        }
    }
    println!("analysis (projection, indicators, two benchmarks) took {:.2} s", analysis.elapsed().as_secs_f64());
}
