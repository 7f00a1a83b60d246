//! Logging in and out: the login form, password checks with the rate limit, sessions.

use super::*;
use crate::auth::{self, Caller};
use crate::error::AppError;
use crate::forms::Values;
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::json;
use std::net::SocketAddr;
use store::accounts::User;

pub(crate) fn login_page(app: &App, status: StatusCode, error: Option<&str>, user: &str) -> Result<Response, AppError> {
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
