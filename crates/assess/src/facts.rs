//! The one mapping from the journal's vocabulary to the rulebook's: a case projection becomes `CaseFacts`.
//!
//! Every closed vocabulary is matched exhaustively, so a value added to the journal's vocabulary
//! fails to compile here until someone decides what it means in law.

use journal::{
    AfgoerelseOutcome, AnkeResult, AnsoegningKind, CaseState, CurrentAttachment, DiagnosisGroup, DokumentKind, Event,
    EventBody, FunctionLevel, IndstillingOutcome, Ydelse,
};
use rulebook as rb;
use serde_json::Value;

/// The legal facts of a case as the journal projection states them.
///
/// Dates are kept as they are: the rulebook itself leaves out whatever is dated after the
/// as-of date, and `CaseState::fold(events, Some(as_of))` has already left out later events.
pub fn facts(state: &CaseState) -> rb::CaseFacts {
    let mut appeals = Vec::with_capacity(state.appeals.len());
    for appeal in &state.appeals {
        appeals.push(rb::Appeal { at: appeal.lodged, about: appeal.about.clone(), result: None });
        if let Some((at, result)) = appeal.result {
            appeals.push(rb::Appeal { at, about: appeal.about.clone(), result: Some(anke_result(result)) });
        }
    }
    rb::CaseFacts {
        birth_date: state.citizen.as_ref().map(|c| c.birth_date),
        municipality: state.citizen.as_ref().map(|c| c.municipality.as_str().to_owned()),
        support: state
            .support
            .iter()
            .map(|p| rb::SupportPeriod { ydelse: ydelse(p.ydelse), start: p.from, end: p.to })
            .collect(),
        documents: state
            .documents
            .iter()
            .map(|d| rb::Document {
                id: d.id.clone(),
                kind: document_kind(d.kind),
                issued: d.issued,
                received_at: d.received,
                author: d.author.clone(),
                findings: findings(&d.findings),
            })
            .collect(),
        measures: state
            .measures
            .iter()
            .map(|m| rb::Measure {
                id: m.id.clone(),
                kind: measure_kind(&m.kind),
                start: m.start,
                planned_end: m.planned_end,
                end: m.ended,
                hours_per_week: m.hours_per_week,
                skaanehensyn_beskrevet: m.skaanehensyn_beskrevet,
            })
            .collect(),
        judgements: state
            .judgements
            .iter()
            .map(|j| rb::Judgement {
                at: j.at,
                criterion: criterion(j.criterion),
                value: j.value,
                basis: j.basis.clone(),
                text: j.text.clone(),
            })
            .collect(),
        applications: state
            .applications
            .iter()
            .map(|a| rb::Application {
                at: a.at,
                kind: application_kind(a.kind),
                years_full_time_work: a.years_full_time_work,
                current_attachment: a.current_attachment.map(attachment),
            })
            .collect(),
        team_submissions: state
            .team_submissions
            .iter()
            .map(|s| rb::TeamSubmission { at: s.at, genforelaeggelse: s.genforelaeggelse })
            .collect(),
        team_meetings: state
            .team_meetings
            .iter()
            .map(|m| rb::TeamMeeting { at: m.at, attendees: m.attendees.clone() })
            .collect(),
        recommendations: state.recommendations.iter().map(recommendation).collect(),
        hearings: state.hearings.iter().map(|h| rb::Hearing { at: h.at, about: h.about.clone() }).collect(),
        pension_transitions: state
            .transitions
            .iter()
            .map(|t| rb::PensionTransition { at: t.at, notified: t.notified })
            .collect(),
        meeting_offers: state.meeting_offers.iter().map(|at| rb::MeetingOffer { at: *at }).collect(),
        decisions: state.decisions.iter().map(|d| decision(&d.id, d.at, &d.decision)).collect(),
        delay_letters: state
            .delay_letters
            .iter()
            .map(|l| rb::DelayLetter { at: l.at, expected_by: Some(l.expected_by), reason: l.reason.clone() })
            .collect(),
        appeals,
        conversations: state
            .conversations
            .iter()
            .map(|c| rb::Conversation { at: c.at, kind: c.kind.clone() })
            .collect(),
        assignments: state
            .assignments
            .iter()
            .map(|a| rb::Assignment { at: a.at, caseworker: a.caseworker.clone(), unit: Some(a.unit.clone()) })
            .collect(),
    }
}

