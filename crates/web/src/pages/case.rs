//! The caseworker's worklist, the case page and the recording forms (the team's forms too).

use super::*;
use crate::auth::Caller;
use crate::error::AppError;
use crate::forms::{attach_errors, FormKind, Values};
use crate::reports;
use crate::service::{self, case_id, Recorded};
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use store::accounts::Role;

#[derive(Debug, Deserialize)]
pub struct WorklistQuery {
    pub visning: Option<String>,
    pub side: Option<usize>,
    /// What was just saved, for the notice at the top.
    pub gemt: Option<String>,
}

pub async fn worklist(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<WorklistQuery>,
) -> Result<Html<String>, AppError> {
    caller.require(&[Role::Caseworker])?;
    let unit_scope = q.visning.as_deref() == Some("enhed");
    let unit = caller.user.unit.clone().unwrap_or_default();
    let mine = (!unit_scope).then_some(caller.user.actor.as_str());
    let page = q.side.unwrap_or(1).clamp(1, 10_000);
    let list = app.with_index(|index| {
        reports::worklist(index, Some(&unit), mine, reports::Page::number(page, reports::WORKLIST_PAGE))
    })?;
    app.log_cases(&caller, &list.shown_cases(), "GET /arbejdsliste", "sagsbehandling").await?;
    let heading = if unit_scope { format!("Enhedens sager ({unit})") } else { "Mine sager".to_owned() };
    let ctx = minijinja::context! {
        heading => heading,
        worklist => minijinja::Value::from_serialize(&list),
        scope => if unit_scope { "unit" } else { "mine" },
        unit => unit,
        page => page,
        view => if unit_scope { "visning=enhed&" } else { "" },
        flash => q.gemt.map(|what| format!("Gemt: {what}.")),
    };
    render_value(&app, Some(&caller), "worklist.html", &heading, "/arbejdsliste", ctx)
}

pub async fn case_page(
    State(app): State<App>,
    caller: Caller,
    Path(case): Path<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    caller.require(&[Role::Caseworker, Role::Leader, Role::TeamMember])?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "GET /sager/{case}").await?;
    let view = loaded.view(app.today());
    let forms: Vec<Value> = FormKind::ALL
        .iter()
        .filter(|k| k.role() == Role::Caseworker)
        .map(|k| json!({ "slug": k.slug(), "title": k.title() }))
        .collect();
    let team_forms: Vec<Value> = if caller.role() == Role::TeamMember {
        FormKind::ALL
            .iter()
            .filter(|k| k.role() == Role::TeamMember)
            .map(|k| json!({ "slug": k.slug(), "title": k.title() }))
            .collect()
    } else {
        Vec::new()
    };
    let flash = q.gemt.map(|what| format!("Gemt: {what}."));
    // The leader distributes the unit's cases: the handover form is theirs too.
    let leader_forms: Vec<Value> = if caller.role() == Role::Leader {
        vec![json!({ "slug": FormKind::Tildel.slug(), "title": FormKind::Tildel.title() })]
    } else {
        Vec::new()
    };
    let ctx = minijinja::context! {
        c => minijinja::Value::from_serialize(&view),
        forms => minijinja::Value::from_serialize(&forms),
        leader_forms => minijinja::Value::from_serialize(&leader_forms),
        team_forms => minijinja::Value::from_serialize(&team_forms),
        can_write => caller.role() == Role::Caseworker,
        flash => flash,
    };
    render_value(&app, Some(&caller), "case.html", &format!("Sag {case}"), "", ctx)
}

pub(crate) struct FormPage<'a> {
    pub(crate) heading: &'a str,
    pub(crate) intro: &'a str,
    pub(crate) action: String,
    pub(crate) back: String,
    pub(crate) fields: Vec<crate::forms::Field>,
    pub(crate) version: u64,
    pub(crate) errors: Vec<String>,
    pub(crate) conflict: Option<Vec<crate::views::TimelineEntry>>,
    pub(crate) buttons: Value,
    pub(crate) extra: Value,
}

pub(crate) fn form_page(
    app: &App,
    caller: &Caller,
    case: &str,
    page: FormPage<'_>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let field_errors = page.fields.iter().any(|f| f.error.is_some());
    let mut ctx = json!({
        "heading": page.heading, "intro": page.intro, "action": page.action, "back": page.back, "case": case,
        "fields": page.fields, "version": page.version, "errors": page.errors, "field_errors": field_errors,
        "conflict": page.conflict.is_some(), "changes": page.conflict.unwrap_or_default(), "buttons": page.buttons,
    });
    if let (Some(map), Value::Object(extra)) = (ctx.as_object_mut(), page.extra) {
        map.extend(extra);
    }
    let html = render(app, Some(caller), "form.html", page.heading, "", ctx)?;
    Ok((status, html).into_response())
}

