//! Throw-away schemas for tests: each test gets a fresh, uniquely named schema, dropped afterwards.
//!
//! Creating and dropping one works from async tests too: the blocking PostgreSQL client cannot run
//! on an async runtime's thread, so those connections are made on a short-lived thread of their own.

use crate::{connect, quote_ident, PostgresStore};
use std::sync::atomic::{AtomicU64, Ordering};
use store::StoreResult;

/// The environment variable naming the test database; unset means [`DEFAULT_TEST_URL`].
pub const TEST_URL_VARIABLE: &str = "AFKLARING_TEST_POSTGRES";

/// The test database CI starts: PostgreSQL at 127.0.0.1:5432, trust authentication, database `test`.
pub const DEFAULT_TEST_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A uniquely named schema in the test database, dropped (with everything in it) when this value is
/// dropped, which also happens when the test using it panics.
#[derive(Debug)]
pub struct ScratchSchema {
    url: String,
    schema: String,
}

impl ScratchSchema {
    /// Reserves a new schema name in the test database and checks that the database answers.
    pub fn create() -> StoreResult<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let url = std::env::var(TEST_URL_VARIABLE).unwrap_or_else(|_| DEFAULT_TEST_URL.to_owned());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        let schema =
            format!("afklaring_test_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        off_thread(|| connect(&url).map(drop))?;
        Ok(ScratchSchema { url, schema })
    }

    /// Like [`create`](Self::create), but a test database that does not answer fails the test with
    /// a message saying how to start it: the PostgreSQL tests are never skipped silently.
    pub fn create_or_fail() -> Self {
        match Self::create() {
            Ok(scratch) => scratch,
            Err(error) => panic!(
                "the PostgreSQL tests need a database and could not reach one: {error}\n\
                 Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) \
                 or point {TEST_URL_VARIABLE} at one (default {DEFAULT_TEST_URL})."
            ),
        }
    }

    /// The schema's name.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// A URL that opens a store in this schema (`…?schema=NAME`).
    pub fn url(&self) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}schema={}", self.url, self.schema)
    }

    /// Opens a store in this schema, creating it on first use.
    pub fn open(&self) -> StoreResult<PostgresStore> {
        PostgresStore::open_in_schema(&self.url, &self.schema)
    }
}

impl Drop for ScratchSchema {
    fn drop(&mut self) {
        // Best effort: a schema left behind by a lost connection holds only test data.
        off_thread(|| {
            if let Ok(mut client) = connect(&self.url) {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", quote_ident(&self.schema)));
            }
        });
    }
}

/// Runs `work` on a thread of its own and waits for it (so it never runs on an async runtime's thread).
fn off_thread<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| match scope.spawn(work).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}
