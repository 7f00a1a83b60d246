//! The in-memory case index: one small summary per case as of today (unit, caseworker, phase,
//! running deadlines, the team's agenda), so worklists, the agenda and the leader's numbers never
//! read every journal per request. Built once at start, refreshed per case after every write and
//! rebuilt when the date changes.

use assess::{Assessment, Status};
use chrono::NaiveDate;
use journal::{CaseId, CaseState, Event, EventBody, Phase};
use serde::Serialize;
use std::collections::HashMap;

/// A deadline or task on a worklist.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct WorkItem {
    pub case: String,
    pub rule: String,
    pub basis: String,
    /// The last day (null for items without a date, e.g. a stalled case).
    #[schema(value_type = Option<String>, format = Date)]
    pub due: Option<NaiveDate>,
    /// `aaben` or `overskredet`.
    pub state: String,
    pub text: String,
}

/// The team's agenda entry of a case sent to the rehabilitation team.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AgendaEntry {
    pub case: String,
    #[schema(value_type = String, format = Date)]
    pub submitted: NaiveDate,
    /// Whether this is a re-presentation (LOU § 11, stk. 2).
    pub genforelaeggelse: bool,
    /// The booked meeting date, if booked.
    #[schema(value_type = Option<String>, format = Date)]
    pub booked: Option<NaiveDate>,
    /// The meeting, if held (the recommendation is still to come).
    #[schema(value_type = Option<String>, format = Date)]
    pub meeting_held: Option<NaiveDate>,
    pub citizen_age: Option<u32>,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
}

/// One case as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSummary {
    pub case: CaseId,
    pub version: u64,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub phase: Phase,
    pub opened: Option<NaiveDate>,
    pub last_event: Option<NaiveDate>,
    pub citizen_age: Option<u32>,
    pub handovers: usize,
    pub writers_2y: usize,
    pub agenda: Option<AgendaEntry>,
    /// Open and overdue deadlines and oversight warnings (from `progress`), most urgent first.
    pub items: Vec<WorkItem>,
    pub missing: usize,
    pub defects: usize,
    /// The latest decision: its outcome (journal spelling) and date.
    pub decision: Option<(&'static str, NaiveDate)>,
    /// Every decision on foertidspension or seniorfoertidspension: its date and whether it awarded.
    pub pension_decisions: Vec<(NaiveDate, bool)>,
    /// The four tracks' statuses: foertidspension, seniorfoertidspension, fleksjob, ressourceforloeb.
    pub tracks: [Status; 4],
}

/// Days without any event before a case counts as stalled.
pub const STALLED_AFTER_DAYS: i64 = 120;

impl CaseSummary {
    /// Summarises a case's events (oldest first, all of them) as of `as_of`.
    pub fn build(events: &[Event], as_of: NaiveDate, settings: &assess::Settings) -> Option<CaseSummary> {
        let state = CaseState::fold(events, Some(as_of))?;
        let assessment = assess::assess(events, as_of, None, settings).ok();
        Some(summarise(&state, events, assessment.as_ref(), as_of))
    }

    /// Whether nothing has happened in the case for [`STALLED_AFTER_DAYS`] and it is not decided.
    pub fn stalled(&self, as_of: NaiveDate) -> bool {
        !matches!(self.phase, Phase::Afgjort)
            && self.last_event.is_some_and(|last| (as_of - last).num_days() >= STALLED_AFTER_DAYS)
    }

    /// Overdue items.
    pub fn overdue(&self) -> usize {
        self.items.iter().filter(|i| i.state == "overskredet").count()
    }
}

