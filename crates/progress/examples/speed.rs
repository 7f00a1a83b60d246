//! Benchmark: worklist for 100,000 synthetic cases and review of 10,000, printing the figures.
//!
//! `cargo run --release -p progress --example speed [-- WORKLIST_CASES REVIEW_CASES]`. Cases
//! come from `sim::for_each_case` (no files); generation is not timed.

use std::time::Instant;

use chrono::NaiveDate;
use journal::Event;
use progress::{Scope, Settings};

fn cases(n: usize, seed: u64) -> Vec<Vec<Event>> {
    let mut out = Vec::with_capacity(n);
    let result: Result<(), std::convert::Infallible> =
        sim::for_each_case(&sim::SimConfig::demo(n, seed), |_, events| {
            out.push(events.to_vec());
            Ok(())
        });
    if let Err(never) = result {
        match never {}
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().unwrap_or(0));
    let worklist_cases = args.next().filter(|n| *n > 0).unwrap_or(100_000);
    let review_cases = args.next().filter(|n| *n > 0).unwrap_or(10_000);
    let as_of = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
    let settings = Settings::default();
    println!("threads: {}", rayon::current_num_threads());

    let all = cases(worklist_cases, 7);
    let events: usize = all.iter().map(Vec::len).sum();
    let start = Instant::now();
    let items = progress::worklist(&all, as_of, &Scope::All, &settings);
    let took = start.elapsed();
    println!(
        "worklist: {} cases, {events} events, {} items as of {as_of} in {:.2} s ({:.1} µs/case)",
        all.len(),
        items.len(),
        took.as_secs_f64(),
        took.as_secs_f64() * 1e6 / all.len() as f64
    );
    let mut by_rule = std::collections::BTreeMap::new();
    for item in &items {
        *by_rule.entry(item.rule).or_insert(0usize) += 1;
    }
    for (rule, n) in by_rule {
        println!("  {rule}: {n}");
    }

    let some: Vec<Vec<Event>> = all.into_iter().take(review_cases).collect();
    // The simulation runs to 2024: review when every case exists and most are decided.
    let review_as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let start = Instant::now();
    let reviews = progress::review(&some, review_as_of, &settings);
    let took = start.elapsed();
    let decided = reviews.iter().filter(|r| r.decided.is_some()).count();
    let sufficient = reviews.iter().filter(|r| r.earliest_sufficient.is_some()).count();
    println!(
        "review: {} cases ({decided} decided, {sufficient} with an earliest sufficient date) in {:.2} s ({:.1} µs/case)",
        reviews.len(),
        took.as_secs_f64(),
        took.as_secs_f64() * 1e6 / reviews.len().max(1) as f64
    );
    let start = Instant::now();
    let t =
        progress::timeliness(&some, NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default(), as_of, None, &settings);
    println!(
        "timeliness: {} caseworkers, {} units in {:.2} s",
        t.caseworkers.len(),
        t.units.len(),
        start.elapsed().as_secs_f64()
    );
}
