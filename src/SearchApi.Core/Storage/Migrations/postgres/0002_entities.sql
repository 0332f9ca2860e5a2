-- Entities linked at ingestion: JSON array of {id, type, labels {en, ru}, mentions [{field, start, length}]}.
-- Kept as text (not jsonb) so that it round-trips byte for byte, as on SQLite.
ALTER TABLE statements ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
