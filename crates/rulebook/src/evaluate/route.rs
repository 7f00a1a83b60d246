//! The route: must the rehabiliteringsteam see the case, or may it be skipped?

use crate::ankestyrelsen as ast;
use crate::conclusions::{Finding, Route, RouteValue, Status, Tracks};
use crate::facts::{ApplicationKind, Criterion, DocumentKind};
use crate::lou;
use crate::meta::RuleMeta;
use crate::pl::{p17, p18};
use crate::praksis;
use crate::view::View;

fn route_by(value: RouteValue, meta: &RuleMeta, mut findings: Vec<Finding>, text: impl Into<String>) -> Route {
    findings.insert(0, Finding::new(meta, text));
    Route { value, rule: meta.id, basis: meta.citation, findings }
}

fn in_play(status: Status) -> bool {
    matches!(status, Status::Opfyldt | Status::ManglerVurdering | Status::ManglerDokumentation)
}

pub(super) fn route(view: &View<'_>, tracks: &Tracks) -> Route {
    let mut notes = Vec::new();
    let undoubted = view.judgement(Criterion::UtvivlsomtIkkeBerettiget).is_true();
    let obvious = view.judgement(Criterion::AabenbartFormaalsloest).is_true()
        || view.judgement(Criterion::KanIkkeForbedresAabenbart).is_true();
    let other_targets = in_play(tracks.ressourceforloeb.status) || in_play(tracks.fleksjob.status);

    if let Some(submission) = view.facts.team_submissions.iter().max_by_key(|s| s.at) {
        let meeting_held = view.facts.team_meetings.iter().any(|m| m.at >= submission.at);
        if !meeting_held {
            let booking = &praksis::BOOKING_FRIST[0];
            notes.push(Finding::new(
                &booking.meta,
                format!(
                    "Sagen er sendt til rehabiliteringsteamet {}; mødet kan tidligst holdes {}.",
                    submission.at,
                    booking.value.after(submission.at)
                ),
            ));
        }
    }

    if let Some(application) = view.latest_application(ApplicationKind::FoertidspensionForeliggendeGrundlag) {
        if view.has_document(DocumentKind::Lae265)
            && view.facts.documents.iter().any(|d| d.kind == DocumentKind::Lae265 && d.received_at >= application.at)
        {
            notes.push(Finding::new(&ast::A39_17, "Der er indhentet en LÆ 265 efter borgerens ansøgning efter PL § 17, stk. 2; i disse sager skal LÆ 265 ikke indhentes."));
        }
        if undoubted {
            if other_targets {
                notes.push(Finding::new(&p17::UTVIVLSOMT, "Borgeren kan være i målgruppen for ressourceforløb eller fleksjob; sagen skal efter omstændighederne forelægges rehabiliteringsteamet efter reglerne for disse indsatser."));
            }
            return route_by(RouteValue::KanUndlades, &p17::UTVIVLSOMT, notes, "Det er vurderet utvivlsomt, at borgeren ikke opfylder betingelserne for førtidspension: sagen kan overgå og afgøres uden rehabiliteringsteamet.");
        }
        return route_by(RouteValue::Kraeves, &ast::A6_14, notes, format!("Borgeren har {} søgt førtidspension på det foreliggende grundlag (PL § 17, stk. 2); sagen skal altid forelægges rehabiliteringsteamet.", application.at));
    }

    if obvious {
        let coordinator = view.has_document(DocumentKind::Sundhedskoordinator);
        let terminal = view.judgement(Criterion::TerminaltSyg).is_true();
        if coordinator || terminal {
            let why =
                if terminal { "borgeren er terminalt syg" } else { "regionens sundhedskoordinator har udtalt sig" };
            return route_by(RouteValue::KanUndlades, &p18::AABENBART_FORMAALSLOEST, notes, format!("Det er åbenbart formålsløst at udvikle arbejdsevnen, og {why}: sagen kan behandles uden rehabiliteringsteamet."));
        }
        notes.push(Finding::new(&p18::AABENBART_FORMAALSLOEST, "Sagen kan først behandles uden rehabiliteringsteamet, når regionens sundhedskoordinator har udtalt sig, eller borgeren er terminalt syg."));
    }

    if undoubted && !other_targets {
        return route_by(RouteValue::KanUndlades, &ast::A6_14, notes, "Det er helt utvivlsomt, at betingelserne for førtidspension, fleksjob og ressourceforløb ikke er opfyldt: sagen skal ikke forelægges rehabiliteringsteamet.");
    }

    let fleksjob_application = view.latest_application(ApplicationKind::Fleksjob).is_some();
    let any_track = in_play(tracks.foertidspension.status) || other_targets;
    if fleksjob_application && tracks.fleksjob.status == Status::IkkeOpfyldt && !any_track {
        return route_by(RouteValue::KanUndlades, &ast::A6_14, notes, "Borgeren er ikke vurderet i målgruppen for fleksjob og har ikke krav på at få ansøgningen forelagt rehabiliteringsteamet.");
    }
    if !any_track && !fleksjob_application {
        return route_by(RouteValue::KanUndlades, &ast::A6_14, notes, "Der er ikke grundlag for at påbegynde en sag om førtidspension, fleksjob eller ressourceforløb; sagen forelægges kun rehabiliteringsteamet, når der er det.");
    }
    route_by(RouteValue::Kraeves, &lou::REHABILITERINGSTEAM, notes, "Hovedregel: en sag om førtidspension, fleksjob eller ressourceforløb skal forelægges rehabiliteringsteamet på et møde, hvor borgeren og sagsbehandleren deltager.")
}
