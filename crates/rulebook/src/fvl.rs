//! Forvaltningsloven (FVL) §§ 22, 24 and 25: reasons, legal basis, main considerations, appeal guidance.
//!
//! Quoted from the report (ch. 7.7.2, L3339–3348):
//!
//! > Alle afgørelser skal begrundes efter de regler, der gælder i § 22 og § 24 i
//! > forvaltningsloven, og indeholde nødvendig klagevejledning efter forvaltningslovens § 25.
//! > Det betyder blandt andet, at en afgørelse, der ikke giver borgeren fuldt ud medhold, skal
//! > indeholde en henvisning til de retsregler, i henhold til hvilke afgørelsen er truffet.
//! > I det omfang, afgørelsen er udtryk for et skøn, der er foretaget af forvaltningen inden for
//! > lovens rammer, skal begrundelsen tillige angive de hovedhensyn, der har været bestemmende
//! > for skønsudøvelsen. Derudover skal afgørelsen indeholde en kort redegørelse for de
//! > oplysninger vedrørende sagens faktiske omstændigheder, som er tillagt væsentlig betydning
//! > for afgørelsen.
//!
//! Forvaltningsloven (lov nr. 571 af 19. december 1985) has been in force since 1 January 1987.

use crate::meta::{ymd, Period, RuleMeta, SourceKind};

const ACT: &str = "Forvaltningsloven, lov nr. 571 af 19. december 1985";

/// § 22: written decisions carry reasons.
pub const BEGRUNDELSE: RuleMeta = RuleMeta {
    id: "fvl.22.begrundelse",
    citation: "FVL § 22",
    in_force: Period::starting(ymd(1987, 1, 1)),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// § 24, stk. 1: the legal rules applied, when not fully granted.
pub const RETSREGLER: RuleMeta = RuleMeta {
    id: "fvl.24.1.retsregler",
    citation: "FVL § 24, stk. 1",
    in_force: Period::starting(ymd(1987, 1, 1)),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// § 24, stk. 1: the main considerations of a discretionary decision.
pub const HOVEDHENSYN: RuleMeta = RuleMeta {
    id: "fvl.24.1.hovedhensyn",
    citation: "FVL § 24, stk. 1",
    in_force: Period::starting(ymd(1987, 1, 1)),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// § 25: appeal guidance.
pub const KLAGEVEJLEDNING: RuleMeta = RuleMeta {
    id: "fvl.25.klagevejledning",
    citation: "FVL § 25",
    in_force: Period::starting(ymd(1987, 1, 1)),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&BEGRUNDELSE, &RETSREGLER, &HOVEDHENSYN, &KLAGEVEJLEDNING];

#[cfg(test)]
mod tests {
    use crate::facts::{Decision, DecisionOutcome};
    use crate::testkit::*;

    #[test]
    fn a_bare_refusal_lacks_reasons_legal_basis_main_considerations_and_appeal_guidance() {
        let draft = Decision::new("udkast", d(2017, 12, 1), DecisionOutcome::AfslagFleksjob);
        let c = crate::evaluate(&citizen(d(1970, 1, 1)), d(2017, 12, 1), Some(&draft)).unwrap_or_else(|| panic!());
        for rule in ["fvl.22.begrundelse", "fvl.24.1.retsregler", "fvl.24.1.hovedhensyn", "fvl.25.klagevejledning"] {
            assert!(cites(&c.defects, rule), "{rule}");
        }
        assert!(c.defects.iter().all(|x| x.text.starts_with("Udkast udkast")));
    }

    #[test]
    fn a_full_grant_with_reasons_needs_no_legal_basis_or_appeal_guidance() {
        let draft = Decision {
            reasons: Some("Betingelserne er opfyldt".into()),
            ..Decision::new("u", d(2017, 12, 1), DecisionOutcome::TilkendtFoertidspension)
        };
        let c = crate::evaluate(&citizen(d(1970, 1, 1)), d(2017, 12, 1), Some(&draft)).unwrap_or_else(|| panic!());
        assert!(!c.defects.iter().any(|x| x.rule.starts_with("fvl.")));
    }

    #[test]
    fn a_full_grant_needs_no_reasons_under_section_22() {
        let draft = Decision::new("u", d(2017, 12, 1), DecisionOutcome::BevilgetFleksjob);
        let c = crate::evaluate(&citizen(d(1970, 1, 1)), d(2017, 12, 1), Some(&draft)).unwrap_or_else(|| panic!());
        assert!(!cites(&c.defects, "fvl.22.begrundelse"));
    }
}
