//! The law of ressourceforløb, fleksjob and førtidspension as a pure, dated library.
//!
//! `rulebook` does no I/O, never reads the clock and depends on no other crate of the
//! project. Each act has a module (`pl`, `lab`, `rsl`, `fvl`, `lou`, `bek_996_2016`,
//! `bek_1092_2016`), principle decisions live in [`ankestyrelsen`] and interpretations and
//! local targets in [`praksis`]. Every rule version carries an id, a citation, the period it is
//! in force and its source; [`catalogue`] lists them all. [`evaluate`] judges a case's
//! [`CaseFacts`] as of a date under the [`Edition`] in force on that date.

pub mod ankestyrelsen;
pub mod bek_1092_2016;
pub mod bek_996_2016;
mod catalogue;
mod conclusions;
mod criterion;
pub mod deadline;
mod edition;
mod evaluate;
mod facts;
pub mod fvl;
pub mod lab;
pub mod lou;
mod meta;
pub mod pl;
pub mod praksis;
pub mod rsl;
#[cfg(test)]
mod testkit;
mod view;

pub use catalogue::catalogue;
pub use conclusions::{
    Conclusions, Deadline, DeadlineState, Finding, Missing, Route, RouteValue, Status, Track, Tracks,
};
pub use edition::{edition_for, Edition, EDITIONS, L193_IN_FORCE, REFORM_2013};
pub use evaluate::{evaluate, evaluate_with, Settings};
pub use facts::{
    Appeal, AppealResult, Application, ApplicationKind, Assignment, Attachment, CaseFacts, Conversation, Criterion,
    Decision, DecisionOutcome, DelayLetter, DiagnosisGroup, Document, DocumentFindings, DocumentKind, FunctionLevel,
    Hearing, Judgement, Measure, MeasureKind, MeetingOffer, PensionTransition, Recommendation, RecommendationOutcome,
    SupportPeriod, TeamMeeting, TeamSubmission, Weighted, Ydelse,
};
pub use meta::{rule_on, version_on, Dated, Period, RuleMeta, SourceKind, Span};

/// Errors a caller can get from the rulebook's fallible helpers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulebookError {
    /// The date lies before the earliest edition.
    #[error("{0} ligger før den tidligste udgave af regelsamlingen (1. januar 2013)")]
    BeforeEarliestEdition(chrono::NaiveDate),
}

/// Like [`evaluate`], but a date before the earliest edition is an error.
pub fn try_evaluate(
    facts: &CaseFacts,
    as_of: chrono::NaiveDate,
    draft: Option<&Decision>,
) -> Result<Conclusions, RulebookError> {
    evaluate(facts, as_of, draft).ok_or(RulebookError::BeforeEarliestEdition(as_of))
}
