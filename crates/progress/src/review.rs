//! The auditor's review (sagsgennemgang) of every case, answered by replaying its journal.

use chrono::NaiveDate;
use journal::{AfgoerelseOutcome, CaseState, Event, IndstillingOutcome, Ydelse};
use rayon::prelude::*;
use rulebook::deadline::{add_months, days_between, sub_months};
use rulebook::{CaseFacts, Finding, Status, Tracks};
use serde::Serialize;

use crate::case::PreparedCase;
use crate::rules::{self, Rule};
use crate::settings::Settings;

/// One case's review. `case`, `decision`, `decided`, `earliest_sufficient`, `days_lost`,
/// `evidence_age_days`, `handovers`, `writers_2y` and `findings` are the spec's stable core.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseReview {
    /// The case.
    pub case: String,
    /// The latest decision's outcome (the journal's spelling), or null.
    pub decision: Option<&'static str>,
    /// Its date.
    pub decided: Option<NaiveDate>,
    /// The first date the evidence and judgements met the conditions for the decision's track
    /// under the law then in force; null without a decision, for a refusal or `anden_indsats`,
    /// or if the track was never met.
    pub earliest_sufficient: Option<NaiveDate>,
    /// Days from `earliest_sufficient` to `decided`.
    pub days_lost: Option<i64>,
    /// Age in days of the newest health evidence at the decision (or at the as-of date without one).
    pub evidence_age_days: Option<i64>,
    /// Handovers (a new caseworker) in the two years before the decision or as-of date.
    pub handovers: usize,
    /// Distinct actors writing in the case in the two years before the decision or as-of date.
    pub writers_2y: usize,
    /// What the auditor would note, each with rule and basis.
    pub findings: Vec<Finding>,
    /// The track the decision belongs to (`foertidspension`, `seniorfoertidspension`,
    /// `fleksjob`, `ressourceforloeb`), or null.
    pub track: Option<&'static str>,
    /// The rulebook edition in force on the decision date.
    pub edition: Option<&'static str>,
    /// The latest recommendation before the decision and its date.
    pub recommended: Option<NaiveDate>,
    /// Days from `earliest_sufficient` to that recommendation (0 if sufficient only later).
    pub days_lost_before_recommendation: Option<i64>,
    /// Handovers over the whole case.
    pub handovers_total: usize,
    /// The auditor's case categories (report table 8.1) the case falls in, by rule id.
    pub categories: Vec<&'static str>,
    /// The current caseworker and unit.
    pub caseworker: Option<String>,
    /// The current unit.
    pub unit: Option<String>,
}

impl CaseReview {
    /// Whether the review found anything.
    pub fn has_findings(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// Reviews many cases (each its events, oldest first) as of `as_of`, in parallel, in input order.
pub fn review<C>(cases: &[C], as_of: NaiveDate, settings: &Settings) -> Vec<CaseReview>
where
    C: AsRef<[Event]> + Sync,
{
    cases.par_iter().filter_map(|events| review_case(events.as_ref(), as_of, settings)).collect()
}

/// Reviews one case as of `as_of`; `None` if the case had no event by then.
pub fn review_case(events: &[Event], as_of: NaiveDate, settings: &Settings) -> Option<CaseReview> {
    let case = PreparedCase::new(events, as_of)?;
    Some(review_prepared(&case, settings))
}

/// The decision outcome's track, for the grants that have one. Refusals and `anden_indsats` have
/// none: a refusal is never "sufficient" in the sense of the review.
pub fn track_of(outcome: AfgoerelseOutcome) -> Option<&'static str> {
    match outcome {
        AfgoerelseOutcome::TilkendtFoertidspension => Some("foertidspension"),
        AfgoerelseOutcome::TilkendtSeniorfoertidspension => Some("seniorfoertidspension"),
        AfgoerelseOutcome::BevilgetFleksjob => Some("fleksjob"),
        AfgoerelseOutcome::BevilgetRessourceforloeb => Some("ressourceforloeb"),
        _ => None,
    }
}

/// The track a refusal refuses.
fn refused_track(outcome: AfgoerelseOutcome) -> Option<&'static str> {
    match outcome {
        AfgoerelseOutcome::AfslagFoertidspension => Some("foertidspension"),
        AfgoerelseOutcome::AfslagSeniorfoertidspension => Some("seniorfoertidspension"),
        AfgoerelseOutcome::AfslagFleksjob => Some("fleksjob"),
        AfgoerelseOutcome::AfslagRessourceforloeb => Some("ressourceforloeb"),
        _ => None,
    }
}

