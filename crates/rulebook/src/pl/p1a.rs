//! PL § 1 a: the folkepension age by birth date, as dated data.
//!
//! The report only says "folkepensionsalderen" (L584, L667, L891). The cohorts were researched
//! from pensionsloven § 1 a and the acts that changed it (the cohorts and dates are facts; the
//! wording is not reproduced). Stk. 2–3 regulate the age for those born after 1962 every five
//! years by act, each change taking effect for the cohort that reaches the age 15 years later, so
//! the table itself changes by date. A case is judged by the table in force on the date asked
//! about:
//!
//! | in force | born | folkepension age |
//! |---|---|---|
//! | all versions | before 1 January 1954 | 65 |
//! | all versions | 1 January – 30 June 1954 | 65½ |
//! | all versions | 1 July – 31 December 1954 | 66 |
//! | all versions | 1 January – 30 June 1955 | 66½ |
//! | until 28 December 2015 | after 30 June 1955 | 67 |
//! | from 29 December 2015 | 1 July 1955 – 31 December 1962 | 67 |
//! | 29 December 2015 – 30 December 2020 | after 31 December 1962 | 68 |
//! | from 31 December 2020 | 1 January 1963 – 31 December 1966 | 68 |
//! | 31 December 2020 – 30 December 2025 | after 31 December 1966 | 69 |
//! | from 31 December 2025 | 1 January 1967 – 31 December 1970 | 69 |
//! | from 31 December 2025 | after 31 December 1970 | 70 |
//!
//! Sources: the 65–67 steps are the tilbagetrækningsreform's (in force before our earliest
//! edition, 2013); lov nr. 1810 af 23. december 2015 (L 40, 2015-16), in force 29 December 2015,
//! set 68; the act passed 21 December 2020, in force 31 December 2020, set 69; L 149 (2024-25),
//! passed May 2025, raised it to 70 from 31 December 2025. The act numbers of the 2011 and 2020
//! acts are not given here because they were not verified.

use chrono::NaiveDate;
use serde::Serialize;

use crate::deadline;
use crate::edition::REFORM_2013;
use crate::meta::{version_on, ymd, Dated, Period, RuleMeta, SourceKind};

/// One birth cohort and its folkepension age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cohort {
    /// First birth date in the cohort (inclusive); `None` = no lower bound.
    pub born_from: Option<NaiveDate>,
    /// Last birth date in the cohort (inclusive); `None` = no upper bound.
    pub born_to: Option<NaiveDate>,
    /// Folkepension age in months.
    pub age_months: u32,
}

const fn cohort(born_from: Option<NaiveDate>, born_to: Option<NaiveDate>, years: u32, half: bool) -> Cohort {
    Cohort { born_from, born_to, age_months: years * 12 + if half { 6 } else { 0 } }
}

/// The cohorts born before 1 July 1955, the same in every version.
const BEFORE_JULY_1955: [Cohort; 4] = [
    cohort(None, Some(ymd(1953, 12, 31)), 65, false),
    cohort(Some(ymd(1954, 1, 1)), Some(ymd(1954, 6, 30)), 65, true),
    cohort(Some(ymd(1954, 7, 1)), Some(ymd(1954, 12, 31)), 66, false),
    cohort(Some(ymd(1955, 1, 1)), Some(ymd(1955, 6, 30)), 66, true),
];

const META: RuleMeta = RuleMeta {
    id: "pl.1a.folkepensionsalder",
    citation: "PL § 1 a, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "",
    source: SourceKind::Statute,
};

/// Date the 68-year step took effect.
pub const STEP_68: NaiveDate = ymd(2015, 12, 29);
/// Date the 69-year step took effect.
pub const STEP_69: NaiveDate = ymd(2020, 12, 31);
/// Date the 70-year step took effect.
pub const STEP_70: NaiveDate = ymd(2025, 12, 31);

