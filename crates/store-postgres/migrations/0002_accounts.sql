-- Accounts, sessions and the access log of the web application (as in SQLite's 0002_accounts).
-- Text keys sort bytewise (COLLATE "C"), as in SQLite, so `users` lists in the same order.
CREATE TABLE users (
    id            TEXT COLLATE "C" PRIMARY KEY,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit          TEXT,
    actor         TEXT NOT NULL,
    citizen_case  TEXT COLLATE "C",
    password_hash TEXT NOT NULL
);

-- A session is found by the SHA-256 of its token; the token itself is never stored.
CREATE TABLE sessions (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Who read which case's personal data, when, where and why. Append-only; `seq` is the order of
-- writing, which is the order the log is read back in (newest first).
CREATE TABLE access_log (
    seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL,
    role    TEXT NOT NULL,
    case_id TEXT COLLATE "C",
    what    TEXT NOT NULL,
    purpose TEXT NOT NULL
);

CREATE INDEX access_log_by_case ON access_log (case_id, seq);
CREATE INDEX access_log_by_user ON access_log (user_id, seq);

-- The access log is never changed: these triggers refuse UPDATE and DELETE (and TRUNCATE, which
-- deletes without firing row triggers).
CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER access_log_refuse_update BEFORE UPDATE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_refuse_delete BEFORE DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_refuse_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
