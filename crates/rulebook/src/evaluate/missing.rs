//! Missing evidence for the next step: forberedende del, LÆ 265, health advice, recommendation content.

use crate::ankestyrelsen as ast;
use crate::bek_1092_2016;
use crate::bek_996_2016 as bek;
use crate::conclusions::{Missing, Route, RouteValue, Status, Tracks};
use crate::facts::{ApplicationKind, Criterion, DocumentKind, Recommendation, RecommendationOutcome};
use crate::pl::{p18, p19};
use crate::praksis;
use crate::rsl;
use crate::view::View;

pub(super) fn all(view: &View<'_>, tracks: &Tracks, route: &Route) -> Vec<Missing> {
    let mut out = Vec::new();
    let section_17_2 = view.latest_application(ApplicationKind::FoertidspensionForeliggendeGrundlag).is_some();
    let skip_obvious = route.value == RouteValue::KanUndlades && route.rule == p18::AABENBART_FORMAALSLOEST.id;
    let obvious = view.judgement(Criterion::AabenbartFormaalsloest).is_true()
        || view.judgement(Criterion::KanIkkeForbedresAabenbart).is_true();
    let before_team = route.value == RouteValue::Kraeves && view.latest_recommendation().is_none();
    let order = bek::FORBEREDENDE_DEL.in_force_on(view.as_of);

    if order && (before_team || skip_obvious) && !view.has_document(DocumentKind::ForberedendeDel) {
        let text = if skip_obvious {
            "Rehabiliteringsplanens forberedende del skal udarbejdes, også når sagen behandles uden rehabiliteringsteamet; den udfyldes i relevant og muligt omfang (BEK 996/2016 § 12). Den er kun beskrivende."
        } else {
            "Rehabiliteringsplanens forberedende del skal udarbejdes sammen med borgeren, før sagen forelægges rehabiliteringsteamet. Den er kun beskrivende og dokumenterende, uden vurdering eller indstilling."
        };
        let meta = if skip_obvious { &bek::AABENBART_FORMAALSLOEST } else { &bek::FORBEREDENDE_DEL };
        out.push(Missing::new("forberedende_del", meta, text));
    }

    if order && before_team && !view.has_document(DocumentKind::Lae265) {
        if section_17_2 {
            // 39-17: not to be obtained; nothing missing.
        } else if obvious {
            // BEK 996/2016 § 12: may be omitted when the health information suffices.
        } else {
            out.push(Missing::new("lae265", &bek::LAE265, "Den praktiserende læges vurdering på LÆ 265 skal indhentes, før sagen forelægges rehabiliteringsteamet."));
        }
    }
    if section_17_2 && before_team && ast::A39_17.in_force_on(view.as_of) {
        out.push(Missing::new("eksisterende_materiale", &ast::A39_17, "Saml det materiale, der allerede findes i sagen, og indhent det, der allerede er udarbejdet af læger og sygehuse; indhent ikke LÆ 265 og sæt ikke nye undersøgelser i gang."));
    }

    if obvious && route.value == RouteValue::Kraeves && !section_17_2 {
        let coordinator = view.has_document(DocumentKind::Sundhedskoordinator);
        let terminal = view.judgement(Criterion::TerminaltSyg).is_true();
        if !coordinator && !terminal {
            out.push(Missing::new("sundhedskoordinator", &p18::AABENBART_FORMAALSLOEST, "Regionens sundhedskoordinator skal udtale sig, hvis sagen skal behandles uden rehabiliteringsteamet (medmindre borgeren er terminalt syg)."));
        }
    }

    if view.has_document(DocumentKind::Laegekonsulent) && !view.has_document(DocumentKind::KliniskFunktion) {
        let meta = if route.value == RouteValue::KanUndlades && bek_1092_2016::KLINISK_FUNKTION.in_force_on(view.as_of)
        {
            &bek_1092_2016::KLINISK_FUNKTION
        } else {
            &p19::KLINISK_FUNKTION
        };
        out.push(Missing::new("klinisk_funktion", meta, "Sundhedsfaglig rådgivning i sagen må kun komme fra regionens kliniske funktion (og praktiserende læge), ikke fra en lægekonsulent. Indhent rådgivning fra klinisk funktion."));
    }

    let needs_health = [&tracks.foertidspension, &tracks.fleksjob, &tracks.ressourceforloeb]
        .iter()
        .any(|t| t.status != Status::IkkeAktuel);
    if needs_health {
        match view.newest_health_document() {
            None => out.push(Missing::new(
                "helbredsoplysninger",
                &rsl::OPLYSNING,
                "Sagen indeholder ingen helbredsoplysninger; sagen skal være tilstrækkeligt oplyst.",
            )),
            Some(doc) => {
                let limit = view.settings.health_evidence_max_age;
                if limit.after(doc.issued) < view.as_of {
                    out.push(Missing::new(
                        "nye_helbredsoplysninger",
                        &praksis::HELBRED_AKTUALITET,
                        format!(
                            "De nyeste helbredsoplysninger er fra {}, ældre end {}. Indhent aktuelle oplysninger.",
                            doc.issued,
                            limit.danish()
                        ),
                    ));
                }
            }
        }
    }

    if let Some(rec) = view.latest_recommendation() {
        if bek::FORBEREDENDE_DEL.in_force_on(rec.at) {
            recommendation_content(rec, &mut out);
        }
        if rec.outcome == RecommendationOutcome::Udsaettelse {
            out.push(Missing::new("oplysninger_efter_udsaettelse", &rsl::OPLYSNING, format!("Rehabiliteringsteamet udsatte sagen {}; indhent de oplysninger, teamet bad om (fx vurdering fra klinisk funktion), og forelæg sagen igen.", rec.at)));
        }
    }
    out
}

