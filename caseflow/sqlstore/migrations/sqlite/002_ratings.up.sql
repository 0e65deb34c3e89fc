-- haochaping schema 2 (SQLite): the ratings ledger (评价台账), every rating good and bad,
-- without personal data (haochaping.Review.ForLedger), keyed on the SHA-256 of the rating's
-- normalised key. The columns are those the statistics select on and group by (is_default:
-- 1 for a rating the system gave by default, 默认评价); doc is the rating. Rows
-- are kept in the order recorded (seq), so that a backlog appends; the key's hash, which
-- falls anywhere, is a small unique index.
CREATE TABLE {{P}}ratings (
    seq             INTEGER PRIMARY KEY,
    key_hash        TEXT NOT NULL UNIQUE,
    rating_key      TEXT NOT NULL,
    rated_at        TEXT NOT NULL,
    level           TEXT NOT NULL,
    channel         TEXT NOT NULL,
    area_code       TEXT NOT NULL,
    department_code TEXT NOT NULL,
    window_id       TEXT NOT NULL,
    is_default      INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    doc             TEXT NOT NULL
);
CREATE INDEX {{P}}ratings_time ON {{P}}ratings (rated_at, rating_key);
