//! The Danish HTML pages: login, worklist, case page, recording forms, decision, letter, the
//! team's agenda, the leader's unit, "Min plan", the access log, the analysts' numbers and users.

use crate::auth::{self, Caller};
use crate::date_da;
use crate::error::AppError;
use crate::forms::{attach_errors, FormKind, Values};
use crate::reports;
use crate::service::{self, case_id, Recorded};
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use journal::AfgoerelseOutcome;
use minijinja::Environment;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use store::accounts::{AccessQuery, Role, User};

/// The templates, compiled into the binary. The `navn` filter shows a staff member's name for an
/// actor id (the id itself when no user has it, e.g. simulated caseworkers).
pub fn templates(names: crate::state::Names) -> Environment<'static> {
    let mut env = Environment::new();
    env.add_filter("navn", move |actor: String| -> String {
        names.read().ok().and_then(|names| names.get(&actor).cloned()).unwrap_or(actor)
    });
    let files: [(&str, &str); 14] = [
        ("base.html", include_str!("../templates/base.html")),
        ("login.html", include_str!("../templates/login.html")),
        ("worklist.html", include_str!("../templates/worklist.html")),
        ("case.html", include_str!("../templates/case.html")),
        ("form.html", include_str!("../templates/form.html")),
        ("letter_body.html", include_str!("../templates/letter_body.html")),
        ("letter.html", include_str!("../templates/letter.html")),
        ("plan.html", include_str!("../templates/plan.html")),
        ("team.html", include_str!("../templates/team.html")),
        ("leader.html", include_str!("../templates/leader.html")),
        ("review.html", include_str!("../templates/review.html")),
        ("audit.html", include_str!("../templates/audit.html")),
        ("analytics.html", include_str!("../templates/analytics.html")),
        ("admin.html", include_str!("../templates/admin.html")),
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
        include_str!("../static/style.css"),
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

fn login_page(app: &App, status: StatusCode, error: Option<&str>, user: &str) -> Result<Response, AppError> {
    let token = auth::random_token();
    let html = render(
        app,
        None,
        "login.html",
        "Log ind",
        "/login",
        json!({ "login_token": token, "error": error, "user": user, "narrow": true }),
    )?;
    Ok((status, [(header::SET_COOKIE, auth::login_cookie(&token, app.config.secure_cookies))], html).into_response())
}

pub async fn login_form(State(app): State<App>) -> Result<Response, AppError> {
    login_page(&app, StatusCode::OK, None, "")
}

/// Checks a user name and password with rate limiting; returns the user on success.
pub async fn authenticate(app: &App, user_id: &str, password: &str, ip: &str) -> Result<User, AppError> {
    let keys = [format!("user:{}", user_id.to_lowercase()), format!("ip:{ip}")];
    app.limiter.check(&keys)?;
    let id = user_id.to_owned();
    let user = app.pool.run(move |db| Ok(db.user(&id)?)).await?;
    let password = password.to_owned();
    let (user, ok) = tokio::task::spawn_blocking(move || {
        let ok = match &user {
            Some(u) => auth::verify_password(&password, &u.password_hash),
            None => {
                let _ = auth::verify_password(&password, auth::dummy_hash());
                false
            }
        };
        (user, ok)
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?;
    match user {
        Some(user) if ok => {
            app.limiter.clear(&keys[0]);
            Ok(user)
        }
        _ => {
            app.limiter.fail(&keys);
            Err(AppError::new(StatusCode::UNAUTHORIZED, "bad_credentials", "Forkert brugernavn eller adgangskode."))
        }
    }
}

/// Starts a session for `user`; returns the `Set-Cookie` value and the CSRF token.
pub async fn start_session(app: &App, user: &User) -> Result<(String, String), AppError> {
    let (token, session) = auth::new_session(&user.id, Utc::now(), app.config.session_hours);
    let csrf = session.csrf_token.clone();
    app.pool
        .run(move |db| {
            // Expired sessions are removed as new ones start, so the table does not grow forever.
            db.delete_expired_sessions(session.created_at)?;
            Ok(db.create_session(&session)?)
        })
        .await?;
    Ok((auth::session_cookie(&token, app.config.secure_cookies, app.config.session_hours * 3600), csrf))
}

pub async fn login(
    State(app): State<App>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    let user_id = values.get("user").unwrap_or("").to_owned();
    let expected = auth::cookie(&headers, auth::LOGIN_COOKIE);
    let given = values.get("csrf");
    if expected.is_none()
        || given.is_none()
        || !auth::constant_time_eq(expected.unwrap_or_default().as_bytes(), given.unwrap_or("").as_bytes())
    {
        return login_page(&app, StatusCode::FORBIDDEN, Some("Siden var udløbet. Prøv at logge ind igen."), &user_id);
    }
    match authenticate(&app, &user_id, values.get("password").unwrap_or(""), &addr.ip().to_string()).await {
        Ok(user) => {
            let (cookie, _) = start_session(&app, &user).await?;
            Ok((
                StatusCode::SEE_OTHER,
                [(header::SET_COOKIE, cookie), (header::LOCATION, home_of(user.role).to_owned())],
            )
                .into_response())
        }
        Err(error) => login_page(&app, error.status, Some(&error.message), &user_id),
    }
}

pub async fn logout(State(app): State<App>, caller: Caller, body: Bytes) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    caller.check_csrf(values.get("csrf"))?;
    app.end_session(&caller.session.token_hash).await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, auth::session_cookie("", app.config.secure_cookies, 0)),
            (header::LOCATION, "/login".to_owned()),
        ],
    )
        .into_response())
}

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

