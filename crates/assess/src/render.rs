//! The assessment in plain Danish for a caseworker: tracks, route, deadlines, defects, missing evidence.

use std::fmt::Write;

use crate::{Assessment, DeadlineState, Finding, RouteValue, Status, Track};

/// Renders an assessment as plain Danish text: each track's status in words with every finding,
/// why and its citation; the route; running deadlines with dates and state; defects; and the
/// evidence still missing.
pub fn render_da(a: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Vurdering af sag {} pr. {}", a.case, journal::format_date_da(a.as_of));
    let _ = writeln!(out, "Regelgrundlag: {} ({})", a.edition_name, a.edition);
    let age = a.citizen_age.map_or_else(|| "alder ukendt".to_owned(), |age| format!("{age} år"));
    let _ = writeln!(out, "Borger: {age}. Sagens stade: {}.", phase_da(a.phase));
    if let Some(draft) = &a.draft {
        let _ = writeln!(
            out,
            "Udkast til afgørelse kontrolleret: {} ({}, {}).",
            draft.id,
            draft.outcome,
            journal::format_date_da(draft.at)
        );
    }

    let _ = writeln!(out, "\nSpor");
    for (name, track) in [
        ("Førtidspension", &a.tracks.foertidspension),
        ("Seniorførtidspension", &a.tracks.seniorfoertidspension),
        ("Fleksjob", &a.tracks.fleksjob),
        ("Ressourceforløb", &a.tracks.ressourceforloeb),
    ] {
        track_da(&mut out, name, track);
    }

    let _ = writeln!(out, "\nRehabiliteringsteamet");
    let route = match a.route.value {
        RouteValue::Kraeves => "Sagen skal forelægges rehabiliteringsteamet",
        RouteValue::KanUndlades => "Sagen kan behandles uden rehabiliteringsteamet",
    };
    let _ = writeln!(out, "  {route} ({}).", a.route.basis);
    findings_da(&mut out, &a.route.findings);

    let _ = writeln!(out, "\nFrister");
    if a.deadlines.is_empty() {
        let _ = writeln!(out, "  Ingen løbende frister.");
    }
    for d in &a.deadlines {
        let state = match d.state {
            DeadlineState::Aaben => "åben",
            DeadlineState::Overskredet => "OVERSKREDET",
            DeadlineState::Opfyldt => "overholdt",
        };
        let _ =
            writeln!(out, "  - {} ({state}): {}\n      Hjemmel: {}", journal::format_date_da(d.due), d.text, d.basis);
    }

    let _ = writeln!(out, "\nMangler ved afgørelsen");
    if a.defects.is_empty() {
        let none =
            if a.draft.is_some() { "Ingen fundet i seneste afgørelse eller udkastet." } else { "Ingen fundet." };
        let _ = writeln!(out, "  {none}");
    }
    findings_da(&mut out, &a.defects);

    let _ = writeln!(out, "\nOplysninger, der mangler til næste skridt");
    if a.missing.is_empty() {
        let _ = writeln!(out, "  Ingen.");
    }
    for m in &a.missing {
        let _ = writeln!(out, "  - {}\n      Hjemmel: {}", m.text, m.basis);
    }
    out
}

fn track_da(out: &mut String, name: &str, track: &Track) {
    let status = match track.status {
        Status::Opfyldt => "betingelserne er opfyldt",
        Status::IkkeOpfyldt => "betingelserne er ikke opfyldt",
        Status::ManglerVurdering => "der mangler en faglig vurdering",
        Status::ManglerDokumentation => "der mangler dokumentation, eller den er for gammel",
        Status::IkkeAktuel => "ikke aktuelt",
    };
    let _ = writeln!(out, "  {name}: {status}");
    findings_da(out, &track.findings);
}

fn findings_da(out: &mut String, findings: &[Finding]) {
    for f in findings {
        let _ = writeln!(out, "    - {}\n        Hjemmel: {}", f.text, f.basis);
    }
}

fn phase_da(phase: &str) -> &'static str {
    match phase {
        "aaben" => "åben, ikke forelagt rehabiliteringsteamet",
        "forelagt_rehabiliteringsteam" => "forelagt rehabiliteringsteamet, venter på møde",
        "behandlet" => "behandlet på rehabiliteringsmøde, venter på indstilling",
        "indstillet" => "indstillet, venter på afgørelse",
        "pensionssag" => "under behandling efter reglerne om førtidspension",
        "afgjort" => "afgjort",
        "paaklaget" => "påklaget, venter på Ankestyrelsen",
        _ => "ukendt",
    }
}
