-- haochaping schema 2 (PostgreSQL): the ratings ledger (评价台账), every rating good and
-- bad, without personal data (haochaping.Review.ForLedger), keyed on the SHA-256 of the
-- rating's normalised key. The columns are those the statistics select on and group by
-- (is_default: a rating the system gave by default, 默认评价); doc is the rating. Keys
-- sort bytewise (COLLATE "C"), as the memory ledger sorts them.
CREATE TABLE {{P}}ratings (
    key_hash        TEXT        NOT NULL PRIMARY KEY,
    rating_key      TEXT        COLLATE "C" NOT NULL,
    rated_at        TIMESTAMPTZ NOT NULL,
    level           TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    area_code       TEXT        NOT NULL,
    department_code TEXT        NOT NULL,
    window_id       TEXT        NOT NULL,
    is_default      BOOLEAN     NOT NULL,
    doc             TEXT        NOT NULL
);
CREATE INDEX {{P}}ratings_time ON {{P}}ratings (rated_at, rating_key);
