//! LAB § 68 a: the target group for ressourceforløb, and the L 193 change to stk. 2.
//!
//! Quoted from the report (ch. 3.4, L886–908), lovbekendtgørelse nr. 1342 af 21. november 2016:
//!
//! > En borger, der er fyldt 40 år, har pligt til at deltage i mindst ét ressourceforløb inden
//! > folkepensionsalderen, mens borgere i alderen 18-39 år har pligt til at deltage i flere
//! > ressourceforløb (hvis de er omfattet af målgruppen for ressourceforløb).
//! >
//! > Betingelserne for ressourceforløb fremgår af § 68 a, stk. 1 og 2, i
//! > beskæftigelsesindsatsloven. Borgeren skal have:
//! > 1) komplekse problemer ud over ledighed, der ikke har kunnet løses gennem en indsats efter
//! > denne lov eller efter lov om aktiv socialpolitik, og som kræver et helhedsorienteret
//! > forløb med en kombination af indsats efter denne lov og sociale eller sundhedsmæssige
//! > indsatser,
//! > 2) have modtaget længerevarende offentlig forsørgelse, og
//! > 3) borgeren skal have deltaget i tilbud efter denne lov eller revalidering efter kapitel 6
//! > i lov om aktiv socialpolitik uden at have øget tilknytningen til arbejdsmarkedet, eller at
//! > kommunen vurderer, at der er behov for en længerevarende indsats, før der kan fastsættes
//! > et konkret beskæftigelsesmål for borgeren.
//!
//! Stk. 2 until 31 May 2018 excepted those for whom developing work capacity was "åbenbart
//! formålsløst". L 193 (2017-18) rewrote stk. 2 from 1 June 2018; the report (L21–24) quotes
//! STAR: the decision is now made "på baggrund af en vurdering af om borgeren vil kunne
//! udvikle sin arbejdsevne og ikke alene på baggrund af, at det ikke kan udelukkes, at
//! arbejdsevnen kan udvikles gennem et ressourceforløb". (The new stk. 2 speaks of an
//! "udviklingsperspektiv"; documented or obvious non-improvement means no ressourceforløb.)

use crate::edition::{L193_ACT, L193_IN_FORCE, REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1: the three conditions.
pub const MAALGRUPPE: RuleMeta = RuleMeta {
    id: "lab.68a.1.maalgruppe",
    citation: "LAB § 68 a, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 until L 193: excepted only if obviously pointless.
pub const RELEVANS_2013: RuleMeta = RuleMeta {
    id: "lab.68a.2.relevans",
    citation: "LAB § 68 a, stk. 2",
    in_force: Period::between(REFORM_2013, L193_IN_FORCE),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 from L 193: requires a development perspective.
pub const RELEVANS_2018: RuleMeta = RuleMeta {
    id: "lab.68a.2.relevans",
    citation: "LAB § 68 a, stk. 2",
    in_force: Period::starting(L193_IN_FORCE),
    enacted_by: L193_ACT,
    source: SourceKind::Statute,
};

/// The duty to take part in ressourceforløb before førtidspension, by age.
pub const ALDERSPLIGT: RuleMeta = RuleMeta {
    id: "lab.68a.alderspligt",
    citation: "LAB § 68 a",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&MAALGRUPPE, &RELEVANS_2013, &RELEVANS_2018, &ALDERSPLIGT];

/// The stk. 2 version in force on `date`.
pub fn relevans_on(date: chrono::NaiveDate) -> Option<&'static RuleMeta> {
    crate::meta::rule_on(&[&RELEVANS_2013, &RELEVANS_2018], date)
}

#[cfg(test)]
mod tests {
    use crate::facts::Criterion as C;
    use crate::testkit::*;
    use crate::Status;

    fn target_group() -> crate::CaseFacts {
        judged(
            citizen(d(1975, 6, 1)),
            d(2018, 5, 1),
            &[
                (C::KomplekseProblemer, true),
                (C::LaengerevarendeOffentligForsoergelse, true),
                (C::TilbudUdenOegetTilknytning, true),
            ],
        )
    }

    #[test]
    fn the_same_citizen_gets_a_ressourceforloeb_on_31_may_2018_but_needs_a_development_judgement_on_1_june_2018() {
        let f = target_group();
        let before = eval(&f, d(2018, 5, 31));
        assert_eq!(before.tracks.ressourceforloeb.status, Status::Opfyldt);
        assert!(cites(&before.tracks.ressourceforloeb.findings, "ast.92-16"));
        let after = eval(&f, d(2018, 6, 1));
        assert_eq!(after.tracks.ressourceforloeb.status, Status::ManglerVurdering);
        assert!(after.tracks.ressourceforloeb.findings.iter().any(|x| x.text.contains("udviklingsperspektiv")));
        assert!(!cites(&after.tracks.ressourceforloeb.findings, "ast.92-16"));
    }

    #[test]
    fn from_1_june_2018_a_recorded_development_perspective_meets_the_condition() {
        let f = judged(target_group(), d(2018, 6, 1), &[(C::Udviklingsperspektiv, true)]);
        assert_eq!(eval(&f, d(2018, 6, 1)).tracks.ressourceforloeb.status, Status::Opfyldt);
        let f = judged(target_group(), d(2018, 6, 1), &[(C::Udviklingsperspektiv, false)]);
        assert_eq!(eval(&f, d(2018, 6, 1)).tracks.ressourceforloeb.status, Status::IkkeOpfyldt);
    }

    #[test]
    fn an_obviously_pointless_case_gets_no_ressourceforloeb_under_either_edition() {
        let f = judged(target_group(), d(2018, 5, 1), &[(C::AabenbartFormaalsloest, true)]);
        assert_eq!(eval(&f, d(2018, 5, 31)).tracks.ressourceforloeb.status, Status::IkkeOpfyldt);
        assert_eq!(eval(&f, d(2018, 6, 1)).tracks.ressourceforloeb.status, Status::IkkeOpfyldt);
    }

    #[test]
    fn either_earlier_offers_without_progress_or_a_need_for_a_longer_effort_is_enough() {
        let f = judged(
            citizen(d(1975, 6, 1)),
            d(2017, 10, 1),
            &[
                (C::KomplekseProblemer, true),
                (C::LaengerevarendeOffentligForsoergelse, true),
                (C::TilbudUdenOegetTilknytning, false),
                (C::BehovForLaengerevarendeIndsats, true),
            ],
        );
        let c = eval(&f, d(2017, 11, 1));
        assert_eq!(c.tracks.ressourceforloeb.status, Status::Opfyldt);
        assert!(cites(&c.tracks.ressourceforloeb.findings, "ast.1-15"));
        assert!(cites(&c.tracks.ressourceforloeb.findings, "ast.42-17"));
    }
}
