-- Blobs of the account: uploaded ones (temp_key set until a committed record references them) and
-- which records reference which blob, so the last reference going away deletes the blob.
CREATE TABLE blob (
    cid TEXT PRIMARY KEY,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    temp_key TEXT,
    created_at TEXT NOT NULL,
    takedown_ref TEXT
);
CREATE INDEX blob_temp_key ON blob (temp_key);

CREATE TABLE record_blob (
    blob_cid TEXT NOT NULL,
    record_uri TEXT NOT NULL,
    PRIMARY KEY (blob_cid, record_uri)
);
CREATE INDEX record_blob_record ON record_blob (record_uri);
