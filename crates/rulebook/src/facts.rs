//! The legal view of one case: the facts the law needs, in the legal vocabulary of the journal spec.
//!
//! `assess` maps a journal into [`CaseFacts`]; tests build them directly. Every dated item counts
//! only when its date is on or before the as-of date ([`CaseFacts::as_of`]).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::criterion::Criterion;

/// Everything the law needs to know about one case.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CaseFacts {
    /// The citizen's birth date, if known.
    pub birth_date: Option<NaiveDate>,
    /// Kommunekode (3 digits), if known.
    pub municipality: Option<String>,
    /// Support history (forsørgelseshistorik).
    pub support: Vec<SupportPeriod>,
    /// Evidence received into the case.
    pub documents: Vec<Document>,
    /// Measures (indsatser).
    pub measures: Vec<Measure>,
    /// Professional judgements (vurderinger).
    pub judgements: Vec<Judgement>,
    /// The citizen's own applications.
    pub applications: Vec<Application>,
    /// Submissions to the rehabiliteringsteam's secretariat.
    pub team_submissions: Vec<TeamSubmission>,
    /// Rehabiliteringsteam meetings held.
    pub team_meetings: Vec<TeamMeeting>,
    /// The team's recommendations (indstillinger).
    pub recommendations: Vec<Recommendation>,
    /// Hearings sent to the citizen (partshøring).
    pub hearings: Vec<Hearing>,
    /// Decisions that the case passes to treatment under the pension rules.
    pub pension_transitions: Vec<PensionTransition>,
    /// Meeting offers before a pension decision (PL § 20, stk. 3).
    pub meeting_offers: Vec<MeetingOffer>,
    /// The municipality's decisions (afgørelser).
    pub decisions: Vec<Decision>,
    /// Letters explaining a delay past PL § 21, stk. 1.
    pub delay_letters: Vec<DelayLetter>,
    /// Appeals and Ankestyrelsen's results.
    pub appeals: Vec<Appeal>,
    /// Conversations held with the citizen.
    pub conversations: Vec<Conversation>,
    /// Caseworker assignments (each new one is a handover).
    pub assignments: Vec<Assignment>,
}

/// The kind of support (ydelse), as named in the journal spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum Ydelse {
    KontanthjaelpAktivitetsparat,
    KontanthjaelpJobparat,
    Uddannelseshjaelp,
    Sygedagpenge,
    Ressourceforloebsydelse,
    Jobafklaringsforloeb,
    Ledighedsydelse,
    Fleksjob,
    Revalidering,
    Foertidspension,
    Seniorfoertidspension,
    Folkepension,
    Selvforsoergelse,
    Job,
    Uddannelse,
}

/// A period on one kind of support; `end` is `None` while it runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportPeriod {
    /// Which support.
    pub ydelse: Ydelse,
    /// First day.
    pub start: NaiveDate,
    /// Day it ended, if it has.
    pub end: Option<NaiveDate>,
}

/// Kinds of evidence, as named in the journal spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum DocumentKind {
    ForberedendeDel,
    Lae265,
    KliniskFunktion,
    Sundhedskoordinator,
    Speciallaege,
    Laegekonsulent,
    Statusattest,
    Arbejdsproevning,
    Leverandoerrapport,
    Funktionsevnebeskrivelse,
    Ressourceprofil,
    Partshoeringssvar,
    Andet,
}

impl DocumentKind {
    /// Whether the document is health evidence (its age matters).
    pub fn is_health_evidence(self) -> bool {
        matches!(
            self,
            DocumentKind::Lae265
                | DocumentKind::KliniskFunktion
                | DocumentKind::Sundhedskoordinator
                | DocumentKind::Speciallaege
                | DocumentKind::Laegekonsulent
                | DocumentKind::Statusattest
        )
    }
}

/// Diagnosis groups of the journal spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum DiagnosisGroup {
    Psykisk,
    Bevaegeapparat,
    Kraeft,
    Neurologisk,
    HjerteKar,
    Andet,
}

/// Function level stated in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum FunctionLevel {
    Let,
    Moderat,
    Svaer,
}

