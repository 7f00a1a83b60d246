//! The worklist: every open or overdue legal deadline and every oversight warning, most urgent first.

use std::cmp::Ordering;

use chrono::NaiveDate;
use journal::{AfgoerelseOutcome, AnsoegningKind, DokumentKind, Event, IndstillingOutcome, Phase, Ydelse};
use rayon::prelude::*;
use rulebook::deadline::{add_months, add_weeks, days_between, sub_days, sub_months};
use rulebook::{Conclusions, DeadlineState, Status};
use serde::Serialize;

use crate::case::PreparedCase;
use crate::rules::{self, Rule};
use crate::settings::Settings;

/// The `samtale.kind` that records that the citizen was told about seniorfoertidspension.
pub const SENIOR_GUIDANCE_KIND: &str = "vejledning_seniorfoertidspension";

/// Whether an item is still open or past its due date (the spec's `state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Not yet due, or undated.
    Aaben,
    /// Past its due date.
    Overskredet,
}

/// How much a warning matters when it has no date; `Hoej` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A legal deadline passed, or a citizen's rights are at stake now.
    Hoej,
    /// Practice the municipality has set itself.
    Middel,
    /// Worth a look.
    Lav,
}

/// Where an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A legal deadline from the rulebook.
    Frist,
    /// An oversight warning of this crate.
    Advarsel,
}

/// One line of the worklist. `case`, `rule`, `basis`, `due`, `state` and `text` are the spec's
/// stable core; the rest is extra.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkItem {
    /// The case.
    pub case: String,
    /// Stable rule id.
    pub rule: &'static str,
    /// Citation.
    pub basis: &'static str,
    /// The last day, if the item has one.
    pub due: Option<NaiveDate>,
    /// `aaben` or `overskredet`.
    pub state: ItemState,
    /// What to do, in plain Danish.
    pub text: String,
    /// Legal deadline or oversight warning.
    pub kind: ItemKind,
    /// How much it matters.
    pub severity: Severity,
    /// Days past due (0 or more) when overdue.
    pub days_overdue: Option<i64>,
    /// The current caseworker.
    pub caseworker: Option<String>,
    /// The current unit.
    pub unit: Option<String>,
}

/// Which cases a worklist covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every case.
    All,
    /// Cases whose current caseworker (latest `tildelt`) is this actor.
    Caseworker(String),
    /// Cases whose current unit is this one.
    Unit(String),
}

impl Scope {
    /// Whether the prepared case is in scope.
    pub fn contains(&self, case: &PreparedCase) -> bool {
        match self {
            Scope::All => true,
            Scope::Caseworker(id) => case.caseworker() == Some(id.as_str()),
            Scope::Unit(unit) => case.unit() == Some(unit.as_str()),
        }
    }
}

/// The worklist for many cases (each a slice of its events, oldest first), sorted by [`sort`].
/// Cases are evaluated in parallel.
pub fn worklist<C>(cases: &[C], as_of: NaiveDate, scope: &Scope, settings: &Settings) -> Vec<WorkItem>
where
    C: AsRef<[Event]> + Sync,
{
    let mut items: Vec<WorkItem> = cases
        .par_iter()
        .flat_map_iter(|events| {
            PreparedCase::new(events.as_ref(), as_of)
                .filter(|case| scope.contains(case))
                .map(|case| case_items(&case, settings))
                .unwrap_or_default()
        })
        .collect();
    sort(&mut items, as_of);
    items
}

/// Every item of one case, unsorted.
pub fn case_items(case: &PreparedCase, settings: &Settings) -> Vec<WorkItem> {
    let Some(conclusions) = rulebook::evaluate(&case.facts, case.as_of, None) else {
        return Vec::new();
    };
    let mut out = Items { case, out: Vec::new() };
    deadlines(case, &conclusions, &mut out);
    if !case.is_closed() {
        warnings(case, &conclusions, settings, &mut out);
    }
    out.out
}

/// Sorts most urgent first: overdue items by how long overdue (longest first); then open items
/// with a due date, soonest first; then undated warnings by severity (`hoej`, `middel`, `lav`).
/// Ties go by severity, then case id, then rule id, so the order is stable.
pub fn sort(items: &mut [WorkItem], as_of: NaiveDate) {
    items.sort_by(|a, b| urgency(a, as_of).cmp(&urgency(b, as_of)).then_with(|| tie(a, b)));
}

