//! The conformance suite: the behaviour every backend must show, run by each backend's tests via
//! [`conformance_tests!`](crate::conformance_tests) so SQLite and PostgreSQL are held to the same cases.

use crate::{EventStore, StoreError};
use journal::{parse_journal, write_event, CaseId, Event};
use std::sync::{Arc, Barrier};

/// Opens handles to one fresh, empty store; every call to `open` reaches the same data.
pub trait StoreFactory: Send + Sync {
    fn open(&self) -> Box<dyn EventStore>;
}

/// A small journal of two cases used by the suite.
pub const SAMPLE: &str = concat!(
    r#"{"case":"c1","at":"2017-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}"#,
    "\n",
    r#"{"case":"c2","at":"2017-01-03","type":"borger","birth_date":"1980-02-02","municipality":"147","sex":"M"}"#,
    "\n",
    r#"{"case":"c1","at":"2017-01-04","type":"dokument","by":"sb:a","id":"d1","kind":"lae265","issued":"2017-01-01"}"#,
    "\n",
    r#"{"case":"c1","at":"2017-01-05","type":"note","by":"sb:a","text":"to ens noter"}"#,
    "\n",
    r#"{"case":"c1","at":"2017-01-05","type":"note","by":"sb:a","text":"to ens noter"}"#,
    "\n",
);

fn case(id: &str) -> CaseId {
    CaseId::parse(id).expect("valid test case id")
}