/// Findings stated in a document; all optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs, reason = "fields mirror the journal spec's dokument.findings")]
pub struct DocumentFindings {
    pub treatment_exhausted: Option<bool>,
    pub stationary: Option<bool>,
    pub progressive: Option<bool>,
    pub primary_diagnosis: Option<String>,
    pub diagnosis_group: Option<DiagnosisGroup>,
    pub hours_per_week: Option<f64>,
    pub weeks: Option<f64>,
    pub function_level: Option<FunctionLevel>,
    pub contradictory: Option<bool>,
}

/// A piece of evidence received into the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Id that judgements point at.
    pub id: String,
    /// What it is.
    pub kind: DocumentKind,
    /// The date the document was written; its age is counted from here.
    pub issued: NaiveDate,
    /// The date it entered the case (the event's `at`).
    pub received_at: NaiveDate,
    /// Who wrote it, if known.
    pub author: Option<String>,
    /// What it finds.
    pub findings: DocumentFindings,
}

impl Document {
    /// A document received on the day it was issued, without findings.
    pub fn new(id: &str, kind: DocumentKind, issued: NaiveDate) -> Self {
        Document {
            id: id.to_string(),
            kind,
            issued,
            received_at: issued,
            author: None,
            findings: DocumentFindings::default(),
        }
    }
}

/// Kinds of measure (indsats); the journal leaves the list open.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum MeasureKind {
    Virksomhedspraktik,
    Arbejdsproevning,
    Mentor,
    Behandling,
    Revalidering,
    Ressourceforloeb,
    Mestringsforloeb,
    /// Any other kind, by its journal name.
    Andet(String),
}

/// A measure the citizen takes part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// Id (an `indsats_slut` repeats it).
    pub id: String,
    /// What it is.
    pub kind: MeasureKind,
    /// First day.
    pub start: NaiveDate,
    /// Planned last day; starts the RSL § 7 a clock.
    pub planned_end: Option<NaiveDate>,
    /// Actual end, if it has ended.
    pub end: Option<NaiveDate>,
    /// Hours a week, if stated.
    pub hours_per_week: Option<f64>,
    /// Whether the skånehensyn were described.
    pub skaanehensyn_beskrevet: Option<bool>,
}

impl Measure {
    /// A running measure without planned end.
    pub fn new(id: &str, kind: MeasureKind, start: NaiveDate) -> Self {
        Measure {
            id: id.to_string(),
            kind,
            start,
            planned_end: None,
            end: None,
            hours_per_week: None,
            skaanehensyn_beskrevet: None,
        }
    }
}

/// A professional judgement, with the documents it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    /// When it was made.
    pub at: NaiveDate,
    /// What it is about.
    pub criterion: Criterion,
    /// The conclusion.
    pub value: bool,
    /// Ids of the documents it rests on.
    pub basis: Vec<String>,
    /// The professional reasoning, if written.
    pub text: Option<String>,
}

impl Judgement {
    /// A judgement resting on the given document ids.
    pub fn new(at: NaiveDate, criterion: Criterion, value: bool, basis: &[&str]) -> Self {
        Judgement { at, criterion, value, basis: basis.iter().map(|b| b.to_string()).collect(), text: None }
    }
}

/// Kinds of application by the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// PL § 17, stk. 2: førtidspension on the existing evidence.
    FoertidspensionForeliggendeGrundlag,
    /// PL § 17, stk. 3.
    Seniorfoertidspension,
    /// A fleksjob application.
    Fleksjob,
}

/// Current attachment to the labour market, for seniorførtidspension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum Attachment {
    Beskaeftigelse,
    Sygedagpenge,
    HelbredsbetingetOphoer,
    KontanthjaelpKort,
    KontanthjaelpLaenge,
}

/// The citizen's own application.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Application {
    /// When it was made.
    pub at: NaiveDate,
    /// What it is for.
    pub kind: ApplicationKind,
    /// For seniorførtidspension: years of full-time work.
    pub years_full_time_work: Option<f64>,
    /// For seniorførtidspension: current attachment.
    pub current_attachment: Option<Attachment>,
}

impl Application {
    /// An application without the seniorførtidspension details.
    pub fn new(at: NaiveDate, kind: ApplicationKind) -> Self {
        Application { at, kind, years_full_time_work: None, current_attachment: None }
    }
}

/// The case is sent to the team's secretariat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamSubmission {
    /// When.
    pub at: NaiveDate,
    /// Whether this is a re-presentation (LOU § 11, stk. 2).
    pub genforelaeggelse: bool,
}

