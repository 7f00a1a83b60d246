//! The report's chapter 5 and § 6.7 indicators from case projections and the population table, each with its numerator and denominator.
//!
//! Every indicator is computed per scope (the whole journal set as `country`, each
//! municipality, and, where a caseworker is assigned, each unit), per age group (16-66,
//! 40-66, 16-39) and, where it has one, per category. Definitions follow
//! `shared/domain/metrics.md`; where the report leaves a choice open, the choice is
//! written on the [`Metric`] variant. Ages are the citizen's age on the date of the event
//! counted (the decision, the meeting, the end of the ressourceforløb); population
//! denominators are the population table's count for the year and age group.
//!
//! Analyst views get small cells suppressed ([`crate::suppress`]): with
//! `IndicatorOptions::suppress_small_cells` (the default), numerator and denominator
//! are hidden when either is a count from 1 to 4, a mean when it rests on 1-4 cases,
//! and, in a distribution over categories, the next smallest cell beside a lone hidden one.

use crate::extract::diagnosis_group_on;
use crate::population::{PopulationTable, SexFilter};
use crate::suppress;
use chrono::{Days, Months, NaiveDate};
use journal::{AfgoerelseOutcome, AnkeResult, CaseState, DokumentKind, Ydelse};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The age groups of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AgeGroup {
    /// 16-66: the working-age population.
    #[serde(rename = "16-66")]
    From16To66,
    /// 40-66: "fyldt 40 år", used to neutralise a young population and the 2013 reform.
    #[serde(rename = "40-66")]
    From40To66,
    /// 16-39: under 40. (The report's Figure 5.17 uses 18-39 for inflow per population;
    /// we keep 16-39 so the three groups partition as Table 5.2 does.)
    #[serde(rename = "16-39")]
    Under40,
}

impl AgeGroup {
    /// All groups.
    pub const ALL: [AgeGroup; 3] = [AgeGroup::From16To66, AgeGroup::From40To66, AgeGroup::Under40];

    /// First and last age.
    pub fn range(self) -> (u8, u8) {
        match self {
            AgeGroup::From16To66 => (16, 66),
            AgeGroup::From40To66 => (40, 66),
            AgeGroup::Under40 => (16, 39),
        }
    }

    fn groups_of(age: Option<u32>) -> Vec<AgeGroup> {
        let Some(age) = age else { return Vec::new() };
        Self::ALL
            .into_iter()
            .filter(|g| {
                let (from, to) = g.range();
                (u32::from(from)..=u32::from(to)).contains(&age)
            })
            .collect()
    }
}

/// Where an indicator is measured.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "key", rename_all = "snake_case")]
pub enum Scope {
    /// All cases given.
    Country,
    /// A municipality (the citizen's kommunekode).
    Municipality(String),
    /// A unit (`tildelt.enhed` of the caseworker assigned on the event's date).
    Unit(String),
}

