-- The append-only event log behind com.atproto.sync.subscribeRepos. seq is the rowid: one writer
-- appends, so it is gapless and in append order.
CREATE TABLE repo_seq (
    seq INTEGER PRIMARY KEY,
    did TEXT NOT NULL,
    event_type TEXT NOT NULL,
    event BLOB NOT NULL,
    sequenced_at TEXT NOT NULL
);
CREATE INDEX repo_seq_did ON repo_seq (did, seq);
CREATE INDEX repo_seq_sequenced_at ON repo_seq (sequenced_at);
