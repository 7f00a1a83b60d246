//! Authentication: argon2id passwords, sessions in an HttpOnly SameSite=Strict cookie, the CSRF
//! synchroniser token, login rate limiting, and the [`Caller`] every protected handler takes.

use crate::error::AppError;
use crate::state::App;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;
use store::accounts::{Role, Session, User};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "afklaring_session";
/// The cookie that carries the login form's token before there is a session (double submit).
pub const LOGIN_COOKIE: &str = "afklaring_login";
/// The header an API write carries the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The logged-in user making a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: User,
    pub session: Session,
}

impl Caller {
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// Fails with 403 unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.user.role) {
            Ok(())
        } else {
            Err(AppError::forbidden(format!(
                "Din rolle ({}) giver ikke adgang til denne side.",
                self.user.role.label_da().to_lowercase()
            )))
        }
    }

    /// Fails with 403 unless `token` is the session's CSRF token.
    pub fn check_csrf(&self, token: Option<&str>) -> Result<(), AppError> {
        match token {
            Some(token) if constant_time_eq(token.as_bytes(), self.session.csrf_token.as_bytes()) => Ok(()),
            _ => Err(AppError::csrf()),
        }
    }
}

impl FromRequestParts<App> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let token = cookie(&parts.headers, SESSION_COOKIE).ok_or_else(AppError::unauthenticated)?;
        let caller = app.resolve_session(&token_hash(&token)).await?.ok_or_else(AppError::unauthenticated)?;
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

/// Hashes a password with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane) and a random salt.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::internal(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::internal(format!("kunne ikke beregne adgangskodens hash: {e}")))
}

/// Whether `password` matches the stored argon2id hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to verify against when the user does not exist, so the answer takes as long either way.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("ingen-bruger").unwrap_or_default())
}

/// A fresh random token (256 bits, hex).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A random password people can type: 4 groups of 4 letters and digits without look-alikes.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The SHA-256 of a session token, as stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new session for `user_id`, valid for `hours`; returns the cookie token and the session.
pub fn new_session(user_id: &str, now: DateTime<Utc>, hours: i64) -> (String, Session) {
    let token = random_token();
    let session = Session {
        token_hash: token_hash(&token),
        user_id: user_id.to_owned(),
        csrf_token: random_token(),
        created_at: now,
        expires_at: now + Duration::hours(hours),
    };
    (token, session)
}

/// The `Set-Cookie` value for the session cookie (or for clearing it when `token` is empty).
pub fn session_cookie(token: &str, secure: bool, max_age_seconds: i64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}{secure}")
}

/// The `Set-Cookie` value for the login form's double-submit token.
pub fn login_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LOGIN_COOKIE}={token}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600{secure}")
}

/// A cookie's value from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name && !value.is_empty()).then(|| value.to_owned())
    })
}

/// Compares two byte strings in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Counts failed logins per key (user and IP) in a sliding window and refuses when too many.
#[derive(Debug)]
pub struct RateLimiter {
    max_failures: usize,
    window: std::time::Duration,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl RateLimiter {
    /// At most `max_failures` failures per key within `window`.
    pub fn new(max_failures: usize, window: std::time::Duration) -> Self {
        RateLimiter { max_failures, window, failures: Mutex::new(HashMap::new()) }
    }

    /// Fails with 429 (and how long to wait) if any key has used up its failures.
    pub fn check(&self, keys: &[String]) -> Result<(), AppError> {
        let now = Instant::now();
        let Ok(mut failures) = self.failures.lock() else { return Ok(()) };
        let mut wait = None;
        for key in keys {
            if let Some(times) = failures.get_mut(key) {
                times.retain(|t| now.duration_since(*t) < self.window);
                if times.len() >= self.max_failures {
                    let oldest = times.iter().min().copied().unwrap_or(now);
                    let left = self.window.saturating_sub(now.duration_since(oldest));
                    wait = Some(wait.map_or(left, |w: std::time::Duration| w.max(left)));
                }
            }
        }
        match wait {
            None => Ok(()),
            Some(left) => {
                let minutes = left.as_secs().div_ceil(60).max(1);
                Err(AppError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limited",
                    format!(
                        "For mange forkerte forsøg på at logge ind. Vent {minutes} minut{} og prøv igen.",
                        if minutes == 1 { "" } else { "ter" }
                    ),
                )
                .with_detail(serde_json::json!({ "retry_after_seconds": left.as_secs().max(1) })))
            }
        }
    }

    /// Records a failure for every key.
    pub fn fail(&self, keys: &[String]) {
        let now = Instant::now();
        if let Ok(mut failures) = self.failures.lock() {
            if failures.len() > 50_000 {
                // Forget keys whose failures are all outside the window, so memory stays bounded.
                failures.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < self.window));
            }
            for key in keys {
                failures.entry(key.clone()).or_default().push(now);
            }
        }
    }

    /// Forgets the failures of a key (after a successful login).
    pub fn clear(&self, key: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_argon2id_hash_only() {
        let hash = hash_password("korrekt hest").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("korrekt hest", &hash));
        assert!(!verify_password("forkert hest", &hash));
        assert!(!verify_password("korrekt hest", "not a hash"));
    }

    #[test]
    fn the_limiter_refuses_the_sixth_failure_within_the_window() {
        let limiter = RateLimiter::new(5, std::time::Duration::from_secs(900));
        let keys = vec!["user:anna".to_owned()];
        for _ in 0..5 {
            assert!(limiter.check(&keys).is_ok());
            limiter.fail(&keys);
        }
        let refused = limiter.check(&keys).unwrap_err();
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(limiter.check(&["user:bo".to_owned()]).is_ok());
        limiter.clear("user:anna");
        assert!(limiter.check(&keys).is_ok());
    }

    #[test]
    fn a_cookie_is_read_by_name_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=1; afklaring_session=abc; b=2".parse().unwrap());
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "c"), None);
    }

    #[test]
    fn the_session_cookie_is_httponly_and_strict_and_secure_only_when_asked() {
        let plain = session_cookie("t", false, 60);
        assert!(plain.contains("HttpOnly") && plain.contains("SameSite=Strict") && !plain.contains("Secure"));
        assert!(session_cookie("t", true, 60).ends_with("; Secure"));
    }
}
