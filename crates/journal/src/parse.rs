//! The line-numbered parser: JSON Lines text to events, reporting every problem at once.

use crate::check::Checker;
use crate::event::*;
use crate::ids::{parse_date, At, CaseId, Cpr, Kommunekode};
use crate::raw::{Raw, RawObject, TopLevel};
use crate::vocabulary::*;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::fmt;

/// One problem in a journal file: where it is, which field, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line number in the file.
    pub line: usize,
    /// The field, dotted for nested ones (`findings.weeks`); empty for the line as a whole.
    pub field: String,
    /// What was expected there.
    pub expected: String,
    /// What was found, shortened, if anything.
    pub found: Option<String>,
}

impl Problem {
    /// A problem with the given place and expectation.
    pub fn new(line: usize, field: &str, expected: impl Into<String>, found: Option<&Value>) -> Self {
        Problem { line, field: field.to_owned(), expected: expected.into(), found: found.map(shorten) }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": expected {}", self.expected)?;
        match &self.found {
            Some(found) => write!(f, ", found {found}"),
            None => write!(f, ", found nothing"),
        }
    }
}

/// Every problem found in a file. A file with any problem stores nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseErrors(pub Vec<Problem>);

impl fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = 50;
        writeln!(f, "the journal has {} problem(s); nothing was stored:", self.0.len())?;
        for problem in self.0.iter().take(shown) {
            writeln!(f, "  {problem}")?;
        }
        if self.0.len() > shown {
            writeln!(f, "  … and {} more", self.0.len() - shown)?;
        }
        Ok(())
    }
}

/// Parses and checks a whole journal file on its own (every case must start with `borger`).
pub fn parse_journal(text: &str) -> Result<Vec<Event>, ParseErrors> {
    parse_journal_with(text, &mut Checker::default())
}

/// Parses and checks a journal file against cases already known to `checker` (e.g. from the store).
pub fn parse_journal_with(text: &str, checker: &mut Checker) -> Result<Vec<Event>, ParseErrors> {
    let mut events = Vec::new();
    check_journal_each(text, checker, |_, event| events.push(event))?;
    Ok(events)
}

/// Parses and checks a journal file, handing each good event and its line to `each` rather than
/// keeping them, so a caller can keep less (e.g. only the lines, grouped by case). Every problem
/// in the file is returned; `each` may have seen events of a file that turns out bad.
pub fn check_journal_each<'t>(
    text: &'t str,
    checker: &mut Checker,
    mut each: impl FnMut(&'t str, Event),
) -> Result<(), ParseErrors> {
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line_no, line) {
            Ok(event) => {
                let found = checker.check(line_no, &event);
                if found.is_empty() {
                    each(line, event);
                } else {
                    problems.extend(found);
                }
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ParseErrors(problems))
    }
}

/// Parses one line into an event, checking its fields but not its place in the case.
pub fn parse_line(line_no: usize, text: &str) -> Result<Event, Vec<Problem>> {
    let top: TopLevel = serde_json::from_str(text).map_err(|error| {
        vec![Problem {
            line: line_no,
            field: String::new(),
            expected: format!("one JSON object (column {}: {error})", error.column()),
            found: Some(shorten_str(text)),
        }]
    })?;
    match top {
        TopLevel::Object(object) => parse_object(line_no, object),
        TopLevel::NotAnObject(value) => Err(vec![Problem::new(line_no, "", "a JSON object", Some(&value))]),
    }
}

/// Parses a single `afgoerelse` event given as JSON text (a draft decision), checking its fields.
pub fn parse_draft_decision(text: &str) -> Result<Event, ParseErrors> {
    let event = parse_line(1, text.trim()).map_err(ParseErrors)?;
    if event.event_type() != EventType::Afgoerelse {
        return Err(ParseErrors(vec![Problem {
            line: 1,
            field: "type".into(),
            expected: "\"afgoerelse\" (a draft is one afgoerelse event)".into(),
            found: Some(event.event_type().as_str().to_owned()),
        }]));
    }
    Ok(event)
}

