//! BEK 996/2016 §§ 8, 9, 10 and 12: the rehabilitation plan and the content of the team's recommendation.
//!
//! Bekendtgørelse nr. 996 af 29. juni 2016 om rehabiliteringsplan og rehabiliteringsteamets
//! indstilling om ressourceforløb, fleksjob, førtidspension mv. Quoted from the report
//! (ch. 7.2.2 and 7.3–7.5, L3131–3152, L3190–3288; ch. 7.8.1, L3376–3384):
//!
//! > Forud for, at en sag forelægges for rehabiliteringsteamet, skal kommunen udarbejde
//! > rehabiliteringsplanens forberedende del. [...] skal kommunen også indhente praktiserende
//! > læges vurdering af borgerens helbred i forhold til at kunne arbejde på en blanket [...] LÆ
//! > 265. [...] Hvis sagen behandles på det foreliggende dokumentationsgrundlag efter § 17,
//! > stk. 2, i pensionsloven, skal LÆ 265 ikke indhentes.
//! >
//! > (§ 10) [...] skal det fremgå af rehabiliteringsteamets indstilling, hvilke
//! > beskæftigelsesmæssige, sociale og helbredsmæssige forhold, der er lagt vægt på. [...] hvad
//! > den faglige forklaring/begrundelse er, for at borgerens arbejdsevne anses for væsentligt og
//! > varigt nedsat, og hvorfor en eventuel arbejdsevne ikke lader sig anvende til
//! > selvforsørgelse [...]
//! >
//! > (§ 9) Rehabiliteringsteamet skal desuden begrunde, at borgeren er afklaret i forhold til
//! > uddannelse og beskæftigelse, og at borgeren ikke kan arbejde på ordinære vilkår. I
//! > begrundelsen skal også angives hvilke typer af fleksjob eller arbejdsfunktioner [...] Hvis
//! > rehabiliteringsteamet vil indstille en borger, der aktuelt har en meget begrænset
//! > arbejdsevne til fleksjob, skal rehabiliteringsteamet i de sager begrunde, at borgeren kan
//! > udvikle sin arbejdsevne inden for en rimelig periode.
//! >
//! > (§ 8) [...] teamets vurdering af: hvilket overordnet beskæftigelses- eller
//! > uddannelsesmål, der er relevant for borgeren; hvilke [...] indsatser, der er behov for
//! > [...]; tilrettelæggelsen af den løbende opfølgning under forløbet, herunder behovet for
//! > tilbud om mentor, og hvorvidt rehabiliteringsteamet ønsker at se sagen igen.
//! >
//! > (§ 12) Rehabiliteringsplanens forberedende del kun skal udfyldes i relevant og muligt
//! > omfang i disse sager, og [...] Det kan undlades at indhente LÆ 265, hvis kommunen vurderer,
//! > at der foreligger tilstrækkelige helbredsmæssige oplysninger i sagen.
//!
//! In force from 1 July 2016 (assumed from the order's date; not verified). The orders before
//! it are not encoded, so these checks do not run for earlier dates.
//!
//! Content keys the rules look for in [`crate::facts::Recommendation::content_keys`] are the
//! `KEY_*` constants below; `assess` maps the journal's outcome-specific content onto them.

use crate::meta::{ymd, Period, RuleMeta, SourceKind};

const ORDER: &str = "BEK nr. 996 af 29. juni 2016";
const FROM: Period = Period::starting(ymd(2016, 7, 1));

/// The forberedende del before the team (also "i relevant og muligt omfang" under § 12).
pub const FORBEREDENDE_DEL: RuleMeta = RuleMeta {
    id: "bek996.forberedende_del",
    citation: "BEK 996/2016",
    in_force: FROM,
    enacted_by: ORDER,
    source: SourceKind::Order,
};

/// The LÆ 265 before the team.
pub const LAE265: RuleMeta = RuleMeta { id: "bek996.lae265", ..FORBEREDENDE_DEL };

/// § 8: content of a recommendation of ressourceforløb.
pub const INDSTILLING_RESSOURCEFORLOEB: RuleMeta =
    RuleMeta { id: "bek996.8.indstilling_ressourceforloeb", citation: "BEK 996/2016 § 8", ..FORBEREDENDE_DEL };

