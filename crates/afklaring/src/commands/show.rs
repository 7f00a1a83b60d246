//! `afklaring show CASE`: the case as a readable timeline in Danish, for a caseworker with 20 minutes.

use crate::common::{case_id, date, load_case, log_read, open_store, DbArg};
use chrono::NaiveDate;
use journal::{CaseState, Event, EventBody};
use std::collections::HashMap;
use std::fmt::Write;

/// Show one case: who the citizen is, where the case stands, and every event in order.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The case id.
    pub case: String,
    /// Show the case as it stood on this date (default: today).
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring show`.
pub fn run(args: &ShowArgs) -> anyhow::Result<()> {
    let mut store = open_store(&args.db.db)?;
    let case = case_id(&args.case)?;
    let as_of = match &args.as_of {
        Some(text) => date(text)?,
        None => chrono::Local::now().date_naive(),
    };
    let events = load_case(store.as_ref(), &case)?;
    log_read(store.as_mut(), Some(&case), "afklaring show")?;
    // Staff known to the web application are shown by name; other actor ids as they are.
    let names = crate::common::staff_names(store.as_ref())?;
    print!("{}", render(&events, as_of, &names));
    Ok(())
}

/// Renders the timeline of a case's events up to `as_of`, naming actors found in `names`.
pub fn render(events: &[Event], as_of: NaiveDate, names: &HashMap<String, String>) -> String {
    let name = |actor: &str| names.get(actor).map_or_else(|| actor.to_owned(), |n| format!("{n} ({actor})"));
    let mut out = String::new();
    let Some(state) = CaseState::fold(events, Some(as_of)) else {
        return format!("Sagen havde ingen hændelser pr. {as_of}.\n");
    };
    let _ = writeln!(out, "Sag {}  (pr. {as_of})", state.case);
    if let Some(citizen) = &state.citizen {
        let age = state.age_on(as_of).map_or(String::from("?"), |a| a.to_string());
        let sex = citizen.sex.map_or("køn ikke oplyst", |s| s.label_da());
        let _ =
            writeln!(out, "Borger: født {} ({age} år), {sex}, {}", citizen.birth_date, citizen.municipality.label_da());
    }
    let support = state.current_support().map_or("ingen registreret", |y| y.label_da());
    let _ = writeln!(out, "Forsørgelse nu: {support}");
    match state.current_assignment() {
        Some(a) => {
            let _ = writeln!(
                out,
                "Sagsbehandler: {}, enhed {}, siden {}; {} skift af sagsbehandler",
                name(&a.caseworker),
                a.unit,
                a.at,
                state.handovers()
            );
        }
        None => {
            let _ = writeln!(out, "Sagsbehandler: ingen tildelt");
        }
    }
    let _ = writeln!(out, "Status: {}", phase_da(state.phase()));
    let _ = writeln!(out, "Sidste hændelse: {}", state.last_event.map_or(String::from("-"), |d| d.to_string()));
    let _ = writeln!(out, "\nTidslinje:");
    for event in events.iter().filter(|e| e.date() <= as_of) {
        let by = event.by.as_deref().map(|b| format!("  [{}]", name(b))).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {}: {}{by}",
            event.date(),
            event.event_type().label_da(),
            describe(event, as_of, &name)
        );
    }
    out
}

fn phase_da(phase: journal::Phase) -> &'static str {
    use journal::Phase::*;
    match phase {
        Aaben => "åben, ikke forelagt rehabiliteringsteamet",
        ForelagtRehabiliteringsteam => "forelagt rehabiliteringsteamet, venter på møde",
        Behandlet => "behandlet på rehabiliteringsmøde, venter på indstilling",
        Indstillet => "indstillet, venter på afgørelse",
        PensionsSag => "under behandling efter pensionsreglerne",
        Afgjort => "afgjort",
        Paaklaget => "påklaget, venter på Ankestyrelsen",
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() * 12 / 365
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "ingen".into()
    } else {
        items.join(", ")
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "ja"
    } else {
        "nej"
    }
}

/// One line describing an event's content.
fn describe(event: &Event, as_of: NaiveDate, name: &dyn Fn(&str) -> String) -> String {
    match &event.body {
        EventBody::Borger { municipality, .. } => format!("sagen oprettet i {}", municipality.label_da()),
        EventBody::YdelseStart { ydelse } | EventBody::YdelseSlut { ydelse } => ydelse.label_da().to_owned(),
        EventBody::Tildelt { sagsbehandler, enhed } => format!("{}, enhed {enhed}", name(sagsbehandler)),
        EventBody::Samtale { kind } => kind.clone(),
        EventBody::Dokument { kind, issued, author, findings } => {
            let mut text = format!(
                "{} (id {}), udstedt {issued}, {} måneder gammelt",
                kind.label_da(),
                event.id.as_deref().unwrap_or("-"),
                months_between(*issued, as_of)
            );
            if let Some(author) = author {
                let _ = write!(text, ", fra {author}");
            }
            if let Some(group) = findings.as_ref().and_then(|f| f.diagnosis_group) {
                let _ = write!(text, "; diagnosegruppe: {}", group.label_da());
            }
            text
        }
        EventBody::IndsatsStart { kind, hours_per_week, planned_end, .. } => {
            let mut text = format!("{kind} (id {})", event.id.as_deref().unwrap_or("-"));
            if let Some(hours) = hours_per_week {
                let _ = write!(text, ", {hours} timer/uge");
            }
            if let Some(end) = planned_end {
                let _ = write!(text, ", planlagt slut {end}");
            }
            text
        }
        EventBody::IndsatsSlut { kind } => {
            format!("{} (id {})", kind.as_deref().unwrap_or("indsats"), event.id.as_deref().unwrap_or("-"))
        }
        EventBody::Vurdering { criterion, value, basis, .. } => {
            format!("{}: {} (bygger på {})", criterion.label_da(), yes_no(*value), list(basis))
        }
        EventBody::Ansoegning { kind, .. } => kind.label_da().to_owned(),
        EventBody::ForelagtRehabiliteringsteam { genforelaeggelse } => {
            if genforelaeggelse.unwrap_or(false) {
                "genforelæggelse".into()
            } else {
                "første forelæggelse".into()
            }
        }
        EventBody::Rehabiliteringsmoede { attendees } => format!("deltagere: {}", list(attendees)),
        EventBody::Indstilling { outcome, .. } => {
            format!("{} (id {})", outcome.label_da(), event.id.as_deref().unwrap_or("-"))
        }
        EventBody::PartshoeringSendt { about } => format!("om {about}"),
        EventBody::OvergangFoertidspension { notified } => format!("borgeren orienteret: {}", yes_no(*notified)),
        EventBody::MoedeTilbudt => "tilbudt (PL § 20, stk. 3)".into(),
        EventBody::Afgoerelse(decision) => {
            let basis = decision.legal_basis.clone().unwrap_or_default();
            format!(
                "{} (id {}), hjemmel: {}, klagevejledning: {}",
                decision.outcome.label_da(),
                event.id.as_deref().unwrap_or("-"),
                list(&basis),
                decision.klagevejledning.map_or("ikke oplyst", yes_no)
            )
        }
        EventBody::Udsaettelsesbrev { expected_by, reason } => {
            format!("forventet afgørelse {expected_by}; {}", reason.as_deref().unwrap_or("ingen begrundelse"))
        }
        EventBody::Klage { about } => format!("over afgørelse {about}"),
        EventBody::Ankestyrelsen { about, result } => format!("{} (afgørelse {about})", result.label_da()),
        EventBody::Note { text } => text.clone(),
    }
}
