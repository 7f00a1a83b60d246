//! Timeliness (rettidighed) per caseworker and unit over a period: conversations and deadlines
//! met, weeks from the forberedende del to the decision against the local target, caseload.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use journal::{CaseState, DokumentKind, Event};
use rayon::prelude::*;
use rulebook::deadline::{days_between, sub_days};
use rulebook::{Deadline, DeadlineState};
use serde::Serialize;

use crate::case::PreparedCase;
use crate::rules;
use crate::settings::Settings;

/// Timeliness over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeliness {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period (also the date caseload is counted on).
    pub to: NaiveDate,
    /// The local service target in weeks.
    pub target_weeks: u32,
    /// The target's rule id.
    pub target_rule: &'static str,
    /// The target's basis.
    pub target_basis: &'static str,
    /// One row per caseworker, by id.
    pub caseworkers: Vec<Row>,
    /// One row per unit, by name.
    pub units: Vec<Row>,
    /// Everything in scope.
    pub total: Row,
}

/// One caseworker's, unit's or the total figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Row {
    /// Caseworker id, unit, or `i alt`.
    pub key: String,
    /// For a caseworker: the unit of their latest assignment in scope.
    pub unit: Option<String>,
    /// Open (not closed) cases held on the last day.
    pub caseload: usize,
    /// Conversations that fell due in the period.
    pub conversations_due: usize,
    /// Of those, held on time.
    pub conversations_met: usize,
    /// `conversations_met / conversations_due`.
    pub conversations_share: Option<f64>,
    /// Other legal deadlines (PL § 21, 39-17, RSL § 7 a, …) that fell due in the period.
    pub deadlines_due: usize,
    /// Of those, met.
    pub deadlines_met: usize,
    /// `deadlines_met / deadlines_due`.
    pub deadlines_share: Option<f64>,
    /// Decisions in the period with a forberedende del before them.
    pub decisions: usize,
    /// Mean weeks from the forberedende del to the decision.
    pub weeks_mean: Option<f64>,
    /// Median weeks from the forberedende del to the decision.
    pub weeks_median: Option<f64>,
    /// Decisions within the target.
    pub within_target: usize,
    /// `within_target / decisions`.
    pub within_target_share: Option<f64>,
    #[serde(skip)]
    weeks: Vec<f64>,
}

/// Timeliness for the cases (each its events, oldest first) over `from..=to`, optionally only
/// for one unit. Everything is attributed to the caseworker and unit holding the case on the
/// day the item fell due (the conversation or decision date; the due date of a missed one).
pub fn timeliness<C>(cases: &[C], from: NaiveDate, to: NaiveDate, unit: Option<&str>, settings: &Settings) -> Timeliness
where
    C: AsRef<[Event]> + Sync,
{
    timeliness_of(contributions(cases, from, to), from, to, unit, settings)
}

/// What the cases contribute to timeliness over `from..=to`: small items that can be collected
/// batch by batch of cases and then summed with [`timeliness_of`].
pub fn contributions<C>(cases: &[C], from: NaiveDate, to: NaiveDate) -> Vec<Contribution>
where
    C: AsRef<[Event]> + Sync,
{
    cases
        .par_iter()
        .flat_map_iter(|events| {
            PreparedCase::new(events.as_ref(), to).map(|c| case_contributions(&c, from)).unwrap_or_default()
        })
        .collect()
}

/// Sums contributions (from [`contributions`]) into timeliness per caseworker, unit and in all.
pub fn timeliness_of(
    contributions: Vec<Contribution>,
    from: NaiveDate,
    to: NaiveDate,
    unit: Option<&str>,
    settings: &Settings,
) -> Timeliness {
    let mut caseworkers: BTreeMap<String, Row> = BTreeMap::new();
    let mut units: BTreeMap<String, Row> = BTreeMap::new();
    let mut total = Row { key: "i alt".to_string(), ..Row::default() };
    for c in contributions {
        if unit.is_some_and(|u| c.unit.as_deref() != Some(u)) {
            continue;
        }
        if let Some(cw) = &c.caseworker {
            let row = caseworkers.entry(cw.clone()).or_insert_with(|| Row { key: cw.clone(), ..Row::default() });
            row.unit = c.unit.clone().or(row.unit.take());
            row.add(&c.what);
        }
        if let Some(u) = &c.unit {
            units.entry(u.clone()).or_insert_with(|| Row { key: u.clone(), ..Row::default() }).add(&c.what);
        }
        total.add(&c.what);
    }
    let target = f64::from(settings.target_weeks);
    let mut finish = |mut row: Row| {
        row.finish(target);
        row
    };
    Timeliness {
        from,
        to,
        target_weeks: settings.target_weeks,
        target_rule: rules::SERVICEMAAL.id,
        target_basis: rules::SERVICEMAAL.basis,
        caseworkers: caseworkers.into_values().map(&mut finish).collect(),
        units: units.into_values().map(&mut finish).collect(),
        total: finish(total),
    }
}

#[derive(Debug, Clone)]
enum What {
    Caseload,
    Conversation { met: bool },
    Deadline { met: bool },
    Decision { weeks: f64 },
}

/// One case's share of timeliness: a caseload count, a conversation or deadline met or missed, or
/// a decision with its weeks, attributed to the caseworker and unit holding the case then.
#[derive(Debug, Clone)]
pub struct Contribution {
    caseworker: Option<String>,
    unit: Option<String>,
    what: What,
}

impl Row {
    fn add(&mut self, what: &What) {
        match *what {
            What::Caseload => self.caseload += 1,
            What::Conversation { met } => {
                self.conversations_due += 1;
                self.conversations_met += usize::from(met);
            }
            What::Deadline { met } => {
                self.deadlines_due += 1;
                self.deadlines_met += usize::from(met);
            }
            What::Decision { weeks } => self.weeks.push(weeks),
        }
    }

