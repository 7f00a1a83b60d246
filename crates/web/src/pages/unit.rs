//! The rehabilitation team's agenda and the leader's unit and review.

use super::*;
use crate::auth::Caller;
use crate::error::AppError;
use crate::reports;
use crate::state::App;
use axum::extract::{Query, State};
use axum::response::Html;
use serde_json::json;
use store::accounts::Role;

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

pub(crate) fn leader_unit(caller: &Caller) -> Result<String, AppError> {
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
