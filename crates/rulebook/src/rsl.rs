//! Retssikkerhedsloven (RSL) §§ 3, 5, 7 a and 10, lovbekendtgørelse nr. 1096 af 13. september 2017.
//!
//! Quoted from the report (L176–178, L694–697, L3085–3088, L3458–3463):
//!
//! > § 3: spørgsmål om hjælp skal behandles så hurtigt som muligt med henblik på at afgøre, om
//! > borgeren har ret til hjælp og i så fald hvilken.
//! >
//! > § 5: Hvis kommunen træffer afgørelse om afslag på førtidspension, skal kommunen samtidig
//! > vurdere borgerens sag i forhold til alle de muligheder, der findes for at give hjælp efter
//! > den sociale lovgivning.
//! >
//! > § 7 a: jobcentret senest to uger før en erhvervsrettet foranstaltning hører op, skal tage
//! > stilling til, om der er behov for yderligere foranstaltninger for at bringe borgeren
//! > tilbage til arbejdsmarkedet.
//! >
//! > § 10: ”myndigheden har ansvaret for, at sager, der behandles efter denne lov, er oplyst i
//! > tilstrækkeligt omfang til at myndigheden kan træffe afgørelse”.
//!
//! The act dates from 1997; its first edition here is the rulebook's earliest (2013).

use crate::edition::REFORM_2013;
use crate::meta::{Dated, Period, RuleMeta, SourceKind, Span};

const CONSOLIDATED: &str =
    "Lov om retssikkerhed og administration på det sociale område (LBK nr. 1096 af 13. september 2017)";

/// § 3: as fast as possible.
pub const HURTIGST_MULIGT: RuleMeta = RuleMeta {
    id: "rsl.3.hurtigst_muligt",
    citation: "RSL § 3",
    in_force: Period::starting(REFORM_2013),
    enacted_by: CONSOLIDATED,
    source: SourceKind::Statute,
};

/// § 5: assess every kind of help (also: start a pension case once the evidence suffices).
pub const HELHEDSVURDERING: RuleMeta = RuleMeta {
    id: "rsl.5.helhedsvurdering",
    citation: "RSL § 5",
    in_force: Period::starting(REFORM_2013),
    enacted_by: CONSOLIDATED,
    source: SourceKind::Statute,
};

/// § 7 a: decide on further measures at the latest 2 weeks before a measure ends.
pub const STILLINGTAGEN: RuleMeta = RuleMeta {
    id: "rsl.7a.stillingtagen",
    citation: "RSL § 7 a",
    in_force: Period::starting(REFORM_2013),
    enacted_by: CONSOLIDATED,
    source: SourceKind::Statute,
};

/// § 10: the case must be sufficiently informed.
pub const OPLYSNING: RuleMeta = RuleMeta {
    id: "rsl.10.oplysning",
    citation: "RSL § 10",
    in_force: Period::starting(REFORM_2013),
    enacted_by: CONSOLIDATED,
    source: SourceKind::Statute,
};

/// § 7 a: how long before the end.
pub const STILLINGTAGEN_FOER_OPHOER: &[Dated<Span>] = &[Dated { meta: STILLINGTAGEN, value: Span::Weeks(2) }];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&HURTIGST_MULIGT, &HELHEDSVURDERING, &STILLINGTAGEN, &OPLYSNING];

#[cfg(test)]
mod tests {
    use crate::facts::{Decision, DecisionOutcome, Measure, MeasureKind};
    use crate::testkit::*;
    use crate::DeadlineState;

    fn praktik() -> crate::CaseFacts {
        let mut f = citizen(d(1975, 1, 1));
        f.measures.push(Measure {
            planned_end: Some(d(2018, 3, 1)),
            ..Measure::new("vp", MeasureKind::Virksomhedspraktik, d(2018, 1, 1))
        });
        f
    }

    fn rsl7a(c: &crate::Conclusions) -> Option<(chrono::NaiveDate, DeadlineState)> {
        c.deadlines.iter().find(|x| x.rule == "rsl.7a.stillingtagen").map(|x| (x.due, x.state))
    }

    #[test]
    fn the_next_step_is_due_two_weeks_before_a_measure_ends() {
        assert_eq!(rsl7a(&eval(&praktik(), d(2018, 2, 15))), Some((d(2018, 2, 15), DeadlineState::Aaben)));
        assert_eq!(rsl7a(&eval(&praktik(), d(2018, 2, 16))), Some((d(2018, 2, 15), DeadlineState::Overskredet)));
    }

    #[test]
    fn a_new_measure_started_in_time_meets_the_rsl_7a_deadline() {
        let mut f = praktik();
        f.measures.push(Measure::new("mentor", MeasureKind::Mentor, d(2018, 2, 10)));
        assert_eq!(rsl7a(&eval(&f, d(2018, 3, 5))).map(|x| x.1), Some(DeadlineState::Opfyldt));
    }

    #[test]
    fn a_pension_refusal_without_an_assessment_of_other_help_is_a_defect_under_rsl_5() {
        let mut f = citizen(d(1965, 1, 1));
        f.decisions.push(Decision::new("a", d(2017, 11, 1), DecisionOutcome::AfslagFoertidspension));
        assert!(cites(&eval(&f, d(2017, 11, 2)).defects, "rsl.5.helhedsvurdering"));
        let mut cited = f.clone();
        cited.decisions[0].legal_basis.push("RSL § 5".into());
        assert!(!cites(&eval(&cited, d(2017, 11, 2)).defects, "rsl.5.helhedsvurdering"));
        f.decisions.push(Decision::new("b", d(2017, 11, 1), DecisionOutcome::BevilgetRessourceforloeb));
        assert!(!cites(&eval(&f, d(2017, 11, 2)).defects, "rsl.5.helhedsvurdering"));
    }
}
