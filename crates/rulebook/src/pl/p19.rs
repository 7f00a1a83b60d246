//! PL § 19: what a pension case must document; work functions; health advice.
//!
//! Quoted from the report (ch. 3.2.1.2, L591–613; ch. 7.2.2, L3154–3158; ch. 7.8.2,
//! L3413–3424), lovbekendtgørelse nr. 1208 af 17. november 2017:
//!
//! > Sagen skal indeholde dokumentation for de indsatser i form af eksempelvis
//! > ressourceforløb, som borgeren har deltaget i. [...] Derudover skal sagen også indeholde
//! > oplysninger om den faglige forklaring på, hvorfor borgerens arbejdsevne anses for varigt
//! > nedsat, og den faglige forklaring på, at arbejdsevnen ikke lader sig anvende til
//! > selvforsørgelse uanset mulighederne for støtte [...]
//! >
//! > Pensionslovens § 19, stk. 1, nr. 5, som stiller dette krav til de utvivlsomme sager, er en
//! > garantiforskrift [...] har kommunen ikke i afgørelsen om afslag på førtidspension taget
//! > stilling til mindst én realistisk arbejdsfunktion som borgeren vil kunne udføre, så kan
//! > det medføre afgørelsens ugyldighed, (medmindre det er helt ubetænkeligt at opretholde
//! > afgørelsen).
//! >
//! > Kommunen kan ved behandlingen af sager, der skal forelægges for rehabiliteringsteamet, kun
//! > benytte sundhedsfaglig rådgivning fra regionens kliniske funktion (og dermed ikke anden
//! > sundhedsfaglig rådgivning som eksempelvis lægekonsulenter). Dette fremgår blandt andet af
//! > § 19, stk. 3, i pensionsloven [...]

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1: the case documents the measures and the professional explanations.
pub const DOKUMENTATION: RuleMeta = RuleMeta {
    id: "pl.19.1.dokumentation",
    citation: "PL § 19, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 1, nr. 5: a refusal names at least one realistic work function (garantiforskrift).
pub const ARBEJDSFUNKTIONER: RuleMeta = RuleMeta {
    id: "pl.19.1.5.arbejdsfunktioner",
    citation: "PL § 19, stk. 1, nr. 5",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3: health advice in team cases only from klinisk funktion.
pub const KLINISK_FUNKTION: RuleMeta = RuleMeta {
    id: "pl.19.3.klinisk_funktion",
    citation: "PL § 19, stk. 3",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&DOKUMENTATION, &ARBEJDSFUNKTIONER, &KLINISK_FUNKTION];

#[cfg(test)]
mod tests {
    use crate::facts::{Application, ApplicationKind, Decision, DecisionOutcome, DocumentKind, TeamSubmission};
    use crate::testkit::*;

    fn refusal(work_functions: &[&str]) -> Decision {
        Decision {
            legal_basis: vec!["PL § 20, stk. 2".into(), "RSL § 5".into()],
            reasons: Some("Begrundelse".into()),
            main_considerations: Some("Hovedhensyn".into()),
            klagevejledning: true,
            work_functions: work_functions.iter().map(|w| w.to_string()).collect(),
            ..Decision::new("a1", d(2017, 11, 1), DecisionOutcome::AfslagFoertidspension)
        }
    }

    #[test]
    fn a_pension_refusal_naming_no_work_function_is_a_defect() {
        let f = citizen(d(1965, 1, 1));
        let c = crate::evaluate(&f, d(2017, 11, 2), Some(&refusal(&[]))).unwrap_or_else(|| panic!());
        assert!(cites(&c.defects, "pl.19.1.5.arbejdsfunktioner"));
        let c =
            crate::evaluate(&f, d(2017, 11, 2), Some(&refusal(&["lettere lagerarbejde"]))).unwrap_or_else(|| panic!());
        assert!(!cites(&c.defects, "pl.19.1.5.arbejdsfunktioner"));
    }

    #[test]
    fn in_a_section_17_2_case_the_missing_work_function_is_reported_as_weakened_under_p_7_04() {
        let mut f = citizen(d(1965, 1, 1));
        f.applications.push(Application::new(d(2017, 6, 1), ApplicationKind::FoertidspensionForeliggendeGrundlag));
        let c = crate::evaluate(&f, d(2017, 11, 2), Some(&refusal(&[]))).unwrap_or_else(|| panic!());
        assert!(cites(&c.defects, "ast.p-7-04"));
        assert!(!cites(&c.defects, "pl.19.1.5.arbejdsfunktioner"));
    }

    #[test]
    fn a_laegekonsulent_statement_in_a_team_case_is_a_defect_and_klinisk_funktion_is_missing() {
        let mut f = with_doc(citizen(d(1965, 1, 1)), "lk", DocumentKind::Laegekonsulent, d(2017, 9, 1));
        f.team_submissions.push(TeamSubmission { at: d(2017, 9, 15), genforelaeggelse: false });
        let c = crate::evaluate(&f, d(2017, 11, 2), Some(&refusal(&["kontor"]))).unwrap_or_else(|| panic!());
        assert!(cites(&c.defects, "pl.19.3.klinisk_funktion"));
        assert!(c.missing.iter().any(|m| m.what == "klinisk_funktion"));
    }
}
