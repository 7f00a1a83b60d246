//! The HTML analyst report end to end: a simulated country imported into SQLite, `indicators --format html --benchmark`.

use std::process::{Command, Output};

fn afklaring(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_afklaring")).args(args).env("USER", "tester").output().expect("run afklaring")
}

fn ok(out: &Output) {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_simulated_country_gives_a_self_contained_html_report_with_charts_and_the_benchmark() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let (journal, population, db, report) = (path("j.jsonl"), path("pop.csv"), path("t.db"), path("r.html"));
    ok(&afklaring(&[
        "simulate",
        "--profile",
        "country",
        "--cases",
        "3000",
        "--out",
        &journal,
        "--population",
        &population,
    ]));
    ok(&afklaring(&["import", &journal, "--db", &db]));
    ok(&afklaring(&[
        "indicators",
        "--db",
        &db,
        "--population",
        &population,
        "--format",
        "html",
        "--benchmark",
        "--out",
        &report,
    ]));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in ["http", "src=", "<script", "<link"] {
        assert!(!html.contains(forbidden), "the report contains {forbidden}");
    }
    // Bars with intervals (benchmark), a time series and flows: at least four charts.
    assert!(html.matches("<svg").count() >= 4, "{} charts", html.matches("<svg").count());
    assert!(html.contains("<polyline"), "the time series has a line");
    assert!(html.contains("95 % interval"), "the benchmark bars have whiskers");
    assert!(html.contains("Faktiske mod forventede tilkendelser"));
    assert!(html.contains("Status efter afsluttet ressourceforløb"));
    assert!(html.contains("Grænsen er 5 personer"));
    // Kolding (621) is the municipality simulated to award twice what its composition predicts.
    assert!(html.contains("Kolding (621)"));
    // No case ids: the simulated cases are named K<kommunekode>-<n>.
    let journal_text = std::fs::read_to_string(&journal).unwrap();
    let first_case = journal_text.split("\"case\":\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap();
    assert!(!html.contains(first_case), "the report names case {first_case}");
    assert!(!html.contains("birth_date") && !html.contains("sb:"), "no personal data or caseworker ids");
}

#[test]
fn benchmark_without_the_html_format_is_refused() {
    let out = afklaring(&["indicators", "--population", "nowhere.csv", "--json", "--benchmark"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--benchmark kan kun bruges med --format html"));
}

#[test]
fn indicators_from_a_journal_file_equal_indicators_from_the_database_and_a_bad_file_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let (journal, population, db) = (path("j.jsonl"), path("pop.csv"), path("t.db"));
    ok(&afklaring(&[
        "simulate",
        "--profile",
        "country",
        "--cases",
        "2000",
        "--out",
        &journal,
        "--population",
        &population,
    ]));
    ok(&afklaring(&["import", &journal, "--db", &db]));
    let from_db = afklaring(&["indicators", "--db", &db, "--population", &population, "--format", "json"]);
    let from_file = afklaring(&["indicators", "--journal", &journal, "--population", &population, "--format", "json"]);
    ok(&from_db);
    ok(&from_file);
    assert!(!from_file.stdout.is_empty());
    assert_eq!(from_db.stdout, from_file.stdout, "the same cases give the same indicators");

    let mut text = std::fs::read_to_string(&journal).unwrap();
    let lines = text.lines().count();
    text.push_str("{\"case\":\"K101-000001\",\"at\":\"2030-01-01\",\"type\":\"samtale\"}\n");
    let bad = path("bad.jsonl");
    std::fs::write(&bad, text).unwrap();
    let refused = afklaring(&["indicators", "--journal", &bad, "--population", &population, "--format", "json"]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains(&format!("line {}, field `kind`", lines + 1)), "{stderr}");
}
