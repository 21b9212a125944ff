ALTER TABLE note ADD COLUMN tag TEXT;
CREATE INDEX note_tag ON note (tag);
