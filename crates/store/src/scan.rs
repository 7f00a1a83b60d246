//! Turning a stream of stored lines (ordered by case, then sequence) into whole cases, decoding
//! the lines in parallel batches. Every backend's `scan` uses it.

use crate::{StoreError, StoreResult};
use journal::{parse_line, CaseId, Event};
use rayon::prelude::*;

/// How many lines are decoded together.
const BATCH: usize = 16_384;

/// Collects stored lines and hands each complete case, in order, to a visitor.
pub struct CaseAssembler<'v> {
    lines: Vec<String>,
    current: Vec<Event>,
    visit: &'v mut dyn FnMut(&CaseId, Vec<Event>),
}

impl<'v> CaseAssembler<'v> {
    /// An assembler that calls `visit` once per case.
    pub fn new(visit: &'v mut dyn FnMut(&CaseId, Vec<Event>)) -> Self {
        CaseAssembler { lines: Vec::with_capacity(BATCH), current: Vec::new(), visit }
    }

    /// Adds the next stored line.
    pub fn push(&mut self, line: String) -> StoreResult<()> {
        self.lines.push(line);
        if self.lines.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Decodes what is left and visits the last case.
    pub fn finish(mut self) -> StoreResult<()> {
        self.flush()?;
        if let Some(first) = self.current.first() {
            let case = first.case.clone();
            (self.visit)(&case, std::mem::take(&mut self.current));
        }
        Ok(())
    }

    fn flush(&mut self) -> StoreResult<()> {
        let decoded: Vec<StoreResult<Event>> = self.lines.par_iter().map(|line| decode_stored(line)).collect();
        self.lines.clear();
        for event in decoded {
            let event = event?;
            if self.current.first().is_some_and(|first| first.case != event.case) {
                let case = self.current[0].case.clone();
                (self.visit)(&case, std::mem::take(&mut self.current));
            }
            self.current.push(event);
        }
        Ok(())
    }
}

/// Decodes one stored line; a line that no longer parses is a backend error (the store was tampered with).
pub fn decode_stored(line: &str) -> StoreResult<Event> {
    parse_line(1, line)
        .map_err(|problems| StoreError::Backend(format!("a stored event no longer parses: {}", problems[0])))
}
