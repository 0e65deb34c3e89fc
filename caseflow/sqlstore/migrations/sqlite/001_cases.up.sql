-- haochaping schema 1 (SQLite): cases, their trails, their open duties and the outbox.
-- {{P}} is the table prefix (haochaping_ by default). Times are UTC text with microseconds,
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ', which sorts as it reads.

-- A case: the columns a listing selects on, the head of its trail (kept apart from the
-- trail, so that entries cut off the end are detected), and the case itself as JSON.
-- Optimistic locking is UPDATE ... WHERE seq = ? AND version = ?.
CREATE TABLE {{P}}cases (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order
    id          TEXT    NOT NULL UNIQUE,
    key_hash    TEXT    UNIQUE,                    -- SHA-256 of the intake key; NULL for none
    kind        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    center      TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    window_id   TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    warn_at     TEXT,                              -- earliest warning of an open timed duty
    due_at      TEXT,                              -- earliest due time of an open timed duty
    closed      INTEGER NOT NULL,
    head_seq    INTEGER NOT NULL CHECK (head_seq >= 1),
    head_hash   TEXT    NOT NULL,
    doc         TEXT    NOT NULL
);
CREATE INDEX {{P}}cases_received ON {{P}}cases (received_at);
CREATE INDEX {{P}}cases_warn ON {{P}}cases (warn_at);

-- The trail: one row per entry, insert-only (an erasure of personal data rewrites doc,
-- never hash), keyed by case and sequence number.
CREATE TABLE {{P}}entries (
    case_seq    INTEGER NOT NULL REFERENCES {{P}}cases (seq),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    event       TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    doc         TEXT    NOT NULL,
    PRIMARY KEY (case_seq, seq)
) WITHOUT ROWID;

-- The open timed duties, so that a worklist reads this table and its indexes, not the
-- cases: the columns a worklist selects on (its case's, and the duty's due and warning
-- times), and, packed for a quick read, the case's summary and the duty (each field as
-- its length, a colon and its bytes; times in Unix microseconds; see pack.go). Rewritten
-- with the case at every step.
CREATE TABLE {{P}}duties (
    case_seq    INTEGER NOT NULL REFERENCES {{P}}cases (seq),
    idx         INTEGER NOT NULL,                  -- the duty's index in the case's duties
    case_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    center      TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    window_id   TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    closed      INTEGER NOT NULL,
    due_at      TEXT    NOT NULL,
    warn_at     TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    duty        TEXT    NOT NULL,
    PRIMARY KEY (case_seq, idx)
) WITHOUT ROWID;
CREATE INDEX {{P}}duties_due ON {{P}}duties (due_at, case_seq, idx);
CREATE INDEX {{P}}duties_warn ON {{P}}duties (warn_at);

-- The outbox: one row per committed entry, written in the step's transaction, deleted
-- once delivered (at least once).
CREATE TABLE {{P}}outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_seq     INTEGER NOT NULL REFERENCES {{P}}cases (seq),
    case_id      TEXT    NOT NULL,
    entry_seq    INTEGER NOT NULL,
    event        TEXT    NOT NULL,
    committed_at TEXT    NOT NULL,
    lease_until  TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0
);
