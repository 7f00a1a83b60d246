//! "Min plan": the citizen's own case in plain Danish, and asking to be contacted.

use super::*;
use crate::auth::Caller;
use crate::error::AppError;
use crate::forms::Values;
use crate::service::{self, Recorded};
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use store::accounts::Role;

/// The citizen's own case.
pub async fn citizen_plan(app: &App, caller: &Caller, what: &str) -> Result<crate::plain::MinPlan, AppError> {
    caller.require(&[Role::Citizen])?;
    let case = caller
        .user
        .citizen_case
        .clone()
        .ok_or_else(|| AppError::forbidden("Din bruger er ikke knyttet til en sag."))?;
    let loaded = service::open(app, caller, &case, what).await?;
    let mut plan = crate::plain::min_plan(&loaded.events, &loaded.state, &loaded.assessment, app.today());
    // A citizen knows their caseworker by name; an internal actor id without a name is not shown.
    plan.contact.caseworker = plan.contact.caseworker.as_deref().and_then(|actor| app.staff_name(actor));
    Ok(plan)
}

#[derive(Debug, Deserialize)]
pub struct PlanQuery {
    pub sendt: Option<String>,
}

pub async fn plan_page(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<PlanQuery>,
) -> Result<Html<String>, AppError> {
    let plan = citizen_plan(&app, &caller, "GET /min-plan").await?;
    let flash = q.sendt.map(|_| "Tak. Din sagsbehandler har fået besked og kontakter dig inden for 5 arbejdsdage.");
    render(&app, Some(&caller), "plan.html", "Min plan", "/min-plan", json!({ "p": plan, "flash": flash }))
}

/// Records the citizen's request to be contacted ("I feel forgotten") on their own case.
pub async fn request_contact(app: &App, caller: &Caller, what: &str) -> Result<u64, AppError> {
    caller.require(&[Role::Citizen])?;
    let case = caller
        .user
        .citizen_case
        .clone()
        .ok_or_else(|| AppError::forbidden("Din bruger er ikke knyttet til en sag."))?;
    app.open_case(caller, &case, what).await?;
    let mut body = serde_json::Map::new();
    body.insert("text".into(), Value::String("Borgeren har via Min plan bedt om at blive kontaktet.".into()));
    body.insert(crate::index::CONTACT_REQUEST_FIELD.into(), Value::Bool(true));
    let event = service::build_event(app, caller, &case, "note", body)
        .map_err(|errors| AppError::invalid(errors.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" ")))?;
    // The citizen adds to the case; nothing they typed can be lost, so a race is simply retried.
    for _ in 0..3 {
        let (_, version) = app.load(&case).await?;
        match service::append_one(app, caller, &case, version, event.clone()).await? {
            Recorded::Saved { version, .. } => return Ok(version),
            Recorded::Conflict { .. } => continue,
            Recorded::Invalid(errors) => return Err(AppError::invalid(format!("{errors:?}"))),
        }
    }
    Err(AppError::new(StatusCode::CONFLICT, "conflict", "Sagen blev ændret imens. Prøv igen om lidt."))
}

pub async fn plan_contact(State(app): State<App>, caller: Caller, body: Bytes) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    caller.check_csrf(values.get("csrf"))?;
    request_contact(&app, &caller, "POST /min-plan/kontakt").await?;
    Ok(Redirect::to("/min-plan?sendt=1").into_response())
}