/// The indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Awards of foertidspension (`afgoerelse` `tilkendt_foertidspension`) dated in the
    /// year per 10,000 inhabitants. Counted at the decision date, like
    /// Socialforvaltningen (metrics.md "Tilgang"), not at first payment like Jobindsats.
    TilgangFoertidspension,
    /// `bevilget_fleksjob` decisions dated in the year per 10,000 inhabitants.
    TilgangFleksjob,
    /// Share of the year's foertidspension awards by the citizen's support seven days
    /// before the decision (Figure 5.12's categories; no support recorded counts as
    /// `selvforsoergende`, as in DREAM).
    YdelseUgenFoerFoertidspension,
    /// Share of ressourceforløb ended in the year by status one month after the end
    /// (Table 5.4's categories). A ressourceforløb ends when a `ressourceforloebsydelse`
    /// period ends, or, in a case with no such period, when an `indsats` of kind
    /// `ressourceforloeb` ends. Ends whose horizon lies after `as_of` are not yet
    /// observable and left out (see the notes). No support recorded counts as
    /// `selvforsoergelse` (as DREAM does); sygedagpenge, revalidering and the like as `andet`.
    StatusEfterRessourceforloeb1Maaned,
    /// As above, three months after the end.
    StatusEfterRessourceforloeb3Maaneder,
    /// As above, six months after the end.
    StatusEfterRessourceforloeb6Maaneder,
    /// Mean length in weeks of the ressourceforløb that ended in the year.
    RessourceforloebVarighedUger,
    /// Share of the year's ended ressourceforløb by length (under 1 year, 1-2, 2-3, 3+).
    RessourceforloebVarighedFordeling,
    /// Share of the year's foertidspension awards by diagnosis group (latest-issued
    /// document with a group, issued on or before the decision; `ukendt` when none).
    TilkendelserEfterDiagnosegruppe,
    /// The same awards by diagnosis group per 10,000 inhabitants (Figure 5.16).
    TilkendelserEfterDiagnosegruppePer10000,
    /// Ankestyrelsen's results dated in the year, as shares of all results (incl. afvist),
    /// by result.
    AnkestyrelsenResultater,
    /// Reversal rate (omgoerelsesprocent): (hjemvist + aendret) divided by
    /// (stadfaestet + aendret + hjemvist), afvist left out (metrics.md M19), by the kind of decision appealed
    /// (category `alle`, `foertidspension`, `fleksjob`, `ressourceforloeb`, `andet`).
    Omgoerelsesprocent,
    /// Open cases per caseworker on 31 December (or `as_of` if earlier): numerator the
    /// open cases with a caseworker assigned, denominator the distinct caseworkers holding
    /// at least one. Open means opened, no pension awarded and not on a pension. Computed
    /// for all ages together (age group 16-66 holds every case).
    SagerPerSagsbehandler,
    /// Rehabilitation-team meetings held in the year per 10,000 inhabitants.
    RehabiliteringsmoederPer10000,
    /// Mean weeks from the preparation (`forberedende_del`, its `issued` date) to the
    /// decision, for the year's decisions: the latest preparation issued after the
    /// previous decision and on or before this one. By decision kind.
    UgerFraForberedelseTilAfgoerelse,
}

impl Metric {
    /// All metrics in reporting order.
    pub const ALL: [Metric; 15] = [
        Metric::TilgangFoertidspension,
        Metric::TilgangFleksjob,
        Metric::YdelseUgenFoerFoertidspension,
        Metric::StatusEfterRessourceforloeb1Maaned,
        Metric::StatusEfterRessourceforloeb3Maaneder,
        Metric::StatusEfterRessourceforloeb6Maaneder,
        Metric::RessourceforloebVarighedUger,
        Metric::RessourceforloebVarighedFordeling,
        Metric::TilkendelserEfterDiagnosegruppe,
        Metric::TilkendelserEfterDiagnosegruppePer10000,
        Metric::AnkestyrelsenResultater,
        Metric::Omgoerelsesprocent,
        Metric::SagerPerSagsbehandler,
        Metric::RehabiliteringsmoederPer10000,
        Metric::UgerFraForberedelseTilAfgoerelse,
    ];

