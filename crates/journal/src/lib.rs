//! The case journal: the event vocabulary of `spec/journal.md`, a line-numbered parser that reports
//! every problem at once, a writer that gives the same bytes back, and the case projection.
//!
//! This crate and `web` are the only ones that know serialisation formats.

mod check;
mod event;
mod ids;
mod parse;
mod projection;
mod raw;
mod vocabulary;
mod write;

pub use check::Checker;
pub use event::{Afgoerelse, Event, EventBody, Findings, Weighted};
pub use ids::{format_date, format_date_da, parse_date, At, CaseId, Cpr, Kommunekode};
pub use parse::{
    check_journal_each, parse_draft_decision, parse_journal, parse_journal_with, parse_line, ParseErrors, Problem,
};
pub use projection::*;
pub use vocabulary::*;
pub use write::{event_to_map, push_event, write_event, write_journal};
