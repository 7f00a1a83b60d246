//! The JSON API: a twin for every page, with the same scope checks and access logging, described
//! by the OpenAPI document at `/openapi.json`. Writes carry the session's CSRF token in the
//! `X-CSRF-Token` header; errors are `{"error": "<code>", "message": "…"}`.

use crate::auth::{Caller, CSRF_HEADER};
use crate::error::AppError;
use crate::forms::{FormKind, Values};
use crate::pages;
use crate::plain::{Letter, MinPlan};
use crate::reports::{self, AgendaRow, AnalyticsView, LeaderView, ReviewView, Worklist};
use crate::service::{self, case_id, Recorded};
use crate::state::App;
use crate::views::{BasisText, CaseView, TimelineEntry};
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use store::accounts::Role;
use utoipa::{IntoParams, OpenApi, ToSchema};

fn csrf(caller: &Caller, headers: &HeaderMap) -> Result<(), AppError> {
    caller.check_csrf(headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()))
}

/// The API's error body.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable code: `unauthenticated`, `forbidden`, `csrf`, `not_found`, `conflict`, `invalid`,
    /// `defects`, `rate_limited`, `bad_credentials`, `internal`.
    pub error: String,
    /// Plain Danish.
    pub message: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub user: String,
    pub password: String,
}

/// Who is logged in, and the token API writes must carry in `X-CSRF-Token`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub display_name: String,
    pub role: String,
    pub unit: Option<String>,
    pub actor: String,
    pub citizen_case: Option<String>,
    pub csrf_token: String,
}

fn me(caller: &Caller) -> Me {
    let u = &caller.user;
    Me {
        id: u.id.clone(),
        display_name: u.display_name.clone(),
        role: u.role.as_str().into(),
        unit: u.unit.clone(),
        actor: u.actor.clone(),
        citizen_case: u.citizen_case.as_ref().map(|c| c.to_string()),
        csrf_token: caller.session.csrf_token.clone(),
    }
}

/// Log in; sets the session cookie (HttpOnly, SameSite=Strict).
#[utoipa::path(post, path = "/api/login", request_body = LoginRequest, responses(
    (status = 200, body = Me), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(app): State<App>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Json(req): Json<LoginRequest>,
) -> Result<Response, AppError> {
    let user = pages::authenticate(&app, &req.user, &req.password, &addr.ip().to_string()).await?;
    let (cookie, csrf_token) = pages::start_session(&app, &user).await?;
    let body = Me {
        id: user.id.clone(),
        display_name: user.display_name.clone(),
        role: user.role.as_str().into(),
        unit: user.unit.clone(),
        actor: user.actor.clone(),
        citizen_case: user.citizen_case.as_ref().map(|c| c.to_string()),
        csrf_token,
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
}

/// Log out: ends the session.
#[utoipa::path(post, path = "/api/logout", responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn logout(State(app): State<App>, caller: Caller, headers: HeaderMap) -> Result<Response, AppError> {
    csrf(&caller, &headers)?;
    app.end_session(&caller.session.token_hash).await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, crate::auth::session_cookie("", app.config.secure_cookies, 0))])
        .into_response())
}

/// The logged-in user.
#[utoipa::path(get, path = "/api/me", responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn whoami(caller: Caller) -> Json<Me> {
    Json(me(&caller))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct WorklistParams {
    /// `mine` (default) or `unit`.
    pub scope: Option<String>,
    /// Items to skip (default 0).
    pub offset: Option<usize>,
    /// At most this many items (default 100, at most 300).
    pub limit: Option<usize>,
}

