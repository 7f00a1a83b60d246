//! Turning a stream of stored lines (ordered by case, then sequence) into whole cases. The lines
//! are grouped by their stored case id as they are read, and each batch of cases is decoded in
//! parallel in the background while the backend goes on reading, so reading, decoding and the
//! visitor's own work overlap. Every backend's `scan` uses it.

use crate::{StoreError, StoreResult};
use journal::{parse_line, CaseId, Event};
use rayon::prelude::*;
use std::sync::mpsc;

/// How many lines are decoded together (a batch ends at the first case boundary after this).
const BATCH: usize = 16_384;

type Decoded = StoreResult<Vec<Vec<Event>>>;

/// Collects stored lines and hands each complete case, in order, to a visitor.
pub struct CaseAssembler<'v> {
    /// The batch being read: each case's id and its lines.
    cases: Vec<(String, Vec<String>)>,
    lines: usize,
    /// The batch before, being decoded in the background.
    decoding: Option<mpsc::Receiver<Decoded>>,
    visit: &'v mut dyn FnMut(&CaseId, Vec<Event>),
}

impl<'v> CaseAssembler<'v> {
    /// An assembler that calls `visit` once per case.
    pub fn new(visit: &'v mut dyn FnMut(&CaseId, Vec<Event>)) -> Self {
        CaseAssembler { cases: Vec::new(), lines: 0, decoding: None, visit }
    }

    /// Adds the next stored line and the case id it is stored under.
    pub fn push(&mut self, case: &str, line: String) -> StoreResult<()> {
        match self.cases.last_mut() {
            Some((current, lines)) if current == case => lines.push(line),
            _ => {
                if self.lines >= BATCH {
                    self.start_decoding()?;
                }
                self.cases.push((case.to_owned(), vec![line]));
            }
        }
        self.lines += 1;
        Ok(())
    }

    /// Decodes what is left and visits the remaining cases.
    pub fn finish(mut self) -> StoreResult<()> {
        self.start_decoding()?;
        match self.decoding.take() {
            Some(receiver) => self.deliver(receiver),
            None => Ok(()),
        }
    }

    /// Sends the batch read so far to be decoded, then hands the batch before to the visitor.
    fn start_decoding(&mut self) -> StoreResult<()> {
        let cases = std::mem::take(&mut self.cases);
        self.lines = 0;
        let (sender, receiver) = mpsc::sync_channel(1);
        let decode = move || {
            let decoded = cases.into_par_iter().map(|(case, lines)| decode_case(&case, &lines)).collect();
            // The receiver is gone only if the scan already failed.
            let _ = sender.send(decoded);
        };
        if rayon::current_thread_index().is_some() {
            // Called from inside the pool: blocking there on a spawned job could starve it.
            decode();
        } else {
            rayon::spawn(decode);
        }
        match self.decoding.replace(receiver) {
            Some(previous) => self.deliver(previous),
            None => Ok(()),
        }
    }

    /// Waits for a decoded batch and hands its cases to the visitor.
    fn deliver(&mut self, receiver: mpsc::Receiver<Decoded>) -> StoreResult<()> {
        let decoded = receiver
            .recv()
            .map_err(|_| StoreError::Backend("decoding stored events stopped unexpectedly".into()))??;
        for events in decoded {
            let case = events[0].case.clone();
            (self.visit)(&case, events);
        }
        Ok(())
    }
}

/// Decodes one case's stored lines, each of which must name the case it is stored under.
fn decode_case(case: &str, lines: &[String]) -> StoreResult<Vec<Event>> {
    lines
        .iter()
        .map(|line| {
            let event = decode_stored(line)?;
            if event.case.as_str() != case {
                return Err(StoreError::Backend(format!(
                    "a stored event of case {case} names case {}: the store was changed behind its back",
                    event.case
                )));
            }
            Ok(event)
        })
        .collect()
}

/// Decodes one stored line; a line that no longer parses is a backend error (the store was tampered with).
pub fn decode_stored(line: &str) -> StoreResult<Event> {
    parse_line(1, line)
        .map_err(|problems| StoreError::Backend(format!("a stored event no longer parses: {}", problems[0])))
}
