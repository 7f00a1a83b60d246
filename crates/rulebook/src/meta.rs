//! Legal metadata: rule ids, citations, periods in force, source kinds and dated parameters.

use chrono::NaiveDate;
use serde::Serialize;

use crate::deadline;

/// A half-open period `[from, to)` in which a rule version or parameter is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    /// First day in force.
    pub from: NaiveDate,
    /// First day no longer in force (exclusive); `None` while still in force.
    pub to: Option<NaiveDate>,
}

impl Period {
    /// A period that is still open.
    pub const fn starting(from: NaiveDate) -> Self {
        Period { from, to: None }
    }

    /// A closed period `[from, to)`.
    pub const fn between(from: NaiveDate, to: NaiveDate) -> Self {
        Period { from, to: Some(to) }
    }

    /// Whether `date` lies inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date < to)
    }

    /// Whether two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        let self_before_other_ends = other.to.is_none_or(|to| self.from < to);
        let other_before_self_ends = self.to.is_none_or(|to| other.from < to);
        self_before_other_ends && other_before_self_ends
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// An act of Parliament (lov / lovbekendtgørelse).
    Statute,
    /// An executive order (bekendtgørelse).
    Order,
    /// A principle decision of Ankestyrelsen (or a court judgment it relies on).
    PrincipleDecision,
    /// A local rule or target of the municipality or a contract.
    LocalRule,
    /// An interpretation, a guideline reading or a practice study; labelled as such.
    Interpretation,
}

/// One version of one rule: who may cite it, for which period, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RuleMeta {
    /// Stable id, e.g. `pl.21.1.afgoerelsesfrist`. Two versions of one rule share the id.
    pub id: &'static str,
    /// The citation as Danish lawyers write it, e.g. `PL § 21, stk. 1`.
    pub citation: &'static str,
    /// The period this version is in force.
    pub in_force: Period,
    /// The act, order or decision that made this version.
    pub enacted_by: &'static str,
    /// What kind of source it is.
    pub source: SourceKind,
}

impl RuleMeta {
    /// Whether this version is in force on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.in_force.contains(date)
    }
}

/// A length of time as the law states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// Calendar days.
    Days(u32),
    /// Weeks of seven days.
    Weeks(u32),
    /// Calendar months, clamped to the end of a shorter month.
    Months(u32),
    /// Calendar years (12 months), clamped likewise.
    Years(u32),
}

impl Span {
    /// `date` plus this span (saturating at the last representable date).
    pub fn after(&self, date: NaiveDate) -> NaiveDate {
        match *self {
            Span::Days(n) => deadline::add_days(date, n),
            Span::Weeks(n) => deadline::add_weeks(date, n),
            Span::Months(n) => deadline::add_months(date, n),
            Span::Years(n) => deadline::add_months(date, n.saturating_mul(12)),
        }
    }

    /// `date` minus this span ("at the latest N weeks before").
    pub fn before(&self, date: NaiveDate) -> NaiveDate {
        match *self {
            Span::Days(n) => deadline::sub_days(date, n),
            Span::Weeks(n) => deadline::weeks_before(date, n),
            Span::Months(n) => deadline::sub_months(date, n),
            Span::Years(n) => deadline::sub_months(date, n.saturating_mul(12)),
        }
    }

    /// Danish words for the span, e.g. "3 uger".
    pub fn danish(&self) -> String {
        match *self {
            Span::Days(n) => format!("{n} dage"),
            Span::Weeks(1) => "1 uge".to_string(),
            Span::Weeks(n) => format!("{n} uger"),
            Span::Months(1) => "1 måned".to_string(),
            Span::Months(n) => format!("{n} måneder"),
            Span::Years(1) => "1 år".to_string(),
            Span::Years(n) => format!("{n} år"),
        }
    }
}

/// A dated parameter: a value with the rule version that states it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dated<T: 'static> {
    /// Id, citation and period of the parameter.
    pub meta: RuleMeta,
    /// The value in force in that period.
    pub value: T,
}

/// The version of a dated parameter in force on `date`, if any.
pub fn version_on<T>(versions: &'static [Dated<T>], date: NaiveDate) -> Option<&'static Dated<T>> {
    versions.iter().find(|v| v.meta.in_force_on(date))
}

/// The rule version in force on `date` among `versions`, if any.
pub fn rule_on(versions: &[&'static RuleMeta], date: NaiveDate) -> Option<&'static RuleMeta> {
    versions.iter().copied().find(|m| m.in_force_on(date))
}

/// A date constant; invalid dates fail at compile time.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date constant"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(offset: i64) -> NaiveDate {
        ymd(2000, 1, 1) + chrono::Duration::days(offset)
    }

    #[test]
    fn a_period_includes_its_first_day_and_excludes_its_end() {
        let p = Period::between(ymd(2013, 1, 1), ymd(2018, 6, 1));
        assert!(p.contains(ymd(2013, 1, 1)));
        assert!(p.contains(ymd(2018, 5, 31)));
        assert!(!p.contains(ymd(2018, 6, 1)));
        assert!(!p.contains(ymd(2012, 12, 31)));
    }

    #[test]
    fn an_open_period_contains_every_later_day() {
        let p = Period::starting(ymd(2018, 6, 1));
        assert!(p.contains(ymd(2099, 1, 1)));
        assert!(!p.contains(ymd(2018, 5, 31)));
    }

    #[test]
    fn spans_speak_danish() {
        assert_eq!(Span::Weeks(3).danish(), "3 uger");
        assert_eq!(Span::Months(3).danish(), "3 måneder");
    }

    proptest! {
        #[test]
        fn consecutive_periods_never_overlap_and_cover_every_day(a in 0i64..5000, len in 1i64..3000, d in 0i64..10000) {
            let first = Period::between(date(a), date(a + len));
            let second = Period::starting(date(a + len));
            prop_assert!(!first.overlaps(&second));
            let day = date(d);
            if day >= date(a) {
                prop_assert!(first.contains(day) ^ second.contains(day));
            }
        }

        #[test]
        fn overlap_is_symmetric_and_implied_by_a_shared_day(a in 0i64..3000, b in 0i64..3000, la in 1i64..2000, lb in 1i64..2000, d in 0i64..6000) {
            let p = Period::between(date(a), date(a + la));
            let q = Period::between(date(b), date(b + lb));
            prop_assert_eq!(p.overlaps(&q), q.overlaps(&p));
            if p.contains(date(d)) && q.contains(date(d)) {
                prop_assert!(p.overlaps(&q));
            }
        }
    }
}