/// The versions of the table, oldest first.
pub const FOLKEPENSIONSALDER: &[Dated<&[Cohort]>] = &[
    Dated {
        meta: RuleMeta {
            in_force: Period::between(REFORM_2013, STEP_68),
            enacted_by: "Tilbagetrækningsreformen (2011): 67 år for personer født efter 30. juni 1955",
            ..META
        },
        value: &[
            BEFORE_JULY_1955[0],
            BEFORE_JULY_1955[1],
            BEFORE_JULY_1955[2],
            BEFORE_JULY_1955[3],
            cohort(Some(ymd(1955, 7, 1)), None, 67, false),
        ],
    },
    Dated {
        meta: RuleMeta {
            in_force: Period::between(STEP_68, STEP_69),
            enacted_by: "Lov nr. 1810 af 23. december 2015 (L 40, 2015-16), i kraft 29. december 2015",
            ..META
        },
        value: &[
            BEFORE_JULY_1955[0],
            BEFORE_JULY_1955[1],
            BEFORE_JULY_1955[2],
            BEFORE_JULY_1955[3],
            cohort(Some(ymd(1955, 7, 1)), Some(ymd(1962, 12, 31)), 67, false),
            cohort(Some(ymd(1963, 1, 1)), None, 68, false),
        ],
    },
    Dated {
        meta: RuleMeta {
            in_force: Period::between(STEP_69, STEP_70),
            enacted_by:
                "Lov om ændring af lov om social pension, vedtaget 21. december 2020, i kraft 31. december 2020",
            ..META
        },
        value: &[
            BEFORE_JULY_1955[0],
            BEFORE_JULY_1955[1],
            BEFORE_JULY_1955[2],
            BEFORE_JULY_1955[3],
            cohort(Some(ymd(1955, 7, 1)), Some(ymd(1962, 12, 31)), 67, false),
            cohort(Some(ymd(1963, 1, 1)), Some(ymd(1966, 12, 31)), 68, false),
            cohort(Some(ymd(1967, 1, 1)), None, 69, false),
        ],
    },
    Dated {
        meta: RuleMeta {
            in_force: Period::starting(STEP_70),
            enacted_by: "L 149 (2024-25), vedtaget maj 2025, i kraft 31. december 2025",
            ..META
        },
        value: &[
            BEFORE_JULY_1955[0],
            BEFORE_JULY_1955[1],
            BEFORE_JULY_1955[2],
            BEFORE_JULY_1955[3],
            cohort(Some(ymd(1955, 7, 1)), Some(ymd(1962, 12, 31)), 67, false),
            cohort(Some(ymd(1963, 1, 1)), Some(ymd(1966, 12, 31)), 68, false),
            cohort(Some(ymd(1967, 1, 1)), Some(ymd(1970, 12, 31)), 69, false),
            cohort(Some(ymd(1971, 1, 1)), None, 70, false),
        ],
    },
];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[
    &FOLKEPENSIONSALDER[0].meta,
    &FOLKEPENSIONSALDER[1].meta,
    &FOLKEPENSIONSALDER[2].meta,
    &FOLKEPENSIONSALDER[3].meta,
];

/// The table in force on `as_of` (the earliest one for dates before it: the rulebook starts in 2013).
pub fn table_on(as_of: NaiveDate) -> &'static Dated<&'static [Cohort]> {
    version_on(FOLKEPENSIONSALDER, as_of).unwrap_or(&FOLKEPENSIONSALDER[0])
}

/// The folkepension age in months for someone born on `birth`, by the table in force on `as_of`.
pub fn folkepensionsalder_months(birth: NaiveDate, as_of: NaiveDate) -> u32 {
    let table = table_on(as_of).value;
    table
        .iter()
        .find(|c| c.born_from.is_none_or(|f| birth >= f) && c.born_to.is_none_or(|t| birth <= t))
        .or(table.last())
        .map_or(67 * 12, |c| c.age_months)
}

/// The day someone born on `birth` reaches folkepension age, by the table in force on `as_of`.
pub fn folkepension_date(birth: NaiveDate, as_of: NaiveDate) -> NaiveDate {
    deadline::reaches_age_in_months(birth, folkepensionsalder_months(birth, as_of))
}

