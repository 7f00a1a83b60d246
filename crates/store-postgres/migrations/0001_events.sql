-- The append-only journal: one row per event, chained by hash within its case.
-- Case ids sort bytewise (COLLATE "C"), as in SQLite and as `CaseId` sorts, so every backend
-- scans and exports cases in the same order.
CREATE TABLE cases (
    case_id   TEXT COLLATE "C" PRIMARY KEY,
    version   BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

CREATE TABLE events (
    case_id     TEXT COLLATE "C" NOT NULL,
    seq         BIGINT NOT NULL,
    at          TEXT NOT NULL,
    type        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    line        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Events are never changed: the only triggers in the schema refuse UPDATE and DELETE (and TRUNCATE,
-- which deletes without firing row triggers).
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