/// The status of a track by its name.
fn status(tracks: &Tracks, name: &str) -> Status {
    match name {
        "foertidspension" => tracks.foertidspension.status,
        "seniorfoertidspension" => tracks.seniorfoertidspension.status,
        "fleksjob" => tracks.fleksjob.status,
        _ => tracks.ressourceforloeb.status,
    }
}

/// The main citation of a track's conditions.
fn track_basis(name: &str) -> &'static str {
    match name {
        "foertidspension" => rulebook::pl::p16::ALDER_HOVEDREGEL.citation,
        "seniorfoertidspension" => rulebook::pl::p17::SENIORFOERTIDSPENSION.citation,
        "fleksjob" => rulebook::lab::p69_70::MAALGRUPPE.citation,
        _ => rulebook::lab::p68a::MAALGRUPPE.citation,
    }
}

fn track_da(name: &str) -> &'static str {
    match name {
        "foertidspension" => "førtidspension",
        "seniorfoertidspension" => "seniorførtidspension",
        "fleksjob" => "fleksjob",
        _ => "ressourceforløb",
    }
}

const TRACKS: [&str; 4] = ["foertidspension", "seniorfoertidspension", "fleksjob", "ressourceforloeb"];

/// The first date on or before `until` on which `track` was `opfyldt`, judged on each date under
/// the edition in force that day. Only dates on which something the tracks depend on arrives are
/// tried (see [`replay_dates`]); the replay stops at the first date that meets the conditions.
pub fn earliest_sufficient(facts: &CaseFacts, track: &str, until: NaiveDate) -> Option<NaiveDate> {
    replay_dates(facts, until).into_iter().find(|date| {
        rulebook::evaluate(facts, *date, None).is_some_and(|c| status(&c.tracks, track) == Status::Opfyldt)
    })
}

