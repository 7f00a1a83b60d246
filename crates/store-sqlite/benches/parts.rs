//! Where import time goes: parse, canonical write, check, hash, each timed alone over the same journal.
use std::time::Instant;
fn main() {
    let mut out = Vec::new();
    sim::write_journal(
        &sim::SimConfig::demo(std::env::var("CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(10_000), 1),
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len() as f64;
    if std::env::var("PARSE_ONLY").is_ok() {
        let t = Instant::now();
        let count = lines.iter().filter(|l| journal::parse_line(1, l).is_ok()).count();
        println!("parse only {count} {:>10.0}/s", n / t.elapsed().as_secs_f64());
        return;
    }
    let t = Instant::now();
    let events: Vec<journal::Event> = lines.iter().map(|l| journal::parse_line(1, l).unwrap()).collect();
    println!("parse_line   {:>10.0}/s", n / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let written: Vec<String> = events.iter().map(journal::write_event).collect();
    println!("write_event  {:>10.0}/s", n / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut checker = journal::Checker::default();
    for e in &events {
        assert!(checker.check(1, e).is_empty());
    }
    println!("check        {:>10.0}/s", n / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut h = String::new();
    for (i, w) in written.iter().enumerate() {
        h = store::chain_hash(&h, "K101-000001", i as u64, "2026-01-01T00:00:00.000000Z", "import:x", w);
    }
    println!("chain_hash   {:>10.0}/s", n / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut c = 0;
    let mut start = 0;
    for i in 1..=events.len() {
        if i == events.len() || events[i].case != events[start].case {
            c += journal::CaseState::fold(&events[start..i], None).unwrap().event_count;
            start = i;
        }
    }
    println!("fold         {:>10.0}/s ({c})", n / t.elapsed().as_secs_f64());
}