/// The caseworker's worklist (twin of `/arbejdsliste`).
#[utoipa::path(get, path = "/api/worklist", params(WorklistParams), responses((status = 200, body = Worklist), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn worklist(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<WorklistParams>,
) -> Result<Json<Worklist>, AppError> {
    caller.require(&[Role::Caseworker])?;
    let unit = caller.user.unit.clone().unwrap_or_default();
    let mine = (q.scope.as_deref() != Some("unit")).then_some(caller.user.actor.as_str());
    let page = reports::Page { offset: q.offset.unwrap_or(0), limit: q.limit.unwrap_or(100).min(reports::LIST_LIMIT) };
    let list = app.with_index(|index| reports::worklist(index, Some(&unit), mine, page))?;
    app.log_cases(&caller, &list.shown_cases(), "GET /api/worklist", "sagsbehandling").await?;
    Ok(Json(list))
}

/// A case: the page's view, plus the assessment as `assess` answers it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseResponse {
    #[serde(flatten)]
    pub view: CaseView,
    /// The assessment (spec/journal.md, "What `assess` answers").
    #[schema(value_type = Object)]
    pub assessment: Value,
}

/// A case (twin of `/sager/{case}`).
#[utoipa::path(get, path = "/api/cases/{case}", params(("case" = String, Path)), responses((status = 200, body = CaseResponse), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn case(
    State(app): State<App>,
    caller: Caller,
    Path(case): Path<String>,
) -> Result<Json<CaseResponse>, AppError> {
    caller.require(&[Role::Caseworker, Role::Leader, Role::TeamMember])?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "GET /api/cases/{case}").await?;
    let assessment = serde_json::to_value(&loaded.assessment).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(Json(CaseResponse { view: loaded.view(app.today()), assessment }))
}

/// Something to record, with the version it was based on.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RecordRequest {
    /// The case version the client saw.
    pub expected_version: u64,
    /// The form: `samtale`, `dokument`, `indsats`, `indsats-slut`, `vurdering`, `ansoegning`,
    /// `notat`, `forelaeg`, `partshoering`, `moedetilbud`, `overgang`, `udsaettelse` (caseworker);
    /// `tildel` (hand the case to another caseworker: caseworker or the unit's leader);
    /// `booking`, `moede`, `indstilling` (rehabilitation team).
    pub form: String,
    /// The form's fields by name (a list for several values, `true` for a ticked box).
    #[schema(value_type = Object)]
    pub values: Map<String, Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Recorded201 {
    pub version: u64,
    /// The stored event, in the journal format.
    #[schema(value_type = Object)]
    pub event: Value,
}

/// Records an event through one of the forms (twin of the forms' POST).
#[utoipa::path(post, path = "/api/cases/{case}/events", params(("case" = String, Path)), request_body = RecordRequest, responses(
    (status = 201, body = Recorded201), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record(
    State(app): State<App>,
    caller: Caller,
    headers: HeaderMap,
    Path(case): Path<String>,
    Json(req): Json<RecordRequest>,
) -> Result<Response, AppError> {
    csrf(&caller, &headers)?;
    let kind =
        FormKind::from_slug(&req.form).ok_or_else(|| AppError::invalid(format!("Ukendt formular: {}", req.form)))?;
    service::require_form_role(&caller, kind)?;
    let case = case_id(&case)?;
    app.open_case(&caller, &case, "POST /api/cases/{case}/events").await?;
    let values = Values::from_json(&req.values);
    outcome(service::record(&app, &caller, &case, kind, &values, req.expected_version).await?)
}

fn outcome(recorded: Recorded) -> Result<Response, AppError> {
    match recorded {
        Recorded::Saved { version, event } => {
            let event: Value = serde_json::from_str(&journal::write_event(&event)).unwrap_or(Value::Null);
            Ok((StatusCode::CREATED, Json(Recorded201 { version, event })).into_response())
        }
        Recorded::Invalid(errors) => Err(AppError::invalid("Der er fejl i det indsendte.")
            .with_detail(json!({ "errors": errors.into_iter().map(|(field, message)| json!({ "field": field, "message": message })).collect::<Vec<_>>() }))),
        Recorded::Conflict { changes, version } => Err(AppError::new(
            StatusCode::CONFLICT,
            "conflict",
            "En anden har ændret sagen, siden du åbnede den. Intet er gemt. Se ændringerne, og send igen med den nye version.",
        )
        .with_detail(json!({ "actual_version": version, "changes": changes }))),
    }
}

