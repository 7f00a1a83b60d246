//! Each worklist warning fires on its threshold and not the day before, and the list is sorted most urgent first.

mod common;

use common::{d, fired, fixture, items};
use progress::{ItemState::*, Scope, Settings};

#[test]
fn health_evidence_is_flagged_from_30_days_before_it_turns_6_months_old_before_the_team_meeting() {
    let f = "helbredsoplysninger-aeldre-end-6-maaneder-foer-moedet";
    let rule = "fremdrift.helbredsoplysninger.alder";
    assert_eq!(fired(f, d(2017, 6, 9), rule), None);
    assert_eq!(fired(f, d(2017, 6, 10), rule), Some((Some(d(2017, 7, 10)), Aaben)));
    assert_eq!(fired(f, d(2017, 7, 10), rule), Some((Some(d(2017, 7, 10)), Aaben)));
    assert_eq!(fired(f, d(2017, 7, 11), rule), Some((Some(d(2017, 7, 10)), Overskredet)));
}

#[test]
fn health_evidence_age_is_not_flagged_before_the_case_is_sent_to_the_team() {
    assert_eq!(
        fired(
            "helbredsoplysninger-aeldre-end-6-maaneder-foer-moedet",
            d(2017, 4, 30),
            "fremdrift.helbredsoplysninger.alder"
        ),
        None
    );
}

#[test]
fn a_team_meeting_without_a_measure_in_the_past_12_months_is_flagged_the_day_the_last_measure_is_a_year_old() {
    let f = "ingen-indsats-aaret-foer-moedet";
    let rule = "fremdrift.ingen_indsats_foer_moede";
    assert_eq!(fired(f, d(2017, 4, 30), rule), None);
    assert_eq!(fired(f, d(2017, 5, 1), rule), Some((None, Aaben)));
}

#[test]
fn a_work_test_is_flagged_as_too_old_when_it_passes_six_years_per_p_3_07() {
    let f = "gammel-arbejdsproevning";
    let rule = "ast.p-3-07";
    assert_eq!(fired(f, d(2017, 1, 29), rule), None);
    assert_eq!(fired(f, d(2017, 1, 30), rule), Some((Some(d(2017, 3, 1)), Aaben)));
    assert_eq!(fired(f, d(2017, 3, 2), rule), Some((Some(d(2017, 3, 1)), Overskredet)));
}

#[test]
fn a_case_without_events_for_12_weeks_is_passive_under_rsl_3() {
    let f = "passivitet";
    let rule = "rsl.3.hurtigst_muligt";
    // Last event 2017-01-02; 12 weeks later is 2017-03-27; shown 30 days before.
    assert_eq!(fired(f, d(2017, 2, 24), rule), None);
    assert_eq!(fired(f, d(2017, 2, 25), rule), Some((Some(d(2017, 3, 27)), Aaben)));
    assert_eq!(fired(f, d(2017, 3, 27), rule), Some((Some(d(2017, 3, 27)), Aaben)));
    assert_eq!(fired(f, d(2017, 3, 28), rule), Some((Some(d(2017, 3, 27)), Overskredet)));
}

#[test]
fn a_case_opened_more_than_two_years_ago_is_flagged_with_the_damages_judgments_as_basis() {
    let f = "afklaring-over-2-aar";
    let rule = "fremdrift.afklaring_over_2_aar";
    assert_eq!(fired(f, d(2016, 12, 1), rule), None);
    assert_eq!(fired(f, d(2016, 12, 2), rule), Some((Some(d(2017, 3, 2)), Aaben)));
    assert_eq!(fired(f, d(2017, 3, 3), rule), Some((Some(d(2017, 3, 2)), Overskredet)));
    let all = items(f, d(2017, 3, 3));
    let item = all.iter().find(|i| i.rule == rule).expect("fired");
    assert!(item.basis.contains("U.2016.51V"));
}

#[test]
fn met_conditions_for_foertidspension_with_nothing_started_is_flagged_under_rsl_5() {
    let f = "betingelser-opfyldt-men-intet-sat-i-gang";
    let rule = "rsl.5.helhedsvurdering";
    assert_eq!(fired(f, d(2017, 2, 28), rule), None);
    assert_eq!(fired(f, d(2017, 3, 1), rule), Some((None, Aaben)));
}

