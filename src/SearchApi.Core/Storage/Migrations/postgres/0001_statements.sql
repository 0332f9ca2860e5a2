-- Statements, the source of truth. Deleted statements stay as tombstones so that the change feed can report them.
-- The same columns as the SQLite schema, so that one set of Dapper queries serves both. Text that is compared or
-- ordered (ids, ISO 8601 timestamps) uses the "C" collation: byte order, whatever the database's locale.
CREATE TABLE statements (
    id             TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    seq            BIGINT  NOT NULL UNIQUE,
    deleted        INTEGER NOT NULL DEFAULT 0,
    lang           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    date           TEXT COLLATE "C" NULL,
    date_precision TEXT    NULL,
    source         TEXT    NULL,
    url            TEXT    NULL,
    kind           TEXT    NOT NULL,
    author         TEXT    NULL,
    text           TEXT    NOT NULL,
    content_hash   TEXT    NOT NULL,
    updated_at     TEXT COLLATE "C" NOT NULL
);

-- The change sequence: every write takes the next numbers from this single row, inside its transaction.
CREATE TABLE store_sequence (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO store_sequence (id, last_seq) VALUES (1, 0);

-- Identity of this store, so that an index built from another store is recognised and rebuilt.
CREATE TABLE store_meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', ''));
