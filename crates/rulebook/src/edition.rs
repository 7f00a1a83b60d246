//! Editions: the dated states of the law the rulebook can judge a case under.
//!
//! An edition is a name for the set of rule versions in force from a date. Individual rules
//! (for example a principle decision published mid-edition) carry their own periods; the
//! edition only marks the statutory changes. A new edition is added as a new entry here plus
//! new rule versions beside the old ones; old versions only get their period closed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::meta::{ymd, Period};

/// The førtidspension and fleksjob reform's entry into force (report L582).
pub const REFORM_2013: NaiveDate = ymd(2013, 1, 1);

/// L 193 (2017-18), adopted 24 May 2018 as lov nr. 553 af 29. maj 2018, in force 1 June 2018.
///
/// Source: the bill as tabled, § 3 ("Loven træder i kraft den 1. juni 2018", ft.dk, L 193
/// som fremsat), confirmed by STAR's skrivelse nr. 9470 af 20. juni 2018, which states that
/// Folketinget adopted L 193 on 24 May 2018 as lov nr. 553 af 29. maj 2018 and that the act
/// entered into force on 1 June 2018. (Not 1 July 2018.)
pub const L193_IN_FORCE: NaiveDate = ymd(2018, 6, 1);

/// The act that made the 2013 edition.
pub const REFORM_ACT: &str = "Lov nr. 1380 af 23. december 2012 (reform af førtidspension og fleksjob)";

/// The act that made the 2018 edition.
pub const L193_ACT: &str = "L 193 (2017-18), lov nr. 553 af 29. maj 2018";

/// One dated edition of the rulebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Edition {
    /// Stable id, reported by `assess`.
    pub id: &'static str,
    /// A Danish name.
    pub name: &'static str,
    /// When it is in force.
    pub in_force: Period,
    /// The act that made it.
    pub enacted_by: &'static str,
}

/// Every edition, oldest first; periods are consecutive.
pub const EDITIONS: &[Edition] = &[
    Edition {
        id: "2013-01-01.reform",
        name: "Førtidspensions- og fleksjobreformen (retstilstanden i rapporten, nov. 2017 – jan. 2018)",
        in_force: Period::between(REFORM_2013, L193_IN_FORCE),
        enacted_by: REFORM_ACT,
    },
    Edition {
        id: "2018-06-01.l193",
        name: "L 193 (2017-18): ressourceforløb kræver udviklingsperspektiv; 33-15 og 92-16 gælder ikke",
        in_force: Period::starting(L193_IN_FORCE),
        enacted_by: L193_ACT,
    },
];

/// The edition in force on `date`; `None` before the earliest edition.
pub fn edition_for(date: NaiveDate) -> Option<Edition> {
    EDITIONS.iter().copied().find(|e| e.in_force.contains(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_no_edition_before_the_2013_reform() {
        assert_eq!(edition_for(ymd(2012, 12, 31)), None);
        assert_eq!(edition_for(ymd(2013, 1, 1)).map(|e| e.id), Some("2013-01-01.reform"));
    }

    #[test]
    fn l193_starts_a_new_edition_on_1_june_2018() {
        assert_eq!(edition_for(ymd(2018, 5, 31)).map(|e| e.id), Some("2013-01-01.reform"));
        assert_eq!(edition_for(ymd(2018, 6, 1)).map(|e| e.id), Some("2018-06-01.l193"));
        assert_eq!(edition_for(ymd(2018, 6, 30)).map(|e| e.id), Some("2018-06-01.l193"));
        assert_eq!(edition_for(ymd(2018, 7, 1)).map(|e| e.id), Some("2018-06-01.l193"));
    }

    #[test]
    fn editions_follow_each_other_without_gap_or_overlap() {
        for pair in EDITIONS.windows(2) {
            assert_eq!(pair[0].in_force.to, Some(pair[1].in_force.from));
        }
        assert_eq!(EDITIONS.last().and_then(|e| e.in_force.to), None);
    }
}
