//! Builders for tests: a citizen, documents and judgements in a few words.
#![allow(dead_code, reason = "each test module uses a subset")]

use chrono::NaiveDate;

use crate::facts::{CaseFacts, Criterion, Document, DocumentKind, Judgement};
use crate::meta::ymd;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    ymd(y, m, day)
}

pub(crate) fn citizen(birth: NaiveDate) -> CaseFacts {
    CaseFacts { birth_date: Some(birth), municipality: Some("101".into()), ..CaseFacts::default() }
}

pub(crate) fn with_doc(mut f: CaseFacts, id: &str, kind: DocumentKind, issued: NaiveDate) -> CaseFacts {
    f.documents.push(Document::new(id, kind, issued));
    f
}

pub(crate) fn judge(mut f: CaseFacts, at: NaiveDate, c: Criterion, value: bool, basis: &[&str]) -> CaseFacts {
    f.judgements.push(Judgement::new(at, c, value, basis));
    f
}

/// Add a fresh health document `doc` and judgements on it.
pub(crate) fn judged(mut f: CaseFacts, on: NaiveDate, criteria: &[(Criterion, bool)]) -> CaseFacts {
    let id = format!("doc-{on}");
    if !f.documents.iter().any(|d| d.id == id) {
        f.documents.push(Document::new(&id, DocumentKind::KliniskFunktion, on));
    }
    for (c, v) in criteria {
        f.judgements.push(Judgement::new(on, *c, *v, &[id.as_str()]));
    }
    f
}

/// Evaluate and unwrap (the date is after the earliest edition in every test).
pub(crate) fn eval(f: &CaseFacts, on: NaiveDate) -> crate::Conclusions {
    crate::evaluate(f, on, None).unwrap_or_else(|| panic!("no edition on {on}"))
}

/// Whether any finding in the list carries `rule`.
pub(crate) fn cites(findings: &[crate::Finding], rule: &str) -> bool {
    findings.iter().any(|f| f.rule == rule)
}
