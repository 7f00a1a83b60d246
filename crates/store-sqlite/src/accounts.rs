//! Users, sessions and the append-only access log in the SQLite file (migration 0002).

use crate::{backend, SqliteStore};
use chrono::{DateTime, SecondsFormat, Utc};
use journal::CaseId;
use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};
use store::accounts::{AccessEntry, AccessQuery, AccountStore, Role, Session, User};
use store::{StoreError, StoreResult};

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn parse_time(text: &str) -> StoreResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Backend(format!("bad stored time {text}: {e}")))
}

fn parse_role(text: &str) -> StoreResult<Role> {
    Role::parse(text).ok_or_else(|| StoreError::Backend(format!("bad stored role {text}")))
}

fn parse_case(text: Option<String>) -> StoreResult<Option<CaseId>> {
    text.map(|t| CaseId::parse(&t).ok_or_else(|| StoreError::Backend(format!("bad stored case id {t}")))).transpose()
}

type UserRow = (String, String, String, Option<String>, String, Option<String>, String);

fn user_row(row: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
}

fn to_user((id, display_name, role, unit, actor, citizen_case, password_hash): UserRow) -> StoreResult<User> {
    Ok(User {
        id,
        display_name,
        role: parse_role(&role)?,
        unit,
        actor,
        citizen_case: parse_case(citizen_case)?,
        password_hash,
    })
}

const USER_COLUMNS: &str = "id, display_name, role, unit, actor, citizen_case, password_hash";

impl AccountStore for SqliteStore {
    fn put_user(&mut self, user: &User) -> StoreResult<()> {
        let tx = self.conn.transaction().map_err(backend)?;
        tx.execute(
            "INSERT INTO users (id, display_name, role, unit, actor, citizen_case, password_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                   unit = excluded.unit, actor = excluded.actor, citizen_case = excluded.citizen_case,
                   password_hash = excluded.password_hash",
            params![
                user.id,
                user.display_name,
                user.role.as_str(),
                user.unit,
                user.actor,
                user.citizen_case.as_ref().map(CaseId::as_str),
                user.password_hash
            ],
        )
        .map_err(backend)?;
        tx.execute("DELETE FROM sessions WHERE user_id = ?1", [&user.id]).map_err(backend)?;
        tx.commit().map_err(backend)
    }

    fn user(&self, id: &str) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1");
        let row = self.conn.prepare_cached(&sql).map_err(backend)?.query_row([id], user_row).optional();
        row.map_err(backend)?.map(to_user).transpose()
    }

    fn users(&self) -> StoreResult<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY id");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(backend)?;
        let rows = stmt.query_map([], user_row).map_err(backend)?;
        rows.map(|row| to_user(row.map_err(backend)?)).collect()
    }

    fn create_session(&mut self, session: &Session) -> StoreResult<()> {
        self.conn
            .execute(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    session.token_hash,
                    session.user_id,
                    session.csrf_token,
                    time(session.created_at),
                    time(session.expires_at)
                ],
            )
            .map_err(backend)?;
        Ok(())
    }

    fn session(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<Session>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions
                 WHERE token_hash = ?1 AND expires_at > ?2",
            )
            .map_err(backend)?;
        let row = stmt
            .query_row(params![token_hash, time(now)], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .optional()
            .map_err(backend)?;
        row.map(|(token_hash, user_id, csrf_token, created_at, expires_at)| {
            Ok(Session {
                token_hash,
                user_id,
                csrf_token,
                created_at: parse_time(&created_at)?,
                expires_at: parse_time(&expires_at)?,
            })
        })
        .transpose()
    }

    fn delete_session(&mut self, token_hash: &str) -> StoreResult<()> {
        self.conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash]).map_err(backend)?;
        Ok(())
    }

    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> StoreResult<usize> {
        self.conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [time(now)]).map_err(backend)
    }

    fn log_access(&mut self, entries: &[AccessEntry]) -> StoreResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO access_log (at, user_id, role, case_id, what, purpose) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(backend)?;
            for entry in entries {
                insert
                    .execute(params![
                        time(entry.at),
                        entry.user_id,
                        entry.role.as_str(),
                        entry.case.as_ref().map(CaseId::as_str),
                        entry.what,
                        entry.purpose
                    ])
                    .map_err(backend)?;
            }
        }
        tx.commit().map_err(backend)
    }

    fn access_log(&self, query: &AccessQuery) -> StoreResult<Vec<AccessEntry>> {
        let limit = if query.limit == 0 { 100 } else { query.limit } as i64;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT at, user_id, role, case_id, what, purpose FROM access_log
                 WHERE (?1 IS NULL OR case_id = ?1) AND (?2 IS NULL OR user_id = ?2)
                 ORDER BY seq DESC LIMIT ?3",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map(params![query.case.as_ref().map(CaseId::as_str), query.user_id, limit], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                ))
            })
            .map_err(backend)?;
        rows.map(|row| {
            let (at, user_id, role, case, what, purpose) = row.map_err(backend)?;
            Ok(AccessEntry {
                at: parse_time(&at)?,
                user_id,
                role: parse_role(&role)?,
                case: parse_case(case)?,
                what,
                purpose,
            })
        })
        .collect()
    }
}
