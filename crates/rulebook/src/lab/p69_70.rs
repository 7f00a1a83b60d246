//! LAB §§ 69–70: the fleksjob target group, few-hours fleksjob, and "everything tried first".
//!
//! Quoted from the report (ch. 3.3, L813–837; ch. 1, L171–174), lovbekendtgørelse nr. 1342 af
//! 21. november 2016:
//!
//! > Målgruppen for fleksjob er borgere, der ikke kan opnå eller fastholde beskæftigelse på
//! > normale vilkår på arbejdsmarkedet på grund af varige og væsentlige begrænsninger i
//! > arbejdsevnen, men hvor der stadig er en arbejdsevne på nogle timer om ugen, og hvor
//! > arbejdsevnen ikke er så nedsat, at førtidspension kan tilkendes.
//! >
//! > ”Fleksjob kan først tilbydes, når alle relevante tilbud …, har været afprøvet for at bringe
//! > eller fastholde den pågældende i ordinær beskæftigelse. Undtaget herfra er tilfælde, hvor
//! > det er åbenbart formålsløst at gennemføre de nævnte foranstaltninger forud for
//! > visitationen.” (§ 70, stk. 3)
//! >
//! > En borger, hvis arbejdsevne er varigt og væsentligt nedsat, og hvor kommunen vurderer, at
//! > borgeren aktuelt alene kan arbejde nogle få timer om ugen, vil kunne blive visiteret til et
//! > fleksjob, hvis der er mulighed for, at borgerens arbejdsevne kan udvikles inden for en
//! > rimelig periode, således at borgeren vil kunne øge sin arbejdsindsats på et senere
//! > tidspunkt. (§ 70, stk. 2, since the 2013 reform)

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// §§ 69–70: the target group.
pub const MAALGRUPPE: RuleMeta = RuleMeta {
    id: "lab.69_70.maalgruppe",
    citation: "LAB §§ 69-70",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// § 70, stk. 2: few hours only with development within a reasonable period.
pub const FAA_TIMER: RuleMeta = RuleMeta {
    id: "lab.70.2.faa_timer",
    citation: "LAB § 70, stk. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// § 70, stk. 3: all relevant offers tried unless obviously pointless.
pub const AFPROEVET: RuleMeta = RuleMeta {
    id: "lab.70.3.afproevet",
    citation: "LAB § 70, stk. 3",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&MAALGRUPPE, &FAA_TIMER, &AFPROEVET];

#[cfg(test)]
mod tests {
    use crate::facts::{Criterion as C, Measure, MeasureKind};
    use crate::testkit::*;
    use crate::Status;

    fn limited() -> crate::CaseFacts {
        judged(
            citizen(d(1970, 1, 1)),
            d(2017, 10, 1),
            &[
                (C::ArbejdsevneVarigtNedsat, true),
                (C::ArbejdsevneVaesentligtNedsat, true),
                (C::KanIkkeArbejdePaaOrdinaereVilkaar, true),
                (C::KanIkkeForbedresDokumenteret, false),
                (C::AlleRelevanteTilbudAfproevet, true),
            ],
        )
    }

    #[test]
    fn a_few_hours_fleksjob_needs_development_within_a_reasonable_period() {
        let f = judged(
            limited(),
            d(2017, 10, 1),
            &[(C::KanArbejdeFaaTimer, true), (C::UdviklingIndenForRimeligPeriode, false)],
        );
        let c = eval(&f, d(2017, 11, 1));
        assert_eq!(c.tracks.fleksjob.status, Status::IkkeOpfyldt);
        assert!(cites(&c.tracks.fleksjob.findings, "lab.70.2.faa_timer"));
    }

    #[test]
    fn fleksjob_requires_a_tried_ressourceforloeb_unless_few_hours_and_clarified() {
        let f = judged(limited(), d(2017, 10, 1), &[(C::KanArbejdeFaaTimer, false)]);
        assert_eq!(eval(&f, d(2017, 11, 1)).tracks.fleksjob.status, Status::IkkeOpfyldt);
        let mut tried = f.clone();
        tried.measures.push(Measure::new("rf", MeasureKind::Ressourceforloeb, d(2015, 1, 1)));
        assert_eq!(eval(&tried, d(2017, 11, 1)).tracks.fleksjob.status, Status::Opfyldt);
    }

    #[test]
    fn whether_the_citizen_can_only_work_few_hours_must_be_judged() {
        let c = eval(&limited(), d(2017, 11, 1));
        assert_eq!(c.tracks.fleksjob.status, Status::ManglerVurdering);
        assert!(c.tracks.fleksjob.findings.iter().any(|x| x.text.contains("kan_arbejde_faa_timer")));
    }
}
