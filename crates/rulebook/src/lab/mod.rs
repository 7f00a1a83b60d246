//! Lov om en aktiv beskæftigelsesindsats (LAB), lovbekendtgørelse nr. 1342 af 21. november 2016.
//!
//! The report dates the consolidation 21 November 2016 (L813–815); the text of L 193 as tabled
//! refers to "lovbekendtgørelse nr. 1342 af 11. november 2016". Kept as the report has it.

pub mod kontaktforloeb;
pub mod p68a;
pub mod p69_70;

use crate::meta::RuleMeta;

/// Every rule version of this act.
pub fn rules() -> Vec<&'static RuleMeta> {
    let mut all = Vec::new();
    all.extend_from_slice(p68a::RULES);
    all.extend_from_slice(p69_70::RULES);
    all.extend_from_slice(kontaktforloeb::RULES);
    all
}
