//! Indicators on a three-case journal whose every value was computed by hand (the arithmetic is in the comments).

use analytics::indicators::{indicators, AgeGroup, IndicatorOptions, IndicatorReport, Metric, Scope};
use analytics::{project_cases, PopulationTable};
use chrono::NaiveDate;

const JOURNAL: &str = r#"{"case":"c1","at":"2015-01-01","type":"borger","birth_date":"1965-05-01","municipality":"101","sex":"K"}
{"case":"c1","at":"2015-01-01","type":"tildelt","sagsbehandler":"sb:anna","enhed":"CAB"}
{"case":"c1","at":"2015-03-01","type":"ydelse_start","ydelse":"ressourceforloebsydelse"}
{"case":"c1","at":"2017-02-01","type":"dokument","id":"p1","kind":"forberedende_del","issued":"2017-02-01"}
{"case":"c1","at":"2017-03-01","type":"ydelse_slut","ydelse":"ressourceforloebsydelse"}
{"case":"c1","at":"2017-03-01","type":"ydelse_start","ydelse":"kontanthjaelp_aktivitetsparat"}
{"case":"c1","at":"2017-05-03","type":"dokument","id":"l1","kind":"lae265","issued":"2017-05-01","findings":{"diagnosis_group":"psykisk"}}
{"case":"c1","at":"2017-06-15","type":"afgoerelse","id":"x1","outcome":"tilkendt_foertidspension","legal_basis":["PL § 16"],"reasons":"r","klagevejledning":true}
{"case":"c1","at":"2017-07-01","type":"ydelse_slut","ydelse":"kontanthjaelp_aktivitetsparat"}
{"case":"c1","at":"2017-07-01","type":"ydelse_start","ydelse":"foertidspension"}
{"case":"c1","at":"2017-07-02","type":"klage","about":"x1"}
{"case":"c1","at":"2017-10-01","type":"ankestyrelsen","about":"x1","result":"hjemvist"}
{"case":"c2","at":"2016-01-01","type":"borger","birth_date":"1985-01-01","municipality":"101","sex":"M"}
{"case":"c2","at":"2016-01-01","type":"tildelt","sagsbehandler":"sb:bo","enhed":"JKI"}
{"case":"c2","at":"2016-01-01","type":"ydelse_start","ydelse":"sygedagpenge"}
{"case":"c2","at":"2017-01-01","type":"dokument","id":"p2","kind":"forberedende_del","issued":"2017-01-01"}
{"case":"c2","at":"2017-03-10","type":"rehabiliteringsmoede","attendees":["borger","sagsbehandler"]}
{"case":"c2","at":"2017-04-01","type":"afgoerelse","id":"f1","outcome":"bevilget_fleksjob","legal_basis":["LAB § 70"],"reasons":"r","klagevejledning":true}
{"case":"c2","at":"2017-04-20","type":"klage","about":"f1"}
{"case":"c2","at":"2017-08-01","type":"ankestyrelsen","about":"f1","result":"stadfaestet"}
{"case":"c3","at":"2016-06-01","type":"borger","birth_date":"1960-01-01","municipality":"101","sex":"K"}
{"case":"c3","at":"2016-06-01","type":"tildelt","sagsbehandler":"sb:anna","enhed":"CAB"}
{"case":"c3","at":"2016-06-01","type":"indsats_start","id":"r1","kind":"ressourceforloeb"}
{"case":"c3","at":"2017-01-10","type":"afgoerelse","id":"a1","outcome":"afslag_foertidspension","legal_basis":["PL § 16"],"reasons":"r","klagevejledning":true}
{"case":"c3","at":"2017-02-01","type":"klage","about":"a1"}
{"case":"c3","at":"2017-05-05","type":"rehabiliteringsmoede","attendees":["borger","sagsbehandler"]}
{"case":"c3","at":"2017-09-01","type":"ankestyrelsen","about":"a1","result":"aendret"}
{"case":"c3","at":"2017-11-01","type":"indsats_slut","id":"r1","kind":"ressourceforloeb"}
"#;

const POPULATION: &str = "municipality,year,age_from,age_to,sex,count\n\
    101,2017,16,39,*,6000\n\
    101,2017,40,66,*,4000\n";

fn report(suppress_small_cells: bool) -> IndicatorReport {
    let events = journal::parse_journal(JOURNAL).expect("the fixture is a valid journal");
    let as_of = NaiveDate::from_ymd_opt(2018, 3, 1).expect("date");
    let cases = project_cases(&events, Some(as_of));
    let population = PopulationTable::parse_csv(POPULATION).expect("population");
    indicators(&cases, &population, 2017, as_of, &IndicatorOptions { suppress_small_cells })
}

fn municipality() -> Scope {
    Scope::Municipality("101".into())
}

