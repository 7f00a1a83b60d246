//! The account-store conformance suite: users, sessions and the append-only access log, run by
//! each backend's tests via [`account_conformance_tests!`](crate::account_conformance_tests).

use super::{AccessEntry, AccessQuery, AccountStore, Role, Session, User};
use chrono::{DateTime, Duration, TimeZone, Utc};
use journal::CaseId;

/// Opens handles to one fresh, empty account store; every call to `open` reaches the same data.
pub trait AccountStoreFactory: Send + Sync {
    fn open(&self) -> Box<dyn AccountStore>;
}

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn user(id: &str, role: Role) -> User {
    User {
        id: id.to_owned(),
        display_name: format!("Bruger {id}"),
        role,
        unit: (role == Role::Caseworker).then(|| "JKI".to_owned()),
        actor: format!("sb:{id}"),
        citizen_case: (role == Role::Citizen).then(|| CaseId::parse("c1").expect("valid case id")),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".to_owned(),
    }
}

fn entry(minute: i64, user_id: &str, case: Option<&str>, what: &str) -> AccessEntry {
    AccessEntry {
        at: t(minute),
        user_id: user_id.to_owned(),
        role: Role::Caseworker,
        case: case.map(|c| CaseId::parse(c).expect("valid case id")),
        what: what.to_owned(),
        purpose: "sagsbehandling".to_owned(),
    }
}

/// A user put in the store comes back field for field; putting it again replaces it.
pub fn a_user_comes_back_as_stored_and_can_be_replaced(factory: &dyn AccountStoreFactory) {
    let mut store = factory.open();
    assert_eq!(store.user("anna").unwrap(), None);
    let anna = user("anna", Role::Caseworker);
    store.put_user(&anna).unwrap();
    store.put_user(&user("bo", Role::Citizen)).unwrap();
    assert_eq!(factory.open().user("anna").unwrap(), Some(anna.clone()));
    let bo = factory.open().user("bo").unwrap().unwrap();
    assert_eq!((bo.role, bo.citizen_case.as_ref().map(|c| c.as_str())), (Role::Citizen, Some("c1")));
    let renamed = User { display_name: "Anna Ny".to_owned(), unit: Some("CAB".to_owned()), ..anna };
    store.put_user(&renamed).unwrap();
    assert_eq!(store.user("anna").unwrap(), Some(renamed));
    let ids: Vec<String> = store.users().unwrap().into_iter().map(|u| u.id).collect();
    assert_eq!(ids, ["anna", "bo"]);
}

/// A session is found by its token hash until it expires or is deleted.
pub fn a_session_is_found_until_it_expires_or_is_deleted(factory: &dyn AccountStoreFactory) {
    let mut store = factory.open();
    store.put_user(&user("anna", Role::Caseworker)).unwrap();
    let session = Session {
        token_hash: "ab".repeat(32),
        user_id: "anna".to_owned(),
        csrf_token: "csrf-1".to_owned(),
        created_at: t(0),
        expires_at: t(60),
    };
    store.create_session(&session).unwrap();
    assert_eq!(factory.open().session(&session.token_hash, t(10)).unwrap(), Some(session.clone()));
    assert_eq!(store.session(&session.token_hash, t(60)).unwrap(), None, "expired at its expiry time");
    assert_eq!(store.session(&"cd".repeat(32), t(10)).unwrap(), None);
    let other = Session { token_hash: "ef".repeat(32), expires_at: t(200), ..session.clone() };
    store.create_session(&other).unwrap();
    assert_eq!(store.delete_expired_sessions(t(100)).unwrap(), 1);
    assert!(store.session(&other.token_hash, t(100)).unwrap().is_some());
    store.delete_session(&other.token_hash).unwrap();
    store.delete_session(&other.token_hash).unwrap();
    assert_eq!(store.session(&other.token_hash, t(100)).unwrap(), None);
}