/// The decision a draft `afgoerelse` event proposes; `None` for any other event type.
/// A draft without an id is called `udkast`.
pub fn draft_facts(event: &Event) -> Option<rb::Decision> {
    match &event.body {
        EventBody::Afgoerelse(afgoerelse) => {
            Some(decision(event.id.as_deref().unwrap_or("udkast"), event.date(), afgoerelse))
        }
        _ => None,
    }
}

fn decision(id: &str, at: chrono::NaiveDate, d: &journal::Afgoerelse) -> rb::Decision {
    rb::Decision {
        id: id.to_owned(),
        at,
        outcome: decision_outcome(d.outcome),
        legal_basis: d.legal_basis.clone().unwrap_or_default(),
        reasons: d.reasons.clone(),
        work_functions: d.work_functions.clone().unwrap_or_default(),
        main_considerations: d.main_considerations.clone(),
        klagevejledning: d.klagevejledning.unwrap_or(false),
    }
}

/// The team's recommendation. Outcome-specific content the spec leaves open (BEK 996/2016
/// §§ 8–10: `faglig_begrundelse`, `afklaret_begrundelse`, `ordinaere_vilkaar_begrundelse`,
/// `udvikling_begrundelse`, `opfoelgning`, `kan_arbejde_faa_timer`, see `rulebook::bek_996_2016`)
/// arrives as extra top-level fields of the event; a key counts as stated when its value says
/// something (not null, `false`, or an empty text, list or object).
fn recommendation(r: &journal::Recommendation) -> rb::Recommendation {
    let weighted = r.weighted.as_ref().map_or_else(rb::Weighted::default, |w| rb::Weighted {
        beskaeftigelse: stated_text(w.beskaeftigelse.as_deref()),
        social: stated_text(w.social.as_deref()),
        helbred: stated_text(w.helbred.as_deref()),
    });
    rb::Recommendation {
        id: r.id.clone(),
        at: r.at,
        outcome: recommendation_outcome(r.outcome),
        weighted,
        work_functions: r.work_functions.iter().flatten().filter(|f| !f.trim().is_empty()).cloned().collect(),
        goal: stated_text(r.goal.as_deref()),
        indsatser: r.indsatser.as_ref().is_some_and(|list| list.iter().any(says_something)),
        see_again: r.see_again,
        content_keys: r.extra.iter().filter(|(_, v)| says_something(v)).map(|(k, _)| k.clone()).collect(),
    }
}

fn stated_text(text: Option<&str>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty()).map(str::to_owned)
}

fn says_something(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Bool(true) | Value::Number(_) => true,
    }
}

fn findings(f: &journal::Findings) -> rb::DocumentFindings {
    rb::DocumentFindings {
        treatment_exhausted: f.treatment_exhausted,
        stationary: f.stationary,
        progressive: f.progressive,
        primary_diagnosis: f.primary_diagnosis.clone(),
        diagnosis_group: f.diagnosis_group.map(diagnosis_group),
        hours_per_week: f.hours_per_week,
        weeks: f.weeks,
        function_level: f.function_level.map(function_level),
        contradictory: f.contradictory,
    }
}

/// The journal leaves measure kinds open; the ones the law names get their own value.
fn measure_kind(kind: &str) -> rb::MeasureKind {
    match kind {
        "virksomhedspraktik" => rb::MeasureKind::Virksomhedspraktik,
        "arbejdsproevning" => rb::MeasureKind::Arbejdsproevning,
        "mentor" => rb::MeasureKind::Mentor,
        "behandling" => rb::MeasureKind::Behandling,
        "revalidering" => rb::MeasureKind::Revalidering,
        "ressourceforloeb" => rb::MeasureKind::Ressourceforloeb,
        "mestringsforloeb" => rb::MeasureKind::Mestringsforloeb,
        other => rb::MeasureKind::Andet(other.to_owned()),
    }
}

fn ydelse(y: Ydelse) -> rb::Ydelse {
    match y {
        Ydelse::KontanthjaelpAktivitetsparat => rb::Ydelse::KontanthjaelpAktivitetsparat,
        Ydelse::KontanthjaelpJobparat => rb::Ydelse::KontanthjaelpJobparat,
        Ydelse::Uddannelseshjaelp => rb::Ydelse::Uddannelseshjaelp,
        Ydelse::Sygedagpenge => rb::Ydelse::Sygedagpenge,
        Ydelse::Ressourceforloebsydelse => rb::Ydelse::Ressourceforloebsydelse,
        Ydelse::Jobafklaringsforloeb => rb::Ydelse::Jobafklaringsforloeb,
        Ydelse::Ledighedsydelse => rb::Ydelse::Ledighedsydelse,
        Ydelse::Fleksjob => rb::Ydelse::Fleksjob,
        Ydelse::Revalidering => rb::Ydelse::Revalidering,
        Ydelse::Foertidspension => rb::Ydelse::Foertidspension,
        Ydelse::Seniorfoertidspension => rb::Ydelse::Seniorfoertidspension,
        Ydelse::Folkepension => rb::Ydelse::Folkepension,
        Ydelse::Selvforsoergelse => rb::Ydelse::Selvforsoergelse,
        Ydelse::Job => rb::Ydelse::Job,
        Ydelse::Uddannelse => rb::Ydelse::Uddannelse,
    }
}

