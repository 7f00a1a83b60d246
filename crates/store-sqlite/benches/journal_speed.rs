//! Import and fold speed on SQLite, with baselines measured in the same run:
//! `cargo bench -p store-sqlite --bench journal_speed [-- EVENTS]` (default 1,000,000 events).
//!
//! Import: a simulated journal through validation, idempotency planning, hashing and insertion,
//! against the baseline of inserting the same lines raw (no validation, no hashing).
//! Fold: every case read back and folded into its projection, against the baseline of reading
//! the same rows without decoding them.

use journal::CaseState;
use rayon::prelude::*;
use std::time::Instant;
use store::EventStore;
use store_sqlite::SqliteStore;

/// The allocator the afklaring binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let target: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    // The simulator writes about 29 events per case.
    let mut cases = (target / 29).max(1);
    let mut text = journal_text(cases);
    while text.lines().count() < target {
        cases = cases * 11 / 10 + 1;
        text = journal_text(cases);
    }
    let events = text.lines().count();
    println!("journal: {cases} cases, {events} events, {} MB", text.len() / 1_000_000);

    let dir = tempfile::tempdir().expect("temp dir");
    let raw = raw_insert_seconds(&dir.path().join("raw.db"), &text);
    println!("baseline raw insert (no validation, no hash): {:>10.0} events/s", events as f64 / raw);

    let path = dir.path().join("bench.db");
    let mut store = SqliteStore::open(&path).expect("open");
    let started = Instant::now();
    let report = store.import(&text, "bench").expect("import");
    let import = started.elapsed().as_secs_f64();
    assert_eq!(report.appended, events);
    println!(
        "import (validate, plan, hash, insert):       {:>10.0} events/s  ({import:.2} s; {:.0}% of raw insert speed)",
        events as f64 / import,
        100.0 * raw / import
    );

    let started = Instant::now();
    let mut rows = 0usize;
    let mut stmt = store.connection().prepare("SELECT line FROM events ORDER BY case_id, seq").unwrap();
    let mut query = stmt.query([]).unwrap();
    while let Some(row) = query.next().unwrap() {
        rows += row.get_ref(0).unwrap().as_bytes().unwrap().len().min(1);
    }
    let read = started.elapsed().as_secs_f64();
    println!("baseline read rows (no decoding):            {:>10.0} events/s", rows as f64 / read);

    let started = Instant::now();
    let mut decoded = 0usize;
    store.scan(&mut |_, case_events| decoded += case_events.len()).expect("scan");
    let scan = started.elapsed().as_secs_f64();
    println!("scan (read and decode, no fold):             {:>10.0} events/s", decoded as f64 / scan);

    // As the CLI folds: cases come from scan (decoded in parallel in the background while reading
    // goes on), and each batch of 4,096 cases is folded in parallel, the events moved into the states.
    let started = Instant::now();
    let mut states: Vec<CaseState> = Vec::new();
    let mut batch: Vec<Vec<journal::Event>> = Vec::new();
    let fold_batch = |batch: &mut Vec<Vec<journal::Event>>, states: &mut Vec<CaseState>| {
        let cases = std::mem::take(batch);
        states.par_extend(
            cases.into_par_iter().map(|events| CaseState::fold_owned(events, None).expect("a case has events")),
        );
    };
    store
        .scan(&mut |_, case_events| {
            batch.push(case_events);
            if batch.len() >= 4096 {
                fold_batch(&mut batch, &mut states);
            }
        })
        .expect("scan");
    fold_batch(&mut batch, &mut states);
    let folded: usize = states.iter().map(|s| s.event_count).sum();
    let fold = started.elapsed().as_secs_f64();
    assert_eq!(folded, events);
    println!(
        "fold all cases from the database:            {:>10.0} events/s  ({fold:.2} s; {:.1}x the raw read time)",
        events as f64 / fold,
        fold / read
    );
}

fn journal_text(cases: usize) -> String {
    let mut out = Vec::new();
    sim::write_journal(&sim::SimConfig::demo(cases, 1), &mut out).expect("simulate");
    String::from_utf8(out).expect("utf-8")
}

fn raw_insert_seconds(path: &std::path::Path, text: &str) -> f64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE events (case_id TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL,
                              PRIMARY KEY (case_id, seq)) WITHOUT ROWID;",
    )
    .unwrap();
    let started = Instant::now();
    conn.execute_batch("BEGIN").unwrap();
    {
        let mut insert = conn.prepare("INSERT INTO events (case_id, seq, line) VALUES (?1, ?2, ?3)").unwrap();
        for (seq, line) in text.lines().enumerate() {
            // The case id is the first field the simulator writes.
            let case = &line[9..line[9..].find('"').map_or(9, |i| 9 + i)];
            insert.execute(rusqlite::params![case, seq as i64, line]).unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    started.elapsed().as_secs_f64()
}
