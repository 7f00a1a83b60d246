//! PL kapitel 3 a (§§ 26 a ff.): seniorpension, which replaced seniorførtidspension.
//!
//! Not in the report (written before it). Researched facts, not the statute's wording: L 67
//! (2019-20), passed 20 December 2019 as lov nr. 1559 af 27. december 2019, in force 1 January
//! 2020, inserted seniorpension as a new chapter 3 a of pensionsloven and repealed the rules on
//! seniorførtidspension, subject to transitional rules (Arbejdsmarkeds- og
//! Rekrutteringsstyrelsens skrivelse nr. 9038 af 24. januar 2020). Seniorpension requires at
//! most 6 years to folkepension age, 20–25 years of employment, and a working capacity
//! permanently reduced to at most 15 hours a week in relation to the latest job (§ 26 a, stk. 1
//! and 2). The rulebook encodes the window and says so; it does not judge the other conditions,
//! which have no facts in the journal format.
//!
//! Transitional rule, as encoded: an application for seniorførtidspension made before
//! 1 January 2020 is still decided under the old rules (PL § 17, stk. 3). The content of the
//! transitional provisions was not verified beyond the skrivelse's "jf. dog overgangsreglerne".

use crate::meta::{ymd, Dated, Period, RuleMeta, SourceKind, Span};
use chrono::NaiveDate;

/// The day seniorpension replaced seniorførtidspension.
pub const IN_FORCE: NaiveDate = ymd(2020, 1, 1);

/// § 26 a: seniorpension.
pub const SENIORPENSION: RuleMeta = RuleMeta {
    id: "pl.26a.seniorpension",
    citation: "PL § 26 a",
    in_force: Period::starting(IN_FORCE),
    enacted_by: "Lov nr. 1559 af 27. december 2019 (L 67, 2019-20), i kraft 1. januar 2020",
    source: SourceKind::Statute,
};

/// § 26 a, stk. 1, nr. 1: at most this long before folkepension age.
pub const SENIORPENSION_VINDUE: &[Dated<Span>] =
    &[Dated { meta: RuleMeta { id: "pl.26a.1.seks_aar", ..SENIORPENSION }, value: Span::Years(6) }];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&SENIORPENSION, &SENIORPENSION_VINDUE[0].meta];

/// The early-retirement scheme for citizens close to folkepension age that is open on a date:
/// its name in Danish, its window before folkepension age, and the rule that sets the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeniorScheme {
    pub name: &'static str,
    pub window: Span,
    pub rule: &'static RuleMeta,
    /// The duty to guide the citizen about it (taskforce recommendation 1).
    pub guidance: &'static RuleMeta,
}

/// Seniorførtidspension (PL § 17, stk. 3) from 2014 to 2019, seniorpension (PL § 26 a) from 2020.
pub fn senior_scheme_on(date: NaiveDate) -> Option<SeniorScheme> {
    if let Some(window) = crate::meta::version_on(super::p17::SENIOR_VINDUE, date) {
        return Some(SeniorScheme {
            name: "seniorførtidspension",
            window: window.value,
            rule: &window.meta,
            guidance: &crate::praksis::SENIOR_VEJLEDNING,
        });
    }
    crate::meta::version_on(SENIORPENSION_VINDUE, date).map(|window| SeniorScheme {
        name: "seniorpension",
        window: window.value,
        rule: &window.meta,
        guidance: &crate::praksis::SENIORPENSION_VEJLEDNING,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Criterion as C;
    use crate::testkit::*;

    #[test]
    fn the_window_of_someone_born_in_1971_moved_a_year_later_when_70_took_effect_on_31_december_2025() {
        let f = judged(
            citizen(d(1971, 1, 1)),
            d(2025, 6, 1),
            &[(C::ArbejdsevneVarigtNedsat, true), (C::ArbejdsevneVaesentligtNedsat, true)],
        );
        let text = |as_of| {
            let c = eval(&f, as_of);
            c.tracks.seniorfoertidspension.findings.iter().map(|x| x.text.clone()).collect::<Vec<_>>().join(" ")
        };
        assert!(text(d(2025, 12, 30)).contains("(2040-01-01); seniorpension kan søges fra 2034-01-01"));
        assert!(text(d(2025, 12, 31)).contains("(2041-01-01); seniorpension kan søges fra 2035-01-01"));
        let cited = eval(&f, d(2025, 12, 31));
        assert!(cites(&cited.tracks.seniorfoertidspension.findings, "pl.26a.1.seks_aar"));
    }

    #[test]
    fn seniorfoertidspension_is_open_until_31_december_2019_and_seniorpension_from_1_january_2020() {
        let before = senior_scheme_on(ymd(2019, 12, 31)).unwrap();
        assert_eq!((before.name, before.window), ("seniorførtidspension", Span::Years(5)));
        let after = senior_scheme_on(ymd(2020, 1, 1)).unwrap();
        assert_eq!((after.name, after.window), ("seniorpension", Span::Years(6)));
        assert_eq!(after.rule.citation, "PL § 26 a");
        assert!(senior_scheme_on(ymd(2013, 6, 1)).is_none());
    }
}
