//! The store conformance suite and the tamper tests, on SQLite files.

use store::conformance::StoreFactory;
use store::EventStore;
use store_sqlite::SqliteStore;

struct Fresh(tempfile::TempDir);

impl StoreFactory for Fresh {
    fn open(&self) -> Box<dyn EventStore> {
        Box::new(SqliteStore::open(self.0.path().join("test.db")).expect("open the test store"))
    }
}

fn fresh() -> Fresh {
    Fresh(tempfile::tempdir().expect("temp dir"))
}

store::conformance_tests!(fresh());

fn tampered(sql: &str) -> store::VerifyReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    assert!(store.verify().unwrap().is_clean());
    let conn = store.connection();
    conn.execute_batch("DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;").unwrap();
    conn.execute_batch(sql).unwrap();
    store.verify().unwrap()
}

#[test]
fn the_database_refuses_to_update_or_delete_an_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path().join("t.db")).unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    let update = store.connection().execute("UPDATE events SET line = 'x' WHERE seq = 1", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.connection().execute("DELETE FROM events", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn a_stored_line_moved_to_another_case_fails_scan_and_verify() {
    let report =
        tampered("UPDATE events SET line = replace(line, '\"c2\"', '\"c1\"') WHERE case_id = 'c2' AND seq = 1");
    assert!(report.breaks.iter().any(|b| b.case.as_str() == "c2" && b.seq == 1), "{report:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    let conn = store.connection();
    conn.execute_batch("DROP TRIGGER events_refuse_update;").unwrap();
    conn.execute_batch("UPDATE events SET line = replace(line, '\"c2\"', '\"c1\"') WHERE case_id = 'c2'").unwrap();
    let error = store.scan(&mut |_, _| {}).unwrap_err().to_string();
    assert!(error.contains("of case c2 names case c1"), "{error}");
}

#[test]
fn verify_names_the_event_whose_byte_was_changed() {
    let report =
        tampered("UPDATE events SET line = replace(line, 'lae265', 'lae266') WHERE case_id = 'c1' AND seq = 2");
    assert_eq!(report.breaks.len(), 1);
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c1", 2));
    assert!(report.breaks[0].reason.contains("changed"));
}

#[test]
fn verify_names_a_removed_event_in_the_middle() {
    let report = tampered("DELETE FROM events WHERE case_id = 'c1' AND seq = 2");
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c1", 2));
    assert!(report.breaks[0].reason.contains("removed"));
}

#[test]
fn verify_names_a_removed_last_event() {
    let report = tampered("DELETE FROM events WHERE case_id = 'c1' AND seq = 4");
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c1", 4));
}

#[test]
fn verify_names_two_swapped_events() {
    let report = tampered(
        "UPDATE events SET seq = 100 WHERE case_id = 'c1' AND seq = 3;
         UPDATE events SET seq = 3 WHERE case_id = 'c1' AND seq = 4;
         UPDATE events SET seq = 4 WHERE case_id = 'c1' AND seq = 100;",
    );
    // Events 3 and 4 are identical notes with different recording data only in position, so the
    // swap breaks the chain at 3.
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c1", 3));
}

#[test]
fn verify_names_a_case_whose_events_are_all_gone() {
    let report = tampered("DELETE FROM events WHERE case_id = 'c2'");
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c2", 1));
}
