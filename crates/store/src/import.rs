//! The import plan: which events of a journal file are new, checked against what is stored.
//!
//! Idempotency: an incoming event whose canonical line is identical to a stored event of the same
//! case (counting repeats: two identical notes are two events) is already there and is skipped.
//! So importing a file twice, or importing an export, stores nothing new, and a file that carries
//! a case's old events followed by new ones appends only the new ones.
//!
//! A large file is planned in chunks of lines so memory stays bounded: a backend plans a chunk,
//! writes it inside its one transaction, and goes on. Once any problem is found nothing more is
//! written, every remaining line is still checked so all problems are listed, and the backend
//! rolls the transaction back: the import stays atomic.

use crate::{StoreError, StoreResult};
use journal::{parse_line, write_event, CaseId, Checker, Event, ParseErrors, Problem};
use rayon::prelude::*;
use std::collections::HashMap;

/// How many lines a chunk holds.
pub const CHUNK_LINES: usize = 50_000;

/// An event to store, with its canonical line (what is stored and hashed).
#[derive(Debug, Clone)]
pub struct PlannedEvent {
    pub event: Event,
    pub line: String,
}

/// What an import will store (for a whole text planned at once).
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// New events in file order (cases may interleave; each case's events stay in order).
    pub events: Vec<PlannedEvent>,
    /// Events already stored.
    pub skipped: usize,
    /// Distinct cases in the file.
    pub cases: usize,
}

/// Plans an import chunk by chunk, remembering every case it has seen.
#[derive(Debug, Default)]
pub struct ImportPlanner {
    checker: Checker,
    already: HashMap<CaseId, HashMap<String, usize>>,
    problems: Vec<Problem>,
    planned: usize,
    skipped: usize,
}

impl ImportPlanner {
    /// Plans one chunk: `text` holds whole lines, the first of which is line `first_line` of the file.
    /// `stored` returns a case's stored events (empty for a new case); it is asked once per case.
    /// Returns the chunk's new events; after a problem anywhere, returns none (check [`Self::has_problems`]).
    pub fn plan_chunk(
        &mut self,
        first_line: usize,
        text: &str,
        mut stored: impl FnMut(&CaseId) -> StoreResult<Vec<Event>>,
    ) -> StoreResult<Vec<PlannedEvent>> {
        // Parsing and writing the canonical line are per line: done in parallel, in file order.
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, raw)| !raw.trim().is_empty())
            .map(|(i, raw)| (first_line + i, raw))
            .collect();
        let parsed: Vec<_> = lines
            .par_iter()
            .map(|(line_no, raw)| parse_line(*line_no, raw).map(|event| (*line_no, write_event(&event), event)))
            .collect();
        let mut planned = Vec::new();
        for result in parsed {
            let (line_no, line, event) = match result {
                Ok(entry) => entry,
                Err(found) => {
                    self.problems.extend(found);
                    continue;
                }
            };
            if !self.already.contains_key(&event.case) {
                let existing = stored(&event.case)?;
                let mut counts: HashMap<String, usize> = HashMap::new();
                for old in &existing {
                    self.checker.seed(old);
                    *counts.entry(write_event(old)).or_default() += 1;
                }
                self.already.insert(event.case.clone(), counts);
            }
            if let Some(count) = self.already.get_mut(&event.case).and_then(|counts| counts.get_mut(&line)) {
                if *count > 0 {
                    *count -= 1;
                    self.skipped += 1;
                    continue;
                }
            }
            let found = self.checker.check(line_no, &event);
            if found.is_empty() {
                planned.push(PlannedEvent { event, line });
            } else {
                self.problems.extend(found);
            }
        }
        if self.has_problems() {
            return Ok(Vec::new());
        }
        self.planned += planned.len();
        Ok(planned)
    }

    /// Whether any line so far had a problem (then nothing may be written).
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The import's result: its counts, or every problem found (then the backend rolls back).
    pub fn finish(mut self) -> StoreResult<crate::ImportReport> {
        if self.has_problems() {
            self.problems.sort_by_key(|p| p.line);
            return Err(StoreError::Invalid(ParseErrors(self.problems)));
        }
        Ok(crate::ImportReport { appended: self.planned, skipped: self.skipped, cases: self.already.len() })
    }
}

/// Splits a text into chunks of at most `lines` whole lines, each with the number of its first line.
pub fn line_chunks(text: &str, lines: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut next_line = 1;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = 0;
        let mut count = 0;
        for (index, byte) in rest.bytes().enumerate() {
            if byte == b'\n' {
                count += 1;
                end = index + 1;
                if count == lines {
                    break;
                }
            }
        }
        if count < lines {
            end = rest.len();
        }
        let (chunk, tail) = rest.split_at(end);
        let first = next_line;
        next_line += count.max(1);
        rest = tail;
        Some((first, chunk))
    })
}

/// Plans an import of a whole text at once (for small files and tests).
pub fn plan_import(text: &str, stored: impl FnMut(&CaseId) -> StoreResult<Vec<Event>>) -> StoreResult<ImportPlan> {
    let mut planner = ImportPlanner::default();
    let events = planner.plan_chunk(1, text, stored)?;
    let report = planner.finish()?;
    Ok(ImportPlan { events, skipped: report.skipped, cases: report.cases })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_chunks_keep_whole_lines_and_count_them() {
        let text = "a\nb\nc\nd\ne";
        let chunks: Vec<(usize, &str)> = line_chunks(text, 2).collect();
        assert_eq!(chunks, [(1, "a\nb\n"), (3, "c\nd\n"), (5, "e")]);
        assert_eq!(line_chunks("", 2).count(), 0);
        assert_eq!(line_chunks("a\n", 5).collect::<Vec<_>>(), [(1, "a\n")]);
    }

    #[test]
    fn a_problem_in_a_later_chunk_is_reported_with_its_file_line_and_nothing_more_is_planned() {
        let borger =
            r#"{"case":"c1","at":"2017-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}"#;
        let note = r#"{"case":"c1","at":"2017-01-03","type":"note","text":"x"}"#;
        let bad = r#"{"case":"c1","at":"2017-01-04","type":"note"}"#;
        let text = format!("{borger}\n{note}\n{bad}\n{note}\n");
        let mut planner = ImportPlanner::default();
        let mut planned = 0;
        for (first, chunk) in line_chunks(&text, 2) {
            planned += planner.plan_chunk(first, chunk, |_| Ok(Vec::new())).unwrap().len();
        }
        assert_eq!(planned, 2);
        match planner.finish() {
            Err(StoreError::Invalid(errors)) => assert_eq!((errors.0[0].line, errors.0[0].field.as_str()), (3, "text")),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }
}
