//! What the subcommands share: the database argument, opening the store it names, reading cases.

use anyhow::Context;
use journal::{CaseId, Event};
use std::path::PathBuf;
use store::EventStore;

/// The database to use: a SQLite file path (default `afklaring.db`), or a `postgres://` URL.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// Database: a SQLite file (created if missing) or a postgres:// URL.
    #[arg(long, env = "AFKLARING_DB", default_value = "afklaring.db")]
    pub db: String,
}

/// Opens the store the database argument names.
pub fn open_store(db: &str) -> anyhow::Result<Box<dyn EventStore>> {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        // The URL may carry a password: the store's error names host, port and database instead.
        let store = store_postgres::PostgresStore::open(db).context("opening the PostgreSQL database")?;
        return Ok(Box::new(store));
    }
    let path = db.strip_prefix("sqlite://").unwrap_or(db);
    let store = store_sqlite::SqliteStore::open(path).with_context(|| format!("opening the database {path}"))?;
    Ok(Box::new(store))
}

/// Parses a case id given on the command line.
pub fn case_id(text: &str) -> anyhow::Result<CaseId> {
    CaseId::parse(text).with_context(|| format!("{text:?} is not a case id: expected {}", CaseId::EXPECTED))
}

/// Parses a date given on the command line.
pub fn date(text: &str) -> anyhow::Result<chrono::NaiveDate> {
    journal::parse_date(text).with_context(|| format!("{text:?} is not a date: expected YYYY-MM-DD"))
}

/// Reads every event, from a journal file if one is given, else from the database.
pub fn load_events(db: &str, journal_path: Option<&PathBuf>) -> anyhow::Result<Vec<Event>> {
    match journal_path {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            journal::parse_journal(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
        }
        None => {
            let store = open_store(db)?;
            let mut events = Vec::new();
            store.scan(&mut |_, mut case| events.append(&mut case)).context("reading the cases")?;
            Ok(events)
        }
    }
}

/// Loads one case's events, or fails with a clear message if there is no such case.
pub fn load_case(store: &dyn EventStore, case: &CaseId) -> anyhow::Result<Vec<Event>> {
    let stored = store.load(case).with_context(|| format!("reading case {case}"))?;
    anyhow::ensure!(!stored.is_empty(), "no case with id {case}");
    Ok(stored.into_iter().map(|s| s.event).collect())
}
