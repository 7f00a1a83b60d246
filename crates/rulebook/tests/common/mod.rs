//! Shared builders for the integration tests (included with `mod common;`).
#![allow(dead_code, reason = "each test file uses a subset")]

use chrono::NaiveDate;
use rulebook::{CaseFacts, Conclusions, Criterion, Document, DocumentKind, Finding, Judgement};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

pub fn citizen(birth: NaiveDate) -> CaseFacts {
    CaseFacts { birth_date: Some(birth), municipality: Some("101".into()), ..CaseFacts::default() }
}

pub fn doc(f: &mut CaseFacts, id: &str, kind: DocumentKind, issued: NaiveDate) -> usize {
    f.documents.push(Document::new(id, kind, issued));
    f.documents.len() - 1
}

pub fn judge(f: &mut CaseFacts, at: NaiveDate, basis: &[&str], criteria: &[(Criterion, bool)]) {
    for (c, v) in criteria {
        f.judgements.push(Judgement::new(at, *c, *v, basis));
    }
}

pub fn eval(f: &CaseFacts, on: NaiveDate) -> Conclusions {
    match rulebook::evaluate(f, on, None) {
        Some(c) => c,
        None => panic!("no edition on {on}"),
    }
}

pub fn cites(findings: &[Finding], rule: &str) -> bool {
    findings.iter().any(|f| f.rule == rule)
}
