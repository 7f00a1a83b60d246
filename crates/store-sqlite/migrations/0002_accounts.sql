-- Accounts, sessions and the access log of the web application.
CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit          TEXT,
    actor         TEXT NOT NULL,
    citizen_case  TEXT,
    password_hash TEXT NOT NULL
) WITHOUT ROWID;

-- A session is found by the SHA-256 of its token; the token itself is never stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Who read which case's personal data, when, where and why. Append-only.
CREATE TABLE access_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role    TEXT NOT NULL,
    case_id TEXT,
    what    TEXT NOT NULL,
    purpose TEXT NOT NULL
);

CREATE INDEX access_log_by_case ON access_log (case_id, seq);
CREATE INDEX access_log_by_user ON access_log (user_id, seq);

CREATE TRIGGER access_log_refuse_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only: UPDATE refused'); END;

CREATE TRIGGER access_log_refuse_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only: DELETE refused'); END;
