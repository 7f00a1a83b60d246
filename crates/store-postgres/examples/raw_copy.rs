//! The physical limit for `afklaring import` on PostgreSQL: the same rows copied in raw (bench/peers.sh).
//!
//! `cargo run --release -p store-postgres --example raw_copy -- 'postgres://…?schema=NAME' FILE`
//!
//! Opens an empty store in the schema (so the tables, keys and triggers are the store's own),
//! then sends every line of the journal FILE as an `events` row with COPY, as the store's import
//! does, and one `cases` row per case, in one transaction: the case id, `at` and `type` are cut
//! out of the line as written, seq counts per case, and the hash is a fixed 64-character
//! placeholder. No parsing, validation, canonical writing or hashing. The time runs from the text
//! in memory to the commit, as `afklaring import` reports its own.

use std::io::Write;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(url), Some(file)) = (args.first(), args.get(1)) else {
        eprintln!("usage: raw_copy 'postgres://…?schema=NAME' FILE");
        std::process::exit(2);
    };
    let (base, schema) = match url.split_once("?schema=") {
        Some((base, schema)) => (base.to_string(), schema.to_string()),
        None => fail("the URL needs ?schema=NAME"),
    };
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("cannot read {file}: {e}")));
    drop(store_postgres::PostgresStore::open(url).unwrap_or_else(|e| fail(&format!("cannot open {url}: {e}"))));
    let mut client =
        postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| fail(&format!("cannot connect: {e}")));
    let placeholder = "0".repeat(64);
    let recorded_at = "2025-01-01T00:00:00Z";
    let started = Instant::now();
    let mut events = 0usize;
    let mut heads: Vec<(&str, i64)> = Vec::new();
    let mut run = || -> Result<(), Box<dyn std::error::Error>> {
        let mut tx = client.transaction()?;
        tx.batch_execute(&format!("SET LOCAL search_path TO \"{schema}\""))?;
        let mut copy =
            tx.copy_in("COPY events (case_id, seq, at, type, recorded_at, recorded_by, line, hash) FROM STDIN")?;
        let mut buffer: Vec<u8> = Vec::with_capacity(1 << 20);
        for line in text.lines() {
            let case = field(line, "\"case\":\"");
            match heads.last_mut() {
                Some((current, seq)) if *current == case => *seq += 1,
                _ => heads.push((case, 1)),
            }
            let seq = heads.last().map_or(1, |h| h.1).to_string();
            let fields =
                [case, &seq, field(line, "\"at\":\""), field(line, "\"type\":\""), recorded_at, "import:raw", line];
            for value in fields {
                escape(&mut buffer, value);
                buffer.push(b'\t');
            }
            buffer.extend_from_slice(placeholder.as_bytes());
            buffer.push(b'\n');
            events += 1;
            if buffer.len() >= 1 << 20 {
                copy.write_all(&buffer)?;
                buffer.clear();
            }
        }
        copy.write_all(&buffer)?;
        copy.finish()?;
        let ids: Vec<&str> = heads.iter().map(|h| h.0).collect();
        let versions: Vec<i64> = heads.iter().map(|h| h.1).collect();
        let hashes: Vec<&str> = heads.iter().map(|_| placeholder.as_str()).collect();
        tx.execute(
            "INSERT INTO cases (case_id, version, head_hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])",
            &[&ids, &versions, &hashes],
        )?;
        tx.commit()?;
        Ok(())
    };
    if let Err(e) = run() {
        fail(&format!("copy failed: {e}"));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "raw PostgreSQL COPY: {events} events in {} cases in {seconds:.2} s: {:.0} events/s",
        heads.len(),
        events as f64 / seconds
    );
}

/// The string value after `key` in a line as the simulator writes it (no escapes in these fields).
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let Some(start) = line.find(key).map(|i| i + key.len()) else { return "" };
    let end = line[start..].find('"').map_or(line.len(), |i| start + i);
    &line[start..end]
}

/// Appends one field in COPY's text format.
fn escape(out: &mut Vec<u8>, value: &str) {
    for byte in value.bytes() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            other => out.push(other),
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
