//! The journal commands end to end through the real binary on a fresh SQLite file:
//! import (atomic, idempotent), export round trip, show (logged), verify (exit 1 on tampering).

use std::path::Path;
use std::process::{Command, Output};

fn afklaring(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_afklaring")).args(args).env("USER", "tester").output().expect("run afklaring")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const JOURNAL: &str = include_str!("../../../fixtures/journal/every-event-type.jsonl");

fn imported(dir: &Path) -> String {
    let file = dir.join("j.jsonl");
    std::fs::write(&file, JOURNAL).unwrap();
    let db = dir.join("t.db").to_string_lossy().into_owned();
    let out = afklaring(&["import", file.to_str().unwrap(), "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

#[test]
fn a_bad_file_exits_non_zero_names_the_line_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.jsonl");
    let bad = format!(
        "{JOURNAL}{}\n",
        r#"{"case":"K101-1","at":"2017-04-01","type":"dokument","id":"d9","kind":"lae256","issued":"2017-03-01"}"#
    );
    std::fs::write(&file, bad).unwrap();
    let db = dir.path().join("t.db").to_string_lossy().into_owned();
    let out = afklaring(&["import", file.to_str().unwrap(), "--db", &db]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("line 22, field `kind`: expected one of forberedende_del"), "{err}");
    let export = afklaring(&["export", "--db", &db]);
    assert!(text(&export.stdout).is_empty());
}

#[test]
fn importing_twice_stores_nothing_new_and_export_round_trips_to_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let again = afklaring(&["import", dir.path().join("j.jsonl").to_str().unwrap(), "--db", &db]);
    assert!(text(&again.stderr).contains("imported 0 new events"), "{}", text(&again.stderr));
    let export = afklaring(&["export", "--db", &db]);
    assert_eq!(text(&export.stdout), JOURNAL);
}

#[test]
fn show_prints_a_danish_timeline_and_logs_the_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let out = afklaring(&["show", "K101-1", "--db", &db, "--as-of", "2017-12-31"]);
    let shown = text(&out.stdout);
    assert!(shown.contains("Dokument modtaget: Lægeattest (LÆ 265)"), "{shown}");
    assert!(shown.contains("Ankestyrelsens afgørelse: Hjemvist"), "{shown}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (user, case, what): (String, String, String) = conn
        .query_row("SELECT user_id, case_id, what FROM access_log ORDER BY rowid DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((user.as_str(), case.as_str(), what.as_str()), ("cli:tester", "K101-1", "afklaring show"));
    let unknown = afklaring(&["show", "nope", "--db", &db]);
    assert!(!unknown.status.success() && text(&unknown.stderr).contains("no case with id nope"));
}

#[test]
fn show_names_a_caseworker_who_is_a_user_and_the_municipality() {
    use store::accounts::{AccountStore, Role, User};
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let mut store = store_sqlite::SqliteStore::open(&db).unwrap();
    store
        .put_user(&User {
            id: "anna".into(),
            display_name: "Anna Andersen".into(),
            role: Role::Caseworker,
            unit: Some("JKI".into()),
            actor: "sb:anna".into(),
            citizen_case: None,
            password_hash: "$argon2id$v=19$x".into(),
        })
        .unwrap();
    drop(store);
    let shown = text(&afklaring(&["show", "K101-1", "--db", &db, "--as-of", "2017-12-31"]).stdout);
    assert!(shown.contains("Sagsbehandler: Anna Andersen (sb:anna), enhed"), "{shown}");
    assert!(shown.contains("[Anna Andersen (sb:anna)]"), "writers are named too: {shown}");
    assert!(shown.contains("[sb:bo]"), "an actor without a user stays an id: {shown}");
    assert!(shown.contains("København (101)"), "{shown}");
}

#[test]
fn verify_exits_one_and_names_the_event_changed_behind_the_stores_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    assert!(afklaring(&["verify", "--db", &db]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER events_refuse_update;
         UPDATE events SET line = replace(line, 'hjemvist', 'aendret') WHERE case_id = 'K101-1' AND seq = 19;",
    )
    .unwrap();
    let out = afklaring(&["verify", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("BROKEN case K101-1 at event 19"), "{}", text(&out.stdout));
}
