-- The VM->host map where it differs from the inventory's home hosts.
CREATE TABLE vm_hosts (
    vm_name   TEXT PRIMARY KEY,
    host_name TEXT NOT NULL
);

-- What the monitor, the executor and the operators said about each physical host, and its last load report.
CREATE TABLE host_states (
    host_name       TEXT PRIMARY KEY,
    up              INTEGER NOT NULL,
    fenced          INTEGER NOT NULL,
    in_maintenance  INTEGER NOT NULL,
    load_one        REAL,
    load_five       REAL,
    cpu_count       INTEGER,
    memory_total_kb INTEGER,
    memory_free_kb  INTEGER,
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
    must_relocate INTEGER NOT NULL,
    priority      INTEGER NOT NULL,
    requested_at  TEXT NOT NULL,
    sequence      INTEGER NOT NULL UNIQUE,
    reason        TEXT NOT NULL,
    queued_at     TEXT NOT NULL
);
