//! The auditor's access log, the analysts' numbers and the admin's users.

use super::*;
use crate::auth::{self, Caller};
use crate::error::AppError;
use crate::forms::Values;
use crate::reports;
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use store::accounts::{AccessQuery, Role, User};

#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    pub sag: Option<String>,
    pub bruger: Option<String>,
}

/// The access log, as the auditor reads it.
pub async fn access_entries(
    app: &App,
    caller: &Caller,
    case: Option<&str>,
    user: Option<&str>,
    limit: usize,
) -> Result<Vec<Value>, AppError> {
    caller.require(&[Role::Auditor])?;
    let query = AccessQuery {
        case: case
            .filter(|c| !c.trim().is_empty())
            .map(|c| journal::CaseId::parse(c.trim()).ok_or_else(|| AppError::invalid("Ugyldigt sagsnummer.")))
            .transpose()?,
        user_id: user.filter(|u| !u.trim().is_empty()).map(|u| u.trim().to_owned()),
        limit,
    };
    let entries = app.pool.run(move |db| Ok(db.access_log(&query)?)).await?;
    Ok(entries
        .into_iter()
        .map(|e| json!({ "at": e.at.format("%Y-%m-%d %H:%M:%S").to_string(), "user": e.user_id, "role": e.role.as_str(), "case": e.case.map(|c| c.to_string()), "what": e.what, "purpose": e.purpose }))
        .collect())
}

pub async fn audit_page(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<AuditQuery>,
) -> Result<Html<String>, AppError> {
    let entries = access_entries(&app, &caller, q.sag.as_deref(), q.bruger.as_deref(), 500).await?;
    render(
        &app,
        Some(&caller),
        "audit.html",
        "Adgangslog",
        "/revision",
        json!({ "entries": entries, "filter_case": q.sag.unwrap_or_default(), "filter_user": q.bruger.unwrap_or_default() }),
    )
}

pub async fn analytics_page(State(app): State<App>, caller: Caller) -> Result<Html<String>, AppError> {
    caller.require(&[Role::Analyst])?;
    let (view, charts) = app.with_index(|index| (reports::analytics(index), reports::analytics_charts(index)))?;
    render(&app, Some(&caller), "analytics.html", "Tal", "/analyse", json!({ "a": view, "charts": charts }))
}

/// Users without their password hashes.
pub fn user_rows(users: &[User]) -> Vec<Value> {
    users
        .iter()
        .map(|u| json!({ "id": u.id, "display_name": u.display_name, "role": u.role.as_str(), "role_label": u.role.label_da(), "unit": u.unit, "actor": u.actor, "citizen_case": u.citizen_case.as_ref().map(|c| c.to_string()) }))
        .collect()
}

pub(crate) async fn admin_render(
    app: &App,
    caller: &Caller,
    flash: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let users = app.pool.run(|db| Ok(db.users()?)).await?;
    let roles: Vec<Value> = Role::ALL.iter().map(|r| json!({ "value": r.as_str(), "label": r.label_da() })).collect();
    let html = render(
        app,
        Some(caller),
        "admin.html",
        "Brugere",
        "/admin/brugere",
        json!({ "users": user_rows(&users), "roles": roles, "flash": flash, "error": error }),
    )?;
    Ok((status, html).into_response())
}

pub async fn admin_page(State(app): State<App>, caller: Caller) -> Result<Response, AppError> {
    caller.require(&[Role::Admin])?;
    admin_render(&app, &caller, None, None, StatusCode::OK).await
}

/// A new or changed user from submitted fields.
pub fn user_from(fields: &HashMap<&str, &str>) -> Result<(User, String), AppError> {
    let get = |k: &str| fields.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let id = get("id").ok_or_else(|| AppError::invalid("Brugernavn skal udfyldes."))?;
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')) || id.len() > 64 {
        return Err(AppError::invalid(
            "Brugernavnet må kun indeholde bogstaver a-z, tal, punktum, bindestreg og understreg.",
        ));
    }
    let role = get("role").and_then(Role::parse).ok_or_else(|| AppError::invalid("Vælg en rolle."))?;
    let password = get("password").ok_or_else(|| AppError::invalid("Adgangskode skal udfyldes."))?;
    if password.chars().count() < 12 {
        return Err(AppError::invalid("Adgangskoden skal være mindst 12 tegn."));
    }
    let citizen_case = get("citizen_case")
        .map(|c| journal::CaseId::parse(c).ok_or_else(|| AppError::invalid("Ugyldigt sagsnummer.")))
        .transpose()?;
    if role == Role::Citizen && citizen_case.is_none() {
        return Err(AppError::invalid("En borger skal knyttes til sin sag."));
    }
    if matches!(role, Role::Caseworker | Role::Leader) && get("unit").is_none() {
        return Err(AppError::invalid("En sagsbehandler eller leder skal have en enhed."));
    }
    let actor = get("actor").map(str::to_owned).unwrap_or_else(|| {
        if role == Role::Citizen {
            "borger".into()
        } else {
            format!("web:{id}")
        }
    });
    let user = User {
        id: id.into(),
        display_name: get("display_name").unwrap_or(id).into(),
        role,
        unit: get("unit").map(str::to_owned),
        actor,
        citizen_case,
        password_hash: String::new(),
    };
    Ok((user, password.to_owned()))
}

pub async fn admin_submit(State(app): State<App>, caller: Caller, body: Bytes) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    caller.check_csrf(values.get("csrf"))?;
    caller.require(&[Role::Admin])?;
    let fields: HashMap<&str, &str> = values.0.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    match user_from(&fields) {
        Ok((mut user, password)) => {
            user.password_hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
                .await
                .map_err(|e| AppError::internal(e.to_string()))??;
            let id = user.id.clone();
            app.put_user(user).await?;
            let saved = format!("Brugeren {id} er gemt. Var brugeren logget ind, er de sessioner afsluttet.");
            admin_render(&app, &caller, Some(saved), None, StatusCode::OK).await
        }
        Err(error) => admin_render(&app, &caller, None, Some(error.message), error.status).await,
    }
}