/// The dates a track can turn `opfyldt` on, up to `until`: arrivals of documents, judgements,
/// measures (start and end), support periods, applications, team meetings and recommendations;
/// the first day of each rulebook edition; and the citizen's 18th and 40th birthdays and the day
/// the seniorfoertidspension window opens (age-dependent rules). Between two such dates the
/// facts do not change except that evidence ages, which can only make a track worse.
pub fn replay_dates(facts: &CaseFacts, until: NaiveDate) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = Vec::new();
    dates.extend(facts.documents.iter().map(|d| d.received_at));
    dates.extend(facts.judgements.iter().map(|j| j.at));
    dates.extend(facts.measures.iter().map(|m| m.start));
    dates.extend(facts.measures.iter().filter_map(|m| m.end));
    dates.extend(facts.support.iter().map(|s| s.start));
    dates.extend(facts.support.iter().filter_map(|s| s.end));
    dates.extend(facts.applications.iter().map(|a| a.at));
    dates.extend(facts.team_meetings.iter().map(|m| m.at));
    dates.extend(facts.recommendations.iter().map(|r| r.at));
    dates.extend(rulebook::EDITIONS.iter().map(|e| e.in_force.from));
    if let Some(birth) = facts.birth_date {
        dates.push(add_months(birth, 18 * 12));
        dates.push(add_months(birth, 40 * 12));
        if let Some(scheme) = rulebook::pl::p26a::senior_scheme_on(until) {
            dates.push(scheme.window.before(rulebook::pl::p1a::folkepension_date(birth, until)));
        }
    }
    // Nothing can be met before the first judgement: every track needs one.
    let first_judgement = facts.judgements.iter().map(|j| j.at).min();
    dates.retain(|d| *d <= until && first_judgement.is_some_and(|f| *d >= f));
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// Reviews a prepared case.
pub fn review_prepared(case: &PreparedCase, settings: &Settings) -> CaseReview {
    let s = &case.state;
    let as_of = case.as_of;
    let latest = s.latest_decision();
    let decided = latest.map(|d| d.at);
    let reference = decided.unwrap_or(as_of);
    let outcome = latest.map(|d| d.decision.outcome);
    let track = outcome.and_then(track_of);

    let earliest = match (track, decided) {
        (Some(track), Some(decided)) => earliest_sufficient(&case.facts, track, decided),
        _ => None,
    };
    let days_lost = earliest.zip(decided).map(|(e, d)| days_between(e, d));
    let recommendation = decided.and_then(|d| s.recommendations.iter().rev().find(|r| r.at <= d));
    let recommended = recommendation.map(|r| r.at);
    let days_lost_before_recommendation = earliest.zip(recommended).map(|(e, r)| days_between(e, r).max(0));

    let newest_health =
        s.documents.iter().filter(|d| d.kind.is_health_evidence() && d.received <= reference).map(|d| d.issued).max();
    let evidence_age_days = newest_health.map(|issued| days_between(issued, reference));

    let window_from = sub_months(reference, 24);
    let handovers = s
        .assignments
        .windows(2)
        .filter(|pair| pair[1].at >= window_from && pair[1].at <= reference && pair[0].caseworker != pair[1].caseworker)
        .count();
    let writers_2y = s.distinct_writers(window_from, reference);

    let mut findings: Vec<Finding> = Vec::new();
    let mut categories: Vec<&'static str> = Vec::new();

    let conclusions_at_decision = decided.and_then(|d| rulebook::evaluate(&case.facts, d, None));
    let edition = conclusions_at_decision.as_ref().map(|c| c.edition);

    // Could it have been decided earlier?
    if let (Some(e), Some(lost)) = (earliest, days_lost) {
        if lost > settings.review_days_lost_min {
            add(
                &mut findings,
                rules::TIDLIGERE,
                format!(
                    "Betingelserne for {} var opfyldt {e}, {lost} dage før afgørelsen. Afgørelsen kunne være truffet tidligere.",
                    track_da(track.unwrap_or_default())
                ),
            );
        }
    }

    // Could another decision have been made?
    if let (Some(conclusions), Some(outcome), Some(d)) = (&conclusions_at_decision, outcome, decided) {
        let refused = refused_track(outcome);
        for other in TRACKS {
            if Some(other) == track || status(&conclusions.tracks, other) != Status::Opfyldt {
                continue;
            }
            let text = if Some(other) == refused {
                format!(
                    "Der blev givet afslag på {} {d}, men sagens oplysninger opfyldte betingelserne den dag.",
                    track_da(other)
                )
            } else {
                format!(
                    "Betingelserne for {} var opfyldt på afgørelsesdagen {d}; en anden afgørelse kunne være truffet.",
                    track_da(other)
                )
            };
            add(&mut findings, Rule { id: rules::ANDEN_AFGOERELSE.id, basis: track_basis(other) }, text);
        }
        // Defects of the decision under the law of its date (reasons, main considerations, ...).
        findings.extend(conclusions.defects.iter().cloned());
    }

    // Stale evidence at the decision and at the latest team meeting.
    let limit_months = settings.health_evidence_max_months;
    if let (Some(issued), Some(d)) = (newest_health, decided) {
        if add_months(issued, limit_months) < d {
            note_stale(&mut findings, issued, d, "afgørelsen", limit_months);
        }
    }
    if let Some(meeting) = s.team_meetings.iter().rev().find(|m| m.at <= reference) {
        let at_meeting = s
            .documents
            .iter()
            .filter(|doc| doc.kind.is_health_evidence() && doc.received <= meeting.at)
            .map(|doc| doc.issued)
            .max();
        match at_meeting {
            Some(issued) if add_months(issued, limit_months) < meeting.at => {
                note_stale(&mut findings, issued, meeting.at, "rehabiliteringsmødet", limit_months)
            }
            _ => {}
        }
        let from = sub_months(meeting.at, settings.measure_window_months);
        if !s.measures.iter().any(|m| m.start <= meeting.at && m.ended.is_none_or(|e| e >= from)) {
            findings.push(Finding {
                rule: rules::INGEN_INDSATS.id,
                basis: rules::INGEN_INDSATS.basis,
                text: format!(
                    "Borgeren havde ingen indsats i de {} måneder før rehabiliteringsmødet {}.",
                    settings.measure_window_months, meeting.at
                ),
            });
        }
    }

    // Hands in the case.
    if handovers > settings.handovers_max {
        findings.push(Finding {
            rule: rules::SAGSBEHANDLERSKIFT.id,
            basis: rules::SAGSBEHANDLERSKIFT.basis,
            text: format!("{handovers} sagsbehandlerskift i de 2 år før {reference}."),
        });
    }
    if writers_2y > settings.writers_max {
        findings.push(Finding {
            rule: rules::SKRIVERE.id,
            basis: rules::SKRIVERE.basis,
            text: format!("{writers_2y} forskellige personer skrev i sagen i de 2 år før {reference}."),
        });
    }

    // Postponements without a stated reason.
    for r in s.recommendations.iter().filter(|r| r.outcome == IndstillingOutcome::Udsaettelse && r.at <= reference) {
        if !postponement_has_reason(r) {
            findings.push(Finding {
                rule: rules::UDSAETTELSE_UDEN_BEGRUNDELSE.id,
                basis: rules::UDSAETTELSE_UDEN_BEGRUNDELSE.basis,
                text: format!("Rehabiliteringsteamet udsatte sagen {} uden at begrunde, hvorfor de foreliggende oplysninger ikke var tilstrækkelige.", r.at),
            });
        }
    }

    // The auditor's categories (table 8.1).
    for (rule, text) in categorise(s, as_of) {
        categories.push(rule.id);
        findings.push(Finding { rule: rule.id, basis: rule.basis, text });
    }

    CaseReview {
        case: s.case.to_string(),
        decision: outcome.map(|o| o.as_str()),
        decided,
        earliest_sufficient: earliest,
        days_lost,
        evidence_age_days,
        handovers,
        writers_2y,
        findings,
        track,
        edition,
        recommended,
        days_lost_before_recommendation,
        handovers_total: s.handovers(),
        categories,
        caseworker: case.caseworker().map(str::to_string),
        unit: case.unit().map(str::to_string),
    }
}