fn parse_object(line: usize, map: RawObject<'_>) -> Result<Event, Vec<Problem>> {
    let mut fields = Fields { line, prefix: "", map, problems: Vec::new() };
    let case = fields.required("case", CaseId::EXPECTED, |v| v.as_str().and_then(CaseId::parse));
    let at = fields.required("at", At::EXPECTED, |v| v.as_str().and_then(At::parse));
    let event_type =
        fields.required("type", EventType::expected as fn() -> String, |v| v.as_str().and_then(EventType::parse));
    let by = fields.optional_string("by");
    let id = fields.optional("id", "a non-empty string of at most 64 characters", |v| {
        v.as_str().filter(|s| !s.is_empty() && s.len() <= 64).map(str::to_owned)
    });
    let body = event_type.and_then(|t| {
        if t.requires_id() && id.is_none() && !fields.problems.iter().any(|p| p.field == "id") {
            fields.problems.push(Problem::new(line, "id", format!("an id (required on `{t}`)"), None));
        }
        parse_body(t, &mut fields)
    });
    let Fields { map, problems, .. } = fields;
    let extra = map.into_map();
    match (case, at, body) {
        (Some(case), Some(at), Some(body)) if problems.is_empty() => Ok(Event { case, at, by, id, body, extra }),
        _ => Err(problems),
    }
}

fn parse_body(event_type: EventType, f: &mut Fields) -> Option<EventBody> {
    Some(match event_type {
        EventType::Borger => {
            let birth_date = f.date("birth_date");
            let municipality =
                f.required("municipality", Kommunekode::EXPECTED, |v| v.as_str().and_then(Kommunekode::parse));
            let sex = f.optional_enum("sex", Sex::parse, Sex::expected);
            let cpr = f.optional("cpr", Cpr::EXPECTED, |v| v.as_str().and_then(Cpr::parse));
            EventBody::Borger { birth_date: birth_date?, municipality: municipality?, sex, cpr }
        }
        EventType::YdelseStart => {
            EventBody::YdelseStart { ydelse: f.required_enum("ydelse", Ydelse::parse, Ydelse::expected)? }
        }
        EventType::YdelseSlut => {
            EventBody::YdelseSlut { ydelse: f.required_enum("ydelse", Ydelse::parse, Ydelse::expected)? }
        }
        EventType::Tildelt => {
            let sagsbehandler = f.string("sagsbehandler");
            let enhed = f.string("enhed");
            EventBody::Tildelt { sagsbehandler: sagsbehandler?, enhed: enhed? }
        }
        EventType::Samtale => EventBody::Samtale { kind: f.string("kind")? },
        EventType::Dokument => {
            let kind = f.required_enum("kind", DokumentKind::parse, DokumentKind::expected);
            let issued = f.date("issued");
            let author = f.optional_string("author");
            let findings = f.optional_object("findings").map(|map| parse_findings(f.line, map, &mut f.problems));
            EventBody::Dokument { kind: kind?, issued: issued?, author, findings }
        }
        EventType::IndsatsStart => {
            let kind = f.string("kind");
            let hours_per_week = f.optional_number("hours_per_week");
            let planned_end = f.optional_date("planned_end");
            let skaanehensyn_beskrevet = f.optional_bool("skaanehensyn_beskrevet");
            EventBody::IndsatsStart { kind: kind?, hours_per_week, planned_end, skaanehensyn_beskrevet }
        }
        EventType::IndsatsSlut => EventBody::IndsatsSlut { kind: f.optional_string("kind") },
        EventType::Vurdering => {
            let criterion = f.required_enum("criterion", Criterion::parse, Criterion::expected);
            let value = f.bool("value");
            let basis = f.string_list("basis");
            let text = f.optional_string("text");
            EventBody::Vurdering { criterion: criterion?, value: value?, basis: basis?, text }
        }
        EventType::Ansoegning => {
            let kind = f.required_enum("kind", AnsoegningKind::parse, AnsoegningKind::expected);
            let years_full_time_work = f.optional_number("years_full_time_work");
            let current_attachment =
                f.optional_enum("current_attachment", CurrentAttachment::parse, CurrentAttachment::expected);
            EventBody::Ansoegning { kind: kind?, years_full_time_work, current_attachment }
        }
        EventType::ForelagtRehabiliteringsteam => {
            EventBody::ForelagtRehabiliteringsteam { genforelaeggelse: f.optional_bool("genforelaeggelse") }
        }
        EventType::Rehabiliteringsmoede => EventBody::Rehabiliteringsmoede { attendees: f.string_list("attendees")? },
        EventType::Indstilling => {
            let outcome = f.required_enum("outcome", IndstillingOutcome::parse, IndstillingOutcome::expected);
            let weighted = f.optional_object("weighted").map(|map| parse_weighted(f.line, map, &mut f.problems));
            let work_functions = f.optional_string_list("work_functions");
            let goal = f.optional_string("goal");
            let indsatser = f.optional("indsatser", "a list", |v| {
                v.as_array().map(|items| items.iter().map(Raw::to_value).collect())
            });
            let see_again = f.optional_bool("see_again");
            EventBody::Indstilling { outcome: outcome?, weighted, work_functions, goal, indsatser, see_again }
        }
        EventType::PartshoeringSendt => EventBody::PartshoeringSendt { about: f.string("about")? },
        EventType::OvergangFoertidspension => EventBody::OvergangFoertidspension { notified: f.bool("notified")? },
        EventType::MoedeTilbudt => EventBody::MoedeTilbudt,
        EventType::Afgoerelse => EventBody::Afgoerelse(Afgoerelse {
            outcome: f.required_enum("outcome", AfgoerelseOutcome::parse, AfgoerelseOutcome::expected)?,
            legal_basis: f.optional_string_list("legal_basis"),
            reasons: f.optional_string("reasons"),
            work_functions: f.optional_string_list("work_functions"),
            main_considerations: f.optional_string("main_considerations"),
            klagevejledning: f.optional_bool("klagevejledning"),
        }),
        EventType::Udsaettelsesbrev => {
            let expected_by = f.date("expected_by");
            let reason = f.optional_string("reason");
            EventBody::Udsaettelsesbrev { expected_by: expected_by?, reason }
        }
        EventType::Klage => EventBody::Klage { about: f.string("about")? },
        EventType::Ankestyrelsen => {
            let about = f.string("about");
            let result = f.required_enum("result", AnkeResult::parse, AnkeResult::expected);
            EventBody::Ankestyrelsen { about: about?, result: result? }
        }
        EventType::Note => EventBody::Note { text: f.string("text")? },
    })
}

