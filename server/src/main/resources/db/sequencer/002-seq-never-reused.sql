-- A seq is handed out once, ever. With a plain INTEGER PRIMARY KEY SQLite reuses the highest rowid
-- once that row is deleted, and retention may delete every row, so seq becomes AUTOINCREMENT (the
-- copy below carries the high-water mark over into sqlite_sequence). sequenced_at becomes the fixed
-- width frame time (2026-01-02T03:04:05.678Z), whose text order is time order, for the retention window.
CREATE TABLE repo_seq_v2 (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    did TEXT NOT NULL,
    event_type TEXT NOT NULL,
    event BLOB NOT NULL,
    sequenced_at TEXT NOT NULL
);
INSERT INTO repo_seq_v2 (seq, did, event_type, event, sequenced_at)
    SELECT seq, did, event_type, event, strftime('%Y-%m-%dT%H:%M:%fZ', sequenced_at) FROM repo_seq;
DROP TABLE repo_seq;
ALTER TABLE repo_seq_v2 RENAME TO repo_seq;
CREATE INDEX repo_seq_did ON repo_seq (did, seq);
CREATE INDEX repo_seq_sequenced_at ON repo_seq (sequenced_at);

-- The rev of each repository's last #commit or #sync, kept beyond the retention window: start-up
-- repair compares it with the actor store's rev. Repositories sequenced before this table existed
-- have no row and get one repairing #sync on the next start.
CREATE TABLE repo_rev (
    did TEXT PRIMARY KEY,
    rev TEXT NOT NULL,
    seq INTEGER NOT NULL
);

-- The highest seq that retention removed: a cursor below it has missed events (OutdatedCursor).
CREATE TABLE seq_pruned (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    through_seq INTEGER NOT NULL
);
