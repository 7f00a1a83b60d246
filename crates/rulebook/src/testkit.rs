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