#[test]
fn a_pension_transition_counts_as_started_and_silences_the_rsl_5_warning() {
    let mut cases = fixture("betingelser-opfyldt-men-intet-sat-i-gang");
    let line = r#"{"case": "rsl5", "at": "2017-03-05", "type": "overgang_foertidspension", "by": "sb:anna", "notified": true}"#;
    cases[0].push(journal::parse_line(1, line).expect("valid line"));
    let all = progress::worklist(&cases, d(2017, 3, 6), &Scope::All, &Settings::default());
    assert!(all.iter().all(|i| i.rule != "rsl.5.helhedsvurdering"), "{all:#?}");
}

#[test]
fn more_than_three_handovers_in_two_years_is_flagged() {
    let f = "mange-sagsbehandlerskift";
    let rule = "fremdrift.sagsbehandlerskift";
    assert_eq!(fired(f, d(2017, 1, 31), rule), None);
    assert_eq!(fired(f, d(2017, 2, 1), rule), Some((None, Aaben)));
}

#[test]
fn more_than_ten_distinct_writers_in_two_years_is_flagged() {
    let f = "mange-skrivere";
    let rule = "fremdrift.antal_skrivere";
    assert_eq!(fired(f, d(2017, 10, 31), rule), None);
    assert_eq!(fired(f, d(2017, 11, 1), rule), Some((None, Aaben)));
}

#[test]
fn a_citizen_five_years_from_folkepension_age_is_due_guidance_on_seniorfoertidspension_within_eight_weeks() {
    let f = "seniorfoertidspension-vejledning";
    let rule = "praksis.seniorfoertidspension.vejledning";
    // Born 1955-07-01: folkepension at 67 on 2022-07-01; the window opens 2017-07-01.
    assert_eq!(fired(f, d(2017, 6, 30), rule), None);
    assert_eq!(fired(f, d(2017, 7, 1), rule), Some((Some(d(2017, 8, 26)), Aaben)));
    assert_eq!(fired(f, d(2017, 8, 27), rule), Some((Some(d(2017, 8, 26)), Overskredet)));
}

#[test]
fn a_guidance_conversation_on_seniorfoertidspension_silences_the_warning() {
    let mut cases = fixture("seniorfoertidspension-vejledning");
    let line = r#"{"case": "senior", "at": "2017-07-03", "type": "samtale", "by": "sb:dorte", "kind": "vejledning_seniorfoertidspension"}"#;
    cases[0].push(journal::parse_line(1, line).expect("valid line"));
    let all = progress::worklist(&cases, d(2017, 9, 1), &Scope::All, &Settings::default());
    assert!(all.iter().all(|i| i.rule != "praksis.seniorfoertidspension.vejledning"), "{all:#?}");
}

#[test]
fn a_young_citizen_with_a_developmental_disability_is_flagged_after_six_months_undecided() {
    let f = "ung-med-udviklingshaemning";
    let rule = "fremdrift.ung_udviklingshaemning";
    // Opened 2016-09-01; 6 months later is 2017-03-01. Born 1999-03-01: 18 on 2017-03-01.
    assert_eq!(fired(f, d(2017, 2, 28), rule), None);
    assert_eq!(fired(f, d(2017, 3, 1), rule), Some((None, Aaben)));
}

#[test]
fn the_developmental_disability_warning_needs_an_f7_diagnosis() {
    let settings = Settings { young_diagnosis_prefixes: vec!["F84".to_string()], ..Settings::default() };
    let all = progress::worklist(&fixture("ung-med-udviklingshaemning"), d(2017, 3, 1), &Scope::All, &settings);
    assert!(all.iter().all(|i| i.rule != "fremdrift.ung_udviklingshaemning"));
}

#[test]
fn a_conversation_overdue_for_an_activity_ready_citizen_comes_from_the_rulebook() {
    let f = "samtale-kontanthjaelp";
    let rule = "lab.kontaktforloeb.kontanthjaelp_aktivitetsparat";
    assert_eq!(fired(f, d(2017, 5, 1), rule), Some((Some(d(2017, 5, 1)), Aaben)));
    assert_eq!(fired(f, d(2017, 5, 2), rule), Some((Some(d(2017, 5, 1)), Overskredet)));
}