pub(crate) fn save_button() -> Value {
    json!([{ "value": "gem", "label": "Gem" }])
}

pub(crate) async fn form_get(
    app: App,
    caller: Caller,
    case: String,
    slug: String,
    team: bool,
) -> Result<Response, AppError> {
    let kind = FormKind::from_slug(&slug)
        .filter(|k| (k.role() == Role::TeamMember) == team)
        .ok_or_else(|| AppError::not_found("Formularen findes ikke."))?;
    service::require_form_role(&caller, kind)?;
    let case = case_id(&case)?;
    let what = if team { "GET /team/sager/{case}/{form}" } else { "GET /sager/{case}/registrer/{form}" };
    let loaded = service::open(&app, &caller, &case, what).await?;
    let today = app.today();
    let mut defaults = Values::default();
    if kind == FormKind::Vurdering {
        // Nothing pre-selected: the caseworker chooses the evidence deliberately.
    } else if kind == FormKind::Moede {
        for role in ["borger", "sagsbehandler"] {
            defaults.0.push(("attendees".into(), role.into()));
        }
    }
    let colleagues = service::colleagues(&app, kind).await?;
    let fields = kind.fields(&loaded.state, today, &defaults, &colleagues);
    let page = FormPage {
        heading: kind.title(),
        intro: kind.intro(),
        action: form_action(&case, kind),
        back: format!("/sager/{case}"),
        fields,
        version: loaded.version,
        errors: Vec::new(),
        conflict: None,
        buttons: save_button(),
        extra: json!({}),
    };
    form_page(&app, &caller, case.as_str(), page, StatusCode::OK)
}

pub(crate) fn form_action(case: &journal::CaseId, kind: FormKind) -> String {
    if kind.role() == Role::TeamMember {
        format!("/team/sager/{case}/{}", kind.slug())
    } else {
        format!("/sager/{case}/registrer/{}", kind.slug())
    }
}

pub(crate) async fn form_post(
    app: App,
    caller: Caller,
    case: String,
    slug: String,
    team: bool,
    body: Bytes,
) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    caller.check_csrf(values.get("csrf"))?;
    let kind = FormKind::from_slug(&slug)
        .filter(|k| (k.role() == Role::TeamMember) == team)
        .ok_or_else(|| AppError::not_found("Formularen findes ikke."))?;
    service::require_form_role(&caller, kind)?;
    let case = case_id(&case)?;
    let what = if team { "POST /team/sager/{case}/{form}" } else { "POST /sager/{case}/registrer/{form}" };
    app.open_case(&caller, &case, what).await?;
    let version: u64 = values
        .get("version")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| AppError::invalid("Formularen mangler sagens version. Genindlæs siden."))?;
    let outcome = service::record(&app, &caller, &case, kind, &values, version).await?;
    let loaded = service::load(&app, &case).await?;
    let today = app.today();
    let (errors, conflict, version, status) = match outcome {
        Recorded::Saved { .. } => {
            let back = if team {
                "/team".to_owned()
            } else if kind == FormKind::Tildel {
                // The case may now belong to another unit, out of the caller's sight.
                let saved = kind.title().to_lowercase().replace(' ', "+");
                if caller.role() == Role::Leader {
                    format!("/leder?gemt={saved}")
                } else {
                    format!("/arbejdsliste?gemt={saved}")
                }
            } else {
                format!("/sager/{case}?gemt={}", kind.title().to_lowercase().replace(' ', "+"))
            };
            return Ok(Redirect::to(&back).into_response());
        }
        Recorded::Invalid(errors) => (errors, None, version, StatusCode::UNPROCESSABLE_ENTITY),
        Recorded::Conflict { changes, version } => (Vec::new(), Some(changes), version, StatusCode::CONFLICT),
    };
    let colleagues = service::colleagues(&app, kind).await?;
    let mut fields = kind.fields(&loaded.state, today, &values, &colleagues);
    let general = attach_errors(&mut fields, &errors);
    let page = FormPage {
        heading: kind.title(),
        intro: kind.intro(),
        action: form_action(&case, kind),
        back: format!("/sager/{case}"),
        fields,
        version,
        errors: general,
        conflict,
        buttons: save_button(),
        extra: json!({}),
    };
    form_page(&app, &caller, case.as_str(), page, status)
}

pub async fn record_form(
    State(app): State<App>,
    caller: Caller,
    Path((case, slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    form_get(app, caller, case, slug, false).await
}

pub async fn record_submit(
    State(app): State<App>,
    caller: Caller,
    Path((case, slug)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    form_post(app, caller, case, slug, false, body).await
}

pub async fn team_form(
    State(app): State<App>,
    caller: Caller,
    Path((case, slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    form_get(app, caller, case, slug, true).await
}

pub async fn team_submit(
    State(app): State<App>,
    caller: Caller,
    Path((case, slug)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    form_post(app, caller, case, slug, true, body).await
}
