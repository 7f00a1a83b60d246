//! HTTP tests: the real app on port 0 against a fresh database (a SQLite file; a PostgreSQL schema
//! with `AFKLARING_TEST_BACKEND=postgres`), driven like a browser and like an API client. One helper
//! per endpoint; every protected endpoint is tried without a session and with every role that must
//! not get in.

mod fresh;
mod harness;

use harness::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use store::accounts::Role;
use web::demo::{CASE_MISSING_LAE265 as DEMO1, CASE_PENSION as DEMO2};

/// Every protected endpoint and the roles allowed in (scope aside).
fn endpoints() -> Vec<(Method, String, Vec<Role>)> {
    use Role::*;
    let cw_case = vec![Caseworker, Leader, TeamMember];
    vec![
        (Method::GET, "/arbejdsliste".into(), vec![Caseworker]),
        (Method::GET, format!("/sager/{DEMO1}"), cw_case.clone()),
        (Method::GET, format!("/sager/{DEMO1}/registrer/samtale"), vec![Caseworker]),
        (Method::POST, format!("/sager/{DEMO1}/registrer/samtale"), vec![Caseworker]),
        (Method::GET, format!("/sager/{DEMO1}/registrer/tildel"), vec![Caseworker, Leader]),
        (Method::POST, format!("/sager/{DEMO1}/registrer/tildel"), vec![Caseworker, Leader]),
        (Method::GET, format!("/sager/{DEMO1}/afgoerelse"), vec![Caseworker]),
        (Method::POST, format!("/sager/{DEMO1}/afgoerelse"), vec![Caseworker]),
        (Method::GET, format!("/sager/{DEMO1}/afgoerelser/x/brev"), vec![Caseworker, Leader]),
        (Method::GET, "/team".into(), vec![TeamMember]),
        (Method::GET, format!("/team/sager/{DEMO1}/booking"), vec![TeamMember]),
        (Method::POST, format!("/team/sager/{DEMO1}/booking"), vec![TeamMember]),
        (Method::GET, "/leder".into(), vec![Leader]),
        (Method::GET, "/leder/gennemgang".into(), vec![Leader]),
        (Method::GET, "/min-plan".into(), vec![Citizen]),
        (Method::GET, "/revision".into(), vec![Auditor]),
        (Method::GET, "/analyse".into(), vec![Analyst]),
        (Method::GET, "/admin/brugere".into(), vec![Admin]),
        (Method::POST, "/admin/brugere".into(), vec![Admin]),
        (Method::GET, "/api/worklist".into(), vec![Caseworker]),
        (Method::GET, format!("/api/cases/{DEMO1}"), cw_case.clone()),
        (Method::POST, format!("/api/cases/{DEMO1}/events"), vec![Caseworker, TeamMember]),
        (Method::POST, format!("/api/cases/{DEMO1}/decision-check"), vec![Caseworker]),
        (Method::POST, format!("/api/cases/{DEMO1}/decisions"), vec![Caseworker]),
        (Method::GET, format!("/api/cases/{DEMO1}/decisions/x/letter"), vec![Caseworker, Leader]),
        (Method::GET, "/api/team/agenda".into(), vec![TeamMember]),
        (Method::GET, "/api/leader/unit".into(), vec![Leader]),
        (Method::GET, "/api/leader/review".into(), vec![Leader]),
        (Method::GET, "/api/min-plan".into(), vec![Citizen]),
        (Method::POST, "/api/min-plan/contact-request".into(), vec![Citizen]),
        (Method::POST, "/min-plan/kontakt".into(), vec![Citizen]),
        (Method::GET, "/api/audit/access-log".into(), vec![Auditor]),
        (Method::GET, "/api/analytics/overview".into(), vec![Analyst]),
        (Method::GET, "/api/admin/users".into(), vec![Admin]),
        (Method::POST, "/api/admin/users".into(), vec![Admin]),
        (Method::POST, "/api/logout".into(), vec![Caseworker, TeamMember, Leader, Citizen, Analyst, Auditor, Admin]),
        (Method::GET, "/api/me".into(), vec![Caseworker, TeamMember, Leader, Citizen, Analyst, Auditor, Admin]),
    ]
}