#[test]
fn a_changed_threshold_in_the_settings_moves_the_warning() {
    let settings = Settings { passivity_weeks: 4, lead_days: 0, ..Settings::default() };
    let all = progress::worklist(&fixture("passivitet"), d(2017, 1, 31), &Scope::All, &settings);
    let item = all.iter().find(|i| i.rule == "rsl.3.hurtigst_muligt").expect("fired");
    assert_eq!((item.due, item.state), (Some(d(2017, 1, 30)), Overskredet));
}

#[test]
fn the_worklist_puts_the_longest_overdue_first_then_the_soonest_due_then_undated_by_severity() {
    let mut cases = Vec::new();
    for f in
        ["passivitet", "afklaring-over-2-aar", "samtale-kontanthjaelp", "mange-sagsbehandlerskift", "mange-skrivere"]
    {
        cases.extend(fixture(f));
    }
    let as_of = d(2017, 4, 20);
    let all = progress::worklist(&cases, as_of, &Scope::All, &Settings::default());
    let key = |i: &progress::WorkItem| match (i.state, i.due) {
        (Overskredet, Some(due)) => (0, -(as_of - due).num_days()),
        (Overskredet, None) => (0, 0),
        (Aaben, Some(due)) => (1, (due - as_of).num_days()),
        (Aaben, None) => (2, i.severity as i64),
    };
    assert!(all.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "{all:#?}");
    // "skift" opened 2015-01-05 (2 years on 2017-01-05), "lang" 2015-03-02, passivity of "passiv" due 2017-03-27.
    let head: Vec<(&str, &str)> = all.iter().take(3).map(|i| (i.case.as_str(), i.rule)).collect();
    assert_eq!(
        head,
        [
            ("skift", "fremdrift.afklaring_over_2_aar"),
            ("lang", "fremdrift.afklaring_over_2_aar"),
            ("passiv", "rsl.3.hurtigst_muligt")
        ]
    );
    let undated: Vec<_> = all.iter().filter(|i| i.due.is_none()).map(|i| i.severity).collect();
    assert!(undated.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_caseworker_scope_keeps_only_the_cases_the_caseworker_holds_now() {
    let mut cases = fixture("passivitet");
    cases.extend(fixture("mange-sagsbehandlerskift"));
    let all = progress::worklist(&cases, d(2017, 4, 20), &Scope::Caseworker("sb:e".into()), &Settings::default());
    assert!(!all.is_empty() && all.iter().all(|i| i.case == "skift"));
    let unit = progress::worklist(&cases, d(2017, 4, 20), &Scope::Unit("XYZ".into()), &Settings::default());
    assert!(unit.is_empty());
}

#[test]
fn a_missed_rsl_7a_deadline_stays_on_the_worklist_until_the_measure_ends() {
    let lines = [
        r#"{"case": "7a", "at": "2017-01-02", "type": "borger", "birth_date": "1980-01-01", "municipality": "101"}"#,
        r#"{"case": "7a", "at": "2017-01-02", "type": "indsats_start", "by": "sb:anna", "id": "vp", "kind": "virksomhedspraktik", "planned_end": "2017-03-01"}"#,
        r#"{"case": "7a", "at": "2017-03-03", "type": "indsats_slut", "by": "sb:anna", "id": "vp"}"#,
    ];
    let events: Vec<journal::Event> =
        lines.iter().enumerate().map(|(i, l)| journal::parse_line(i + 1, l).expect("valid line")).collect();
    let rule = "rsl.7a.stillingtagen";
    let on = |as_of| {
        progress::worklist(std::slice::from_ref(&events), as_of, &Scope::All, &Settings::default())
            .into_iter()
            .find(|i| i.rule == rule)
            .map(|i| (i.due, i.state))
    };
    assert_eq!(on(d(2017, 2, 16)), Some((Some(d(2017, 2, 15)), Overskredet)));
    assert_eq!(on(d(2017, 3, 3)), None);
}
