//! Accounts, sessions and the access log: the web application's security records, behind one small
//! trait every backend implements (the SQL lives in the `store-*` crates).
//!
//! Invariants every backend keeps:
//! - the access log is append-only: the database refuses UPDATE and DELETE on it;
//! - a session is found only by the SHA-256 of its token (the token itself is never stored);
//! - a password is stored only as an argon2id PHC string; this crate never sees the password.

use crate::StoreResult;
use chrono::{DateTime, Utc};
use journal::CaseId;

/// A user's role: what they may see and do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// A citizen (borger): sees only their own case, through "Min plan".
    Citizen,
    /// A caseworker (sagsbehandler): the cases of their unit.
    Caseworker,
    /// A member of the rehabilitation team (rehabiliteringsteam): the cases on the team's agenda.
    TeamMember,
    /// A team leader (leder): the cases and numbers of their unit.
    Leader,
    /// An analyst: aggregates only, never personal data.
    Analyst,
    /// An internal auditor (revisor): the access log.
    Auditor,
    /// An administrator: user accounts, never case data.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: &'static [Role] =
        &[Role::Citizen, Role::Caseworker, Role::TeamMember, Role::Leader, Role::Analyst, Role::Auditor, Role::Admin];

    /// The stable name stored and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Caseworker => "caseworker",
            Role::TeamMember => "team_member",
            Role::Leader => "leader",
            Role::Analyst => "analyst",
            Role::Auditor => "auditor",
            Role::Admin => "admin",
        }
    }

    /// The Danish name, for people.
    pub fn label_da(self) -> &'static str {
        match self {
            Role::Citizen => "Borger",
            Role::Caseworker => "Sagsbehandler",
            Role::TeamMember => "Rehabiliteringsteam",
            Role::Leader => "Leder",
            Role::Analyst => "Analytiker",
            Role::Auditor => "Revisor",
            Role::Admin => "Administrator",
        }
    }

    /// Parses the stable name.
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|role| role.as_str() == text)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The login name; unique.
    pub id: String,
    /// The name shown to people.
    pub display_name: String,
    pub role: Role,
    /// The unit (enhed) a caseworker or leader belongs to, e.g. `JKI`; the team id for team members.
    pub unit: Option<String>,
    /// The actor id written as `by` on events the user records, e.g. `sb:101-jki-001`.
    pub actor: String,
    /// For a citizen: their own case.
    pub citizen_case: Option<CaseId>,
    /// The argon2id hash in PHC string format.
    pub password_hash: String,
}

/// Staff display names by actor id (`sb:101-jki-001` → "Anna Sagsbehandler"), for showing who
/// did what; citizens are left out (their actor id is `borger`).
pub fn staff_names(users: &[User]) -> std::collections::HashMap<String, String> {
    users.iter().filter(|u| u.role != Role::Citizen).map(|u| (u.actor.clone(), u.display_name.clone())).collect()
}

/// A logged-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// SHA-256 (hex) of the token in the cookie.
    pub token_hash: String,
    pub user_id: String,
    /// The synchroniser token every form and API write must carry.
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// One read of personal data (or one refused attempt), as the access log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub at: DateTime<Utc>,
    pub user_id: String,
    pub role: Role,
    /// The case whose data was read, if any.
    pub case: Option<CaseId>,
    /// The page or endpoint, e.g. `GET /sager/{case}`.
    pub what: String,
    /// Why: e.g. `sagsbehandling`, `min_plan`, `rehabiliteringsteam`, `ledelse`, `naegtet`.
    pub purpose: String,
}

/// Which access-log entries to read, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessQuery {
    pub case: Option<CaseId>,
    pub user_id: Option<String>,
    /// At most this many entries (0 means 100).
    pub limit: usize,
}

/// Where the web application keeps users, sessions and the access log.
pub trait AccountStore: Send {
    /// Creates a user, or replaces the one with the same id. Either way, every session of that user
    /// ends in the same transaction: a reset password or a changed role takes effect at once.
    fn put_user(&mut self, user: &User) -> StoreResult<()>;

    /// A user by login name.
    fn user(&self, id: &str) -> StoreResult<Option<User>>;

    /// Every user, sorted by id.
    fn users(&self) -> StoreResult<Vec<User>>;

    /// Stores a new session.
    fn create_session(&mut self, session: &Session) -> StoreResult<()>;

    /// The session whose token hashes to `token_hash`, if it exists and has not expired at `now`.
    fn session(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<Session>>;

    /// Ends a session (logout). Ending an unknown session is not an error.
    fn delete_session(&mut self, token_hash: &str) -> StoreResult<()>;

    /// Removes sessions expired at `now`; returns how many.
    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> StoreResult<usize>;

    /// Appends entries to the access log, all or none, in the order given.
    fn log_access(&mut self, entries: &[AccessEntry]) -> StoreResult<()>;

    /// Reads the access log, newest first.
    fn access_log(&self, query: &AccessQuery) -> StoreResult<Vec<AccessEntry>>;
}

pub mod conformance;
