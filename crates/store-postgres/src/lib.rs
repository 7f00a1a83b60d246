//! The production event store on PostgreSQL: append-only (triggers refuse UPDATE and DELETE on events),
//! hash-chained per case, with optimistic concurrency on each case's version under real concurrent
//! transactions, and one schema per store so stores (and tests) can share a database.
//!
//! Concurrency: `append` locks the case's head row (`SELECT … FOR UPDATE`) and compares its version;
//! a new case's head row is inserted first (`ON CONFLICT DO NOTHING`), so two creators of one case
//! queue on that row and the second sees the first's version. `import` locks the head table against
//! writers for its one transaction, so its plan is checked against exactly what it writes after.
//! Reads that walk many cases (`scan`, `export`, `verify`) run in one read-only snapshot and fetch
//! rows in batches from a portal, so memory does not grow with the store.
//!
//! The same schema keeps the web application's users, sessions and access log (the
//! [`AccountStore`](store::accounts::AccountStore)); triggers refuse UPDATE, DELETE and TRUNCATE on
//! the access log as on the events.

mod accounts;
pub mod scratch;
mod tls;

use chrono::{SecondsFormat, Utc};
use journal::{CaseId, Event};
use postgres::types::ToSql;
use postgres::{Client, Config, IsolationLevel, Row, Transaction};
use std::cell::{RefCell, RefMut};
use std::collections::HashMap;
use std::io::Write;
use std::str::FromStr;
use store::{
    chain_hash, check_append, decode_stored, CaseAssembler, ChainVerifier, EventStore, ImportReport, StoreError,
    StoreResult, StoredEvent, VerifyReport, GENESIS_HASH,
};

/// The schema a store uses when the URL names none.
pub const DEFAULT_SCHEMA: &str = "public";

/// An event store in one schema of a PostgreSQL database.
pub struct PostgresStore {
    // The trait reads through `&self`; the connection needs `&mut`. A handle is used by one thread.
    client: RefCell<Client>,
    schema: String,
    // The connection string without the schema, to reconnect after the connection was lost.
    url: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("schema", &self.schema).finish()
    }
}

impl PostgresStore {
    /// Opens the store a `postgres://` URL names, creating its schema and running pending migrations.
    /// A `schema=NAME` query parameter picks the schema (default [`DEFAULT_SCHEMA`]); every other
    /// parameter is PostgreSQL's own (e.g. `sslmode`, `connect_timeout`).
    pub fn open(url: &str) -> StoreResult<Self> {
        let (url, schema) = split_schema(url);
        Self::open_in_schema(&url, schema.as_deref().unwrap_or(DEFAULT_SCHEMA))
    }

    /// Opens the store in `schema` of the database `url` names (a URL or a `key=value` string).
    pub fn open_in_schema(url: &str, schema: &str) -> StoreResult<Self> {
        if schema.is_empty() {
            return Err(StoreError::Backend("the schema name is empty".to_owned()));
        }
        let mut client = connect_to_schema(url, schema)?;
        migrate(&mut client, schema)?;
        Ok(PostgresStore { client: RefCell::new(client), schema: schema.to_owned(), url: url.to_owned() })
    }

    /// The schema this store lives in.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// Runs `work` on the underlying connection (its search path is the store's schema), for tests
    /// and tools that need to reach behind the store's back.
    pub fn with_client<T>(&self, work: impl FnOnce(&mut Client) -> T) -> StoreResult<T> {
        let mut client = self.client()?;
        Ok(work(&mut client))
    }

    fn client(&self) -> StoreResult<RefMut<'_, Client>> {
        let mut client = self.client.try_borrow_mut().map_err(|_| {
            StoreError::Backend("this store handle is busy (called from inside its own scan or export)".to_owned())
        })?;
        if client.is_closed() {
            *client = connect_to_schema(&self.url, &self.schema)?;
        }
        Ok(client)
    }

    fn client_mut(&mut self) -> StoreResult<&mut Client> {
        let client = self.client.get_mut();
        if client.is_closed() {
            *client = connect_to_schema(&self.url, &self.schema)?;
        }
        Ok(client)
    }
}

/// Connects with the store's schema as the search path. A handle whose connection was lost (the
/// server restarted, an idle connection was cut) connects again on its next call, so long-lived
/// handles (a web server's pool) recover; the call that met the loss fails as a backend error.
fn connect_to_schema(url: &str, schema: &str) -> StoreResult<Client> {
    let mut client = connect(url)?;
    client.batch_execute(&format!("SET search_path TO {}", quote_ident(schema))).map_err(backend)?;
    Ok(client)
}

