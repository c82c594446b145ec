-- A token is revoked when its entry goes back to local boot without the installer's call-back: its incident ended,
-- or it expired. A revoked token is refused like a used one.
ALTER TABLE install_tokens ADD COLUMN revoked_at TEXT;
ALTER TABLE install_tokens ADD COLUMN revoked_because TEXT;

-- The incidents that have ended, so that a PrepareReinstall arriving after its incident's end is refused.
-- forget_after is in Unix milliseconds: the row is kept for Pxe:EndedIncidentRetention.
CREATE TABLE ended_recoveries (
    recovery_id  TEXT PRIMARY KEY,
    vm_name      TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    ended_at     TEXT NOT NULL,
    forget_after INTEGER NOT NULL
);

-- The answer given to each PrepareReinstall, so that a repeated command (same command id) gets the same answer and
-- never a second token. Exactly one of pxe_config_file (prepared) and refusal (refused) is set.
CREATE TABLE prepare_answers (
    command_id      TEXT PRIMARY KEY,
    recovery_id     TEXT NOT NULL,
    vm_name         TEXT NOT NULL,
    pxe_config_file TEXT,
    refusal         TEXT,
    answered_at     TEXT NOT NULL,
    forget_after    INTEGER NOT NULL,
    CHECK ((pxe_config_file IS NULL) <> (refusal IS NULL))
);

CREATE INDEX ended_recoveries_forget_after ON ended_recoveries (forget_after);
CREATE INDEX prepare_answers_forget_after ON prepare_answers (forget_after);
