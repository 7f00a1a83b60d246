//! The report's comparisons are built from the real data files in shared/domain/data, inconsistencies included.

use analytics::report::{build_report, ReportComparisons, ReportError, REPORT_FILES};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/domain/data")
}

fn files() -> BTreeMap<String, String> {
    let dir = data_dir();
    REPORT_FILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name))
                .unwrap_or_else(|e| panic!("shared/domain/data/{name} must sit beside the repository ({e})"));
            ((*name).to_string(), text)
        })
        .collect()
}

fn report() -> ReportComparisons {
    build_report(&files()).expect("the report's files parse")
}

fn printed(report: &ReportComparisons, table: &str, row: &str, column: &str) -> Option<String> {
    let table = report.tables.iter().find(|t| t.id == table).expect("table");
    let column = table.columns.iter().position(|c| c == column).expect("column");
    let row = table.rows.iter().find(|r| r.key == row).expect("row");
    row.cells[column].as_ref().map(|c| c.printed.clone())
}

#[test]
fn status_after_ressourceforloeb_shows_copenhagen_against_all_four_comparators() {
    let report = report();
    assert_eq!(printed(&report, "t5_4_1m", "foertidspension", "kbh").as_deref(), Some("16"));
    assert_eq!(printed(&report, "t5_4_1m", "foertidspension", "klyngen").as_deref(), Some("84"));
    assert_eq!(printed(&report, "t5_4_6m", "foertidspension", "hele_landet").as_deref(), Some("54"));
    let table = report.tables.iter().find(|t| t.id == "t5_4_1m").expect("table");
    assert_eq!(table.column_labels[0], "København (n=188)");
    // The cluster's 50-versus-20 conflict and the prose-versus-table conflict sit beside the numbers.
    assert!(table.notes.iter().any(|n| n.contains("k23")), "{:#?}", table.notes);
    assert!(table.notes.iter().any(|n| n.contains("14,9")));
}

#[test]
fn suspect_prose_values_carry_their_flag_next_to_the_number() {
    let report = report();
    let table = report.tables.iter().find(|t| t.id == "ch5_values_from_text").expect("table");
    let row = table.rows.iter().find(|r| r.key == "Fig 5.1|udsatte_share_of_pop|2016Q4-2017Q3|16-66").expect("row");
    let cluster = row.cells[3].as_ref().expect("cluster value");
    assert_eq!(cluster.value, Some(4.0));
    assert!(cluster.note.as_deref().unwrap_or("").contains("SUSPECT"));
    assert!(table.notes.iter().any(|n| n.contains("k15")));
    assert!(table.notes.iter().any(|n| n.contains("k11")));
}

#[test]
fn appeals_and_week_before_pension_tables_keep_the_printed_values_and_caveats() {
    let report = report();
    assert_eq!(printed(&report, "t5_5", "TOTAL", "col7_omgoerelse_pct_printed").as_deref(), Some("2.3"));
    let fig = report.tables.iter().find(|t| t.id == "fig5_12").expect("fig5_12");
    let row = fig.rows.iter().find(|r| r.key == "ressourceforloeb").expect("row");
    assert_eq!(row.cells[0].as_ref().and_then(|c| c.value), Some(12.0));
    assert!(row.cells[2].as_ref().and_then(|c| c.note.clone()).is_some(), "Ballerup is assigned by panel order");
    assert!(report.checks.iter().filter(|c| c.problem).count() >= 5);
}

#[test]
fn a_missing_file_is_named() {
    let mut files = files();
    files.remove("t5_5_ankestyrelsen_kbh_ftp_2013h2_2016.csv");
    match build_report(&files) {
        Err(ReportError::MissingFiles(missing)) => {
            assert_eq!(missing, vec!["t5_5_ankestyrelsen_kbh_ftp_2013h2_2016.csv".to_string()])
        }
        other => panic!("expected a missing-file error, got {other:?}"),
    }
}
