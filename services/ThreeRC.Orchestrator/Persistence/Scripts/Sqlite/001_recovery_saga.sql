-- One row per VM: its recovery state machine. data holds the whole instance as JSON; the other columns
-- are copies the deadline sweeper and operators query.
CREATE TABLE recovery_saga (
    correlation_id   TEXT PRIMARY KEY,
    version          INTEGER NOT NULL,
    data             TEXT NOT NULL,
    vm_name          TEXT NOT NULL,
    current_state    TEXT NOT NULL,
    deadline_at      INTEGER NULL,     -- unix milliseconds, UTC
    deadline_token   TEXT NULL,
    -- owned by the deadline sweeper, never written by the saga: the token it last published, and when
    dispatched_token TEXT NULL,
    dispatched_at    INTEGER NULL
);

CREATE INDEX ix_recovery_saga_deadline ON recovery_saga (deadline_at) WHERE deadline_at IS NOT NULL;

-- Storm control: the incidents doing hypervisor work now (granted) or waiting for a slot.
CREATE TABLE recovery_slots (
    correlation_id TEXT PRIMARY KEY,
    vm_name        TEXT NOT NULL,
    host           TEXT NULL,
    priority       INTEGER NOT NULL,
    requested_at   INTEGER NOT NULL,
    granted        INTEGER NOT NULL
);

CREATE INDEX ix_recovery_slots_host ON recovery_slots (host) WHERE granted = 1;

-- Physical hosts the monitor reported unresponsive, and what operators put into maintenance.
CREATE TABLE host_status (
    name  TEXT PRIMARY KEY,
    down  INTEGER NOT NULL,
    since TEXT NOT NULL
);

CREATE TABLE maintenance (
    target TEXT NOT NULL,
    name   TEXT NOT NULL,
    reason TEXT NOT NULL,
    since  TEXT NOT NULL,
    PRIMARY KEY (target, name)
);
