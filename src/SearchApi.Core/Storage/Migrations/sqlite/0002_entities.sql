-- Entities linked at ingestion: JSON array of {id, type, labels {en, ru}, mentions [{field, start, length}]}.
ALTER TABLE statements ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
