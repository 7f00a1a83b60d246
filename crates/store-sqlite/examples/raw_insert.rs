//! The physical limit for `afklaring import` on SQLite: the same rows inserted raw (bench/peers.sh).
//!
//! `cargo run --release -p store-sqlite --example raw_insert -- DB FILE`
//!
//! Opens an empty store at DB (so the schema, pragmas and triggers are the store's own), then
//! inserts every line of the journal FILE as an `events` row, and one `cases` row per case, in one
//! transaction with prepared statements: the case id, `at` and `type` are cut out of the line
//! as written, seq counts per case, and the hash is a fixed 64-character placeholder. No
//! parsing, validation, canonical writing or hashing. The time runs from the text in memory to
//! the commit, as `afklaring import` reports its own.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(db), Some(file)) = (args.first(), args.get(1)) else {
        eprintln!("usage: raw_insert DB FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("cannot read {file}: {e}")));
    let store = store_sqlite::SqliteStore::open(db).unwrap_or_else(|e| fail(&format!("cannot open {db}: {e}")));
    let conn = store.connection();
    let placeholder = "0".repeat(64);
    let recorded_at = "2025-01-01T00:00:00Z";
    let started = Instant::now();
    let mut events = 0usize;
    let mut cases = 0usize;
    let mut run = || -> rusqlite::Result<()> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        {
            let mut insert = conn.prepare(
                "INSERT INTO events (case_id, seq, at, type, recorded_at, recorded_by, line, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut head = conn.prepare("INSERT INTO cases (case_id, version, head_hash) VALUES (?1, ?2, ?3)")?;
            let mut current = "";
            let mut seq = 0i64;
            for line in text.lines() {
                let case = field(line, "\"case\":\"");
                if case != current {
                    if !current.is_empty() {
                        head.execute(rusqlite::params![current, seq, placeholder])?;
                        cases += 1;
                    }
                    current = case;
                    seq = 0;
                }
                seq += 1;
                insert.execute(rusqlite::params![
                    case,
                    seq,
                    field(line, "\"at\":\""),
                    field(line, "\"type\":\""),
                    recorded_at,
                    "import:raw",
                    line,
                    placeholder
                ])?;
                events += 1;
            }
            if !current.is_empty() {
                head.execute(rusqlite::params![current, seq, placeholder])?;
                cases += 1;
            }
        }
        conn.execute_batch("COMMIT")
    };
    if let Err(e) = run() {
        fail(&format!("insert failed: {e}"));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "raw SQLite insert: {events} events in {cases} cases in {seconds:.2} s: {:.0} events/s",
        events as f64 / seconds
    );
}

/// The string value after `key` in a line as the simulator writes it (no escapes in these fields).
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let Some(start) = line.find(key).map(|i| i + key.len()) else { return "" };
    let end = line[start..].find('"').map_or(line.len(), |i| start + i);
    &line[start..end]
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
