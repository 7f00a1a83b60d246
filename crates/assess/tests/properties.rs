//! Properties: nothing dated after the as-of date changes the answer, and an unrelated note changes nothing.

use std::path::Path;

use chrono::{Days, NaiveDate};
use journal::{At, Event, EventBody};
use proptest::prelude::*;

/// Every fixture journal, parsed once.
fn journals() -> &'static [Vec<Event>] {
    static ALL: std::sync::OnceLock<Vec<Vec<Event>>> = std::sync::OnceLock::new();
    ALL.get_or_init(read_journals)
}

fn read_journals() -> Vec<Vec<Event>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cases");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                if let Ok(events) = std::fs::read_to_string(&path).map(|t| journal::parse_journal(&t)) {
                    out.extend(events.ok());
                }
            }
        }
    }
    out.sort_by(|a, b| a.first().map(|e| e.case.to_string()).cmp(&b.first().map(|e| e.case.to_string())));
    out
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 1, 1).unwrap_or_default() + Days::new(offset)
}

fn assess(events: &[Event], as_of: NaiveDate) -> Result<assess::Assessment, assess::AssessError> {
    assess::assess(events, as_of, None, &rulebook::Settings::default())
}

fn redated(event: &Event, date: NaiveDate) -> Event {
    Event { at: At::from_date(date), ..event.clone() }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn events_after_the_as_of_date_never_change_the_answer(
        pick in any::<prop::sample::Index>(),
        as_of in 0u64..3000,
        later in prop::collection::vec((any::<prop::sample::Index>(), 1u64..2000), 1..12),
    ) {
        let all = journals();
        prop_assume!(!all.is_empty());
        let events = &all[pick.index(all.len())];
        let as_of = day(as_of);
        // Keep what was known on the date, then add copies of the case's own events (every type
        // the case uses, decisions and judgements included) dated after it.
        let mut known: Vec<Event> = events.iter().filter(|e| e.date() <= as_of).cloned().collect();
        prop_assume!(!known.is_empty());
        let baseline = assess(&known, as_of);
        let mut offsets: Vec<u64> = later.iter().map(|(_, o)| *o).collect();
        offsets.sort_unstable();
        for ((which, _), offset) in later.iter().zip(offsets) {
            let source = &events[which.index(events.len())];
            known.push(redated(source, as_of + Days::new(offset)));
        }
        prop_assert_eq!(assess(&known, as_of), baseline);
    }

    #[test]
    fn the_whole_journal_assessed_on_a_date_equals_the_journal_cut_at_that_date(
        pick in any::<prop::sample::Index>(),
        as_of in 0u64..3000,
    ) {
        let all = journals();
        prop_assume!(!all.is_empty());
        let events = &all[pick.index(all.len())];
        let as_of = day(as_of);
        let cut: Vec<Event> = events.iter().filter(|e| e.date() <= as_of).cloned().collect();
        let whole = assess(events, as_of);
        match assess(&cut, as_of) {
            Ok(a) => prop_assert_eq!(whole, Ok(a)),
            // A cut with no events is no case at all; the whole journal says the case did not exist yet.
            Err(assess::AssessError::NoEvents) => {
                let did_not_exist = matches!(whole, Err(assess::AssessError::CaseDidNotExist { .. }));
                prop_assert!(did_not_exist);
            }
            Err(e) => prop_assert_eq!(whole, Err(e)),
        }
    }

    #[test]
    fn an_unrelated_note_changes_nothing(
        pick in any::<prop::sample::Index>(),
        position in any::<prop::sample::Index>(),
        as_of in 0u64..3000,
        text in "[a-zA-Zæøå .,]{0,40}",
        by_caseworker in any::<bool>(),
    ) {
        let all = journals();
        prop_assume!(!all.is_empty());
        let events = &all[pick.index(all.len())];
        let as_of = day(as_of);
        // After the opening `borger` event, anywhere, dated like its neighbour before it.
        let at = 1 + position.index(events.len());
        let before = &events[at - 1];
        let note = Event {
            case: before.case.clone(),
            at: before.at.clone(),
            by: by_caseworker.then(|| "sb:note".to_owned()),
            id: None,
            body: EventBody::Note { text },
            extra: serde_json::Map::new(),
        };
        let mut with_note = events.clone();
        with_note.insert(at, note);
        prop_assert_eq!(assess(&with_note, as_of), assess(events, as_of));
    }
}

#[test]
fn the_same_journal_is_judged_under_two_editions_either_side_of_1_june_2018() {
    let all = journals();
    let case = all.iter().find(|events| events.first().is_some_and(|e| e.case.as_str() == "l193-time-travel"));
    let Some(events) = case else { panic!("the time-travel fixture is missing") };
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let before = assess(events, on(2018, 5, 31)).map(|a| (a.edition, a.tracks.ressourceforloeb.status));
    let after = assess(events, on(2018, 6, 1)).map(|a| (a.edition, a.tracks.ressourceforloeb.status));
    assert_eq!(before, Ok(("2013-01-01.reform", rulebook::Status::Opfyldt)));
    assert_eq!(after, Ok(("2018-06-01.l193", rulebook::Status::ManglerVurdering)));
}
