//! The event store interface shared by every backend: what a stored event is, the errors a store
//! distinguishes, the hash chain, the import plan (validation and idempotency), and the
//! conformance suite that proves two backends behave the same.
//!
//! This crate knows no SQL; the `store-*` crates do.

pub mod accounts;
mod chain;
pub mod conformance;
mod import;
mod scan;

pub use chain::{chain_hash, ChainVerifier, GENESIS_HASH};
pub use import::{check_append, line_chunks, plan_import, ImportPlan, ImportPlanner, PlannedEvent, CHUNK_LINES};
pub use scan::{decode_stored, CaseAssembler};

use chrono::{DateTime, Utc};
use journal::{CaseId, Event, ParseErrors};

/// An event as stored: its place in the case, when and by whom it was recorded, and its chain hash.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// 1-based sequence number within the case; the case's version is the highest one.
    pub seq: u64,
    /// When the event was recorded (not when it happened: that is `event.at`).
    pub recorded_at: DateTime<Utc>,
    /// Who recorded it (a user id, or `import:<file>`).
    pub recorded_by: String,
    /// SHA-256 over the previous event's hash and this event's stored content.
    pub hash: String,
    pub event: Event,
}

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Someone else wrote to the case since the writer read it.
    #[error("case {case} was changed by someone else: you saw version {expected}, it is now at version {actual}")]
    Conflict { case: CaseId, expected: u64, actual: u64 },
    /// No such case.
    #[error("no case with id {0}")]
    NotFound(CaseId),
    /// The events are not valid (line numbers count from 1 within what was given).
    #[error("{0}")]
    Invalid(#[from] ParseErrors),
    /// Events given to append belong to another case.
    #[error("event {index} belongs to case {found}, not {expected}")]
    WrongCase { index: usize, expected: CaseId, found: CaseId },
    /// The backend failed (I/O, SQL, connection).
    #[error("storage failed: {0}")]
    Backend(String),
}

/// The result type of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Events stored.
    pub appended: usize,
    /// Events already in the store (same content in the same case), not stored again.
    pub skipped: usize,
    /// Cases touched.
    pub cases: usize,
}

/// A place where the hash chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub case: String,
    /// The first sequence number that is wrong (missing, changed or reordered).
    pub seq: u64,
    pub reason: String,
}

/// What `verify` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub cases: usize,
    pub events: usize,
    /// The first break of each broken case.
    pub breaks: Vec<ChainBreak>,
}

impl VerifyReport {
    /// Whether every chain is whole.
    pub fn is_clean(&self) -> bool {
        self.breaks.is_empty()
    }
}

/// A store of case journals. Events are never updated or deleted.
pub trait EventStore: Send {
    /// Appends events to one case, if its version is still `expected_version` (0 for a new case).
    /// The events are validated against the case's stored events first. Returns the new version.
    fn append(&mut self, case: &CaseId, expected_version: u64, events: &[Event], recorded_by: &str)
        -> StoreResult<u64>;

    /// Imports a journal file atomically: every line is validated against the stored cases, and
    /// either all new events are stored or none. Events already stored are skipped (see [`plan_import`]).
    fn import(&mut self, text: &str, recorded_by: &str) -> StoreResult<ImportReport>;

    /// A case's stored events, oldest first.
    fn load(&self, case: &CaseId) -> StoreResult<Vec<StoredEvent>>;

    /// The case's version (its highest sequence number), 0 if it does not exist.
    fn version(&self, case: &CaseId) -> StoreResult<u64>;

    /// Every case id, sorted.
    fn cases(&self) -> StoreResult<Vec<CaseId>>;

    /// Visits every case with its events in order, case by case in id order.
    fn scan(&self, visit: &mut dyn FnMut(&CaseId, Vec<Event>)) -> StoreResult<()>;

    /// Writes the journal (all cases, or one) in the exchange format, case by case.
    fn export(&self, case: Option<&CaseId>, out: &mut dyn std::io::Write) -> StoreResult<()>;

    /// Recomputes every hash chain and compares it with what is stored.
    fn verify(&self) -> StoreResult<VerifyReport>;
}

/// A store that keeps both the case journals and the accounts and access log (every backend is one).
pub trait Database: EventStore + accounts::AccountStore {}

impl<T: EventStore + accounts::AccountStore + ?Sized> Database for T {}
