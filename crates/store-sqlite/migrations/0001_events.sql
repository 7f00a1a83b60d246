-- The append-only journal: one row per event, chained by hash within its case.
CREATE TABLE cases (
    case_id   TEXT PRIMARY KEY NOT NULL,
    version   INTEGER NOT NULL,
    head_hash TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    case_id     TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    type        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    line        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- Events are never changed: the only triggers in the schema refuse UPDATE and DELETE.
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
