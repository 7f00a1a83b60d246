//! Decisions (afgoerelser) with their content, and appeals to Ankestyrelsen.

use super::*;

impl CaseGen<'_> {
    /// The municipality's decision. Most are complete; some miss main considerations, work
    /// functions in a refusal or the appeal guidance.
    pub(super) fn decision(&mut self, at: NaiveDate, outcome: AfgoerelseOutcome, first: bool) -> String {
        let id = self.next_id(3);
        let legal_basis: Vec<String> = match outcome {
            AfgoerelseOutcome::TilkendtFoertidspension => vec!["PL § 16, stk. 2".into(), "PL § 18, stk. 1".into()],
            AfgoerelseOutcome::AfslagFoertidspension => vec!["PL § 16, stk. 2".into(), "PL § 20, stk. 2".into()],
            AfgoerelseOutcome::TilkendtSeniorfoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                vec!["PL § 17, stk. 3".into()]
            }
            AfgoerelseOutcome::BevilgetFleksjob | AfgoerelseOutcome::AfslagFleksjob => vec!["LAB § 70".into()],
            AfgoerelseOutcome::BevilgetRessourceforloeb | AfgoerelseOutcome::AfslagRessourceforloeb => {
                vec!["LAB § 68 a".into()]
            }
            AfgoerelseOutcome::AndenIndsats => vec!["RSL § 5".into()],
        };
        let reasons = match outcome {
            AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::TilkendtSeniorfoertidspension => {
                "Arbejdsevnen er varigt nedsat i et omfang, så du ikke kan forsørge dig selv ved indtægtsgivende arbejde, heller ikke i et fleksjob."
            }
            AfgoerelseOutcome::AfslagFoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                "Din arbejdsevne er ikke varigt nedsat i et omfang, der berettiger til førtidspension; du kan arbejde i de nævnte funktioner."
            }
            AfgoerelseOutcome::BevilgetFleksjob => {
                "Din arbejdsevne er varigt og væsentligt nedsat, og du kan ikke arbejde på ordinære vilkår."
            }
            AfgoerelseOutcome::AfslagFleksjob => "Du vurderes at kunne arbejde på ordinære vilkår i de nævnte funktioner.",
            AfgoerelseOutcome::BevilgetRessourceforloeb => {
                "Du har komplekse problemer og behov for en længerevarende, helhedsorienteret indsats."
            }
            AfgoerelseOutcome::AfslagRessourceforloeb => "Du vurderes at kunne profitere af en ordinær indsats.",
            AfgoerelseOutcome::AndenIndsats => "Der iværksættes en anden indsats efter rehabiliteringsteamets indstilling.",
        };
        let refusal = matches!(
            outcome,
            AfgoerelseOutcome::AfslagFoertidspension
                | AfgoerelseOutcome::AfslagSeniorfoertidspension
                | AfgoerelseOutcome::AfslagFleksjob
        );
        let names_functions = match outcome {
            AfgoerelseOutcome::AfslagFoertidspension | AfgoerelseOutcome::AfslagSeniorfoertidspension => {
                self.chance(0.88)
            }
            AfgoerelseOutcome::AfslagFleksjob => self.chance(0.5),
            _ => false,
        };
        let work_functions = (refusal && names_functions).then(|| self.work_functions());
        let main_considerations = self.chance(0.92).then(|| self.pick(text::MAIN_CONSIDERATIONS).to_owned());
        let klagevejledning = Some(self.chance(if first { 0.98 } else { 0.99 }));
        let by =
            if matches!(outcome, AfgoerelseOutcome::TilkendtFoertidspension | AfgoerelseOutcome::AfslagFoertidspension)
                && self.ctx.profile.code == "101"
                && at < NaiveDate::from_ymd_opt(2018, 4, 1).unwrap_or(at)
            {
                // Until 1 April 2018 Socialforvaltningen decided pension cases in Copenhagen.
                let n = self.rng.gen_range(1..=self.ctx.pool[Unit::Sof.index()].max(2));
                Some(format!("sb:101-sof-{n:03}"))
            } else {
                self.by_cw()
            };
        let body = EventBody::Afgoerelse(Afgoerelse {
            outcome,
            legal_basis: Some(legal_basis),
            reasons: Some(reasons.to_owned()),
            work_functions,
            main_considerations,
            klagevejledning,
        });
        self.push(at, by, Some(id.clone()), body);
        id
    }

    /// The citizen appeals `decision`; Ankestyrelsen answers 3–9 months later. Returns its result and date.
    pub(super) fn appeal(
        &mut self,
        decided: NaiveDate,
        decision: &str,
        grant: bool,
    ) -> Option<(AnkeResult, NaiveDate)> {
        let klage = decided + self.days(14, 80);
        self.push(klage, Some("borger".into()), None, EventBody::Klage { about: decision.to_owned() });
        let answered = klage + self.days(90, 270);
        let x = self.u();
        let result = if grant {
            if x < 0.95 {
                AnkeResult::Stadfaestet
            } else {
                AnkeResult::Afvist
            }
        } else if x < 0.925 {
            AnkeResult::Stadfaestet
        } else if x < 0.97 {
            AnkeResult::Afvist
        } else if x < 0.988 {
            AnkeResult::Aendret
        } else {
            AnkeResult::Hjemvist
        };
        self.push(answered, None, None, EventBody::Ankestyrelsen { about: decision.to_owned(), result });
        self.open_for(answered).then_some((result, answered))
    }
}
