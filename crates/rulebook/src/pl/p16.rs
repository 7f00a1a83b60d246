//! PL § 16: who can be granted førtidspension (age, permanent and substantial reduction).
//!
//! Quoted from the report (ch. 3.2.1.1, L567–587), which quotes lovbekendtgørelse nr. 1208 af
//! 17. november 2017:
//!
//! > Det er en betingelse for at få tilkendt førtidspension, at arbejdsevnen er varigt nedsat.
//! > Derudover er det en betingelse, at arbejdsevnen er væsentligt nedsat. Det er formuleret
//! > således, at nedsættelsen af arbejdsevnen skal være af et sådant omfang, at borgeren uanset
//! > mulighederne for støtte efter den sociale eller anden lovgivning, herunder beskæftigelse i
//! > fleksjob, ikke vil være i stand til at blive selvforsørgende ved indtægtsgivende arbejde.
//! >
//! > Det skal enten være dokumenteret, at arbejdsevnen ikke kan forbedres, eller det skal være
//! > helt åbenbart, at arbejdsevnen ikke kan forbedres.
//! >
//! > [...] førtidspension som udgangspunkt kun skal tilkendes borgere i alderen fra 40 år og til
//! > folkepensionsalderen. Borgere i alderen fra 18 til 39 år kan dog også efter den 1. januar
//! > 2013 fortsat tilkendes førtidspension, hvis det er dokumenteret eller det på grund af
//! > særlige forhold er helt åbenbart, at arbejdsevnen ikke kan forbedres.
//!
//! L 193 (2017-18) inserted in § 16, stk. 2, after "forbedres": "ved deltagelse i relevante
//! jobafklaringsforløb, ressourceforløb eller aktiverings-, revaliderings-,
//! behandlingsmæssige eller andre foranstaltninger" (a new version from 1 June 2018).

use crate::edition::{L193_ACT, L193_IN_FORCE, REFORM_2013, REFORM_ACT};
use crate::meta::{Period, RuleMeta, SourceKind};

