//! The report's own cases (principle decisions, practice studies, BDO's review) as CaseFacts.

mod common;

use common::*;
use rulebook::{
    Application, ApplicationKind, Criterion as C, DeadlineState, Decision, DecisionOutcome, DiagnosisGroup,
    DocumentKind, Measure, MeasureKind, PensionTransition, Recommendation, RecommendationOutcome, RouteValue, Status,
    SupportPeriod, Ydelse,
};

#[test]
fn p_3_07_a_work_test_six_years_old_cannot_document_that_capacity_cannot_be_improved() {
    // 49-year-old woman, small disc prolapse, 19 years off the labour market (L767–773).
    let mut f = citizen(d(1968, 3, 1));
    doc(&mut f, "ap2011", DocumentKind::Arbejdsproevning, d(2011, 5, 1));
    judge(&mut f, d(2017, 5, 1), &["ap2011"], &[(C::KanIkkeForbedresDokumenteret, true)]);
    let c = eval(&f, d(2017, 6, 1));
    assert_eq!(c.tracks.foertidspension.status, Status::ManglerDokumentation);
    assert!(cites(&c.tracks.foertidspension.findings, "ast.p-3-07"));
    // Five years old it is not yet stale under the only number the source gives.
    let c = eval(&f, d(2016, 4, 30));
    assert!(!cites(&c.tracks.foertidspension.findings, "ast.p-3-07"));
}

#[test]
fn case_68_14_pension_is_possible_on_the_day_the_citizen_turns_18() {
    let mut f = citizen(d(1999, 9, 1));
    doc(&mut f, "udredning", DocumentKind::Speciallaege, d(2017, 8, 1));
    doc(&mut f, "sk", DocumentKind::Sundhedskoordinator, d(2017, 8, 15));
    judge(
        &mut f,
        d(2017, 8, 20),
        &["udredning"],
        &[
            (C::ArbejdsevneVarigtNedsat, true),
            (C::ArbejdsevneVaesentligtNedsat, true),
            (C::KanIkkeForbedresAabenbart, true),
        ],
    );
    let c = eval(&f, d(2017, 9, 1));
    assert_eq!(c.tracks.foertidspension.status, Status::Opfyldt);
    assert!(cites(&c.tracks.foertidspension.findings, "ast.68-14"));
    assert_eq!(c.route.value, RouteValue::KanUndlades);
    assert_eq!(eval(&f, d(2017, 8, 31)).tracks.foertidspension.status, Status::IkkeAktuel);
}

fn few_hours_case(birth: chrono::NaiveDate, hours: f64, develops: bool) -> rulebook::CaseFacts {
    let mut f = citizen(birth);
    let i = doc(&mut f, "afklaring", DocumentKind::Arbejdsproevning, d(2017, 9, 1));
    f.documents[i].findings.hours_per_week = Some(hours);
    doc(&mut f, "kf", DocumentKind::KliniskFunktion, d(2017, 9, 15));
    judge(
        &mut f,
        d(2017, 10, 1),
        &["afklaring", "kf"],
        &[
            (C::ArbejdsevneVarigtNedsat, true),
            (C::ArbejdsevneVaesentligtNedsat, true),
            (C::KanIkkeArbejdePaaOrdinaereVilkaar, true),
            (C::KanIkkeForbedresDokumenteret, false),
            (C::AlleRelevanteTilbudAfproevet, true),
            (C::KanArbejdeFaaTimer, true),
            (C::UdviklingIndenForRimeligPeriode, develops),
            (C::AfklaretUddannelseBeskaeftigelse, true),
        ],
    );
    f
}

