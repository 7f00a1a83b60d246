//! PL § 17, stk. 2–4: the citizen's own application, seniorførtidspension, undoubted refusals.
//!
//! Quoted from the report (ch. 3.2.1.4–3.2.1.6, L656–706), lovbekendtgørelse nr. 1208 af
//! 17. november 2017 and bekendtgørelse nr. 1555 af 18. december 2013:
//!
//! > [...] borgeren også mulighed for at ansøge om førtidspension på det foreliggende
//! > dokumentationsgrundlag efter § 17, stk. 2, i pensionsloven, hvis borgeren selv mener, at
//! > borgeren opfylder betingelserne for førtidspension.
//! >
//! > En borger, som har højst fem år til folkepensionsalderen, kan efter pensionslovens § 17,
//! > stk. 3, og bekendtgørelse nr. 1555 af 18. december 2013 ansøge om seniorførtidspension.
//! > [...] Betingelsen om langvarig tilknytning til arbejdsmarkedet er som hovedregel 25 års
//! > arbejde på fuld tid. Betingelsen om aktuel tilknytning til arbejdsmarkedet er, at borgeren
//! > kommer direkte fra beskæftigelse eller sygedagpenge, eller at borgeren har haft et
//! > helbredsbetinget arbejdsophør umiddelbart forud for ansøgningen. En kortvarig periode på
//! > kontanthjælp kan accepteres efter kommunens konkrete vurdering, men en borger, der har
//! > modtaget kontanthjælp i længere tid alene på grund af ledighed, vil ikke kunne opfylde
//! > betingelserne for seniorførtidspension. [...] bortset fra, at ansøgeren om
//! > seniorførtidspension ikke skal igennem beskæftigelsesrettede tilbud for at udvikle
//! > arbejdsevnen.
//! >
//! > [...] efter pensionslovens § 17, stk. 4, træffe afgørelse om, at en sag overgår til
//! > behandling efter reglerne om førtidspension uden forudgående forelæggelse for
//! > rehabiliteringsteamet, hvis kommunalbestyrelsen vurderer, at det er utvivlsomt, at
//! > borgeren ikke opfylder betingelserne for tilkendelse af førtidspension.
//!
//! The report says "højst fem år" here (L667) but "mindre end fem år" in a recommendation
//! (L239–240); the statute's "højst" is encoded.

use crate::edition::{REFORM_2013, REFORM_ACT};
use crate::meta::{ymd, Dated, Period, RuleMeta, SourceKind, Span};

/// Stk. 2: application on the existing evidence.
pub const FORELIGGENDE_GRUNDLAG: RuleMeta = RuleMeta {
    id: "pl.17.2.foreliggende_grundlag",
    citation: "PL § 17, stk. 2",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3: seniorførtidspension. The scheme's order is of 18 December 2013; in force from
/// 1 January 2014 (assumed from the order's date, not verified). Repealed from 1 January 2020,
/// when seniorpension (PL § 26 a, [`super::p26a`]) replaced it; applications made before then are
/// still decided under it.
pub const SENIORFOERTIDSPENSION: RuleMeta = RuleMeta {
    id: "pl.17.3.seniorfoertidspension",
    citation: "PL § 17, stk. 3",
    in_force: Period::between(ymd(2014, 1, 1), super::p26a::IN_FORCE),
    enacted_by: "Lov nr. 1380 af 23. december 2012; BEK nr. 1555 af 18. december 2013",
    source: SourceKind::Statute,
};

/// Stk. 4: undoubtedly not entitled, transition without the team.
pub const UTVIVLSOMT: RuleMeta = RuleMeta {
    id: "pl.17.4.utvivlsomt",
    citation: "PL § 17, stk. 4",
    in_force: Period::starting(REFORM_2013),
    enacted_by: REFORM_ACT,
    source: SourceKind::Statute,
};

/// Stk. 3: at most this long before folkepension age.
pub const SENIOR_VINDUE: &[Dated<Span>] =
    &[Dated { meta: RuleMeta { id: "pl.17.3.fem_aar", ..SENIORFOERTIDSPENSION }, value: Span::Years(5) }];

/// BEK 1555/2013: the main rule of 25 years' full-time work.
pub const SENIOR_ARBEJDSAAR: &[Dated<u32>] = &[Dated {
    meta: RuleMeta {
        id: "bek1555.25_aars_arbejde",
        citation: "BEK 1555/2013",
        source: SourceKind::Order,
        ..SENIORFOERTIDSPENSION
    },
    value: 25,
}];

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] =
    &[&FORELIGGENDE_GRUNDLAG, &SENIORFOERTIDSPENSION, &UTVIVLSOMT, &SENIOR_VINDUE[0].meta, &SENIOR_ARBEJDSAAR[0].meta];

#[cfg(test)]
mod tests {
    use crate::facts::{Application, ApplicationKind, Attachment, Criterion as C};
    use crate::testkit::*;
    use crate::Status;

    // Born 1 July 1955: folkepension at 67 on 1 July 2022; the 5-year window opens 1 July 2017.
    fn worn_out() -> crate::CaseFacts {
        judged(
            citizen(d(1955, 7, 1)),
            d(2017, 6, 1),
            &[(C::ArbejdsevneVarigtNedsat, true), (C::ArbejdsevneVaesentligtNedsat, true)],
        )
    }

    #[test]
    fn the_five_year_window_opens_five_years_before_folkepension_age() {
        let c = eval(&worn_out(), d(2017, 6, 30));
        assert_eq!(c.tracks.seniorfoertidspension.status, Status::IkkeAktuel);
        assert!(cites(&c.tracks.seniorfoertidspension.findings, "pl.17.3.fem_aar"));
        let c = eval(&worn_out(), d(2017, 7, 1));
        assert_eq!(c.tracks.seniorfoertidspension.status, Status::IkkeAktuel);
        assert!(cites(&c.tracks.seniorfoertidspension.findings, "praksis.seniorfoertidspension.vejledning"));
    }

    #[test]
    fn an_application_with_25_years_of_work_and_current_attachment_meets_the_conditions() {
        let mut f = worn_out();
        f.applications.push(Application {
            years_full_time_work: Some(30.0),
            current_attachment: Some(Attachment::Sygedagpenge),
            ..Application::new(d(2017, 8, 1), ApplicationKind::Seniorfoertidspension)
        });
        assert_eq!(eval(&f, d(2017, 9, 1)).tracks.seniorfoertidspension.status, Status::Opfyldt);
    }

    #[test]
    fn long_cash_benefit_for_unemployment_alone_excludes_seniorfoertidspension() {
        let mut f = worn_out();
        f.applications.push(Application {
            years_full_time_work: Some(30.0),
            current_attachment: Some(Attachment::KontanthjaelpLaenge),
            ..Application::new(d(2017, 8, 1), ApplicationKind::Seniorfoertidspension)
        });
        assert_eq!(eval(&f, d(2017, 9, 1)).tracks.seniorfoertidspension.status, Status::IkkeOpfyldt);
    }

    #[test]
    fn missing_years_of_work_is_missing_documentation() {
        let mut f = worn_out();
        f.applications.push(Application::new(d(2017, 8, 1), ApplicationKind::Seniorfoertidspension));
        assert_eq!(eval(&f, d(2017, 9, 1)).tracks.seniorfoertidspension.status, Status::ManglerDokumentation);
    }
}
