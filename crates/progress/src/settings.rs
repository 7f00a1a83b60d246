//! Local oversight thresholds: documented defaults a municipality can change in its config file.
//!
//! None of these numbers is law. The legal deadlines come from `rulebook`; these are the
//! practice thresholds at which the oversight layer warns. Every field has a default, so a
//! config file names only what it changes; unknown keys are refused so a typo is not ignored.

use serde::{Deserialize, Serialize};

/// The thresholds of the worklist, the review and timeliness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Days before a dated warning falls due that it appears on the worklist as `aaben`. Default 30.
    pub lead_days: u32,
    /// Health evidence older than this many months at a team meeting or decision is stale
    /// (BDO's measure, report L3897–3898). Default 6.
    pub health_evidence_max_months: u32,
    /// A work test older than this many years should be renewed (Ankestyrelsen P-3-07: six
    /// years was too old). Default 6.
    pub work_test_max_years: u32,
    /// Weeks without any event before a case counts as passive (RSL § 3). Default 12.
    pub passivity_weeks: u32,
    /// Months before a team meeting in which the citizen should have had a measure (BDO area 3,
    /// report L3848–3851). Default 12.
    pub measure_window_months: u32,
    /// Months in clarification after which the damages judgments start to bite
    /// (U.2014.3146Ø, U.2015.124Ø, U.2016.51V; report L3497–3503). Default 24.
    pub clarification_max_months: u32,
    /// More handovers than this within the actor window is a warning. Default 3.
    pub handovers_max: usize,
    /// More distinct writers than this within the actor window is a warning (BDO counted 33
    /// and 22 in two cases, report L3868–3871). Default 10.
    pub writers_max: usize,
    /// The window for counting handovers and writers, in months. Default 24.
    pub actor_window_months: u32,
    /// Weeks after the seniorfoertidspension window opens (5 years before folkepension age) by
    /// which the citizen should have been told about it. Default 8.
    pub senior_guidance_weeks: u32,
    /// Youngest age for the developmental-disability warning (the Handicapraad's flag from 17,
    /// report L4885–4887). Default 17.
    pub young_min_age: u32,
    /// Oldest age for the developmental-disability warning. Default 29.
    pub young_max_age: u32,
    /// ICD-10 code prefixes that count as a developmental disability (udviklingshaemning).
    /// Default `["F7"]` (F70–F79).
    pub young_diagnosis_prefixes: Vec<String>,
    /// Months in an undecided case after which a young citizen with a developmental disability
    /// counts as heading into a long clarification (a ressourceforloeb also counts). Default 6.
    pub young_clarification_months: u32,
    /// Days lost above which the review says the decision could have been made earlier. Default 90.
    pub review_days_lost_min: i64,
    /// The local service target in weeks from the forberedende del to the decision (BIF, 7
    /// October 2013, report L2811–2814). Default 23.
    pub target_weeks: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lead_days: 30,
            health_evidence_max_months: 6,
            work_test_max_years: 6,
            passivity_weeks: 12,
            measure_window_months: 12,
            clarification_max_months: 24,
            handovers_max: 3,
            writers_max: 10,
            actor_window_months: 24,
            senior_guidance_weeks: 8,
            young_min_age: 17,
            young_max_age: 29,
            young_diagnosis_prefixes: vec!["F7".to_string()],
            young_clarification_months: 6,
            review_days_lost_min: 90,
            target_weeks: 23,
        }
    }
}