    fn finish(&mut self, target: f64) {
        let share = |met: usize, due: usize| (due > 0).then(|| met as f64 / due as f64);
        self.conversations_share = share(self.conversations_met, self.conversations_due);
        self.deadlines_share = share(self.deadlines_met, self.deadlines_due);
        self.weeks.sort_by(f64::total_cmp);
        self.decisions = self.weeks.len();
        self.within_target = self.weeks.iter().filter(|w| **w <= target).count();
        self.within_target_share = share(self.within_target, self.decisions);
        if !self.weeks.is_empty() {
            let n = self.weeks.len();
            self.weeks_mean = Some(self.weeks.iter().sum::<f64>() / n as f64);
            self.weeks_median =
                Some(if n % 2 == 1 { self.weeks[n / 2] } else { (self.weeks[n / 2 - 1] + self.weeks[n / 2]) / 2.0 });
        }
    }
}

/// The rule ids of the conversation frequencies.
fn is_conversation_rule(rule: &str) -> bool {
    use rulebook::lab::kontaktforloeb as kf;
    [kf::KONTANTHJAELP.id, kf::SYGEDAGPENGE.id, kf::RESSOURCEFORLOEB.id].contains(&rule)
}

fn holder(state: &CaseState, on: NaiveDate) -> (Option<String>, Option<String>) {
    state
        .assignments
        .iter()
        .rev()
        .find(|a| a.at <= on)
        .map_or((None, None), |a| (Some(a.caseworker.clone()), Some(a.unit.clone())))
}

fn case_contributions(case: &PreparedCase, from: NaiveDate) -> Vec<Contribution> {
    let s = &case.state;
    let to = case.as_of;
    let mut out = Vec::new();
    let mut push = |on: NaiveDate, what: What| {
        let (caseworker, unit) = holder(s, on);
        out.push(Contribution { caseworker, unit, what });
    };
    if !case.is_closed() {
        push(to, What::Caseload);
    }
    let in_period = |d: NaiveDate| d >= from && d <= to;

    // Conversations held in the period: on time if held by the due date running the day before.
    let mut held: Vec<NaiveDate> = s.conversations.iter().map(|c| c.at).filter(|d| in_period(*d)).collect();
    held.dedup();
    for at in held {
        let day_before = sub_days(at, 1);
        let Some(conclusions) = rulebook::evaluate(&case.facts, day_before, None) else { continue };
        if let Some(due) = conversation_due(&conclusions.deadlines) {
            push(at, What::Conversation { met: at <= due });
        }
    }
    let Some(now) = rulebook::evaluate(&case.facts, to, None) else { return out };
    // A conversation that fell due in the period and was never held.
    if let Some(d) = now.deadlines.iter().filter(|d| is_conversation_rule(d.rule)).min_by_key(|d| d.due) {
        if d.state == DeadlineState::Overskredet && in_period(d.due) {
            push(d.due, What::Conversation { met: false });
        }
    }
    // Other legal deadlines that fell due in the period. The rulebook is asked on every day in the
    // period on which a step was taken, and at the end, so a deadline that a later one of the same
    // rule replaced (a second overgang, a second indstilling) still counts. Each (rule, due day)
    // counts once, as last seen.
    let mut steps: Vec<NaiveDate> = s
        .decisions
        .iter()
        .map(|d| d.at)
        .chain(s.transitions.iter().map(|t| t.at))
        .chain(s.recommendations.iter().map(|r| r.at))
        .chain(s.team_submissions.iter().map(|t| t.at))
        .chain(s.team_meetings.iter().map(|m| m.at))
        .chain(s.delay_letters.iter().map(|l| l.at))
        .chain(s.applications.iter().map(|a| a.at))
        .chain(s.measures.iter().flat_map(|m| [Some(m.start), m.ended]).flatten())
        .filter(|d| in_period(*d) && *d < to)
        .collect();
    steps.sort_unstable();
    steps.dedup();
    let mut seen: BTreeMap<(&'static str, NaiveDate), DeadlineState> = BTreeMap::new();
    let earlier = steps.iter().filter_map(|d| rulebook::evaluate(&case.facts, *d, None));
    for conclusions in earlier.chain(std::iter::once(now)) {
        for d in conclusions.deadlines.iter().filter(|d| !is_conversation_rule(d.rule) && in_period(d.due)) {
            seen.insert((d.rule, d.due), d.state);
        }
    }
    for ((_, due), state) in seen {
        match state {
            DeadlineState::Opfyldt => push(due, What::Deadline { met: true }),
            DeadlineState::Overskredet => push(due, What::Deadline { met: false }),
            DeadlineState::Aaben => {}
        }
    }
    // Weeks from the forberedende del to each decision in the period.
    let mut previous: Option<NaiveDate> = None;
    for decision in &s.decisions {
        let start = s
            .documents
            .iter()
            .filter(|d| d.kind == DokumentKind::ForberedendeDel)
            .filter(|d| d.issued <= decision.at && previous.is_none_or(|p| d.issued > p))
            .map(|d| d.issued)
            .min();
        if let (Some(start), true) = (start, in_period(decision.at)) {
            push(decision.at, What::Decision { weeks: days_between(start, decision.at) as f64 / 7.0 });
        }
        previous = Some(decision.at);
    }
    out
}

fn conversation_due(deadlines: &[Deadline]) -> Option<NaiveDate> {
    deadlines.iter().filter(|d| is_conversation_rule(d.rule)).map(|d| d.due).min()
}