/// The age in Danish words, e.g. "65½ år".
pub fn age_danish(months: u32) -> String {
    if months % 12 == 0 {
        format!("{} år", months / 12)
    } else {
        format!("{}½ år", months / 12)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: NaiveDate = ymd(2026, 11, 26);

    #[test]
    fn someone_born_on_31_december_1953_reaches_folkepension_at_65() {
        assert_eq!(folkepensionsalder_months(ymd(1953, 12, 31), NOW), 65 * 12);
        assert_eq!(folkepension_date(ymd(1953, 12, 31), NOW), ymd(2018, 12, 31));
    }

    #[test]
    fn someone_born_on_1_january_1954_reaches_folkepension_at_65_and_a_half() {
        assert_eq!(folkepensionsalder_months(ymd(1954, 1, 1), NOW), 65 * 12 + 6);
        assert_eq!(folkepension_date(ymd(1954, 1, 1), NOW), ymd(2019, 7, 1));
        assert_eq!(folkepensionsalder_months(ymd(1954, 6, 30), NOW), 65 * 12 + 6);
    }

    #[test]
    fn someone_born_in_the_second_half_of_1954_reaches_folkepension_at_66() {
        assert_eq!(folkepensionsalder_months(ymd(1954, 7, 1), NOW), 66 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1954, 12, 31), NOW), 66 * 12);
    }

    #[test]
    fn someone_born_in_the_first_half_of_1955_reaches_folkepension_at_66_and_a_half() {
        assert_eq!(folkepensionsalder_months(ymd(1955, 1, 1), NOW), 66 * 12 + 6);
        assert_eq!(folkepensionsalder_months(ymd(1955, 6, 30), NOW), 66 * 12 + 6);
    }

    #[test]
    fn someone_born_from_july_1955_to_1962_reaches_folkepension_at_67_in_every_version() {
        for table in FOLKEPENSIONSALDER {
            let on = table.meta.in_force.from;
            assert_eq!(folkepensionsalder_months(ymd(1955, 7, 1), on), 67 * 12);
            assert_eq!(folkepensionsalder_months(ymd(1962, 12, 31), on), 67 * 12);
        }
    }

    #[test]
    fn someone_born_in_1963_had_67_until_the_2015_act_and_68_from_29_december_2015() {
        let born = ymd(1963, 1, 1);
        assert_eq!(folkepensionsalder_months(born, ymd(2015, 12, 28)), 67 * 12);
        assert_eq!(folkepensionsalder_months(born, STEP_68), 68 * 12);
        assert_eq!(folkepensionsalder_months(born, NOW), 68 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1966, 12, 31), NOW), 68 * 12);
    }

    #[test]
    fn someone_born_in_1967_had_68_until_the_2020_act_and_69_from_31_december_2020() {
        let born = ymd(1967, 1, 1);
        assert_eq!(folkepensionsalder_months(born, ymd(2020, 12, 30)), 68 * 12);
        assert_eq!(folkepensionsalder_months(born, STEP_69), 69 * 12);
        assert_eq!(folkepensionsalder_months(born, NOW), 69 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1970, 12, 31), NOW), 69 * 12);
    }

    #[test]
    fn someone_born_in_1971_had_69_until_the_2025_act_and_70_from_31_december_2025() {
        let born = ymd(1971, 1, 1);
        assert_eq!(folkepensionsalder_months(born, ymd(2025, 12, 30)), 69 * 12);
        assert_eq!(folkepensionsalder_months(born, STEP_70), 70 * 12);
        assert_eq!(folkepension_date(born, NOW), ymd(2041, 1, 1));
        assert_eq!(folkepensionsalder_months(ymd(2000, 1, 1), NOW), 70 * 12);
    }

    #[test]
    fn a_date_before_the_first_version_uses_the_first_table() {
        assert_eq!(table_on(ymd(2010, 1, 1)).meta.in_force, FOLKEPENSIONSALDER[0].meta.in_force);
    }

    #[test]
    fn every_version_covers_every_birth_date_exactly_once_and_the_versions_follow_each_other() {
        for table in FOLKEPENSIONSALDER {
            assert_eq!(table.value[0].born_from, None);
            assert_eq!(table.value.last().and_then(|c| c.born_to), None);
            for pair in table.value.windows(2) {
                let next_from = pair[1].born_from.map(|d| d.pred_opt());
                assert_eq!(pair[0].born_to, next_from.flatten());
            }
        }
        for pair in FOLKEPENSIONSALDER.windows(2) {
            assert_eq!(pair[0].meta.in_force.to, Some(pair[1].meta.in_force.from));
        }
        assert_eq!(age_danish(65 * 12 + 6), "65½ år");
    }
}