fn summarise(state: &CaseState, events: &[Event], assessment: Option<&Assessment>, as_of: NaiveDate) -> CaseSummary {
    let assignment = state.current_assignment();
    let last_event = state.last_event;
    let phase = state.phase();
    let prepared = progress::PreparedCase::from_state(state.clone(), as_of);
    let mut found = progress::case_items(&prepared, &progress::Settings::default());
    progress::sort(&mut found, as_of);
    let mut items: Vec<WorkItem> = found
        .into_iter()
        .map(|i| WorkItem {
            case: i.case,
            rule: i.rule.to_owned(),
            basis: i.basis.to_owned(),
            due: i.due,
            state: match i.state {
                progress::ItemState::Overskredet => "overskredet",
                progress::ItemState::Aaben => "aaben",
            }
            .to_owned(),
            text: i.text,
        })
        .collect();
    if let Some(item) = contact_request(events, as_of) {
        items.insert(0, item);
    }
    let agenda = agenda(state, events, as_of);
    let tracks = assessment.map_or([Status::IkkeAktuel; 4], |a| {
        [
            a.tracks.foertidspension.status,
            a.tracks.seniorfoertidspension.status,
            a.tracks.fleksjob.status,
            a.tracks.ressourceforloeb.status,
        ]
    });
    CaseSummary {
        case: state.case.clone(),
        version: events.len() as u64,
        unit: assignment.map(|a| a.unit.clone()),
        caseworker: assignment.map(|a| a.caseworker.clone()),
        phase,
        opened: state.opened,
        last_event,
        citizen_age: state.age_on(as_of),
        handovers: state.handovers(),
        writers_2y: state.distinct_writers(as_of - chrono::Duration::days(730), as_of),
        agenda,
        items,
        missing: assessment.map_or(0, |a| a.missing.len()),
        defects: assessment.map_or(0, |a| a.defects.len()),
        decision: state.latest_decision().map(|d| (d.decision.outcome.as_str(), d.at)),
        pension_decisions: state
            .decisions
            .iter()
            .filter_map(|d| {
                use journal::AfgoerelseOutcome as O;
                match d.decision.outcome {
                    O::TilkendtFoertidspension | O::TilkendtSeniorfoertidspension => Some((d.at, true)),
                    O::AfslagFoertidspension | O::AfslagSeniorfoertidspension => Some((d.at, false)),
                    _ => None,
                }
            })
            .collect(),
        tracks,
    }
}

/// The extension field of a note a citizen writes from "Min plan" to ask to be contacted.
pub const CONTACT_REQUEST_FIELD: &str = "citizen_contact_request";

/// Working days a caseworker has to answer a citizen's request for contact (local practice).
pub const CONTACT_REQUEST_DAYS: i64 = 5;

/// A citizen's open request for contact: a note from "Min plan" with no conversation since.
fn contact_request(events: &[Event], as_of: NaiveDate) -> Option<WorkItem> {
    let known: Vec<&Event> = events.iter().filter(|e| e.date() <= as_of).collect();
    let at = known.iter().rposition(|e| e.extra_field(CONTACT_REQUEST_FIELD).is_some())?;
    if known[at..].iter().any(|e| matches!(e.body, EventBody::Samtale { .. })) {
        return None;
    }
    let asked = known[at].date();
    let due = asked + chrono::Duration::days(CONTACT_REQUEST_DAYS + 2);
    Some(WorkItem {
        case: known[at].case.to_string(),
        rule: "web.borger.kontaktanmodning".into(),
        basis: "Lokal praksis (taskforcerapporten kap. 9.5: borgere, der føler sig glemt)".into(),
        due: Some(due),
        state: if as_of > due { "overskredet" } else { "aaben" }.into(),
        text: format!(
            "Borgeren bad {} via Min plan om at blive kontaktet. Ring eller skriv, og registrér samtalen.",
            crate::date_da(asked)
        ),
    })
}

/// The extension field a booking note carries (see `docs/web.md`): the booked meeting date.
pub const BOOKED_MEETING_FIELD: &str = "booked_meeting";

/// A case is on the team's agenda from its latest `forelagt_rehabiliteringsteam` until a
/// recommendation or a decision follows it (in journal order), whatever else happened between.
fn agenda(state: &CaseState, events: &[Event], as_of: NaiveDate) -> Option<AgendaEntry> {
    let known: Vec<&Event> = events.iter().filter(|e| e.date() <= as_of).collect();
    let start = known.iter().rposition(|e| matches!(e.body, EventBody::ForelagtRehabiliteringsteam { .. }))?;
    let since = &known[start..];
    if since.iter().any(|e| matches!(e.body, EventBody::Indstilling { .. } | EventBody::Afgoerelse(_))) {
        return None;
    }
    let submission = state.team_submissions.last()?;
    let booked = since
        .iter()
        .rev()
        .filter(|e| matches!(e.body, EventBody::Note { .. }))
        .find_map(|e| e.extra_field(BOOKED_MEETING_FIELD)?.as_str().and_then(journal::parse_date));
    let meeting_held =
        since.iter().rev().find(|e| matches!(e.body, EventBody::Rehabiliteringsmoede { .. })).map(|e| e.date());
    let assignment = state.current_assignment();
    Some(AgendaEntry {
        case: state.case.to_string(),
        submitted: submission.at,
        genforelaeggelse: submission.genforelaeggelse,
        booked,
        meeting_held,
        citizen_age: state.age_on(as_of),
        unit: assignment.map(|a| a.unit.clone()),
        caseworker: assignment.map(|a| a.caseworker.clone()),
    })
}

