//! The account-store conformance suite and the append-only access log, on SQLite files.

use store::accounts::conformance::AccountStoreFactory;
use store::accounts::{AccessEntry, AccountStore, Role};
use store_sqlite::SqliteStore;

struct Fresh(tempfile::TempDir);

impl AccountStoreFactory for Fresh {
    fn open(&self) -> Box<dyn AccountStore> {
        Box::new(SqliteStore::open(self.0.path().join("test.db")).expect("open the test store"))
    }
}

fn fresh() -> Fresh {
    Fresh(tempfile::tempdir().expect("temp dir"))
}

store::account_conformance_tests!(fresh());

#[test]
fn the_database_refuses_to_update_or_delete_an_access_log_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path().join("t.db")).unwrap();
    let entry = AccessEntry {
        at: chrono::Utc::now(),
        user_id: "anna".into(),
        role: Role::Caseworker,
        case: None,
        what: "GET /sager".into(),
        purpose: "sagsbehandling".into(),
    };
    store.log_access(&[entry]).unwrap();
    let update = store.connection().execute("UPDATE access_log SET user_id = 'x'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.connection().execute("DELETE FROM access_log", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn a_store_made_before_the_accounts_migration_is_migrated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_events.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert!(store.users().unwrap().is_empty());
}