#[test]
fn case_25_14_a_fleksjob_of_two_hours_a_week_is_possible_when_capacity_can_develop() {
    let c = eval(&few_hours_case(d(1970, 1, 1), 2.0, true), d(2017, 11, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::Opfyldt);
    assert!(cites(&c.tracks.fleksjob.findings, "ast.25-14"));
    let c = eval(&few_hours_case(d(1970, 1, 1), 2.0, false), d(2017, 11, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::IkkeOpfyldt);
}

#[test]
fn case_24_14_a_clarified_citizen_with_few_hours_can_get_fleksjob_without_a_prior_ressourceforloeb() {
    let c = eval(&few_hours_case(d(1972, 1, 1), 5.0, true), d(2017, 11, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::Opfyldt);
    assert!(c
        .tracks
        .fleksjob
        .findings
        .iter()
        .any(|f| f.rule == "ast.24-14" && f.text.contains("frem for ressourceforløb")));
    assert_eq!(c.tracks.foertidspension.status, Status::IkkeOpfyldt);
}

fn section_17_2_case() -> rulebook::CaseFacts {
    let mut f = citizen(d(1962, 5, 1));
    f.applications.push(Application::new(d(2017, 9, 1), ApplicationKind::FoertidspensionForeliggendeGrundlag));
    f
}

#[test]
fn case_39_17_the_case_passes_to_pension_handling_at_the_latest_three_weeks_after_the_recommendation() {
    let mut f = section_17_2_case();
    f.recommendations.push(Recommendation::new("i", d(2017, 10, 2), RecommendationOutcome::Foertidspension));
    let due = |c: &rulebook::Conclusions| c.deadlines.iter().find(|x| x.rule == "ast.39-17").map(|x| (x.due, x.state));
    assert_eq!(due(&eval(&f, d(2017, 10, 23))), Some((d(2017, 10, 23), DeadlineState::Aaben)));
    assert_eq!(due(&eval(&f, d(2017, 10, 24))), Some((d(2017, 10, 23), DeadlineState::Overskredet)));
    let mut on_time = f.clone();
    on_time.pension_transitions.push(PensionTransition { at: d(2017, 10, 20), notified: true });
    assert_eq!(due(&eval(&on_time, d(2017, 11, 1))).map(|x| x.1), Some(DeadlineState::Opfyldt));
    // PL § 21, stk. 1 then runs from the transition.
    let c = eval(&on_time, d(2017, 11, 1));
    assert!(c.deadlines.iter().any(|x| x.rule == "pl.21.1.afgoerelsesfrist" && x.due == d(2018, 1, 20)));
}

#[test]
fn case_39_17_without_the_team_the_three_weeks_run_from_the_application() {
    let mut f = section_17_2_case();
    doc(&mut f, "kf", DocumentKind::KliniskFunktion, d(2017, 9, 5));
    judge(
        &mut f,
        d(2017, 9, 6),
        &["kf"],
        &[(C::UtvivlsomtIkkeBerettiget, true), (C::KomplekseProblemer, false), (C::ArbejdsevneVarigtNedsat, false)],
    );
    let c = eval(&f, d(2017, 9, 10));
    assert_eq!(c.route.value, RouteValue::KanUndlades);
    assert_eq!(c.route.basis, "PL § 17, stk. 4");
    assert!(c.deadlines.iter().any(|x| x.rule == "ast.39-17" && x.due == d(2017, 9, 22)));
    assert!(!c.missing.iter().any(|m| m.what == "lae265"));
}

#[test]
fn case_64_11_granting_ressourceforloeb_to_a_fleksjob_applicant_requires_a_fleksjob_refusal() {
    let mut f = citizen(d(1970, 1, 1));
    f.applications.push(Application::new(d(2017, 6, 1), ApplicationKind::Fleksjob));
    f.recommendations.push(Recommendation::new("i", d(2017, 9, 1), RecommendationOutcome::Ressourceforloeb));
    f.decisions.push(Decision::new("rf", d(2017, 10, 1), DecisionOutcome::BevilgetRessourceforloeb));
    assert!(cites(&eval(&f, d(2017, 10, 2)).defects, "ast.64-11"));
    f.decisions.push(Decision::new("afslag", d(2017, 10, 1), DecisionOutcome::AfslagFleksjob));
    f.decisions.swap(0, 1);
    let c = eval(&f, d(2017, 10, 2));
    assert!(!cites(&c.defects, "ast.64-11"));
}

#[test]
fn case_6_14_a_section_17_2_application_always_goes_to_the_team_but_a_fleksjob_application_outside_the_target_group_does_not(
) {
    let c = eval(&section_17_2_case(), d(2017, 9, 10));
    assert_eq!((c.route.value, c.route.rule), (RouteValue::Kraeves, "ast.6-14"));

    let mut f = citizen(d(1970, 1, 1));
    f.applications.push(Application::new(d(2017, 6, 1), ApplicationKind::Fleksjob));
    doc(&mut f, "kf", DocumentKind::KliniskFunktion, d(2017, 6, 10));
    judge(&mut f, d(2017, 6, 15), &["kf"], &[(C::ArbejdsevneVarigtNedsat, false), (C::KomplekseProblemer, false)]);
    let c = eval(&f, d(2017, 7, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::IkkeOpfyldt);
    assert_eq!((c.route.value, c.route.rule), (RouteValue::KanUndlades, "ast.6-14"));
}

#[test]
fn practice_study_2015_a_four_week_clarification_is_too_short() {
    let mut f = citizen(d(1968, 1, 1));
    let i = doc(&mut f, "afklaring", DocumentKind::Arbejdsproevning, d(2016, 2, 1));
    f.documents[i].findings.weeks = Some(4.0);
    f.documents[i].findings.hours_per_week = Some(12.0);
    let c = eval(&f, d(2016, 3, 1));
    assert!(cites(&c.tracks.foertidspension.findings, "praksis.ankestyrelsen.foertidspension_2015"));
    assert_ne!(c.tracks.foertidspension.status, Status::Opfyldt);
}

#[test]
fn practice_study_2015_a_fragile_psychiatric_patient_needs_a_specialist_examination_and_a_function_description() {
    let mut f = citizen(d(1977, 1, 1));
    let i = doc(&mut f, "lae", DocumentKind::Lae265, d(2016, 1, 10));
    f.documents[i].findings.diagnosis_group = Some(DiagnosisGroup::Psykisk);
    judge(
        &mut f,
        d(2016, 2, 1),
        &["lae"],
        &[
            (C::ArbejdsevneVarigtNedsat, true),
            (C::ArbejdsevneVaesentligtNedsat, true),
            (C::KanIkkeForbedresAabenbart, true),
        ],
    );
    let c = eval(&f, d(2016, 3, 1));
    assert_eq!(c.tracks.foertidspension.status, Status::ManglerDokumentation);
    assert!(cites(&c.tracks.foertidspension.findings, "praksis.ankestyrelsen.foertidspension_2015"));
}

#[test]
fn practice_study_2015_complex_psychiatric_problems_point_to_ressourceforloeb_not_pension() {
    let mut f = citizen(d(1969, 1, 1));
    doc(&mut f, "psyk", DocumentKind::Speciallaege, d(2016, 1, 10));
    judge(
        &mut f,
        d(2016, 2, 1),
        &["psyk"],
        &[
            (C::KanIkkeForbedresDokumenteret, false),
            (C::KomplekseProblemer, true),
            (C::LaengerevarendeOffentligForsoergelse, true),
            (C::BehovForLaengerevarendeIndsats, true),
        ],
    );
    let c = eval(&f, d(2016, 3, 1));
    assert_eq!(c.tracks.foertidspension.status, Status::IkkeOpfyldt);
    assert_eq!(c.tracks.ressourceforloeb.status, Status::Opfyldt);
}

#[test]
fn sagsnr_98_a_nurse_working_two_and_a_half_hours_gets_a_few_hours_fleksjob_not_pension() {
    let c = eval(&few_hours_case(d(1982, 4, 1), 2.5, true), d(2017, 11, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::Opfyldt);
    assert_eq!(c.tracks.foertidspension.status, Status::IkkeOpfyldt);
    assert!(cites(&c.tracks.fleksjob.findings, "praksis.ankestyrelsen.fleksjob_faa_timer_2016"));
}

#[test]
fn sagsnr_117_a_motivated_craftsman_with_four_and_a_half_effective_hours_gets_fleksjob() {
    let mut f = few_hours_case(d(1964, 2, 1), 4.5, true);
    f.measures.push(Measure::new("rf", MeasureKind::Ressourceforloeb, d(2015, 1, 1)));
    let c = eval(&f, d(2017, 11, 1));
    assert_eq!(c.tracks.fleksjob.status, Status::Opfyldt);
    assert_eq!(c.tracks.foertidspension.status, Status::IkkeOpfyldt);
}

#[test]
fn bdo_case_4_pension_could_have_been_granted_when_ressourceforloeb_was_recommended() {
    let mut f = citizen(d(1966, 8, 1));
    let i = doc(&mut f, "spl", DocumentKind::Speciallaege, d(2017, 8, 1));
    f.documents[i].findings.stationary = Some(true);
    f.documents[i].findings.treatment_exhausted = Some(true);
    judge(
        &mut f,
        d(2017, 8, 15),
        &["spl"],
        &[
            (C::ArbejdsevneVarigtNedsat, true),
            (C::ArbejdsevneVaesentligtNedsat, true),
            (C::AabenbartFormaalsloest, true),
            (C::KomplekseProblemer, true),
            (C::LaengerevarendeOffentligForsoergelse, true),
            (C::BehovForLaengerevarendeIndsats, true),
        ],
    );
    f.recommendations.push(Recommendation::new("i", d(2017, 10, 1), RecommendationOutcome::Ressourceforloeb));
    let c = eval(&f, d(2017, 10, 1));
    assert_eq!(c.tracks.foertidspension.status, Status::Opfyldt);
    assert_eq!(c.tracks.ressourceforloeb.status, Status::IkkeOpfyldt);
    assert!(cites(&c.tracks.foertidspension.findings, "rsl.5.helhedsvurdering"));
}

#[test]
fn bdo_case_21_after_two_years_on_sickness_benefit_the_postponed_case_still_lacks_the_neuropsychological_test() {
    let mut f = citizen(d(1963, 2, 1));
    f.support.push(SupportPeriod { ydelse: Ydelse::Fleksjob, start: d(2012, 1, 1), end: Some(d(2015, 11, 30)) });
    f.support.push(SupportPeriod { ydelse: Ydelse::Sygedagpenge, start: d(2015, 12, 1), end: None });
    let i = doc(&mut f, "spl", DocumentKind::Speciallaege, d(2016, 3, 1));
    f.documents[i].findings.stationary = Some(true);
    f.documents[i].findings.progressive = Some(true);
    f.documents[i].findings.treatment_exhausted = Some(true);
    f.recommendations.push(Recommendation::new("i", d(2017, 12, 1), RecommendationOutcome::Udsaettelse));
    let c = eval(&f, d(2017, 12, 2));
    assert!(c.missing.iter().any(|m| m.what == "oplysninger_efter_udsaettelse"));
    assert!(c.missing.iter().any(|m| m.what == "nye_helbredsoplysninger"));
    // The documents' findings are not turned into judgements: the engine does not guess.
    assert_eq!(c.tracks.foertidspension.status, Status::ManglerVurdering);
    assert!(c
        .deadlines
        .iter()
        .any(|x| x.rule == "sdl.opfoelgning.sygedagpenge" && x.state == DeadlineState::Overskredet));
}

#[test]
fn case_1_15_refusing_ressourceforloeb_when_its_conditions_are_met_is_a_defect() {
    let mut f = citizen(d(1975, 1, 1));
    doc(&mut f, "kf", DocumentKind::KliniskFunktion, d(2017, 9, 1));
    judge(
        &mut f,
        d(2017, 9, 2),
        &["kf"],
        &[
            (C::KomplekseProblemer, true),
            (C::LaengerevarendeOffentligForsoergelse, true),
            (C::TilbudUdenOegetTilknytning, true),
        ],
    );
    f.decisions.push(Decision::new("a", d(2017, 10, 1), DecisionOutcome::AndenIndsats));
    assert!(cites(&eval(&f, d(2017, 10, 2)).defects, "ast.1-15"));
}