fn parse_findings(line: usize, map: RawObject<'_>, problems: &mut Vec<Problem>) -> Findings {
    let mut f = Fields { line, prefix: "findings.", map, problems: Vec::new() };
    let findings = Findings {
        treatment_exhausted: f.optional_bool("treatment_exhausted"),
        stationary: f.optional_bool("stationary"),
        progressive: f.optional_bool("progressive"),
        primary_diagnosis: f.optional_string("primary_diagnosis"),
        diagnosis_group: f.optional_enum("diagnosis_group", DiagnosisGroup::parse, DiagnosisGroup::expected),
        hours_per_week: f.optional_number("hours_per_week"),
        weeks: f.optional_number("weeks"),
        function_level: f.optional_enum("function_level", FunctionLevel::parse, FunctionLevel::expected),
        contradictory: f.optional_bool("contradictory"),
        extra: Map::new(),
    };
    problems.append(&mut f.problems);
    Findings { extra: f.map.into_map(), ..findings }
}

fn parse_weighted(line: usize, map: RawObject<'_>, problems: &mut Vec<Problem>) -> Weighted {
    let mut f = Fields { line, prefix: "weighted.", map, problems: Vec::new() };
    let weighted = Weighted {
        beskaeftigelse: f.optional_string("beskaeftigelse"),
        social: f.optional_string("social"),
        helbred: f.optional_string("helbred"),
        extra: Map::new(),
    };
    problems.append(&mut f.problems);
    Weighted { extra: f.map.into_map(), ..weighted }
}

