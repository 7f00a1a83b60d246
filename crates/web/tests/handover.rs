//! Handing a case to another caseworker (the `tildel` form and its API twin), and what a changed
//! user account does to that user's sessions.

mod fresh;
mod harness;

use harness::*;
use reqwest::StatusCode;
use serde_json::json;
use web::demo::CASE_MISSING_LAE265 as DEMO1;

#[tokio::test]
async fn a_caseworker_hands_a_case_to_another_unit_and_loses_sight_of_it() {
    let app = spawn().await;
    let anna = app.login("sagsbehandler").await;
    let before = app.api_case(&anna, DEMO1).await.json();
    let form = app.page_form(&anna, DEMO1, "tildel").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("Bo Sagsbehandler (CAB)"), "colleagues are offered by name and unit");
    assert!(!form.text.contains("Anna Sagsbehandler (JKI)"), "not the caseworker who has the case");
    let (csrf, v) = (hidden(&form.text, "csrf"), hidden(&form.text, "version"));
    let saved = app
        .page_form_submit(
            &anna,
            DEMO1,
            "tildel",
            &[
                ("csrf", &csrf),
                ("version", &v),
                ("sagsbehandler", "sb:101-cab-001"),
                ("overdragelse", "LÆ 265 er bestilt; borgeren ved det."),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let to = saved.headers.get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    assert!(to.starts_with("/arbejdsliste?gemt="), "back to the worklist, not to a case now out of sight: {to}");
    assert!(app.get(&to, Some(&anna)).await.text.contains("Gemt: overdrag sagen"));

    assert_eq!(app.api_case(&anna, DEMO1).await.status, StatusCode::FORBIDDEN, "the case is now CAB's");
    let bo = app.login("sagsbehandler-cab").await;
    let after = app.api_case(&bo, DEMO1).await.json();
    assert_eq!(after["caseworker"], "sb:101-cab-001");
    assert_eq!(after["unit"], "CAB");
    assert_eq!(after["handovers"].as_u64(), before["handovers"].as_u64().map(|h| h + 1));
    let timeline = after["timeline"].to_string();
    assert!(timeline.contains("sb:101-cab-001"), "the handover is in the timeline: {timeline}");
    assert_eq!(after["version"].as_u64(), before["version"].as_u64().map(|v| v + 2), "the handover and its note");
    assert!(timeline.contains("Overdragelse: LÆ 265 er bestilt; borgeren ved det."), "{timeline}");
    let page = app.page_case(&bo, DEMO1).await.text;
    assert!(page.contains("<dd>Bo Sagsbehandler (CAB)</dd>"), "staff pages name the caseworker, not the actor id");
    assert!(page.contains("Anna Sagsbehandler"), "the timeline names who wrote each event");
}

#[tokio::test]
async fn the_leader_hands_a_case_within_the_unit_through_the_api() {
    let app = spawn().await;
    let admin = app.login("admin").await;
    let created = app
        .api_create_user(
            &admin,
            json!({ "id": "carl", "display_name": "Carl Ny", "role": "caseworker", "unit": "JKI", "actor": "sb:101-jki-099", "password": "en-lang-adgangskode" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let leader = app.login("leder").await;
    let case = app.api_case(&leader, DEMO1).await;
    assert!(
        app.page_case(&leader, DEMO1).await.text.contains("/registrer/tildel"),
        "the leader is offered the handover"
    );
    let reply =
        app.api_record(&leader, DEMO1, version(&case), "tildel", json!({ "sagsbehandler": "sb:101-jki-099" })).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let event = &reply.json()["event"];
    assert_eq!(event["type"], "tildelt");
    assert_eq!(event["sagsbehandler"], "sb:101-jki-099");
    assert_eq!(event["enhed"], "JKI");
    assert_eq!(event["by"], "leder:101-jki");
    // The leader may hand cases over but records nothing else.
    let note = app.api_record(&leader, DEMO1, version(&case) + 1, "notat", json!({ "text": "x" })).await;
    assert_eq!(note.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_handover_to_someone_off_the_list_or_to_the_same_caseworker_stores_nothing() {
    let app = spawn().await;
    let anna = app.login("sagsbehandler").await;
    let v = version(&app.api_case(&anna, DEMO1).await);
    for (who, says) in [
        ("sb:nobody", "Vælg en af kommunens sagsbehandlere"),
        ("sb:101-jki-001", "har allerede sagen"),
        ("", "skal udfyldes"),
    ] {
        let reply = app.api_record(&anna, DEMO1, v, "tildel", json!({ "sagsbehandler": who })).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {}", reply.text);
        assert!(reply.text.contains(says), "{who}: {}", reply.text);
    }
    assert_eq!(version(&app.api_case(&anna, DEMO1).await), v, "nothing stored");
}

#[tokio::test]
async fn issue_5_resetting_a_users_password_ends_their_sessions_at_once() {
    let app = spawn().await;
    let anna = app.login("sagsbehandler").await;
    let bo = app.login("sagsbehandler-cab").await;
    assert_eq!(app.api_me(Some(&anna)).await.status, StatusCode::OK, "a session in use (and cached)");
    let admin = app.login("admin").await;
    let reset = app
        .api_create_user(
            &admin,
            json!({ "id": "sagsbehandler", "display_name": "Anna Sagsbehandler", "role": "caseworker", "unit": "JKI", "actor": "sb:101-jki-001", "password": "en-helt-ny-adgangskode" }),
        )
        .await;
    assert_eq!(reset.status, StatusCode::CREATED, "{}", reset.text);
    assert_eq!(app.api_me(Some(&anna)).await.status, StatusCode::UNAUTHORIZED, "the old session is gone");
    assert_eq!(app.api_me(Some(&bo)).await.status, StatusCode::OK, "other users stay logged in");
    assert_eq!(app.api_login("sagsbehandler", "en-helt-ny-adgangskode").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_renamed_user_is_shown_by_the_new_name_at_once() {
    let app = spawn().await;
    let admin = app.login("admin").await;
    let renamed = app
        .api_create_user(
            &admin,
            json!({ "id": "sagsbehandler", "display_name": "Anna Nyt-Navn", "role": "caseworker", "unit": "JKI", "actor": "sb:101-jki-001", "password": "en-helt-ny-adgangskode" }),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::CREATED, "{}", renamed.text);
    let leader = app.login("leder").await;
    assert!(app.page_case(&leader, DEMO1).await.text.contains("<dd>Anna Nyt-Navn (JKI)</dd>"));
}

#[tokio::test]
async fn a_citizen_is_never_shown_an_internal_caseworker_id() {
    let app = spawn().await;
    let citizen = app.login("borger").await;
    let plan = app.api_min_plan(&citizen).await.json();
    assert_eq!(plan["contact"]["caseworker"], "Anna Sagsbehandler");
    // Anna gets another actor id: the case's caseworker id no longer names a user.
    let admin = app.login("admin").await;
    let moved = app
        .api_create_user(
            &admin,
            json!({ "id": "sagsbehandler", "display_name": "Anna Sagsbehandler", "role": "caseworker", "unit": "JKI", "actor": "sb:101-jki-777", "password": "en-helt-ny-adgangskode" }),
        )
        .await;
    assert_eq!(moved.status, StatusCode::CREATED, "{}", moved.text);
    let plan = app.api_min_plan(&citizen).await;
    assert_eq!(plan.json()["contact"]["caseworker"], serde_json::Value::Null);
    assert!(!plan.text.contains("sb:101-jki-001"), "no actor id in the citizen's plan: {}", plan.text);
    let page = app.page_plan(&citizen).await.text;
    assert!(page.contains("Din sag behandles af en sagsbehandler i JKI"), "{page}");
    assert!(!page.contains("sb:101-jki-001"));
}
