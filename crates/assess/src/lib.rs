//! A case journal as of a date, judged under the rulebook edition in force on that date.
//!
//! `assess` is the bridge between the exchange format (`journal`) and the law (`rulebook`):
//! [`facts`] is the one mapping from the journal's vocabulary to the rulebook's, [`assess`] folds
//! a case's events as of a date and evaluates them, and [`render_da`] writes the result in plain
//! Danish for a caseworker. It does no I/O and never reads the clock: "today" is `as_of`. Its
//! only failures are inputs that name no case on the date, a date before the earliest edition
//! and a draft that is not a decision of the same case; a missing judgement or document is a
//! status in the [`Assessment`], never an error.
//!
//! [`Assessment`] derives `Serialize`; its field names and enum spellings are the stable core of
//! `spec/journal.md` ("What `assess` answers"). The crate itself does not serialise.

mod facts;
mod render;

use chrono::NaiveDate;
use journal::{CaseState, Event, Phase};
use serde::Serialize;

pub use facts::{draft_facts, facts};
pub use render::render_da;
pub use rulebook::{Deadline, DeadlineState, Finding, Missing, Route, RouteValue, Settings, Status, Track, Tracks};

/// Everything `assess` answers about one case on one date.
///
/// Serialised, it is the spec's stable core (`as_of`, `edition`, `tracks`, `route`, `deadlines`,
/// `defects`, `missing`) with `case`, `edition_name`, `phase`, `citizen_age` and `draft` beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The case id.
    pub case: String,
    /// The as-of date: events after it are not known.
    pub as_of: NaiveDate,
    /// The id of the rulebook edition in force on `as_of`.
    pub edition: &'static str,
    /// The edition's Danish name.
    pub edition_name: &'static str,
    /// Where the case stands (`aaben`, `forelagt_rehabiliteringsteam`, `behandlet`, `indstillet`,
    /// `pensionssag`, `afgjort`, `paaklaget`).
    pub phase: &'static str,
    /// The citizen's age in whole years on `as_of`, if the birth date is known.
    pub citizen_age: Option<u32>,
    /// Each track's status and why.
    pub tracks: Tracks,
    /// Whether the rehabiliteringsteam must see the case.
    pub route: Route,
    /// Every running or past deadline, earliest first.
    pub deadlines: Vec<Deadline>,
    /// Defects of the latest decision and of the draft, if one was given.
    pub defects: Vec<Finding>,
    /// Evidence and content the next step still needs.
    pub missing: Vec<Missing>,
    /// The draft decision checked for defects, if one was given.
    pub draft: Option<DraftChecked>,
}

/// The draft decision an assessment checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftChecked {
    /// The draft's id (`udkast` when it has none).
    pub id: String,
    /// Its date.
    pub at: NaiveDate,
    /// What it decides (the journal's spelling).
    pub outcome: &'static str,
}

/// Why a case could not be assessed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    /// No events were given at all.
    #[error("der er ingen hændelser at vurdere")]
    NoEvents,
    /// The case has no event on or before the date.
    #[error(
        "sag {case} fandtes ikke {as_of}: den har ingen hændelser på eller før den dato (første hændelse {first})"
    )]
    CaseDidNotExist {
        /// The case.
        case: String,
        /// The date asked about.
        as_of: NaiveDate,
        /// The case's first event.
        first: NaiveDate,
    },
    /// The events belong to more than one case.
    #[error("hændelserne hører til flere sager ({first} og {other}); der vurderes én sag ad gangen")]
    SeveralCases {
        /// The first event's case.
        first: String,
        /// Another case among the events.
        other: String,
    },
    /// The date lies before the earliest rulebook edition.
    #[error("{as_of} ligger før den tidligste udgave af regelsamlingen ({earliest}); der kan ikke vurderes efter regler, der ikke er kodet")]
    BeforeEarliestEdition {
        /// The date asked about.
        as_of: NaiveDate,
        /// The first day of the earliest edition.
        earliest: NaiveDate,
    },
    /// The draft is not an `afgoerelse` event.
    #[error("udkastet skal være én afgoerelse-hændelse, men er af typen {found}")]
    DraftNotADecision {
        /// The draft's event type.
        found: &'static str,
    },
    /// The draft names another case.
    #[error("udkastet gælder sag {draft}, men den vurderede sag er {case}")]
    DraftForAnotherCase {
        /// The assessed case.
        case: String,
        /// The case the draft names.
        draft: String,
    },
}