    /// Danish label for the user interface.
    pub fn label(self) -> &'static str {
        match self {
            Metric::TilgangFoertidspension => "Tilkendte førtidspensioner pr. 10.000 indbyggere",
            Metric::TilgangFleksjob => "Bevilgede fleksjob pr. 10.000 indbyggere",
            Metric::YdelseUgenFoerFoertidspension => "Ydelse ugen før tilkendt førtidspension, pct.",
            Metric::StatusEfterRessourceforloeb1Maaned => "Status 1 måned efter afsluttet ressourceforløb, pct.",
            Metric::StatusEfterRessourceforloeb3Maaneder => "Status 3 måneder efter afsluttet ressourceforløb, pct.",
            Metric::StatusEfterRessourceforloeb6Maaneder => "Status 6 måneder efter afsluttet ressourceforløb, pct.",
            Metric::RessourceforloebVarighedUger => "Gennemsnitlig varighed af afsluttede ressourceforløb, uger",
            Metric::RessourceforloebVarighedFordeling => "Afsluttede ressourceforløb efter varighed, pct.",
            Metric::TilkendelserEfterDiagnosegruppe => "Tilkendte førtidspensioner efter diagnosegruppe, pct.",
            Metric::TilkendelserEfterDiagnosegruppePer10000 => {
                "Tilkendte førtidspensioner efter diagnosegruppe pr. 10.000 indbyggere"
            }
            Metric::AnkestyrelsenResultater => "Ankestyrelsens afgørelser efter resultat, pct.",
            Metric::Omgoerelsesprocent => "Omgørelsesprocent (hjemvist + ændret af realitetsbehandlede)",
            Metric::SagerPerSagsbehandler => "Åbne sager pr. sagsbehandler",
            Metric::RehabiliteringsmoederPer10000 => "Rehabiliteringsmøder pr. 10.000 indbyggere",
            Metric::UgerFraForberedelseTilAfgoerelse => "Uger fra forberedende del til afgørelse, gennemsnit",
        }
    }

    /// What the value is multiplied by: 10,000, 100 or 1.
    pub fn per(self) -> f64 {
        match self {
            Metric::TilgangFoertidspension
            | Metric::TilgangFleksjob
            | Metric::TilkendelserEfterDiagnosegruppePer10000
            | Metric::RehabiliteringsmoederPer10000 => 10_000.0,
            Metric::RessourceforloebVarighedUger
            | Metric::SagerPerSagsbehandler
            | Metric::UgerFraForberedelseTilAfgoerelse => 1.0,
            _ => 100.0,
        }
    }

    /// Whether the value is a mean (numerator a sum, denominator a count).
    pub fn is_mean(self) -> bool {
        self.per() == 1.0
    }

    /// Whether the categories of one scope and age group split one total (so a lone
    /// hidden cell needs a second one hidden, see [`crate::suppress::distribution`]).
    pub fn is_distribution(self) -> bool {
        matches!(
            self,
            Metric::YdelseUgenFoerFoertidspension
                | Metric::StatusEfterRessourceforloeb1Maaned
                | Metric::StatusEfterRessourceforloeb3Maaneder
                | Metric::StatusEfterRessourceforloeb6Maaneder
                | Metric::RessourceforloebVarighedFordeling
                | Metric::TilkendelserEfterDiagnosegruppe
                | Metric::TilkendelserEfterDiagnosegruppePer10000
                | Metric::AnkestyrelsenResultater
        )
    }

    /// Whether the denominator is the population table's count.
    pub fn per_population(self) -> bool {
        self.per() == 10_000.0
    }
}

/// One indicator value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Which indicator.
    pub metric: Metric,
    /// Danish label.
    pub label: &'static str,
    /// Where.
    pub scope: Scope,
    /// Which ages.
    pub age_group: AgeGroup,
    /// The category (status, diagnosis group, result, decision kind), if any.
    pub category: Option<String>,
    /// The numerator (a count, or a sum of weeks for means); `None` when suppressed.
    pub numerator: Option<f64>,
    /// The denominator; `None` when suppressed.
    pub denominator: Option<f64>,
    /// The multiplier: 10,000, 100 or 1.
    pub per: f64,
    /// numerator / denominator * per; `None` when suppressed or the denominator is 0.
    pub value: Option<f64>,
    /// Whether small-cell suppression hid it.
    pub suppressed: bool,
}

/// Settings for [`indicators`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndicatorOptions {
    /// Apply small-cell suppression (default true; turn off only for case-level users).
    pub suppress_small_cells: bool,
}

impl Default for IndicatorOptions {
    fn default() -> Self {
        Self { suppress_small_cells: true }
    }
}

/// All indicators for a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorReport {
    /// The year.
    pub year: i32,
    /// The date the cases were projected to; later follow-ups are not observable.
    pub as_of: NaiveDate,
    /// The values.
    pub indicators: Vec<Indicator>,
    /// What was left out and why.
    pub notes: Vec<String>,
}

impl IndicatorReport {
    /// The indicators of one metric, scope, age group and category.
    pub fn find(
        &self,
        metric: Metric,
        scope: &Scope,
        age_group: AgeGroup,
        category: Option<&str>,
    ) -> Option<&Indicator> {
        self.indicators.iter().find(|i| {
            i.metric == metric && &i.scope == scope && i.age_group == age_group && i.category.as_deref() == category
        })
    }
}