/// Every case's summary as of one date, with lookups by unit, by caseworker and for the team's
/// agenda, so a worklist touches only its own cases.
#[derive(Debug, Default)]
pub struct Index {
    pub as_of: Option<NaiveDate>,
    cases: Vec<CaseSummary>,
    by_id: HashMap<CaseId, usize>,
    by_unit: HashMap<String, Vec<usize>>,
    by_caseworker: HashMap<String, Vec<usize>>,
    agenda: std::collections::BTreeSet<usize>,
}

fn unlink(map: &mut HashMap<String, Vec<usize>>, key: Option<&String>, at: usize) {
    if let Some(list) = key.and_then(|k| map.get_mut(k)) {
        list.retain(|&i| i != at);
    }
}

fn link(map: &mut HashMap<String, Vec<usize>>, key: Option<&String>, at: usize) {
    if let Some(key) = key {
        map.entry(key.clone()).or_default().push(at);
    }
}

impl Index {
    /// An empty index for a date.
    pub fn new(as_of: NaiveDate) -> Self {
        Index { as_of: Some(as_of), ..Index::default() }
    }

    /// Adds or replaces a case's summary.
    pub fn put(&mut self, summary: CaseSummary) {
        let at = match self.by_id.get(&summary.case) {
            Some(&at) => {
                let old = &self.cases[at];
                if old.unit != summary.unit {
                    unlink(&mut self.by_unit, old.unit.as_ref(), at);
                    link(&mut self.by_unit, summary.unit.as_ref(), at);
                }
                if old.caseworker != summary.caseworker {
                    unlink(&mut self.by_caseworker, old.caseworker.as_ref(), at);
                    link(&mut self.by_caseworker, summary.caseworker.as_ref(), at);
                }
                self.cases[at] = summary;
                at
            }
            None => {
                let at = self.cases.len();
                self.by_id.insert(summary.case.clone(), at);
                link(&mut self.by_unit, summary.unit.as_ref(), at);
                link(&mut self.by_caseworker, summary.caseworker.as_ref(), at);
                self.cases.push(summary);
                at
            }
        };
        if self.cases[at].agenda.is_some() {
            self.agenda.insert(at);
        } else {
            self.agenda.remove(&at);
        }
    }

    pub fn get(&self, case: &CaseId) -> Option<&CaseSummary> {
        self.by_id.get(case).map(|&at| &self.cases[at])
    }

    pub fn all(&self) -> &[CaseSummary] {
        &self.cases
    }

    /// The cases whose current unit is `unit`.
    pub fn in_unit<'a>(&'a self, unit: &str) -> impl Iterator<Item = &'a CaseSummary> + 'a {
        self.by_unit.get(unit).into_iter().flatten().map(|&at| &self.cases[at])
    }

    /// The cases whose current caseworker is `actor`.
    pub fn of_caseworker<'a>(&'a self, actor: &str) -> impl Iterator<Item = &'a CaseSummary> + 'a {
        self.by_caseworker.get(actor).into_iter().flatten().map(|&at| &self.cases[at])
    }

    /// The cases on the rehabilitation team's agenda.
    pub fn on_agenda(&self) -> impl Iterator<Item = &CaseSummary> + '_ {
        self.agenda.iter().map(|&at| &self.cases[at])
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(case: &str, unit: &str, caseworker: &str) -> CaseSummary {
        CaseSummary {
            case: CaseId::parse(case).unwrap(),
            version: 1,
            unit: Some(unit.into()),
            caseworker: Some(caseworker.into()),
            phase: Phase::Aaben,
            opened: None,
            last_event: None,
            citizen_age: None,
            handovers: 0,
            writers_2y: 0,
            agenda: None,
            items: Vec::new(),
            missing: 0,
            defects: 0,
            decision: None,
            pension_decisions: Vec::new(),
            tracks: [Status::IkkeAktuel; 4],
        }
    }

    #[test]
    fn a_handover_moves_the_case_between_units_and_caseworkers_in_the_lookups() {
        let mut index = Index::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        index.put(summary("a", "JKI", "sb:1"));
        index.put(summary("b", "JKI", "sb:2"));
        index.put(summary("a", "CAB", "sb:3"));
        let ids = |it: Vec<&CaseSummary>| it.into_iter().map(|c| c.case.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(index.in_unit("JKI").collect()), ["b"]);
        assert_eq!(ids(index.in_unit("CAB").collect()), ["a"]);
        assert!(index.of_caseworker("sb:1").next().is_none());
        assert_eq!(ids(index.of_caseworker("sb:3").collect()), ["a"]);
        assert_eq!(index.len(), 2);
    }
}
