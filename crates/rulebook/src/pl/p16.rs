//! PL § 16: who can be granted førtidspension (age, permanent and substantial reduction).
//!
//! Quoted from the report (ch. 3.2.1.1, L567–587), which quotes lovbekendtgørelse nr. 1208 af
//! 17. november 2017:
//!
//! > Det er en betingelse for at få tilkendt førtidspension, at arbejdsevnen er varigt nedsat.
//! > Derudover er det en betingelse, at arbejdsevnen er væsentligt nedsat. Det er formuleret
//! > således, at nedsættelsen af arbejdsevnen skal være af et sådant omfang, at borgeren uanset
//! > mulighederne for støtte efter den sociale eller anden lovgivning, herunder beskæftigelse i
//! > fleksjob, ikke vil være i stand til at blive selvforsørgende ved indtægtsgivende arbejde.
//! >
//! > Det skal enten være dokumenteret, at arbejdsevnen ikke kan forbedres, eller det skal være
//! > helt åbenbart, at arbejdsevnen ikke kan forbedres.
//! >
//! > [...] førtidspension som udgangspunkt kun skal tilkendes borgere i alderen fra 40 år og til
//! > folkepensionsalderen. Borgere i alderen fra 18 til 39 år kan dog også efter den 1. januar
//! > 2013 fortsat tilkendes førtidspension, hvis det er dokumenteret eller det på grund af
//! > særlige forhold er helt åbenbart, at arbejdsevnen ikke kan forbedres.
//!
//! L 193 (2017-18) inserted in § 16, stk. 2, after "forbedres": "ved deltagelse i relevante
//! jobafklaringsforløb, ressourceforløb eller aktiverings-, revaliderings-,
//! behandlingsmæssige eller andre foranstaltninger" (a new version from 1 June 2018).

use crate::edition::{L193_ACT, L193_IN_FORCE, REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1: the main rule, age 40 to folkepension age.
pub const ALDER_HOVEDREGEL: RuleMeta = RuleMeta {
    id: "pl.16.1.alder",
    citation: "PL § 16, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 as the report describes it: 18–39 only if documented or obvious.
pub const UNGE_2013: RuleMeta = RuleMeta {
    id: "pl.16.2.unge",
    citation: "PL § 16, stk. 2",
    in_force: Period::between(REFORM_2013, L193_IN_FORCE),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 after L 193: improvement "ved deltagelse i relevante ... forløb".
pub const UNGE_2018: RuleMeta = RuleMeta {
    id: "pl.16.2.unge",
    citation: "PL § 16, stk. 2",
    in_force: Period::starting(L193_IN_FORCE),
    enacted_by: L193_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3, nr. 1: permanently reduced.
pub const VARIGT_NEDSAT: RuleMeta = RuleMeta {
    id: "pl.16.3.1.varigt_nedsat",
    citation: "PL § 16, stk. 3, nr. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3, nr. 2: substantially reduced (not self-supporting, even in fleksjob).
pub const VAESENTLIGT_NEDSAT: RuleMeta = RuleMeta {
    id: "pl.16.3.2.vaesentligt_nedsat",
    citation: "PL § 16, stk. 3, nr. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&ALDER_HOVEDREGEL, &UNGE_2013, &UNGE_2018, &VARIGT_NEDSAT, &VAESENTLIGT_NEDSAT];

/// The minimum age for førtidspension at all (stk. 2).
pub const MINIMUM_AGE: i32 = 18;

/// The main-rule age (stk. 1).
pub const MAIN_RULE_AGE: i32 = 40;
