-- Accounts hosted here, their sessions, app passwords, invite codes and e-mail tokens.
-- Times are milliseconds since the epoch (UTC). Handles and e-mails are stored lower-case,
-- so the UNIQUE constraints are case-insensitive in effect.

CREATE TABLE account (
    did                TEXT PRIMARY KEY,
    handle             TEXT NOT NULL UNIQUE CHECK (handle = lower(handle)),
    email              TEXT UNIQUE CHECK (email = lower(email)),
    -- "scrypt$N$r$p$salt$hash": the parameters travel with the hash so they can be raised later
    password_hash      TEXT,
    created_at         INTEGER NOT NULL,
    email_confirmed_at INTEGER,
    deactivated_at     INTEGER,
    takedown_ref       TEXT
);

-- Refresh tokens by their JWT id. A rotated token keeps a short grace: expires_at is cut down and
-- next_id names the token that replaced it, so a repeated refresh gets that same token again.
CREATE TABLE refresh_token (
    id                TEXT PRIMARY KEY,
    did               TEXT NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    app_password_name TEXT,
    expires_at        INTEGER NOT NULL,
    next_id           TEXT
);
CREATE INDEX refresh_token_did ON refresh_token (did);

CREATE TABLE app_password (
    did           TEXT NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    privileged    INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (did, name)
);

-- for_account and created_by are a DID, or "admin" for codes the administrator made.
CREATE TABLE invite_code (
    code           TEXT PRIMARY KEY,
    available_uses INTEGER NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0,
    for_account    TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);

-- Uses outlive the accounts that made them: they are the history of the code.
CREATE TABLE invite_code_use (
    code    TEXT NOT NULL REFERENCES invite_code (code),
    used_by TEXT NOT NULL,
    used_at INTEGER NOT NULL,
    PRIMARY KEY (code, used_by)
);

-- One outstanding token per purpose (confirm_email, update_email, reset_password, delete_account,
-- plc_operation) and account.
CREATE TABLE email_token (
    purpose      TEXT NOT NULL,
    did          TEXT NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    token        TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (purpose, did)
);
CREATE UNIQUE INDEX email_token_purpose_token ON email_token (purpose, token);
