//! The case as known on the as-of date, with the look-ups the rules share.

use chrono::NaiveDate;

use crate::deadline;
use crate::evaluate::Settings;
use crate::facts::{
    Application, ApplicationKind, CaseFacts, Criterion, Decision, Document, DocumentKind, Judgement, MeasureKind,
    Recommendation, Ydelse,
};
use crate::meta::{RuleMeta, Span};
use crate::pl::p1a;
use crate::{ankestyrelsen, praksis};

/// What the law can rely on for one criterion.
#[derive(Debug, Clone, Copy)]
pub(crate) enum JudgementState<'a> {
    /// No judgement recorded.
    Missing,
    /// The judgement rests on no document in the case.
    Undocumented(&'a Judgement),
    /// The judgement rests on evidence older than the limit of `rule`.
    Stale { judgement: &'a Judgement, rule: &'static RuleMeta, newest: NaiveDate, limit: Span },
    /// A judgement the law can rely on.
    Valid(&'a Judgement),
}

impl JudgementState<'_> {
    /// The value, if the judgement can be relied on.
    pub(crate) fn value(&self) -> Option<bool> {
        match self {
            JudgementState::Valid(j) => Some(j.value),
            _ => None,
        }
    }

    pub(crate) fn is_true(&self) -> bool {
        self.value() == Some(true)
    }
}

/// The facts as of a date, under the settings.
pub(crate) struct View<'a> {
    pub facts: CaseFacts,
    pub as_of: NaiveDate,
    pub settings: &'a Settings,
}

impl<'a> View<'a> {
    pub(crate) fn new(facts: &CaseFacts, as_of: NaiveDate, settings: &'a Settings) -> Self {
        View { facts: facts.as_of(as_of), as_of, settings }
    }

    /// The latest judgement on `criterion` and whether it can be relied on.
    pub(crate) fn judgement(&self, criterion: Criterion) -> JudgementState<'_> {
        let Some(j) = self.facts.judgements.iter().filter(|j| j.criterion == criterion).max_by_key(|j| j.at) else {
            return JudgementState::Missing;
        };
        let basis: Vec<&Document> = self.facts.documents.iter().filter(|d| j.basis.contains(&d.id)).collect();
        if basis.is_empty() {
            return JudgementState::Undocumented(j);
        }
        let health_limit = self.settings.health_evidence_max_age;
        if let Some(newest) = basis.iter().filter(|d| d.kind.is_health_evidence()).map(|d| d.issued).max() {
            if health_limit.after(newest) < self.as_of {
                return JudgementState::Stale {
                    judgement: j,
                    rule: &praksis::HELBRED_AKTUALITET,
                    newest,
                    limit: health_limit,
                };
            }
        }
        let work_limit = self.settings.work_test_max_age;
        let newest_work_test =
            basis.iter().filter(|d| d.kind == DocumentKind::Arbejdsproevning).map(|d| d.issued).max();
        let other_fresh = basis
            .iter()
            .any(|d| d.kind != DocumentKind::Arbejdsproevning && health_limit.after(d.issued) >= self.as_of);
        if let Some(newest) = newest_work_test {
            if work_limit.after(newest) <= self.as_of && !other_fresh {
                return JudgementState::Stale { judgement: j, rule: &ankestyrelsen::P3_07, newest, limit: work_limit };
            }
        }
        JudgementState::Valid(j)
    }

    pub(crate) fn age(&self) -> Option<i32> {
        self.facts.birth_date.map(|b| deadline::age_in_years(b, self.as_of))
    }

    pub(crate) fn folkepension_date(&self) -> Option<NaiveDate> {
        self.facts.birth_date.map(|birth| p1a::folkepension_date(birth, self.as_of))
    }

    /// Whether a ressourceforløb has been tried (started) by the as-of date.
    pub(crate) fn ressourceforloeb_count(&self) -> usize {
        let measures = self.facts.measures.iter().filter(|m| m.kind == MeasureKind::Ressourceforloeb).count();
        let support = self.facts.support.iter().filter(|s| s.ydelse == Ydelse::Ressourceforloebsydelse).count();
        measures.max(support)
    }

    pub(crate) fn latest_application(&self, kind: ApplicationKind) -> Option<&Application> {
        self.facts.applications.iter().filter(|a| a.kind == kind).max_by_key(|a| a.at)
    }

    pub(crate) fn latest_recommendation(&self) -> Option<&Recommendation> {
        self.facts.recommendations.iter().max_by_key(|r| r.at)
    }

    pub(crate) fn latest_decision(&self) -> Option<&Decision> {
        self.facts.decisions.iter().max_by_key(|d| d.at)
    }

    pub(crate) fn has_document(&self, kind: DocumentKind) -> bool {
        self.facts.documents.iter().any(|d| d.kind == kind)
    }

    pub(crate) fn newest_document(&self, kind: DocumentKind) -> Option<&Document> {
        self.facts.documents.iter().filter(|d| d.kind == kind).max_by_key(|d| d.issued)
    }

    pub(crate) fn newest_health_document(&self) -> Option<&Document> {
        self.facts.documents.iter().filter(|d| d.kind.is_health_evidence()).max_by_key(|d| d.issued)
    }

    /// Support running on the as-of date.
    pub(crate) fn current_support(&self) -> Vec<(Ydelse, NaiveDate)> {
        self.facts
            .support
            .iter()
            .filter(|s| s.end.is_none_or(|e| e > self.as_of))
            .map(|s| (s.ydelse, s.start))
            .collect()
    }
}
