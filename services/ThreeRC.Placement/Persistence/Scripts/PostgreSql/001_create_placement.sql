-- Placement's schema on PostgreSQL, as the SQLite scripts 001 and 002 leave it (see Scripts/Sqlite for the why of each
-- table). Integers are BIGINT, flags 0 or 1 and loads DOUBLE PRECISION, as SQLite stores them.
CREATE TABLE vm_hosts (
    vm_name   TEXT PRIMARY KEY,
    host_name TEXT NOT NULL
);

CREATE TABLE host_states (
    host_name       TEXT PRIMARY KEY,
    up              BIGINT NOT NULL,
    fenced          BIGINT NOT NULL,
    in_maintenance  BIGINT NOT NULL,
    load_one        DOUBLE PRECISION,
    load_five       DOUBLE PRECISION,
    cpu_count       BIGINT,
    memory_total_kb BIGINT,
    memory_free_kb  BIGINT,
    last_heard_at   TEXT
);

CREATE TABLE reservations (
    recovery_id   TEXT PRIMARY KEY,
    vm_name       TEXT NOT NULL,
    host_name     TEXT NOT NULL,
    previous_host TEXT,
    reason        TEXT NOT NULL,
    placed_at     TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);

CREATE TABLE recent_starts (
    vm_name    TEXT PRIMARY KEY,
    host_name  TEXT NOT NULL,
    started_at TEXT NOT NULL,
    settles_at TEXT NOT NULL
);

CREATE TABLE waiting_requests (
    recovery_id   TEXT PRIMARY KEY,
    vm_name       TEXT NOT NULL,
    must_relocate BIGINT NOT NULL,
    priority      BIGINT NOT NULL,
    requested_at  TEXT NOT NULL,
    sequence      BIGINT NOT NULL UNIQUE,
    reason        TEXT NOT NULL,
    queued_at     TEXT NOT NULL
);

CREATE TABLE possible_starts (
    vm_name     TEXT NOT NULL,
    host_name   TEXT NOT NULL,
    recovery_id TEXT NOT NULL,
    since       TEXT NOT NULL,
    PRIMARY KEY (vm_name, host_name)
);

-- Each instance keeps the state in memory and reads it again when another saved a change since.
CREATE TABLE placement_generation (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);

INSERT INTO placement_generation (id, generation) VALUES (1, 0);
