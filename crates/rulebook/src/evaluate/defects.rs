//! Defects that can make the latest decision or a draft invalid or unlawful.

use crate::ankestyrelsen as ast;
use crate::bek_1092_2016;
use crate::conclusions::{Finding, Status};
use crate::evaluate::tracks_on;
use crate::facts::{
    ApplicationKind, CaseFacts, Decision, DecisionOutcome as D, DocumentKind, RecommendationOutcome as R,
};
use crate::fvl;
use crate::lou;
use crate::pl::{p19, p20, p26a};
use crate::rsl;
use crate::view::View;

pub(super) fn all(view: &View<'_>, all_facts: &CaseFacts, draft: Option<&Decision>) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(latest) = view.latest_decision() {
        check(view, all_facts, latest, &format!("Afgørelse {} ({})", latest.id, latest.at), &mut out);
    }
    if let Some(draft) = draft {
        check(view, all_facts, draft, &format!("Udkast {}", draft.id), &mut out);
    }
    out
}

fn fully_granted(d: &Decision, facts: &CaseFacts) -> bool {
    let applied_fleksjob = facts.applications.iter().any(|a| a.kind == ApplicationKind::Fleksjob && a.at <= d.at);
    match d.outcome {
        D::TilkendtFoertidspension | D::TilkendtSeniorfoertidspension | D::BevilgetFleksjob => true,
        D::BevilgetRessourceforloeb => !applied_fleksjob,
        _ => false,
    }
}

fn matches_recommendation(rec: R, outcome: D) -> bool {
    // A refusal goes against the team only when it refuses what the team recommended; refusing
    // something the team did not recommend (e.g. fleksjob after "anden indsats") follows it.
    if outcome.is_refusal() {
        return !matches!(
            (rec, outcome),
            (R::Foertidspension, D::AfslagFoertidspension)
                | (R::Fleksjob, D::AfslagFleksjob)
                | (R::Ressourceforloeb, D::AfslagRessourceforloeb)
        );
    }
    matches!(
        (rec, outcome),
        (R::Foertidspension, D::TilkendtFoertidspension)
            | (R::Fleksjob, D::BevilgetFleksjob)
            | (R::Ressourceforloeb, D::BevilgetRessourceforloeb)
            | (R::AndenIndsats | R::Revalidering, D::AndenIndsats)
            | (R::Udsaettelse, _)
    )
}

