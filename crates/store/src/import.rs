//! The import plan: which events of a journal file are new, checked against what is stored.
//!
//! Idempotency: an incoming event whose canonical line is identical to a stored event of the same
//! case (counting repeats: two identical notes are two events) is already there and is skipped.
//! So importing a file twice, or importing an export, stores nothing new, and a file that carries
//! a case's old events followed by new ones appends only the new ones.

use crate::{StoreError, StoreResult};
use journal::{parse_line, write_event, CaseId, Checker, Event, ParseErrors};
use rayon::prelude::*;
use std::collections::HashMap;

/// An event to store, with its canonical line (what is stored and hashed).
#[derive(Debug, Clone)]
pub struct PlannedEvent {
    pub event: Event,
    pub line: String,
}

/// What an import will store.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// New events in file order (cases may interleave; each case's events stay in order).
    pub events: Vec<PlannedEvent>,
    /// Events already stored.
    pub skipped: usize,
    /// Distinct cases in the file.
    pub cases: usize,
}

/// Plans an import of `text`: parses every line, skips events already stored, and checks the rest
/// against the stored cases. `stored` returns a case's stored events (empty for a new case).
/// Any problem rejects the whole file, with every problem listed.
pub fn plan_import(text: &str, mut stored: impl FnMut(&CaseId) -> StoreResult<Vec<Event>>) -> StoreResult<ImportPlan> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    // Parsing and writing the canonical line are per line: done in parallel, in file order.
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().filter(|(_, raw)| !raw.trim().is_empty()).map(|(i, raw)| (i + 1, raw)).collect();
    let results: Vec<_> = lines
        .par_iter()
        .map(|(line_no, raw)| parse_line(*line_no, raw).map(|event| (*line_no, write_event(&event), event)))
        .collect();
    for result in results {
        match result {
            Ok(entry) => parsed.push(entry),
            Err(found) => problems.extend(found),
        }
    }

    let mut checker = Checker::default();
    let mut already: HashMap<CaseId, HashMap<String, usize>> = HashMap::new();
    let mut plan = ImportPlan::default();
    for (line_no, line, event) in parsed {
        if !already.contains_key(&event.case) {
            let existing = stored(&event.case)?;
            let mut counts: HashMap<String, usize> = HashMap::new();
            for old in &existing {
                checker.seed(old);
                *counts.entry(write_event(old)).or_default() += 1;
            }
            already.insert(event.case.clone(), counts);
            plan.cases += 1;
        }
        if let Some(count) = already.get_mut(&event.case).and_then(|counts| counts.get_mut(&line)) {
            if *count > 0 {
                *count -= 1;
                plan.skipped += 1;
                continue;
            }
        }
        let found = checker.check(line_no, &event);
        if found.is_empty() {
            plan.events.push(PlannedEvent { event, line });
        } else {
            problems.extend(found);
        }
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(StoreError::Invalid(ParseErrors(problems)))
    }
}

/// Checks events to append to one case against its stored events; returns their canonical lines.
pub fn check_append(case: &CaseId, stored: &[Event], events: &[Event]) -> StoreResult<Vec<String>> {
    let mut checker = Checker::default();
    for old in stored {
        checker.seed(old);
    }
    let mut problems = Vec::new();
    for (index, event) in events.iter().enumerate() {
        if &event.case != case {
            return Err(StoreError::WrongCase { index, expected: case.clone(), found: event.case.clone() });
        }
        problems.extend(checker.check(index + 1, event));
    }
    if problems.is_empty() {
        Ok(events.iter().map(write_event).collect())
    } else {
        Err(StoreError::Invalid(ParseErrors(problems)))
    }
}