fn add(findings: &mut Vec<Finding>, rule: Rule, text: String) {
    findings.push(Finding { rule: rule.id, basis: rule.basis, text });
}

fn note_stale(findings: &mut Vec<Finding>, issued: NaiveDate, at: NaiveDate, what: &str, months: u32) {
    findings.push(Finding {
        rule: rules::HELBRED_ALDER.id,
        basis: rules::HELBRED_ALDER.basis,
        text: format!(
            "De nyeste helbredsoplysninger ved {what} {at} var fra {issued} ({} dage gamle; grænse {months} måneder).",
            days_between(issued, at)
        ),
    });
}

/// A postponement states its reason in `weighted` (any text) or in an extension field `reason`
/// or `begrundelse` on the `indstilling` event.
fn postponement_has_reason(r: &journal::Recommendation) -> bool {
    let weighted = r.weighted.as_ref().is_some_and(|w| {
        [&w.beskaeftigelse, &w.social, &w.helbred].iter().any(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()))
    });
    let extra = ["reason", "begrundelse"]
        .iter()
        .any(|k| r.extra.get(*k).and_then(|v| v.as_str()).is_some_and(|t| !t.trim().is_empty()));
    weighted || extra
}

/// The report's case categories (table 8.1) a case falls in, by the as-of date (what happened after
/// the decision, such as cash benefit after a ressourceforloeb or an appeal, counts).
fn categorise(s: &CaseState, reference: NaiveDate) -> Vec<(Rule, String)> {
    let mut out = Vec::new();
    let decisions: Vec<&journal::Decision> = s.decisions.iter().filter(|d| d.at <= reference).collect();
    let recommendations: Vec<&journal::Recommendation> =
        s.recommendations.iter().filter(|r| r.at <= reference).collect();

    // 1: the team recommended foertidspension, the municipality refused it.
    for r in recommendations.iter().filter(|r| r.outcome == IndstillingOutcome::Foertidspension) {
        let next = decisions.iter().find(|d| d.at >= r.at);
        if let Some(d) = next.filter(|d| d.decision.outcome == AfgoerelseOutcome::AfslagFoertidspension) {
            out.push((
                rules::KAT_1,
                format!(
                    "Rehabiliteringsteamet indstillede til førtidspension {}, men kommunen gav afslag {}.",
                    r.at, d.at
                ),
            ));
            break;
        }
    }
    // 2.a: two ressourceforloeb in a row, the second for a citizen over 40.
    let rf_grants: Vec<&&journal::Decision> =
        decisions.iter().filter(|d| d.decision.outcome == AfgoerelseOutcome::BevilgetRessourceforloeb).collect();
    for pair in rf_grants.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        let in_between = decisions.iter().any(|d| d.at > first.at && d.at < second.at);
        let age = s.age_on(second.at).unwrap_or(0);
        if !in_between && age >= 40 {
            out.push((
                rules::KAT_2A,
                format!("Borgeren fik ressourceforløb {} og igen {} som {age}-årig.", first.at, second.at),
            ));
            break;
        }
    }
    // 2.b: the citizen appealed a ressourceforloeb grant.
    if let Some(appeal) = s.appeals.iter().filter(|a| a.lodged <= reference).find(|a| {
        decisions.iter().any(|d| d.id == a.about && d.decision.outcome == AfgoerelseOutcome::BevilgetRessourceforloeb)
    }) {
        out.push((rules::KAT_2B, format!("Borgeren klagede {} over at have fået ressourceforløb.", appeal.lodged)));
    }
    // 2.c: cash benefit after a ressourceforloeb.
    let rf_ends: Vec<NaiveDate> = s
        .support
        .iter()
        .filter(|p| p.ydelse == Ydelse::Ressourceforloebsydelse)
        .filter_map(|p| p.to)
        .chain(s.measures.iter().filter(|m| m.kind == "ressourceforloeb").filter_map(|m| m.ended))
        .filter(|d| *d <= reference)
        .collect();
    if let Some(start) = s.support.iter().find(|p| {
        matches!(
            p.ydelse,
            Ydelse::KontanthjaelpAktivitetsparat | Ydelse::KontanthjaelpJobparat | Ydelse::Uddannelseshjaelp
        ) && p.from <= reference
            && rf_ends.iter().any(|end| p.from >= *end && p.from <= add_months(*end, 3))
    }) {
        out.push((
            rules::KAT_2C,
            format!(
                "Borgeren kom på {} {} efter et ressourceforløb.",
                start.ydelse.label_da().to_lowercase(),
                start.from
            ),
        ));
    }
    // 3: postponed by the team.
    if let Some(r) = recommendations.iter().find(|r| r.outcome == IndstillingOutcome::Udsaettelse) {
        out.push((rules::KAT_3, format!("Rehabiliteringsteamet udsatte sagen {}.", r.at)));
    }
    // 4: foertidspension, seniorfoertidspension or fleksjob granted.
    if let Some(d) = decisions.iter().rev().find(|d| {
        matches!(
            d.decision.outcome,
            AfgoerelseOutcome::TilkendtFoertidspension
                | AfgoerelseOutcome::TilkendtSeniorfoertidspension
                | AfgoerelseOutcome::BevilgetFleksjob
        )
    }) {
        out.push((rules::KAT_4, format!("{} {}.", d.decision.outcome.label_da(), d.at)));
    }
    out
}