/// A draft decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftRequest {
    /// The case version the client saw (needed to send).
    pub expected_version: Option<u64>,
    pub outcome: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    pub reasons: Option<String>,
    pub main_considerations: Option<String>,
    #[serde(default)]
    pub work_functions: Vec<String>,
    #[serde(default)]
    pub klagevejledning: bool,
}

impl DraftRequest {
    fn values(&self) -> Values {
        let mut v = vec![("outcome".to_owned(), self.outcome.clone())];
        v.extend(self.legal_basis.iter().map(|b| ("legal_basis".to_owned(), b.clone())));
        v.extend(self.reasons.iter().map(|r| ("reasons".to_owned(), r.clone())));
        v.extend(self.main_considerations.iter().map(|r| ("main_considerations".to_owned(), r.clone())));
        v.extend(self.work_functions.iter().map(|w| ("work_functions".to_owned(), w.clone())));
        if self.klagevejledning {
            v.push(("klagevejledning".to_owned(), "on".to_owned()));
        }
        Values(v)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DraftResult {
    /// Whether it can be sent: no defects.
    pub can_send: bool,
    /// The draft's own defects, each with its legal basis.
    pub defects: Vec<BasisText>,
    pub letter: Letter,
}

async fn draft_check(
    app: &App,
    caller: &Caller,
    case: &str,
    req: &DraftRequest,
    what: &str,
) -> Result<(service::LoadedCase, service::DraftCheck), AppError> {
    service::require_caseworker(caller)?;
    let case = case_id(case)?;
    let loaded = service::open(app, caller, &case, what).await?;
    let check = service::check_draft(app, caller, &loaded, service::draft_values(&req.values())).map_err(|errors| {
        AppError::invalid("Udkastet er ikke gyldigt.").with_detail(json!({ "errors": errors.into_iter().map(|(f, m)| json!({ "field": f, "message": m })).collect::<Vec<_>>() }))
    })?;
    Ok((loaded, check))
}

/// Checks a draft decision against the rulebook (twin of "Kontrollér udkastet").
#[utoipa::path(post, path = "/api/cases/{case}/decision-check", params(("case" = String, Path)), request_body = DraftRequest, responses(
    (status = 200, body = DraftResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decision_check(
    State(app): State<App>,
    caller: Caller,
    headers: HeaderMap,
    Path(case): Path<String>,
    Json(req): Json<DraftRequest>,
) -> Result<Json<DraftResult>, AppError> {
    csrf(&caller, &headers)?;
    let (_, check) = draft_check(&app, &caller, &case, &req, "POST /api/cases/{case}/decision-check").await?;
    Ok(Json(DraftResult { can_send: check.defects.is_empty(), defects: check.defects, letter: check.letter }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Sent {
    pub id: String,
    pub version: u64,
    pub letter: Letter,
}

/// Sends a decision: refused with 422 and its defects while any exist (twin of "Send afgørelsen").
#[utoipa::path(post, path = "/api/cases/{case}/decisions", params(("case" = String, Path)), request_body = DraftRequest, responses(
    (status = 201, body = Sent), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decision_send(
    State(app): State<App>,
    caller: Caller,
    headers: HeaderMap,
    Path(case): Path<String>,
    Json(req): Json<DraftRequest>,
) -> Result<Response, AppError> {
    csrf(&caller, &headers)?;
    let (loaded, check) = draft_check(&app, &caller, &case, &req, "POST /api/cases/{case}/decisions").await?;
    if !check.defects.is_empty() {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "defects",
            "Afgørelsen har mangler og kan ikke sendes.",
        )
        .with_detail(json!({ "defects": check.defects })));
    }
    let version =
        req.expected_version.ok_or_else(|| AppError::invalid("expected_version skal angives for at sende."))?;
    let id = check.event.id.clone().unwrap_or_default();
    match service::append_one(&app, &caller, &loaded.state.case, version, check.event).await? {
        Recorded::Saved { version, .. } => {
            Ok((StatusCode::CREATED, Json(Sent { id, version, letter: check.letter })).into_response())
        }
        other => outcome(other),
    }
}

/// A decision letter (twin of the letter page).
#[utoipa::path(get, path = "/api/cases/{case}/decisions/{id}/letter", params(("case" = String, Path), ("id" = String, Path)), responses(
    (status = 200, body = Letter), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn letter(
    State(app): State<App>,
    caller: Caller,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<Letter>, AppError> {
    caller.require(&[Role::Caseworker, Role::Leader])?;
    let case = case_id(&case)?;
    let loaded = service::open(&app, &caller, &case, "GET /api/cases/{case}/decisions/{id}/letter").await?;
    Ok(Json(pages::decision_letter(&loaded, &id)?))
}

/// The rehabilitation team's agenda (twin of `/team`).
#[utoipa::path(get, path = "/api/team/agenda", responses((status = 200, body = [AgendaRow]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn agenda(State(app): State<App>, caller: Caller) -> Result<Json<Vec<AgendaRow>>, AppError> {
    caller.require(&[Role::TeamMember])?;
    let rows: Vec<AgendaRow> = app.with_index(reports::agenda)?.into_iter().take(reports::LIST_LIMIT).collect();
    let cases: Vec<journal::CaseId> = rows.iter().filter_map(|row| journal::CaseId::parse(&row.entry.case)).collect();
    app.log_cases(&caller, &cases, "GET /api/team/agenda", "rehabiliteringsteam").await?;
    Ok(Json(rows))
}

/// The leader's unit (twin of `/leder`).
#[utoipa::path(get, path = "/api/leader/unit", responses((status = 200, body = LeaderView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn leader(State(app): State<App>, caller: Caller) -> Result<Json<LeaderView>, AppError> {
    caller.require(&[Role::Leader])?;
    let unit =
        caller.user.unit.clone().ok_or_else(|| AppError::forbidden("Din bruger er ikke knyttet til en enhed."))?;
    let today = app.today();
    let mut view = app.with_index(|index| reports::leader(index, &unit, today))?;
    view.timeliness = Some(app.unit_timeliness(&unit).await?.as_ref().clone());
    app.log_cases(&caller, &view.shown_cases(), "GET /api/leader/unit", "ledelse").await?;
    Ok(Json(view))
}

/// The review of the unit's decided cases (twin of `/leder/gennemgang`).
#[utoipa::path(get, path = "/api/leader/review", responses((status = 200, body = ReviewView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn review(State(app): State<App>, caller: Caller) -> Result<Json<ReviewView>, AppError> {
    caller.require(&[Role::Leader])?;
    let unit =
        caller.user.unit.clone().ok_or_else(|| AppError::forbidden("Din bruger er ikke knyttet til en enhed."))?;
    let view = pages::unit_review(&app, &unit).await?;
    app.log_cases(&caller, &view.shown_cases(), "GET /api/leader/review", "ledelse").await?;
    Ok(Json(view))
}

/// The citizen's own plan (twin of `/min-plan`).
#[utoipa::path(get, path = "/api/min-plan", responses((status = 200, body = MinPlan), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn min_plan(State(app): State<App>, caller: Caller) -> Result<Json<MinPlan>, AppError> {
    Ok(Json(pages::citizen_plan(&app, &caller, "GET /api/min-plan").await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactRequested {
    pub version: u64,
}

/// The citizen asks to be contacted (twin of the button on "Min plan"); shows on the caseworker's worklist.
#[utoipa::path(post, path = "/api/min-plan/contact-request", responses((status = 201, body = ContactRequested), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn contact_request(State(app): State<App>, caller: Caller, headers: HeaderMap) -> Result<Response, AppError> {
    csrf(&caller, &headers)?;
    let version = pages::request_contact(&app, &caller, "POST /api/min-plan/contact-request").await?;
    Ok((StatusCode::CREATED, Json(ContactRequested { version })).into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct AccessParams {
    pub case: Option<String>,
    pub user: Option<String>,
    pub limit: Option<usize>,
}

/// The access log, newest first (twin of `/revision`).
#[utoipa::path(get, path = "/api/audit/access-log", params(AccessParams), responses((status = 200, body = [Object]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn access_log(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<AccessParams>,
) -> Result<Json<Vec<Value>>, AppError> {
    Ok(Json(
        pages::access_entries(&app, &caller, q.case.as_deref(), q.user.as_deref(), q.limit.unwrap_or(500).min(10_000))
            .await?,
    ))
}

/// Aggregates without personal data (twin of `/analyse`).
#[utoipa::path(get, path = "/api/analytics/overview", responses((status = 200, body = AnalyticsView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn analytics(State(app): State<App>, caller: Caller) -> Result<Json<AnalyticsView>, AppError> {
    caller.require(&[Role::Analyst])?;
    Ok(Json(app.with_index(reports::analytics)?))
}

/// Every user, without password hashes (twin of `/admin/brugere`).
#[utoipa::path(get, path = "/api/admin/users", responses((status = 200, body = [Object]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn users(State(app): State<App>, caller: Caller) -> Result<Json<Vec<Value>>, AppError> {
    caller.require(&[Role::Admin])?;
    let users = app.pool.run(|db| Ok(db.users()?)).await?;
    Ok(Json(pages::user_rows(&users)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewUser {
    pub id: String,
    pub display_name: String,
    /// citizen, caseworker, team_member, leader, analyst, auditor or admin.
    pub role: String,
    pub unit: Option<String>,
    pub actor: Option<String>,
    pub citizen_case: Option<String>,
    /// At least 12 characters.
    pub password: String,
}

/// Creates or resets a user; resetting ends the user's sessions at once.
#[utoipa::path(post, path = "/api/admin/users", request_body = NewUser, responses((status = 201), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_user(
    State(app): State<App>,
    caller: Caller,
    headers: HeaderMap,
    Json(req): Json<NewUser>,
) -> Result<StatusCode, AppError> {
    csrf(&caller, &headers)?;
    caller.require(&[Role::Admin])?;
    let mut fields: HashMap<&str, &str> = HashMap::new();
    fields.insert("id", &req.id);
    fields.insert("display_name", &req.display_name);
    fields.insert("role", &req.role);
    fields.insert("password", &req.password);
    for (k, v) in [("unit", &req.unit), ("actor", &req.actor), ("citizen_case", &req.citizen_case)] {
        if let Some(v) = v {
            fields.insert(k, v);
        }
    }
    let (mut user, password) = pages::user_from(&fields)?;
    user.password_hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password))
        .await
        .map_err(|e| AppError::internal(e.to_string()))??;
    app.put_user(user).await?;
    Ok(StatusCode::CREATED)
}

/// The OpenAPI description of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "afklaring",
        description = "Case engine for ressourceforloeb, fleksjob and foertidspension: the JSON twin of every page. Authenticate with POST /api/login (session cookie); send the returned csrf_token in X-CSRF-Token on every write."
    ),
    paths(
        login,
        logout,
        whoami,
        worklist,
        case,
        record,
        decision_check,
        decision_send,
        letter,
        agenda,
        leader,
        review,
        min_plan,
        contact_request,
        access_log,
        analytics,
        users,
        create_user
    ),
    components(schemas(
        ErrorBody,
        LoginRequest,
        Me,
        Worklist,
        CaseResponse,
        RecordRequest,
        Recorded201,
        DraftRequest,
        DraftResult,
        Sent,
        Letter,
        AgendaRow,
        LeaderView,
        ReviewView,
        MinPlan,
        ContactRequested,
        AnalyticsView,
        NewUser,
        TimelineEntry
    ))
)]
pub struct ApiDoc;

/// `/openapi.json`.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
