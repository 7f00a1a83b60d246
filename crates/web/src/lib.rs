//! The web application: Danish server-rendered pages for caseworkers, the rehabilitation team,
//! leaders, citizens, analysts and auditors, with a JSON twin of every page and its OpenAPI
//! description at `/openapi.json`.
//!
//! Invariants:
//! - every endpoint but login, the stylesheet and `/openapi.json` needs a session (401 without);
//!   every endpoint checks the role and the case's scope (403 otherwise);
//! - every read of a case's personal data is written to the append-only access log before the
//!   answer is sent, and refused attempts are logged too;
//! - every form and API write carries the session's CSRF token, and the case version it was
//!   based on: a stale version never overwrites, it shows what changed and keeps the input;
//! - the web knows no SQL and no law: it calls `store`'s traits and `assess`.

mod access;
pub mod api;
pub mod auth;
pub mod db;
pub mod demo;
pub mod error;
pub mod forms;
pub mod index;
pub mod pages;
pub mod plain;
pub mod reports;
pub mod service;
pub mod state;
pub mod views;

pub use db::{Database, Opener, Pool};
pub use error::AppError;
pub use state::{App, Config};

use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;

/// The application's routes.
pub fn router(app: App) -> Router {
    let api = Router::new()
        .route("/login", post(api::login))
        .route("/logout", post(api::logout))
        .route("/me", get(api::whoami))
        .route("/worklist", get(api::worklist))
        .route("/cases/{case}", get(api::case))
        .route("/cases/{case}/events", post(api::record))
        .route("/cases/{case}/decision-check", post(api::decision_check))
        .route("/cases/{case}/decisions", post(api::decision_send))
        .route("/cases/{case}/decisions/{id}/letter", get(api::letter))
        .route("/team/agenda", get(api::agenda))
        .route("/leader/unit", get(api::leader))
        .route("/leader/review", get(api::review))
        .route("/min-plan", get(api::min_plan))
        .route("/min-plan/contact-request", post(api::contact_request))
        .route("/audit/access-log", get(api::access_log))
        .route("/analytics/overview", get(api::analytics))
        .route("/admin/users", get(api::users).post(api::create_user))
        .layer(middleware::from_fn(error::json_errors));
    Router::new()
        .route("/", get(pages::home))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/arbejdsliste", get(pages::worklist))
        .route("/sager/{case}", get(pages::case_page))
        .route("/sager/{case}/registrer/{form}", get(pages::record_form).post(pages::record_submit))
        .route("/sager/{case}/afgoerelse", get(pages::decision_form).post(pages::decision_submit))
        .route("/sager/{case}/afgoerelser/{id}/brev", get(pages::letter_page))
        .route("/team", get(pages::team_page))
        .route("/team/sager/{case}/{form}", get(pages::team_form).post(pages::team_submit))
        .route("/leder", get(pages::leader_page))
        .route("/leder/gennemgang", get(pages::review_page))
        .route("/min-plan", get(pages::plan_page))
        .route("/min-plan/kontakt", post(pages::plan_contact))
        .route("/revision", get(pages::audit_page))
        .route("/analyse", get(pages::analytics_page))
        .route("/admin/brugere", get(pages::admin_page).post(pages::admin_submit))
        .route("/static/style.css", get(pages::stylesheet))
        .route("/openapi.json", get(api::openapi))
        .nest("/api", api)
        .layer(middleware::map_response(security_headers))
        .with_state(app)
}

async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'none'; form-action 'self'");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CACHE_CONTROL, "no-store");
    response
}

/// Serves the application on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: App,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}

/// A date as Danes write it: "1. november 2017".
pub use journal::format_date_da as date_da;

/// Escapes text for HTML (element content and quoted attributes).
pub fn html_escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}
