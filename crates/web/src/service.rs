//! What a page and its API twin both do: open a case for reading (scope check and access log),
//! record an event from form values with optimistic concurrency, and check or send a decision.

use crate::auth::Caller;
use crate::error::AppError;
use crate::forms::{fresh_id, Colleague, FormKind, Values};
use crate::plain::{letter, Letter};
use crate::state::App;
use crate::views::{timeline_entry, BasisText, CaseView, TimelineEntry};
use journal::{CaseId, CaseState, Event, EventBody};
use serde_json::{Map, Value};
use store::accounts::Role;

/// A case loaded for a page: its events, version, state and assessment as of today.
pub struct LoadedCase {
    pub events: Vec<Event>,
    pub version: u64,
    pub state: CaseState,
    pub assessment: assess::Assessment,
}

/// Parses a case id from a path.
pub fn case_id(text: &str) -> Result<CaseId, AppError> {
    CaseId::parse(text).ok_or_else(|| AppError::not_found(format!("\"{text}\" er ikke et sagsnummer.")))
}

/// Checks scope, logs the read as `what`, and loads the case.
pub async fn open(app: &App, caller: &Caller, case: &CaseId, what: &str) -> Result<LoadedCase, AppError> {
    app.open_case(caller, case, what).await?;
    load(app, case).await
}

/// Loads a case without a scope check (the caller has already been checked).
pub async fn load(app: &App, case: &CaseId) -> Result<LoadedCase, AppError> {
    let (events, version) = app.load(case).await?;
    let today = app.today();
    let state = CaseState::fold(&events, Some(today))
        .ok_or_else(|| AppError::not_found(format!("Sagen {case} findes ikke.")))?;
    let assessment = assess::assess(&events, today, None, &app.config.settings)
        .map_err(|e| AppError::internal(format!("Sagen kunne ikke vurderes: {e}")))?;
    Ok(LoadedCase { events, version, state, assessment })
}

impl LoadedCase {
    pub fn view(&self, today: chrono::NaiveDate) -> CaseView {
        CaseView::build(&self.events, self.version, &self.state, &self.assessment, today)
    }
}

/// Who may use a form: the caseworker forms need a caseworker of the unit (a handover also the
/// unit's leader), the team's forms a team member and a case on the agenda.
pub fn require_form_role(caller: &Caller, kind: FormKind) -> Result<(), AppError> {
    caller.require(kind.allowed_roles())
}

/// The caseworkers a case can be handed to, by unit and name; read only for the handover form.
pub async fn colleagues(app: &App, kind: FormKind) -> Result<Vec<Colleague>, AppError> {
    if kind != FormKind::Tildel {
        return Ok(Vec::new());
    }
    let users = app.pool.run(|db| Ok(db.users()?)).await?;
    let mut colleagues: Vec<Colleague> = users
        .into_iter()
        .filter(|u| u.role == Role::Caseworker)
        .filter_map(|u| Some(Colleague { unit: u.unit?, actor: u.actor, name: u.display_name }))
        .collect();
    colleagues.sort_by(|a, b| (&a.unit, &a.name).cmp(&(&b.unit, &b.name)));
    Ok(colleagues)
}

/// The result of trying to record something.
pub enum Recorded {
    Saved {
        version: u64,
        event: Box<Event>,
    },
    Invalid(Vec<(String, String)>),
    /// Someone else wrote first: what they wrote, and the version now.
    Conflict {
        changes: Vec<TimelineEntry>,
        version: u64,
    },
}

/// Builds the event a form describes, dated today and signed by the caller.
pub fn build_event(
    app: &App,
    caller: &Caller,
    case: &CaseId,
    event_type: &str,
    mut body: Map<String, Value>,
) -> Result<Event, Vec<(String, String)>> {
    let mut map = Map::new();
    map.insert("case".into(), Value::String(case.to_string()));
    map.insert("at".into(), Value::String(journal::format_date(app.today())));
    map.insert("type".into(), Value::String(event_type.into()));
    map.insert("by".into(), Value::String(caller.user.actor.clone()));
    if let Some(id) = body.remove("id") {
        map.insert("id".into(), id);
    }
    map.extend(body);
    let line = Value::Object(map).to_string();
    journal::parse_line(1, &line).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| (p.field.clone(), format!("{} er ikke gyldig: forventet {}.", p.field, p.expected)))
            .collect()
    })
}

/// Records a form's values on a case at the version the form was rendered from.
pub async fn record(
    app: &App,
    caller: &Caller,
    case: &CaseId,
    kind: FormKind,
    values: &Values,
    version: u64,
) -> Result<Recorded, AppError> {
    let loaded = load(app, case).await?;
    let today = app.today();
    let colleagues = colleagues(app, kind).await?;
    let mut body = match kind.body(values, &loaded.state, today, &colleagues) {
        Ok(body) => body,
        Err(errors) => return Ok(Recorded::Invalid(errors)),
    };
    let prefix = match kind {
        FormKind::Dokument => Some("dok"),
        FormKind::Indsats => Some("ind"),
        FormKind::Indstilling => Some("indst"),
        _ => None,
    };
    if let Some(prefix) = prefix {
        body.insert("id".into(), Value::String(fresh_id(&loaded.state, prefix)));
    }
    let event = match build_event(app, caller, case, kind.event_type(), body) {
        Ok(event) => event,
        Err(errors) => return Ok(Recorded::Invalid(errors)),
    };
    if kind == FormKind::Indstilling {
        let errors = recommendation_gaps(app, &loaded.events, &event);
        if !errors.is_empty() {
            return Ok(Recorded::Invalid(errors));
        }
    }
    // A handover may carry a word to the next caseworker: a note stored with it, all or nothing.
    let mut with = Vec::new();
    if kind == FormKind::Tildel {
        if let Some(text) = values.get("overdragelse").filter(|t| !t.trim().is_empty()) {
            let mut note = Map::new();
            note.insert("text".into(), Value::String(format!("Overdragelse: {text}")));
            match build_event(app, caller, case, "note", note) {
                Ok(note) => with.push(note),
                Err(errors) => return Ok(Recorded::Invalid(errors)),
            }
        }
    }
    append_with(app, caller, case, version, event, with).await
}

