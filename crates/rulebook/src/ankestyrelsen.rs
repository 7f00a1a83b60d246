//! Ankestyrelsen's principle decisions named in the report (rules.md § 4), with their periods.
//!
//! "Kommunen skal ved behandlingen af sager følge Ankestyrelsens principafgørelser" (L748–749).
//! Dates: only 42-17 has a verified day (KEN nr. 9599 af 30. juni 2017). Ankestyrelsen's news
//! pages date the publication month of 24-14 and 25-14 (May 2014) and of 1-15 (February 2015);
//! those start on the 1st of that month. For the others the period starts on 1 January of the
//! year in the number (an approximation), and decisions from before the 2013 reform start with
//! the earliest edition.
//!
//! 33-15 and 92-16 stop applying here when L 193 enters into force on 1 June 2018: from then the
//! law they interpreted requires a development perspective for a ressourceforløb, STAR wrote that
//! withdrawing them was in line with the bill (L27–29), and Ankestyrelsen said it would withdraw
//! them (the minister's answer to L 193 spm. 3 of 8 May 2018). Formally, a principle decision
//! applies until Ankestyrelsen announces it withdrawn; that came with principle decision 58-18 in
//! December 2018 for 33-15 (LEV, 5 February 2019) and, reportedly, for 92-16 too (exact day not
//! verified). We keep the L 193 date because the legal basis they interpreted changed then.

use chrono::NaiveDate;
use serde::Serialize;

use crate::edition::{L193_IN_FORCE, REFORM_2013};
use crate::meta::{ymd, Period, RuleMeta, SourceKind};

/// A principle decision and what the report says it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PrincipleDecision {
    /// Its number, e.g. `39-17`.
    pub number: &'static str,
    /// Its date, where verified.
    pub decided: Option<NaiveDate>,
    /// What it holds (English summary of the report's account).
    pub holds: &'static str,
    /// Where the report describes it.
    pub report_lines: &'static str,
    /// Rule id, citation and period in force (closed when withdrawn).
    pub meta: RuleMeta,
}

const fn pa(id: &'static str, citation: &'static str, in_force: Period) -> RuleMeta {
    RuleMeta { id, citation, in_force, enacted_by: "Ankestyrelsen", source: SourceKind::PrincipleDecision }
}

const fn from_year(year: i32) -> Period {
    let start = ymd(year, 1, 1);
    if year <= 2013 {
        Period::starting(REFORM_2013)
    } else {
        Period::starting(start)
    }
}