fn urgency(item: &WorkItem, as_of: NaiveDate) -> (u8, i64) {
    match (item.state, item.due) {
        (ItemState::Overskredet, Some(due)) => (0, -days_between(due, as_of)),
        (ItemState::Overskredet, None) => (0, 0),
        (ItemState::Aaben, Some(due)) => (1, days_between(as_of, due)),
        (ItemState::Aaben, None) => (2, item.severity as i64),
    }
}

fn tie(a: &WorkItem, b: &WorkItem) -> Ordering {
    a.severity.cmp(&b.severity).then_with(|| a.case.cmp(&b.case)).then_with(|| a.rule.cmp(b.rule))
}

struct Items<'a> {
    case: &'a PreparedCase,
    out: Vec<WorkItem>,
}

impl Items<'_> {
    fn push(
        &mut self,
        rule: Rule,
        kind: ItemKind,
        due: Option<NaiveDate>,
        state: ItemState,
        severity: Severity,
        text: String,
    ) {
        let as_of = self.case.as_of;
        let days_overdue = (state == ItemState::Overskredet).then(|| due.map_or(0, |d| days_between(d, as_of).max(0)));
        self.out.push(WorkItem {
            case: self.case.state.case.to_string(),
            rule: rule.id,
            basis: rule.basis,
            due,
            state,
            text,
            kind,
            severity,
            days_overdue,
            caseworker: self.case.caseworker().map(str::to_string),
            unit: self.case.unit().map(str::to_string),
        });
    }

    /// A dated warning: shown from `lead` days before `due`, overdue the day after.
    fn dated(&mut self, rule: Rule, due: NaiveDate, lead: u32, severity: Severity, text: String) {
        let as_of = self.case.as_of;
        let state = if as_of > due {
            ItemState::Overskredet
        } else if as_of >= sub_days(due, lead) {
            ItemState::Aaben
        } else {
            return;
        };
        self.push(rule, ItemKind::Advarsel, Some(due), state, severity, text);
    }

    fn undated(&mut self, rule: Rule, severity: Severity, text: String) {
        self.push(rule, ItemKind::Advarsel, None, ItemState::Aaben, severity, text);
    }
}

/// The rulebook's deadlines that are open or overdue. An overdue deadline whose act has since
/// been done (late), or whose measure has ended (RSL § 7 a), is history for the review, not
/// work: it is left out.
fn deadlines(case: &PreparedCase, conclusions: &Conclusions, out: &mut Items<'_>) {
    for d in &conclusions.deadlines {
        let state = match d.state {
            DeadlineState::Opfyldt => continue,
            DeadlineState::Aaben => ItemState::Aaben,
            DeadlineState::Overskredet if done_late(case, d.rule, d.due) => continue,
            DeadlineState::Overskredet => ItemState::Overskredet,
        };
        let severity = if state == ItemState::Overskredet { Severity::Hoej } else { Severity::Middel };
        out.push(Rule { id: d.rule, basis: d.basis }, ItemKind::Frist, Some(d.due), state, severity, d.text.clone());
    }
}

/// Whether the act a deadline asks for happened after its due date.
fn done_late(case: &PreparedCase, rule: &str, due: NaiveDate) -> bool {
    let s = &case.state;
    if rule == rulebook::ankestyrelsen::A39_17.id {
        s.transitions.iter().any(|t| t.at > due)
    } else if rule == rulebook::pl::p21::AFGOERELSESFRIST.id || rule == rulebook::pl::p21::FORVENTET_AFGOERELSE.id {
        s.decisions.iter().any(|d| d.at > due && is_pension(d.decision.outcome))
    } else if rule == rulebook::rsl::STILLINGTAGEN.id {
        let window_end = add_weeks(due, 2);
        // The measure has ended since: the next step can no longer be taken in time.
        let measures: Vec<&journal::Measure> =
            s.measures.iter().filter(|m| m.planned_end == Some(window_end)).collect();
        if !measures.is_empty() && measures.iter().all(|m| m.ended.is_some()) {
            return true;
        }
        let after = |at: NaiveDate| at > due && at <= window_end;
        s.decisions.iter().any(|d| after(d.at))
            || s.measures.iter().any(|m| after(m.start))
            || s.team_submissions.iter().any(|t| after(t.at))
            || s.recommendations.iter().any(|r| after(r.at))
            || s.judgements.iter().any(|j| after(j.at))
    } else {
        false
    }
}

