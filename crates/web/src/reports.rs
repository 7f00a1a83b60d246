//! Lists and numbers built from the case index: worklists, the team's agenda, the leader's unit
//! view and review, and the analysts' aggregates (no personal data, small cells suppressed).

use crate::date_da;
use crate::index::{AgendaEntry, CaseSummary, Index, WorkItem, STALLED_AFTER_DAYS};
use crate::views::phase_label;
use analytics::suppress;
use analytics::svg::{self, Bar, BarChart, Series, TimeSeriesChart};
use chrono::{Datelike, NaiveDate};
use journal::{AfgoerelseOutcome, Phase};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// At most this many rows in a list page.
pub const LIST_LIMIT: usize = 300;

/// Which slice of a long list to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Page {
    /// Page `number` (1-based) of `size` items.
    pub fn number(number: usize, size: usize) -> Page {
        Page { offset: number.saturating_sub(1) * size, limit: size }
    }
}

/// Items per page of the worklist page.
pub const WORKLIST_PAGE: usize = 50;

/// A worklist item with its date in Danish.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorklistItem {
    #[serde(flatten)]
    pub item: WorkItem,
    pub due_label: String,
    pub state_label: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Worklist {
    pub scope: String,
    pub caseworker: Option<String>,
    pub unit: Option<String>,
    pub cases: usize,
    pub overdue: usize,
    pub open: usize,
    pub total_items: usize,
    /// Whether more items follow this page.
    pub truncated: bool,
    /// Items skipped before this page.
    pub offset: usize,
    /// Most urgent first.
    pub items: Vec<WorklistItem>,
}