fn weighted_complete(rec: &Recommendation) -> bool {
    rec.weighted.beskaeftigelse.is_some() && rec.weighted.social.is_some() && rec.weighted.helbred.is_some()
}

fn recommendation_content(rec: &Recommendation, out: &mut Vec<Missing>) {
    let weighted_text = "Indstillingen skal angive, hvilke beskæftigelsesmæssige, sociale og helbredsmæssige forhold der er lagt vægt på.";
    match rec.outcome {
        RecommendationOutcome::Foertidspension => {
            let m = &bek::INDSTILLING_FOERTIDSPENSION;
            if !weighted_complete(rec) {
                out.push(Missing::new("indstilling.weighted", m, weighted_text));
            }
            if !rec.has(bek::KEY_FAGLIG_BEGRUNDELSE) {
                out.push(Missing::new("indstilling.faglig_begrundelse", m, "Indstillingen skal give den faglige begrundelse for, at arbejdsevnen er væsentligt og varigt nedsat, og hvorfor en eventuel arbejdsevne ikke kan bruges til selvforsørgelse."));
            }
        }
        RecommendationOutcome::Fleksjob => {
            let m = &bek::INDSTILLING_FLEKSJOB;
            if !weighted_complete(rec) {
                out.push(Missing::new("indstilling.weighted", m, weighted_text));
            }
            if !rec.has(bek::KEY_AFKLARET_BEGRUNDELSE) {
                out.push(Missing::new(
                    "indstilling.afklaret_begrundelse",
                    m,
                    "Indstillingen skal begrunde, at borgeren er afklaret i forhold til uddannelse og beskæftigelse.",
                ));
            }
            if !rec.has(bek::KEY_ORDINAERE_VILKAAR_BEGRUNDELSE) {
                out.push(Missing::new(
                    "indstilling.ordinaere_vilkaar_begrundelse",
                    m,
                    "Indstillingen skal begrunde, at borgeren ikke kan arbejde på ordinære vilkår.",
                ));
            }
            if rec.work_functions.is_empty() {
                out.push(Missing::new(
                    "indstilling.work_functions",
                    m,
                    "Indstillingen skal angive, hvilke typer fleksjob eller arbejdsfunktioner borgeren skal have.",
                ));
            }
            if rec.has(crate::facts::Criterion::KanArbejdeFaaTimer.as_str()) && !rec.has(bek::KEY_UDVIKLING_BEGRUNDELSE)
            {
                out.push(Missing::new("indstilling.udvikling_begrundelse", m, "Ved en meget begrænset arbejdsevne skal indstillingen begrunde, at arbejdsevnen kan udvikles inden for en rimelig periode."));
            }
        }
        RecommendationOutcome::Ressourceforloeb => {
            let m = &bek::INDSTILLING_RESSOURCEFORLOEB;
            if !weighted_complete(rec) {
                out.push(Missing::new("indstilling.weighted", m, weighted_text));
            }
            if rec.goal.is_none() {
                out.push(Missing::new(
                    "indstilling.goal",
                    m,
                    "Indstillingen skal angive det overordnede beskæftigelses- eller uddannelsesmål.",
                ));
            }
            if !rec.indsatser {
                out.push(Missing::new("indstilling.indsatser", m, "Indstillingen skal angive de beskæftigelsesrettede, uddannelsesrettede, sociale eller sundhedsmæssige indsatser, der er behov for."));
            }
            if !rec.has(bek::KEY_OPFOELGNING) {
                out.push(Missing::new("indstilling.opfoelgning", m, "Indstillingen skal beskrive tilrettelæggelsen af den løbende opfølgning, herunder behovet for mentor."));
            }
            if rec.see_again.is_none() {
                out.push(Missing::new(
                    "indstilling.see_again",
                    m,
                    "Indstillingen skal angive, om rehabiliteringsteamet ønsker at se sagen igen.",
                ));
            }
        }
        _ => {}
    }
}
