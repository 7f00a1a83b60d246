//! The default event store: one SQLite file in WAL mode. Append-only (triggers refuse UPDATE and
//! DELETE on events), hash-chained per case, with optimistic concurrency on each case's version.

mod accounts;

use chrono::{SecondsFormat, Utc};
use journal::{CaseId, Event};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::time::Duration;
use store::{
    chain_hash, check_append, ChainVerifier, EventStore, ImportReport, StoreError, StoreResult, StoredEvent,
    VerifyReport, GENESIS_HASH,
};

/// The migrations, in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] =
    &[include_str!("../migrations/0001_events.sql"), include_str!("../migrations/0002_accounts.sql")];

/// An event store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.conn.path()).finish()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and runs pending migrations.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Self> {
        let conn = Connection::open(path).map_err(backend)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(backend)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(backend)?;
        // FULL: an acknowledged (committed) event survives a crash of the process or the machine.
        conn.pragma_update(None, "synchronous", "FULL").map_err(backend)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(backend)?;
        let store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&self) -> StoreResult<()> {
        let done: usize = self.conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(backend)?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(done) {
            self.conn
                .execute_batch(&format!("BEGIN; {sql}; PRAGMA user_version = {}; COMMIT;", index + 1))
                .map_err(|error| StoreError::Backend(format!("migration {} failed: {error}", index + 1)))?;
        }
        Ok(())
    }

    /// The underlying connection, for tests that need to reach behind the store's back.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