/// The recommendation content the order requires and the event lacks, from the rulebook.
fn recommendation_gaps(app: &App, events: &[Event], event: &Event) -> Vec<(String, String)> {
    let mut with = events.to_vec();
    with.push(event.clone());
    match assess::assess(&with, app.today(), None, &app.config.settings) {
        Ok(a) => a
            .missing
            .iter()
            .filter(|m| m.what.starts_with("indstilling."))
            .map(|m| {
                let field = match m.what.trim_start_matches("indstilling.") {
                    "weighted" => "weighted.beskaeftigelse",
                    other => other,
                };
                (field.to_owned(), format!("{} ({})", m.text, m.basis))
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Appends one event at `version`; a conflict comes back with what changed.
pub async fn append_one(
    app: &App,
    caller: &Caller,
    case: &CaseId,
    version: u64,
    event: Event,
) -> Result<Recorded, AppError> {
    append_with(app, caller, case, version, event, Vec::new()).await
}

/// Appends an event and the events that go with it at `version`, all or none.
async fn append_with(
    app: &App,
    caller: &Caller,
    case: &CaseId,
    version: u64,
    event: Event,
    with: Vec<Event>,
) -> Result<Recorded, AppError> {
    let mut events = vec![event.clone()];
    events.extend(with);
    match app.append(caller, case, version, events).await {
        Ok(version) => Ok(Recorded::Saved { version, event: Box::new(event) }),
        Err(error) if error.code == "conflict" => {
            let (events, now) = app.load(case).await?;
            let today = app.today();
            let changes = events.iter().skip(version as usize).map(|e| timeline_entry(e, today)).collect();
            Ok(Recorded::Conflict { changes, version: now })
        }
        Err(error) => Err(error),
    }
}

/// A draft decision read from form values.
pub fn draft_values(values: &Values) -> Map<String, Value> {
    let mut body = Map::new();
    if let Some(outcome) = values.get("outcome") {
        body.insert("outcome".into(), Value::String(outcome.into()));
    }
    let basis = values.lines("legal_basis");
    if !basis.is_empty() {
        body.insert("legal_basis".into(), serde_json::json!(basis));
    }
    for key in ["reasons", "main_considerations"] {
        if let Some(text) = values.get(key) {
            body.insert(key.into(), Value::String(text.into()));
        }
    }
    let functions = values.lines("work_functions");
    if !functions.is_empty() {
        body.insert("work_functions".into(), serde_json::json!(functions));
    }
    body.insert("klagevejledning".into(), Value::Bool(values.checked("klagevejledning")));
    body
}

/// The draft check: the defects of the draft itself (not of earlier decisions) and its letter.
pub struct DraftCheck {
    pub event: Event,
    pub defects: Vec<BasisText>,
    pub letter: Letter,
}

/// Runs the rulebook on the case with the draft; errors are form errors (e.g. no outcome chosen).
pub fn check_draft(
    app: &App,
    caller: &Caller,
    loaded: &LoadedCase,
    body: Map<String, Value>,
) -> Result<DraftCheck, Vec<(String, String)>> {
    if !body.contains_key("outcome") {
        return Err(vec![("outcome".into(), "Vælg, hvad afgørelsen går ud på.".into())]);
    }
    let mut body = body;
    body.insert("id".into(), Value::String(fresh_id(&loaded.state, "afg")));
    let case = loaded.state.case.clone();
    let event = build_event(app, caller, &case, "afgoerelse", body)?;
    let with = assess::assess(&loaded.events, app.today(), Some(&event), &app.config.settings)
        .map_err(|e| vec![(String::new(), e.to_string())])?;
    let before: Vec<(&str, &str)> = loaded.assessment.defects.iter().map(|d| (d.rule, d.text.as_str())).collect();
    let defects = with
        .defects
        .iter()
        .filter(|d| !before.contains(&(d.rule, d.text.as_str())))
        .map(|d| BasisText { what: d.rule.into(), basis: d.basis.into(), text: d.text.clone() })
        .collect();
    let EventBody::Afgoerelse(decision) = &event.body else {
        return Err(vec![("outcome".into(), "Udkastet er ikke en afgørelse.".into())]);
    };
    let letter = letter(case.as_str(), app.today(), decision, &caller.user.display_name);
    Ok(DraftCheck { event, defects, letter })
}

/// Whether the caller may write the caseworker's events on this case (same unit, caseworker role).
pub fn require_caseworker(caller: &Caller) -> Result<(), AppError> {
    caller.require(&[Role::Caseworker])
}
