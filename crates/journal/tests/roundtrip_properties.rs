//! Property: any event the writer produces parses back to the same event and the same bytes.

use journal::*;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = chrono::NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn event() -> impl Strategy<Value = Event> {
    let case = "[A-Za-z0-9._:-]{1,64}".prop_map(|s| CaseId::parse(&s).unwrap());
    let text = any::<String>();
    let body = prop_oneof![
        text.prop_filter("a note has text", |t| !t.trim().is_empty()).prop_map(|text| EventBody::Note { text }),
        (date(), proptest::option::of(text), proptest::option::of(0.0f64..100.0)).prop_map(
            |(issued, author, hours)| EventBody::Dokument {
                kind: DokumentKind::Lae265,
                issued,
                author,
                findings: Some(Findings { hours_per_week: hours, ..Findings::default() }),
            }
        ),
        (proptest::sample::select(Criterion::ALL.to_vec()), any::<bool>(), proptest::collection::vec(text, 0..3))
            .prop_map(|(criterion, value, basis)| EventBody::Vurdering { criterion, value, basis, text: None }),
    ];
    let extra = proptest::option::of(("x_[a-z]{1,8}", text));
    (case, date(), proptest::option::of("[a-z:]{1,12}"), body, extra).prop_map(|(case, at, by, body, extra)| {
        let id = matches!(body, EventBody::Dokument { .. }).then(|| "d1".to_string());
        let mut map = serde_json::Map::new();
        if let Some((key, value)) = extra {
            map.insert(key, serde_json::Value::String(value));
        }
        Event { case, at: At::from_date(at), by, id, body, extra: map }
    })
}

proptest! {
    #[test]
    fn a_written_event_parses_back_to_the_same_event_and_bytes(event in event()) {
        let line = write_event(&event);
        let parsed = parse_line(1, &line).expect("the writer's output parses");
        prop_assert_eq!(write_event(&parsed), line);
        // Numbers may be written as integers, so compare through the canonical line as well as fields.
        prop_assert_eq!(&parsed.case, &event.case);
        prop_assert_eq!(parsed.at.date(), event.at.date());
        prop_assert_eq!(&parsed.extra, &event.extra);
    }
}
