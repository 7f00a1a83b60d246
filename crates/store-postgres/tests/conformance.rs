//! The store conformance suite and the tamper tests, on PostgreSQL (a fresh schema per test).

use store::conformance::StoreFactory;
use store::EventStore;
use store_postgres::scratch::ScratchSchema;
use store_postgres::PostgresStore;

struct Fresh(ScratchSchema);

impl StoreFactory for Fresh {
    fn open(&self) -> Box<dyn EventStore> {
        Box::new(self.0.open().expect("open the test store"))
    }
}

fn fresh() -> Fresh {
    Fresh(ScratchSchema::create_or_fail())
}

store::conformance_tests!(fresh());

fn execute(store: &PostgresStore, sql: &str) -> Result<(), postgres::Error> {
    store.with_client(|client| client.batch_execute(sql)).unwrap()
}

fn tampered(sql: &str) -> store::VerifyReport {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    assert!(store.verify().unwrap().is_clean());
    execute(&store, "DROP TRIGGER events_refuse_update ON events; DROP TRIGGER events_refuse_delete ON events;")
        .unwrap();
    execute(&store, sql).unwrap();
    store.verify().unwrap()
}

#[test]
fn the_database_refuses_to_update_delete_or_truncate_an_event() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    for sql in ["UPDATE events SET line = 'x' WHERE seq = 1", "DELETE FROM events", "TRUNCATE events"] {
        let refused = execute(&store, sql).expect_err(sql);
        assert!(refused.as_db_error().is_some_and(|db| db.message().contains("append-only")), "{sql}: {refused}");
    }
    assert_eq!(store.verify().unwrap().events, 5);
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
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c1", 3));
}

#[test]
fn verify_names_a_case_whose_events_are_all_gone() {
    let report = tampered("DELETE FROM events WHERE case_id = 'c2'");
    assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c2", 1));
}
