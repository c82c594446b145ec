-- The provisioner's schema on PostgreSQL, as the SQLite scripts 001 and 002 leave it (see Scripts/Sqlite for why).
CREATE TABLE install_tokens (
    vm_name         TEXT PRIMARY KEY,
    token_hash      TEXT NOT NULL,
    recovery_id     TEXT NOT NULL,
    profile         TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT,
    revoked_at      TEXT,
    revoked_because TEXT
);

CREATE TABLE ended_recoveries (
    recovery_id  TEXT PRIMARY KEY,
    vm_name      TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    ended_at     TEXT NOT NULL,
    forget_after BIGINT NOT NULL
);

CREATE TABLE prepare_answers (
    command_id      TEXT PRIMARY KEY,
    recovery_id     TEXT NOT NULL,
    vm_name         TEXT NOT NULL,
    pxe_config_file TEXT,
    refusal         TEXT,
    answered_at     TEXT NOT NULL,
    forget_after    BIGINT NOT NULL,
    CHECK ((pxe_config_file IS NULL) <> (refusal IS NULL))
);

CREATE INDEX ended_recoveries_forget_after ON ended_recoveries (forget_after);
CREATE INDEX prepare_answers_forget_after ON prepare_answers (forget_after);
