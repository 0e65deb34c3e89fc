-- haochaping schema 2 (MySQL, MariaDB): the ratings ledger (评价台账), every rating good
-- and bad, without personal data (haochaping.Review.ForLedger), keyed on the SHA-256 of
-- the rating's normalised key. The columns are those the statistics select on and group by
-- (is_default: a rating the system gave by default, 默认评价); doc is the rating. The
-- columns a query compares or sorts are VARBINARY: byte for byte, as the memory ledger
-- compares and sorts them. The key, which NFKC may make longer than the ID it
-- normalises, is LONGBLOB (the unique key is its hash). Rows are clustered in the order
-- recorded (seq), so that a backlog appends; the key's hash, which falls anywhere, is a
-- small unique index.
CREATE TABLE IF NOT EXISTS {{P}}ratings (
    seq             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_hash        BINARY(64)     NOT NULL,
    rating_key      LONGBLOB       NOT NULL,
    rated_at        DATETIME(6)   NOT NULL,
    level           VARBINARY(32)  NOT NULL,
    channel         VARBINARY(32)  NOT NULL,
    area_code       VARBINARY(8000) NOT NULL,
    department_code VARBINARY(8000) NOT NULL,
    window_id       VARBINARY(8000) NOT NULL,
    is_default      BOOLEAN        NOT NULL,
    doc             LONGTEXT      NOT NULL,
    UNIQUE KEY {{P}}ratings_key (key_hash),
    KEY {{P}}ratings_time (rated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