fn document_kind(k: DokumentKind) -> rb::DocumentKind {
    match k {
        DokumentKind::ForberedendeDel => rb::DocumentKind::ForberedendeDel,
        DokumentKind::Lae265 => rb::DocumentKind::Lae265,
        DokumentKind::KliniskFunktion => rb::DocumentKind::KliniskFunktion,
        DokumentKind::Sundhedskoordinator => rb::DocumentKind::Sundhedskoordinator,
        DokumentKind::Speciallaege => rb::DocumentKind::Speciallaege,
        DokumentKind::Laegekonsulent => rb::DocumentKind::Laegekonsulent,
        DokumentKind::Statusattest => rb::DocumentKind::Statusattest,
        DokumentKind::Arbejdsproevning => rb::DocumentKind::Arbejdsproevning,
        DokumentKind::Leverandoerrapport => rb::DocumentKind::Leverandoerrapport,
        DokumentKind::Funktionsevnebeskrivelse => rb::DocumentKind::Funktionsevnebeskrivelse,
        DokumentKind::Ressourceprofil => rb::DocumentKind::Ressourceprofil,
        DokumentKind::Partshoeringssvar => rb::DocumentKind::Partshoeringssvar,
        DokumentKind::Andet => rb::DocumentKind::Andet,
    }
}

fn criterion(c: journal::Criterion) -> rb::Criterion {
    use journal::Criterion as J;
    use rb::Criterion as R;
    match c {
        J::ArbejdsevneVarigtNedsat => R::ArbejdsevneVarigtNedsat,
        J::ArbejdsevneVaesentligtNedsat => R::ArbejdsevneVaesentligtNedsat,
        J::KanIkkeForbedresDokumenteret => R::KanIkkeForbedresDokumenteret,
        J::KanIkkeForbedresAabenbart => R::KanIkkeForbedresAabenbart,
        J::AabenbartFormaalsloest => R::AabenbartFormaalsloest,
        J::Udviklingsperspektiv => R::Udviklingsperspektiv,
        J::KomplekseProblemer => R::KomplekseProblemer,
        J::LaengerevarendeOffentligForsoergelse => R::LaengerevarendeOffentligForsoergelse,
        J::TilbudUdenOegetTilknytning => R::TilbudUdenOegetTilknytning,
        J::BehovForLaengerevarendeIndsats => R::BehovForLaengerevarendeIndsats,
        J::AlleRelevanteTilbudAfproevet => R::AlleRelevanteTilbudAfproevet,
        J::KanArbejdeFaaTimer => R::KanArbejdeFaaTimer,
        J::UdviklingIndenForRimeligPeriode => R::UdviklingIndenForRimeligPeriode,
        J::KanIkkeArbejdePaaOrdinaereVilkaar => R::KanIkkeArbejdePaaOrdinaereVilkaar,
        J::AfklaretUddannelseBeskaeftigelse => R::AfklaretUddannelseBeskaeftigelse,
        J::TerminaltSyg => R::TerminaltSyg,
        J::UtvivlsomtIkkeBerettiget => R::UtvivlsomtIkkeBerettiget,
    }
}

fn application_kind(k: AnsoegningKind) -> rb::ApplicationKind {
    match k {
        AnsoegningKind::FoertidspensionForeliggendeGrundlag => rb::ApplicationKind::FoertidspensionForeliggendeGrundlag,
        AnsoegningKind::Seniorfoertidspension => rb::ApplicationKind::Seniorfoertidspension,
        AnsoegningKind::Fleksjob => rb::ApplicationKind::Fleksjob,
    }
}

fn attachment(a: CurrentAttachment) -> rb::Attachment {
    match a {
        CurrentAttachment::Beskaeftigelse => rb::Attachment::Beskaeftigelse,
        CurrentAttachment::Sygedagpenge => rb::Attachment::Sygedagpenge,
        CurrentAttachment::HelbredsbetingetOphoer => rb::Attachment::HelbredsbetingetOphoer,
        CurrentAttachment::KontanthjaelpKort => rb::Attachment::KontanthjaelpKort,
        CurrentAttachment::KontanthjaelpLaenge => rb::Attachment::KontanthjaelpLaenge,
    }
}