fn is_pension(outcome: AfgoerelseOutcome) -> bool {
    matches!(
        outcome,
        AfgoerelseOutcome::TilkendtFoertidspension
            | AfgoerelseOutcome::AfslagFoertidspension
            | AfgoerelseOutcome::TilkendtSeniorfoertidspension
            | AfgoerelseOutcome::AfslagSeniorfoertidspension
    )
}

/// Whether the case is on its way to a team meeting or a decision.
fn heading_to_meeting_or_decision(phase: Phase) -> bool {
    matches!(phase, Phase::ForelagtRehabiliteringsteam | Phase::Behandlet | Phase::Indstillet | Phase::PensionsSag)
}

fn warnings(case: &PreparedCase, conclusions: &Conclusions, settings: &Settings, out: &mut Items<'_>) {
    let s = &case.state;
    let as_of = case.as_of;
    let phase = s.phase();
    let lead = settings.lead_days;

    // Health evidence older than the limit at a coming team meeting or decision.
    if heading_to_meeting_or_decision(phase) {
        if let Some(doc) = s.documents.iter().filter(|d| d.kind.is_health_evidence()).max_by_key(|d| d.issued) {
            let due = add_months(doc.issued, settings.health_evidence_max_months);
            let what = if matches!(phase, Phase::ForelagtRehabiliteringsteam) {
                "rehabiliteringsmødet"
            } else {
                "afgørelsen"
            };
            out.dated(
                rules::HELBRED_ALDER,
                due,
                lead,
                Severity::Middel,
                format!(
                    "De nyeste helbredsoplysninger ({}, udstedt {}) er {} måneder gamle {due}. Indhent opdaterede oplysninger før {what}.",
                    doc.kind.label_da(),
                    doc.issued,
                    settings.health_evidence_max_months
                ),
            );
        }
    }

    // An old work test.
    if let Some(test) = s.documents.iter().filter(|d| d.kind == DokumentKind::Arbejdsproevning).max_by_key(|d| d.issued)
    {
        let due = add_months(test.issued, settings.work_test_max_years.saturating_mul(12));
        out.dated(
            rules::ARBEJDSPROEVNING_ALDER,
            due,
            lead,
            Severity::Middel,
            format!(
                "Den seneste arbejdsprøvning er fra {} og er {} år gammel {due}. En så gammel arbejdsprøvning kan ikke udelukke, at arbejdsevnen kan forbedres; overvej en ny.",
                test.issued, settings.work_test_max_years
            ),
        );
    }

    // Passivity.
    if let Some(last) = s.last_event {
        let due = add_weeks(last, settings.passivity_weeks);
        out.dated(
            rules::PASSIVITET,
            due,
            lead.min(settings.passivity_weeks.saturating_mul(7) / 2),
            Severity::Hoej,
            format!(
                "Der er ikke sket noget i sagen siden {last}. Efter {} uger uden aktivitet skal sagen fremmes; sagen skal behandles så hurtigt som muligt.",
                settings.passivity_weeks
            ),
        );
    }

    // No measure in the year before the coming team meeting.
    if phase == Phase::ForelagtRehabiliteringsteam {
        let from = sub_months(as_of, settings.measure_window_months);
        let active = s.measures.iter().any(|m| m.start <= as_of && m.ended.is_none_or(|e| e >= from));
        if !active {
            out.undated(
                rules::INGEN_INDSATS,
                Severity::Middel,
                format!(
                    "Sagen er forelagt rehabiliteringsteamet, men borgeren har ikke haft en indsats de seneste {} måneder. Der er intet nyt at vurdere arbejdsevnen på.",
                    settings.measure_window_months
                ),
            );
        }
    }

    // More than 2 years without clarification.
    if let Some(opened) = s.opened {
        let due = add_months(opened, settings.clarification_max_months);
        out.dated(
            rules::AFKLARING_2_AAR,
            due,
            lead.saturating_mul(3),
            Severity::Hoej,
            format!(
                "Sagen har været under afklaring siden {opened}. Domstolene har tilkendt erstatning, når afklaringen af arbejdsevnen har taget mere end 2 år."
            ),
        );
    }

    // RSL § 5: a track's conditions are met, but nothing has been started.
    if matches!(phase, Phase::Aaben | Phase::Afgjort) {
        let tracks = &conclusions.tracks;
        let candidates = [
            ("førtidspension", tracks.foertidspension.status, started_pension(case)),
            ("seniorførtidspension", tracks.seniorfoertidspension.status, started_pension(case)),
            ("fleksjob", tracks.fleksjob.status, started_fleksjob(case)),
            ("ressourceforløb", tracks.ressourceforloeb.status, started_ressourceforloeb(case)),
        ];
        for (name, status, started) in candidates {
            if status == Status::Opfyldt && !started {
                out.undated(
                    rules::RSL5_IKKE_STARTET,
                    Severity::Hoej,
                    format!("Sagens oplysninger og faglige vurderinger opfylder betingelserne for {name}, men sagen er ikke sat i gang. Når materialet viser, at betingelserne er opfyldt, skal sagen påbegyndes."),
                );
            }
        }
    }

    // Handovers and writers in the actor window.
    let from = sub_months(as_of, settings.actor_window_months);
    let handovers =
        s.assignments.windows(2).filter(|pair| pair[1].at >= from && pair[0].caseworker != pair[1].caseworker).count();
    if handovers > settings.handovers_max {
        out.undated(
            rules::SAGSBEHANDLERSKIFT,
            Severity::Middel,
            format!(
                "Sagen har skiftet sagsbehandler {handovers} gange de seneste {} måneder (grænse {}). Giv borgeren én fast kontaktperson.",
                settings.actor_window_months, settings.handovers_max
            ),
        );
    }
    let writers = s.distinct_writers(from, as_of);
    if writers > settings.writers_max {
        out.undated(
            rules::SKRIVERE,
            Severity::Lav,
            format!(
                "{writers} forskellige personer har skrevet i sagen de seneste {} måneder (grænse {}). Færre hænder giver bedre overblik.",
                settings.actor_window_months, settings.writers_max
            ),
        );
    }

    senior_guidance(case, settings, out);
    young_developmental_disability(case, settings, out);
}

