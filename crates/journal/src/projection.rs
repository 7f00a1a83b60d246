//! The case projection: a case's state as the fold of its events up to a date. Other parts of
//! afklaring read this state, never the stored rows.

use crate::event::*;
use crate::ids::{CaseId, Kommunekode};
use crate::vocabulary::*;
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// The citizen, as the latest `borger` event describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Citizen {
    pub birth_date: NaiveDate,
    pub municipality: Kommunekode,
    pub sex: Option<Sex>,
    /// Whether a CPR number is on file (the number itself stays in the journal).
    pub has_cpr: bool,
}

/// A period on one kind of support (forsoergelse).
#[derive(Debug, Clone, PartialEq)]
pub struct SupportPeriod {
    pub ydelse: Ydelse,
    pub from: NaiveDate,
    /// The day it ended; `None` while it runs.
    pub to: Option<NaiveDate>,
}

/// A caseworker taking over the case.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub at: NaiveDate,
    pub caseworker: String,
    pub unit: String,
}

/// A conversation held with the citizen.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    pub at: NaiveDate,
    pub kind: String,
    pub by: Option<String>,
}

/// A document received into the case.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub kind: DokumentKind,
    pub issued: NaiveDate,
    pub received: NaiveDate,
    pub author: Option<String>,
    pub findings: Findings,
}

/// A measure (indsats) and when it ended, if it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub kind: String,
    pub start: NaiveDate,
    pub planned_end: Option<NaiveDate>,
    pub ended: Option<NaiveDate>,
    pub hours_per_week: Option<f64>,
    pub skaanehensyn_beskrevet: Option<bool>,
}

/// A professional judgement with the documents it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub at: NaiveDate,
    pub criterion: Criterion,
    pub value: bool,
    pub basis: Vec<String>,
    pub text: Option<String>,
    pub by: Option<String>,
}

/// The citizen's own application.
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    pub at: NaiveDate,
    pub kind: AnsoegningKind,
    pub years_full_time_work: Option<f64>,
    pub current_attachment: Option<CurrentAttachment>,
}

/// The case sent to the rehabilitation team's secretariat.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamSubmission {
    pub at: NaiveDate,
    pub genforelaeggelse: bool,
}

/// A meeting of the rehabilitation team on the case.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamMeeting {
    pub at: NaiveDate,
    pub attendees: Vec<String>,
}

/// The team's recommendation (indstilling).
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub id: String,
    pub at: NaiveDate,
    pub outcome: IndstillingOutcome,
    pub weighted: Option<Weighted>,
    pub work_functions: Option<Vec<String>>,
    pub goal: Option<String>,
    pub indsatser: Option<Vec<Value>>,
    pub see_again: Option<bool>,
    /// Other outcome-specific content, by key.
    pub extra: Map<String, Value>,
}

/// A hearing sent to the citizen.
#[derive(Debug, Clone, PartialEq)]
pub struct Hearing {
    pub at: NaiveDate,
    pub about: String,
}

/// The case passing to treatment under the pension rules (PL § 18, stk. 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub at: NaiveDate,
    pub notified: bool,
}

/// A decision made in the case.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: String,
    pub at: NaiveDate,
    pub by: Option<String>,
    pub decision: Afgoerelse,
}

/// A letter explaining a delay past PL § 21, stk. 1.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayLetter {
    pub at: NaiveDate,
    pub expected_by: NaiveDate,
    pub reason: Option<String>,
}

/// An appeal and, once it came, Ankestyrelsen's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Appeal {
    pub about: String,
    pub lodged: NaiveDate,
    pub result: Option<(NaiveDate, AnkeResult)>,
}

/// A journal note.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalNote {
    pub at: NaiveDate,
    pub by: Option<String>,
    pub text: String,
}

/// Where the case stands, derived from its latest steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Opened; the case has not been sent to the team.
    Aaben,
    /// Sent to the rehabilitation team, no meeting yet.
    ForelagtRehabiliteringsteam,
    /// The team has met; no recommendation yet.
    Behandlet,
    /// The team has recommended; no decision since.
    Indstillet,
    /// Passed to treatment under the pension rules; no decision since.
    PensionsSag,
    /// Decided; the latest decision stands.
    Afgjort,
    /// The latest decision is appealed and Ankestyrelsen has not answered.
    Paaklaget,
}