fn value(report: &IndicatorReport, metric: Metric, scope: &Scope, age: AgeGroup, category: Option<&str>) -> f64 {
    report
        .find(metric, scope, age, category)
        .unwrap_or_else(|| panic!("no {metric:?} {scope:?} {age:?} {category:?}"))
        .value
        .unwrap_or_else(|| panic!("{metric:?} {scope:?} {age:?} {category:?} has no value"))
}

fn close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
}

#[test]
fn inflow_per_10000_divides_the_years_awards_by_the_age_groups_population() {
    let r = report(false);
    let m = municipality();
    // c1's award at age 52: 1 of 10,000 aged 16-66 and 1 of 4,000 aged 40-66.
    close(value(&r, Metric::TilgangFoertidspension, &m, AgeGroup::From16To66, None), 1.0);
    close(value(&r, Metric::TilgangFoertidspension, &m, AgeGroup::From40To66, None), 2.5);
    close(value(&r, Metric::TilgangFoertidspension, &m, AgeGroup::Under40, None), 0.0);
    // c2's fleksjob at age 32: 1 of 6,000 under 40.
    close(value(&r, Metric::TilgangFleksjob, &m, AgeGroup::Under40, None), 10_000.0 / 6_000.0);
    let row = r.find(Metric::TilgangFoertidspension, &m, AgeGroup::From40To66, None).expect("row");
    assert_eq!((row.numerator, row.denominator), (Some(1.0), Some(4_000.0)));
}

#[test]
fn the_week_before_pension_and_the_diagnosis_group_come_from_the_case() {
    let r = report(false);
    let m = municipality();
    close(
        value(&r, Metric::YdelseUgenFoerFoertidspension, &m, AgeGroup::From40To66, Some("kontanthjaelp_aktpar")),
        100.0,
    );
    close(value(&r, Metric::TilkendelserEfterDiagnosegruppe, &m, AgeGroup::From16To66, Some("psykisk")), 100.0);
    close(value(&r, Metric::TilkendelserEfterDiagnosegruppePer10000, &m, AgeGroup::From40To66, Some("psykisk")), 2.5);
}

#[test]
fn status_after_ressourceforloeb_counts_only_horizons_already_reached() {
    let r = report(false);
    let m = municipality();
    let age = AgeGroup::From40To66;
    // 1 month: c1 on kontanthjaelp (2017-04-01), c3 with no support (2017-12-01).
    close(value(&r, Metric::StatusEfterRessourceforloeb1Maaned, &m, age, Some("kontanthjaelp")), 50.0);
    close(value(&r, Metric::StatusEfterRessourceforloeb1Maaned, &m, age, Some("selvforsoergelse")), 50.0);
    // 3 months: c1 still on kontanthjaelp on 2017-06-01; c3's 2018-02-01 is before as_of.
    close(value(&r, Metric::StatusEfterRessourceforloeb3Maaneder, &m, age, Some("kontanthjaelp")), 50.0);
    // 6 months: c3's 2018-05-01 is after as_of 2018-03-01, so only c1, on pension.
    close(value(&r, Metric::StatusEfterRessourceforloeb6Maaneder, &m, age, Some("foertidspension")), 100.0);
    assert!(r.notes.iter().any(|n| n.starts_with("1 ressourceforløb ended too late") && n.contains("6 month")));
}

#[test]
fn ressourceforloeb_duration_uses_the_support_period_or_else_the_measure() {
    let r = report(false);
    let m = municipality();
    // c1: 2015-03-01..2017-03-01 = 731 days; c3 (measure): 2016-06-01..2017-11-01 = 518 days.
    close(value(&r, Metric::RessourceforloebVarighedUger, &m, AgeGroup::From16To66, None), (731.0 + 518.0) / 14.0);
    close(value(&r, Metric::RessourceforloebVarighedFordeling, &m, AgeGroup::From16To66, Some("2_3_aar")), 50.0);
    close(value(&r, Metric::RessourceforloebVarighedFordeling, &m, AgeGroup::From16To66, Some("1_2_aar")), 50.0);
}

#[test]
fn the_reversal_rate_is_hjemvist_plus_aendret_over_decided_appeals() {
    let r = report(false);
    let country = Scope::Country;
    // 2017 results: hjemvist (c1, pension), stadfaestet (c2, fleksjob), aendret (c3, pension).
    close(value(&r, Metric::Omgoerelsesprocent, &country, AgeGroup::From16To66, Some("alle")), 200.0 / 3.0);
    close(value(&r, Metric::Omgoerelsesprocent, &country, AgeGroup::From16To66, Some("foertidspension")), 100.0);
    close(value(&r, Metric::Omgoerelsesprocent, &country, AgeGroup::From16To66, Some("fleksjob")), 0.0);
    close(value(&r, Metric::AnkestyrelsenResultater, &country, AgeGroup::From16To66, Some("stadfaestet")), 100.0 / 3.0);
}

