-- haochaping schema 2 (MySQL, MariaDB): the ratings ledger (评价台账), every rating good
-- and bad, without personal data (haochaping.Review.ForLedger), keyed on the SHA-256 of
-- the rating's normalised key. The columns are those the statistics select on; doc is the
-- rating. Binary collation: keys sort bytewise, as the memory ledger sorts them.
CREATE TABLE IF NOT EXISTS {{P}}ratings (
    key_hash        CHAR(64)      NOT NULL PRIMARY KEY,
    rating_key      VARCHAR(2000) NOT NULL,
    rated_at        DATETIME(6)   NOT NULL,
    level           VARCHAR(32)   NOT NULL,
    channel         VARCHAR(32)   NOT NULL,
    area_code       VARCHAR(2000) NOT NULL,
    department_code VARCHAR(2000) NOT NULL,
    window_id       VARCHAR(2000) NOT NULL,
    doc             LONGTEXT      NOT NULL,
    KEY {{P}}ratings_time (rated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