/// Splits a `schema=NAME` query parameter off a `postgres://` URL: (URL without it, schema).
pub fn split_schema(url: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), None);
    };
    let mut schema = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        match pair.strip_prefix("schema=") {
            Some(name) => schema = Some(name.to_owned()),
            None => kept.push(pair),
        }
    }
    let url = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
    (url, schema)
}

/// The migrations, in order; the schema's `schema_migrations` table records which have run.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_events", include_str!("../migrations/0001_events.sql")),
    ("0002_accounts", include_str!("../migrations/0002_accounts.sql")),
];

/// Rows fetched from a portal at a time by the reads that walk the whole store.
const BATCH: i32 = 5_000;

fn connect(url: &str) -> StoreResult<Client> {
    let (url, verify) = tls::split_tls(url)?;
    let mut config = Config::from_str(&url)
        .map_err(|error| StoreError::Backend(format!("not a PostgreSQL connection string: {error}")))?;
    if config.get_application_name().is_none() {
        config.application_name("afklaring");
    }
    config.connect(tls::connector(&verify)?).map_err(|error| {
        let hosts: Vec<String> = config
            .get_hosts()
            .iter()
            .map(|host| match host {
                postgres::config::Host::Tcp(name) => name.clone(),
                postgres::config::Host::Unix(path) => path.display().to_string(),
            })
            .collect();
        // The cause (e.g. why a certificate was refused) sits below the top-level message.
        let mut reason = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            reason.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        StoreError::Backend(format!(
            "cannot connect to PostgreSQL (host {}, port {:?}, database {}): {reason}",
            hosts.join(","),
            config.get_ports(),
            config.get_dbname().unwrap_or("(default)")
        ))
    })
}

/// Creates the schema if needed and runs pending migrations, one opener at a time.
fn migrate(client: &mut Client, schema: &str) -> StoreResult<()> {
    let mut tx = client.transaction().map_err(backend)?;
    let key = format!("afklaring migrations {schema}");
    tx.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&key]).map_err(backend)?;
    let exists: bool = tx
        .query_one("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", &[&schema])
        .and_then(|row| row.try_get(0))
        .map_err(backend)?;
    if !exists {
        tx.batch_execute(&format!("CREATE SCHEMA {}", quote_ident(schema))).map_err(backend)?;
    }
    let table = format!("{}.schema_migrations", quote_ident(schema));
    let has_table: bool = tx
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])
        .and_then(|row| row.try_get(0))
        .map_err(backend)?;
    if !has_table {
        tx.batch_execute(
            "CREATE TABLE schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 name       TEXT NOT NULL,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
             )",
        )
        .map_err(backend)?;
    }
    let done: i32 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_migrations", &[])
        .and_then(|row| row.try_get(0))
        .map_err(backend)?;
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate().skip(done.max(0) as usize) {
        let version = index as i32 + 1;
        tx.batch_execute(sql)
            .map_err(|error| StoreError::Backend(format!("migration {name} failed: {}", describe(&error))))?;
        tx.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", &[&version, name])
            .map_err(backend)?;
    }
    tx.commit().map_err(backend)
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn describe(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => error.to_string(),
    }
}

/// A backend error with a message of ours.
pub(crate) fn backend_message(message: &str) -> StoreError {
    StoreError::Backend(message.to_owned())
}

