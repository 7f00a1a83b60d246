//! PL § 21, stk. 1: the decision within 3 months of the transition, or a delay letter.
//!
//! Quoted from the report (ch. 7.7.3, L3352–3357), lovbekendtgørelse nr. 1208 af
//! 17. november 2017:
//!
//! > Det fremgår i øvrigt af pensionslovens § 21, stk. 1, at kommunen skal træffe afgørelse i
//! > en sag senest 3 måneder efter det tidspunkt, hvor sagen overgik til behandling efter
//! > reglerne om førtidspension. Hvis fristen i særlige tilfælde ikke kan overholdes, skal
//! > borgeren have en redegørelse for, hvad der er årsag til den forlængede
//! > sagsbehandlingstid, og besked om, hvornår sagen forventes afgjort.

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{Dated, Period, RuleMeta, SourceKind, Span};

/// The 3-month decision deadline.
pub const AFGOERELSESFRIST: RuleMeta = RuleMeta {
    id: "pl.21.1.afgoerelsesfrist",
    citation: "PL § 21, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// The expected date given in a delay letter.
pub const FORVENTET_AFGOERELSE: RuleMeta = RuleMeta { id: "pl.21.1.forventet_afgoerelse", ..AFGOERELSESFRIST };

/// The length of the deadline.
pub const FRIST: &[Dated<Span>] = &[Dated { meta: AFGOERELSESFRIST, value: Span::Months(3) }];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&AFGOERELSESFRIST, &FORVENTET_AFGOERELSE];