/// A team meeting held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamMeeting {
    /// When.
    pub at: NaiveDate,
    /// Roles present.
    pub attendees: Vec<String>,
}

/// Outcomes of the team's recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum RecommendationOutcome {
    Foertidspension,
    Fleksjob,
    Ressourceforloeb,
    AndenIndsats,
    Revalidering,
    Udsaettelse,
}

/// The factors the team weighted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Weighted {
    /// Employment factors.
    pub beskaeftigelse: Option<String>,
    /// Social factors.
    pub social: Option<String>,
    /// Health factors.
    pub helbred: Option<String>,
}

/// The team's recommendation (indstilling).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// Id.
    pub id: String,
    /// When.
    pub at: NaiveDate,
    /// What the team recommends.
    pub outcome: RecommendationOutcome,
    /// The factors weighted.
    pub weighted: Weighted,
    /// Work functions or fleksjob types named.
    pub work_functions: Vec<String>,
    /// The overall employment or education goal.
    pub goal: Option<String>,
    /// Whether the needed measures are described.
    pub indsatser: bool,
    /// Whether the team wants to see the case again.
    pub see_again: Option<bool>,
    /// Other content keys present (see [`crate::bek_996_2016`] for the names the rules look for).
    pub content_keys: BTreeSet<String>,
}

impl Recommendation {
    /// A recommendation with no content yet.
    pub fn new(id: &str, at: NaiveDate, outcome: RecommendationOutcome) -> Self {
        Recommendation {
            id: id.to_string(),
            at,
            outcome,
            weighted: Weighted::default(),
            work_functions: Vec::new(),
            goal: None,
            indsatser: false,
            see_again: None,
            content_keys: BTreeSet::new(),
        }
    }

    /// Whether a content key is present.
    pub fn has(&self, key: &str) -> bool {
        self.content_keys.contains(key)
    }
}

/// A hearing sent to the citizen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hearing {
    /// When.
    pub at: NaiveDate,
    /// Id of the recommendation or draft decision.
    pub about: String,
}

/// The case passes to treatment under the pension rules (PL § 18, stk. 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PensionTransition {
    /// When.
    pub at: NaiveDate,
    /// Whether the citizen was told the date.
    pub notified: bool,
}

/// The citizen is offered a meeting with the decision-maker (PL § 20, stk. 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingOffer {
    /// When.
    pub at: NaiveDate,
}

/// Outcomes of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum DecisionOutcome {
    TilkendtFoertidspension,
    AfslagFoertidspension,
    TilkendtSeniorfoertidspension,
    AfslagSeniorfoertidspension,
    BevilgetFleksjob,
    AfslagFleksjob,
    BevilgetRessourceforloeb,
    AfslagRessourceforloeb,
    AndenIndsats,
}

impl DecisionOutcome {
    /// Whether this is a decision about (senior)førtidspension.
    pub fn is_pension(self) -> bool {
        matches!(
            self,
            DecisionOutcome::TilkendtFoertidspension
                | DecisionOutcome::AfslagFoertidspension
                | DecisionOutcome::TilkendtSeniorfoertidspension
                | DecisionOutcome::AfslagSeniorfoertidspension
        )
    }

    /// Whether this is a refusal.
    pub fn is_refusal(self) -> bool {
        matches!(
            self,
            DecisionOutcome::AfslagFoertidspension
                | DecisionOutcome::AfslagSeniorfoertidspension
                | DecisionOutcome::AfslagFleksjob
                | DecisionOutcome::AfslagRessourceforloeb
        )
    }

    /// The spec's ASCII name.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionOutcome::TilkendtFoertidspension => "tilkendt_foertidspension",
            DecisionOutcome::AfslagFoertidspension => "afslag_foertidspension",
            DecisionOutcome::TilkendtSeniorfoertidspension => "tilkendt_seniorfoertidspension",
            DecisionOutcome::AfslagSeniorfoertidspension => "afslag_seniorfoertidspension",
            DecisionOutcome::BevilgetFleksjob => "bevilget_fleksjob",
            DecisionOutcome::AfslagFleksjob => "afslag_fleksjob",
            DecisionOutcome::BevilgetRessourceforloeb => "bevilget_ressourceforloeb",
            DecisionOutcome::AfslagRessourceforloeb => "afslag_ressourceforloeb",
            DecisionOutcome::AndenIndsats => "anden_indsats",
        }
    }
}

