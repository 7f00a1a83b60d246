//! Deadline arithmetic: days, weeks, months clamped to month end, and "at the latest N weeks before".
//!
//! Every function saturates at the ends of the calendar instead of panicking, so no input date
//! can crash an evaluation. This is the only place the rulebook adds or subtracts time.

use chrono::{Datelike, Days, Months, NaiveDate};

/// `date` plus `n` days.
pub fn add_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(n))).unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` days.
pub fn sub_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(n))).unwrap_or(NaiveDate::MIN)
}

/// `date` plus `n` weeks ("senest 3 uger efter").
pub fn add_weeks(date: NaiveDate, n: u32) -> NaiveDate {
    add_days(date, n.saturating_mul(7))
}

/// The last day that is "at the latest `n` weeks before" `date` ("senest to uger før").
pub fn weeks_before(date: NaiveDate, n: u32) -> NaiveDate {
    sub_days(date, n.saturating_mul(7))
}

/// `date` plus `n` calendar months; the 31st becomes the last day of a shorter month
/// ("senest 3 måneder efter").
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n)).unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` calendar months, clamped to month end like [`add_months`].
pub fn sub_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(n)).unwrap_or(NaiveDate::MIN)
}

/// Whole years from `birth` to `on` (the age on that day); negative before birth.
pub fn age_in_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// The day someone born on `birth` reaches `months` months of age (29 February births reach
/// it on 28 February in common years).
pub fn reaches_age_in_months(birth: NaiveDate, months: u32) -> NaiveDate {
    add_months(birth, months)
}

/// Days from `from` to `to` (negative if `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::ymd;
    use proptest::prelude::*;

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2200, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28)).unwrap_or(NaiveDate::MIN)
        })
    }

    #[test]
    fn three_weeks_after_a_recommendation_is_twenty_one_days_later() {
        assert_eq!(add_weeks(ymd(2017, 11, 20), 3), ymd(2017, 12, 11));
    }

    #[test]
    fn three_months_after_the_last_of_november_is_the_last_of_february() {
        assert_eq!(add_months(ymd(2017, 11, 30), 3), ymd(2018, 2, 28));
        assert_eq!(add_months(ymd(2019, 11, 30), 3), ymd(2020, 2, 29));
    }

    #[test]
    fn two_weeks_before_a_planned_end_is_fourteen_days_earlier() {
        assert_eq!(weeks_before(ymd(2018, 3, 1), 2), ymd(2018, 2, 15));
    }

    #[test]
    fn age_changes_on_the_birthday_and_not_the_day_before() {
        let birth = ymd(1960, 5, 15);
        assert_eq!(age_in_years(birth, ymd(2000, 5, 14)), 39);
        assert_eq!(age_in_years(birth, ymd(2000, 5, 15)), 40);
    }

    #[test]
    fn a_leap_day_birth_reaches_an_age_on_the_twenty_eighth_of_february() {
        assert_eq!(reaches_age_in_months(ymd(1956, 2, 29), 67 * 12), ymd(2023, 2, 28));
    }

    #[test]
    fn arithmetic_at_the_end_of_the_calendar_saturates_instead_of_panicking() {
        assert_eq!(add_weeks(NaiveDate::MAX, 3), NaiveDate::MAX);
        assert_eq!(add_months(NaiveDate::MAX, 3), NaiveDate::MAX);
        assert_eq!(weeks_before(NaiveDate::MIN, 2), NaiveDate::MIN);
    }

    proptest! {
        #[test]
        fn adding_then_going_back_the_same_weeks_returns_the_date(d in any_date(), n in 0u32..520) {
            prop_assert_eq!(weeks_before(add_weeks(d, n), n), d);
            prop_assert_eq!(days_between(d, add_weeks(d, n)), i64::from(n) * 7);
        }

        #[test]
        fn adding_months_lands_in_the_right_month_on_the_same_or_an_earlier_day(d in any_date(), n in 0u32..240) {
            let r = add_months(d, n);
            let months = (r.year() - d.year()) * 12 + r.month() as i32 - d.month() as i32;
            prop_assert_eq!(months, n as i32);
            prop_assert!(r.day() <= d.day());
            if r.day() < d.day() {
                // clamped: r is the last day of its month
                prop_assert_eq!(add_days(r, 1).day(), 1);
            }
            prop_assert!(r >= d);
        }

        #[test]
        fn adding_months_is_monotone(a in any_date(), b in any_date(), n in 0u32..120) {
            if a <= b {
                prop_assert!(add_months(a, n) <= add_months(b, n));
            }
        }

        #[test]
        fn age_grows_by_one_on_each_birthday(d in any_date(), years in 0u32..100) {
            let later = add_months(d, years * 12);
            let expected = if later.day() == d.day() { years as i32 } else { years as i32 - 1 };
            prop_assert_eq!(age_in_years(d, later), expected);
        }
    }
}
