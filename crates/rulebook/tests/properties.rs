//! Properties: later facts never change an earlier answer; unrelated facts change nothing.

mod common;

use common::*;
use proptest::prelude::*;
use rulebook::{
    Application, ApplicationKind, Assignment, CaseFacts, Conversation, Criterion as C, Decision, DecisionOutcome,
    DocumentKind, Measure, MeasureKind, PensionTransition, Recommendation, RecommendationOutcome, SupportPeriod,
    Ydelse,
};

fn rich_case() -> CaseFacts {
    let mut f = citizen(d(1962, 5, 1));
    f.support.push(SupportPeriod {
        ydelse: Ydelse::KontanthjaelpAktivitetsparat,
        start: d(2014, 1, 1),
        end: Some(d(2016, 6, 30)),
    });
    f.support.push(SupportPeriod { ydelse: Ydelse::Ressourceforloebsydelse, start: d(2016, 7, 1), end: None });
    f.measures.push(Measure {
        planned_end: Some(d(2018, 6, 30)),
        ..Measure::new("rf", MeasureKind::Ressourceforloeb, d(2016, 7, 1))
    });
    doc(&mut f, "kf", DocumentKind::KliniskFunktion, d(2017, 3, 1));
    doc(&mut f, "fd", DocumentKind::ForberedendeDel, d(2017, 4, 1));
    judge(&mut f, d(2017, 4, 2), &["kf"], &[(C::ArbejdsevneVarigtNedsat, true), (C::KomplekseProblemer, true)]);
    f.applications.push(Application::new(d(2017, 5, 1), ApplicationKind::FoertidspensionForeliggendeGrundlag));
    f.recommendations.push(Recommendation::new("i", d(2017, 6, 1), RecommendationOutcome::Foertidspension));
    f.pension_transitions.push(PensionTransition { at: d(2017, 6, 15), notified: true });
    f.conversations.push(Conversation { at: d(2017, 7, 1), kind: "opfoelgning".into() });
    f.decisions.push(Decision::new("a", d(2017, 9, 1), DecisionOutcome::AfslagFoertidspension));
    f
}

fn day(offset: i64) -> chrono::NaiveDate {
    d(2013, 1, 1) + chrono::Duration::days(offset)
}

proptest! {
    #[test]
    fn nothing_after_the_as_of_date_changes_the_answer(as_of in 0i64..2500) {
        let as_of = day(as_of);
        let full = rulebook::evaluate(&rich_case(), as_of, None);
        let cut = rulebook::evaluate(&rich_case().as_of(as_of), as_of, None);
        prop_assert_eq!(full, cut);
    }

    #[test]
    fn a_caseworker_handover_changes_nothing(as_of in 0i64..2500, at in 0i64..2500) {
        let as_of = day(as_of);
        let mut with = rich_case();
        with.assignments.push(Assignment { at: day(at), caseworker: "sb:anna".into(), unit: Some("JKI".into()) });
        prop_assert_eq!(rulebook::evaluate(&rich_case(), as_of, None), rulebook::evaluate(&with, as_of, None));
    }

    #[test]
    fn every_finding_deadline_and_missing_item_names_a_rule_and_a_basis(as_of in 0i64..2500) {
        let c = eval(&rich_case(), day(as_of));
        let t = &c.tracks;
        for f in [&t.foertidspension, &t.seniorfoertidspension, &t.fleksjob, &t.ressourceforloeb].iter().flat_map(|t| &t.findings).chain(&c.defects).chain(&c.route.findings) {
            prop_assert!(!f.rule.is_empty() && !f.basis.is_empty());
        }
        for x in &c.deadlines { prop_assert!(!x.rule.is_empty() && !x.basis.is_empty()); }
        for m in &c.missing { prop_assert!(!m.rule.is_empty() && !m.basis.is_empty()); }
        prop_assert!(!c.route.basis.is_empty());
    }
}

#[test]
fn there_is_no_answer_before_the_earliest_edition() {
    assert_eq!(rulebook::evaluate(&rich_case(), d(2012, 12, 31), None), None);
    assert!(rulebook::try_evaluate(&rich_case(), d(2012, 12, 31), None).is_err());
    assert_eq!(eval(&rich_case(), d(2013, 1, 1)).edition, "2013-01-01.reform");
}

#[test]
fn the_same_case_is_judged_under_the_reform_edition_on_31_may_2018_and_under_l193_on_1_june_2018() {
    assert_eq!(eval(&rich_case(), d(2018, 5, 31)).edition, "2013-01-01.reform");
    assert_eq!(eval(&rich_case(), d(2018, 6, 1)).edition, "2018-06-01.l193");
}