/// The municipality's decision (or a draft of one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Id.
    pub id: String,
    /// When.
    pub at: NaiveDate,
    /// What was decided.
    pub outcome: DecisionOutcome,
    /// Citations of the rules applied.
    pub legal_basis: Vec<String>,
    /// The reasons given.
    pub reasons: Option<String>,
    /// Concrete work functions named (for a pension refusal).
    pub work_functions: Vec<String>,
    /// The main considerations of the discretion.
    pub main_considerations: Option<String>,
    /// Whether appeal guidance is included.
    pub klagevejledning: bool,
}

impl Decision {
    /// A bare decision: no basis, reasons or appeal guidance yet.
    pub fn new(id: &str, at: NaiveDate, outcome: DecisionOutcome) -> Self {
        Decision {
            id: id.to_string(),
            at,
            outcome,
            legal_basis: Vec::new(),
            reasons: None,
            work_functions: Vec::new(),
            main_considerations: None,
            klagevejledning: false,
        }
    }
}

/// A letter explaining a delay past PL § 21, stk. 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DelayLetter {
    /// When it was sent.
    pub at: NaiveDate,
    /// When the decision is expected.
    pub expected_by: Option<NaiveDate>,
    /// Why.
    pub reason: Option<String>,
}

/// Ankestyrelsen's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "names are the spec's legal vocabulary")]
pub enum AppealResult {
    Stadfaestet,
    Aendret,
    Hjemvist,
    Afvist,
}

/// An appeal, and its result once known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appeal {
    /// When.
    pub at: NaiveDate,
    /// The decision id.
    pub about: String,
    /// The result, if this is Ankestyrelsen's answer.
    pub result: Option<AppealResult>,
}

/// A conversation held with the citizen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversation {
    /// When.
    pub at: NaiveDate,
    /// Free-text kind, e.g. `jobsamtale`.
    pub kind: String,
}

/// A caseworker takes over the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// When.
    pub at: NaiveDate,
    /// Actor id.
    pub caseworker: String,
    /// Unit, if known.
    pub unit: Option<String>,
}

impl CaseFacts {
    /// The facts known on `date`: everything dated later is dropped, and ends or results that
    /// lie after `date` are not yet known.
    pub fn as_of(&self, date: NaiveDate) -> CaseFacts {
        let known = |d: &NaiveDate| *d <= date;
        CaseFacts {
            birth_date: self.birth_date,
            municipality: self.municipality.clone(),
            support: self
                .support
                .iter()
                .filter(|s| known(&s.start))
                .map(|s| SupportPeriod { end: s.end.filter(known), ..s.clone() })
                .collect(),
            documents: self.documents.iter().filter(|d| known(&d.received_at)).cloned().collect(),
            measures: self
                .measures
                .iter()
                .filter(|m| known(&m.start))
                .map(|m| Measure { end: m.end.filter(known), ..m.clone() })
                .collect(),
            judgements: self.judgements.iter().filter(|j| known(&j.at)).cloned().collect(),
            applications: self.applications.iter().filter(|a| known(&a.at)).cloned().collect(),
            team_submissions: self.team_submissions.iter().filter(|s| known(&s.at)).cloned().collect(),
            team_meetings: self.team_meetings.iter().filter(|m| known(&m.at)).cloned().collect(),
            recommendations: self.recommendations.iter().filter(|r| known(&r.at)).cloned().collect(),
            hearings: self.hearings.iter().filter(|h| known(&h.at)).cloned().collect(),
            pension_transitions: self.pension_transitions.iter().filter(|t| known(&t.at)).cloned().collect(),
            meeting_offers: self.meeting_offers.iter().filter(|o| known(&o.at)).cloned().collect(),
            decisions: self.decisions.iter().filter(|d| known(&d.at)).cloned().collect(),
            delay_letters: self.delay_letters.iter().filter(|l| known(&l.at)).cloned().collect(),
            appeals: self.appeals.iter().filter(|a| known(&a.at)).cloned().collect(),
            conversations: self.conversations.iter().filter(|c| known(&c.at)).cloned().collect(),
            assignments: self.assignments.iter().filter(|a| known(&a.at)).cloned().collect(),
        }
    }
}
