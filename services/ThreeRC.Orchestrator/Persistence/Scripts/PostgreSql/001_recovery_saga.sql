-- The orchestrator's schema on PostgreSQL, as the SQLite scripts 001 to 003 leave it (see Scripts/Sqlite for the why
-- of each table). Integers are BIGINT and flags 0 or 1, as SQLite stores them, so that both read back the same types.

-- One row per VM: its recovery state machine. data holds the whole instance as JSON; the other columns are copies
-- the deadline sweep and operators query.
CREATE TABLE recovery_saga (
    correlation_id   TEXT PRIMARY KEY,
    version          BIGINT NOT NULL,
    data             TEXT NOT NULL,
    vm_name          TEXT NOT NULL,
    current_state    TEXT NOT NULL,
    current_host     TEXT NULL,
    deadline_at      BIGINT NULL,     -- unix milliseconds, UTC
    deadline_token   TEXT NULL,
    -- owned by the deadline sweep, never written by the saga: the token it last claimed, and when
    dispatched_token TEXT NULL,
    dispatched_at    BIGINT NULL
);

CREATE INDEX ix_recovery_saga_deadline ON recovery_saga (deadline_at) WHERE deadline_at IS NOT NULL;

-- What the saga handled (inbox) and published with each saved state until it left (outbox).
CREATE TABLE recovery_saga_inbox (
    message_id  TEXT PRIMARY KEY,
    received_at BIGINT NOT NULL
);

CREATE INDEX ix_recovery_saga_inbox_received ON recovery_saga_inbox (received_at);

CREATE TABLE recovery_saga_outbox (
    sequence           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id         TEXT NOT NULL UNIQUE,
    inbound_message_id TEXT NULL,
    type               TEXT NOT NULL,
    body               TEXT NOT NULL,
    created_at         BIGINT NOT NULL
);

CREATE INDEX ix_recovery_saga_outbox_inbound ON recovery_saga_outbox (inbound_message_id);

-- Storm control: the incidents doing hypervisor work now (granted) or waiting for a slot, and the number granted.
CREATE TABLE recovery_slots (
    correlation_id TEXT PRIMARY KEY,
    vm_name        TEXT NOT NULL,
    host           TEXT NULL,
    priority       BIGINT NOT NULL,
    requested_at   BIGINT NOT NULL,
    granted        BIGINT NOT NULL
);

CREATE INDEX ix_recovery_slots_host ON recovery_slots (host) WHERE granted = 1;
CREATE INDEX ix_recovery_slots_waiting ON recovery_slots (priority, requested_at) WHERE granted = 0 AND host IS NULL;

CREATE TABLE recovery_slot_count (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    granted BIGINT NOT NULL
);

INSERT INTO recovery_slot_count (id, granted) VALUES (1, 0);

CREATE FUNCTION recovery_slots_count_granted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE recovery_slot_count SET granted = granted + NEW.granted;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE recovery_slot_count SET granted = granted + NEW.granted - OLD.granted;
    ELSE
        UPDATE recovery_slot_count SET granted = granted - OLD.granted;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_recovery_slots_granted AFTER INSERT OR DELETE OR UPDATE OF granted ON recovery_slots
    FOR EACH ROW EXECUTE FUNCTION recovery_slots_count_granted();

-- Physical hosts the monitor reported unresponsive, and what operators put into maintenance.
CREATE TABLE host_status (
    name  TEXT PRIMARY KEY,
    down  BIGINT NOT NULL,
    since TEXT NOT NULL
);

CREATE TABLE maintenance (
    target TEXT NOT NULL,
    name   TEXT NOT NULL,
    reason TEXT NOT NULL,
    since  TEXT NOT NULL,
    PRIMARY KEY (target, name)
);

-- The mass-failure brake: one row; halted_at is set while fencing is halted.
CREATE TABLE fencing_brake (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    halted_at   TEXT NULL,
    reason      TEXT NULL,
    resumed_at  TEXT NULL,
    resumed_by  TEXT NULL
);

INSERT INTO fencing_brake (id) VALUES (1);
