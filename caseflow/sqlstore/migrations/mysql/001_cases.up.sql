-- haochaping schema 1 (MySQL 8, MariaDB 10.6 and later): cases, their trails, their open
-- duties and the outbox. {{P}} is the table prefix (haochaping_ by default). Times are
-- DATETIME(6) in UTC. Text is utf8mb4; the columns a query compares (IDs, codes) are
-- VARBINARY, compared byte for byte as the other databases and the memory store compare
-- them (a PAD SPACE collation, utf8mb4_bin among them, would find "w-1 " equal to "w-1").
-- 764 bytes hold 191 characters of utf8mb4, the longest an index takes. MySQL commits DDL at once, so
-- every statement may be run again after a failure (IF NOT EXISTS, indexes inline).

-- A case: the columns a listing selects on, the head of its trail (kept apart from the
-- trail, so that entries cut off the end are detected), and the case itself as JSON.
-- Optimistic locking is UPDATE ... WHERE seq = ? AND version = ?.
CREATE TABLE IF NOT EXISTS {{P}}cases (
    seq         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY, -- creation order
    id          VARBINARY(764) NOT NULL,
    key_hash    BINARY(64),                          -- SHA-256 of the intake key; NULL for none
    kind        VARBINARY(64) NOT NULL,
    state       VARBINARY(64) NOT NULL,
    version     BIGINT       NOT NULL CHECK (version >= 1),
    center      VARBINARY(764) NOT NULL,
    department  VARBINARY(764) NOT NULL,
    window_id   VARBINARY(764) NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    warn_at     DATETIME(6),                       -- earliest warning of an open timed duty
    due_at      DATETIME(6),                       -- earliest due time of an open timed duty
    closed      BOOLEAN      NOT NULL,
    head_seq    INTEGER      NOT NULL CHECK (head_seq >= 1),
    head_hash   BINARY(64)   NOT NULL,
    doc         LONGTEXT     NOT NULL,
    UNIQUE KEY {{P}}cases_id (id),
    UNIQUE KEY {{P}}cases_key (key_hash),
    KEY {{P}}cases_received (received_at),
    KEY {{P}}cases_warn (warn_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The trail: one row per entry, insert-only (an erasure of personal data rewrites doc,
-- never hash), keyed by case and sequence number.
CREATE TABLE IF NOT EXISTS {{P}}entries (
    case_seq    BIGINT       NOT NULL,
    seq         INTEGER      NOT NULL CHECK (seq >= 1),
    event       VARBINARY(64) NOT NULL,
    at          DATETIME(6)  NOT NULL,
    hash        BINARY(64)   NOT NULL,
    doc         LONGTEXT     NOT NULL,
    PRIMARY KEY (case_seq, seq),
    CONSTRAINT {{P}}entries_case FOREIGN KEY (case_seq) REFERENCES {{P}}cases (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The open timed duties, so that a worklist reads this table and its indexes, not the
-- cases: the columns a worklist selects on (its case's, and the duty's due and warning
-- times), and, packed for a quick read, the case's summary and the duty (each field as
-- its length, a colon and its bytes; times in Unix microseconds; see pack.go). Rewritten
-- with the case at every step.
CREATE TABLE IF NOT EXISTS {{P}}duties (
    case_seq    BIGINT       NOT NULL,
    idx         INTEGER      NOT NULL,             -- the duty's index in the case's duties
    case_id     VARBINARY(764) NOT NULL,
    kind        VARBINARY(64) NOT NULL,
    state       VARBINARY(64) NOT NULL,
    center      VARBINARY(764) NOT NULL,
    department  VARBINARY(764) NOT NULL,
    window_id   VARBINARY(764) NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    closed      BOOLEAN      NOT NULL,
    due_at      DATETIME(6)  NOT NULL,
    warn_at     DATETIME(6)  NOT NULL,
    summary     TEXT         NOT NULL,
    duty        TEXT         NOT NULL,
    PRIMARY KEY (case_seq, idx),
    KEY {{P}}duties_due (due_at, case_seq, idx),
    KEY {{P}}duties_warn (warn_at),
    CONSTRAINT {{P}}duties_case FOREIGN KEY (case_seq) REFERENCES {{P}}cases (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The outbox: one row per committed entry, written in the step's transaction, deleted
-- once delivered (at least once).
CREATE TABLE IF NOT EXISTS {{P}}outbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_seq     BIGINT       NOT NULL,
    case_id      VARBINARY(764) NOT NULL,
    entry_seq    INTEGER      NOT NULL,
    event        VARBINARY(64) NOT NULL,
    committed_at DATETIME(6)  NOT NULL,
    lease_until  DATETIME(6),
    attempts     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT {{P}}outbox_case FOREIGN KEY (case_seq) REFERENCES {{P}}cases (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
