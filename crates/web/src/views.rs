//! What each page shows, as plain data: the same structs feed the Danish HTML templates and the
//! JSON API, so a page and its API twin never disagree.

use crate::date_da;
use assess::{Assessment, DeadlineState, Status, Track};
use chrono::NaiveDate;
use journal::{AfgoerelseOutcome, CaseState, Event, EventBody, Phase};
use serde::Serialize;
use utoipa::ToSchema;

/// A case for the caseworker's case page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseView {
    pub case: String,
    /// The version the page was rendered from; writes must send it back.
    pub version: u64,
    pub citizen_age: Option<u32>,
    pub birth_date: Option<String>,
    pub municipality: Option<String>,
    pub support: Option<String>,
    pub caseworker: Option<String>,
    pub unit: Option<String>,
    pub assigned_since: Option<String>,
    pub handovers: usize,
    pub phase: String,
    pub phase_label: String,
    pub tracks: Vec<TrackView>,
    pub route: RouteView,
    pub deadlines: Vec<DeadlineView>,
    pub missing: Vec<BasisText>,
    pub defects: Vec<BasisText>,
    pub documents: Vec<DocumentView>,
    pub measures: Vec<MeasureView>,
    pub decisions: Vec<DecisionView>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    pub edition_name: String,
}

/// One track: its status in words and why, condition by condition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrackView {
    pub key: String,
    pub name: String,
    pub status: String,
    pub status_label: String,
    pub findings: Vec<Citation>,
}

/// A finding with its rule and legal citation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Citation {
    pub rule: String,
    pub basis: String,
    pub text: String,
}

/// Whether the rehabilitation team must see the case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RouteView {
    pub required: bool,
    pub label: String,
    pub basis: String,
    pub findings: Vec<Citation>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlineView {
    pub rule: String,
    pub basis: String,
    pub due: String,
    pub due_label: String,
    /// `aaben`, `overskredet` or `opfyldt`.
    pub state: String,
    pub state_label: String,
    pub text: String,
}

/// Something missing or wrong, with its legal basis.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BasisText {
    pub what: String,
    pub basis: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub issued: String,
    pub received: String,
    pub age_months: i64,
    pub author: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeasureView {
    pub id: String,
    pub kind: String,
    pub start: String,
    pub planned_end: Option<String>,
    pub ended: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    pub id: String,
    pub at: String,
    pub outcome: String,
    pub outcome_label: String,
    pub appealed: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    pub date: String,
    pub kind: String,
    pub label: String,
    pub text: String,
    pub by: Option<String>,
}

/// The Danish word for a case's phase.
pub fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::Aaben => "Åben – ikke forelagt rehabiliteringsteamet",
        Phase::ForelagtRehabiliteringsteam => "Forelagt rehabiliteringsteamet – venter på møde",
        Phase::Behandlet => "Behandlet på rehabiliteringsmøde – venter på indstilling",
        Phase::Indstillet => "Indstillet – venter på afgørelse",
        Phase::PensionsSag => "Under behandling efter reglerne om førtidspension",
        Phase::Afgjort => "Afgjort",
        Phase::Paaklaget => "Påklaget – venter på Ankestyrelsen",
    }
}

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Opfyldt => "Betingelserne er opfyldt",
        Status::IkkeOpfyldt => "Betingelserne er ikke opfyldt",
        Status::ManglerVurdering => "Mangler faglig vurdering",
        Status::ManglerDokumentation => "Mangler dokumentation",
        Status::IkkeAktuel => "Ikke aktuelt",
    }
}

pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Opfyldt => "opfyldt",
        Status::IkkeOpfyldt => "ikke_opfyldt",
        Status::ManglerVurdering => "mangler_vurdering",
        Status::ManglerDokumentation => "mangler_dokumentation",
        Status::IkkeAktuel => "ikke_aktuel",
    }
}

fn track_view(key: &str, name: &str, track: &Track) -> TrackView {
    TrackView {
        key: key.into(),
        name: name.into(),
        status: status_key(track.status).into(),
        status_label: status_label(track.status).into(),
        findings: track
            .findings
            .iter()
            .map(|f| Citation { rule: f.rule.into(), basis: f.basis.into(), text: f.text.clone() })
            .collect(),
    }
}

fn deadline_state(state: DeadlineState) -> (&'static str, &'static str) {
    match state {
        DeadlineState::Aaben => ("aaben", "Løber"),
        DeadlineState::Overskredet => ("overskredet", "Overskredet"),
        DeadlineState::Opfyldt => ("opfyldt", "Overholdt"),
    }
}

