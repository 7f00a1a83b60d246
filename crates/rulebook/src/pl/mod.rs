//! Lov om social pension (pensionsloven, PL), lovbekendtgørelse nr. 1208 af 17. november 2017.

pub mod p16;
pub mod p17;
pub mod p18;
pub mod p19;
pub mod p1a;
pub mod p20;
pub mod p21;
pub mod p26a;

use crate::meta::RuleMeta;

/// Every rule version of this act.
pub fn rules() -> Vec<&'static RuleMeta> {
    let mut all = Vec::new();
    all.extend_from_slice(p1a::RULES);
    all.extend_from_slice(p16::RULES);
    all.extend_from_slice(p17::RULES);
    all.extend_from_slice(p18::RULES);
    all.extend_from_slice(p19::RULES);
    all.extend_from_slice(p20::RULES);
    all.extend_from_slice(p21::RULES);
    all.extend_from_slice(p26a::RULES);
    all
}
