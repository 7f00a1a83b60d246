//! PL § 1 a: the folkepension age by birth date, as data.
//!
//! The report only says "folkepensionsalderen" (L584, L667, L891). The table below was
//! researched from pensionsloven § 1 a as consolidated in lovbekendtgørelse nr. 527 af
//! 25. april 2022 (the cohorts are facts; the wording is not reproduced):
//!
//! | born | folkepension age |
//! |---|---|
//! | before 1 January 1954 | 65 |
//! | 1 January – 30 June 1954 | 65½ |
//! | 1 July – 31 December 1954 | 66 |
//! | 1 January – 30 June 1955 | 66½ |
//! | 1 July 1955 – 31 December 1962 | 67 |
//! | 1 January 1963 – 31 December 1966 | 68 |
//! | after 31 December 1966 | 69 |
//!
//! The steps for those born in 1963 or later were set by later regulation acts (§ 1 a, stk.
//! 2–3, regulation every 5 years from 2015). They only matter for dates from 2025 on (five
//! years before age 67 at the earliest), so one version from 2013 is used; a further
//! regulation is added as a new version.

use chrono::NaiveDate;
use serde::Serialize;

use crate::deadline;
use crate::edition::REFORM_2013;
use crate::meta::{ymd, Period, RuleMeta, SourceKind};

/// The table, in force from the earliest edition.
pub const FOLKEPENSIONSALDER: RuleMeta = RuleMeta {
    id: "pl.1a.folkepensionsalder",
    citation: "PL § 1 a",
    in_force: Period::starting(REFORM_2013),
    enacted_by: "Lov om ændring af lov om social pension (gradvis forhøjelse af folkepensionsalderen) og senere reguleringslove; tabellen som i LBK nr. 527 af 25. april 2022",
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&FOLKEPENSIONSALDER];

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

/// The cohorts of PL § 1 a, stk. 1, nr. 1–7.
pub const COHORTS: &[Cohort] = &[
    Cohort { born_from: None, born_to: Some(ymd(1953, 12, 31)), age_months: 65 * 12 },
    Cohort { born_from: Some(ymd(1954, 1, 1)), born_to: Some(ymd(1954, 6, 30)), age_months: 65 * 12 + 6 },
    Cohort { born_from: Some(ymd(1954, 7, 1)), born_to: Some(ymd(1954, 12, 31)), age_months: 66 * 12 },
    Cohort { born_from: Some(ymd(1955, 1, 1)), born_to: Some(ymd(1955, 6, 30)), age_months: 66 * 12 + 6 },
    Cohort { born_from: Some(ymd(1955, 7, 1)), born_to: Some(ymd(1962, 12, 31)), age_months: 67 * 12 },
    Cohort { born_from: Some(ymd(1963, 1, 1)), born_to: Some(ymd(1966, 12, 31)), age_months: 68 * 12 },
    Cohort { born_from: Some(ymd(1967, 1, 1)), born_to: None, age_months: 69 * 12 },
];

/// The folkepension age in months for someone born on `birth`.
pub fn folkepensionsalder_months(birth: NaiveDate) -> u32 {
    COHORTS
        .iter()
        .find(|c| c.born_from.is_none_or(|f| birth >= f) && c.born_to.is_none_or(|t| birth <= t))
        .map_or(69 * 12, |c| c.age_months)
}

/// The day someone born on `birth` reaches folkepension age.
pub fn folkepension_date(birth: NaiveDate) -> NaiveDate {
    deadline::reaches_age_in_months(birth, folkepensionsalder_months(birth))
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

    #[test]
    fn someone_born_on_31_december_1953_reaches_folkepension_at_65() {
        assert_eq!(folkepensionsalder_months(ymd(1953, 12, 31)), 65 * 12);
        assert_eq!(folkepension_date(ymd(1953, 12, 31)), ymd(2018, 12, 31));
    }

    #[test]
    fn someone_born_on_1_january_1954_reaches_folkepension_at_65_and_a_half() {
        assert_eq!(folkepensionsalder_months(ymd(1954, 1, 1)), 65 * 12 + 6);
        assert_eq!(folkepension_date(ymd(1954, 1, 1)), ymd(2019, 7, 1));
        assert_eq!(folkepensionsalder_months(ymd(1954, 6, 30)), 65 * 12 + 6);
    }

    #[test]
    fn someone_born_in_the_second_half_of_1954_reaches_folkepension_at_66() {
        assert_eq!(folkepensionsalder_months(ymd(1954, 7, 1)), 66 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1954, 12, 31)), 66 * 12);
    }

    #[test]
    fn someone_born_in_the_first_half_of_1955_reaches_folkepension_at_66_and_a_half() {
        assert_eq!(folkepensionsalder_months(ymd(1955, 1, 1)), 66 * 12 + 6);
        assert_eq!(folkepensionsalder_months(ymd(1955, 6, 30)), 66 * 12 + 6);
    }

    #[test]
    fn someone_born_from_july_1955_to_1962_reaches_folkepension_at_67() {
        assert_eq!(folkepensionsalder_months(ymd(1955, 7, 1)), 67 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1962, 12, 31)), 67 * 12);
    }

    #[test]
    fn someone_born_from_1963_to_1966_reaches_folkepension_at_68() {
        assert_eq!(folkepensionsalder_months(ymd(1963, 1, 1)), 68 * 12);
        assert_eq!(folkepensionsalder_months(ymd(1966, 12, 31)), 68 * 12);
    }

    #[test]
    fn someone_born_from_1967_reaches_folkepension_at_69() {
        assert_eq!(folkepensionsalder_months(ymd(1967, 1, 1)), 69 * 12);
        assert_eq!(folkepensionsalder_months(ymd(2000, 1, 1)), 69 * 12);
    }

    #[test]
    fn the_cohorts_cover_every_birth_date_exactly_once() {
        for pair in COHORTS.windows(2) {
            let next_from = pair[1].born_from.map(|d| d.pred_opt());
            assert_eq!(pair[0].born_to, next_from.flatten());
        }
        assert_eq!(age_danish(65 * 12 + 6), "65½ år");
    }
}
