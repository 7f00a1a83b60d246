//! LOU §§ 9 and 11: the rehabiliteringsteam as the main route, and re-presentation on disagreement.
//!
//! LOU is lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., lov nr. 1482
//! af 23. december 2014. Quoted from the report (ch. 7.1–7.2.3, L3094–3098, L3162–3164;
//! ch. 7.7.1, L3330–3335):
//!
//! > Rehabiliteringsteamet er [...] et dialog- og koordineringsforum, som har til opgave at
//! > afgive indstillinger i sager om blandt andet førtidspension, fleksjob og ressourceforløb.
//! >
//! > Det er som hovedregel en betingelse for at påbegynde en sag om førtidspension, fleksjob
//! > eller ressourceforløb, at sagen har været forelagt kommunens rehabiliteringsteam på et
//! > møde, hvor borgeren og borgerens sagsbehandler personligt skal deltage.
//! >
//! > Hvis kommunen derimod er uenig i rehabiliteringsteamets indstilling, skal kommunen
//! > genforelægge sagen for rehabiliteringsteamet igen, før kommunen træffer afgørelse i
//! > sagen. Dette følger af § 11, stk. 2 [...] Hvis kommunen i denne situation ikke
//! > genforelægger sagen og eksempelvis giver afslag på tilkendelse af førtidspension, kan
//! > afgørelsen efter en konkret vurdering blive ugyldig.
//!
//! The main rule's paragraph (§ 9, stk. 1) was researched, not taken from the report. The
//! team was created by the 2013 reform; until LOU took effect on 1 January 2015 the same rules
//! stood in the earlier act on the employment effort. That earlier placement is not encoded
//! separately: the LOU citation is used from 2013.

use crate::edition::REFORM_2013;
use crate::meta::{Period, RuleMeta, SourceKind};

const ACT: &str = "Lov nr. 1380 af 23. december 2012; LOU, lov nr. 1482 af 23. december 2014";

/// § 9, stk. 1: the team gives a recommendation before decisions on the three tracks.
pub const REHABILITERINGSTEAM: RuleMeta = RuleMeta {
    id: "lou.9.1.rehabiliteringsteam",
    citation: "LOU § 9, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// § 11, stk. 2: re-present before deciding against the recommendation.
pub const GENFORELAEGGELSE: RuleMeta = RuleMeta {
    id: "lou.11.2.genforelaeggelse",
    citation: "LOU § 11, stk. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&REHABILITERINGSTEAM, &GENFORELAEGGELSE];

#[cfg(test)]
mod tests {
    use crate::facts::{Decision, DecisionOutcome, Recommendation, RecommendationOutcome, TeamSubmission};
    use crate::testkit::*;

    fn recommended_pension() -> crate::CaseFacts {
        let mut f = citizen(d(1965, 1, 1));
        f.recommendations.push(Recommendation::new("i1", d(2017, 9, 1), RecommendationOutcome::Foertidspension));
        f.decisions.push(Decision::new("a1", d(2017, 11, 1), DecisionOutcome::AfslagFoertidspension));
        f
    }

    #[test]
    fn refusing_pension_against_the_team_without_re_presentation_is_a_defect() {
        assert!(cites(&eval(&recommended_pension(), d(2017, 11, 2)).defects, "lou.11.2.genforelaeggelse"));
    }

    #[test]
    fn re_presenting_the_case_before_deciding_removes_the_defect() {
        let mut f = recommended_pension();
        f.team_submissions.push(TeamSubmission { at: d(2017, 10, 1), genforelaeggelse: true });
        assert!(!cites(&eval(&f, d(2017, 11, 2)).defects, "lou.11.2.genforelaeggelse"));
    }

    #[test]
    fn refusing_fleksjob_after_the_team_recommended_another_measure_follows_the_team() {
        let mut f = citizen(d(1970, 1, 1));
        f.recommendations.push(Recommendation::new("i1", d(2017, 9, 1), RecommendationOutcome::AndenIndsats));
        f.decisions.push(Decision::new("a1", d(2017, 11, 1), DecisionOutcome::AfslagFleksjob));
        assert!(!cites(&eval(&f, d(2017, 11, 2)).defects, "lou.11.2.genforelaeggelse"));
        f.recommendations[0].outcome = RecommendationOutcome::Fleksjob;
        assert!(cites(&eval(&f, d(2017, 11, 2)).defects, "lou.11.2.genforelaeggelse"));
    }

    #[test]
    fn the_team_is_the_main_route_when_a_track_is_in_play() {
        let c = eval(&citizen(d(1965, 1, 1)), d(2017, 11, 2));
        assert_eq!(c.route.rule, "lou.9.1.rehabiliteringsteam");
    }
}
