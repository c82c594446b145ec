-- The Api's read model: what it learned from the events of the other services and from its operators.
-- Every time is stored in UTC as round-trip text, so that times compare and sort as text.

-- The monitor's view of each physical host (kind 'host') and VM (kind 'vm'): Up, Down, and for hosts Fenced,
-- for VMs Failed. A change older than the stored one is ignored: events may arrive out of order.
CREATE TABLE monitor_states (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    last_heard_at TEXT,
    reason TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE TABLE host_loads (
    name TEXT PRIMARY KEY,
    load_one REAL NOT NULL,
    load_five REAL NOT NULL,
    cpu_count INTEGER NOT NULL,
    memory_total_kb INTEGER NOT NULL,
    memory_free_kb INTEGER NOT NULL,
    last_heard_at TEXT NOT NULL,
    reported_at TEXT NOT NULL
);

CREATE TABLE monitor_sources (
    source TEXT PRIMARY KEY,
    available INTEGER NOT NULL,
    reason TEXT NOT NULL,
    since TEXT NOT NULL
);

-- Where a VM runs when a restart moved it away from its home host.
CREATE TABLE vm_locations (
    name TEXT PRIMARY KEY,
    host_name TEXT NOT NULL,
    since TEXT NOT NULL
);

CREATE TABLE maintenance (
    target TEXT NOT NULL,
    name TEXT NOT NULL,
    in_maintenance INTEGER NOT NULL,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (target, name)
);

CREATE TABLE recoveries (
    id TEXT PRIMARY KEY,
    vm_name TEXT NOT NULL,
    start_level TEXT,
    trigger TEXT,
    last_heard_at TEXT,
    started_at TEXT NOT NULL,
    completed_at TEXT,
    outcome TEXT,
    reason TEXT,
    time_to_recover_ms INTEGER
);

CREATE INDEX recoveries_by_start ON recoveries (started_at DESC, id DESC);
CREATE INDEX recoveries_by_vm ON recoveries (vm_name, started_at DESC);

CREATE TABLE recovery_steps (
    recovery_id TEXT NOT NULL,
    step TEXT NOT NULL,
    host_name TEXT,
    detail TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    PRIMARY KEY (recovery_id, started_at, step)
);

-- Every event that carried a recovery id, keyed by its message id so that a redelivery is stored once.
CREATE TABLE recovery_events (
    message_id TEXT PRIMARY KEY,
    recovery_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    host_name TEXT,
    summary TEXT NOT NULL
);

CREATE INDEX recovery_events_by_recovery ON recovery_events (recovery_id, occurred_at);

CREATE TABLE operator_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    requested_by TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    requested_at TEXT NOT NULL
);

CREATE INDEX operator_actions_by_target ON operator_actions (target, id DESC);
