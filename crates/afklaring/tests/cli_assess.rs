//! `afklaring assess` run as a real binary on a fresh SQLite database: JSON output and clear errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rule: &str, slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cases").join(rule).join(slug)
}

const RULE: &str = "pl.20.3.moedetilbud";
const SLUG: &str = "a-draft-pension-decision-without-a-meeting-offer-is-a-defect";

fn afklaring(db: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_afklaring"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("AFKLARING_DB")
        .output();
    match output {
        Ok(output) => output,
        Err(e) => panic!("could not run afklaring: {e}"),
    }
}

/// A fresh database holding the fixture journal.
fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temp dir: {e}"),
    };
    let db = dir.path().join("afklaring.db");
    let journal = fixture(RULE, &format!("{SLUG}.jsonl"));
    let out = afklaring(&db, &["import", &journal.to_string_lossy()]);
    assert!(out.status.success(), "import failed: {}", String::from_utf8_lossy(&out.stderr));
    (dir, db)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)),
    }
}

fn fails_with(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "expected a failure, got success: {}", String::from_utf8_lossy(&out.stdout));
    assert!(stderr.contains(needle), "stderr does not say {needle:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "panicked: {stderr}");
}

#[test]
fn assess_json_of_an_imported_fixture_matches_its_snapshot() {
    let (_dir, db) = imported();
    let draft = fixture(RULE, &format!("{SLUG}.draft.json"));
    let out = afklaring(
        &db,
        &["assess", "pl20-3-draft", "--as-of", "2017-07-01", "--json", "--draft", &draft.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = match std::fs::read(fixture(RULE, &format!("{SLUG}.2017-07-01.assess.json"))) {
        Ok(bytes) => json(&bytes),
        Err(e) => panic!("no snapshot: {e}"),
    };
    assert_eq!(json(&out.stdout), expected);
}

#[test]
fn assess_without_json_speaks_danish_with_citations() {
    let (_dir, db) = imported();
    let out = afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-07-01"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in
        ["Førtidspension:", "Rehabiliteringsteamet", "Frister", "1. september 2017", "Hjemmel: PL § 21, stk. 1"]
    {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn an_unknown_case_is_a_clear_error() {
    let (_dir, db) = imported();
    fails_with(&afklaring(&db, &["assess", "no-such-case", "--as-of", "2017-07-01"]), "no case with id no-such-case");
}

#[test]
fn a_date_that_is_not_a_date_is_a_clear_error() {
    let (_dir, db) = imported();
    fails_with(&afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-02-30"]), "is not a date");
}

#[test]
fn a_date_before_the_earliest_edition_is_a_clear_error() {
    let (_dir, db) = imported();
    fails_with(
        &afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2012-12-31"]),
        "før den tidligste udgave af regelsamlingen",
    );
}

#[test]
fn a_date_before_the_case_existed_is_a_clear_error() {
    let (_dir, db) = imported();
    fails_with(&afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2016-01-01"]), "fandtes ikke 2016-01-01");
}

#[test]
fn a_draft_that_is_not_an_afgoerelse_is_a_clear_error() {
    let (dir, db) = imported();
    let note = dir.path().join("note.json");
    let written = std::fs::write(&note, r#"{"case":"pl20-3-draft","at":"2017-07-01","type":"note","text":"x"}"#);
    assert!(written.is_ok());
    let out = afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-07-01", "--draft", &note.to_string_lossy()]);
    fails_with(&out, "is not a valid draft decision");
    let garbage = dir.path().join("garbage.json");
    assert!(std::fs::write(&garbage, "not json").is_ok());
    let out =
        afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-07-01", "--draft", &garbage.to_string_lossy()]);
    fails_with(&out, "is not a valid draft decision");
    let missing = dir.path().join("missing.json");
    let out =
        afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-07-01", "--draft", &missing.to_string_lossy()]);
    fails_with(&out, "reading the draft");
}

#[test]
fn a_draft_for_another_case_is_a_clear_error() {
    let (dir, db) = imported();
    let other = dir.path().join("other.json");
    let written = std::fs::write(
        &other,
        r#"{"case":"other","at":"2017-07-01","type":"afgoerelse","id":"u","outcome":"tilkendt_foertidspension","legal_basis":["PL § 16"],"reasons":"r","klagevejledning":true}"#,
    );
    assert!(written.is_ok());
    let out = afklaring(&db, &["assess", "pl20-3-draft", "--as-of", "2017-07-01", "--draft", &other.to_string_lossy()]);
    fails_with(&out, "udkastet gælder sag other");
}
