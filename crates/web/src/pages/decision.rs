//! The draft decision checked before it is sent, and the decision letter.

use super::*;
use crate::auth::Caller;
use crate::error::AppError;
use crate::forms::{attach_errors, Values};
use crate::service::{self, case_id, Recorded};
use crate::state::App;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use journal::AfgoerelseOutcome;
use serde_json::{json, Value};
use store::accounts::Role;

/// The decision form's fields.
pub(crate) fn decision_fields(values: &Values) -> Vec<crate::forms::Field> {
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

pub(crate) fn decision_buttons(can_send: bool) -> Value {
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
