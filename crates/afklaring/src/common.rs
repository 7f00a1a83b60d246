//! What the subcommands share: the database argument, opening the store it names, reading cases.

use anyhow::Context;
use journal::{CaseId, Event};
use std::path::PathBuf;
use store::{Database, StoreResult};

/// The database to use: a SQLite file path (default `afklaring.db`), or a `postgres://` URL.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// Database: a SQLite file (created if missing) or a postgres:// URL.
    #[arg(long, env = "AFKLARING_DB", default_value = "afklaring.db")]
    pub db: String,
}

/// Opens the store the database argument names: a `postgres://` URL, or a SQLite file path.
pub fn open_database(db: &str) -> StoreResult<Box<dyn Database>> {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        return Ok(Box::new(store_postgres::PostgresStore::open(db)?));
    }
    let path = db.strip_prefix("sqlite://").unwrap_or(db);
    Ok(Box::new(store_sqlite::SqliteStore::open(path)?))
}

/// Opens the store the database argument names, with a message that says which.
/// Staff display names by actor id, from the users the web application knows (citizens left out).
pub fn staff_names(store: &dyn Database) -> anyhow::Result<std::collections::HashMap<String, String>> {
    Ok(store::accounts::staff_names(&store.users().context("reading the users")?))
}

/// The database as it may be printed: a password in a URL (`user:secret@`, `password=secret`) masked.
pub fn shown_db(db: &str) -> String {
    let mut shown = db.to_owned();
    if let Some((scheme, rest)) = db.split_once("://") {
        if let Some((credentials, host)) = rest.split_once('@') {
            if let Some((user, _)) = credentials.split_once(':') {
                shown = format!("{scheme}://{user}:***@{host}");
            }
        }
    }
    let parts: Vec<String> = shown
        .split(['&', '?', ' '])
        .filter_map(|part| part.strip_prefix("password=").map(|secret| secret.to_owned()))
        .collect();
    for secret in parts.iter().filter(|s| !s.is_empty()) {
        shown = shown.replace(&format!("password={secret}"), "password=***");
    }
    shown
}

pub fn open_store(db: &str) -> anyhow::Result<Box<dyn Database>> {
    // A URL may carry a password: the store's own error names host, port and database instead.
    let what = if db.contains("://") && !db.starts_with("sqlite://") { "the PostgreSQL database" } else { db };
    open_database(db).with_context(|| format!("opening {what}"))
}

/// Records in the access log that the person at the command line read personal data: of one case,
/// or of every case (`None`).
pub fn log_read(store: &mut dyn Database, case: Option<&CaseId>, what: &str) -> anyhow::Result<()> {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "ukendt".into());
    let entry = store::accounts::AccessEntry {
        at: chrono::Utc::now(),
        user_id: format!("cli:{user}"),
        role: store::accounts::Role::Admin,
        case: case.cloned(),
        what: what.to_owned(),
        purpose: "kommandolinje".to_owned(),
    };
    store.log_access(&[entry]).context("writing the access log")
}

/// Parses a case id given on the command line.
pub fn case_id(text: &str) -> anyhow::Result<CaseId> {
    CaseId::parse(text).with_context(|| format!("{text:?} is not a case id: expected {}", CaseId::EXPECTED))
}

/// Parses a date given on the command line.
pub fn date(text: &str) -> anyhow::Result<chrono::NaiveDate> {
    journal::parse_date(text).with_context(|| format!("{text:?} is not a date: expected YYYY-MM-DD"))
}

/// How many cases are handed over together when reading every case.
pub const CASE_BATCH: usize = 4_096;

