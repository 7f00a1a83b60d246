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

/// A journal of `cases` cases with `notes` notes each, case ids in a different order than they sort.
fn many(cases: usize, notes: usize) -> String {
    let mut text = String::new();
    for case in (0..cases).rev() {
        text.push_str(&format!(
            r#"{{"case":"m{case}","at":"2018-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}}"#
        ));
        text.push('\n');
        for note in 0..notes {
            text.push_str(&format!(
                r#"{{"case":"m{case}","at":"2018-02-03","type":"note","by":"sb:a","text":"n{note} \\ \t"}}"#
            ));
            text.push('\n');
        }
    }
    text
}

#[test]
fn reads_that_span_several_batches_see_every_case_once_in_order() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    let text = many(700, 9);
    assert_eq!(store.import(&text, "test").unwrap().appended, 7_000);
    let mut seen = Vec::new();
    store.scan(&mut |id, events| seen.push((id.to_string(), events.len()))).unwrap();
    let mut expected: Vec<String> = (0..700).map(|case| format!("m{case}")).collect();
    expected.sort();
    assert_eq!(seen.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), expected);
    assert!(seen.iter().all(|(_, count)| *count == 10));
    let report = store.verify().unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert_eq!((report.cases, report.events), (700, 7_000));
    let mut exported = Vec::new();
    store.export(None, &mut exported).unwrap();
    assert_eq!(String::from_utf8(exported).unwrap().lines().count(), 7_000);
}

#[test]
fn importing_a_larger_file_into_a_filled_store_appends_only_what_is_new() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    store.import(&many(50, 2), "first").unwrap();
    let report = store.import(&many(60, 3), "second").unwrap();
    // The 50 stored cases gain one note each; 10 new cases arrive whole.
    assert_eq!((report.appended, report.skipped, report.cases), (50 + 10 * 4, 50 * 3, 60));
    assert_eq!(store.version(&journal::CaseId::parse("m7").unwrap()).unwrap(), 4);
    assert!(store.verify().unwrap().is_clean());
}

#[test]
fn an_unreachable_database_is_a_clear_backend_error() {
    match PostgresStore::open("postgres://nobody@127.0.0.1:1/none?connect_timeout=2") {
        Err(store::StoreError::Backend(message)) => assert!(message.contains("cannot connect"), "{message}"),
        other => panic!("expected a backend error, got {other:?}"),
    }
}

#[test]
fn a_store_opened_by_url_lives_in_the_schema_the_url_names() {
    let scratch = ScratchSchema::create_or_fail();
    let mut by_url = PostgresStore::open(&scratch.url()).unwrap();
    assert_eq!(by_url.schema(), scratch.schema());
    by_url.import(store::conformance::SAMPLE, "test").unwrap();
    assert_eq!(scratch.open().unwrap().cases().unwrap().len(), 2);
}

#[test]
fn a_handle_whose_connection_was_cut_connects_again_on_its_next_call() {
    let scratch = ScratchSchema::create_or_fail();
    let mut store = scratch.open().unwrap();
    store.import(store::conformance::SAMPLE, "test").unwrap();
    let pid: i32 =
        store.with_client(|client| client.query_one("SELECT pg_backend_pid()", &[])).unwrap().unwrap().get(0);
    let admin = scratch.open().unwrap();
    admin.with_client(|client| client.execute("SELECT pg_terminate_backend($1)", &[&pid])).unwrap().unwrap();
    for _ in 0..100 {
        let alive = admin
            .with_client(|client| client.query_one("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", &[&pid]))
            .unwrap()
            .unwrap()
            .get::<_, i64>(0);
        if alive == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The call that meets the cut connection may fail; the next one works on a new connection.
    let _ = store.cases();
    assert_eq!(store.cases().unwrap().len(), 2);
    let case = journal::CaseId::parse("c2").unwrap();
    let note = journal::parse_line(1, r#"{"case":"c2","at":"2017-02-01","type":"note","by":"sb:a","text":"igen"}"#);
    assert_eq!(store.append(&case, 1, &[note.unwrap()], "test").unwrap(), 2);
    assert!(store.verify().unwrap().is_clean());
}

#[tokio::test]
async fn a_scratch_schema_is_made_and_dropped_from_an_async_test_too() {
    let scratch = ScratchSchema::create_or_fail();
    let url = scratch.url();
    let schema = scratch.schema().to_owned();
    tokio::task::spawn_blocking(move || PostgresStore::open(&url).map(drop)).await.unwrap().unwrap();
    drop(scratch);
    let gone = tokio::task::spawn_blocking(move || {
        let other = ScratchSchema::create_or_fail();
        let store = other.open().unwrap();
        store.with_client(|client| {
            client.query_one("SELECT NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", &[&schema])
        })
    });
    assert!(gone.await.unwrap().unwrap().unwrap().get::<_, bool>(0), "the schema was dropped");
}
