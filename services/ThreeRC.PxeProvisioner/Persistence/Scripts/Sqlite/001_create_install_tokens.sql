-- One row per VM: the token of its latest reinstall. A new reinstall replaces it, so an older token is void.
CREATE TABLE install_tokens (
    vm_name     TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL,
    recovery_id TEXT NOT NULL,
    profile     TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
