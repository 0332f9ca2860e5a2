-- The place a news agency's dateline names ("…, Bishkek - 24.kg news agency"), as written; NULL without one.
ALTER TABLE statements ADD COLUMN dateline TEXT NULL;