fn recommendation_outcome(o: IndstillingOutcome) -> rb::RecommendationOutcome {
    match o {
        IndstillingOutcome::Foertidspension => rb::RecommendationOutcome::Foertidspension,
        IndstillingOutcome::Fleksjob => rb::RecommendationOutcome::Fleksjob,
        IndstillingOutcome::Ressourceforloeb => rb::RecommendationOutcome::Ressourceforloeb,
        IndstillingOutcome::AndenIndsats => rb::RecommendationOutcome::AndenIndsats,
        IndstillingOutcome::Revalidering => rb::RecommendationOutcome::Revalidering,
        IndstillingOutcome::Udsaettelse => rb::RecommendationOutcome::Udsaettelse,
    }
}

fn decision_outcome(o: AfgoerelseOutcome) -> rb::DecisionOutcome {
    match o {
        AfgoerelseOutcome::TilkendtFoertidspension => rb::DecisionOutcome::TilkendtFoertidspension,
        AfgoerelseOutcome::AfslagFoertidspension => rb::DecisionOutcome::AfslagFoertidspension,
        AfgoerelseOutcome::TilkendtSeniorfoertidspension => rb::DecisionOutcome::TilkendtSeniorfoertidspension,
        AfgoerelseOutcome::AfslagSeniorfoertidspension => rb::DecisionOutcome::AfslagSeniorfoertidspension,
        AfgoerelseOutcome::BevilgetFleksjob => rb::DecisionOutcome::BevilgetFleksjob,
        AfgoerelseOutcome::AfslagFleksjob => rb::DecisionOutcome::AfslagFleksjob,
        AfgoerelseOutcome::BevilgetRessourceforloeb => rb::DecisionOutcome::BevilgetRessourceforloeb,
        AfgoerelseOutcome::AfslagRessourceforloeb => rb::DecisionOutcome::AfslagRessourceforloeb,
        AfgoerelseOutcome::AndenIndsats => rb::DecisionOutcome::AndenIndsats,
    }
}

fn anke_result(r: AnkeResult) -> rb::AppealResult {
    match r {
        AnkeResult::Stadfaestet => rb::AppealResult::Stadfaestet,
        AnkeResult::Aendret => rb::AppealResult::Aendret,
        AnkeResult::Hjemvist => rb::AppealResult::Hjemvist,
        AnkeResult::Afvist => rb::AppealResult::Afvist,
    }
}

fn diagnosis_group(g: DiagnosisGroup) -> rb::DiagnosisGroup {
    match g {
        DiagnosisGroup::Psykisk => rb::DiagnosisGroup::Psykisk,
        DiagnosisGroup::Bevaegeapparat => rb::DiagnosisGroup::Bevaegeapparat,
        DiagnosisGroup::Kraeft => rb::DiagnosisGroup::Kraeft,
        DiagnosisGroup::Neurologisk => rb::DiagnosisGroup::Neurologisk,
        DiagnosisGroup::HjerteKar => rb::DiagnosisGroup::HjerteKar,
        DiagnosisGroup::Andet => rb::DiagnosisGroup::Andet,
    }
}

fn function_level(l: FunctionLevel) -> rb::FunctionLevel {
    match l {
        FunctionLevel::Let => rb::FunctionLevel::Let,
        FunctionLevel::Moderat => rb::FunctionLevel::Moderat,
        FunctionLevel::Svaer => rb::FunctionLevel::Svaer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_journal_criterion_maps_to_the_rulebook_criterion_of_the_same_name() {
        for c in journal::Criterion::ALL {
            assert_eq!(criterion(*c).as_str(), c.as_str());
        }
    }

    #[test]
    fn every_decision_outcome_maps_to_the_rulebook_outcome_of_the_same_name() {
        for o in AfgoerelseOutcome::ALL {
            assert_eq!(decision_outcome(*o).as_str(), o.as_str());
        }
    }

    #[test]
    fn recommendation_content_counts_only_when_it_says_something() {
        assert!(says_something(&Value::String("fordi".into())));
        assert!(says_something(&Value::Bool(true)));
        assert!(!says_something(&Value::String("  ".into())));
        assert!(!says_something(&Value::Bool(false)));
        assert!(!says_something(&Value::Null));
        assert!(!says_something(&Value::Array(Vec::new())));
    }
}