/// § 9: content of a recommendation of fleksjob.
pub const INDSTILLING_FLEKSJOB: RuleMeta =
    RuleMeta { id: "bek996.9.indstilling_fleksjob", citation: "BEK 996/2016 § 9", ..FORBEREDENDE_DEL };

/// § 10: content of a recommendation of førtidspension.
pub const INDSTILLING_FOERTIDSPENSION: RuleMeta =
    RuleMeta { id: "bek996.10.indstilling_foertidspension", citation: "BEK 996/2016 § 10", ..FORBEREDENDE_DEL };

/// § 12: obviously pointless cases: reduced forberedende del, optional LÆ 265.
pub const AABENBART_FORMAALSLOEST: RuleMeta =
    RuleMeta { id: "bek996.12.aabenbart_formaalsloest", citation: "BEK 996/2016 § 12", ..FORBEREDENDE_DEL };

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[
    &FORBEREDENDE_DEL,
    &LAE265,
    &INDSTILLING_RESSOURCEFORLOEB,
    &INDSTILLING_FLEKSJOB,
    &INDSTILLING_FOERTIDSPENSION,
    &AABENBART_FORMAALSLOEST,
];

/// § 10: the professional explanation why work capacity is substantially and permanently
/// reduced and cannot be used for self-support.
pub const KEY_FAGLIG_BEGRUNDELSE: &str = "faglig_begrundelse";
/// § 9: reasons that the citizen is clarified as to education and work.
pub const KEY_AFKLARET_BEGRUNDELSE: &str = "afklaret_begrundelse";
/// § 9: reasons that the citizen cannot work on ordinary terms.
pub const KEY_ORDINAERE_VILKAAR_BEGRUNDELSE: &str = "ordinaere_vilkaar_begrundelse";
/// § 9: reasons that very limited capacity can develop within a reasonable period.
pub const KEY_UDVIKLING_BEGRUNDELSE: &str = "udvikling_begrundelse";
/// § 8: how follow-up is organised, incl. the need for a mentor.
pub const KEY_OPFOELGNING: &str = "opfoelgning";

#[cfg(test)]
mod tests {
    use crate::facts::{Application, ApplicationKind, Recommendation, RecommendationOutcome};
    use crate::testkit::*;

    #[test]
    fn before_the_team_the_forberedende_del_and_the_lae265_are_missing() {
        let c = eval(&citizen(d(1970, 1, 1)), d(2017, 11, 1));
        assert!(c.missing.iter().any(|m| m.what == "forberedende_del"));
        assert!(c.missing.iter().any(|m| m.what == "lae265" && m.basis == "BEK 996/2016"));
    }

    #[test]
    fn in_a_section_17_2_case_the_lae265_is_not_to_be_obtained() {
        let mut f = citizen(d(1970, 1, 1));
        f.applications.push(Application::new(d(2017, 10, 1), ApplicationKind::FoertidspensionForeliggendeGrundlag));
        let c = eval(&f, d(2017, 11, 1));
        assert!(!c.missing.iter().any(|m| m.what == "lae265"));
        assert!(c.missing.iter().any(|m| m.what == "forberedende_del"));
    }

    #[test]
    fn a_ressourceforloeb_recommendation_must_state_goal_measures_follow_up_and_whether_to_see_the_case_again() {
        let mut f = citizen(d(1970, 1, 1));
        f.recommendations.push(Recommendation::new("i", d(2017, 10, 1), RecommendationOutcome::Ressourceforloeb));
        let c = eval(&f, d(2017, 11, 1));
        for what in [
            "indstilling.weighted",
            "indstilling.goal",
            "indstilling.indsatser",
            "indstilling.opfoelgning",
            "indstilling.see_again",
        ] {
            assert!(c.missing.iter().any(|m| m.what == what && m.basis == "BEK 996/2016 § 8"), "{what}");
        }
    }

    #[test]
    fn recommendation_content_is_not_checked_before_the_order_entered_into_force() {
        let mut f = citizen(d(1970, 1, 1));
        f.recommendations.push(Recommendation::new("i", d(2016, 6, 1), RecommendationOutcome::Foertidspension));
        assert!(!eval(&f, d(2016, 6, 30)).missing.iter().any(|m| m.what.starts_with("indstilling.")));
        f.recommendations[0].at = d(2016, 7, 1);
        assert!(eval(&f, d(2016, 7, 1)).missing.iter().any(|m| m.what == "indstilling.faglig_begrundelse"));
    }
}