#[derive(Debug, Deserialize)]
pub struct FlashQuery {
    pub gemt: Option<String>,
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

struct FormPage<'a> {
    heading: &'a str,
    intro: &'a str,
    action: String,
    back: String,
    fields: Vec<crate::forms::Field>,
    version: u64,
    errors: Vec<String>,
    conflict: Option<Vec<crate::views::TimelineEntry>>,
    buttons: Value,
    extra: Value,
}

fn form_page(
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

fn save_button() -> Value {
    json!([{ "value": "gem", "label": "Gem" }])
}

async fn form_get(app: App, caller: Caller, case: String, slug: String, team: bool) -> Result<Response, AppError> {
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

fn form_action(case: &journal::CaseId, kind: FormKind) -> String {
    if kind.role() == Role::TeamMember {
        format!("/team/sager/{case}/{}", kind.slug())
    } else {
        format!("/sager/{case}/registrer/{}", kind.slug())
    }
}

async fn form_post(
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

/// The decision form's fields.
fn decision_fields(values: &Values) -> Vec<crate::forms::Field> {
    use crate::forms::{Choice, Field};
    let text = |name: &str| values.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let chosen = values.get("outcome").unwrap_or("");
    let mk = |name: &str, label: &str, kind: &'static str, required: bool, help: Option<&str>| Field {
        name: name.into(),
        label: label.into(),
        kind,
        required,
        help: help.map(str::to_owned),
        value: if kind == "checkbox" {
            if values.checked(name) {
                "on".into()
            } else {
                String::new()
            }
        } else {
            text(name)
        },
        options: Vec::new(),
        error: None,
    };
    let mut outcome = mk("outcome", "Afgørelsen går ud på", "select", true, None);
    outcome.options = AfgoerelseOutcome::ALL
        .iter()
        .map(|o| Choice { value: o.as_str().into(), label: o.label_da().into(), selected: o.as_str() == chosen })
        .collect();
    vec![
        outcome,
        mk(
            "legal_basis",
            "Hjemmel (én regel pr. linje)",
            "lines",
            true,
            Some("Fx PL § 16, stk. 2 eller LAB § 70, stk. 1."),
        ),
        mk(
            "reasons",
            "Begrundelse",
            "textarea",
            true,
            Some("Skriv i et sprog, borgeren forstår: hvad har vi besluttet, og hvorfor?"),
        ),
        mk(
            "main_considerations",
            "Hovedhensyn ved skønnet",
            "textarea",
            false,
            Some("Hvad har vejet tungest, og hvorfor (FVL § 24, stk. 1)?"),
        ),
        mk(
            "work_functions",
            "Arbejdsfunktioner borgeren kan varetage (én pr. linje)",
            "lines",
            false,
            Some("Skal udfyldes ved afslag på førtidspension (PL § 19, stk. 1, nr. 5)."),
        ),
        mk("klagevejledning", "Brevet indeholder klagevejledning", "checkbox", false, None),
    ]
}

fn decision_buttons(can_send: bool) -> Value {
    json!([
        { "value": "kontroller", "label": "Kontrollér udkastet", "secondary": true },
        { "value": "send", "label": "Send afgørelsen", "disabled": !can_send },
    ])
}

pub async fn decision_form(
    State(app): State<App>,
    caller: Caller,
    Path(case): Path<String>,
) -> Result<Response, AppError> {
    service::require_caseworker(&caller)?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "GET /sager/{case}/afgoerelse").await?;
    let mut defaults = Values::default();
    defaults.0.push(("klagevejledning".into(), "on".into()));
    let page = FormPage {
        heading: "Udkast til afgørelse",
        intro: "Udkastet kontrolleres mod reglerne, før det kan sendes. Alle mangler skal rettes først.",
        action: format!("/sager/{case}/afgoerelse"),
        back: format!("/sager/{case}"),
        fields: decision_fields(&defaults),
        version: loaded.version,
        errors: Vec::new(),
        conflict: None,
        buttons: decision_buttons(false),
        extra: json!({}),
    };
    form_page(&app, &caller, case.as_str(), page, StatusCode::OK)
}

pub async fn decision_submit(
    State(app): State<App>,
    caller: Caller,
    Path(case): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let values = Values::parse(&body);
    caller.check_csrf(values.get("csrf"))?;
    service::require_caseworker(&caller)?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "POST /sager/{case}/afgoerelse").await?;
    let version: u64 = values.get("version").and_then(|v| v.parse().ok()).unwrap_or(loaded.version);
    let mut fields = decision_fields(&values);
    let send = values.get("action") == Some("send");
    let check = match service::check_draft(&app, &caller, &loaded, service::draft_values(&values)) {
        Ok(check) => check,
        Err(errors) => {
            let general = attach_errors(&mut fields, &errors);
            let page = FormPage {
                heading: "Udkast til afgørelse",
                intro: "",
                action: format!("/sager/{case}/afgoerelse"),
                back: format!("/sager/{case}"),
                fields,
                version,
                errors: general,
                conflict: None,
                buttons: decision_buttons(false),
                extra: json!({}),
            };
            return form_page(&app, &caller, case.as_str(), page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let mut conflict = None;
    let mut version = version;
    let mut status = if check.defects.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    if send && check.defects.is_empty() {
        let id = check.event.id.clone().unwrap_or_default();
        match service::append_one(&app, &caller, &case, version, check.event.clone()).await? {
            Recorded::Saved { .. } => {
                return Ok(Redirect::to(&format!("/sager/{case}/afgoerelser/{id}/brev?gemt=sendt")).into_response())
            }
            Recorded::Conflict { changes, version: now } => {
                conflict = Some(changes);
                version = now;
                status = StatusCode::CONFLICT;
            }
            Recorded::Invalid(errors) => {
                let _ = attach_errors(&mut fields, &errors);
            }
        }
    }
    let can_send = check.defects.is_empty();
    let page = FormPage {
        heading: "Udkast til afgørelse",
        intro: "Udkastet kontrolleres mod reglerne, før det kan sendes. Alle mangler skal rettes først.",
        action: format!("/sager/{case}/afgoerelse"),
        back: format!("/sager/{case}"),
        fields,
        version,
        errors: Vec::new(),
        conflict,
        buttons: decision_buttons(can_send),
        extra: json!({ "defects": check.defects, "letter": check.letter }),
    };
    form_page(&app, &caller, case.as_str(), page, status)
}

pub async fn letter_page(
    State(app): State<App>,
    caller: Caller,
    Path((case, id)): Path<(String, String)>,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    caller.require(&[Role::Caseworker, Role::Leader])?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "GET /sager/{case}/afgoerelser/{id}/brev").await?;
    let letter = decision_letter(&loaded, &id)?;
    let flash = q.gemt.map(|_| "Afgørelsen er sendt og gemt i sagen.".to_owned());
    render(&app, Some(&caller), "letter.html", "Afgørelsesbrev", "", json!({ "letter": letter, "flash": flash }))
}

/// The letter of a decision already in the case.
pub fn decision_letter(loaded: &service::LoadedCase, id: &str) -> Result<crate::plain::Letter, AppError> {
    let decision = loaded
        .state
        .decisions
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| AppError::not_found(format!("Afgørelsen {id} findes ikke i sagen.")))?;
    Ok(crate::plain::letter(
        loaded.state.case.as_str(),
        decision.at,
        &decision.decision,
        decision.by.as_deref().unwrap_or("Jobcentret"),
    ))
}

pub async fn team_page(State(app): State<App>, caller: Caller) -> Result<Html<String>, AppError> {
    caller.require(&[Role::TeamMember])?;
    let agenda = app.with_index(reports::agenda)?;
    let total = agenda.len();
    let shown: Vec<_> = agenda.into_iter().take(reports::LIST_LIMIT).collect();
    let cases: Vec<journal::CaseId> = shown.iter().filter_map(|row| journal::CaseId::parse(&row.entry.case)).collect();
    app.log_cases(&caller, &cases, "GET /team", "rehabiliteringsteam").await?;
    render(
        &app,
        Some(&caller),
        "team.html",
        "Dagsorden",
        "/team",
        json!({ "agenda": shown, "truncated": total > reports::LIST_LIMIT, "total": total }),
    )
}

fn leader_unit(caller: &Caller) -> Result<String, AppError> {
    caller.require(&[Role::Leader])?;
    caller.user.unit.clone().ok_or_else(|| AppError::forbidden("Din bruger er ikke knyttet til en enhed."))
}

pub async fn leader_page(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let unit = leader_unit(&caller)?;
    let today = app.today();
    let mut view = app.with_index(|index| reports::leader(index, &unit, today))?;
    view.timeliness = Some(app.unit_timeliness(&unit).await?.as_ref().clone());
    app.log_cases(&caller, &view.shown_cases(), "GET /leder", "ledelse").await?;
    let flash = q.gemt.map(|what| format!("Gemt: {what}."));
    render(&app, Some(&caller), "leader.html", &format!("Enhed {unit}"), "/leder", json!({ "l": view, "flash": flash }))
}

/// Reviews the unit's recently decided cases (the auditor's questions, from `progress`).
pub async fn unit_review(app: &App, unit: &str) -> Result<reports::ReviewView, AppError> {
    let today = app.today();
    let ids = app.with_index(|index| reports::review_candidates(index, unit, today, 400))?;
    let reviews = app
        .pool
        .run(move |db| {
            let mut out = Vec::new();
            for id in ids {
                let events: Vec<journal::Event> = db.load(&id)?.into_iter().map(|s| s.event).collect();
                out.extend(progress::review_case(&events, today, &progress::Settings::default()));
            }
            Ok(out)
        })
        .await?;
    Ok(reports::review(unit, today, &reviews))
}

pub async fn review_page(State(app): State<App>, caller: Caller) -> Result<Html<String>, AppError> {
    let unit = leader_unit(&caller)?;
    let view = unit_review(&app, &unit).await?;
    app.log_cases(&caller, &view.shown_cases(), "GET /leder/gennemgang", "ledelse").await?;
    render(&app, Some(&caller), "review.html", "Sagsgennemgang", "/leder/gennemgang", json!({ "r": view }))
}

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
    // A citizen knows their caseworker by name, not by actor id.
    if let Some(name) = plan.contact.caseworker.as_deref().and_then(|actor| app.staff_name(actor)) {
        plan.contact.caseworker = Some(name);
    }
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

async fn admin_render(
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
