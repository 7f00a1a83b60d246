//! Timeliness per caseworker and unit from fixture journals with known answers.

mod common;

use common::{d, fixture};
use progress::Settings;

#[test]
fn a_conversation_held_in_time_and_one_never_held_give_half_on_time() {
    let t = progress::timeliness(
        &fixture("samtale-kontanthjaelp"),
        d(2017, 1, 1),
        d(2017, 6, 30),
        None,
        &Settings::default(),
    );
    let anna = t.caseworkers.iter().find(|r| r.key == "sb:anna").expect("a row for sb:anna");
    assert_eq!((anna.conversations_due, anna.conversations_met), (2, 1));
    assert_eq!(anna.conversations_share, Some(0.5));
    assert_eq!(anna.caseload, 1);
    assert_eq!(anna.unit.as_deref(), Some("JKI"));
}

#[test]
fn weeks_from_the_forberedende_del_to_the_decision_are_measured_against_23_weeks() {
    let t = progress::timeliness(
        &fixture("oplyst-8-maaneder-foer-indstillingen"),
        d(2017, 1, 1),
        d(2017, 12, 31),
        Some("JKI"),
        &Settings::default(),
    );
    // Forberedende del 2017-07-20, decision 2017-10-02: 74 days.
    assert_eq!(t.total.decisions, 1);
    assert_eq!(t.total.weeks_median, Some(74.0 / 7.0));
    assert_eq!(t.total.within_target, 1);
    assert_eq!(t.target_rule, "praksis.servicemaal.23_uger");
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].key, "JKI");
    let other = progress::timeliness(
        &fixture("oplyst-8-maaneder-foer-indstillingen"),
        d(2017, 1, 1),
        d(2017, 12, 31),
        Some("CAB"),
        &Settings::default(),
    );
    assert_eq!(other.total.decisions, 0);
}

#[test]
fn a_pension_deadline_replaced_by_a_later_one_still_counts() {
    // Two passages to the pension rules: the first decided within 3 months (PL § 21, stk. 1), the
    // second not decided by the end of the year. Both deadlines fell due in the year.
    let t = progress::timeliness(
        &fixture("to-overgange-til-pensionsreglerne"),
        d(2017, 1, 1),
        d(2017, 12, 31),
        None,
        &Settings::default(),
    );
    let anna = t.caseworkers.iter().find(|r| r.key == "sb:anna").expect("a row for sb:anna");
    assert_eq!((anna.deadlines_due, anna.deadlines_met), (2, 1));
}