/// Computes every indicator for `year` from cases projected as of `as_of`.
pub fn indicators(
    cases: &[CaseState],
    population: &PopulationTable,
    year: i32,
    as_of: NaiveDate,
    options: &IndicatorOptions,
) -> IndicatorReport {
    let mut acc = Accumulator::default();
    let mut notes = Vec::new();
    let (Some(start), Some(end)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return IndicatorReport {
            year,
            as_of,
            indicators: Vec::new(),
            notes: vec![format!("{year} is not a valid year")],
        };
    };
    let in_year = |d: NaiveDate| (start..=end).contains(&d);
    let mut not_observable = [0usize; 3];
    let mut without_citizen = 0usize;

    for case in cases {
        let Some(citizen) = &case.citizen else {
            without_citizen += 1;
            continue;
        };
        let municipality = citizen.municipality.as_str().to_string();
        let scopes_on = |date: NaiveDate| {
            let mut scopes = vec![Scope::Country, Scope::Municipality(municipality.clone())];
            if let Some(a) = case.assignments.iter().rev().find(|a| a.at <= date) {
                scopes.push(Scope::Unit(a.unit.clone()));
            }
            scopes
        };
        let ages_on = |date: NaiveDate| AgeGroup::groups_of(case.age_on(date));

        // Decisions: inflow, week before pension, diagnosis, weeks from preparation.
        let mut previous_decision: Option<NaiveDate> = None;
        for decision in &case.decisions {
            let at = decision.at;
            let outcome = decision.decision.outcome;
            if in_year(at) {
                let scopes = scopes_on(at);
                let ages = ages_on(at);
                let mut count = |metric: Metric, category: Option<String>, num: f64, den: f64| {
                    acc.add(metric, &scopes, &ages, category, num, den);
                };
                match outcome {
                    AfgoerelseOutcome::TilkendtFoertidspension => {
                        count(Metric::TilgangFoertidspension, None, 1.0, 0.0);
                        let week_before = at.checked_sub_days(Days::new(7)).unwrap_or(at);
                        let status = week_before_category(case.support_on(week_before));
                        count(Metric::YdelseUgenFoerFoertidspension, Some(status.into()), 1.0, 0.0);
                        let group = diagnosis_group_on(case, at).map_or("ukendt", |g| g.as_str());
                        count(Metric::TilkendelserEfterDiagnosegruppe, Some(group.into()), 1.0, 0.0);
                        count(Metric::TilkendelserEfterDiagnosegruppePer10000, Some(group.into()), 1.0, 0.0);
                    }
                    AfgoerelseOutcome::BevilgetFleksjob => count(Metric::TilgangFleksjob, None, 1.0, 0.0),
                    _ => {}
                }
                let preparation = case
                    .documents
                    .iter()
                    .filter(|d| d.kind == DokumentKind::ForberedendeDel)
                    .filter(|d| d.issued <= at && previous_decision.is_none_or(|p| d.issued > p))
                    .map(|d| d.issued)
                    .max();
                if let Some(prepared) = preparation {
                    let weeks = (at - prepared).num_days() as f64 / 7.0;
                    count(Metric::UgerFraForberedelseTilAfgoerelse, Some(decision_kind(outcome).into()), weeks, 1.0);
                }
            }
            previous_decision = Some(at);
        }

        // Appeals decided in the year.
        for appeal in &case.appeals {
            let Some((at, result)) = appeal.result else { continue };
            if !in_year(at) {
                continue;
            }
            let scopes = scopes_on(at);
            let ages = ages_on(at);
            let result_key = match result {
                AnkeResult::Stadfaestet => "stadfaestet",
                AnkeResult::Aendret => "aendret",
                AnkeResult::Hjemvist => "hjemvist",
                AnkeResult::Afvist => "afvist",
            };
            acc.add(Metric::AnkestyrelsenResultater, &scopes, &ages, Some(result_key.into()), 1.0, 0.0);
            if result != AnkeResult::Afvist {
                let reversed = f64::from(u8::from(matches!(result, AnkeResult::Aendret | AnkeResult::Hjemvist)));
                let kind = case
                    .decisions
                    .iter()
                    .find(|d| d.id == appeal.about)
                    .map_or("andet", |d| decision_kind(d.decision.outcome));
                for category in ["alle", kind] {
                    acc.add(Metric::Omgoerelsesprocent, &scopes, &ages, Some(category.into()), reversed, 1.0);
                }
            }
        }

        // Ressourceforløb that ended in the year.
        for (began, ended) in ressourceforloeb_periods(case) {
            if !in_year(ended) {
                continue;
            }
            let scopes = scopes_on(ended);
            let ages = ages_on(ended);
            let weeks = (ended - began).num_days() as f64 / 7.0;
            acc.add(Metric::RessourceforloebVarighedUger, &scopes, &ages, None, weeks, 1.0);
            let band = match (ended - began).num_days() {
                d if d < 365 => "under_1_aar",
                d if d < 730 => "1_2_aar",
                d if d < 1095 => "2_3_aar",
                _ => "3_aar_og_over",
            };
            acc.add(Metric::RessourceforloebVarighedFordeling, &scopes, &ages, Some(band.into()), 1.0, 0.0);
            for (k, (metric, months)) in [
                (Metric::StatusEfterRessourceforloeb1Maaned, 1),
                (Metric::StatusEfterRessourceforloeb3Maaneder, 3),
                (Metric::StatusEfterRessourceforloeb6Maaneder, 6),
            ]
            .into_iter()
            .enumerate()
            {
                match ended.checked_add_months(Months::new(months)) {
                    Some(horizon) if horizon <= as_of => {
                        let status = status_after_category(case.support_on(horizon));
                        acc.add(metric, &scopes, &ages, Some(status.into()), 1.0, 0.0);
                    }
                    _ => not_observable[k] += 1,
                }
            }
        }

        // Rehabilitation-team meetings held in the year.
        for meeting in case.team_meetings.iter().filter(|m| in_year(m.at)) {
            acc.add(
                Metric::RehabiliteringsmoederPer10000,
                &scopes_on(meeting.at),
                &ages_on(meeting.at),
                None,
                1.0,
                0.0,
            );
        }
    }

    // Shares: the denominator is the total over categories in the same cell.
    for metric in [
        Metric::YdelseUgenFoerFoertidspension,
        Metric::StatusEfterRessourceforloeb1Maaned,
        Metric::StatusEfterRessourceforloeb3Maaneder,
        Metric::StatusEfterRessourceforloeb6Maaneder,
        Metric::RessourceforloebVarighedFordeling,
        Metric::TilkendelserEfterDiagnosegruppe,
        Metric::AnkestyrelsenResultater,
    ] {
        acc.share_of_total(metric);
    }

    // Population denominators: every municipality in the table gets a row, even with 0.
    let municipalities = population.municipalities(year);
    for metric in [Metric::TilgangFoertidspension, Metric::TilgangFleksjob, Metric::RehabiliteringsmoederPer10000] {
        for group in AgeGroup::ALL {
            acc.entry(metric, Scope::Country, group, None);
            for m in &municipalities {
                acc.entry(metric, Scope::Municipality(m.clone()), group, None);
            }
        }
    }
    acc.cells.retain(|(metric, scope, _, _), _| !(metric.per_population() && matches!(scope, Scope::Unit(_))));
    for ((metric, scope, group, _), cell) in acc.cells.iter_mut() {
        if metric.per_population() {
            let (from, to) = group.range();
            let area = match scope {
                Scope::Municipality(m) => Some(m.as_str()),
                _ => None,
            };
            cell.1 = population.count(area, year, from, to, SexFilter::All);
        }
    }
    let missing: BTreeSet<&String> = acc
        .cells
        .iter()
        .filter_map(|((metric, scope, _, _), (_, den))| match scope {
            Scope::Municipality(m) if metric.per_population() && *den == 0.0 => Some(m),
            _ => None,
        })
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "no population for {year} in the table for municipality {}: their rates per 10,000 are empty",
            missing.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }

    caseload(cases, end.min(as_of), &mut acc);

    for (k, label) in ["1", "3", "6"].iter().enumerate() {
        if not_observable[k] > 0 {
            notes.push(format!(
                "{} ressourceforløb ended too late to see their status {label} month(s) later as of {as_of}; left out",
                not_observable[k]
            ));
        }
    }
    if without_citizen > 0 {
        notes.push(format!("{without_citizen} case(s) without a borger event were left out"));
    }

    let mut indicators: Vec<Indicator> = acc
        .cells
        .into_iter()
        .map(|((metric, scope, age_group, category), (num, den))| Indicator {
            metric,
            label: metric.label(),
            scope,
            age_group,
            category,
            numerator: Some(num),
            denominator: Some(den),
            per: metric.per(),
            value: (den > 0.0).then(|| num / den * metric.per()),
            suppressed: false,
        })
        .collect();
    if options.suppress_small_cells {
        suppress_small_cells(&mut indicators);
    }
    IndicatorReport { year, as_of, indicators, notes }
}