/// 33-15: FP refused to a young person with mild–moderate learning disability. Withdrawn.
pub const A33_15: RuleMeta = pa("ast.33-15", "Ankestyrelsen 33-15", Period::between(ymd(2015, 1, 1), L193_IN_FORCE));
/// 68-14: obviously pointless on the day of turning 18.
pub const A68_14: RuleMeta = pa("ast.68-14", "Ankestyrelsen 68-14", from_year(2014));
/// P-3-07: a work test six years old does not exclude improvement.
pub const P3_07: RuleMeta = pa("ast.p-3-07", "Ankestyrelsen P-3-07", from_year(2007));
/// P-9-06: abuse without documented organ or brain damage; FP refused.
pub const P9_06: RuleMeta = pa("ast.p-9-06", "Ankestyrelsen P-9-06", from_year(2006));
/// P-11-04: being 65 does not bar activation.
pub const P11_04: RuleMeta = pa("ast.p-11-04", "Ankestyrelsen P-11-04", from_year(2004));
/// P-7-04: the work-function requirement is weakened in PL § 17, stk. 2 cases.
pub const P7_04: RuleMeta = pa("ast.p-7-04", "Ankestyrelsen P-7-04", from_year(2004));
/// 39-17: PL § 17, stk. 2 cases: no LÆ 265; transition within 3 weeks.
pub const A39_17: RuleMeta = pa("ast.39-17", "Ankestyrelsen 39-17", from_year(2017));
/// 25-14: fleksjob of 40 minutes and 2 hours a week upheld.
pub const A25_14: RuleMeta = pa("ast.25-14", "Ankestyrelsen 25-14", Period::starting(ymd(2014, 5, 1)));
/// 24-14: boundary between ressourceforløb and few-hours fleksjob.
pub const A24_14: RuleMeta = pa("ast.24-14", "Ankestyrelsen 24-14", Period::starting(ymd(2014, 5, 1)));
/// 92-16: ressourceforløb unless obviously pointless in advance. Withdrawn.
pub const A92_16: RuleMeta = pa("ast.92-16", "Ankestyrelsen 92-16", Period::between(ymd(2016, 1, 1), L193_IN_FORCE));
/// 42-17: a new ressourceforløb if the cross-disciplinary need remains.
pub const A42_17: RuleMeta = pa("ast.42-17", "Ankestyrelsen 42-17", Period::starting(ymd(2017, 6, 30)));
/// 1-15: ressourceforløb must be granted when its conditions are met.
pub const A1_15: RuleMeta = pa("ast.1-15", "Ankestyrelsen 1-15", Period::starting(ymd(2015, 2, 1)));
/// 6-14: submit to the team only with a basis; PL § 17, stk. 2 always.
pub const A6_14: RuleMeta = pa("ast.6-14", "Ankestyrelsen 6-14", from_year(2014));
/// 64-11: a grant of something else than an applied-for fleksjob needs a fleksjob refusal.
pub const A64_11: RuleMeta = pa("ast.64-11", "Ankestyrelsen 64-11", from_year(2011));
/// R-4-04: three years without action is unreasonably long.
pub const R4_04: RuleMeta = pa("ast.r-4-04", "Ankestyrelsen R-4-04", from_year(2004));
/// P-20-06: 1.5 years with 4–5 actions is not unreasonably long.
pub const P20_06: RuleMeta = pa("ast.p-20-06", "Ankestyrelsen P-20-06", from_year(2006));
/// P-14-08: no deadline to start a PL § 18 case; RSL § 5 still obliges a start.
pub const P14_08: RuleMeta = pa("ast.p-14-08", "Ankestyrelsen P-14-08", from_year(2008));