#[test]
fn caseload_counts_open_cases_per_caseworker_at_the_end_of_the_year() {
    let r = report(false);
    // On 2017-12-31 c1 has a pension; c2 (sb:bo, JKI) and c3 (sb:anna, CAB) are open.
    close(value(&r, Metric::SagerPerSagsbehandler, &Scope::Country, AgeGroup::From16To66, None), 1.0);
    let cab =
        r.find(Metric::SagerPerSagsbehandler, &Scope::Unit("CAB".into()), AgeGroup::From16To66, None).expect("CAB");
    assert_eq!((cab.numerator, cab.denominator), (Some(1.0), Some(1.0)));
}

#[test]
fn meetings_per_10000_and_weeks_from_preparation_to_decision() {
    let r = report(false);
    let m = municipality();
    close(value(&r, Metric::RehabiliteringsmoederPer10000, &m, AgeGroup::From16To66, None), 2.0);
    close(value(&r, Metric::RehabiliteringsmoederPer10000, &m, AgeGroup::Under40, None), 10_000.0 / 6_000.0);
    // c1: 2017-02-01 -> 2017-06-15 = 134 days; c2: 2017-01-01 -> 2017-04-01 = 90 days.
    close(
        value(&r, Metric::UgerFraForberedelseTilAfgoerelse, &m, AgeGroup::From16To66, Some("foertidspension")),
        134.0 / 7.0,
    );
    close(value(&r, Metric::UgerFraForberedelseTilAfgoerelse, &m, AgeGroup::From16To66, Some("fleksjob")), 90.0 / 7.0);
    // Rates per population are not given for units (no population for a unit).
    assert!(r.indicators.iter().all(|i| !(i.metric.per_population() && matches!(i.scope, Scope::Unit(_)))));
}

#[test]
fn analysts_see_small_cells_suppressed_by_default() {
    let r = report(true);
    let row = r.find(Metric::TilgangFoertidspension, &municipality(), AgeGroup::From16To66, None).expect("row");
    assert!(row.suppressed);
    assert_eq!((row.numerator, row.value), (None, None));
    let zero = r.find(Metric::TilgangFoertidspension, &municipality(), AgeGroup::Under40, None).expect("row");
    assert!(!zero.suppressed, "0 awards is shown");
}

#[test]
fn a_lone_hidden_category_takes_the_next_smallest_with_it() {
    // Eight pension awards: seven with a psykisk document, one with none (ukendt).
    let mut journal = String::new();
    for i in 0..8 {
        let diagnosis = if i < 7 { r#","findings":{"diagnosis_group":"psykisk"}"# } else { "" };
        journal.push_str(&format!(
            r#"{{"case":"d{i}","at":"2017-01-01","type":"borger","birth_date":"1960-01-01","municipality":"101"}}
{{"case":"d{i}","at":"2017-02-01","type":"dokument","id":"l{i}","kind":"lae265","issued":"2017-02-01"{diagnosis}}}
{{"case":"d{i}","at":"2017-06-01","type":"afgoerelse","id":"x{i}","outcome":"tilkendt_foertidspension"}}
"#
        ));
    }
    let events = journal::parse_journal(&journal).expect("valid journal");
    let as_of = NaiveDate::from_ymd_opt(2018, 1, 1).expect("date");
    let population = PopulationTable::parse_csv(POPULATION).expect("population");
    let r = indicators(&project_cases(&events, Some(as_of)), &population, 2017, as_of, &IndicatorOptions::default());
    let share = |group: &str| {
        r.find(Metric::TilkendelserEfterDiagnosegruppe, &Scope::Country, AgeGroup::From16To66, Some(group))
            .expect("row")
            .clone()
    };
    assert!(share("ukendt").suppressed, "1 award is below 5");
    assert!(share("psykisk").suppressed, "7 would give away the 1 by subtraction from 8");
    let total = r.find(Metric::TilgangFoertidspension, &Scope::Country, AgeGroup::From16To66, None).expect("row");
    assert_eq!(total.numerator, Some(8.0));
}

#[test]
fn suppressing_a_suppressed_report_again_changes_nothing() {
    let once = report(true);
    assert!(once.indicators.iter().any(|i| i.suppressed), "the fixture has small cells");
    let mut twice = once.clone();
    analytics::indicators::suppress_small_cells(&mut twice.indicators);
    assert_eq!(twice, once);
    let mut later = report(false);
    analytics::indicators::suppress_small_cells(&mut later.indicators);
    assert_eq!(later, once, "suppressing afterwards is the same as suppressing while computing");
}