/// Visits every case's events in batches of up to [`CASE_BATCH`] cases, reading the database case by
/// case (or a journal file, if one is given), so memory holds one batch rather than every event.
pub fn for_each_case_batch(
    db: &str,
    journal_path: Option<&PathBuf>,
    mut visit: impl FnMut(Vec<Vec<Event>>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = journal_path {
        use rayon::prelude::*;
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        // Check the whole file first (every problem is listed), keeping each case's lines rather
        // than its decoded events: the file text plus a slice per line instead of every event.
        let mut index: std::collections::HashMap<CaseId, usize> = std::collections::HashMap::new();
        let mut cases: Vec<Vec<&str>> = Vec::new();
        journal::check_journal_each(&text, &mut journal::Checker::default(), |line, event| {
            let slot = *index.entry(event.case).or_insert_with(|| {
                cases.push(Vec::new());
                cases.len() - 1
            });
            cases[slot].push(line);
        })
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        drop(index);
        for chunk in cases.chunks(CASE_BATCH) {
            let batch = chunk
                .par_iter()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|line| {
                            journal::parse_line(1, line)
                                .map_err(|p| anyhow::anyhow!("a checked line no longer parses: {}", p[0]))
                        })
                        .collect::<anyhow::Result<Vec<Event>>>()
                })
                .collect::<anyhow::Result<Vec<Vec<Event>>>>()?;
            visit(batch)?;
        }
        return Ok(());
    }
    let store = open_store(db)?;
    let mut batch: Vec<Vec<Event>> = Vec::with_capacity(CASE_BATCH);
    let mut failed: Option<anyhow::Error> = None;
    store
        .scan(&mut |_, events| {
            if failed.is_some() {
                return;
            }
            batch.push(events);
            if batch.len() >= CASE_BATCH {
                if let Err(error) = visit(std::mem::take(&mut batch)) {
                    failed = Some(error);
                }
            }
        })
        .context("reading the cases")?;
    if let Some(error) = failed {
        return Err(error);
    }
    if !batch.is_empty() {
        visit(batch)?;
    }
    Ok(())
}

/// The benchmark's person records for a year (cases folded as of 31 December), read batch by batch
/// so only the small records are kept.
pub fn benchmark_records(
    db: &str,
    journal_path: Option<&PathBuf>,
    year: i32,
    outcome: analytics::Outcome,
) -> anyhow::Result<analytics::ExtractedRecords> {
    let end_of_year = chrono::NaiveDate::from_ymd_opt(year, 12, 31).with_context(|| format!("no such year {year}"))?;
    let mut extracted = analytics::ExtractedRecords::empty(year);
    for_each_case_batch(db, journal_path, |batch| {
        extracted.append(year_records(&batch, end_of_year, outcome));
        Ok(())
    })?;
    Ok(extracted)
}

/// The person records of one batch of cases for the year that ends on `end_of_year`.
pub fn year_records(
    batch: &[Vec<Event>],
    end_of_year: chrono::NaiveDate,
    outcome: analytics::Outcome,
) -> analytics::ExtractedRecords {
    use chrono::Datelike;
    use rayon::prelude::*;
    let states: Vec<journal::CaseState> =
        batch.par_iter().filter_map(|events| journal::CaseState::fold(events, Some(end_of_year))).collect();
    analytics::person_records(&states, end_of_year.year(), outcome)
}

/// Loads one case's events, or fails with a clear message if there is no such case.
pub fn load_case(store: &dyn Database, case: &CaseId) -> anyhow::Result<Vec<Event>> {
    let stored = store.load(case).with_context(|| format!("reading case {case}"))?;
    anyhow::ensure!(!stored.is_empty(), "no case with id {case}");
    Ok(stored.into_iter().map(|s| s.event).collect())
}

#[cfg(test)]
mod tests {
    use super::shown_db;

    #[test]
    fn a_password_in_the_database_url_is_never_printed() {
        assert_eq!(shown_db("postgres://anna:hemmelig@db:5432/x?schema=a"), "postgres://anna:***@db:5432/x?schema=a");
        assert_eq!(shown_db("postgres://db/x?user=anna&password=hemmelig"), "postgres://db/x?user=anna&password=***");
        assert_eq!(shown_db("host=db password=hemmelig dbname=x"), "host=db password=*** dbname=x");
        assert_eq!(shown_db("afklaring.db"), "afklaring.db");
        assert_eq!(shown_db("postgres://anna@db/x"), "postgres://anna@db/x");
    }
}
