//! The catalogue of every rule version, for documentation generators and tests.

use crate::meta::RuleMeta;
use crate::{ankestyrelsen, bek_1092_2016, bek_996_2016, fvl, lab, lou, pl, praksis, rsl};

/// Every rule version the rulebook knows, grouped by act.
pub fn catalogue() -> Vec<&'static RuleMeta> {
    let mut all = pl::rules();
    all.extend(lab::rules());
    all.extend_from_slice(rsl::RULES);
    all.extend_from_slice(fvl::RULES);
    all.extend_from_slice(lou::RULES);
    all.extend_from_slice(bek_996_2016::RULES);
    all.extend_from_slice(bek_1092_2016::RULES);
    all.extend(ankestyrelsen::rules());
    all.extend_from_slice(praksis::RULES);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_versions_of_one_rule_are_never_in_force_on_the_same_day() {
        let all = catalogue();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.id == b.id {
                    assert!(!a.in_force.overlaps(&b.in_force), "{} overlaps itself", a.id);
                }
            }
        }
    }

    #[test]
    fn every_rule_has_an_id_a_citation_and_an_origin() {
        for meta in catalogue() {
            assert!(!meta.id.is_empty() && meta.id.is_ascii() && !meta.id.contains(' '), "{}", meta.id);
            assert!(!meta.citation.is_empty(), "{}", meta.id);
            assert!(!meta.enacted_by.is_empty(), "{}", meta.id);
            if let Some(to) = meta.in_force.to {
                assert!(to > meta.in_force.from, "{}", meta.id);
            }
        }
    }

    #[test]
    fn citations_are_written_as_danish_lawyers_write_them() {
        let all = catalogue();
        let cites: Vec<&str> = all.iter().map(|m| m.citation).collect();
        for expected in [
            "PL § 21, stk. 1",
            "LAB § 70, stk. 3",
            "RSL § 7 a",
            "FVL § 22",
            "BEK 996/2016 § 9",
            "LOU § 11, stk. 2",
            "Ankestyrelsen 64-11",
        ] {
            assert!(cites.contains(&expected), "{expected}");
        }
    }
}
