//! Users, sessions and the append-only access log in the store's schema (migration 0002).

use crate::{backend, column, PostgresStore};
use chrono::{DateTime, Utc};
use journal::CaseId;
use postgres::Row;
use store::accounts::{AccessEntry, AccessQuery, AccountStore, Role, Session, User};
use store::{StoreError, StoreResult};

impl AccountStore for PostgresStore {
    fn put_user(&mut self, user: &User) -> StoreResult<()> {
        let citizen_case = user.citizen_case.as_ref().map(CaseId::as_str);
        let mut tx = self.client_mut()?.transaction().map_err(backend)?;
        tx.execute(
            "INSERT INTO users (id, display_name, role, unit, actor, citizen_case, password_hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                   unit = excluded.unit, actor = excluded.actor, citizen_case = excluded.citizen_case,
                   password_hash = excluded.password_hash",
            &[
                &user.id,
                &user.display_name,
                &user.role.as_str(),
                &user.unit,
                &user.actor,
                &citizen_case,
                &user.password_hash,
            ],
        )
        .map_err(backend)?;
        tx.execute("DELETE FROM sessions WHERE user_id = $1", &[&user.id]).map_err(backend)?;
        tx.commit().map_err(backend)
    }

    fn user(&self, id: &str) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = self.client()?.query_opt(&sql, &[&id]).map_err(backend)?;
        row.as_ref().map(to_user).transpose()
    }

    fn users(&self) -> StoreResult<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY id");
        let rows = self.client()?.query(&sql, &[]).map_err(backend)?;
        rows.iter().map(to_user).collect()
    }

    fn create_session(&mut self, session: &Session) -> StoreResult<()> {
        self.client_mut()?
            .execute(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&session.token_hash, &session.user_id, &session.csrf_token, &session.created_at, &session.expires_at],
            )
            .map_err(backend)?;
        Ok(())
    }

    fn session(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<Session>> {
        let row = self
            .client()?
            .query_opt(
                "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions
                 WHERE token_hash = $1 AND expires_at > $2",
                &[&token_hash, &now],
            )
            .map_err(backend)?;
        row.map(|row| {
            Ok(Session {
                token_hash: column(&row, 0)?,
                user_id: column(&row, 1)?,
                csrf_token: column(&row, 2)?,
                created_at: column(&row, 3)?,
                expires_at: column(&row, 4)?,
            })
        })
        .transpose()
    }

    fn delete_session(&mut self, token_hash: &str) -> StoreResult<()> {
        self.client_mut()?.execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash]).map_err(backend)?;
        Ok(())
    }

    fn delete_expired_sessions(&mut self, now: DateTime<Utc>) -> StoreResult<usize> {
        let deleted =
            self.client_mut()?.execute("DELETE FROM sessions WHERE expires_at <= $1", &[&now]).map_err(backend)?;
        Ok(deleted as usize)
    }

    fn log_access(&mut self, entries: &[AccessEntry]) -> StoreResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let at: Vec<DateTime<Utc>> = entries.iter().map(|entry| entry.at).collect();
        let user_id: Vec<&str> = entries.iter().map(|entry| entry.user_id.as_str()).collect();
        let role: Vec<&str> = entries.iter().map(|entry| entry.role.as_str()).collect();
        let case: Vec<Option<&str>> = entries.iter().map(|entry| entry.case.as_ref().map(CaseId::as_str)).collect();
        let what: Vec<&str> = entries.iter().map(|entry| entry.what.as_str()).collect();
        let purpose: Vec<&str> = entries.iter().map(|entry| entry.purpose.as_str()).collect();
        // One statement is one transaction: all entries or none, numbered in the order given.
        self.client_mut()?
            .execute(
                "INSERT INTO access_log (at, user_id, role, case_id, what, purpose)
                 SELECT at, user_id, role, case_id, what, purpose
                 FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                      WITH ORDINALITY AS given (at, user_id, role, case_id, what, purpose, position)
                 ORDER BY position",
                &[&at, &user_id, &role, &case, &what, &purpose],
            )
            .map_err(backend)?;
        Ok(())
    }

    fn access_log(&self, query: &AccessQuery) -> StoreResult<Vec<AccessEntry>> {
        let limit = if query.limit == 0 { 100 } else { query.limit } as i64;
        let case = query.case.as_ref().map(CaseId::as_str);
        let rows = self
            .client()?
            .query(
                "SELECT at, user_id, role, case_id, what, purpose FROM access_log
                 WHERE ($1::text IS NULL OR case_id = $1) AND ($2::text IS NULL OR user_id = $2)
                 ORDER BY seq DESC LIMIT $3",
                &[&case, &query.user_id, &limit],
            )
            .map_err(backend)?;
        rows.iter()
            .map(|row| {
                Ok(AccessEntry {
                    at: column(row, 0)?,
                    user_id: column(row, 1)?,
                    role: parse_role(column(row, 2)?)?,
                    case: parse_case(column(row, 3)?)?,
                    what: column(row, 4)?,
                    purpose: column(row, 5)?,
                })
            })
            .collect()
    }
}

const USER_COLUMNS: &str = "id, display_name, role, unit, actor, citizen_case, password_hash";

fn to_user(row: &Row) -> StoreResult<User> {
    Ok(User {
        id: column(row, 0)?,
        display_name: column(row, 1)?,
        role: parse_role(column(row, 2)?)?,
        unit: column(row, 3)?,
        actor: column(row, 4)?,
        citizen_case: parse_case(column(row, 5)?)?,
        password_hash: column(row, 6)?,
    })
}

fn parse_role(text: &str) -> StoreResult<Role> {
    Role::parse(text).ok_or_else(|| StoreError::Backend(format!("bad stored role {text}")))
}

fn parse_case(text: Option<&str>) -> StoreResult<Option<CaseId>> {
    text.map(|t| CaseId::parse(t).ok_or_else(|| StoreError::Backend(format!("bad stored case id {t}")))).transpose()
}
