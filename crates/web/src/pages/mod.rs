//! The Danish HTML pages: login, worklist, case page, recording forms, decision, letter, the
//! team's agenda, the leader's unit, "Min plan", the access log, the analysts' numbers and users.
//! This module holds the templates and rendering; each area has its own file.

use crate::auth::{self, Caller};
use crate::date_da;
use crate::error::AppError;
use crate::state::App;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::Environment;
use serde::Deserialize;
use serde_json::{json, Value};
use store::accounts::Role;

/// The templates, compiled into the binary. The `navn` filter shows a staff member's name for an
/// actor id (the id itself when no user has it, e.g. simulated caseworkers).
pub fn templates(names: crate::state::Names) -> Environment<'static> {
    let mut env = Environment::new();
    env.add_filter("navn", move |actor: String| -> String {
        names.read().ok().and_then(|names| names.get(&actor).cloned()).unwrap_or(actor)
    });
    let files: [(&str, &str); 14] = [
        ("base.html", include_str!("../../templates/base.html")),
        ("login.html", include_str!("../../templates/login.html")),
        ("worklist.html", include_str!("../../templates/worklist.html")),
        ("case.html", include_str!("../../templates/case.html")),
        ("form.html", include_str!("../../templates/form.html")),
        ("letter_body.html", include_str!("../../templates/letter_body.html")),
        ("letter.html", include_str!("../../templates/letter.html")),
        ("plan.html", include_str!("../../templates/plan.html")),
        ("team.html", include_str!("../../templates/team.html")),
        ("leader.html", include_str!("../../templates/leader.html")),
        ("review.html", include_str!("../../templates/review.html")),
        ("audit.html", include_str!("../../templates/audit.html")),
        ("analytics.html", include_str!("../../templates/analytics.html")),
        ("admin.html", include_str!("../../templates/admin.html")),
    ];
    for (name, source) in files {
        if let Err(error) = env.add_template(name, source) {
            eprintln!("template {name} does not compile: {error}");
        }
    }
    env
}

/// The stylesheet.
pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

fn nav(role: Role, path: &str) -> Vec<Value> {
    let items: &[(&str, &str)] = match role {
        Role::Caseworker => &[("/arbejdsliste", "Arbejdsliste")],
        Role::TeamMember => &[("/team", "Dagsorden")],
        Role::Leader => &[("/leder", "Enheden"), ("/leder/gennemgang", "Sagsgennemgang")],
        Role::Citizen => &[("/min-plan", "Min plan")],
        Role::Analyst => &[("/analyse", "Tal")],
        Role::Auditor => &[("/revision", "Adgangslog")],
        Role::Admin => &[("/admin/brugere", "Brugere")],
    };
    items.iter().map(|(href, label)| json!({ "href": href, "label": label, "current": path == *href })).collect()
}

/// Renders a template with the layout's context (who is logged in, the menu, the CSRF token).
pub fn render(
    app: &App,
    caller: Option<&Caller>,
    template: &str,
    title: &str,
    path: &str,
    ctx: Value,
) -> Result<Html<String>, AppError> {
    render_value(app, caller, template, title, path, minijinja::Value::from_serialize(&ctx))
}

/// [`render`] with a context already in the template engine's form (no JSON detour; for the
/// pages under load).
pub fn render_value(
    app: &App,
    caller: Option<&Caller>,
    template: &str,
    title: &str,
    path: &str,
    ctx: minijinja::Value,
) -> Result<Html<String>, AppError> {
    let layout = match caller {
        Some(caller) => minijinja::context! {
            me => minijinja::context! {
                display_name => caller.user.display_name,
                role => caller.user.role.as_str(),
                role_label => caller.user.role.label_da(),
                unit => caller.user.unit,
            },
            nav => minijinja::Value::from_serialize(nav(caller.user.role, path)),
            csrf => caller.session.csrf_token,
        },
        None => minijinja::context! {},
    };
    let base = minijinja::context! { title => title, today => date_da(app.today()) };
    let full = minijinja::value::merge_maps([base, layout, ctx]);
    let template = app.templates.get_template(template).map_err(|e| AppError::internal(e.to_string()))?;
    template.render(full).map(Html).map_err(|e| AppError::internal(format!("siden kunne ikke vises: {e}")))
}

/// Where each role starts.
pub fn home_of(role: Role) -> &'static str {
    match role {
        Role::Caseworker => "/arbejdsliste",
        Role::TeamMember => "/team",
        Role::Leader => "/leder",
        Role::Citizen => "/min-plan",
        Role::Analyst => "/analyse",
        Role::Auditor => "/revision",
        Role::Admin => "/admin/brugere",
    }
}

pub async fn home(State(app): State<App>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some(token) = auth::cookie(&headers, auth::SESSION_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    match app.resolve_session(&auth::token_hash(&token)).await? {
        Some(caller) => Ok(Redirect::to(home_of(caller.role())).into_response()),
        None => Ok(Redirect::to("/login").into_response()),
    }
}

#[derive(Debug, Deserialize)]
pub struct FlashQuery {
    pub gemt: Option<String>,
}

mod admin;
mod case;
mod citizen;
mod decision;
mod session;
mod unit;

pub use admin::*;
pub use case::*;
pub use citizen::*;
pub use decision::*;
pub use session::*;
pub use unit::*;