fn backend(error: postgres::Error) -> StoreError {
    StoreError::Backend(describe(&error))
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn column<'a, T: postgres::types::FromSql<'a>>(row: &'a Row, index: usize) -> StoreResult<T> {
    row.try_get(index).map_err(backend)
}

fn stored_events(tx: &mut Transaction<'_>, case: &str) -> StoreResult<Vec<Event>> {
    let rows = tx.query("SELECT line FROM events WHERE case_id = $1 ORDER BY seq", &[&case]).map_err(backend)?;
    rows.iter().map(|row| decode_stored(column(row, 0)?)).collect()
}

/// The case ids a journal text appears to name, by a quick look for `"case":"…"` on each line.
fn named_cases(text: &str) -> Vec<&str> {
    const KEY: &str = "\"case\":\"";
    let mut ids: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let start = line.find(KEY)? + KEY.len();
            let length = line[start..].find('"')?;
            Some(&line[start..start + length])
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The stored events of every case the text names (cases without events are left out).
fn prefetch(tx: &mut Transaction<'_>, text: &str) -> StoreResult<HashMap<String, Vec<Event>>> {
    let ids = named_cases(text);
    let mut found: HashMap<String, Vec<Event>> = HashMap::new();
    let rows = tx
        .query("SELECT case_id, line FROM events WHERE case_id = ANY($1) ORDER BY case_id, seq", &[&ids])
        .map_err(backend)?;
    for row in &rows {
        let id: &str = column(row, 0)?;
        let event = decode_stored(column(row, 1)?)?;
        match found.get_mut(id) {
            Some(events) => events.push(event),
            None => {
                found.insert(id.to_owned(), vec![event]);
            }
        }
    }
    Ok(found)
}

/// Writes one chunk of planned events after their cases' heads (COPY) and moves the heads.
fn write_chunk(
    tx: &mut Transaction<'_>,
    planned: &[store::PlannedEvent],
    recorded_by: &str,
    recorded_at: &str,
) -> StoreResult<()> {
    // The heads of the cases that get new events, in the order they first appear.
    let mut touched: Vec<&str> = Vec::new();
    let mut heads: HashMap<&str, (u64, String)> = HashMap::new();
    for event in planned {
        let id = event.event.case.as_str();
        if !heads.contains_key(id) {
            heads.insert(id, (0, GENESIS_HASH.to_owned()));
            touched.push(id);
        }
    }
    let rows = tx
        .query("SELECT case_id, version, head_hash FROM cases WHERE case_id = ANY($1)", &[&touched])
        .map_err(backend)?;
    for row in &rows {
        let id: &str = column(row, 0)?;
        if let Some(head) = heads.get_mut(id) {
            *head = (column::<i64>(row, 1)? as u64, column(row, 2)?);
        }
    }

    let mut copy = tx
        .copy_in("COPY events (case_id, seq, at, type, recorded_at, recorded_by, line, hash) FROM STDIN")
        .map_err(backend)?;
    let io = |error: std::io::Error| StoreError::Backend(format!("sending events to PostgreSQL failed: {error}"));
    let mut buffer: Vec<u8> = Vec::with_capacity(1 << 20);
    for event in planned {
        let id = event.event.case.as_str();
        let head = heads.get_mut(id).ok_or_else(|| StoreError::Backend(format!("no head for case {id}")))?;
        head.0 += 1;
        let hash = chain_hash(&head.1, id, head.0, recorded_at, recorded_by, &event.line);
        let seq = head.0.to_string();
        let at = event.event.at.as_written();
        let fields = [id, &seq, &at, event.event.event_type().as_str(), recorded_at, recorded_by, &event.line, &hash];
        for (index, field) in fields.iter().enumerate() {
            if index > 0 {
                buffer.push(b'\t');
            }
            copy_field(&mut buffer, field);
        }
        buffer.push(b'\n');
        head.1 = hash;
        if buffer.len() >= 1 << 20 {
            copy.write_all(&buffer).map_err(io)?;
            buffer.clear();
        }
    }
    copy.write_all(&buffer).map_err(io)?;
    copy.finish().map_err(backend)?;

    let versions: Vec<i64> = touched.iter().map(|id| heads[id].0 as i64).collect();
    let hashes: Vec<&str> = touched.iter().map(|id| heads[id].1.as_str()).collect();
    tx.execute(
        "INSERT INTO cases (case_id, version, head_hash)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
         ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash",
        &[&touched, &versions, &hashes],
    )
    .map_err(backend)?;
    Ok(())
}

/// Starts the read-only snapshot that whole-store reads run in.
fn snapshot(client: &mut Client) -> StoreResult<Transaction<'_>> {
    client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start().map_err(backend)
}

/// Runs `sql` in `tx` through a portal, handing each row to `visit`, a batch at a time.
fn stream(
    tx: &mut Transaction<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    mut visit: impl FnMut(&Row) -> StoreResult<()>,
) -> StoreResult<()> {
    let portal = tx.bind(sql, params).map_err(backend)?;
    loop {
        let rows = tx.query_portal(&portal, BATCH).map_err(backend)?;
        for row in &rows {
            visit(row)?;
        }
        if rows.len() < BATCH as usize {
            return Ok(());
        }
    }
}

/// Appends one field to a row in PostgreSQL's COPY text format.
fn copy_field(out: &mut Vec<u8>, value: &str) {
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

impl EventStore for PostgresStore {
    fn append(
        &mut self,
        case: &CaseId,
        expected_version: u64,
        events: &[Event],
        recorded_by: &str,
    ) -> StoreResult<u64> {
        let client = self.client_mut()?;
        let mut tx = client.transaction().map_err(backend)?;
        let id = case.as_str();
        if expected_version == 0 {
            // A creator holds the new head row until it commits; a rival creator waits here and then
            // finds the row taken, and so sees the first creator's version below.
            tx.execute(
                "INSERT INTO cases (case_id, version, head_hash) VALUES ($1, 0, $2) ON CONFLICT (case_id) DO NOTHING",
                &[&id, &GENESIS_HASH],
            )
            .map_err(backend)?;
        }
        let head = tx
            .query_opt("SELECT version, head_hash FROM cases WHERE case_id = $1 FOR UPDATE", &[&id])
            .map_err(backend)?;
        let (actual, mut previous) = match head {
            Some(row) => (column::<i64>(&row, 0)? as u64, column::<String>(&row, 1)?),
            None => (0, GENESIS_HASH.to_owned()),
        };
        if actual != expected_version {
            return Err(StoreError::Conflict { case: case.clone(), expected: expected_version, actual });
        }
        if events.is_empty() {
            // Nothing to store; the transaction rolls back, so no empty case is left behind.
            return Ok(actual);
        }
        let stored = stored_events(&mut tx, id)?;
        let lines = check_append(case, &stored, events)?;
        let recorded_at = now();
        let insert = tx
            .prepare(
                "INSERT INTO events (case_id, seq, at, type, recorded_at, recorded_by, line, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .map_err(backend)?;
        let mut version = actual;
        for (event, line) in events.iter().zip(&lines) {
            version += 1;
            let hash = chain_hash(&previous, id, version, &recorded_at, recorded_by, line);
            tx.execute(
                &insert,
                &[
                    &id,
                    &(version as i64),
                    &event.at.as_written(),
                    &event.event_type().as_str(),
                    &recorded_at,
                    &recorded_by,
                    line,
                    &hash,
                ],
            )
            .map_err(backend)?;
            previous = hash;
        }
        tx.execute(
            "UPDATE cases SET version = $2, head_hash = $3 WHERE case_id = $1",
            &[&id, &(version as i64), &previous],
        )
        .map_err(backend)?;
        tx.commit().map_err(backend)?;
        Ok(version)
    }

    fn import(&mut self, text: &str, recorded_by: &str) -> StoreResult<ImportReport> {
        let client = self.client_mut()?;
        let mut tx = client.transaction().map_err(backend)?;
        // Writers wait until this import commits; readers go on reading the last committed state.
        tx.batch_execute("LOCK TABLE cases IN EXCLUSIVE MODE").map_err(backend)?;
        let store_was_empty: bool = tx
            .query_one("SELECT NOT EXISTS (SELECT 1 FROM cases)", &[])
            .and_then(|row| row.try_get(0))
            .map_err(backend)?;
        let recorded_at = now();
        let mut planner = store::ImportPlanner::default();
        for (first_line, chunk) in store::line_chunks(text, store::CHUNK_LINES) {
            // The stored events of the chunk's cases, fetched in one query rather than one per case; a
            // case the quick look missed is fetched on its own when the plan asks for it. A case this
            // import wrote in an earlier chunk is already known to the planner and not asked for.
            let mut prefetched = if store_was_empty { HashMap::new() } else { prefetch(&mut tx, chunk)? };
            let planned = planner.plan_chunk(first_line, chunk, |case| {
                if store_was_empty {
                    Ok(Vec::new())
                } else if let Some(events) = prefetched.remove(case.as_str()) {
                    Ok(events)
                } else {
                    stored_events(&mut tx, case.as_str())
                }
            })?;
            if !planned.is_empty() {
                write_chunk(&mut tx, &planned, recorded_by, &recorded_at)?;
            }
        }
        // On a problem anywhere, `finish` errs and dropping the transaction rolls every chunk back.
        let report = planner.finish()?;
        tx.commit().map_err(backend)?;
        Ok(report)
    }

    fn load(&self, case: &CaseId) -> StoreResult<Vec<StoredEvent>> {
        let rows = self
            .client()?
            .query(
                "SELECT seq, recorded_at, recorded_by, hash, line FROM events WHERE case_id = $1 ORDER BY seq",
                &[&case.as_str()],
            )
            .map_err(backend)?;
        rows.iter()
            .map(|row| {
                let recorded_at: &str = column(row, 1)?;
                let recorded_at = chrono::DateTime::parse_from_rfc3339(recorded_at)
                    .map_err(|e| StoreError::Backend(format!("bad recorded_at {recorded_at}: {e}")))?
                    .with_timezone(&Utc);
                Ok(StoredEvent {
                    seq: column::<i64>(row, 0)? as u64,
                    recorded_at,
                    recorded_by: column(row, 2)?,
                    hash: column(row, 3)?,
                    event: decode_stored(column(row, 4)?)?,
                })
            })
            .collect()
    }

    fn version(&self, case: &CaseId) -> StoreResult<u64> {
        let row = self
            .client()?
            .query_opt("SELECT version FROM cases WHERE case_id = $1", &[&case.as_str()])
            .map_err(backend)?;
        match row {
            Some(row) => Ok(column::<i64>(&row, 0)? as u64),
            None => Ok(0),
        }
    }

    fn cases(&self) -> StoreResult<Vec<CaseId>> {
        let rows = self.client()?.query("SELECT case_id FROM cases ORDER BY case_id", &[]).map_err(backend)?;
        rows.iter()
            .map(|row| {
                let id: &str = column(row, 0)?;
                CaseId::parse(id).ok_or_else(|| StoreError::Backend(format!("bad stored case id {id}")))
            })
            .collect()
    }

    fn scan(&self, visit: &mut dyn FnMut(&CaseId, Vec<Event>)) -> StoreResult<()> {
        let mut client = self.client()?;
        let mut tx = snapshot(&mut client)?;
        let mut cases = CaseAssembler::new(visit);
        stream(&mut tx, "SELECT case_id, line FROM events ORDER BY case_id, seq", &[], |row| {
            cases.push(column(row, 0)?, column(row, 1)?)
        })?;
        cases.finish()?;
        tx.commit().map_err(backend)
    }

    fn export(&self, case: Option<&CaseId>, out: &mut dyn std::io::Write) -> StoreResult<()> {
        let io = |e: std::io::Error| StoreError::Backend(format!("writing the export failed: {e}"));
        let mut client = self.client()?;
        let mut tx = snapshot(&mut client)?;
        let mut write = |row: &Row| {
            let line: &str = column(row, 0)?;
            out.write_all(line.as_bytes()).map_err(io)?;
            out.write_all(b"\n").map_err(io)
        };
        match case {
            Some(case) => stream(
                &mut tx,
                "SELECT line FROM events WHERE case_id = $1 ORDER BY seq",
                &[&case.as_str()],
                &mut write,
            )?,
            None => stream(&mut tx, "SELECT line FROM events ORDER BY case_id, seq", &[], &mut write)?,
        }
        tx.commit().map_err(backend)
    }

    fn verify(&self) -> StoreResult<VerifyReport> {
        let mut client = self.client()?;
        let mut tx = snapshot(&mut client)?;
        let mut heads = Vec::new();
        stream(&mut tx, "SELECT case_id, version, head_hash FROM cases", &[], |row| {
            heads.push((column::<String>(row, 0)?, column::<i64>(row, 1)? as u64, column::<String>(row, 2)?));
            Ok(())
        })?;
        let mut verifier = ChainVerifier::new(heads);
        stream(
            &mut tx,
            "SELECT case_id, seq, recorded_at, recorded_by, line, hash FROM events ORDER BY case_id, seq",
            &[],
            |row| {
                verifier.event(
                    column(row, 0)?,
                    column::<i64>(row, 1)? as u64,
                    column(row, 2)?,
                    column(row, 3)?,
                    column(row, 4)?,
                    column(row, 5)?,
                );
                Ok(())
            },
        )?;
        tx.commit().map_err(backend)?;
        Ok(verifier.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parameter_is_taken_off_the_url_and_the_rest_kept() {
        assert_eq!(split_schema("postgres://h/db"), ("postgres://h/db".to_owned(), None));
        assert_eq!(split_schema("postgres://h/db?schema=s1"), ("postgres://h/db".to_owned(), Some("s1".to_owned())));
        assert_eq!(
            split_schema("postgres://h/db?sslmode=disable&schema=s1&connect_timeout=5"),
            ("postgres://h/db?sslmode=disable&connect_timeout=5".to_owned(), Some("s1".to_owned()))
        );
    }

    #[test]
    fn copy_fields_escape_backslashes_and_line_breaks() {
        let mut out = Vec::new();
        copy_field(&mut out, "a\\b\tc\nd\re");
        assert_eq!(out, b"a\\\\b\\tc\\nd\\re");
    }

    #[test]
    fn the_quick_look_finds_each_named_case_once() {
        let text = "{\"case\":\"b\",\"at\":\"x\"}\n\n{\"at\":\"y\", \"case\":\"a\"}\n{\"case\":\"b\"}\nnot json";
        assert_eq!(named_cases(text), ["a", "b"]);
    }

    #[test]
    fn identifiers_are_quoted_with_inner_quotes_doubled() {
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
