//! One case prepared for oversight: its projection, its legal facts and whether it is still open.

use chrono::NaiveDate;
use journal::{AfgoerelseOutcome, CaseState, Event, Ydelse};

/// A case as of a date: the projection and the rulebook's facts, computed once.
#[derive(Debug, Clone)]
pub struct PreparedCase {
    /// The projection as of the date.
    pub state: CaseState,
    /// The legal facts, via `assess::facts`.
    pub facts: rulebook::CaseFacts,
    /// The as-of date.
    pub as_of: NaiveDate,
}

impl PreparedCase {
    /// Folds a case's events (oldest first) as of `as_of`; `None` if the case had no event by then.
    pub fn new(events: &[Event], as_of: NaiveDate) -> Option<PreparedCase> {
        let state = CaseState::fold(events, Some(as_of))?;
        Some(PreparedCase::from_state(state, as_of))
    }

    /// Prepares an already folded projection.
    pub fn from_state(state: CaseState, as_of: NaiveDate) -> PreparedCase {
        let facts = assess::facts(&state);
        PreparedCase { state, facts, as_of }
    }

    /// The current caseworker (the latest `tildelt`).
    pub fn caseworker(&self) -> Option<&str> {
        self.state.current_assignment().map(|a| a.caseworker.as_str())
    }

    /// The current unit.
    pub fn unit(&self) -> Option<&str> {
        self.state.current_assignment().map(|a| a.unit.as_str())
    }

    /// Whether the clarification is over, so oversight warnings no longer apply (see [`is_closed`]).
    pub fn is_closed(&self) -> bool {
        is_closed(&self.state, self.as_of)
    }
}

/// A case is closed when the citizen has reached folkepension age, when the support running is
/// one that ends clarification (foertidspension, seniorfoertidspension, folkepension, fleksjob,
/// ledighedsydelse, job, uddannelse, selvforsoergelse), or when the latest decision grants
/// foertidspension, seniorfoertidspension or fleksjob and nothing has been started since.
pub fn is_closed(state: &CaseState, as_of: NaiveDate) -> bool {
    if let Some(citizen) = &state.citizen {
        if as_of >= rulebook::pl::p1a::folkepension_date(citizen.birth_date, as_of) {
            return true;
        }
    }
    let final_support = matches!(
        state.support_on(as_of),
        Some(
            Ydelse::Foertidspension
                | Ydelse::Seniorfoertidspension
                | Ydelse::Folkepension
                | Ydelse::Fleksjob
                | Ydelse::Ledighedsydelse
                | Ydelse::Job
                | Ydelse::Uddannelse
                | Ydelse::Selvforsoergelse
        )
    );
    if final_support {
        return true;
    }
    let granted = state.latest_decision().is_some_and(|d| {
        matches!(
            d.decision.outcome,
            AfgoerelseOutcome::TilkendtFoertidspension
                | AfgoerelseOutcome::TilkendtSeniorfoertidspension
                | AfgoerelseOutcome::BevilgetFleksjob
        )
    });
    granted && state.phase() == journal::Phase::Afgjort
}