/// Stk. 1: the main rule, age 40 to folkepension age.
pub const ALDER_HOVEDREGEL: RuleMeta = RuleMeta {
    id: "pl.16.1.alder",
    citation: "PL § 16, stk. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 as the report describes it: 18–39 only if documented or obvious.
pub const UNGE_2013: RuleMeta = RuleMeta {
    id: "pl.16.2.unge",
    citation: "PL § 16, stk. 2",
    in_force: Period::between(REFORM_2013, L193_IN_FORCE),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 2 after L 193: improvement "ved deltagelse i relevante ... forløb".
pub const UNGE_2018: RuleMeta = RuleMeta {
    id: "pl.16.2.unge",
    citation: "PL § 16, stk. 2",
    in_force: Period::starting(L193_IN_FORCE),
    enacted_by: L193_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3, nr. 1: permanently reduced.
pub const VARIGT_NEDSAT: RuleMeta = RuleMeta {
    id: "pl.16.3.1.varigt_nedsat",
    citation: "PL § 16, stk. 3, nr. 1",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3, nr. 2: substantially reduced (not self-supporting, even in fleksjob).
pub const VAESENTLIGT_NEDSAT: RuleMeta = RuleMeta {
    id: "pl.16.3.2.vaesentligt_nedsat",
    citation: "PL § 16, stk. 3, nr. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&ALDER_HOVEDREGEL, &UNGE_2013, &UNGE_2018, &VARIGT_NEDSAT, &VAESENTLIGT_NEDSAT];

/// The minimum age for førtidspension at all (stk. 2).
pub const MINIMUM_AGE: i32 = 18;

/// The main-rule age (stk. 1).
pub const MAIN_RULE_AGE: i32 = 40;

#[cfg(test)]
mod tests {
    use crate::facts::{Criterion as C, Measure, MeasureKind};
    use crate::testkit::*;
    use crate::Status;

    fn fifty_year_old() -> crate::CaseFacts {
        citizen(d(1967, 3, 1))
    }

    #[test]
    fn a_50_year_old_with_documented_lasting_reduction_after_a_ressourceforloeb_meets_the_pension_conditions() {
        let mut f = judged(
            fifty_year_old(),
            d(2017, 10, 1),
            &[
                (C::ArbejdsevneVarigtNedsat, true),
                (C::ArbejdsevneVaesentligtNedsat, true),
                (C::KanIkkeForbedresDokumenteret, true),
                (C::AlleRelevanteTilbudAfproevet, true),
            ],
        );
        f.measures.push(Measure::new("rf1", MeasureKind::Ressourceforloeb, d(2015, 1, 1)));
        let c = eval(&f, d(2017, 11, 1));
        assert_eq!(c.tracks.foertidspension.status, Status::Opfyldt);
        assert!(cites(&c.tracks.foertidspension.findings, "rsl.5.helhedsvurdering"));
    }

    #[test]
    fn a_pension_track_without_judgements_names_the_missing_criteria() {
        let c = eval(&fifty_year_old(), d(2017, 11, 1));
        assert_eq!(c.tracks.foertidspension.status, Status::ManglerVurdering);
        let texts: String = c.tracks.foertidspension.findings.iter().map(|f| f.text.clone()).collect();
        assert!(texts.contains("arbejdsevne_varigt_nedsat"));
        assert!(texts.contains("kan_ikke_forbedres_dokumenteret"));
    }

    #[test]
    fn a_judgement_resting_on_no_documents_lacks_documentation() {
        let f = judge(fifty_year_old(), d(2017, 10, 1), C::ArbejdsevneVarigtNedsat, true, &[]);
        let c = eval(&f, d(2017, 11, 1));
        assert!(c.tracks.foertidspension.findings.iter().any(|x| x.text.contains("hviler ikke på dokumenter")));
        assert_ne!(c.tracks.foertidspension.status, Status::Opfyldt);
    }

    #[test]
    fn health_evidence_older_than_the_limit_makes_the_judgement_lack_documentation() {
        let f = judged(fifty_year_old(), d(2015, 1, 1), &[(C::ArbejdsevneVarigtNedsat, true)]);
        let c = eval(&f, d(2017, 11, 1));
        assert!(cites(&c.tracks.foertidspension.findings, "praksis.helbredsoplysninger.aktualitet"));
        let fresh = eval(&f, d(2015, 6, 1));
        assert!(!cites(&fresh.tracks.foertidspension.findings, "praksis.helbredsoplysninger.aktualitet"));
    }

    #[test]
    fn without_a_ressourceforloeb_or_development_perspective_pension_is_blocked_on_31_may_2018_but_not_on_1_june_2018()
    {
        let f = judged(
            fifty_year_old(),
            d(2018, 5, 1),
            &[
                (C::ArbejdsevneVarigtNedsat, true),
                (C::ArbejdsevneVaesentligtNedsat, true),
                (C::KanIkkeForbedresDokumenteret, true),
                (C::AlleRelevanteTilbudAfproevet, true),
                (C::AabenbartFormaalsloest, false),
                (C::Udviklingsperspektiv, false),
            ],
        );
        let before = eval(&f, d(2018, 5, 31));
        assert_eq!(before.tracks.foertidspension.status, Status::IkkeOpfyldt);
        assert!(cites(&before.tracks.foertidspension.findings, "ast.92-16"));
        let after = eval(&f, d(2018, 6, 1));
        assert_eq!(after.tracks.foertidspension.status, Status::Opfyldt);
        assert!(!cites(&after.tracks.foertidspension.findings, "ast.92-16"));
    }

    #[test]
    fn a_17_year_old_and_someone_past_folkepension_age_are_not_in_play() {
        let young = eval(&citizen(d(2001, 1, 1)), d(2018, 1, 1));
        assert_eq!(young.tracks.foertidspension.status, Status::IkkeAktuel);
        let old = eval(&citizen(d(1950, 1, 1)), d(2018, 1, 1));
        assert_eq!(old.tracks.foertidspension.status, Status::IkkeAktuel);
        assert!(cites(&old.tracks.foertidspension.findings, "pl.1a.folkepensionsalder"));
    }

    #[test]
    fn a_35_year_old_is_judged_under_the_18_to_39_rule() {
        let f = judged(citizen(d(1982, 1, 1)), d(2017, 10, 1), &[(C::KanIkkeForbedresDokumenteret, false)]);
        let c = eval(&f, d(2017, 11, 1));
        assert!(cites(&c.tracks.foertidspension.findings, "pl.16.2.unge"));
        assert_eq!(c.tracks.foertidspension.status, Status::IkkeOpfyldt);
    }
}
