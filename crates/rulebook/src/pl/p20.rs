//! PL § 20: grant on documentation, refusal, and the meeting offer before a pension decision.
//!
//! Quoted from the report (ch. 3.2.1.2, L602–604; ch. 3.2.1.6, L689–692; ch. 7.7,
//! L3315–3323), lovbekendtgørelse nr. 1208 af 17. november 2017:
//!
//! > Hvis borgeren skal kunne tilkendes førtidspension efter pensionslovens § 20, stk. 1, på
//! > baggrund af dokumentationen, skal det fremgå, at alle relevante indsatser i den
//! > beskæftigelsesrettede indsats, herunder eksempelvis deltagelse i ressourceforløb, er
//! > forsøgt.
//! >
//! > Efter § 20, stk. 2 i pensionsloven træffer kommunen afgørelse om afslag på
//! > førtidspension, når det efter en samlet faglig vurdering af de foreliggende oplysninger
//! > må anses for dokumenteret, at en person ved konkret angivne arbejdsfunktioner enten
//! > umiddelbart eller ved en nærmere angivet indsats, jf. § 16, kan blive selvforsørgende.
//! >
//! > Det følger imidlertid af pensionslovens § 20, stk. 3, at borgeren i førtidspensionssager
//! > skal have tilbud om på et møde at udtale sig over for den eller de personer, der skal
//! > træffe afgørelsen, inden der træffes afgørelse om førtidspension. [...] En sådan regel som
//! > § 20, stk. 3, i pensionsloven gælder ikke i sager om fleksjob eller ressourceforløb.

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1: all relevant measures, incl. ressourceforløb, tried.
pub const ALLE_INDSATSER: RuleMeta = RuleMeta {
    id: "pl.20.1.alle_indsatser",
    citation: "PL § 20, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2: refusal names concrete work functions.
pub const AFSLAG: RuleMeta = RuleMeta {
    id: "pl.20.2.afslag",
    citation: "PL § 20, stk. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3: offer of a meeting with the decision-maker.
pub const MOEDETILBUD: RuleMeta = RuleMeta {
    id: "pl.20.3.moedetilbud",
    citation: "PL § 20, stk. 3",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&ALLE_INDSATSER, &AFSLAG, &MOEDETILBUD];

#[cfg(test)]
mod tests {
    use crate::facts::{Decision, DecisionOutcome, MeetingOffer, PensionTransition};
    use crate::testkit::*;

    fn grant(outcome: DecisionOutcome) -> Decision {
        Decision {
            reasons: Some("Begrundelse".into()),
            klagevejledning: true,
            ..Decision::new("a1", d(2017, 12, 1), outcome)
        }
    }

    #[test]
    fn a_pension_decision_without_a_meeting_offer_is_a_defect() {
        let mut f = citizen(d(1965, 1, 1));
        f.pension_transitions.push(PensionTransition { at: d(2017, 10, 1), notified: true });
        f.decisions.push(grant(DecisionOutcome::TilkendtFoertidspension));
        let c = eval(&f, d(2017, 12, 2));
        assert!(cites(&c.defects, "pl.20.3.moedetilbud"));
        f.meeting_offers.push(MeetingOffer { at: d(2017, 11, 1) });
        assert!(!cites(&eval(&f, d(2017, 12, 2)).defects, "pl.20.3.moedetilbud"));
    }

    #[test]
    fn a_fleksjob_decision_needs_no_meeting_offer() {
        let mut f = citizen(d(1965, 1, 1));
        f.decisions.push(grant(DecisionOutcome::BevilgetFleksjob));
        assert!(!cites(&eval(&f, d(2017, 12, 2)).defects, "pl.20.3.moedetilbud"));
    }
}