/// Applies small-cell suppression ([`crate::suppress`]) to indicators computed without it;
/// idempotent, so a report that is already suppressed comes back unchanged.
///
/// Numerator, denominator and value are hidden when the numerator or the denominator is a
/// count from 1 to 4 (for a mean: when the denominator, the number of cases, is), and, in a
/// distribution over categories, the next smallest cell beside a lone hidden one is hidden
/// too, since it could otherwise be recovered from the total.
pub fn suppress_small_cells(indicators: &mut [Indicator]) {
    let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (i, indicator) in indicators.iter().enumerate() {
        if indicator.metric.is_distribution() {
            groups.entry((indicator.metric, indicator.scope.clone(), indicator.age_group)).or_default().push(i);
        }
    }
    let mut hidden = vec![false; indicators.len()];
    for members in groups.values() {
        // An already hidden cell counts as a small one (its count is no longer known).
        let counts: Vec<f64> = members
            .iter()
            .map(|&i| if indicators[i].suppressed { 1.0 } else { indicators[i].numerator.unwrap_or(0.0) })
            .collect();
        for (&i, shown) in members.iter().zip(suppress::distribution(&counts)) {
            hidden[i] = shown.suppressed;
        }
    }
    for (indicator, secondary) in indicators.iter_mut().zip(hidden) {
        let num = indicator.numerator.unwrap_or(0.0);
        let den = indicator.denominator.unwrap_or(0.0);
        let small = if indicator.metric.is_mean() {
            suppress::is_suppressed(den)
        } else {
            suppress::is_suppressed(num) || suppress::is_suppressed(den)
        };
        if indicator.suppressed || secondary || small {
            indicator.numerator = None;
            indicator.denominator = None;
            indicator.value = None;
            indicator.suppressed = true;
        }
    }
}

