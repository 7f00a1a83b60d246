//! The one error type of the web: a status, a stable code and a Danish message. Pages show it as
//! HTML; the API answers `{"error": "<code>", "message": "…"}` (see [`json_errors`]).

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use store::StoreError;

/// What went wrong, for a person and for a program.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub struct AppError {
    pub status: StatusCode,
    /// A stable code, e.g. `forbidden`, `conflict`, `csrf`.
    pub code: &'static str,
    /// Plain Danish.
    pub message: String,
    /// Further structured detail for the API (e.g. the defects of a draft).
    pub detail: Option<Value>,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError { status, code, message: message.into(), detail: None }
    }

    /// 401: not logged in.
    pub fn unauthenticated() -> Self {
        AppError::new(StatusCode::UNAUTHORIZED, "unauthenticated", "Du skal logge ind for at se denne side.")
    }

    /// 403: the role or scope does not allow it.
    pub fn forbidden(message: impl Into<String>) -> Self {
        AppError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 403: the form's CSRF token is missing or wrong.
    pub fn csrf() -> Self {
        AppError::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "Formularen kunne ikke gemmes, fordi sikkerhedskoden mangler eller er forkert. Genindlæs siden og prøv igen.",
        )
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        AppError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    pub fn with_detail(mut self, detail: Value) -> Self {
        self.detail = Some(detail);
        self
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict { expected, actual, .. } => AppError::new(
                StatusCode::CONFLICT,
                "conflict",
                "En anden har ændret sagen, siden du åbnede den. Se ændringerne, og gem igen.",
            )
            .with_detail(serde_json::json!({ "expected_version": expected, "actual_version": actual })),
            StoreError::NotFound(case) => AppError::not_found(format!("Sagen {case} findes ikke.")),
            StoreError::Invalid(errors) => AppError::invalid(format!("Hændelsen er ikke gyldig: {errors}")),
            StoreError::WrongCase { .. } => AppError::invalid(error.to_string()),
            StoreError::Backend(message) => AppError::internal(format!("Databasen svarede ikke: {message}")),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let login = if self.status == StatusCode::UNAUTHORIZED {
            r#"<p><a href="/login">Gå til log ind</a></p>"#
        } else {
            r#"<p><a href="/">Gå til forsiden</a></p>"#
        };
        let body = format!(
            r#"<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} – afklaring</title><link rel="stylesheet" href="/static/style.css"></head><body><main id="indhold" class="narrow"><h1>{title}</h1><p class="notice error" role="alert">{message}</p>{login}</main></body></html>"#,
            title = title_da(self.status),
            message = crate::html_escape(&self.message),
        );
        let mut response = (self.status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

fn title_da(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "Log ind",
        403 => "Ingen adgang",
        404 => "Findes ikke",
        409 => "Sagen er ændret",
        422 => "Noget mangler",
        429 => "For mange forsøg",
        _ => "Der skete en fejl",
    }
}

/// Middleware for the API: turns an error response into `{"error", "message", …detail}` JSON.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if let Some(error) = response.extensions_mut().remove::<AppError>() {
        let mut body = serde_json::json!({ "error": error.code, "message": error.message });
        if let (Some(Value::Object(detail)), Some(map)) = (error.detail, body.as_object_mut()) {
            map.extend(detail);
        }
        let headers = std::mem::take(response.headers_mut());
        let mut json = (error.status, axum::Json(body)).into_response();
        for (name, value) in headers.iter() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                json.headers_mut().insert(name.clone(), value.clone());
            }
        }
        return json;
    }
    response
}
