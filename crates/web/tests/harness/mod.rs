//! The HTTP test harness: the real app on port 0 against a fresh database (a SQLite file; a
//! PostgreSQL schema with `AFKLARING_TEST_BACKEND=postgres`), one helper per endpoint. Shared by
//! the HTTP test files; each uses the helpers it needs.
#![allow(dead_code)]

use crate::fresh;
use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use store::accounts::Role;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date")
}

/// The running app, its base URL and the demo users' passwords.
pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub passwords: HashMap<String, String>,
    pub _db: fresh::FreshDatabase,
    pub _stop: tokio::sync::oneshot::Sender<()>,
}

/// A logged-in user: the session cookie and the CSRF token.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// A response: status, headers and body text.
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

pub async fn spawn() -> TestApp {
    spawn_with(web::Config { today: Some(today()), ..web::Config::default() }).await
}

pub async fn spawn_with(config: web::Config) -> TestApp {
    let database = fresh::FreshDatabase::create();
    let opener = database.opener();
    // Database work blocks, and the PostgreSQL client cannot run on the async runtime's threads.
    let seed_opener = std::sync::Arc::clone(&opener);
    let report = tokio::task::spawn_blocking(move || {
        let mut db = seed_opener().expect("open db");
        web::demo::seed(db.as_mut(), today(), 40).expect("seed")
    })
    .await
    .expect("join");
    let passwords = report.logins.into_iter().map(|l| (l.user, l.password)).collect();
    let app = tokio::task::spawn_blocking(move || web::App::new(opener, config)).await.expect("join").expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::serve(listener, app, async {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    TestApp { base, http, passwords, _db: database, _stop: stop }
}

impl TestApp {
    pub async fn send(&self, method: Method, path: &str, session: Option<&Session>, body: Body<'_>) -> Reply {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(s) = session {
            request = request.header("cookie", format!("afklaring_session={}", s.cookie));
        }
        request = match body {
            Body::None => request,
            Body::Form(pairs) => {
                request.header("content-type", "application/x-www-form-urlencoded").body(encode(pairs))
            }
            Body::Json(value, csrf) => {
                let request = request.json(&value);
                match (csrf, session) {
                    (true, Some(s)) => request.header("x-csrf-token", &s.csrf),
                    _ => request,
                }
            }
        };
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        Reply { status, headers, text: response.text().await.expect("body") }
    }

    pub async fn get(&self, path: &str, session: Option<&Session>) -> Reply {
        self.send(Method::GET, path, session, Body::None).await
    }

    pub async fn password(&self, user: &str) -> String {
        self.passwords.get(user).cloned().unwrap_or_else(|| panic!("no demo user {user}"))
    }

    // ---- one helper per endpoint -------------------------------------------------------------

    pub async fn api_login(&self, user: &str, password: &str) -> Reply {
        self.send(Method::POST, "/api/login", None, Body::Json(json!({ "user": user, "password": password }), false))
            .await
    }

    pub async fn login(&self, user: &str) -> Session {
        let reply = self.api_login(user, &self.password(user).await).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        let cookie = set_cookie(&reply, "afklaring_session").expect("session cookie");
        Session { cookie, csrf: reply.json()["csrf_token"].as_str().expect("csrf").to_owned() }
    }

    pub async fn api_logout(&self, s: &Session) -> Reply {
        self.send(Method::POST, "/api/logout", Some(s), Body::Json(json!({}), true)).await
    }

    pub async fn api_me(&self, s: Option<&Session>) -> Reply {
        self.get("/api/me", s).await
    }

    pub async fn api_worklist(&self, s: &Session, scope: &str) -> Reply {
        self.get(&format!("/api/worklist?scope={scope}"), Some(s)).await
    }

    pub async fn api_case(&self, s: &Session, case: &str) -> Reply {
        self.get(&format!("/api/cases/{case}"), Some(s)).await
    }

    pub async fn api_record(&self, s: &Session, case: &str, version: u64, form: &str, values: Value) -> Reply {
        let body = json!({ "expected_version": version, "form": form, "values": values });
        self.send(Method::POST, &format!("/api/cases/{case}/events"), Some(s), Body::Json(body, true)).await
    }

    pub async fn api_decision_check(&self, s: &Session, case: &str, draft: Value) -> Reply {
        self.send(Method::POST, &format!("/api/cases/{case}/decision-check"), Some(s), Body::Json(draft, true)).await
    }

    pub async fn api_decision_send(&self, s: &Session, case: &str, draft: Value) -> Reply {
        self.send(Method::POST, &format!("/api/cases/{case}/decisions"), Some(s), Body::Json(draft, true)).await
    }

    pub async fn api_letter(&self, s: &Session, case: &str, id: &str) -> Reply {
        self.get(&format!("/api/cases/{case}/decisions/{id}/letter"), Some(s)).await
    }

    pub async fn api_agenda(&self, s: &Session) -> Reply {
        self.get("/api/team/agenda", Some(s)).await
    }

    pub async fn api_leader(&self, s: &Session) -> Reply {
        self.get("/api/leader/unit", Some(s)).await
    }

    pub async fn api_review(&self, s: &Session) -> Reply {
        self.get("/api/leader/review", Some(s)).await
    }

    pub async fn api_min_plan(&self, s: &Session) -> Reply {
        self.get("/api/min-plan", Some(s)).await
    }

    pub async fn api_access_log(&self, s: &Session, case: &str) -> Reply {
        self.get(&format!("/api/audit/access-log?case={case}&limit=1000"), Some(s)).await
    }

    pub async fn api_analytics(&self, s: &Session) -> Reply {
        self.get("/api/analytics/overview", Some(s)).await
    }

    pub async fn api_users(&self, s: &Session) -> Reply {
        self.get("/api/admin/users", Some(s)).await
    }

    pub async fn api_create_user(&self, s: &Session, user: Value) -> Reply {
        self.send(Method::POST, "/api/admin/users", Some(s), Body::Json(user, true)).await
    }

    pub async fn openapi(&self) -> Reply {
        self.get("/openapi.json", None).await
    }

    pub async fn page_login(&self) -> Reply {
        self.get("/login", None).await
    }

    pub async fn page_login_submit(&self, login_cookie: &str, token: &str, user: &str, password: &str) -> Reply {
        let body = encode(&[("csrf", token), ("user", user), ("password", password)]);
        let response = self
            .http
            .post(format!("{}/login", self.base))
            .header("cookie", format!("afklaring_login={login_cookie}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("login");
        let status = response.status();
        let headers = response.headers().clone();
        Reply { status, headers, text: response.text().await.expect("body") }
    }

    pub async fn page_logout(&self, s: &Session, csrf: &str) -> Reply {
        self.send(Method::POST, "/logout", Some(s), Body::Form(&[("csrf", csrf)])).await
    }

    pub async fn page_worklist(&self, s: &Session) -> Reply {
        self.get("/arbejdsliste", Some(s)).await
    }

    pub async fn page_case(&self, s: &Session, case: &str) -> Reply {
        self.get(&format!("/sager/{case}"), Some(s)).await
    }

    pub async fn page_form(&self, s: &Session, case: &str, form: &str) -> Reply {
        self.get(&format!("/sager/{case}/registrer/{form}"), Some(s)).await
    }

    pub async fn page_form_submit(&self, s: &Session, case: &str, form: &str, pairs: &[(&str, &str)]) -> Reply {
        self.send(Method::POST, &format!("/sager/{case}/registrer/{form}"), Some(s), Body::Form(pairs)).await
    }

    pub async fn page_decision(&self, s: &Session, case: &str) -> Reply {
        self.get(&format!("/sager/{case}/afgoerelse"), Some(s)).await
    }

    pub async fn page_decision_submit(&self, s: &Session, case: &str, pairs: &[(&str, &str)]) -> Reply {
        self.send(Method::POST, &format!("/sager/{case}/afgoerelse"), Some(s), Body::Form(pairs)).await
    }

    pub async fn page_team(&self, s: &Session) -> Reply {
        self.get("/team", Some(s)).await
    }

    pub async fn page_team_form_submit(&self, s: &Session, case: &str, form: &str, pairs: &[(&str, &str)]) -> Reply {
        self.send(Method::POST, &format!("/team/sager/{case}/{form}"), Some(s), Body::Form(pairs)).await
    }

    pub async fn page_plan(&self, s: &Session) -> Reply {
        self.get("/min-plan", Some(s)).await
    }
}

pub enum Body<'a> {
    None,
    Form(&'a [(&'a str, &'a str)]),
    /// A JSON body, and whether to send the session's CSRF token.
    Json(Value, bool),
}

pub fn encode(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

pub fn set_cookie(reply: &Reply, name: &str) -> Option<String> {
    reply.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
        let (pair, _) = v.split_once(';').unwrap_or((v, ""));
        let (key, value) = pair.split_once('=')?;
        (key == name && !value.is_empty()).then(|| value.to_owned())
    })
}

pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no hidden {name} in page")) + marker.len();
    html[start..].split('"').next().unwrap_or_default().to_owned()
}

pub fn version(case: &Reply) -> u64 {
    case.json()["version"].as_u64().expect("version")
}

pub fn missing(case: &Reply) -> Vec<String> {
    case.json()["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .map(|m| m["what"].as_str().unwrap_or_default().to_owned())
        .collect()
}

pub const ROLES: [(&str, Role); 8] = [
    ("sagsbehandler", Role::Caseworker),
    ("sagsbehandler-cab", Role::Caseworker),
    ("team", Role::TeamMember),
    ("leder", Role::Leader),
    ("borger", Role::Citizen),
    ("analytiker", Role::Analyst),
    ("revisor", Role::Auditor),
    ("admin", Role::Admin),
];
