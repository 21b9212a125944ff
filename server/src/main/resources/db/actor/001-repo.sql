-- One actor store per account: its repository blocks, the current commit, and the record index.
CREATE TABLE repo_root (
    did TEXT PRIMARY KEY,
    cid TEXT NOT NULL,
    rev TEXT NOT NULL,
    indexed_at TEXT NOT NULL
);

CREATE TABLE repo_block (
    cid TEXT PRIMARY KEY,
    repo_rev TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX repo_block_rev ON repo_block (repo_rev, cid);

CREATE TABLE record (
    uri TEXT PRIMARY KEY,
    cid TEXT NOT NULL,
    collection TEXT NOT NULL,
    rkey TEXT NOT NULL,
    repo_rev TEXT NOT NULL,
    indexed_at TEXT NOT NULL,
    takedown_ref TEXT
);
CREATE INDEX record_collection_rkey ON record (collection, rkey);
CREATE INDEX record_cid ON record (cid);
CREATE INDEX record_repo_rev ON record (repo_rev);
