//! Turning a stream of stored lines (ordered by case, then sequence) into whole cases. The lines
//! are grouped by their stored case id as they are read, and each batch of cases is decoded in
//! parallel in the background while the backend goes on reading, so reading, decoding and the
//! visitor's own work overlap. Every backend's `scan` uses it.

use crate::{StoreError, StoreResult};
use journal::{parse_line, CaseId, Event};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::mpsc;

/// How many lines are decoded together (a batch ends at the first case boundary after this).
const BATCH: usize = 16_384;

type Decoded = StoreResult<Vec<Vec<Event>>>;

/// Lines read but not yet decoded: their text back to back in one buffer (one allocation for the
/// whole batch), and each case's id and lines as ranges into it.
#[derive(Default)]
struct Batch {
    text: String,
    lines: Vec<Range<usize>>,
    /// Each case: its id and the range of its lines in `lines`.
    cases: Vec<(Range<usize>, Range<usize>)>,
}

impl Batch {
    fn push(&mut self, case: &str, line: &str) {
        let same_case = self.cases.last().is_some_and(|(id, _)| &self.text[id.clone()] == case);
        if !same_case {
            let id = self.text.len()..self.text.len() + case.len();
            self.text.push_str(case);
            self.cases.push((id, self.lines.len()..self.lines.len()));
        }
        self.lines.push(self.text.len()..self.text.len() + line.len());
        self.text.push_str(line);
        if let Some((_, lines)) = self.cases.last_mut() {
            lines.end = self.lines.len();
        }
    }

    /// Whether the next line would start a new case.
    fn starts_new_case(&self, case: &str) -> bool {
        self.cases.last().is_none_or(|(id, _)| &self.text[id.clone()] != case)
    }

    fn decode(&self) -> Decoded {
        self.cases
            .par_iter()
            .map(|(id, lines)| {
                decode_case(&self.text[id.clone()], self.lines[lines.clone()].iter().map(|l| &self.text[l.clone()]))
            })
            .collect()
    }
}

/// Collects stored lines and hands each complete case, in order, to a visitor.
pub struct CaseAssembler<'v> {
    /// The batch being read.
    reading: Batch,
    /// The batch before, being decoded in the background.
    decoding: Option<mpsc::Receiver<Decoded>>,
    visit: &'v mut dyn FnMut(&CaseId, Vec<Event>),
}

impl<'v> CaseAssembler<'v> {
    /// An assembler that calls `visit` once per case.
    pub fn new(visit: &'v mut dyn FnMut(&CaseId, Vec<Event>)) -> Self {
        CaseAssembler { reading: Batch::default(), decoding: None, visit }
    }

    /// Adds the next stored line and the case id it is stored under.
    pub fn push(&mut self, case: &str, line: &str) -> StoreResult<()> {
        if self.reading.lines.len() >= BATCH && self.reading.starts_new_case(case) {
            self.start_decoding()?;
        }
        self.reading.push(case, line);
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
        let batch = std::mem::take(&mut self.reading);
        let (sender, receiver) = mpsc::sync_channel(1);
        let decode = move || {
            // The receiver is gone only if the scan already failed.
            let _ = sender.send(batch.decode());
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
fn decode_case<'a>(case: &str, lines: impl ExactSizeIterator<Item = &'a str>) -> StoreResult<Vec<Event>> {
    let mut events = Vec::with_capacity(lines.len());
    for line in lines {
        let event = decode_stored(line)?;
        if event.case.as_str() != case {
            return Err(StoreError::Backend(format!(
                "a stored event of case {case} names case {}: the store was changed behind its back",
                event.case
            )));
        }
        events.push(event);
    }
    Ok(events)
}

/// Decodes one stored line; a line that no longer parses is a backend error (the store was tampered with).
pub fn decode_stored(line: &str) -> StoreResult<Event> {
    parse_line(1, line)
        .map_err(|problems| StoreError::Backend(format!("a stored event no longer parses: {}", problems[0])))
}
