//! The journal format end to end: every event type round-trips, every kind of bad line is named.

use journal::*;

const EVERY_TYPE: &str = include_str!("../../../fixtures/journal/every-event-type.jsonl");

fn problems(text: &str) -> Vec<Problem> {
    parse_journal(text).expect_err("the journal should be rejected").0
}

const BORGER: &str =
    r#"{"case":"c1","at":"2017-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}"#;

#[test]
fn the_fixture_holds_every_event_type_of_the_spec() {
    let events = parse_journal(EVERY_TYPE).unwrap();
    let mut seen: Vec<EventType> = events.iter().map(Event::event_type).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, EventType::ALL.to_vec());
}

#[test]
fn every_event_type_round_trips_to_the_same_bytes() {
    let events = parse_journal(EVERY_TYPE).unwrap();
    let written = write_journal(&events);
    assert_eq!(written, EVERY_TYPE, "the fixture is written in canonical order");
    let again = parse_journal(&written).unwrap();
    assert_eq!(again, events);
    assert_eq!(write_journal(&again), written);
}

#[test]
fn unknown_fields_are_kept_and_written_back() {
    let events = parse_journal(EVERY_TYPE).unwrap();
    let note = events.iter().find(|e| e.event_type() == EventType::Note).unwrap();
    assert_eq!(note.extra_field("source_system").and_then(|v| v.as_str()), Some("kmd"));
    assert!(write_event(note).ends_with(r#""source_system":"kmd"}"#));
}

#[test]
fn a_line_that_is_not_json_is_named_by_its_line_number() {
    let text = format!("{BORGER}\n{{not json\n");
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, 2);
    assert!(found[0].to_string().starts_with("line 2: expected one JSON object"));
}

#[test]
fn every_bad_field_on_a_line_is_reported_at_once() {
    let text = r#"{"case":"bad id!","at":"2017-13-01","type":"borger","birth_date":"1970-01-01","municipality":"1010","sex":"X"}"#;
    let found = problems(text);
    let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["case", "at", "municipality", "sex"]);
    assert!(found.iter().all(|p| p.line == 1));
    assert!(found[3].expected.contains("one of M, K"));
}

#[test]
fn an_unknown_type_names_the_allowed_types() {
    let text = format!("{BORGER}\n{}", r#"{"case":"c1","at":"2017-01-03","type":"telefonopkald"}"#);
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].field.as_str()), (2, "type"));
    assert!(found[0].expected.contains("borger") && found[0].expected.contains("ankestyrelsen"));
}

#[test]
fn a_missing_required_field_is_named() {
    let text =
        format!("{BORGER}\n{}", r#"{"case":"c1","at":"2017-01-03","type":"dokument","id":"d1","kind":"lae265"}"#);
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].field.as_str(), found[0].found.as_deref()), (2, "issued", None));
}

#[test]
fn an_unknown_enum_value_in_a_nested_object_is_named_with_its_path() {
    let text = format!(
        "{BORGER}\n{}",
        r#"{"case":"c1","at":"2017-01-03","type":"dokument","id":"d1","kind":"lae265","issued":"2017-01-01","findings":{"diagnosis_group":"hjerte"}}"#
    );
    assert_eq!(problems(&text)[0].field, "findings.diagnosis_group");
}

#[test]
fn a_new_case_must_open_with_borger() {
    let text = r#"{"case":"c9","at":"2017-01-03","type":"note","text":"hej"}"#;
    let found = problems(text);
    assert_eq!(found[0].field, "type");
    assert!(found[0].expected.contains("must open with a borger event"));
}

#[test]
fn events_out_of_date_order_within_a_case_are_rejected() {
    let text = format!("{BORGER}\n{}", r#"{"case":"c1","at":"2016-12-31","type":"note","text":"for tidligt"}"#);
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].field.as_str()), (2, "at"));
}

#[test]
fn cases_may_interleave_as_long_as_each_is_in_order() {
    let other = BORGER.replace("\"c1\"", "\"c2\"").replace("2017-01-02", "2016-01-01");
    let text = format!("{BORGER}\n{other}\n{}", r#"{"case":"c1","at":"2017-01-05","type":"note","text":"ok"}"#);
    assert_eq!(parse_journal(&text).unwrap().len(), 3);
}

#[test]
fn references_must_point_at_earlier_events_of_the_right_kind() {
    let lines = [
        BORGER,
        r#"{"case":"c1","at":"2017-01-03","type":"dokument","id":"d1","kind":"lae265","issued":"2017-01-01"}"#,
        r#"{"case":"c1","at":"2017-01-04","type":"vurdering","criterion":"komplekse_problemer","value":true,"basis":["d1","d2"]}"#,
        r#"{"case":"c1","at":"2017-01-05","type":"klage","about":"d1"}"#,
        r#"{"case":"c1","at":"2017-01-06","type":"indsats_slut","id":"m7"}"#,
        r#"{"case":"c1","at":"2017-01-07","type":"dokument","id":"d1","kind":"andet","issued":"2017-01-01"}"#,
    ];
    let found = problems(&lines.join("\n"));
    let places: Vec<(usize, &str)> = found.iter().map(|p| (p.line, p.field.as_str())).collect();
    assert_eq!(places, [(3, "basis[1]"), (4, "about"), (5, "id"), (6, "id")]);
}

#[test]
fn a_draft_decision_must_be_one_afgoerelse_event() {
    let draft = r#"{"case":"c1","at":"2017-05-01","type":"afgoerelse","id":"x","outcome":"afslag_foertidspension"}"#;
    assert!(parse_draft_decision(draft).is_ok());
    let note = r#"{"case":"c1","at":"2017-05-01","type":"note","text":"x"}"#;
    assert_eq!(parse_draft_decision(note).unwrap_err().0[0].field, "type");
    assert!(parse_draft_decision("[]").is_err());
}

#[test]
fn the_projection_folds_the_case_as_of_a_date() {
    let events = parse_journal(EVERY_TYPE).unwrap();
    let date = |s: &str| parse_date(s).unwrap();
    let early = CaseState::fold(&events, Some(date("2016-07-02"))).unwrap();
    assert_eq!(early.phase(), Phase::Indstillet);
    assert_eq!(early.documents.len(), 1);
    assert_eq!(early.measures[0].ended, Some(date("2016-06-01")));
    assert_eq!(early.current_support(), Some(Ydelse::KontanthjaelpAktivitetsparat));
    let appealed = CaseState::fold(&events, Some(date("2016-12-01"))).unwrap();
    assert_eq!(appealed.phase(), Phase::Paaklaget);
    let all = CaseState::fold(&events, None).unwrap();
    assert_eq!(all.phase(), Phase::Afgjort);
    assert_eq!(all.appeals[0].result, Some((date("2017-03-01"), AnkeResult::Hjemvist)));
    assert_eq!(all.current_support(), None);
    assert_eq!(all.distinct_writers(date("2016-01-01"), date("2017-12-31")), 4);
    assert!(CaseState::fold(&events, Some(date("2015-01-01"))).is_none());
}