fn started_pension(case: &PreparedCase) -> bool {
    let s = &case.state;
    !s.transitions.is_empty()
        || s.decisions.iter().any(|d| is_pension(d.decision.outcome))
        || (s.phase() != Phase::Afgjort
            && s.applications.iter().any(|a| {
                matches!(
                    a.kind,
                    AnsoegningKind::FoertidspensionForeliggendeGrundlag | AnsoegningKind::Seniorfoertidspension
                )
            }))
}

fn started_fleksjob(case: &PreparedCase) -> bool {
    let s = &case.state;
    s.decisions.iter().any(|d| d.decision.outcome == AfgoerelseOutcome::BevilgetFleksjob)
        || matches!(s.support_on(case.as_of), Some(Ydelse::Fleksjob | Ydelse::Ledighedsydelse))
}

fn started_ressourceforloeb(case: &PreparedCase) -> bool {
    let s = &case.state;
    s.measures.iter().any(|m| m.kind == "ressourceforloeb" && m.ended.is_none())
        || s.support_on(case.as_of) == Some(Ydelse::Ressourceforloebsydelse)
        || s.decisions.last().is_some_and(|d| d.decision.outcome == AfgoerelseOutcome::BevilgetRessourceforloeb)
}

/// Within the window before folkepension age of the early-retirement scheme open on the date
/// (seniorfoertidspension, PL § 17, stk. 3, 5 years, until 2019; seniorpension, PL § 26 a,
/// 6 years, from 2020; PL § 1 a for the age) and not yet told about it. "Told" is a `samtale` of
/// kind [`SENIOR_GUIDANCE_KIND`]; an application for or a decision on seniorfoertidspension also
/// shows the citizen knows.
fn senior_guidance(case: &PreparedCase, settings: &Settings, out: &mut Items<'_>) {
    let s = &case.state;
    let Some(citizen) = &s.citizen else { return };
    let pension = rulebook::pl::p1a::folkepension_date(citizen.birth_date, case.as_of);
    let Some(scheme) = rulebook::pl::p26a::senior_scheme_on(case.as_of) else {
        return;
    };
    let opens = scheme.window.before(pension);
    if case.as_of < opens || case.as_of >= pension {
        return;
    }
    let told = s.conversations.iter().any(|c| c.kind == SENIOR_GUIDANCE_KIND)
        || s.applications.iter().any(|a| a.kind == AnsoegningKind::Seniorfoertidspension)
        || s.decisions.iter().any(|d| {
            matches!(
                d.decision.outcome,
                AfgoerelseOutcome::TilkendtSeniorfoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension
            )
        });
    if told {
        return;
    }
    let from = s.opened.map_or(opens, |o| o.max(opens));
    let due = add_weeks(from, settings.senior_guidance_weeks);
    let state = if case.as_of > due { ItemState::Overskredet } else { ItemState::Aaben };
    out.push(
        Rule::of(scheme.guidance),
        ItemKind::Advarsel,
        Some(due),
        state,
        Severity::Middel,
        format!(
            "Borgeren når folkepensionsalderen {pension} og har under {} tilbage. Vejled borgeren om {} (taskforcens anbefaling 1), og notér det som en samtale af typen {SENIOR_GUIDANCE_KIND}.",
            scheme.window.danish(),
            scheme.name
        ),
    );
}