/// What a field should have held, described only when it did not (building it costs).
trait Expectation {
    fn describe(self) -> String;
}

impl Expectation for &str {
    fn describe(self) -> String {
        self.to_owned()
    }
}

impl Expectation for fn() -> String {
    fn describe(self) -> String {
        self()
    }
}

/// Takes the known fields out of a JSON object, recording a problem for each bad one.
/// What is left in `map` afterwards are the fields the spec does not name.
struct Fields<'p, 'a> {
    line: usize,
    prefix: &'p str,
    map: RawObject<'a>,
    problems: Vec<Problem>,
}

impl<'a> Fields<'_, 'a> {
    fn problem(&mut self, name: &str, expected: &str, found: Option<&Value>) {
        let field = format!("{}{name}", self.prefix);
        self.problems.push(Problem::new(self.line, &field, expected, found));
    }

    fn optional<T>(
        &mut self,
        name: &str,
        expected: impl Expectation,
        read: impl FnOnce(&Raw) -> Option<T>,
    ) -> Option<T> {
        let value = self.map.take(name)?;
        let parsed = read(&value);
        if parsed.is_none() {
            self.problem(name, &expected.describe(), Some(&value.to_value()));
        }
        parsed
    }

    fn required<T>(
        &mut self,
        name: &str,
        expected: impl Expectation,
        read: impl FnOnce(&Raw) -> Option<T>,
    ) -> Option<T> {
        if !self.map.contains(name) {
            self.problem(name, &expected.describe(), None);
            return None;
        }
        self.optional(name, expected, read)
    }

    fn required_enum<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>, expected: fn() -> String) -> Option<T> {
        self.required(name, expected, |v| v.as_str().and_then(parse))
    }

    fn optional_enum<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>, expected: fn() -> String) -> Option<T> {
        self.optional(name, expected, |v| v.as_str().and_then(parse))
    }

    fn string(&mut self, name: &str) -> Option<String> {
        self.required(name, "a non-empty string", non_empty_string)
    }

    fn optional_string(&mut self, name: &str) -> Option<String> {
        self.optional(name, "a string", |v| v.as_str().map(str::to_owned))
    }

    fn date(&mut self, name: &str) -> Option<NaiveDate> {
        self.required(name, "an ISO date YYYY-MM-DD", |v| v.as_str().and_then(parse_date))
    }

    fn optional_date(&mut self, name: &str) -> Option<NaiveDate> {
        self.optional(name, "an ISO date YYYY-MM-DD", |v| v.as_str().and_then(parse_date))
    }

    fn bool(&mut self, name: &str) -> Option<bool> {
        self.required(name, "true or false", |v| v.as_bool())
    }

    fn optional_bool(&mut self, name: &str) -> Option<bool> {
        self.optional(name, "true or false", |v| v.as_bool())
    }

    fn optional_number(&mut self, name: &str) -> Option<f64> {
        self.optional(name, "a number of 0 or more", |v| v.as_f64().filter(|n| *n >= 0.0 && n.is_finite()))
    }

    fn string_list(&mut self, name: &str) -> Option<Vec<String>> {
        self.required(name, "a list of strings", string_list)
    }

    fn optional_string_list(&mut self, name: &str) -> Option<Vec<String>> {
        self.optional(name, "a list of strings", string_list)
    }

    fn optional_object(&mut self, name: &str) -> Option<RawObject<'a>> {
        match self.map.take(name)? {
            Raw::Object(object) => Some(object),
            other => {
                self.problem(name, "a JSON object", Some(&other.into_value()));
                None
            }
        }
    }
}

fn non_empty_string(value: &Raw) -> Option<String> {
    value.as_str().filter(|s| !s.trim().is_empty()).map(str::to_owned)
}

fn string_list(value: &Raw) -> Option<Vec<String>> {
    value.as_array()?.iter().map(|item| item.as_str().map(str::to_owned)).collect()
}

fn shorten(value: &Value) -> String {
    shorten_str(&value.to_string())
}

fn shorten_str(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}
