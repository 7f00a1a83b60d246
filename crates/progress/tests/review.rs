//! The review answers the auditor's questions from fixture journals with known answers.

mod common;

use common::{d, fixture};
use progress::Settings;

fn review(name: &str, as_of: chrono::NaiveDate) -> Vec<progress::CaseReview> {
    progress::review(&fixture(name), as_of, &Settings::default())
}

#[test]
fn evidence_complete_eight_months_before_the_recommendation_shows_eight_months_lost() {
    let r = &review("oplyst-8-maaneder-foer-indstillingen", d(2018, 1, 1))[0];
    assert_eq!(r.decision, Some("tilkendt_foertidspension"));
    assert_eq!(r.decided, Some(d(2017, 10, 2)));
    // The last judgement came 2017-01-02; the team recommended 2017-09-02: 8 months = 243 days.
    assert_eq!(r.earliest_sufficient, Some(d(2017, 1, 2)));
    assert_eq!(r.days_lost_before_recommendation, Some(243));
    assert_eq!(r.days_lost, Some(273));
    assert_eq!(r.edition, Some("2013-01-01.reform"));
    assert!(r.findings.iter().any(|f| f.rule == "rsl.3.hurtigst_muligt"), "{:#?}", r.findings);
    // The specialist statement was issued 2016-12-15: 291 days before the decision.
    assert_eq!(r.evidence_age_days, Some(291));
    assert!(r.findings.iter().any(|f| f.rule == "fremdrift.helbredsoplysninger.alder"));
    assert!(r.categories.contains(&"gennemgang.kategori.bevilget"));
}

#[test]
fn the_same_case_reviewed_before_and_after_l193_is_judged_under_each_edition() {
    let before = &review("tidsrejse-l193", d(2018, 5, 1))[0];
    assert_eq!(before.decision, Some("afslag_foertidspension"));
    assert_eq!(before.edition, Some("2013-01-01.reform"));
    assert_eq!(before.earliest_sufficient, None, "a refusal has no sufficient date");
    assert!(
        before.findings.iter().all(|f| f.rule != "gennemgang.anden_afgoerelse_mulig"),
        "under the 2013 rules a ressourceforloeb had to be tried first: {:#?}",
        before.findings
    );
    let after = &review("tidsrejse-l193", d(2018, 9, 1))[0];
    assert_eq!(after.decision, Some("tilkendt_foertidspension"));
    assert_eq!(after.edition, Some("2018-06-01.l193"));
    // Without an udviklingsperspektiv a ressourceforloeb is no longer required from 1 June 2018.
    assert_eq!(after.earliest_sufficient, Some(d(2018, 6, 1)));
    assert_eq!(after.days_lost, Some(61));
}

#[test]
fn the_auditors_categories_are_found_from_the_journal() {
    let all = review("revisorens-kategorier", d(2017, 12, 31));
    let cats = |case: &str| all.iter().find(|r| r.case == case).map(|r| r.categories.clone()).unwrap_or_default();
    assert_eq!(cats("kat1"), ["gennemgang.kategori.indstillet_foertidspension_afslag"]);
    assert_eq!(
        cats("kat2a"),
        [
            "gennemgang.kategori.to_ressourceforloeb_over_40",
            "gennemgang.kategori.klage_over_ressourceforloeb",
            "gennemgang.kategori.kontanthjaelp_efter_ressourceforloeb"
        ]
    );
    assert_eq!(cats("kat3"), ["gennemgang.kategori.udsat_af_rehabiliteringsteamet"]);
    assert_eq!(cats("kat4"), ["gennemgang.kategori.bevilget"]);
}

#[test]
fn a_postponement_without_reasons_and_a_decision_without_main_considerations_are_findings() {
    let all = review("revisorens-kategorier", d(2017, 12, 31));
    let rules = |case: &str| -> Vec<&'static str> {
        all.iter().find(|r| r.case == case).map(|r| r.findings.iter().map(|f| f.rule).collect()).unwrap_or_default()
    };
    assert!(rules("kat3").contains(&"gennemgang.udsaettelse_uden_begrundelse"));
    assert!(rules("kat1").contains(&"fvl.24.1.hovedhensyn"), "{:?}", rules("kat1"));
}

#[test]
fn a_case_without_a_decision_has_null_decision_and_evidence_age_at_the_as_of_date() {
    let r = &review("helbredsoplysninger-aeldre-end-6-maaneder-foer-moedet", d(2017, 7, 15))[0];
    assert_eq!((r.decision, r.decided, r.earliest_sufficient, r.days_lost), (None, None, None, None));
    assert_eq!(r.evidence_age_days, Some(186));
}

#[test]
fn handovers_and_writers_count_the_two_years_before_the_reference_date() {
    let r = &review("mange-sagsbehandlerskift", d(2017, 2, 1))[0];
    assert_eq!((r.handovers, r.handovers_total), (4, 4));
    let r = &review("mange-sagsbehandlerskift", d(2018, 12, 1))[0];
    assert_eq!((r.handovers, r.handovers_total), (2, 4));
    let r = &review("mange-skrivere", d(2017, 11, 1))[0];
    assert_eq!(r.writers_2y, 11);
}

#[test]
fn the_json_of_a_review_has_the_spec_fields() {
    let r = &review("oplyst-8-maaneder-foer-indstillingen", d(2018, 1, 1))[0];
    let json = serde_json::to_value(r).expect("serialises");
    for key in [
        "case",
        "decision",
        "decided",
        "earliest_sufficient",
        "days_lost",
        "evidence_age_days",
        "handovers",
        "writers_2y",
        "findings",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let finding = &json["findings"][0];
    assert!(finding.get("rule").is_some() && finding.get("basis").is_some() && finding.get("text").is_some());
}

#[test]
fn the_reports_link_each_case_and_put_the_worst_first() {
    let mut cases = fixture("oplyst-8-maaneder-foer-indstillingen");
    cases.extend(fixture("revisorens-kategorier"));
    let reviews = progress::review(&cases, d(2018, 1, 1), &Settings::default());
    let md = progress::markdown(&reviews, d(2018, 1, 1), &Settings::default(), 10);
    assert!(md.contains("[otte](/sager/otte)"));
    let first_row = md.lines().find(|l| l.starts_with("| [")).expect("a case row");
    assert!(first_row.contains("otte"), "{first_row}");
    let html = progress::html(&reviews, d(2018, 1, 1), &Settings::default(), 10);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("href=\"/sager/otte\"") && !html.contains("<script"));
    let csv = progress::csv(&reviews);
    assert_eq!(csv.lines().count(), reviews.len() + 1);
    assert!(csv.lines().next().is_some_and(|h| h.starts_with("case,decision,decided,earliest_sufficient,days_lost")));
}