/// Replacing a user (a password reset, a new role) ends that user's sessions, and only theirs.
pub fn replacing_a_user_ends_their_sessions(factory: &dyn AccountStoreFactory) {
    let mut store = factory.open();
    store.put_user(&user("anna", Role::Caseworker)).unwrap();
    store.put_user(&user("bo", Role::Caseworker)).unwrap();
    let session = |token: &str, user_id: &str| Session {
        token_hash: token.repeat(32),
        user_id: user_id.to_owned(),
        csrf_token: "csrf".to_owned(),
        created_at: t(0),
        expires_at: t(60),
    };
    store.create_session(&session("ab", "anna")).unwrap();
    store.create_session(&session("cd", "anna")).unwrap();
    store.create_session(&session("ef", "bo")).unwrap();
    let reset = User { password_hash: "$argon2id$v=19$new".to_owned(), ..user("anna", Role::Caseworker) };
    store.put_user(&reset).unwrap();
    assert_eq!(store.session(&"ab".repeat(32), t(10)).unwrap(), None);
    assert_eq!(store.session(&"cd".repeat(32), t(10)).unwrap(), None);
    assert!(store.session(&"ef".repeat(32), t(10)).unwrap().is_some(), "another user's session stays");
    assert_eq!(store.user("anna").unwrap(), Some(reset));
}

/// The access log gives entries back newest first, filtered by case or user, and limited.
pub fn the_access_log_reads_back_newest_first_with_filters(factory: &dyn AccountStoreFactory) {
    let mut store = factory.open();
    store
        .log_access(&[
            entry(1, "anna", Some("c1"), "GET /sager/{case}"),
            entry(2, "anna", Some("c2"), "GET /api/cases/{case}"),
            entry(3, "bo", Some("c1"), "GET /min-plan"),
        ])
        .unwrap();
    store.log_access(&[entry(4, "cai", None, "GET /revision")]).unwrap();
    store.log_access(&[]).unwrap();
    let all = factory.open().access_log(&AccessQuery::default()).unwrap();
    assert_eq!(all.iter().map(|e| e.at).collect::<Vec<_>>(), [t(4), t(3), t(2), t(1)]);
    assert_eq!(all[3], entry(1, "anna", Some("c1"), "GET /sager/{case}"));
    assert_eq!(all[0].case, None);
    let c1 =
        store.access_log(&AccessQuery { case: Some(CaseId::parse("c1").unwrap()), ..AccessQuery::default() }).unwrap();
    assert_eq!(c1.iter().map(|e| e.user_id.as_str()).collect::<Vec<_>>(), ["bo", "anna"]);
    let anna = store.access_log(&AccessQuery { user_id: Some("anna".into()), limit: 1, case: None }).unwrap();
    assert_eq!(anna.len(), 1);
    assert_eq!(anna[0].at, t(2));
}

/// Many entries logged in one call are all stored, in order.
pub fn a_batch_of_access_entries_is_stored_whole(factory: &dyn AccountStoreFactory) {
    let mut store = factory.open();
    let batch: Vec<AccessEntry> = (0..250).map(|i| entry(i, "anna", Some("c1"), "GET /sager/{case}")).collect();
    store.log_access(&batch).unwrap();
    let read = store.access_log(&AccessQuery { limit: 1000, ..AccessQuery::default() }).unwrap();
    assert_eq!(read.len(), 250);
    assert_eq!(read[0].at, t(249));
}

/// Declares one `#[test]` per account conformance case. `$factory` builds a fresh factory.
#[macro_export]
macro_rules! account_conformance_tests {
    ($factory:expr) => {
        #[test]
        fn account_conformance_a_user_comes_back_as_stored_and_can_be_replaced() {
            $crate::accounts::conformance::a_user_comes_back_as_stored_and_can_be_replaced(&$factory);
        }
        #[test]
        fn account_conformance_a_session_is_found_until_it_expires_or_is_deleted() {
            $crate::accounts::conformance::a_session_is_found_until_it_expires_or_is_deleted(&$factory);
        }
        #[test]
        fn account_conformance_replacing_a_user_ends_their_sessions() {
            $crate::accounts::conformance::replacing_a_user_ends_their_sessions(&$factory);
        }
        #[test]
        fn account_conformance_the_access_log_reads_back_newest_first_with_filters() {
            $crate::accounts::conformance::the_access_log_reads_back_newest_first_with_filters(&$factory);
        }
        #[test]
        fn account_conformance_a_batch_of_access_entries_is_stored_whole() {
            $crate::accounts::conformance::a_batch_of_access_entries_is_stored_whole(&$factory);
        }
    };
}
