//! Evaluation: a case's facts as of a date, judged under the edition in force on that date.

mod deadlines;
mod defects;
mod missing;
mod route;
mod tracks;

use chrono::NaiveDate;

use crate::conclusions::{Conclusions, Finding, Status, Track, Tracks};
use crate::edition::edition_for;
use crate::facts::{CaseFacts, Criterion, Decision};
use crate::meta::{RuleMeta, Span};
use crate::praksis;
use crate::view::{JudgementState, View};

/// Settings where the law gives no number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Health evidence older than this makes a judgement resting on it undocumented.
    pub health_evidence_max_age: Span,
    /// A work test this old cannot exclude improvement (P-3-07).
    pub work_test_max_age: Span,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            health_evidence_max_age: praksis::HELBRED_MAKS_ALDER[0].value,
            work_test_max_age: praksis::ARBEJDSPROEVNING_MAKS_ALDER[0].value,
        }
    }
}

/// Judge `facts` as of `as_of` under the law in force on that date, checking the latest
/// decision and `draft` (if given) for defects. `None` only before the earliest edition.
pub fn evaluate(facts: &CaseFacts, as_of: NaiveDate, draft: Option<&Decision>) -> Option<Conclusions> {
    evaluate_with(facts, as_of, draft, &Settings::default())
}

/// [`evaluate`] with explicit settings.
pub fn evaluate_with(
    facts: &CaseFacts,
    as_of: NaiveDate,
    draft: Option<&Decision>,
    settings: &Settings,
) -> Option<Conclusions> {
    let edition = edition_for(as_of)?;
    let view = View::new(facts, as_of, settings);
    let tracks = tracks::all(&view);
    let route = route::route(&view, &tracks);
    let deadlines = deadlines::all(&view, &route);
    let defects = defects::all(&view, facts, draft);
    let missing = missing::all(&view, &tracks, &route);
    Some(Conclusions { as_of, edition: edition.id, tracks, route, deadlines, defects, missing })
}

/// Tracks only, as of a date (used to judge a decision against the law on its own date).
pub(crate) fn tracks_on(facts: &CaseFacts, date: NaiveDate, settings: &Settings) -> Tracks {
    tracks::all(&View::new(facts, date, settings))
}

/// How far a track has got; ordered so the worst wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Met,
    NeedsJudgement,
    NeedsEvidence,
    NotMet,
}

/// Collects a track's findings condition by condition.
pub(crate) struct TrackBuilder {
    worst: Level,
    findings: Vec<Finding>,
}

impl TrackBuilder {
    pub(crate) fn new() -> Self {
        TrackBuilder { worst: Level::Met, findings: Vec::new() }
    }

    fn raise(&mut self, level: Level) {
        self.worst = self.worst.max(level);
    }

    /// A finding that does not change the status.
    pub(crate) fn note(&mut self, meta: &RuleMeta, text: impl Into<String>) {
        self.findings.push(Finding::new(meta, text));
    }

    /// A condition that is not met.
    pub(crate) fn fail(&mut self, meta: &RuleMeta, text: impl Into<String>) {
        self.raise(Level::NotMet);
        self.note(meta, text);
    }

    /// A judgement the law needs is not recorded.
    pub(crate) fn need_judgement(&mut self, meta: &RuleMeta, text: impl Into<String>) {
        self.raise(Level::NeedsJudgement);
        self.note(meta, text);
    }

    /// Evidence is missing or too old.
    pub(crate) fn need_evidence(&mut self, meta: &RuleMeta, text: impl Into<String>) {
        self.raise(Level::NeedsEvidence);
        self.note(meta, text);
    }

    /// Record a judgement that cannot be relied on; returns its value if it can.
    pub(crate) fn judged(&mut self, meta: &RuleMeta, criterion: Criterion, state: JudgementState<'_>) -> Option<bool> {
        let q = criterion.question_da();
        match state {
            JudgementState::Missing => {
                self.need_judgement(meta, format!("Der mangler en faglig vurdering af, {q} ({}).", criterion.as_str()));
                None
            }
            JudgementState::Undocumented(j) => {
                self.need_evidence(
                    meta,
                    format!("Vurderingen af, {q} (fra {}), hviler ikke på dokumenter i sagen.", j.at),
                );
                None
            }
            JudgementState::Stale { judgement, rule, newest, limit } => {
                self.need_evidence(
                    rule,
                    format!(
                        "Vurderingen af, {q} (fra {}), hviler på oplysninger fra {newest}, som er ældre end {}. Der skal indhentes nye oplysninger.",
                        judgement.at,
                        limit.danish()
                    ),
                );
                None
            }
            JudgementState::Valid(j) => {
                let answer = if j.value { "ja" } else { "nej" };
                self.note(meta, format!("Vurdering af, {q}: {answer} ({}).", j.at));
                Some(j.value)
            }
        }
    }

    /// Require a judgement with the value `wanted`; a different value fails the condition.
    pub(crate) fn require(
        &mut self,
        view: &View<'_>,
        meta: &RuleMeta,
        criterion: Criterion,
        wanted: bool,
    ) -> Option<bool> {
        let value = self.judged(meta, criterion, view.judgement(criterion));
        if let Some(v) = value {
            if v != wanted {
                self.raise(Level::NotMet);
            }
        }
        value
    }

    pub(crate) fn status(&self) -> Status {
        match self.worst {
            Level::Met => Status::Opfyldt,
            Level::NeedsJudgement => Status::ManglerVurdering,
            Level::NeedsEvidence => Status::ManglerDokumentation,
            Level::NotMet => Status::IkkeOpfyldt,
        }
    }

    pub(crate) fn finish(self) -> Track {
        let status = self.status();
        Track { status, findings: self.findings }
    }

    /// The track is not in play.
    pub(crate) fn not_in_play(meta: &RuleMeta, text: impl Into<String>) -> Track {
        Track { status: Status::IkkeAktuel, findings: vec![Finding::new(meta, text)] }
    }
}