pub(crate) fn backend(error: rusqlite::Error) -> StoreError {
    StoreError::Backend(error.to_string())
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn decode(line: &str) -> StoreResult<Event> {
    store::decode_stored(line)
}

/// The case's version and head hash, inside a transaction.
fn head(conn: &Connection, case: &str) -> StoreResult<(u64, String)> {
    let found = conn
        .query_row("SELECT version, head_hash FROM cases WHERE case_id = ?1", [case], |row| {
            Ok((row.get::<_, i64>(0)? as u64, row.get::<_, String>(1)?))
        })
        .optional()
        .map_err(backend)?;
    Ok(found.unwrap_or((0, GENESIS_HASH.to_owned())))
}

fn stored_events(conn: &Connection, case: &str) -> StoreResult<Vec<Event>> {
    let mut stmt = conn.prepare_cached("SELECT line FROM events WHERE case_id = ?1 ORDER BY seq").map_err(backend)?;
    let lines = stmt.query_map([case], |row| row.get::<_, String>(0)).map_err(backend)?;
    lines.map(|line| decode(&line.map_err(backend)?)).collect()
}

/// Writes a case's new events after its head and moves the head. Runs inside the caller's transaction.
fn write_events(
    conn: &Connection,
    case: &str,
    events: &[(&Event, &str)],
    recorded_by: &str,
    recorded_at: &str,
) -> StoreResult<u64> {
    let (mut version, mut previous) = head(conn, case)?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO events (case_id, seq, at, type, recorded_at, recorded_by, line, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(backend)?;
    for (event, line) in events {
        version += 1;
        let hash = chain_hash(&previous, case, version, recorded_at, recorded_by, line);
        insert
            .execute(params![
                case,
                version as i64,
                event.at.as_written(),
                event.event_type().as_str(),
                recorded_at,
                recorded_by,
                line,
                hash
            ])
            .map_err(backend)?;
        previous = hash;
    }
    conn.execute(
        "INSERT INTO cases (case_id, version, head_hash) VALUES (?1, ?2, ?3)
         ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash",
        params![case, version as i64, previous],
    )
    .map_err(backend)?;
    Ok(version)
}

impl EventStore for SqliteStore {
    fn append(
        &mut self,
        case: &CaseId,
        expected_version: u64,
        events: &[Event],
        recorded_by: &str,
    ) -> StoreResult<u64> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
        let (actual, _) = head(&tx, case.as_str())?;
        if actual != expected_version {
            return Err(StoreError::Conflict { case: case.clone(), expected: expected_version, actual });
        }
        if events.is_empty() {
            return Ok(actual);
        }
        let stored = stored_events(&tx, case.as_str())?;
        let lines = check_append(case, &stored, events)?;
        let pairs: Vec<(&Event, &str)> = events.iter().zip(lines.iter().map(String::as_str)).collect();
        let version = write_events(&tx, case.as_str(), &pairs, recorded_by, &now())?;
        tx.commit().map_err(backend)?;
        Ok(version)
    }

    fn import(&mut self, text: &str, recorded_by: &str) -> StoreResult<ImportReport> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
        let recorded_at = now();
        let mut planner = store::ImportPlanner::default();
        for (first_line, chunk) in store::line_chunks(text, store::CHUNK_LINES) {
            let planned = planner.plan_chunk(first_line, chunk, |case| stored_events(&tx, case.as_str()))?;
            // Group the chunk's events by case, keeping each case's order and the cases' first appearance.
            let mut order: Vec<&CaseId> = Vec::new();
            let mut by_case: std::collections::HashMap<&CaseId, Vec<(&Event, &str)>> = Default::default();
            for event in &planned {
                let entry = by_case.entry(&event.event.case).or_insert_with(|| {
                    order.push(&event.event.case);
                    Vec::new()
                });
                entry.push((&event.event, event.line.as_str()));
            }
            for case in order {
                write_events(&tx, case.as_str(), &by_case[case], recorded_by, &recorded_at)?;
            }
        }
        // On a problem anywhere, `finish` errs and dropping the transaction rolls every chunk back.
        let report = planner.finish()?;
        tx.commit().map_err(backend)?;
        Ok(report)
    }

    fn load(&self, case: &CaseId) -> StoreResult<Vec<StoredEvent>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, recorded_at, recorded_by, hash, line FROM events WHERE case_id = ?1 ORDER BY seq",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map([case.as_str()], |row| {
                Ok((
                    row.get::<_, i64>(0)? as u64,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .map_err(backend)?;
        rows.map(|row| {
            let (seq, recorded_at, recorded_by, hash, line) = row.map_err(backend)?;
            let recorded_at = chrono::DateTime::parse_from_rfc3339(&recorded_at)
                .map_err(|e| StoreError::Backend(format!("bad recorded_at {recorded_at}: {e}")))?
                .with_timezone(&Utc);
            Ok(StoredEvent { seq, recorded_at, recorded_by, hash, event: decode(&line)? })
        })
        .collect()
    }

    fn version(&self, case: &CaseId) -> StoreResult<u64> {
        Ok(head(&self.conn, case.as_str())?.0)
    }

    fn cases(&self) -> StoreResult<Vec<CaseId>> {
        let mut stmt = self.conn.prepare_cached("SELECT case_id FROM cases ORDER BY case_id").map_err(backend)?;
        let ids = stmt.query_map([], |row| row.get::<_, String>(0)).map_err(backend)?;
        ids.map(|id| {
            let id = id.map_err(backend)?;
            CaseId::parse(&id).ok_or_else(|| StoreError::Backend(format!("bad stored case id {id}")))
        })
        .collect()
    }

    fn scan(&self, visit: &mut dyn FnMut(&CaseId, Vec<Event>)) -> StoreResult<()> {
        let mut stmt = self.conn.prepare("SELECT case_id, line FROM events ORDER BY case_id, seq").map_err(backend)?;
        let mut rows = stmt.query([]).map_err(backend)?;
        let mut cases = store::CaseAssembler::new(visit);
        while let Some(row) = rows.next().map_err(backend)? {
            let case = row.get_ref(0).map_err(backend)?.as_str().map_err(|e| backend(e.into()))?;
            let line = row.get_ref(1).map_err(backend)?.as_str().map_err(|e| backend(e.into()))?;
            cases.push(case, line)?;
        }
        cases.finish()
    }

    fn export(&self, case: Option<&CaseId>, out: &mut dyn std::io::Write) -> StoreResult<()> {
        let io = |e: std::io::Error| StoreError::Backend(format!("writing the export failed: {e}"));
        let (sql, arg) = match case {
            Some(case) => ("SELECT line FROM events WHERE case_id = ?1 ORDER BY seq", vec![case.to_string()]),
            None => ("SELECT line FROM events ORDER BY case_id, seq", vec![]),
        };
        let mut stmt = self.conn.prepare(sql).map_err(backend)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(arg)).map_err(backend)?;
        while let Some(row) = rows.next().map_err(backend)? {
            let line = row.get_ref(0).map_err(backend)?.as_bytes().map_err(|e| backend(e.into()))?;
            out.write_all(line).map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
        }
        Ok(())
    }

    fn verify(&self) -> StoreResult<VerifyReport> {
        let mut heads = Vec::new();
        {
            let mut stmt = self.conn.prepare("SELECT case_id, version, head_hash FROM cases").map_err(backend)?;
            let rows = stmt
                .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64, row.get(2)?)))
                .map_err(backend)?;
            for row in rows {
                heads.push(row.map_err(backend)?);
            }
        }
        let mut verifier = ChainVerifier::new(heads);
        let mut stmt = self
            .conn
            .prepare("SELECT case_id, seq, recorded_at, recorded_by, line, hash FROM events ORDER BY case_id, seq")
            .map_err(backend)?;
        let mut rows = stmt.query([]).map_err(backend)?;
        while let Some(row) = rows.next().map_err(backend)? {
            let case: String = row.get(0).map_err(backend)?;
            let seq = row.get::<_, i64>(1).map_err(backend)? as u64;
            let recorded_at: String = row.get(2).map_err(backend)?;
            let recorded_by: String = row.get(3).map_err(backend)?;
            let line: String = row.get(4).map_err(backend)?;
            let hash: String = row.get(5).map_err(backend)?;
            verifier.event(&case, seq, &recorded_at, &recorded_by, &line, &hash);
        }
        Ok(verifier.finish())
    }
}