/// A young citizen (17–29 by default) with a developmental disability (ICD-10 F70–F79 by
/// default, from `dokument.findings.primary_diagnosis`) heading into a long clarification: a
/// ressourceforloeb recommended, granted or running, or an undecided case open for months.
fn young_developmental_disability(case: &PreparedCase, settings: &Settings, out: &mut Items<'_>) {
    let s = &case.state;
    let Some(age) = s.age_on(case.as_of) else { return };
    if age < settings.young_min_age || age > settings.young_max_age {
        return;
    }
    let diagnosed = s.documents.iter().filter_map(|d| d.findings.primary_diagnosis.as_deref()).any(|code| {
        let code: String = code.chars().filter(|c| !c.is_whitespace() && *c != '.').collect::<String>().to_uppercase();
        settings.young_diagnosis_prefixes.iter().any(|p| code.starts_with(&p.to_uppercase()))
    });
    if !diagnosed {
        return;
    }
    let rf = s.recommendations.iter().any(|r| r.outcome == IndstillingOutcome::Ressourceforloeb)
        || s.decisions.iter().any(|d| d.decision.outcome == AfgoerelseOutcome::BevilgetRessourceforloeb)
        || s.measures.iter().any(|m| m.kind == "ressourceforloeb")
        || s.support_on(case.as_of) == Some(Ydelse::Ressourceforloebsydelse);
    let long_open = s.decisions.is_empty()
        && s.opened.is_some_and(|o| add_months(o, settings.young_clarification_months) <= case.as_of);
    if !(rf || long_open) {
        return;
    }
    let text = format!(
        "Borgeren er {age} år og har en udviklingshæmning; der er risiko for en lang afklaring. Overvej, om sagen allerede kan afklares (fx førtidspension på grundlag af dokumentation fra barndommen)."
    );
    if age < 18 {
        let Some(birth) = s.citizen.as_ref().map(|c| c.birth_date) else { return };
        let due = add_months(birth, 18 * 12);
        let text = format!("{text} Sagen bør være afklaret før 18-årsdagen {due}.");
        let state = if case.as_of > due { ItemState::Overskredet } else { ItemState::Aaben };
        out.push(rules::UNG_UDVIKLINGSHAEMNING, ItemKind::Advarsel, Some(due), state, Severity::Middel, text);
    } else {
        out.undated(rules::UNG_UDVIKLINGSHAEMNING, Severity::Middel, text);
    }
}