/// Assesses one case (its events, oldest first) as of `as_of`, under the rulebook edition in force
/// on that date, checking the latest decision and `draft` (one `afgoerelse` event) for defects.
///
/// Events dated after `as_of` are left out, so they can never change the answer.
pub fn assess(
    events: &[Event],
    as_of: NaiveDate,
    draft: Option<&Event>,
    settings: &Settings,
) -> Result<Assessment, AssessError> {
    let first = events.first().ok_or(AssessError::NoEvents)?;
    if let Some(other) = events.iter().find(|e| e.case != first.case) {
        return Err(AssessError::SeveralCases { first: first.case.to_string(), other: other.case.to_string() });
    }
    let Some(edition) = rulebook::edition_for(as_of) else {
        let earliest = rulebook::EDITIONS.first().map_or(rulebook::REFORM_2013, |e| e.in_force.from);
        return Err(AssessError::BeforeEarliestEdition { as_of, earliest });
    };
    let draft_decision = match draft {
        None => None,
        Some(event) => {
            if event.case != first.case {
                return Err(AssessError::DraftForAnotherCase {
                    case: first.case.to_string(),
                    draft: event.case.to_string(),
                });
            }
            let decision =
                draft_facts(event).ok_or(AssessError::DraftNotADecision { found: event.event_type().as_str() })?;
            Some(decision)
        }
    };
    let Some(state) = CaseState::fold(events, Some(as_of)) else {
        let first_date = events.iter().map(Event::date).min().unwrap_or(as_of);
        return Err(AssessError::CaseDidNotExist { case: first.case.to_string(), as_of, first: first_date });
    };
    let case_facts = facts(&state);
    let conclusions = rulebook::evaluate_with(&case_facts, as_of, draft_decision.as_ref(), settings)
        .ok_or(AssessError::BeforeEarliestEdition { as_of, earliest: edition.in_force.from })?;
    Ok(Assessment {
        case: state.case.to_string(),
        as_of,
        edition: conclusions.edition,
        edition_name: edition.name,
        phase: phase_id(state.phase()),
        citizen_age: state.age_on(as_of),
        tracks: conclusions.tracks,
        route: conclusions.route,
        deadlines: conclusions.deadlines,
        defects: conclusions.defects,
        missing: conclusions.missing,
        draft: draft_decision.map(|d| DraftChecked { id: d.id, at: d.at, outcome: d.outcome.as_str() }),
    })
}

/// The ASCII name of a case phase, as `assess` reports it.
pub fn phase_id(phase: Phase) -> &'static str {
    match phase {
        Phase::Aaben => "aaben",
        Phase::ForelagtRehabiliteringsteam => "forelagt_rehabiliteringsteam",
        Phase::Behandlet => "behandlet",
        Phase::Indstillet => "indstillet",
        Phase::PensionsSag => "pensionssag",
        Phase::Afgjort => "afgjort",
        Phase::Paaklaget => "paaklaget",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<Event> {
        journal::parse_journal(text).unwrap_or_default()
    }

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    const CASE: &str = r#"{"case":"a","at":"2017-01-01","type":"borger","birth_date":"1970-01-01","municipality":"101"}
{"case":"a","at":"2017-02-01","type":"note","text":"x"}"#;

    #[test]
    fn no_events_is_an_error_not_a_panic() {
        assert_eq!(assess(&[], on(2017, 3, 1), None, &Settings::default()), Err(AssessError::NoEvents));
    }

    #[test]
    fn events_of_two_cases_are_refused() {
        let mut both = events(CASE);
        both.extend(events(&CASE.replace("\"a\"", "\"b\"")));
        let result = assess(&both, on(2017, 3, 1), None, &Settings::default());
        assert!(matches!(result, Err(AssessError::SeveralCases { .. })));
    }

    #[test]
    fn a_draft_that_is_not_a_decision_is_refused() {
        let all = events(CASE);
        let result = assess(&all, on(2017, 3, 1), all.last(), &Settings::default());
        assert_eq!(result, Err(AssessError::DraftNotADecision { found: "note" }));
    }

    #[test]
    fn a_date_before_the_earliest_edition_is_refused_and_the_first_day_is_not() {
        let all = events(&CASE.replace("2017-01-01", "2012-06-01"));
        let early = assess(&all, on(2012, 12, 31), None, &Settings::default());
        assert!(matches!(early, Err(AssessError::BeforeEarliestEdition { .. })));
        let first = assess(&all, on(2013, 1, 1), None, &Settings::default());
        assert_eq!(first.map(|a| a.edition), Ok("2013-01-01.reform"));
    }
}
