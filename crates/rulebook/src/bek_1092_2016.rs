//! BEK 1092/2016 § 1, stk. 3: health advice only from klinisk funktion (and the praktiserende læge).
//!
//! Bekendtgørelse nr. 1092 af 3. august 2016 om kommuners og regioners samarbejde om
//! sundhedsfaglig rådgivning og vurdering i sager om ressourceforløb, fleksjob, førtidspension
//! mv. Quoted from the report (ch. 7.8.1, L3386–3391; ch. 7.8.2, L3436–3441):
//!
//! > [...] hvis kommunen vil indhente yderligere lægelige vurderinger i disse sager, så kan
//! > kommunen alene benytte sundhedsfaglig rådgivning og vurdering fra klinisk funktion og
//! > praktiserende læge – på samme måde som i de sager, der forelægges for
//! > rehabiliteringsteamet. Dette følger af § 1, stk. 3, i bekendtgørelse nr. 1092 af 3. august
//! > 2016 [...]
//!
//! In force from the order's date (its own entry-into-force date is not verified).

use crate::meta::{ymd, Period, RuleMeta, SourceKind};

/// § 1, stk. 3: cases outside the team also use only klinisk funktion and the praktiserende læge.
pub const KLINISK_FUNKTION: RuleMeta = RuleMeta {
    id: "bek1092.1.3.klinisk_funktion",
    citation: "BEK 1092/2016 § 1, stk. 3",
    in_force: Period::starting(ymd(2016, 8, 3)),
    enacted_by: "BEK nr. 1092 af 3. august 2016",
    source: SourceKind::Order,
};

/// Every rule version in this file.
pub const RULES: &[&RuleMeta] = &[&KLINISK_FUNKTION];

#[cfg(test)]
mod tests {
    use crate::facts::{Criterion as C, Decision, DecisionOutcome, DocumentKind};
    use crate::testkit::*;

    #[test]
    fn a_laegekonsulent_in_a_case_outside_the_team_is_a_defect_under_bek_1092() {
        let f = judged(citizen(d(1960, 1, 1)), d(2017, 9, 1), &[(C::UtvivlsomtIkkeBerettiget, true)]);
        let mut f = with_doc(f, "lk", DocumentKind::Laegekonsulent, d(2017, 9, 1));
        f.decisions.push(Decision::new("a", d(2017, 10, 1), DecisionOutcome::AfslagRessourceforloeb));
        let c = eval(&f, d(2017, 10, 2));
        assert!(cites(&c.defects, "bek1092.1.3.klinisk_funktion"));
    }
}