/// A request to an endpoint with a valid CSRF token, so only the role decides.
async fn call(app: &TestApp, method: &Method, path: &str, s: Option<&Session>) -> Reply {
    let csrf = s.map(|s| s.csrf.clone()).unwrap_or_default();
    if *method == Method::GET {
        app.get(path, s).await
    } else if path.starts_with("/api/") {
        app.send(method.clone(), path, s, Body::Json(json!({ "expected_version": 1, "form": "notat", "values": {}, "outcome": "afslag_foertidspension", "id": "x", "display_name": "x", "role": "analyst", "password": "x" }), true)).await
    } else {
        app.send(method.clone(), path, s, Body::Form(&[("csrf", &csrf), ("version", "1")])).await
    }
}

#[tokio::test]
async fn every_protected_endpoint_answers_401_without_a_session() {
    let app = spawn().await;
    for (method, path, _) in endpoints() {
        let reply = call(&app, &method, &path, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}: {}", reply.text);
        if path.starts_with("/api/") {
            assert_eq!(reply.json()["error"], "unauthenticated", "{method} {path}");
        } else {
            assert!(reply.text.contains("/login"), "{method} {path} links to the login page");
        }
    }
    let forged = Session { cookie: "0".repeat(64), csrf: String::new() };
    assert_eq!(app.api_me(Some(&forged)).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn every_endpoint_answers_403_to_every_role_that_must_not_get_in() {
    let app = spawn().await;
    for (user, role) in ROLES {
        let session = app.login(user).await;
        for (method, path, allowed) in endpoints() {
            if allowed.contains(&role) {
                continue;
            }
            let reply = call(&app, &method, &path, Some(&session)).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{user} {method} {path}: {}", reply.text);
        }
    }
}

#[tokio::test]
async fn a_caseworker_from_another_unit_is_refused_and_the_refusal_is_logged() {
    let app = spawn().await;
    let cab = app.login("sagsbehandler-cab").await;
    let page = app.page_case(&cab, DEMO1).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.text.contains("hører ikke til din enhed"));
    assert!(!page.text.contains("speciallæge"), "no case data on the refusal page");
    assert_eq!(app.api_case(&cab, DEMO1).await.status, StatusCode::FORBIDDEN);
    let write = app.api_record(&cab, DEMO1, 12, "notat", json!({ "text": "x" })).await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    let auditor = app.login("revisor").await;
    let log = app.api_access_log(&auditor, DEMO1).await.json();
    let refused: Vec<&Value> = log.as_array().unwrap().iter().filter(|e| e["user"] == "sagsbehandler-cab").collect();
    assert_eq!(refused.len(), 3);
    assert!(refused.iter().all(|e| e["purpose"] == "naegtet"));
}

#[tokio::test]
async fn a_citizen_sees_only_their_own_plan_in_plain_danish() {
    let app = spawn().await;
    let citizen = app.login("borger").await;
    let plan = app.page_plan(&citizen).await;
    assert_eq!(plan.status, StatusCode::OK);
    for heading in [
        "Dit mål",
        "Det næste, der skal ske",
        "Det venter vi på",
        "Din kontaktperson",
        "Dokumenter i din sag",
        "Afgørelser",
    ] {
        assert!(plan.text.contains(heading), "Min plan shows {heading}");
    }
    assert!(plan.text.contains("attest fra din egen læge"), "the missing LÆ 265 in plain words");
    assert!(!plan.text.contains("BEK 996/2016"), "no unexplained citations");
    let api = app.api_min_plan(&citizen).await.json();
    assert_eq!(api["case"], DEMO1);
    assert_eq!(app.api_case(&citizen, DEMO2).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.api_case(&citizen, DEMO1).await.status, StatusCode::FORBIDDEN, "not the caseworker's page either");
    assert_eq!(app.page_case(&citizen, DEMO2).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn recording_an_lae265_removes_it_from_the_missing_evidence() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let before = app.api_case(&cw, DEMO1).await;
    assert!(missing(&before).contains(&"lae265".to_owned()));
    let saved = app
        .api_record(
            &cw,
            DEMO1,
            version(&before),
            "dokument",
            json!({ "kind": "lae265", "issued": "2026-02-20", "author": "Egen læge" }),
        )
        .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let event = saved.json()["event"].clone();
    assert_eq!((event["by"].as_str(), event["at"].as_str()), (Some("sb:101-jki-001"), Some("2026-03-02")));
    let after = app.api_case(&cw, DEMO1).await;
    assert!(!missing(&after).contains(&"lae265".to_owned()), "{:?}", missing(&after));
    assert_eq!(version(&after), version(&before) + 1);
}

#[tokio::test]
async fn the_document_form_saves_and_shows_the_case_again() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let form = app.page_form(&cw, DEMO1, "dokument").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("<label for=\"f-issued\">"), "every input has a label");
    let (csrf, v) = (hidden(&form.text, "csrf"), hidden(&form.text, "version"));
    let saved = app
        .page_form_submit(
            &cw,
            DEMO1,
            "dokument",
            &[("csrf", &csrf), ("version", &v), ("kind", "lae265"), ("issued", "2026-02-20")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let page = app.page_case(&cw, DEMO1).await;
    assert!(page.text.contains("Lægeattest (LÆ 265)"));
    assert!(!page.text.contains("data-what=\"lae265\""));
}

#[tokio::test]
async fn a_form_with_errors_is_shown_again_with_the_input_kept() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let form = app.page_form(&cw, DEMO1, "dokument").await;
    let (csrf, v) = (hidden(&form.text, "csrf"), hidden(&form.text, "version"));
    let reply = app
        .page_form_submit(
            &cw,
            DEMO1,
            "dokument",
            &[("csrf", &csrf), ("version", &v), ("kind", "lae265"), ("author", "Dr. Ærø")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.text.contains("Udstedt den skal udfyldes."));
    assert!(reply.text.contains("value=\"Dr. Ærø\""));
}

#[tokio::test]
async fn a_form_post_without_the_csrf_token_is_refused_and_nothing_is_stored() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let before = version(&app.api_case(&cw, DEMO1).await);
    let v = before.to_string();
    let reply = app.page_form_submit(&cw, DEMO1, "notat", &[("version", &v), ("text", "uden token")]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let wrong = app
        .page_form_submit(&cw, DEMO1, "notat", &[("csrf", "forkert"), ("version", &v), ("text", "forkert token")])
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let api = app
        .send(
            Method::POST,
            &format!("/api/cases/{DEMO1}/events"),
            Some(&cw),
            Body::Json(json!({ "expected_version": before, "form": "notat", "values": { "text": "x" } }), false),
        )
        .await;
    assert_eq!((api.status, api.json()["error"].as_str()), (StatusCode::FORBIDDEN, Some("csrf")));
    assert_eq!(version(&app.api_case(&cw, DEMO1).await), before);
}

#[tokio::test]
async fn the_login_form_needs_its_own_token_and_sets_a_strict_httponly_cookie() {
    let app = spawn().await;
    let page = app.page_login().await;
    assert_eq!(page.status, StatusCode::OK);
    let login_cookie = set_cookie(&page, "afklaring_login").expect("login cookie");
    let token = hidden(&page.text, "csrf");
    let password = app.password("sagsbehandler").await;
    let forged = app.page_login_submit(&login_cookie, "forkert", "sagsbehandler", &password).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let ok = app.page_login_submit(&login_cookie, &token, "sagsbehandler", &password).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.headers.get("location").and_then(|v| v.to_str().ok()), Some("/arbejdsliste"));
    let cookie = ok
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("afklaring_session="))
        .expect("cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP on localhost");
}

