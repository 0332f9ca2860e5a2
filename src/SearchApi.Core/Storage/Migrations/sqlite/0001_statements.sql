-- Statements, the source of truth. Deleted statements stay as tombstones so that the change feed can report them.
CREATE TABLE statements (
    id             TEXT    NOT NULL PRIMARY KEY,
    seq            INTEGER NOT NULL UNIQUE,
    deleted        INTEGER NOT NULL DEFAULT 0,
    lang           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    date           TEXT    NULL,
    date_precision TEXT    NULL,
    source         TEXT    NULL,
    url            TEXT    NULL,
    kind           TEXT    NOT NULL,
    author         TEXT    NULL,
    text           TEXT    NOT NULL,
    content_hash   TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

-- The change sequence: every write takes the next numbers from this single row, inside its transaction.
CREATE TABLE store_sequence (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
);
INSERT INTO store_sequence (id, last_seq) VALUES (1, 0);

-- Identity of this store, so that an index built from another store is recognised and rebuilt.
CREATE TABLE store_meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