fn check(view: &View<'_>, all_facts: &CaseFacts, d: &Decision, label: &str, out: &mut Vec<Finding>) {
    let on = d.at.min(view.as_of);
    let facts = all_facts.as_of(on);
    let mut push = |meta: &crate::meta::RuleMeta, text: String| {
        if meta.in_force_on(on) {
            out.push(Finding::new(meta, format!("{label}: {text}")));
        }
    };

    // FVL §§ 22, 24, 25: none of them applies to a decision that fully grants the application
    // (FVL § 22: "medmindre afgørelsen fuldt ud giver den pågældende part medhold").
    if !fully_granted(d, &facts) {
        if d.reasons.as_deref().is_none_or(|r| r.trim().is_empty()) {
            push(&fvl::BEGRUNDELSE, "afgørelsen giver ikke fuldt medhold, men indeholder ingen begrundelse.".into());
        }
        if d.legal_basis.is_empty() {
            push(
                &fvl::RETSREGLER,
                "afgørelsen giver ikke fuldt medhold, men henviser ikke til de retsregler, den er truffet efter."
                    .into(),
            );
        }
        if d.main_considerations.as_deref().is_none_or(|m| m.trim().is_empty()) {
            push(
                &fvl::HOVEDHENSYN,
                "afgørelsen angiver ikke de hovedhensyn, der har været bestemmende for skønnet.".into(),
            );
        }
        if !d.klagevejledning {
            push(&fvl::KLAGEVEJLEDNING, "afgørelsen indeholder ikke klagevejledning.".into());
        }
    }

    // PL § 20, stk. 3: meeting offer before a pension decision.
    if d.outcome.is_pension() {
        let case_start = facts
            .pension_transitions
            .iter()
            .map(|t| t.at)
            .chain(facts.applications.iter().filter(|a| a.kind != ApplicationKind::Fleksjob).map(|a| a.at))
            .filter(|t| *t <= d.at)
            .max();
        let offered = facts.meeting_offers.iter().any(|o| o.at <= d.at && case_start.is_none_or(|s| o.at >= s));
        if !offered {
            push(&p20::MOEDETILBUD, "borgeren er ikke tilbudt et møde med den, der træffer afgørelsen, før afgørelsen om førtidspension; det kan medføre ugyldighed.".into());
        }
    }

    // PL § 26 a: from 2020 seniorførtidspension is decided only on an application made before.
    if matches!(d.outcome, D::TilkendtSeniorfoertidspension | D::AfslagSeniorfoertidspension) && d.at >= p26a::IN_FORCE
    {
        let applied_before = facts
            .applications
            .iter()
            .any(|a| a.kind == ApplicationKind::Seniorfoertidspension && a.at < p26a::IN_FORCE);
        if !applied_before {
            push(&p26a::SENIORPENSION, "seniorførtidspension er afløst af seniorpension fra 1. januar 2020, og borgeren søgte ikke seniorførtidspension før da; afgørelsen mangler hjemmel. Borgeren kan søge seniorpension.".into());
        }
    }

    // PL § 19, stk. 1, nr. 5 / § 20, stk. 2: concrete work functions in a pension refusal.
    if d.outcome == D::AfslagFoertidspension && d.work_functions.is_empty() {
        let on_existing = facts
            .applications
            .iter()
            .any(|a| a.kind == ApplicationKind::FoertidspensionForeliggendeGrundlag && a.at <= d.at);
        if on_existing {
            push(&ast::P7_04, "afslaget nævner ingen konkret arbejdsfunktion. Sagen er behandlet på det foreliggende grundlag (PL § 17, stk. 2), hvor kravet er svækket (P-7-04); overvej, om mindst én realistisk arbejdsfunktion bør angives.".into());
        } else {
            push(&p19::ARBEJDSFUNKTIONER, "afslaget på førtidspension angiver ikke mindst én realistisk, konkret arbejdsfunktion (garantiforskrift, jf. PL § 20, stk. 2); det kan medføre ugyldighed, medmindre det er helt ubetænkeligt.".into());
        }
    }

    // LOU § 11, stk. 2: deciding against the team without re-presentation.
    if let Some(rec) = facts.recommendations.iter().filter(|r| r.at <= d.at).max_by_key(|r| r.at) {
        if !matches_recommendation(rec.outcome, d.outcome) {
            let represented =
                facts.team_submissions.iter().any(|s| s.genforelaeggelse && s.at > rec.at && s.at <= d.at);
            if !represented {
                push(&lou::GENFORELAEGGELSE, format!("afgørelsen ({}) følger ikke rehabiliteringsteamets indstilling af {}, og sagen er ikke genforelagt teamet; afgørelsen kan blive ugyldig.", d.outcome.as_str(), rec.at));
            }
        }
    } else if matches!(d.outcome, D::TilkendtFoertidspension | D::BevilgetFleksjob | D::BevilgetRessourceforloeb) {
        let decision_view = View::new(all_facts, on, view.settings);
        let decision_tracks = tracks_on(all_facts, on, view.settings);
        let route = super::route::route(&decision_view, &decision_tracks);
        if route.value == crate::conclusions::RouteValue::Kraeves {
            push(&lou::REHABILITERINGSTEAM, "der er truffet afgørelse uden en indstilling fra rehabiliteringsteamet, og sagen kunne ikke undlades forelagt.".into());
        }
    }

    // 64-11: something else granted when fleksjob was applied for, without a fleksjob refusal.
    let applied_fleksjob = facts.applications.iter().any(|a| a.kind == ApplicationKind::Fleksjob && a.at <= d.at);
    if applied_fleksjob && matches!(d.outcome, D::BevilgetRessourceforloeb | D::AndenIndsats) {
        let refused_same_day = facts.decisions.iter().any(|o| o.outcome == D::AfslagFleksjob && o.at == d.at);
        if !refused_same_day {
            push(&ast::A64_11, "borgeren har søgt fleksjob, men får bevilget noget andet uden samtidig afgørelse om afslag på fleksjob; borgeren skal kunne klage over afslaget.".into());
        }
    }

    // Lægekonsulent in a rehabilitation case (PL § 19, stk. 3; BEK 1092/2016 § 1, stk. 3).
    if facts.documents.iter().any(|doc| doc.kind == DocumentKind::Laegekonsulent && doc.received_at <= d.at) {
        let team_case = !facts.team_submissions.is_empty() || !facts.recommendations.is_empty();
        let meta = if team_case { &p19::KLINISK_FUNKTION } else { &bek_1092_2016::KLINISK_FUNKTION };
        push(meta, "sagen indeholder en udtalelse fra en lægekonsulent; sundhedsfaglig rådgivning må kun komme fra klinisk funktion (og praktiserende læge).".into());
    }

    // RSL § 5 after a pension refusal.
    if d.outcome == D::AfslagFoertidspension {
        let other_decision = facts.decisions.iter().any(|o| o.at == d.at && !o.outcome.is_pension());
        let cites_rsl5 = d
            .legal_basis
            .iter()
            .any(|b| b.replace(' ', "").to_lowercase().contains("rsl§5") || b.contains("retssikkerhedslovens § 5"));
        if !other_decision && !cites_rsl5 {
            push(&rsl::HELHEDSVURDERING, "afslaget på førtidspension er ikke ledsaget af en vurdering af borgerens muligheder for anden hjælp efter den sociale lovgivning.".into());
        }
    }

    // 1-15: refusing ressourceforløb although its conditions are met.
    if matches!(d.outcome, D::AfslagRessourceforloeb | D::AndenIndsats) {
        let tracks = tracks_on(all_facts, on, view.settings);
        if tracks.ressourceforloeb.status == Status::Opfyldt {
            push(&ast::A1_15, "betingelserne for ressourceforløb er opfyldt; ressourceforløb skal bevilges, selv om kommunen finder en anden indsats tilstrækkelig.".into());
        }
    }
}
