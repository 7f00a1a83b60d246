//! `afklaring worklist`, `review` and `timeliness` run as the real binary on a fresh SQLite database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/progress").join(format!("{name}.jsonl"))
}

fn afklaring(db: &Path, args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_afklaring"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("AFKLARING_DB")
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("could not run afklaring: {e}"),
    }
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fresh database holding the given fixture journals.
fn imported(names: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temp dir: {e}"),
    };
    let db = dir.path().join("afklaring.db");
    for name in names {
        ok(&afklaring(&db, &["import", &fixture(name).to_string_lossy()]));
    }
    (dir, db)
}

fn json(text: &str) -> serde_json::Value {
    match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => panic!("not JSON ({e}): {text}"),
    }
}

#[test]
fn worklist_json_lists_the_spec_fields_most_urgent_first() {
    let (_dir, db) = imported(&["passivitet", "afklaring-over-2-aar", "mange-sagsbehandlerskift"]);
    let items = json(&ok(&afklaring(&db, &["worklist", "--as-of", "2017-04-20", "--json"])));
    let items = items.as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty());
    for item in &items {
        for key in ["case", "rule", "basis", "due", "state", "text"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        assert!(["aaben", "overskredet"].contains(&item["state"].as_str().unwrap_or("")));
    }
    assert_eq!(items[0]["case"], "skift");
    assert_eq!(items[0]["rule"], "fremdrift.afklaring_over_2_aar");
    assert_eq!(items[0]["due"], "2017-01-05");
    assert_eq!(items[0]["state"], "overskredet");
}

#[test]
fn worklist_for_one_caseworker_shows_only_the_cases_they_hold() {
    let (_dir, db) = imported(&["passivitet", "mange-sagsbehandlerskift"]);
    let items = json(&ok(&afklaring(&db, &["worklist", "--as-of", "2017-04-20", "--caseworker", "sb:carl", "--json"])));
    let cases: Vec<&str> = items.as_array().into_iter().flatten().filter_map(|i| i["case"].as_str()).collect();
    assert!(!cases.is_empty() && cases.iter().all(|c| *c == "passiv"), "{cases:?}");
    let unit = json(&ok(&afklaring(&db, &["worklist", "--as-of", "2017-04-20", "--unit", "CAB", "--json"])));
    assert_eq!(unit.as_array().map(Vec::len), Some(0));
}

#[test]
fn a_config_file_changes_a_threshold_and_a_misspelt_key_is_refused() {
    let (dir, db) = imported(&["passivitet"]);
    let config = dir.path().join("fremdrift.toml");
    std::fs::write(&config, "passivity_weeks = 4\nlead_days = 0\n").unwrap_or_else(|e| panic!("{e}"));
    let items = json(&ok(&afklaring(
        &db,
        &["worklist", "--as-of", "2017-01-31", "--json", "--config", &config.to_string_lossy()],
    )));
    let passive = items.as_array().into_iter().flatten().find(|i| i["rule"] == "rsl.3.hurtigst_muligt").cloned();
    assert_eq!(passive.map(|i| i["due"].clone()), Some(serde_json::json!("2017-01-30")));

    std::fs::write(&config, "pasivity_weeks = 4\n").unwrap_or_else(|e| panic!("{e}"));
    let out = afklaring(&db, &["worklist", "--as-of", "2017-01-31", "--config", &config.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pasivity_weeks"));
}

#[test]
fn review_json_gives_eight_months_lost_for_evidence_complete_before_the_recommendation() {
    let (_dir, db) = imported(&["oplyst-8-maaneder-foer-indstillingen", "revisorens-kategorier"]);
    let reviews = json(&ok(&afklaring(&db, &["review", "--as-of", "2018-01-01", "--json"])));
    let otte = reviews.as_array().into_iter().flatten().find(|r| r["case"] == "otte").cloned().unwrap_or_default();
    assert_eq!(otte["decision"], "tilkendt_foertidspension");
    assert_eq!(otte["earliest_sufficient"], "2017-01-02");
    assert_eq!(otte["days_lost_before_recommendation"], 243);
    for key in ["decided", "days_lost", "evidence_age_days", "handovers", "writers_2y", "findings"] {
        assert!(otte.get(key).is_some(), "{key}");
    }
}

#[test]
fn review_writes_markdown_html_and_csv_reports() {
    let (dir, db) = imported(&["oplyst-8-maaneder-foer-indstillingen", "revisorens-kategorier"]);
    let md = ok(&afklaring(&db, &["review", "--as-of", "2018-01-01", "--format", "md"]));
    assert!(md.starts_with("# Sagsgennemgang pr. 2018-01-01") && md.contains("(/sager/otte)"));
    let html_path = dir.path().join("gennemgang.html");
    ok(&afklaring(
        &db,
        &["review", "--as-of", "2018-01-01", "--format", "html", "--out", &html_path.to_string_lossy()],
    ));
    let html = std::fs::read_to_string(&html_path).unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("href=\"/sager/kat1\""));
    let csv = ok(&afklaring(&db, &["review", "--as-of", "2018-01-01", "--format", "csv"]));
    assert_eq!(csv.lines().count(), 1 + 5);
}

#[test]
fn timeliness_json_has_rows_per_caseworker_and_unit() {
    let (_dir, db) = imported(&["samtale-kontanthjaelp", "oplyst-8-maaneder-foer-indstillingen"]);
    let t = json(&ok(&afklaring(&db, &["timeliness", "--from", "2017-01-01", "--to", "2017-12-31", "--json"])));
    assert_eq!(t["target_weeks"], 23);
    assert!(t["caseworkers"].as_array().is_some_and(|rows| rows.iter().any(|r| r["key"] == "sb:anna")));
    assert!(t["units"].as_array().is_some_and(|rows| rows.iter().any(|r| r["key"] == "JKI")));
    let out = afklaring(&db, &["timeliness", "--from", "2018-01-01", "--to", "2017-12-31"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn worklist_without_as_of_is_a_usage_error() {
    let (_dir, db) = imported(&["passivitet"]);
    let out = afklaring(&db, &["worklist"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of"));
}
