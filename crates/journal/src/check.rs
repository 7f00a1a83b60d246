//! The checks across events of a case: a case starts with `borger`, events are in date order,
//! ids are unique and every reference points at an earlier event of the right kind.

use crate::event::{Event, EventBody};
use crate::ids::CaseId;
use crate::parse::Problem;
use crate::vocabulary::EventType;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

/// What the checker remembers of one case.
#[derive(Debug, Clone, Default)]
struct CaseMemory {
    last_at: Option<(NaiveDate, i64)>,
    /// Ids of events that introduce something, with the type that introduced them.
    ids: HashMap<String, EventType>,
    /// Measures started and not yet ended.
    open_measures: Vec<String>,
}

/// Checks events in order, case by case. Seed it with a case's stored events before checking new ones.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    cases: HashMap<CaseId, CaseMemory>,
}

impl Checker {
    /// Remembers an already accepted event without checking it (e.g. one read from the store).
    pub fn seed(&mut self, event: &Event) {
        let memory = self.cases.entry(event.case.clone()).or_default();
        remember(memory, event);
    }

    /// Whether the checker knows this case.
    pub fn knows(&self, case: &CaseId) -> bool {
        self.cases.contains_key(case)
    }

    /// Checks the next event of its case; on success it is remembered. Returns every problem found.
    pub fn check(&mut self, line: usize, event: &Event) -> Vec<Problem> {
        let mut problems = Vec::new();
        let event_type = event.event_type();
        let Some(memory) = self.cases.get(&event.case) else {
            if event_type != EventType::Borger {
                problems.push(Problem {
                    line,
                    field: "type".into(),
                    expected: format!("\"borger\": case {} is new and must open with a borger event", event.case),
                    found: Some(event_type.as_str().to_owned()),
                });
                return problems;
            }
            let mut memory = CaseMemory::default();
            remember(&mut memory, event);
            self.cases.insert(event.case.clone(), memory);
            return problems;
        };

        if let Some(last) = memory.last_at {
            if event.at.order_key() < last {
                problems.push(Problem {
                    line,
                    field: "at".into(),
                    expected: format!(
                        "a date on or after {} (events are oldest first within case {})",
                        last.0, event.case
                    ),
                    found: Some(event.at.as_written()),
                });
            }
        }
        if let Some(id) = &event.id {
            if event_type.introduces_id() && memory.ids.contains_key(id) {
                problems.push(Problem::new(
                    line,
                    "id",
                    format!("an id not used before in case {}", event.case),
                    Some(&Value::String(id.clone())),
                ));
            }
        }
        check_references(line, event, memory, &mut problems);
        if problems.is_empty() {
            if let Some(memory) = self.cases.get_mut(&event.case) {
                remember(memory, event);
            }
        }
        problems
    }
}

fn check_references(line: usize, event: &Event, memory: &CaseMemory, problems: &mut Vec<Problem>) {
    let mut expect = |field: &str, id: &str, kinds: &[EventType], what: &str| {
        let ok = memory.ids.get(id).is_some_and(|t| kinds.contains(t));
        if !ok {
            problems.push(Problem::new(
                line,
                field,
                format!("the id of an earlier {what} in case {}", event.case),
                Some(&Value::String(id.to_owned())),
            ));
        }
    };
    match &event.body {
        EventBody::Vurdering { basis, .. } => {
            for (index, id) in basis.iter().enumerate() {
                expect(&format!("basis[{index}]"), id, &[EventType::Dokument], "dokument");
            }
        }
        EventBody::Klage { about } | EventBody::Ankestyrelsen { about, .. } => {
            expect("about", about, &[EventType::Afgoerelse], "afgoerelse");
        }
        // A hearing may concern a draft decision that is not in the journal, so an unknown id is
        // accepted; an id that names something other than an indstilling or afgoerelse is not.
        EventBody::PartshoeringSendt { about } if memory.ids.contains_key(about) => {
            expect("about", about, &[EventType::Indstilling, EventType::Afgoerelse], "indstilling or afgoerelse");
        }
        EventBody::IndsatsSlut { .. } => {
            let id = event.id.as_deref().unwrap_or_default();
            if !memory.open_measures.iter().any(|open| open == id) {
                problems.push(Problem::new(
                    line,
                    "id",
                    format!("the id of a measure (indsats_start) still running in case {}", event.case),
                    Some(&Value::String(id.to_owned())),
                ));
            }
        }
        _ => {}
    }
}

fn remember(memory: &mut CaseMemory, event: &Event) {
    let event_type = event.event_type();
    let key = event.at.order_key();
    if memory.last_at.is_none_or(|last| key > last) {
        memory.last_at = Some(key);
    }
    if let Some(id) = &event.id {
        if event_type.introduces_id() {
            memory.ids.insert(id.clone(), event_type);
        }
        match event_type {
            EventType::IndsatsStart => memory.open_measures.push(id.clone()),
            EventType::IndsatsSlut => memory.open_measures.retain(|open| open != id),
            _ => {}
        }
    }
}