/// A case's state as of a date: the fold of its events.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseState {
    pub case: CaseId,
    pub citizen: Option<Citizen>,
    pub opened: Option<NaiveDate>,
    pub last_event: Option<NaiveDate>,
    pub event_count: usize,
    pub support: Vec<SupportPeriod>,
    pub assignments: Vec<Assignment>,
    pub conversations: Vec<Conversation>,
    pub documents: Vec<Document>,
    pub measures: Vec<Measure>,
    pub judgements: Vec<Judgement>,
    pub applications: Vec<Application>,
    pub team_submissions: Vec<TeamSubmission>,
    pub team_meetings: Vec<TeamMeeting>,
    pub recommendations: Vec<Recommendation>,
    pub hearings: Vec<Hearing>,
    pub transitions: Vec<Transition>,
    pub meeting_offers: Vec<NaiveDate>,
    pub decisions: Vec<Decision>,
    pub delay_letters: Vec<DelayLetter>,
    pub appeals: Vec<Appeal>,
    pub notes: Vec<JournalNote>,
    /// Who wrote each event that names its author, and when: for counting hands in the case.
    pub writers: Vec<(NaiveDate, String)>,
}

impl CaseState {
    /// An empty state for a case.
    pub fn new(case: CaseId) -> Self {
        CaseState {
            case,
            citizen: None,
            opened: None,
            last_event: None,
            event_count: 0,
            support: Vec::new(),
            assignments: Vec::new(),
            conversations: Vec::new(),
            documents: Vec::new(),
            measures: Vec::new(),
            judgements: Vec::new(),
            applications: Vec::new(),
            team_submissions: Vec::new(),
            team_meetings: Vec::new(),
            recommendations: Vec::new(),
            hearings: Vec::new(),
            transitions: Vec::new(),
            meeting_offers: Vec::new(),
            decisions: Vec::new(),
            delay_letters: Vec::new(),
            appeals: Vec::new(),
            notes: Vec::new(),
            writers: Vec::new(),
        }
    }