#[tokio::test]
async fn cookies_are_secure_when_not_on_localhost() {
    let app = spawn_with(web::Config { today: Some(today()), secure_cookies: true, ..web::Config::default() }).await;
    let reply = app.api_login("sagsbehandler", &app.password("sagsbehandler").await).await;
    let cookie = reply.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
}

#[tokio::test]
async fn the_sixth_failed_login_within_15_minutes_is_refused_even_with_the_right_password() {
    let app = spawn().await;
    for attempt in 1..=5 {
        let reply = app.api_login("leder", "forkert").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        assert_eq!(reply.json()["error"], "bad_credentials");
    }
    let locked = app.api_login("leder", &app.password("leder").await).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.json()["retry_after_seconds"].as_u64().unwrap_or(0) > 0);
    assert!(locked.json()["message"].as_str().unwrap_or("").contains("Vent"));
}

#[tokio::test]
async fn failed_logins_from_one_address_lock_that_address_for_every_user() {
    let app = spawn().await;
    for user in ["a", "b", "c", "d", "e"] {
        assert_eq!(app.api_login(user, "forkert").await.status, StatusCode::UNAUTHORIZED);
    }
    let reply = app.api_login("revisor", &app.password("revisor").await).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_stale_version_gets_a_conflict_and_the_form_keeps_the_input() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let form = app.page_form(&cw, DEMO1, "notat").await;
    let (csrf, stale) = (hidden(&form.text, "csrf"), hidden(&form.text, "version"));
    let other =
        app.api_record(&cw, DEMO1, stale.parse().unwrap(), "samtale", json!({ "kind": "telefonsamtale" })).await;
    assert_eq!(other.status, StatusCode::CREATED);
    let reply = app
        .page_form_submit(&cw, DEMO1, "notat", &[("csrf", &csrf), ("version", &stale), ("text", "Mit vigtige notat")])
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.text.contains("En anden har ændret sagen, siden du åbnede den"));
    assert!(reply.text.contains("Mit vigtige notat</textarea>"), "the input is kept");
    assert!(reply.text.contains("telefonsamtale"), "what changed is shown");
    let fresh = hidden(&reply.text, "version");
    assert_eq!(fresh.parse::<u64>().unwrap(), stale.parse::<u64>().unwrap() + 1);
    let again = app
        .page_form_submit(&cw, DEMO1, "notat", &[("csrf", &csrf), ("version", &fresh), ("text", "Mit vigtige notat")])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_api_answers_a_stale_version_with_409_and_the_changes() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let v = version(&app.api_case(&cw, DEMO1).await);
    assert_eq!(app.api_record(&cw, DEMO1, v, "notat", json!({ "text": "først" })).await.status, StatusCode::CREATED);
    let late = app.api_record(&cw, DEMO1, v, "notat", json!({ "text": "for sent" })).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    let body = late.json();
    assert_eq!(body["error"], "conflict");
    assert_eq!(body["actual_version"].as_u64(), Some(v + 1));
    assert_eq!(body["changes"][0]["text"], "først");
}

