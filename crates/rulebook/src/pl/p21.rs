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

#[cfg(test)]
mod tests {
    use crate::facts::{Decision, DecisionOutcome, DelayLetter, PensionTransition};
    use crate::testkit::*;
    use crate::DeadlineState;

    fn transitioned() -> crate::CaseFacts {
        let mut f = citizen(d(1965, 1, 1));
        f.pension_transitions.push(PensionTransition { at: d(2017, 11, 30), notified: true });
        f
    }

    fn pl21(c: &crate::Conclusions) -> Option<&crate::Deadline> {
        c.deadlines.iter().find(|x| x.rule == "pl.21.1.afgoerelsesfrist")
    }

    #[test]
    fn the_decision_is_due_three_months_after_the_transition_clamped_to_month_end() {
        let c = eval(&transitioned(), d(2018, 2, 28));
        let deadline = pl21(&c).unwrap_or_else(|| panic!("no deadline"));
        assert_eq!(deadline.due, d(2018, 2, 28));
        assert_eq!(deadline.state, DeadlineState::Aaben);
        assert_eq!(pl21(&eval(&transitioned(), d(2018, 3, 1))).map(|x| x.state), Some(DeadlineState::Overskredet));
    }

    #[test]
    fn a_decision_in_time_meets_the_deadline() {
        let mut f = transitioned();
        f.decisions.push(Decision::new("a", d(2018, 2, 1), DecisionOutcome::TilkendtFoertidspension));
        assert_eq!(pl21(&eval(&f, d(2018, 6, 1))).map(|x| x.state), Some(DeadlineState::Opfyldt));
    }

    #[test]
    fn a_timely_delay_letter_sets_an_expected_date_to_keep() {
        let mut f = transitioned();
        f.delay_letters.push(DelayLetter {
            at: d(2018, 2, 20),
            expected_by: Some(d(2018, 4, 1)),
            reason: Some("Afventer speciallæge".into()),
        });
        let c = eval(&f, d(2018, 3, 15));
        assert_eq!(pl21(&c).map(|x| x.state), Some(DeadlineState::Opfyldt));
        let expected = c.deadlines.iter().find(|x| x.rule == "pl.21.1.forventet_afgoerelse");
        assert_eq!(expected.map(|x| (x.due, x.state)), Some((d(2018, 4, 1), DeadlineState::Aaben)));
    }
}
