//! The writer: an event to one canonical JSON line (common fields, then the spec's fields in its
//! order, then unknown fields as they came). Writing what was parsed gives the same bytes again.

use crate::event::*;
use crate::ids::format_date;
use chrono::NaiveDate;
use serde_json::{Map, Number, Value};

/// Writes one event as a single JSON line, without the trailing newline.
pub fn write_event(event: &Event) -> String {
    let value = Value::Object(event_to_map(event));
    // Serialising a map of plain JSON values cannot fail.
    serde_json::to_string(&value).unwrap_or_default()
}

/// Writes events as JSON Lines, each line ending in a newline.
pub fn write_journal<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut out = String::new();
    for event in events {
        out.push_str(&write_event(event));
        out.push('\n');
    }
    out
}

/// The event as an ordered JSON object.
pub fn event_to_map(event: &Event) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("case".into(), event.case.as_str().into());
    m.insert("at".into(), event.at.as_written().into());
    m.insert("type".into(), event.event_type().as_str().into());
    put(&mut m, "by", event.by.clone().map(Value::from));
    put(&mut m, "id", event.id.clone().map(Value::from));
    write_body(&mut m, &event.body);
    for (key, value) in &event.extra {
        m.insert(key.clone(), value.clone());
    }
    m
}

fn write_body(m: &mut Map<String, Value>, body: &EventBody) {
    match body {
        EventBody::Borger { birth_date, municipality, sex, cpr } => {
            m.insert("birth_date".into(), date(*birth_date));
            m.insert("municipality".into(), municipality.as_str().into());
            put(m, "sex", sex.map(|s| s.as_str().into()));
            put(m, "cpr", cpr.as_ref().map(|c| c.as_str().into()));
        }
        EventBody::YdelseStart { ydelse } | EventBody::YdelseSlut { ydelse } => {
            m.insert("ydelse".into(), ydelse.as_str().into());
        }
        EventBody::Tildelt { sagsbehandler, enhed } => {
            m.insert("sagsbehandler".into(), sagsbehandler.as_str().into());
            m.insert("enhed".into(), enhed.as_str().into());
        }
        EventBody::Samtale { kind } => {
            m.insert("kind".into(), kind.as_str().into());
        }
        EventBody::Dokument { kind, issued, author, findings } => {
            m.insert("kind".into(), kind.as_str().into());
            m.insert("issued".into(), date(*issued));
            put(m, "author", author.clone().map(Value::from));
            put(m, "findings", findings.as_ref().map(findings_value));
        }
        EventBody::IndsatsStart { kind, hours_per_week, planned_end, skaanehensyn_beskrevet } => {
            m.insert("kind".into(), kind.as_str().into());
            put(m, "hours_per_week", hours_per_week.map(number));
            put(m, "planned_end", planned_end.map(date));
            put(m, "skaanehensyn_beskrevet", skaanehensyn_beskrevet.map(Value::from));
        }
        EventBody::IndsatsSlut { kind } => put(m, "kind", kind.clone().map(Value::from)),
        EventBody::Vurdering { criterion, value, basis, text } => {
            m.insert("criterion".into(), criterion.as_str().into());
            m.insert("value".into(), (*value).into());
            m.insert("basis".into(), strings(basis));
            put(m, "text", text.clone().map(Value::from));
        }
        EventBody::Ansoegning { kind, years_full_time_work, current_attachment } => {
            m.insert("kind".into(), kind.as_str().into());
            put(m, "years_full_time_work", years_full_time_work.map(number));
            put(m, "current_attachment", current_attachment.map(|c| c.as_str().into()));
        }
        EventBody::ForelagtRehabiliteringsteam { genforelaeggelse } => {
            put(m, "genforelaeggelse", genforelaeggelse.map(Value::from));
        }
        EventBody::Rehabiliteringsmoede { attendees } => {
            m.insert("attendees".into(), strings(attendees));
        }
        EventBody::Indstilling { outcome, weighted, work_functions, goal, indsatser, see_again } => {
            m.insert("outcome".into(), outcome.as_str().into());
            put(m, "weighted", weighted.as_ref().map(weighted_value));
            put(m, "work_functions", work_functions.as_deref().map(strings));
            put(m, "goal", goal.clone().map(Value::from));
            put(m, "indsatser", indsatser.clone().map(Value::Array));
            put(m, "see_again", see_again.map(Value::from));
        }
        EventBody::PartshoeringSendt { about } | EventBody::Klage { about } => {
            m.insert("about".into(), about.as_str().into());
        }
        EventBody::OvergangFoertidspension { notified } => {
            m.insert("notified".into(), (*notified).into());
        }
        EventBody::MoedeTilbudt => {}
        EventBody::Afgoerelse(decision) => {
            m.insert("outcome".into(), decision.outcome.as_str().into());
            put(m, "legal_basis", decision.legal_basis.as_deref().map(strings));
            put(m, "reasons", decision.reasons.clone().map(Value::from));
            put(m, "work_functions", decision.work_functions.as_deref().map(strings));
            put(m, "main_considerations", decision.main_considerations.clone().map(Value::from));
            put(m, "klagevejledning", decision.klagevejledning.map(Value::from));
        }
        EventBody::Udsaettelsesbrev { expected_by, reason } => {
            m.insert("expected_by".into(), date(*expected_by));
            put(m, "reason", reason.clone().map(Value::from));
        }
        EventBody::Ankestyrelsen { about, result } => {
            m.insert("about".into(), about.as_str().into());
            m.insert("result".into(), result.as_str().into());
        }
        EventBody::Note { text } => {
            m.insert("text".into(), text.as_str().into());
        }
    }
}

fn findings_value(f: &Findings) -> Value {
    let mut m = Map::new();
    put(&mut m, "treatment_exhausted", f.treatment_exhausted.map(Value::from));
    put(&mut m, "stationary", f.stationary.map(Value::from));
    put(&mut m, "progressive", f.progressive.map(Value::from));
    put(&mut m, "primary_diagnosis", f.primary_diagnosis.clone().map(Value::from));
    put(&mut m, "diagnosis_group", f.diagnosis_group.map(|g| g.as_str().into()));
    put(&mut m, "hours_per_week", f.hours_per_week.map(number));
    put(&mut m, "weeks", f.weeks.map(number));
    put(&mut m, "function_level", f.function_level.map(|l| l.as_str().into()));
    put(&mut m, "contradictory", f.contradictory.map(Value::from));
    for (key, value) in &f.extra {
        m.insert(key.clone(), value.clone());
    }
    Value::Object(m)
}

fn weighted_value(w: &Weighted) -> Value {
    let mut m = Map::new();
    put(&mut m, "beskaeftigelse", w.beskaeftigelse.clone().map(Value::from));
    put(&mut m, "social", w.social.clone().map(Value::from));
    put(&mut m, "helbred", w.helbred.clone().map(Value::from));
    for (key, value) in &w.extra {
        m.insert(key.clone(), value.clone());
    }
    Value::Object(m)
}

fn put(m: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        m.insert(key.into(), value);
    }
}

fn date(d: NaiveDate) -> Value {
    Value::String(format_date(d))
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::String(s.clone())).collect())
}

/// A number written as an integer when it is whole (so `2` stays `2`), else as a decimal.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}