#[tokio::test]
async fn every_read_of_a_case_writes_an_access_log_entry() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let leader = app.login("leder").await;
    let citizen = app.login("borger").await;
    app.page_case(&cw, DEMO1).await;
    app.api_case(&cw, DEMO1).await;
    app.page_form(&cw, DEMO1, "samtale").await;
    app.page_decision(&cw, DEMO1).await;
    app.api_case(&leader, DEMO1).await;
    app.page_plan(&citizen).await;
    app.api_min_plan(&citizen).await;
    let auditor = app.login("revisor").await;
    let log = app.api_access_log(&auditor, DEMO1).await.json();
    let seen: Vec<(String, String, String)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["user"].as_str().unwrap().into(),
                e["what"].as_str().unwrap().into(),
                e["purpose"].as_str().unwrap().into(),
            )
        })
        .collect();
    for expected in [
        ("sagsbehandler", "GET /sager/{case}", "sagsbehandling"),
        ("sagsbehandler", "GET /api/cases/{case}", "sagsbehandling"),
        ("sagsbehandler", "GET /sager/{case}/registrer/{form}", "sagsbehandling"),
        ("sagsbehandler", "GET /sager/{case}/afgoerelse", "sagsbehandling"),
        ("leder", "GET /api/cases/{case}", "ledelse"),
        ("borger", "GET /min-plan", "min_plan"),
        ("borger", "GET /api/min-plan", "min_plan"),
    ] {
        let expected = (expected.0.to_owned(), expected.1.to_owned(), expected.2.to_owned());
        assert!(seen.contains(&expected), "{expected:?} in {seen:?}");
    }
    let page = app.get(&format!("/revision?sag={DEMO1}"), Some(&auditor)).await;
    assert!(page.text.contains("min_plan") && page.text.contains("sagsbehandling"));
}

