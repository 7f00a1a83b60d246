//! The writer: an event to one canonical JSON line (common fields, then the spec's fields in its
//! order, then unknown fields as they came). Writing what was parsed gives the same bytes again.

use crate::event::*;
use crate::ids::format_date;
use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// Writes one event as a single JSON line, without the trailing newline.
pub fn write_event(event: &Event) -> String {
    // Serialising plain strings, numbers and JSON values into memory cannot fail.
    serde_json::to_string(event).unwrap_or_default()
}

/// Appends one event as a JSON line (without newline) to `out`.
pub fn push_event(out: &mut String, event: &Event) {
    out.push_str(&write_event(event));
}

/// Writes events as JSON Lines, each line ending in a newline.
pub fn write_journal<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut out = String::new();
    for event in events {
        push_event(&mut out, event);
        out.push('\n');
    }
    out
}

/// The event as an ordered JSON object.
pub fn event_to_map(event: &Event) -> Map<String, Value> {
    match serde_json::to_value(event) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("case", self.case.as_str())?;
        m.serialize_entry("at", &self.at.as_written())?;
        m.serialize_entry("type", self.event_type().as_str())?;
        opt(&mut m, "by", &self.by)?;
        opt(&mut m, "id", &self.id)?;
        write_body(&mut m, &self.body)?;
        for (key, value) in &self.extra {
            m.serialize_entry(key, value)?;
        }
        m.end()
    }
}

fn write_body<M: SerializeMap>(m: &mut M, body: &EventBody) -> Result<(), M::Error> {
    match body {
        EventBody::Borger { birth_date, municipality, sex, cpr } => {
            m.serialize_entry("birth_date", &Date(*birth_date))?;
            m.serialize_entry("municipality", municipality.as_str())?;
            opt(m, "sex", &sex.map(|s| s.as_str()))?;
            opt(m, "cpr", &cpr.as_ref().map(|c| c.as_str()))?;
        }
        EventBody::YdelseStart { ydelse } | EventBody::YdelseSlut { ydelse } => {
            m.serialize_entry("ydelse", ydelse.as_str())?;
        }
        EventBody::Tildelt { sagsbehandler, enhed } => {
            m.serialize_entry("sagsbehandler", sagsbehandler)?;
            m.serialize_entry("enhed", enhed)?;
        }
        EventBody::Samtale { kind } => m.serialize_entry("kind", kind)?,
        EventBody::Dokument { kind, issued, author, findings } => {
            m.serialize_entry("kind", kind.as_str())?;
            m.serialize_entry("issued", &Date(*issued))?;
            opt(m, "author", author)?;
            opt(m, "findings", findings)?;
        }
        EventBody::IndsatsStart { kind, hours_per_week, planned_end, skaanehensyn_beskrevet } => {
            m.serialize_entry("kind", kind)?;
            opt(m, "hours_per_week", &hours_per_week.map(Number))?;
            opt(m, "planned_end", &planned_end.map(Date))?;
            opt(m, "skaanehensyn_beskrevet", skaanehensyn_beskrevet)?;
        }
        EventBody::IndsatsSlut { kind } => opt(m, "kind", kind)?,
        EventBody::Vurdering { criterion, value, basis, text } => {
            m.serialize_entry("criterion", criterion.as_str())?;
            m.serialize_entry("value", value)?;
            m.serialize_entry("basis", basis)?;
            opt(m, "text", text)?;
        }
        EventBody::Ansoegning { kind, years_full_time_work, current_attachment } => {
            m.serialize_entry("kind", kind.as_str())?;
            opt(m, "years_full_time_work", &years_full_time_work.map(Number))?;
            opt(m, "current_attachment", &current_attachment.map(|c| c.as_str()))?;
        }
        EventBody::ForelagtRehabiliteringsteam { genforelaeggelse } => opt(m, "genforelaeggelse", genforelaeggelse)?,
        EventBody::Rehabiliteringsmoede { attendees } => m.serialize_entry("attendees", attendees)?,
        EventBody::Indstilling { outcome, weighted, work_functions, goal, indsatser, see_again } => {
            m.serialize_entry("outcome", outcome.as_str())?;
            opt(m, "weighted", weighted)?;
            opt(m, "work_functions", work_functions)?;
            opt(m, "goal", goal)?;
            opt(m, "indsatser", indsatser)?;
            opt(m, "see_again", see_again)?;
        }
        EventBody::PartshoeringSendt { about } | EventBody::Klage { about } => m.serialize_entry("about", about)?,
        EventBody::OvergangFoertidspension { notified } => m.serialize_entry("notified", notified)?,
        EventBody::MoedeTilbudt => {}
        EventBody::Afgoerelse(decision) => {
            m.serialize_entry("outcome", decision.outcome.as_str())?;
            opt(m, "legal_basis", &decision.legal_basis)?;
            opt(m, "reasons", &decision.reasons)?;
            opt(m, "work_functions", &decision.work_functions)?;
            opt(m, "main_considerations", &decision.main_considerations)?;
            opt(m, "klagevejledning", &decision.klagevejledning)?;
        }
        EventBody::Udsaettelsesbrev { expected_by, reason } => {
            m.serialize_entry("expected_by", &Date(*expected_by))?;
            opt(m, "reason", reason)?;
        }
        EventBody::Ankestyrelsen { about, result } => {
            m.serialize_entry("about", about)?;
            m.serialize_entry("result", result.as_str())?;
        }
        EventBody::Note { text } => m.serialize_entry("text", text)?,
    }
    Ok(())
}

impl Serialize for Findings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        opt(&mut m, "treatment_exhausted", &self.treatment_exhausted)?;
        opt(&mut m, "stationary", &self.stationary)?;
        opt(&mut m, "progressive", &self.progressive)?;
        opt(&mut m, "primary_diagnosis", &self.primary_diagnosis)?;
        opt(&mut m, "diagnosis_group", &self.diagnosis_group.map(|g| g.as_str()))?;
        opt(&mut m, "hours_per_week", &self.hours_per_week.map(Number))?;
        opt(&mut m, "weeks", &self.weeks.map(Number))?;
        opt(&mut m, "function_level", &self.function_level.map(|l| l.as_str()))?;
        opt(&mut m, "contradictory", &self.contradictory)?;
        for (key, value) in &self.extra {
            m.serialize_entry(key, value)?;
        }
        m.end()
    }
}

impl Serialize for Weighted {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        opt(&mut m, "beskaeftigelse", &self.beskaeftigelse)?;
        opt(&mut m, "social", &self.social)?;
        opt(&mut m, "helbred", &self.helbred)?;
        for (key, value) in &self.extra {
            m.serialize_entry(key, value)?;
        }
        m.end()
    }
}

fn opt<M: SerializeMap, T: Serialize>(m: &mut M, key: &str, value: &Option<T>) -> Result<(), M::Error> {
    match value {
        Some(value) => m.serialize_entry(key, value),
        None => Ok(()),
    }
}

/// A date written as `YYYY-MM-DD`.
struct Date(NaiveDate);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_date(self.0))
    }
}

/// A number written as an integer when it is whole (so `2` stays `2`), else as a decimal.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}