    /// Folds a case's events (oldest first) as of a date: events after `as_of` are left out.
    /// Returns `None` when no event of the case is on or before the date.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>, as_of: Option<NaiveDate>) -> Option<Self> {
        Self::fold_owned(
            events.into_iter().filter(|event| as_of.is_none_or(|date| event.date() <= date)).cloned(),
            as_of,
        )
    }

    /// As [`CaseState::fold`], taking the events: what the state keeps is moved, not copied.
    pub fn fold_owned(events: impl IntoIterator<Item = Event>, as_of: Option<NaiveDate>) -> Option<Self> {
        let mut state: Option<CaseState> = None;
        for event in events {
            if as_of.is_some_and(|date| event.date() > date) {
                continue;
            }
            match &mut state {
                Some(state) => state.apply_owned(event),
                None => {
                    let mut first = CaseState::new(event.case.clone());
                    first.apply_owned(event);
                    state = Some(first);
                }
            }
        }
        state
    }

    /// Applies the next event of the case.
    pub fn apply(&mut self, event: &Event) {
        self.apply_owned(event.clone())
    }

    /// Applies the next event of the case, taking it.
    pub fn apply_owned(&mut self, event: Event) {
        let at = event.date();
        self.event_count += 1;
        self.opened.get_or_insert(at);
        self.last_event = Some(self.last_event.map_or(at, |last| last.max(at)));
        let Event { by, id, body, extra, .. } = event;
        if let Some(by) = &by {
            self.writers.push((at, by.clone()));
        }
        let id = id.unwrap_or_default();
        match body {
            EventBody::Borger { birth_date, municipality, sex, cpr } => {
                self.citizen = Some(Citizen { birth_date, municipality, sex, has_cpr: cpr.is_some() });
            }
            EventBody::YdelseStart { ydelse } => {
                self.support.push(SupportPeriod { ydelse, from: at, to: None });
            }
            EventBody::YdelseSlut { ydelse } => {
                if let Some(period) = self.support.iter_mut().rev().find(|p| p.ydelse == ydelse && p.to.is_none()) {
                    period.to = Some(at);
                }
            }
            EventBody::Tildelt { sagsbehandler, enhed } => {
                self.assignments.push(Assignment { at, caseworker: sagsbehandler, unit: enhed })
            }
            EventBody::Samtale { kind } => self.conversations.push(Conversation { at, kind, by }),
            EventBody::Dokument { kind, issued, author, findings } => self.documents.push(Document {
                id,
                kind,
                issued,
                received: at,
                author,
                findings: findings.unwrap_or_default(),
            }),
            EventBody::IndsatsStart { kind, hours_per_week, planned_end, skaanehensyn_beskrevet } => {
                self.measures.push(Measure {
                    id,
                    kind,
                    start: at,
                    planned_end,
                    ended: None,
                    hours_per_week,
                    skaanehensyn_beskrevet,
                })
            }
            EventBody::IndsatsSlut { .. } => {
                if let Some(measure) = self.measures.iter_mut().rev().find(|m| m.id == id && m.ended.is_none()) {
                    measure.ended = Some(at);
                }
            }
            EventBody::Vurdering { criterion, value, basis, text } => {
                self.judgements.push(Judgement { at, criterion, value, basis, text, by })
            }
            EventBody::Ansoegning { kind, years_full_time_work, current_attachment } => {
                self.applications.push(Application { at, kind, years_full_time_work, current_attachment })
            }
            EventBody::ForelagtRehabiliteringsteam { genforelaeggelse } => {
                self.team_submissions.push(TeamSubmission { at, genforelaeggelse: genforelaeggelse.unwrap_or(false) })
            }
            EventBody::Rehabiliteringsmoede { attendees } => self.team_meetings.push(TeamMeeting { at, attendees }),
            EventBody::Indstilling { outcome, weighted, work_functions, goal, indsatser, see_again } => self
                .recommendations
                .push(Recommendation { id, at, outcome, weighted, work_functions, goal, indsatser, see_again, extra }),
            EventBody::PartshoeringSendt { about } => self.hearings.push(Hearing { at, about }),
            EventBody::OvergangFoertidspension { notified } => self.transitions.push(Transition { at, notified }),
            EventBody::MoedeTilbudt => self.meeting_offers.push(at),
            EventBody::Afgoerelse(decision) => self.decisions.push(Decision { id, at, by, decision }),
            EventBody::Udsaettelsesbrev { expected_by, reason } => {
                self.delay_letters.push(DelayLetter { at, expected_by, reason })
            }
            EventBody::Klage { about } => self.appeals.push(Appeal { about, lodged: at, result: None }),
            EventBody::Ankestyrelsen { about, result } => {
                match self.appeals.iter_mut().rev().find(|a| a.about == about && a.result.is_none()) {
                    Some(appeal) => appeal.result = Some((at, result)),
                    // A result without a recorded appeal still counts as an appeal of that decision.
                    None => self.appeals.push(Appeal { about, lodged: at, result: Some((at, result)) }),
                }
            }
            EventBody::Note { text } => self.notes.push(JournalNote { at, by, text }),
        }
    }

    /// The support running on the date (the latest started one if several run).
    pub fn support_on(&self, date: NaiveDate) -> Option<Ydelse> {
        self.support.iter().rev().find(|p| p.from <= date && p.to.is_none_or(|to| to > date)).map(|p| p.ydelse)
    }

    /// The support running at the end of the fold.
    pub fn current_support(&self) -> Option<Ydelse> {
        self.support.iter().rev().find(|p| p.to.is_none()).map(|p| p.ydelse)
    }

    /// The caseworker who has the case now.
    pub fn current_assignment(&self) -> Option<&Assignment> {
        self.assignments.last()
    }

    /// How many times the case changed hands: each assignment to a different caseworker after the first.
    pub fn handovers(&self) -> usize {
        self.assignments.windows(2).filter(|pair| pair[0].caseworker != pair[1].caseworker).count()
    }

    /// Distinct actors who wrote in the case from `from` to `to`, both included.
    pub fn distinct_writers(&self, from: NaiveDate, to: NaiveDate) -> usize {
        let mut names: Vec<&str> =
            self.writers.iter().filter(|(at, _)| (from..=to).contains(at)).map(|(_, by)| by.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    }

    /// A document by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The latest judgement on a criterion (a later one corrects an earlier one).
    pub fn latest_judgement(&self, criterion: Criterion) -> Option<&Judgement> {
        self.judgements.iter().rev().find(|j| j.criterion == criterion)
    }

    /// The latest decision.
    pub fn latest_decision(&self) -> Option<&Decision> {
        self.decisions.last()
    }

    /// The latest recommendation.
    pub fn latest_recommendation(&self) -> Option<&Recommendation> {
        self.recommendations.last()
    }

    /// The citizen's age in whole years on a date.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        self.citizen.as_ref().and_then(|c| date.years_since(c.birth_date))
    }

    /// Where the case stands, from its latest steps.
    pub fn phase(&self) -> Phase {
        let last = |dates: &mut dyn Iterator<Item = NaiveDate>| dates.max();
        let decided = last(&mut self.decisions.iter().map(|d| d.at));
        if let Some(decided) = decided {
            let open_appeal = self.appeals.iter().any(|a| a.result.is_none() && a.lodged >= decided);
            let newer_step = [
                last(&mut self.team_submissions.iter().map(|s| s.at)),
                last(&mut self.transitions.iter().map(|t| t.at)),
            ]
            .into_iter()
            .flatten()
            .any(|at| at > decided);
            if open_appeal {
                return Phase::Paaklaget;
            }
            if !newer_step {
                return Phase::Afgjort;
            }
        }
        let after_decision = |at: NaiveDate| decided.is_none_or(|d| at > d);
        if self.transitions.iter().any(|t| after_decision(t.at)) {
            return Phase::PensionsSag;
        }
        if self.recommendations.iter().any(|r| after_decision(r.at)) {
            return Phase::Indstillet;
        }
        if self.team_meetings.iter().any(|m| after_decision(m.at)) {
            return Phase::Behandlet;
        }
        if self.team_submissions.iter().any(|s| after_decision(s.at)) {
            return Phase::ForelagtRehabiliteringsteam;
        }
        Phase::Aaben
    }
}