/// Who read a case, by which page: (user, what) pairs from the access log.
async fn readers(app: &TestApp, case: &str) -> Vec<(String, String)> {
    let auditor = app.login("revisor").await;
    let log = app.api_access_log(&auditor, case).await.json();
    log.as_array()
        .unwrap()
        .iter()
        .map(|e| (e["user"].as_str().unwrap().to_owned(), e["what"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test]
async fn list_pages_log_a_read_of_every_case_they_show() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let list = app.api_worklist(&cw, "mine").await.json();
    let shown: Vec<String> =
        list["items"].as_array().unwrap().iter().map(|i| i["case"].as_str().unwrap().to_owned()).collect();
    assert!(!shown.is_empty());
    app.page_worklist(&cw).await;
    for case in shown.iter().take(3) {
        let seen = readers(&app, case).await;
        for what in ["GET /api/worklist", "GET /arbejdsliste"] {
            assert!(seen.contains(&("sagsbehandler".to_owned(), what.to_owned())), "{case}: {what} in {seen:?}");
        }
    }
    let leader = app.login("leder").await;
    let view = app.api_leader(&leader).await.json();
    let named = view["overdue_items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(view["stalled_cases"].as_array().unwrap())
        .map(|i| i["case"].as_str().unwrap().to_owned())
        .next()
        .expect("the demo unit has an overdue or stalled case");
    assert!(readers(&app, &named).await.contains(&("leder".to_owned(), "GET /api/leader/unit".to_owned())));
}

fn refusal_without_work_functions() -> Value {
    json!({
        "outcome": "afslag_foertidspension",
        "legal_basis": ["PL § 16, stk. 2"],
        "reasons": "Din arbejdsevne er ikke varigt nedsat.",
        "main_considerations": "Arbejdsprøvningen.",
        "klagevejledning": true
    })
}

#[tokio::test]
async fn a_draft_pension_refusal_without_work_functions_is_blocked_with_its_defect() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let v = version(&app.api_case(&cw, DEMO2).await);
    let check = app.api_decision_check(&cw, DEMO2, refusal_without_work_functions()).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.text);
    let body = check.json();
    assert_eq!(body["can_send"], false);
    let defects = body["defects"].as_array().unwrap();
    assert!(defects.iter().any(|d| d["text"].as_str().unwrap_or("").contains("arbejdsfunktion")), "{defects:?}");
    assert!(defects.iter().all(|d| !d["basis"].as_str().unwrap_or("").is_empty()));
    let mut draft = refusal_without_work_functions();
    draft["expected_version"] = json!(v);
    let sent = app.api_decision_send(&cw, DEMO2, draft).await;
    assert_eq!((sent.status, sent.json()["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("defects")));
    assert_eq!(version(&app.api_case(&cw, DEMO2).await), v, "nothing was sent");
    let form = app.page_decision(&cw, DEMO2).await;
    let (csrf, fv) = (hidden(&form.text, "csrf"), hidden(&form.text, "version"));
    let page = app
        .page_decision_submit(
            &cw,
            DEMO2,
            &[
                ("csrf", &csrf),
                ("version", &fv),
                ("action", "send"),
                ("outcome", "afslag_foertidspension"),
                ("legal_basis", "PL § 16, stk. 2"),
                ("reasons", "Begrundelse."),
                ("klagevejledning", "on"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text.contains("id=\"defect-list\""));
    assert!(page.text.contains("disabled aria-disabled=\"true\">Send afgørelsen"));
}

#[tokio::test]
async fn a_complete_award_is_sent_and_its_letter_explains_how_to_appeal() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let v = version(&app.api_case(&cw, DEMO2).await);
    let draft = json!({
        "expected_version": v,
        "outcome": "tilkendt_foertidspension",
        "legal_basis": ["PL § 16, stk. 1", "PL § 16, stk. 2"],
        "reasons": "Din arbejdsevne er varigt og væsentligt nedsat, og den kan ikke forbedres.",
        "main_considerations": "Arbejdsprøvningen viste 4 timer om ugen; behandlingen er afsluttet.",
        "klagevejledning": true
    });
    let check = app.api_decision_check(&cw, DEMO2, draft.clone()).await.json();
    assert_eq!(check["can_send"], true, "{check}");
    let sent = app.api_decision_send(&cw, DEMO2, draft).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
    let id = sent.json()["id"].as_str().unwrap().to_owned();
    let letter = app.api_letter(&cw, DEMO2, &id).await.json();
    assert!(letter["appeal"].as_str().unwrap().contains("4 uger"));
    assert_eq!(letter["legal_basis"][0], "PL § 16, stk. 1");
    let html = app.get(&format!("/sager/{DEMO2}/afgoerelser/{id}/brev"), Some(&cw)).await;
    assert!(html.text.contains("Hvis du er uenig"));
}

#[tokio::test]
async fn the_team_books_at_least_14_days_ahead_with_a_full_team_and_complete_recommendation() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let team = app.login("team").await;
    assert_eq!(app.page_case(&team, DEMO1).await.status, StatusCode::FORBIDDEN, "not on the agenda yet");
    let v = version(&app.api_case(&cw, DEMO1).await);
    assert_eq!(app.api_record(&cw, DEMO1, v, "forelaeg", json!({})).await.status, StatusCode::CREATED);
    let agenda = app.api_agenda(&team).await.json();
    assert!(agenda.as_array().unwrap().iter().any(|a| a["case"] == DEMO1));
    assert!(app.page_team(&team).await.text.contains(DEMO1));
    let v = version(&app.api_case(&team, DEMO1).await);
    let early = app.api_record(&team, DEMO1, v, "booking", json!({ "booked_meeting": "2026-03-10" })).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text.contains("mindst 14 dage"));
    assert_eq!(
        app.api_record(&team, DEMO1, v, "booking", json!({ "booked_meeting": "2026-03-20" })).await.status,
        StatusCode::CREATED
    );
    let half = app
        .api_record(&team, DEMO1, v + 1, "moede", json!({ "attendees": ["borger", "sagsbehandler", "beskaeftigelse"] }))
        .await;
    assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(half.text.contains("Sundhedsområdet"), "{}", half.text);
    let full = json!({ "attendees": ["borger", "sagsbehandler", "beskaeftigelse", "sundhed", "social", "sundhedskoordinator"] });
    assert_eq!(app.api_record(&team, DEMO1, v + 1, "moede", full).await.status, StatusCode::CREATED);
    let bare = app.api_record(&team, DEMO1, v + 2, "indstilling", json!({ "outcome": "ressourceforloeb" })).await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.text.contains("mål"), "the required content is named: {}", bare.text);
    let complete = json!({
        "outcome": "ressourceforloeb",
        "weighted.beskaeftigelse": "Praktik uden progression.", "weighted.social": "Bor alene.", "weighted.helbred": "Depression.",
        "goal": "Job som lagerassistent på nedsat tid.", "indsatser": "Mentor\nBehandling",
        "opfoelgning": "Samtale hver 2. måned, mentor ugentligt.", "see_again": "ja"
    });
    let saved = app.api_record(&team, DEMO1, v + 2, "indstilling", complete).await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    assert_eq!(saved.json()["event"]["by"], "rt:101");
    let form = app.get(&format!("/team/sager/{DEMO1}/booking"), Some(&team)).await;
    assert_eq!(form.status, StatusCode::FORBIDDEN, "off the agenda once recommended");
    let page_booking = app
        .page_team_form_submit(
            &team,
            DEMO2,
            "booking",
            &[("csrf", &team.csrf), ("version", "1"), ("booked_meeting", "2026-04-01")],
        )
        .await;
    assert_eq!(page_booking.status, StatusCode::FORBIDDEN, "DEMO-2 is not on the agenda");
}

#[tokio::test]
async fn an_admin_creates_users_and_the_api_never_shows_password_hashes() {
    let app = spawn().await;
    let admin = app.login("admin").await;
    let created = app.api_create_user(&admin, json!({ "id": "ung", "display_name": "Ung", "role": "citizen", "citizen_case": "DEMO-1", "password": "en-lang-adgangskode" })).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let users = app.api_users(&admin).await.json();
    assert!(users.as_array().unwrap().iter().any(|u| u["id"] == "ung"));
    assert!(!users.to_string().contains("argon2"), "no password hashes in the API");
    let weak = app
        .api_create_user(&admin, json!({ "id": "svag", "display_name": "S", "role": "analyst", "password": "kort" }))
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_worklist_shows_the_caseworkers_own_cases_most_urgent_first() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let list = app.api_worklist(&cw, "mine").await.json();
    assert_eq!(list["caseworker"], "sb:101-jki-001");
    let items = list["items"].as_array().unwrap();
    assert!(items.iter().any(|i| i["case"] == DEMO2));
    let states: Vec<&str> = items.iter().map(|i| i["state"].as_str().unwrap()).collect();
    let first_open = states.iter().position(|s| *s == "aaben").unwrap_or(states.len());
    assert!(states[first_open..].iter().all(|s| *s == "aaben"), "overdue first: {states:?}");
    let unit = app.api_worklist(&cw, "unit").await.json();
    assert!(unit["cases"].as_u64() >= list["cases"].as_u64());
    let page = app.page_worklist(&cw).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Mine sager"));
}

#[tokio::test]
async fn the_leader_sees_the_units_numbers_and_the_review() {
    let app = spawn().await;
    let leader = app.login("leder").await;
    let unit = app.api_leader(&leader).await.json();
    assert_eq!(unit["unit"], "JKI");
    assert!(unit["caseworkers"].as_array().unwrap().iter().any(|c| c["caseworker"] == "sb:101-jki-001"));
    let timeliness = &unit["timeliness"];
    assert!(timeliness["total"]["caseload"].as_u64().unwrap_or(0) > 0, "{timeliness}");
    assert!(timeliness["caseworkers"].as_array().unwrap().iter().any(|r| r["key"] == "sb:101-jki-001"));
    let page = app.get("/leder", Some(&leader)).await;
    assert!(page.text.contains("Rettidighed de seneste 12 måneder") && page.text.contains("Enheden i alt"));
    let review = app.api_review(&leader).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.text);
    assert_eq!(app.get("/leder", Some(&leader)).await.status, StatusCode::OK);
    assert_eq!(app.get("/leder/gennemgang", Some(&leader)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_analyst_gets_aggregates_without_case_ids_and_small_cells_suppressed() {
    let app = spawn().await;
    let analyst = app.login("analytiker").await;
    let overview = app.api_analytics(&analyst).await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(!overview.text.contains("DEMO-") && !overview.text.contains("K101-"), "{}", overview.text);
    assert!(overview.text.contains("<5"), "small cells are suppressed: {}", overview.text);
    assert_eq!(app.api_case(&analyst, DEMO1).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_analyst_page_draws_inline_svg_charts_and_states_the_threshold_but_a_caseworker_gets_403() {
    let app = spawn().await;
    let analyst = app.login("analytiker").await;
    let page = app.get("/analyse", Some(&analyst)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(page.text.contains("<svg"), "charts are inline SVG: {}", page.text);
    assert!(page.text.contains("Diskretionsgrænse: 5 sager."), "the threshold is stated: {}", page.text);
    assert!(!page.text.contains("<script"), "no scripts: {}", page.text);
    assert!(!page.text.contains("DEMO-") && !page.text.contains("K101-"), "no case ids: {}", page.text);
    let caseworker = app.login("sagsbehandler").await;
    assert_eq!(app.get("/analyse", Some(&caseworker)).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    assert_eq!(app.api_me(Some(&cw)).await.status, StatusCode::OK);
    assert_eq!(app.api_logout(&cw).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.api_me(Some(&cw)).await.status, StatusCode::UNAUTHORIZED);
    let other = app.login("leder").await;
    let page = app.page_logout(&other, &other.csrf).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(app.api_me(Some(&other)).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_path() {
    let app = spawn().await;
    let doc = app.openapi().await.json();
    let paths = doc["paths"].as_object().expect("paths");
    for (_, path, _) in endpoints().into_iter().filter(|(_, p, _)| p.starts_with("/api/")) {
        let templated = path.replace(DEMO1, "{case}").replace("/x/", "/{id}/");
        let templated = templated.split('?').next().unwrap_or_default().to_owned();
        assert!(paths.contains_key(&templated), "{templated} missing from /openapi.json");
    }
    assert!(paths.contains_key("/api/login"));
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = spawn().await;
    let page = app.page_login().await;
    let csp = page.headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
}

#[tokio::test]
async fn the_worklist_comes_in_pages() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let all = app.api_worklist(&cw, "unit").await.json();
    let total = all["total_items"].as_u64().unwrap();
    let page = app.get("/api/worklist?scope=unit&offset=1&limit=2", Some(&cw)).await.json();
    assert_eq!(page["offset"], 1);
    assert_eq!(page["items"].as_array().unwrap().len() as u64, total.saturating_sub(1).min(2));
    assert_eq!(page["items"][0], all["items"][1]);
    let html = app.get("/arbejdsliste?visning=enhed&side=1", Some(&cw)).await;
    assert!(html.text.contains(&format!("af {total}")), "the page says how many there are");
}

#[tokio::test]
async fn a_citizen_under_30_without_vocational_education_needs_uu_at_the_meeting() {
    let app = spawn().await;
    let team = app.login("team").await;
    let case = web::demo::CASE_YOUNG_ON_AGENDA;
    let v = version(&app.api_case(&team, case).await);
    let form = app.get(&format!("/team/sager/{case}/moede"), Some(&team)).await;
    assert!(form.text.contains("erhvervskompetencegivende uddannelse"), "the form asks about vocational education");
    let full = json!(["borger", "sagsbehandler", "beskaeftigelse", "sundhed", "social", "sundhedskoordinator"]);
    let without_uu = app.api_record(&team, case, v, "moede", json!({ "attendees": full })).await;
    assert_eq!(without_uu.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without_uu.text.contains("Uddannelsesområdet (UU)"), "{}", without_uu.text);
    let educated =
        app.api_record(&team, case, v, "moede", json!({ "attendees": full, "vocational_education": true })).await;
    assert_eq!(educated.status, StatusCode::CREATED, "{}", educated.text);
    assert_eq!(educated.json()["event"]["vocational_education"], true);
}

#[tokio::test]
async fn a_case_the_municipality_disagrees_on_is_presented_to_the_team_again() {
    let app = spawn().await;
    let cw = app.login("sagsbehandler").await;
    let team = app.login("team").await;
    let v = version(&app.api_case(&cw, DEMO2).await);
    let saved = app.api_record(&cw, DEMO2, v, "forelaeg", json!({ "genforelaeggelse": true })).await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let agenda = app.api_agenda(&team).await.json();
    let row = agenda.as_array().unwrap().iter().find(|a| a["case"] == DEMO2).expect("on the agenda again").clone();
    assert_eq!(row["genforelaeggelse"], true);
    assert!(app.page_team(&team).await.text.contains("Genforelæggelse"));
}

#[tokio::test]
async fn a_citizen_who_feels_forgotten_asks_for_contact_and_it_tops_the_caseworkers_worklist() {
    let app = spawn().await;
    let citizen = app.login("borger").await;
    let no_token = app.send(Method::POST, "/min-plan/kontakt", Some(&citizen), Body::Form(&[])).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let page = app.page_plan(&citizen).await;
    assert!(page.text.contains("Bed om at blive kontaktet"));
    let csrf = hidden(&page.text, "csrf");
    let sent = app.send(Method::POST, "/min-plan/kontakt", Some(&citizen), Body::Form(&[("csrf", &csrf)])).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert!(app.get("/min-plan?sendt=1", Some(&citizen)).await.text.contains("Din sagsbehandler har fået besked"));
    let cw = app.login("sagsbehandler").await;
    let list = app.api_worklist(&cw, "mine").await.json();
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rule"] == "web.borger.kontaktanmodning")
        .expect("on the worklist")
        .clone();
    assert_eq!(item["case"], DEMO1);
    let case = app.api_case(&cw, DEMO1).await.json();
    assert_eq!(case["timeline"][0]["by"], "borger");
    let v = case["version"].as_u64().unwrap();
    assert_eq!(
        app.api_record(&cw, DEMO1, v, "samtale", json!({ "kind": "telefonsamtale" })).await.status,
        StatusCode::CREATED
    );
    let after = app.api_worklist(&cw, "mine").await.json();
    assert!(
        after["items"].as_array().unwrap().iter().all(|i| i["rule"] != "web.borger.kontaktanmodning"),
        "answered by the conversation"
    );
}
