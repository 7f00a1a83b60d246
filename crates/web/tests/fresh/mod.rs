//! A fresh, empty database for one server test: a SQLite file in a temporary directory, or, with
//! `AFKLARING_TEST_BACKEND=postgres`, a scratch schema in the test PostgreSQL database (see
//! `store_postgres::scratch` for where it is and how to start it). Dropped with the test.

use std::sync::Arc;
use store_postgres::scratch::ScratchSchema;

/// The environment variable that picks the backend the server tests run against.
pub const BACKEND_VARIABLE: &str = "AFKLARING_TEST_BACKEND";

/// A database that exists for one test and is removed afterwards.
#[derive(Debug)]
pub enum FreshDatabase {
    Sqlite(tempfile::TempDir),
    Postgres(ScratchSchema),
}

impl FreshDatabase {
    /// A new empty database on the backend [`BACKEND_VARIABLE`] names (`sqlite`, the default, or
    /// `postgres`); an unknown name fails the test rather than quietly testing SQLite.
    pub fn create() -> Self {
        match std::env::var(BACKEND_VARIABLE).as_deref() {
            Err(_) | Ok("") | Ok("sqlite") => FreshDatabase::Sqlite(tempfile::tempdir().expect("temp dir")),
            Ok("postgres") => FreshDatabase::Postgres(ScratchSchema::create_or_fail()),
            Ok(other) => panic!("{BACKEND_VARIABLE}={other}: expected sqlite or postgres"),
        }
    }

    /// Opens handles to this database, as `afklaring serve --db …` does.
    pub fn opener(&self) -> web::Opener {
        match self {
            FreshDatabase::Sqlite(dir) => {
                let path = dir.path().join("web.db");
                Arc::new(move || Ok(Box::new(store_sqlite::SqliteStore::open(&path)?) as Box<dyn web::Database>))
            }
            FreshDatabase::Postgres(scratch) => {
                let url = scratch.url();
                Arc::new(move || Ok(Box::new(store_postgres::PostgresStore::open(&url)?) as Box<dyn web::Database>))
            }
        }
    }
}
