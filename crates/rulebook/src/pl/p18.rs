//! PL § 18: when a case passes to treatment under the pension rules; obviously pointless cases.
//!
//! Quoted from the report (ch. 3.2.1.3 and 3.2.1.7, L617–620, L715–721; ch. 7.8.1,
//! L3372–3374), lovbekendtgørelse nr. 1208 af 17. november 2017:
//!
//! > Efter pensionslovens § 18, stk. 1, træffer kommunen afgørelse om, at sagen overgår til
//! > behandling efter reglerne om førtidspension, når det er dokumenteret eller det på grund af
//! > særlige forhold er helt åbenbart, at borgerens arbejdsevne ikke kan forbedres ved
//! > deltagelse i ressourceforløb eller aktiverings-, revaliderings-, og behandlingsmæssige
//! > eller andre foranstaltninger. Tidspunktet for overgangen til behandling skal fremgå af
//! > sagen og meddeles til borgeren.
//! >
//! > Borgernes sager vil i åbenbart formålsløse tilfælde kunne behandles uden forelæggelse for
//! > rehabiliteringsteamet efter pensionslovens § 18, stk. 2, hvis regionens
//! > sundhedskoordinator har udtalt sig i sagen, eller borgeren er terminalt syg.
//!
//! L 193 (2017-18) inserted "relevante" after "ved deltagelse i" in stk. 1 (new version from
//! 1 June 2018): a ressourceforløb that is not relevant need no longer have been tried.

use crate::edition::{L193_ACT, L193_IN_FORCE, REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1 as the report describes it: all measures incl. ressourceforløb.
pub const OVERGANG_2013: RuleMeta = RuleMeta {
    id: "pl.18.1.overgang",
    citation: "PL § 18, stk. 1",
    in_force: Period::between(REFORM_2013, L193_IN_FORCE),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 1 after L 193: "relevante" measures.
pub const OVERGANG_2018: RuleMeta = RuleMeta {
    id: "pl.18.1.overgang",
    citation: "PL § 18, stk. 1",
    in_force: Period::starting(L193_IN_FORCE),
    enacted_by: L193_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2: obviously pointless, without the team.
pub const AABENBART_FORMAALSLOEST: RuleMeta = RuleMeta {
    id: "pl.18.2.aabenbart_formaalsloest",
    citation: "PL § 18, stk. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&OVERGANG_2013, &OVERGANG_2018, &AABENBART_FORMAALSLOEST];

#[cfg(test)]
mod tests {
    use crate::facts::{Criterion as C, DocumentKind};
    use crate::testkit::*;
    use crate::RouteValue;

    fn obvious() -> crate::CaseFacts {
        judged(citizen(d(1960, 1, 1)), d(2017, 10, 1), &[(C::AabenbartFormaalsloest, true)])
    }

    #[test]
    fn an_obviously_pointless_case_may_skip_the_team_once_the_health_coordinator_has_spoken() {
        let f = with_doc(obvious(), "sk", DocumentKind::Sundhedskoordinator, d(2017, 10, 5));
        let c = eval(&f, d(2017, 11, 1));
        assert_eq!(c.route.value, RouteValue::KanUndlades);
        assert_eq!(c.route.rule, "pl.18.2.aabenbart_formaalsloest");
        assert!(c.missing.iter().any(|m| m.what == "forberedende_del" && m.basis == "BEK 996/2016 § 12"));
        assert!(!c.missing.iter().any(|m| m.what == "lae265"));
    }

    #[test]
    fn a_terminally_ill_citizen_may_skip_the_team_without_the_health_coordinator() {
        let f = judged(obvious(), d(2017, 10, 1), &[(C::TerminaltSyg, true)]);
        assert_eq!(eval(&f, d(2017, 11, 1)).route.value, RouteValue::KanUndlades);
    }

    #[test]
    fn without_the_health_coordinator_or_terminal_illness_the_team_is_required() {
        let c = eval(&obvious(), d(2017, 11, 1));
        assert_eq!(c.route.value, RouteValue::Kraeves);
        assert!(c.missing.iter().any(|m| m.what == "sundhedskoordinator"));
    }
}
