//! Shared helpers for the progress tests: fixture journals under `fixtures/progress/`.

#![allow(dead_code, reason = "each test file uses a different subset")]

use chrono::NaiveDate;
use journal::Event;

/// A date from its parts; panics only on a typo in a test.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// The events of a fixture journal, grouped by case in the order cases first appear.
pub fn fixture(name: &str) -> Vec<Vec<Event>> {
    let path = format!("{}/../../fixtures/progress/{name}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let events = journal::parse_journal(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cases: Vec<Vec<Event>> = Vec::new();
    for event in events {
        match cases.iter_mut().find(|c| c[0].case == event.case) {
            Some(case) => case.push(event),
            None => cases.push(vec![event]),
        }
    }
    cases
}

/// The worklist of a fixture as of a date with default settings.
pub fn items(name: &str, as_of: NaiveDate) -> Vec<progress::WorkItem> {
    progress::worklist(&fixture(name), as_of, &progress::Scope::All, &progress::Settings::default())
}

/// The items of one rule.
pub fn of_rule(items: &[progress::WorkItem], rule: &str) -> Vec<progress::WorkItem> {
    items.iter().filter(|i| i.rule == rule).cloned().collect()
}

/// The (due, state) of the single item of a rule, `None` if it did not fire.
pub fn fired(name: &str, as_of: NaiveDate, rule: &str) -> Option<(Option<NaiveDate>, progress::ItemState)> {
    let all = items(name, as_of);
    let hits = of_rule(&all, rule);
    assert!(hits.len() <= 1, "{rule} fired {} times: {hits:#?}", hits.len());
    hits.first().map(|i| (i.due, i.state))
}
