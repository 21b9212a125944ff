-- The embedded PLC directory: every accepted operation of every DID, in log order.
-- (did, position) as the key makes a fork impossible: a second operation after the same head
-- would need the same position.
CREATE TABLE plc_operation (
    did        TEXT    NOT NULL,
    position   INTEGER NOT NULL,  -- 0 for the genesis operation
    cid        TEXT    NOT NULL,
    operation  TEXT    NOT NULL,  -- the signed operation's JSON
    nullified  INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,  -- acceptance time, epoch milliseconds
    PRIMARY KEY (did, position)
) STRICT, WITHOUT ROWID;