/// Every principle decision in the report, with what it holds.
pub const DECISIONS: &[PrincipleDecision] = &[
    PrincipleDecision { number: "33-15", decided: None, holds: "FP refused to a young citizen with mild to moderate learning disability who had no psychological problems and functioned reasonably; expected withdrawn after L 193", report_lines: "L751–763, L27–29", meta: A33_15 },
    PrincipleDecision { number: "68-14", decided: None, holds: "Developing capacity was obviously pointless on the day the citizen turned 18 (thoroughly assessed in childhood, IQ 68, autism, OCD, ADHD)", report_lines: "L755–765", meta: A68_14 },
    PrincipleDecision { number: "P-3-07", decided: None, holds: "FP refused: not excluded that a new work test could improve capacity; the last work test was six years before the refusal", report_lines: "L767–773", meta: P3_07 },
    PrincipleDecision { number: "P-9-06", decided: None, holds: "FP refused to a 38-year-old with long abuse; no organ damage or documented brain damage", report_lines: "L775–783", meta: P9_06 },
    PrincipleDecision { number: "P-11-04", decided: None, holds: "Being 65 or older does not bar activation or revalidation measures", report_lines: "L785–786", meta: P11_04 },
    PrincipleDecision { number: "P-7-04", decided: None, holds: "The PL § 19 requirement to describe a concrete work function is weakened when the case is decided on the existing evidence (PL § 17, stk. 2)", report_lines: "L661–663", meta: P7_04 },
    PrincipleDecision { number: "39-17", decided: None, holds: "PL § 17, stk. 2 cases: collect existing material, forberedende del but no LÆ 265 or new examinations; transition at once and at the latest 3 weeks after the recommendation (3 weeks after the application without the team)", report_lines: "L726–738, L3208–3239", meta: A39_17 },
    PrincipleDecision { number: "25-14", decided: None, holds: "Fleksjob of 40 minutes and 2 hours a week upheld because capacity could develop in the job", report_lines: "L841–843", meta: A25_14 },
    PrincipleDecision { number: "24-14", decided: None, holds: "Fleksjob requires everything incl. ressourceforløb tried; few-hours fleksjob is preferred over ressourceforløb when capacity is largely clarified and there is a concrete job goal", report_lines: "L845–855, L956–962", meta: A24_14 },
    PrincipleDecision { number: "92-16", decided: None, holds: "Citizens with substantially limited capacity must get ressourceforløb unless obviously pointless in advance (upheld by Østre Landsret); expected withdrawn after L 193", report_lines: "L912–928, L938–941", meta: A92_16 },
    PrincipleDecision { number: "42-17", decided: Some(ymd(2017, 6, 30)), holds: "A new ressourceforløb must be offered if cross-disciplinary effort is still needed; not all of health, employment and social problems are required", report_lines: "L930–949", meta: A42_17 },
    PrincipleDecision { number: "1-15", decided: None, holds: "Ressourceforløb must be granted when its conditions are met, even if the municipality finds another measure sufficient", report_lines: "L951–954", meta: A1_15 },
    PrincipleDecision { number: "6-14", decided: None, holds: "Submit to the team only with a basis for a FP, fleksjob or ressourceforløb case; PL § 17, stk. 2 applications always; no right to have a fleksjob application submitted", report_lines: "L3108–3120", meta: A6_14 },
    PrincipleDecision { number: "64-11", decided: None, holds: "The citizen can appeal a fleksjob refusal, and a grant of something else without a simultaneous fleksjob refusal", report_lines: "L3122–3125", meta: A64_11 },
    PrincipleDecision { number: "R-4-04", decided: None, holds: "Three years without action (refund case) is unreasonably long", report_lines: "L3468–3470", meta: R4_04 },
    PrincipleDecision { number: "P-20-06", decided: None, holds: "About 1.5 years with 4–5 actions is not unreasonably long", report_lines: "L3472–3474", meta: P20_06 },
    PrincipleDecision { number: "P-14-08", decided: None, holds: "No deadline to gather information or start a PL § 18 case; once the evidence suffices, RSL § 5 obliges the municipality to start", report_lines: "L3476–3489", meta: P14_08 },
];

/// Every rule version in this file.
pub fn rules() -> Vec<&'static RuleMeta> {
    DECISIONS.iter().map(|d| &d.meta).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principle_decisions_33_15_and_92_16_apply_on_31_may_2018_but_not_on_1_june_2018() {
        for meta in [A33_15, A92_16] {
            assert!(meta.in_force_on(ymd(2018, 5, 31)));
            assert!(!meta.in_force_on(ymd(2018, 6, 1)));
        }
    }

    #[test]
    fn the_other_principle_decisions_still_apply_after_l193() {
        for d in DECISIONS.iter().filter(|d| !["33-15", "92-16"].contains(&d.number)) {
            assert!(d.meta.in_force_on(ymd(2018, 6, 1)), "{}", d.number);
        }
    }

    #[test]
    fn decisions_24_14_and_25_14_apply_from_may_2014_and_1_15_from_february_2015() {
        for meta in [A24_14, A25_14] {
            assert!(!meta.in_force_on(ymd(2014, 4, 30)));
            assert!(meta.in_force_on(ymd(2014, 5, 1)));
        }
        assert!(!A1_15.in_force_on(ymd(2015, 1, 31)));
        assert!(A1_15.in_force_on(ymd(2015, 2, 1)));
    }

    #[test]
    fn every_principle_decision_is_cited_by_its_number() {
        for d in DECISIONS {
            assert_eq!(d.meta.citation, format!("Ankestyrelsen {}", d.number));
        }
    }
}
