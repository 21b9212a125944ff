-- The administrator's switches: an account whose invite codes are disabled, and the log of
-- current takedowns (of accounts, records and blobs) that the moderation screen lists. The
-- takedowns themselves stay where the serving code reads them (account.takedown_ref and the actor
-- stores' record/blob takedown_ref); this table only remembers what was taken down, when and why,
-- without opening every actor store.

ALTER TABLE account ADD COLUMN invites_disabled INTEGER NOT NULL DEFAULT 0;

-- subject: the DID (account), the AT URI (record) or "<did> <cid>" (blob), one row per subject.
CREATE TABLE takedown (
    subject    TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('account', 'record', 'blob')),
    did        TEXT NOT NULL,
    uri        TEXT,
    cid        TEXT,
    ref        TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX takedown_did ON takedown (did);