type CellKey = (Metric, Scope, AgeGroup, Option<String>);
type GroupKey = (Metric, Scope, AgeGroup);

#[derive(Default)]
struct Accumulator {
    cells: BTreeMap<CellKey, (f64, f64)>,
}

impl Accumulator {
    fn entry(&mut self, metric: Metric, scope: Scope, group: AgeGroup, category: Option<String>) -> &mut (f64, f64) {
        self.cells.entry((metric, scope, group, category)).or_insert((0.0, 0.0))
    }

    fn add(
        &mut self,
        metric: Metric,
        scopes: &[Scope],
        ages: &[AgeGroup],
        category: Option<String>,
        num: f64,
        den: f64,
    ) {
        for scope in scopes {
            for group in ages {
                let cell = self.entry(metric, scope.clone(), *group, category.clone());
                cell.0 += num;
                cell.1 += den;
            }
        }
    }

    fn share_of_total(&mut self, metric: Metric) {
        let mut totals: HashMap<(Scope, AgeGroup), f64> = HashMap::new();
        for ((m, scope, group, _), (num, _)) in &self.cells {
            if *m == metric {
                *totals.entry((scope.clone(), *group)).or_default() += num;
            }
        }
        for ((m, scope, group, _), cell) in self.cells.iter_mut() {
            if *m == metric {
                cell.1 = totals.get(&(scope.clone(), *group)).copied().unwrap_or(0.0);
            }
        }
    }
}