/// Whole months from one date to another.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() * 12 / 365
}

/// The four tracks as views.
pub fn tracks(a: &Assessment) -> Vec<TrackView> {
    vec![
        track_view("foertidspension", "Førtidspension", &a.tracks.foertidspension),
        track_view("seniorfoertidspension", "Seniorførtidspension", &a.tracks.seniorfoertidspension),
        track_view("fleksjob", "Fleksjob", &a.tracks.fleksjob),
        track_view("ressourceforloeb", "Ressourceforløb", &a.tracks.ressourceforloeb),
    ]
}

impl CaseView {
    /// Builds the case page from a case's events and its assessment as of `as_of`.
    pub fn build(events: &[Event], version: u64, state: &CaseState, a: &Assessment, as_of: NaiveDate) -> CaseView {
        let assignment = state.current_assignment();
        let support = state.current_support().map(|y| {
            let since = state.support.iter().rev().find(|p| p.to.is_none()).map(|p| p.from);
            match since {
                Some(since) => format!("{} siden {}", y.label_da(), date_da(since)),
                None => y.label_da().to_owned(),
            }
        });
        let mut deadlines: Vec<DeadlineView> = a
            .deadlines
            .iter()
            .map(|d| {
                let (state, label) = deadline_state(d.state);
                DeadlineView {
                    rule: d.rule.into(),
                    basis: d.basis.into(),
                    due: journal::format_date(d.due),
                    due_label: date_da(d.due),
                    state: state.into(),
                    state_label: label.into(),
                    text: d.text.clone(),
                }
            })
            .collect();
        deadlines.sort_by_key(|d| {
            (
                if d.state == "overskredet" {
                    0
                } else if d.state == "aaben" {
                    1
                } else {
                    2
                },
                d.due.clone(),
            )
        });
        CaseView {
            case: state.case.to_string(),
            version,
            citizen_age: state.age_on(as_of),
            birth_date: state.citizen.as_ref().map(|c| journal::format_date(c.birth_date)),
            municipality: state.citizen.as_ref().map(|c| c.municipality.to_string()),
            support,
            caseworker: assignment.map(|a| a.caseworker.clone()),
            unit: assignment.map(|a| a.unit.clone()),
            assigned_since: assignment.map(|a| date_da(a.at)),
            handovers: state.handovers(),
            phase: assess::phase_id(state.phase()).into(),
            phase_label: phase_label(state.phase()).into(),
            tracks: tracks(a),
            route: RouteView {
                required: a.route.value == assess::RouteValue::Kraeves,
                label: match a.route.value {
                    assess::RouteValue::Kraeves => "Sagen skal forelægges rehabiliteringsteamet".into(),
                    assess::RouteValue::KanUndlades => "Sagen kan behandles uden rehabiliteringsteamet".into(),
                },
                basis: a.route.basis.into(),
                findings: a
                    .route
                    .findings
                    .iter()
                    .map(|f| Citation { rule: f.rule.into(), basis: f.basis.into(), text: f.text.clone() })
                    .collect(),
            },
            deadlines,
            missing: a
                .missing
                .iter()
                .map(|m| BasisText { what: m.what.into(), basis: m.basis.into(), text: m.text.clone() })
                .collect(),
            defects: a
                .defects
                .iter()
                .map(|d| BasisText { what: d.rule.into(), basis: d.basis.into(), text: d.text.clone() })
                .collect(),
            documents: state
                .documents
                .iter()
                .rev()
                .map(|d| DocumentView {
                    id: d.id.clone(),
                    kind: d.kind.as_str().into(),
                    kind_label: d.kind.label_da().into(),
                    issued: date_da(d.issued),
                    received: date_da(d.received),
                    age_months: months_between(d.issued, as_of),
                    author: d.author.clone(),
                })
                .collect(),
            measures: state
                .measures
                .iter()
                .rev()
                .map(|m| MeasureView {
                    id: m.id.clone(),
                    kind: m.kind.clone(),
                    start: date_da(m.start),
                    planned_end: m.planned_end.map(date_da),
                    ended: m.ended.map(date_da),
                })
                .collect(),
            decisions: state
                .decisions
                .iter()
                .rev()
                .map(|d| DecisionView {
                    id: d.id.clone(),
                    at: date_da(d.at),
                    outcome: d.decision.outcome.as_str().into(),
                    outcome_label: d.decision.outcome.label_da().into(),
                    appealed: state.appeals.iter().any(|ap| ap.about == d.id),
                })
                .collect(),
            timeline: events.iter().filter(|e| e.date() <= as_of).rev().map(|e| timeline_entry(e, as_of)).collect(),
            edition_name: a.edition_name.into(),
        }
    }
}

