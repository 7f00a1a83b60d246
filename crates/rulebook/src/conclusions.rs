//! What the rulebook concludes about a case on a date; every item names its rule and citation.

use chrono::NaiveDate;
use serde::Serialize;

use crate::meta::RuleMeta;

/// One conclusion with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id.
    pub rule: &'static str,
    /// Legal citation.
    pub basis: &'static str,
    /// Plain Danish for a caseworker.
    pub text: String,
}

impl Finding {
    /// A finding under `meta`.
    pub fn new(meta: &RuleMeta, text: impl Into<String>) -> Self {
        Finding { rule: meta.id, basis: meta.citation, text: text.into() }
    }
}

/// The status of a track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The conditions are met.
    Opfyldt,
    /// A condition is not met.
    IkkeOpfyldt,
    /// A professional judgement the law needs is not recorded.
    ManglerVurdering,
    /// Evidence is missing or too old.
    ManglerDokumentation,
    /// The track is not in play.
    IkkeAktuel,
}

/// One track's status and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Track {
    /// The status.
    pub status: Status,
    /// Why, condition by condition.
    pub findings: Vec<Finding>,
}

/// The four tracks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tracks {
    /// Førtidspension (PL § 16).
    pub foertidspension: Track,
    /// Seniorførtidspension (PL § 17, stk. 3).
    pub seniorfoertidspension: Track,
    /// Fleksjob (LAB §§ 69–70).
    pub fleksjob: Track,
    /// Ressourceforløb (LAB § 68 a).
    pub ressourceforloeb: Track,
}

/// Whether the rehabiliteringsteam must see the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteValue {
    /// The case must be put before the team.
    Kraeves,
    /// The team may be skipped.
    KanUndlades,
}

/// The route and its basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// Team required or not.
    #[serde(rename = "rehabiliteringsteam")]
    pub value: RouteValue,
    /// Rule id deciding the route.
    pub rule: &'static str,
    /// Citation deciding the route.
    pub basis: &'static str,
    /// Why, and any further notes.
    pub findings: Vec<Finding>,
}

/// The state of a deadline on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// Running, not yet due.
    Aaben,
    /// Due date passed without the act, or the act came late.
    Overskredet,
    /// The act was done in time.
    Opfyldt,
}

/// A running or past deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// Rule id.
    pub rule: &'static str,
    /// Citation.
    pub basis: &'static str,
    /// The last day.
    pub due: NaiveDate,
    /// Its state on the as-of date.
    pub state: DeadlineState,
    /// What must be done, in Danish.
    pub text: String,
}

/// Evidence or content the next step still needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// A short stable name of what is missing, e.g. `lae265`.
    pub what: &'static str,
    /// Rule id.
    pub rule: &'static str,
    /// Citation.
    pub basis: &'static str,
    /// What to obtain, in Danish.
    pub text: String,
}

impl Missing {
    /// A missing item under `meta`.
    pub fn new(what: &'static str, meta: &RuleMeta, text: impl Into<String>) -> Self {
        Missing { what, rule: meta.id, basis: meta.citation, text: text.into() }
    }
}

/// Everything the rulebook concludes about one case on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conclusions {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The edition applied.
    pub edition: &'static str,
    /// Each track's status.
    pub tracks: Tracks,
    /// Whether the team must see the case.
    pub route: Route,
    /// Every running or past deadline.
    pub deadlines: Vec<Deadline>,
    /// Problems that can make the latest decision or the draft invalid or unlawful.
    pub defects: Vec<Finding>,
    /// Evidence the next step still needs.
    pub missing: Vec<Missing>,
}