fn caseload(cases: &[CaseState], on: NaiveDate, acc: &mut Accumulator) {
    let mut held: BTreeMap<Scope, (f64, BTreeSet<String>)> = BTreeMap::new();
    for case in cases {
        let Some(citizen) = &case.citizen else { continue };
        if case.opened.is_none_or(|o| o > on) {
            continue;
        }
        let pension_awarded = case.decisions.iter().any(|d| {
            d.at <= on
                && matches!(
                    d.decision.outcome,
                    AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::TilkendtSeniorfoertidspension
                )
        });
        let on_pension = matches!(
            case.support_on(on),
            Some(Ydelse::Foertidspension | Ydelse::Seniorfoertidspension | Ydelse::Folkepension)
        );
        if pension_awarded || on_pension {
            continue;
        }
        let Some(assignment) = case.assignments.iter().rev().find(|a| a.at <= on) else { continue };
        for scope in [
            Scope::Country,
            Scope::Municipality(citizen.municipality.as_str().to_string()),
            Scope::Unit(assignment.unit.clone()),
        ] {
            let entry = held.entry(scope).or_default();
            entry.0 += 1.0;
            entry.1.insert(assignment.caseworker.clone());
        }
    }
    for (scope, (cases, caseworkers)) in held {
        let cell = acc.entry(Metric::SagerPerSagsbehandler, scope, AgeGroup::From16To66, None);
        *cell = (cases, caseworkers.len() as f64);
    }
}

/// The ressourceforløb of a case as (start, end) for those that ended: from
/// `ressourceforloebsydelse` periods, or from `ressourceforloeb` measures when the case
/// has no such support period.
fn ressourceforloeb_periods(case: &CaseState) -> Vec<(NaiveDate, NaiveDate)> {
    let from_support: Vec<(NaiveDate, NaiveDate)> = case
        .support
        .iter()
        .filter(|p| p.ydelse == Ydelse::Ressourceforloebsydelse)
        .filter_map(|p| p.to.map(|to| (p.from, to)))
        .collect();
    if case.support.iter().any(|p| p.ydelse == Ydelse::Ressourceforloebsydelse) {
        return from_support;
    }
    case.measures
        .iter()
        .filter(|m| m.kind == "ressourceforloeb")
        .filter_map(|m| m.ended.map(|e| (m.start, e)))
        .collect()
}

/// Figure 5.12's categories.
fn week_before_category(ydelse: Option<Ydelse>) -> &'static str {
    match ydelse {
        Some(Ydelse::Ressourceforloebsydelse) => "ressourceforloeb",
        Some(Ydelse::KontanthjaelpAktivitetsparat) => "kontanthjaelp_aktpar",
        Some(Ydelse::Sygedagpenge | Ydelse::Jobafklaringsforloeb) => "sygedagpenge_jobafklaring",
        Some(Ydelse::Fleksjob | Ydelse::Ledighedsydelse) => "fleksjob_inkl_ledighedsydelse",
        Some(Ydelse::Selvforsoergelse | Ydelse::Job) | None => "selvforsoergende",
        Some(_) => "oevrige",
    }
}

/// Table 5.4's categories.
fn status_after_category(ydelse: Option<Ydelse>) -> &'static str {
    match ydelse {
        Some(Ydelse::Job) => "beskaeftigelse",
        Some(Ydelse::Uddannelse) => "uddannelse",
        Some(Ydelse::KontanthjaelpAktivitetsparat | Ydelse::KontanthjaelpJobparat | Ydelse::Uddannelseshjaelp) => {
            "kontanthjaelp"
        }
        Some(Ydelse::Fleksjob | Ydelse::Ledighedsydelse) => "fleksjobvisiteret",
        Some(Ydelse::Foertidspension | Ydelse::Seniorfoertidspension) => "foertidspension",
        Some(Ydelse::Selvforsoergelse) | None => "selvforsoergelse",
        Some(Ydelse::Ressourceforloebsydelse) => "ressourceforloeb",
        Some(_) => "andet",
    }
}

/// The kind of decision, for grouping appeals and waiting times.
fn decision_kind(outcome: AfgoerelseOutcome) -> &'static str {
    match outcome {
        AfgoerelseOutcome::TilkendtFoertidspension
        | AfgoerelseOutcome::AfslagFoertidspension
        | AfgoerelseOutcome::TilkendtSeniorfoertidspension
        | AfgoerelseOutcome::AfslagSeniorfoertidspension => "foertidspension",
        AfgoerelseOutcome::BevilgetFleksjob | AfgoerelseOutcome::AfslagFleksjob => "fleksjob",
        AfgoerelseOutcome::BevilgetRessourceforloeb | AfgoerelseOutcome::AfslagRessourceforloeb => "ressourceforloeb",
        AfgoerelseOutcome::AndenIndsats => "andet",
    }
}