/// The distinct case ids among some case-id strings, in first-seen order: what a list page shows,
/// for the access log.
fn shown_cases<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<journal::CaseId> {
    let mut seen: Vec<journal::CaseId> = Vec::new();
    for id in ids.into_iter().filter_map(journal::CaseId::parse) {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

impl Worklist {
    /// The cases this page shows.
    pub fn shown_cases(&self) -> Vec<journal::CaseId> {
        shown_cases(self.items.iter().map(|i| i.item.case.as_str()))
    }
}

impl LeaderView {
    /// The cases this page names (overdue items, stalled cases, handovers).
    pub fn shown_cases(&self) -> Vec<journal::CaseId> {
        shown_cases(
            self.overdue_items
                .iter()
                .map(|i| i.item.case.as_str())
                .chain(self.stalled_cases.iter().map(|c| c.case.as_str()))
                .chain(self.handover_cases.iter().map(|c| c.case.as_str())),
        )
    }
}

impl ReviewView {
    /// The cases this review shows.
    pub fn shown_cases(&self) -> Vec<journal::CaseId> {
        shown_cases(self.cases.iter().map(|c| c.case.as_str()))
    }
}

fn worklist_item(item: &WorkItem) -> WorklistItem {
    WorklistItem {
        item: item.clone(),
        due_label: item.due.map(date_da).unwrap_or_else(|| "–".into()),
        state_label: if item.state == "overskredet" { "Overskredet" } else { "Løber" }.into(),
    }
}

/// The worklist of one caseworker (`caseworker` given) or of a whole unit.
pub fn worklist(index: &Index, unit: Option<&str>, caseworker: Option<&str>, page: Page) -> Worklist {
    let cases: Vec<&CaseSummary> = match (unit, caseworker) {
        (Some(unit), Some(actor)) => index.of_caseworker(actor).filter(|c| c.unit.as_deref() == Some(unit)).collect(),
        (Some(unit), None) => index.in_unit(unit).collect(),
        (None, _) => Vec::new(),
    };
    let mut items: Vec<&WorkItem> = cases.iter().flat_map(|c| c.items.iter()).collect();
    items.sort_by_key(|i| {
        (if i.state == "overskredet" { 0 } else { 1 }, i.due.unwrap_or(NaiveDate::MAX), i.case.clone())
    });
    let overdue = items.iter().filter(|i| i.state == "overskredet").count();
    let total = items.len();
    Worklist {
        scope: if caseworker.is_some() { "mine" } else { "unit" }.into(),
        caseworker: caseworker.map(str::to_owned),
        unit: unit.map(str::to_owned),
        cases: cases.len(),
        overdue,
        open: total - overdue,
        total_items: total,
        truncated: total > page.offset + page.limit,
        offset: page.offset,
        items: items.into_iter().skip(page.offset).take(page.limit).map(worklist_item).collect(),
    }
}

/// An agenda row with Danish dates.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgendaRow {
    #[serde(flatten)]
    pub entry: AgendaEntry,
    pub submitted_label: String,
    pub booked_label: Option<String>,
    pub meeting_held_label: Option<String>,
}

/// The team's agenda: booked meetings by date first, then cases waiting for a booking.
pub fn agenda(index: &Index) -> Vec<AgendaRow> {
    let mut rows: Vec<&AgendaEntry> = index.on_agenda().filter_map(|c| c.agenda.as_ref()).collect();
    rows.sort_by_key(|a| {
        (a.meeting_held.is_none(), a.booked.is_none(), a.booked.or(a.meeting_held), a.submitted, a.case.clone())
    });
    rows.into_iter()
        .map(|a| AgendaRow {
            entry: a.clone(),
            submitted_label: date_da(a.submitted),
            booked_label: a.booked.map(date_da),
            meeting_held_label: a.meeting_held.map(date_da),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseworkerLoad {
    pub caseworker: String,
    pub cases: usize,
    pub overdue: usize,
    pub stalled: usize,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseLine {
    pub case: String,
    pub caseworker: Option<String>,
    pub last_event: String,
    pub handovers: usize,
}

/// The leader's view of a unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LeaderView {
    pub unit: String,
    /// Conversations and deadlines met, weeks to decision and caseload over the last 12 months,
    /// per caseworker and for the unit (`progress::timeliness`), for the cases now in the unit.
    #[schema(value_type = Object)]
    pub timeliness: Option<progress::Timeliness>,
    pub open_cases: usize,
    pub overdue: usize,
    pub stalled: usize,
    pub stalled_days: i64,
    pub handover_limit: usize,
    pub many_handovers: usize,
    /// Share of deadlines (running or met) not overdue, in percent.
    pub timeliness_pct: u32,
    pub caseworkers: Vec<CaseworkerLoad>,
    pub overdue_items: Vec<WorklistItem>,
    pub stalled_cases: Vec<CaseLine>,
    pub handover_cases: Vec<CaseLine>,
}

/// More handovers than this counts as too many (the auditor's concern, findings P-D).
pub const HANDOVER_LIMIT: usize = 3;

pub fn leader(index: &Index, unit: &str, as_of: NaiveDate) -> LeaderView {
    let cases: Vec<&CaseSummary> = index.in_unit(unit).filter(|c| c.phase != Phase::Afgjort).collect();
    let mut loads: BTreeMap<String, CaseworkerLoad> = BTreeMap::new();
    for c in &cases {
        let name = c.caseworker.clone().unwrap_or_else(|| "(ingen)".into());
        let load =
            loads.entry(name.clone()).or_insert(CaseworkerLoad { caseworker: name, cases: 0, overdue: 0, stalled: 0 });
        load.cases += 1;
        load.overdue += c.overdue();
        load.stalled += usize::from(c.stalled(as_of));
    }
    let mut overdue: Vec<&WorkItem> =
        cases.iter().flat_map(|c| c.items.iter()).filter(|i| i.state == "overskredet").collect();
    overdue.sort_by_key(|i| (i.due.unwrap_or(NaiveDate::MAX), i.case.clone()));
    let all_items: usize = cases.iter().map(|c| c.items.len()).sum();
    let line = |c: &&CaseSummary| CaseLine {
        case: c.case.to_string(),
        caseworker: c.caseworker.clone(),
        last_event: c.last_event.map(date_da).unwrap_or_default(),
        handovers: c.handovers,
    };
    let stalled: Vec<CaseLine> = cases.iter().filter(|c| c.stalled(as_of)).map(line).collect();
    let handovers: Vec<CaseLine> = cases.iter().filter(|c| c.handovers > HANDOVER_LIMIT).map(line).collect();
    LeaderView {
        unit: unit.into(),
        timeliness: None,
        open_cases: cases.len(),
        overdue: overdue.len(),
        stalled: stalled.len(),
        stalled_days: STALLED_AFTER_DAYS,
        handover_limit: HANDOVER_LIMIT,
        many_handovers: handovers.len(),
        timeliness_pct: (100 * (all_items - overdue.len())).checked_div(all_items).map_or(100, |pct| pct as u32),
        caseworkers: loads.into_values().collect(),
        overdue_items: overdue.into_iter().take(LIST_LIMIT).map(worklist_item).collect(),
        stalled_cases: stalled.into_iter().take(LIST_LIMIT).collect(),
        handover_cases: handovers.into_iter().take(LIST_LIMIT).collect(),
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewLine {
    pub case: String,
    pub decision: String,
    pub decision_label: String,
    pub decided: String,
    pub earliest_sufficient: Option<String>,
    /// Days from the first date the evidence sufficed to the decision.
    pub days_lost: Option<i64>,
    /// Age in days of the newest health evidence at the decision.
    pub evidence_age_days: Option<i64>,
    pub handovers: usize,
    pub writers_2y: usize,
    pub findings: Vec<crate::views::Citation>,
}

/// The auditor's questions answered for a unit's recently decided cases (from `progress`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewView {
    pub unit: String,
    /// Decisions from this date on are reviewed.
    pub since: String,
    pub decided: usize,
    pub could_be_earlier: usize,
    pub days_lost_median: Option<i64>,
    pub other_decision_possible: usize,
    pub stale_evidence: usize,
    pub many_handovers: usize,
    pub with_findings: usize,
    /// Worst first.
    pub cases: Vec<ReviewLine>,
}

/// How far back the leader's review looks.
pub const REVIEW_DAYS: i64 = 730;

/// The unit's cases decided in the last [`REVIEW_DAYS`] days, newest first (at most `limit`).
pub fn review_candidates(index: &Index, unit: &str, as_of: NaiveDate, limit: usize) -> Vec<journal::CaseId> {
    let since = as_of - chrono::Duration::days(REVIEW_DAYS);
    let mut found: Vec<(NaiveDate, journal::CaseId)> = index
        .in_unit(unit)
        .filter_map(|c| c.decision.filter(|(_, at)| *at >= since).map(|(_, at)| (at, c.case.clone())))
        .collect();
    found.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    found.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// The review report of a unit from its cases' reviews.
pub fn review(unit: &str, as_of: NaiveDate, reviews: &[progress::CaseReview]) -> ReviewView {
    let settings = progress::Settings::default();
    let summary = progress::summary(reviews, as_of, &settings);
    let cases = progress::worst_first(reviews)
        .into_iter()
        .filter(|r| r.decision.is_some())
        .take(LIST_LIMIT)
        .map(|r| ReviewLine {
            case: r.case.clone(),
            decision: r.decision.unwrap_or_default().into(),
            decision_label: r.decision.and_then(AfgoerelseOutcome::parse).map_or("", |o| o.label_da()).into(),
            decided: r.decided.map(date_da).unwrap_or_default(),
            earliest_sufficient: r.earliest_sufficient.map(date_da),
            days_lost: r.days_lost,
            evidence_age_days: r.evidence_age_days,
            handovers: r.handovers,
            writers_2y: r.writers_2y,
            findings: r
                .findings
                .iter()
                .map(|f| crate::views::Citation { rule: f.rule.into(), basis: f.basis.into(), text: f.text.clone() })
                .collect(),
        })
        .collect();
    ReviewView {
        unit: unit.into(),
        since: date_da(as_of - chrono::Duration::days(REVIEW_DAYS)),
        decided: summary.decided,
        could_be_earlier: summary.could_be_earlier,
        days_lost_median: summary.days_lost_median,
        other_decision_possible: summary.other_decision_possible,
        stale_evidence: summary.stale_evidence,
        many_handovers: summary.many_handovers,
        with_findings: reviews.iter().filter(|r| r.has_findings()).count(),
        cases,
    }
}

/// A count that may be suppressed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Cell {
    pub label: String,
    /// The count, or "<5" when fewer than the minimum.
    pub count: String,
    pub overdue: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnalyticsView {
    pub min_cell: usize,
    pub total: String,
    pub by_phase: Vec<Cell>,
    pub by_unit: Vec<Cell>,
    pub by_decision: Vec<Cell>,
}

/// Cells with fewer cases than this are shown as "<5" (the analytics crate's threshold).
pub const MIN_CELL: usize = suppress::MIN_CELL_COUNT as usize;

fn suppress_label(n: usize) -> String {
    if n == 0 {
        "0".into()
    } else if n < MIN_CELL {
        format!("<{MIN_CELL}")
    } else {
        n.to_string()
    }
}

/// The analyst page's charts, each an inline SVG drawn from the same aggregates as its
/// tables: counts from 1 to [`MIN_CELL`]` - 1` are left out and drawn as "skjult".
#[derive(Debug, Clone, Serialize)]
pub struct AnalyticsCharts {
    /// Cases by phase.
    pub by_phase: String,
    /// Cases by their latest decision.
    pub by_decision: String,
    /// Every decision on foertidspension (awards and refusals) by the year it was made;
    /// `None` when no case has one.
    pub pension_by_year: Option<String>,
}

/// Aggregates without personal data.
pub fn analytics(index: &Index) -> AnalyticsView {
    let tally = Tally::of(index);
    let cell = |label: String, count: usize, overdue: usize| Cell {
        label,
        count: suppress_label(count),
        overdue: suppress_label(overdue),
    };
    AnalyticsView {
        min_cell: MIN_CELL,
        total: suppress_label(index.len()),
        by_phase: tally.phases.into_iter().map(|(l, n)| cell(l.into(), n, 0)).collect(),
        by_unit: tally.units.into_iter().map(|(l, (n, o))| cell(l, n, o)).collect(),
        by_decision: tally.decisions.into_iter().map(|(l, n)| cell(l.into(), n, 0)).collect(),
    }
}

/// The analyst page's charts (no case ids, no personal data, small counts left out).
pub fn analytics_charts(index: &Index) -> AnalyticsCharts {
    let tally = Tally::of(index);
    let bars = |title: &str, counts: &BTreeMap<&'static str, usize>| {
        svg::bar_chart(&BarChart {
            title: title.into(),
            unit: "Sager".into(),
            bars: counts
                .iter()
                .map(|(label, &n)| Bar {
                    label: (*label).into(),
                    value: shown(n),
                    low: None,
                    high: None,
                    highlight: false,
                })
                .collect(),
            reference: None,
        })
    };
    let pension_by_year = match (tally.pension.keys().next(), tally.pension.keys().next_back()) {
        (Some(&first), Some(&last)) => {
            let years: Vec<i32> = (first..=last).collect();
            let line = |name: &str, colour: &str, pick: fn(&(usize, usize)) -> usize| Series {
                name: name.into(),
                colour: colour.into(),
                values: years.iter().map(|y| shown(tally.pension.get(y).map_or(0, pick))).collect(),
            };
            Some(svg::time_series(&TimeSeriesChart {
                title: "Afgørelser om førtidspension pr. år".into(),
                unit: "Sager".into(),
                periods: years.iter().map(i32::to_string).collect(),
                series: vec![line("Tilkendt", svg::PALETTE[0], |c| c.0), line("Afslag", svg::PALETTE[1], |c| c.1)],
            }))
        }
        _ => None,
    };
    AnalyticsCharts {
        by_phase: bars("Sager efter stade", &tally.phases),
        by_decision: bars("Sager efter seneste afgørelse", &tally.decisions),
        pension_by_year,
    }
}

/// A count as a chart may show it: `None` (drawn as "skjult") from 1 to [`MIN_CELL`]` - 1`.
fn shown(n: usize) -> Option<f64> {
    // Case counts are far below 2^52, so the conversion is exact.
    suppress::count(n as f64).value
}

/// The counts behind the analyst page.
struct Tally {
    phases: BTreeMap<&'static str, usize>,
    /// Cases and cases with overdue deadlines per unit.
    units: BTreeMap<String, (usize, usize)>,
    decisions: BTreeMap<&'static str, usize>,
    /// Decisions on foertidspension or seniorfoertidspension per year: (awarded, refused).
    pension: BTreeMap<i32, (usize, usize)>,
}

impl Tally {
    fn of(index: &Index) -> Self {
        let mut tally = Tally {
            phases: BTreeMap::new(),
            units: BTreeMap::new(),
            decisions: BTreeMap::new(),
            pension: BTreeMap::new(),
        };
        for c in index.all() {
            *tally.phases.entry(phase_label(c.phase)).or_default() += 1;
            let unit = tally.units.entry(c.unit.clone().unwrap_or_else(|| "(ingen)".into())).or_default();
            unit.0 += 1;
            unit.1 += usize::from(c.overdue() > 0);
            let decision = c.decision.and_then(|(o, at)| AfgoerelseOutcome::parse(o).map(|o| (o, at)));
            *tally.decisions.entry(decision.map_or("Ingen afgørelse endnu", |(o, _)| o.label_da())).or_default() += 1;
            for (at, awarded) in &c.pension_decisions {
                let year = tally.pension.entry(at.year()).or_default();
                if *awarded {
                    year.0 += 1;
                } else {
                    year.1 += 1;
                }
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pension_decision_counts_in_its_year_not_only_each_cases_latest() {
        let journal = r#"{"case":"p1","at":"2019-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}
{"case":"p1","at":"2020-03-01","type":"afgoerelse","id":"a1","outcome":"afslag_foertidspension","legal_basis":["PL § 16"],"reasons":"x","work_functions":["y"],"main_considerations":"z","klagevejledning":true}
{"case":"p1","at":"2022-05-01","type":"afgoerelse","id":"a2","outcome":"tilkendt_foertidspension","legal_basis":["PL § 16"],"reasons":"x","klagevejledning":true}
"#;
        let events = journal::parse_journal(journal).expect("valid journal");
        let as_of = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).expect("date");
        let mut index = Index::new(as_of);
        index.put(crate::index::CaseSummary::build(&events, as_of, &assess::Settings::default()).expect("a case"));
        let tally = Tally::of(&index);
        assert_eq!(tally.pension.get(&2020), Some(&(0, 1)), "the refusal before the award still counts");
        assert_eq!(tally.pension.get(&2022), Some(&(1, 0)));
    }

    #[test]
    fn counts_below_five_are_suppressed_but_zero_is_shown() {
        assert_eq!(suppress_label(0), "0");
        assert_eq!(suppress_label(4), "<5");
        assert_eq!(suppress_label(5), "5");
    }
}
