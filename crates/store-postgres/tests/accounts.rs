//! The account-store conformance suite and the append-only access log, on PostgreSQL (a fresh
//! schema per test).

use store::accounts::conformance::AccountStoreFactory;
use store::accounts::{AccessEntry, AccessQuery, AccountStore, Role, Session, User};
use store_postgres::scratch::ScratchSchema;
use store_postgres::PostgresStore;

struct Fresh(ScratchSchema);

impl AccountStoreFactory for Fresh {
    fn open(&self) -> Box<dyn AccountStore> {
        Box::new(self.0.open().expect("open the test store"))
    }
}

fn fresh() -> Fresh {
    Fresh(ScratchSchema::create_or_fail())
}

store::account_conformance_tests!(fresh());

fn entry(user_id: &str) -> AccessEntry {
    AccessEntry {
        at: chrono::Utc::now(),
        user_id: user_id.into(),
        role: Role::Caseworker,
        case: None,
        what: "GET /sager".into(),
        purpose: "sagsbehandling".into(),
    }
}

fn execute(store: &PostgresStore, sql: &str) -> Result<(), postgres::Error> {
    store.with_client(|client| client.batch_execute(sql)).unwrap()
}

#[test]
fn the_database_refuses_to_update_delete_or_truncate_an_access_log_entry() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    store.log_access(&[entry("anna")]).unwrap();
    for sql in ["UPDATE access_log SET user_id = 'x'", "DELETE FROM access_log", "TRUNCATE access_log"] {
        let refused = execute(&store, sql).expect_err(sql);
        assert!(refused.as_db_error().is_some_and(|db| db.message().contains("append-only")), "{sql}: {refused}");
    }
    let kept = store.access_log(&AccessQuery::default()).unwrap();
    assert_eq!(kept.iter().map(|e| e.user_id.as_str()).collect::<Vec<_>>(), ["anna"]);
}

#[test]
fn a_store_made_before_the_accounts_migration_is_migrated_on_open() {
    let scratch = ScratchSchema::create_or_fail();
    {
        let store = scratch.open().unwrap();
        // Take the schema back to where a store made before the accounts existed stood.
        execute(
            &store,
            "DROP TABLE sessions, users, access_log; DROP FUNCTION access_log_refuse_change();
             DELETE FROM schema_migrations WHERE version = 2;",
        )
        .unwrap();
        assert!(store.users().is_err(), "the accounts tables are gone");
    }
    let store = PostgresStore::open(&scratch.url()).unwrap();
    assert!(store.users().unwrap().is_empty());
    let versions = store
        .with_client(|client| client.query("SELECT version FROM schema_migrations ORDER BY version", &[]))
        .unwrap()
        .unwrap();
    assert_eq!(versions.iter().map(|row| row.get::<_, i32>(0)).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn an_access_log_batch_with_a_bad_entry_stores_none_of_it() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    let bad = AccessEntry { user_id: "nul\0byte".into(), ..entry("anna") };
    assert!(matches!(store.log_access(&[entry("anna"), bad]), Err(store::StoreError::Backend(_))));
    assert!(store.access_log(&AccessQuery::default()).unwrap().is_empty());
}

#[test]
fn a_session_of_an_unknown_user_is_refused() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    let now = chrono::Utc::now();
    let session = Session {
        token_hash: "ab".repeat(32),
        user_id: "nobody".into(),
        csrf_token: "csrf".into(),
        created_at: now,
        expires_at: now + chrono::Duration::hours(1),
    };
    assert!(matches!(store.create_session(&session), Err(store::StoreError::Backend(_))));
    let user = User {
        id: "nobody".into(),
        display_name: "Nogen".into(),
        role: Role::Admin,
        unit: None,
        actor: "adm:nobody".into(),
        citizen_case: None,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
    };
    store.put_user(&user).unwrap();
    store.create_session(&session).unwrap();
    assert!(matches!(store.create_session(&session), Err(store::StoreError::Backend(_))), "a token hash is unique");
}

#[test]
fn times_come_back_to_the_microsecond_as_on_sqlite() {
    use chrono::TimeZone;
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    let at = chrono::Utc.with_ymd_and_hms(2026, 3, 4, 5, 6, 7).unwrap() + chrono::Duration::nanoseconds(123_456_789);
    store.log_access(&[AccessEntry { at, ..entry("anna") }]).unwrap();
    let read = store.access_log(&AccessQuery::default()).unwrap();
    assert_eq!(read[0].at, at - chrono::Duration::nanoseconds(789));
}