fn note(case_id: &str, at: &str, text: &str) -> Event {
    let line = format!(r#"{{"case":"{case_id}","at":"{at}","type":"note","by":"sb:x","text":"{text}"}}"#);
    journal::parse_line(1, &line).expect("valid test note")
}

/// Import stores every event, and load gives them back in order with sequence numbers 1..n.
pub fn import_then_load_gives_the_events_back(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    let report = store.import(SAMPLE, "test").unwrap();
    assert_eq!((report.appended, report.skipped, report.cases), (5, 0, 2));
    let c1 = store.load(&case("c1")).unwrap();
    assert_eq!(c1.iter().map(|s| s.seq).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(c1[1].event.id.as_deref(), Some("d1"));
    assert_eq!(c1[0].recorded_by, "test");
    assert_eq!(store.version(&case("c1")).unwrap(), 4);
    assert_eq!(store.version(&case("nope")).unwrap(), 0);
    assert_eq!(store.cases().unwrap(), [case("c1"), case("c2")]);
}

/// Importing the same file twice stores nothing the second time; repeated identical events count.
pub fn importing_the_same_file_twice_stores_nothing_new(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    store.import(SAMPLE, "test").unwrap();
    let again = store.import(SAMPLE, "test").unwrap();
    assert_eq!((again.appended, again.skipped), (0, 5));
    let longer = format!("{SAMPLE}{}\n", write_event(&note("c1", "2017-02-01", "ny")));
    let third = store.import(&longer, "test").unwrap();
    assert_eq!((third.appended, third.skipped), (1, 5));
    assert_eq!(store.version(&case("c1")).unwrap(), 5);
}

/// A file with one bad line is rejected whole, naming the line, and stores nothing.
pub fn a_bad_file_is_rejected_whole_and_stores_nothing(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    let bad = format!("{SAMPLE}{}\n", r#"{"case":"c2","at":"2017-13-01","type":"note","text":"x"}"#);
    match store.import(&bad, "test") {
        Err(StoreError::Invalid(errors)) => {
            assert_eq!(errors.0.len(), 1);
            assert_eq!((errors.0[0].line, errors.0[0].field.as_str()), (6, "at"));
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(store.cases().unwrap().is_empty());
    // Checked against stored cases: a note older than the stored journal is refused.
    store.import(SAMPLE, "test").unwrap();
    let old = format!("{}\n", write_event(&note("c1", "2016-01-01", "for gammel")));
    assert!(matches!(store.import(&old, "test"), Err(StoreError::Invalid(_))));
    assert_eq!(store.version(&case("c1")).unwrap(), 4);
}

/// A bad line after more than one chunk of good lines still rejects the whole file.
pub fn a_bad_line_in_a_later_chunk_stores_nothing(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    let mut text = String::new();
    for index in 0..crate::CHUNK_LINES + 10 {
        text.push_str(&format!(
            r#"{{"case":"big{index}","at":"2017-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}}"#
        ));
        text.push('\n');
    }
    text.push_str(r#"{"case":"big1","at":"2017-01-03","type":"note"}"#);
    text.push('\n');
    match store.import(&text, "test") {
        Err(StoreError::Invalid(errors)) => {
            assert_eq!((errors.0[0].line, errors.0[0].field.as_str()), (crate::CHUNK_LINES + 11, "text"))
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(store.cases().unwrap().is_empty());
    assert!(store.verify().unwrap().is_clean());
}

/// Export, import into an empty store, export again: the same bytes.
pub fn export_import_export_gives_the_same_bytes(factory: &dyn StoreFactory, empty: &dyn StoreFactory) {
    let mut store = factory.open();
    store.import(SAMPLE, "test").unwrap();
    let mut first = Vec::new();
    store.export(None, &mut first).unwrap();
    let mut other = empty.open();
    other.import(std::str::from_utf8(&first).unwrap(), "test").unwrap();
    let mut second = Vec::new();
    other.export(None, &mut second).unwrap();
    assert_eq!(String::from_utf8(first.clone()).unwrap(), String::from_utf8(second).unwrap());
    let mut one = Vec::new();
    store.export(Some(&case("c2")), &mut one).unwrap();
    assert_eq!(String::from_utf8(one).unwrap().lines().count(), 1);
    let parsed = parse_journal(std::str::from_utf8(&first).unwrap()).unwrap();
    assert_eq!(parsed.len(), 5);
}

/// Append takes the version the writer saw; a stale version is a conflict and stores nothing.
pub fn append_with_a_stale_version_is_a_conflict(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    store.import(SAMPLE, "test").unwrap();
    let v = store.append(&case("c2"), 1, &[note("c2", "2017-02-01", "a")], "sb:x").unwrap();
    assert_eq!(v, 2);
    match store.append(&case("c2"), 1, &[note("c2", "2017-02-02", "b")], "sb:y") {
        Err(StoreError::Conflict { expected: 1, actual: 2, .. }) => {}
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.version(&case("c2")).unwrap(), 2);
    // An empty append writes nothing, not even a new case.
    assert_eq!(store.append(&case("c7"), 0, &[], "sb:y").unwrap(), 0);
    assert_eq!(store.version(&case("c7")).unwrap(), 0);
    assert!(store.verify().unwrap().is_clean());
    assert!(matches!(
        store.append(&case("c2"), 2, &[note("c1", "2017-02-02", "c")], "sb:y"),
        Err(StoreError::WrongCase { .. })
    ));
    assert!(matches!(
        store.append(&case("c9"), 0, &[note("c9", "2017-02-02", "no borger")], "sb:y"),
        Err(StoreError::Invalid(_))
    ));
}

/// Two writers racing on one case from two handles: exactly one wins, the other gets a conflict.
pub fn two_writers_racing_on_one_case_give_one_success_and_one_conflict(factory: &dyn StoreFactory) {
    factory.open().import(SAMPLE, "test").unwrap();
    for round in 0..5u64 {
        let barrier = Arc::new(Barrier::new(2));
        let version = factory.open().version(&case("c2")).unwrap();
        let results: Vec<_> = (0..2)
            .map(|writer| {
                let mut store = factory.open();
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    let event = note("c2", "2017-03-01", &format!("round {round} writer {writer}"));
                    barrier.wait();
                    store.append(&case("c2"), version, &[event], "sb:race")
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|handle| handle.join().expect("writer thread"))
            .collect();
        let wins = results.iter().filter(|r| r.is_ok()).count();
        let conflicts = results.iter().filter(|r| matches!(r, Err(StoreError::Conflict { .. }))).count();
        assert_eq!((wins, conflicts), (1, 1), "round {round}: {results:?}");
        assert_eq!(factory.open().version(&case("c2")).unwrap(), version + 1);
    }
}

/// Two writers creating the same new case at once: exactly one creates it, the other gets a conflict.
pub fn two_creators_racing_on_a_new_case_give_one_success_and_one_conflict(factory: &dyn StoreFactory) {
    factory.open().import(SAMPLE, "test").unwrap();
    for round in 0..5u64 {
        let id = format!("ny{round}");
        let barrier = Arc::new(Barrier::new(2));
        let results: Vec<_> = (0..2)
            .map(|writer| {
                let mut store = factory.open();
                let barrier = Arc::clone(&barrier);
                let id = id.clone();
                std::thread::spawn(move || {
                    let line = format!(
                        r#"{{"case":"{id}","at":"2017-04-01","type":"borger","birth_date":"1970-01-0{}","municipality":"101"}}"#,
                        writer + 1
                    );
                    let event = journal::parse_line(1, &line).expect("valid test borger");
                    barrier.wait();
                    store.append(&case(&id), 0, &[event], "sb:race")
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|handle| handle.join().expect("writer thread"))
            .collect();
        let wins = results.iter().filter(|r| r.is_ok()).count();
        let conflicts =
            results.iter().filter(|r| matches!(r, Err(StoreError::Conflict { expected: 0, actual: 1, .. }))).count();
        assert_eq!((wins, conflicts), (1, 1), "round {round}: {results:?}");
        assert_eq!(factory.open().load(&case(&id)).unwrap().len(), 1);
    }
    assert!(factory.open().verify().unwrap().is_clean());
}

/// Scan visits every case once, in id order, with its events in order; verify finds clean chains.
pub fn scan_visits_every_case_and_verify_is_clean(factory: &dyn StoreFactory) {
    let mut store = factory.open();
    store.import(SAMPLE, "test").unwrap();
    let mut seen = Vec::new();
    store.scan(&mut |id, events| seen.push((id.to_string(), events.len()))).unwrap();
    assert_eq!(seen, [("c1".to_string(), 4), ("c2".to_string(), 1)]);
    let report = store.verify().unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert_eq!((report.cases, report.events), (2, 5));
}

/// Scan over more lines than one decoding batch: every case once, in id order, each with all its
/// events in their order, also the case that straddles two batches.
pub fn scan_over_several_batches_keeps_every_case_whole(factory: &dyn StoreFactory) {
    const CASES: usize = 700;
    const NOTES: usize = 29;
    let mut text = String::new();
    for c in 0..CASES {
        text.push_str(&format!(
            "{{\"case\":\"s{c:04}\",\"at\":\"2020-01-01\",\"type\":\"borger\",\"birth_date\":\"1980-01-01\",\"municipality\":\"101\"}}\n"
        ));
        for n in 0..NOTES {
            text.push_str(&format!(
                "{{\"case\":\"s{c:04}\",\"at\":\"2020-01-02\",\"type\":\"note\",\"text\":\"{n}\"}}\n"
            ));
        }
    }
    let mut store = factory.open();
    store.import(&text, "test").unwrap();
    let mut seen = Vec::new();
    store
        .scan(&mut |id, events| {
            let notes: Vec<String> = events
                .iter()
                .filter_map(|e| match &e.body {
                    journal::EventBody::Note { text } => Some(text.clone()),
                    _ => None,
                })
                .collect();
            let in_order = notes.iter().enumerate().all(|(i, text)| *text == i.to_string());
            assert!(events.iter().all(|e| e.case == *id), "case {id} got another case's event");
            seen.push((id.to_string(), events.len(), in_order));
        })
        .unwrap();
    let expected: Vec<(String, usize, bool)> = (0..CASES).map(|c| (format!("s{c:04}"), NOTES + 1, true)).collect();
    assert_eq!(seen, expected);
}

/// Declares one `#[test]` per conformance case. `$factory` builds a fresh store factory.
#[macro_export]
macro_rules! conformance_tests {
    ($factory:expr) => {
        #[test]
        fn conformance_import_then_load_gives_the_events_back() {
            $crate::conformance::import_then_load_gives_the_events_back(&$factory);
        }
        #[test]
        fn conformance_importing_the_same_file_twice_stores_nothing_new() {
            $crate::conformance::importing_the_same_file_twice_stores_nothing_new(&$factory);
        }
        #[test]
        fn conformance_a_bad_file_is_rejected_whole_and_stores_nothing() {
            $crate::conformance::a_bad_file_is_rejected_whole_and_stores_nothing(&$factory);
        }
        #[test]
        fn conformance_a_bad_line_in_a_later_chunk_stores_nothing() {
            $crate::conformance::a_bad_line_in_a_later_chunk_stores_nothing(&$factory);
        }
        #[test]
        fn conformance_export_import_export_gives_the_same_bytes() {
            $crate::conformance::export_import_export_gives_the_same_bytes(&$factory, &$factory);
        }
        #[test]
        fn conformance_append_with_a_stale_version_is_a_conflict() {
            $crate::conformance::append_with_a_stale_version_is_a_conflict(&$factory);
        }
        #[test]
        fn conformance_two_writers_racing_on_one_case_give_one_success_and_one_conflict() {
            $crate::conformance::two_writers_racing_on_one_case_give_one_success_and_one_conflict(&$factory);
        }
        #[test]
        fn conformance_two_creators_racing_on_a_new_case_give_one_success_and_one_conflict() {
            $crate::conformance::two_creators_racing_on_a_new_case_give_one_success_and_one_conflict(&$factory);
        }
        #[test]
        fn conformance_scan_over_several_batches_keeps_every_case_whole() {
            $crate::conformance::scan_over_several_batches_keeps_every_case_whole(&$factory);
        }
        #[test]
        fn conformance_scan_visits_every_case_and_verify_is_clean() {
            $crate::conformance::scan_visits_every_case_and_verify_is_clean(&$factory);
        }
    };
}
