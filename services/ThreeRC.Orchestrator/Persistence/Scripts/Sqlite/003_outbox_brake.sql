-- Every message the recovery saga handled (its MessageId), so that a duplicate delivery changes nothing, and what each
-- saved state published, kept until it has left: both written in the transaction that saves the state.
CREATE TABLE recovery_saga_inbox (
    message_id  TEXT PRIMARY KEY,
    received_at INTEGER NOT NULL      -- unix milliseconds, UTC
);

CREATE INDEX ix_recovery_saga_inbox_received ON recovery_saga_inbox (received_at);

CREATE TABLE recovery_saga_outbox (
    sequence           INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id         TEXT NOT NULL UNIQUE,
    inbound_message_id TEXT NULL,
    type               TEXT NOT NULL,
    body               TEXT NOT NULL,
    created_at         INTEGER NOT NULL
);

CREATE INDEX ix_recovery_saga_outbox_inbound ON recovery_saga_outbox (inbound_message_id);

-- The host a VM last ran on, for the VMs left alone in maintenance when it ends.
ALTER TABLE recovery_saga ADD COLUMN current_host TEXT NULL;

-- The mass-failure brake: one row; halted_at is set while fencing is halted.
CREATE TABLE fencing_brake (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    halted_at   TEXT NULL,
    reason      TEXT NULL,
    resumed_at  TEXT NULL,
    resumed_by  TEXT NULL
);

INSERT INTO fencing_brake (id) VALUES (1);