/// One event as a line of the timeline.
pub fn timeline_entry(event: &Event, as_of: NaiveDate) -> TimelineEntry {
    TimelineEntry {
        date: date_da(event.date()),
        kind: event.event_type().as_str().into(),
        label: event.event_type().label_da().into(),
        text: describe(event, as_of),
        by: event.by.clone(),
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "ja"
    } else {
        "nej"
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "ingen".into()
    } else {
        items.join(", ")
    }
}

/// One line describing an event's content, in Danish.
pub fn describe(event: &Event, as_of: NaiveDate) -> String {
    let id = event.id.as_deref().unwrap_or("-");
    match &event.body {
        EventBody::Borger { municipality, .. } => format!("Sagen er oprettet i kommune {municipality}"),
        EventBody::YdelseStart { ydelse } => format!("{} begynder", ydelse.label_da()),
        EventBody::YdelseSlut { ydelse } => format!("{} slutter", ydelse.label_da()),
        EventBody::Tildelt { sagsbehandler, enhed } => format!("{sagsbehandler} ({enhed}) overtager sagen"),
        EventBody::Samtale { kind } => {
            let text = event.extra_field("text").and_then(|v| v.as_str()).map(|t| format!(": {t}")).unwrap_or_default();
            format!("{kind}{text}")
        }
        EventBody::Dokument { kind, issued, author, .. } => {
            let author = author.as_deref().map(|a| format!(", fra {a}")).unwrap_or_default();
            format!(
                "{} ({id}), udstedt {}{author} – {} måneder gammelt",
                kind.label_da(),
                date_da(*issued),
                months_between(*issued, as_of)
            )
        }
        EventBody::IndsatsStart { kind, hours_per_week, planned_end, .. } => {
            let hours = hours_per_week.map(|h| format!(", {h} timer/uge")).unwrap_or_default();
            let end = planned_end.map(|e| format!(", planlagt slut {}", date_da(e))).unwrap_or_default();
            format!("{kind} ({id}){hours}{end}")
        }
        EventBody::IndsatsSlut { kind } => format!("{} ({id})", kind.as_deref().unwrap_or("indsats")),
        EventBody::Vurdering { criterion, value, basis, text } => {
            let text = text.as_deref().map(|t| format!(". {t}")).unwrap_or_default();
            format!("{}: {} (bygger på {}){text}", criterion.label_da(), yes_no(*value), list(basis))
        }
        EventBody::Ansoegning { kind, .. } => kind.label_da().to_owned(),
        EventBody::ForelagtRehabiliteringsteam { genforelaeggelse } => {
            if genforelaeggelse.unwrap_or(false) { "Genforelæggelse" } else { "Første forelæggelse" }.into()
        }
        EventBody::Rehabiliteringsmoede { attendees } => format!("Deltagere: {}", list(attendees)),
        EventBody::Indstilling { outcome, .. } => format!("{} ({id})", outcome.label_da()),
        EventBody::PartshoeringSendt { about } => format!("Om {about}"),
        EventBody::OvergangFoertidspension { notified } => format!("Borgeren orienteret: {}", yes_no(*notified)),
        EventBody::MoedeTilbudt => "Møde tilbudt (PL § 20, stk. 3)".into(),
        EventBody::Afgoerelse(decision) => {
            let basis = decision.legal_basis.clone().unwrap_or_default();
            format!(
                "{} ({id}); hjemmel: {}; klagevejledning: {}",
                decision.outcome.label_da(),
                list(&basis),
                decision.klagevejledning.map_or("ikke oplyst", yes_no)
            )
        }
        EventBody::Udsaettelsesbrev { expected_by, reason } => {
            format!(
                "Afgørelse forventet {}; {}",
                date_da(*expected_by),
                reason.as_deref().unwrap_or("ingen begrundelse")
            )
        }
        EventBody::Klage { about } => format!("Klage over afgørelse {about}"),
        EventBody::Ankestyrelsen { about, result } => format!("{} (afgørelse {about})", result.label_da()),
        EventBody::Note { text } => text.clone(),
    }
}

/// Whether a decision outcome is a refusal.
pub fn is_refusal(outcome: AfgoerelseOutcome) -> bool {
    matches!(
        outcome,
        AfgoerelseOutcome::AfslagFoertidspension
            | AfgoerelseOutcome::AfslagSeniorfoertidspension
            | AfgoerelseOutcome::AfslagFleksjob
            | AfgoerelseOutcome::AfslagRessourceforloeb
    )
}
