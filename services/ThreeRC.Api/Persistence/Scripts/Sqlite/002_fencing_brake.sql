-- The mass-failure brake as the orchestrator last announced it (FencingHalted, FencingResumed): one row at most,
-- absent until the first announcement. A change older than the stored one is ignored: events may arrive out of order.
CREATE TABLE fencing_brake (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    halted INTEGER NOT NULL,
    -- The orchestrator's reason for the halt, or the operator's for the resume.
    reason TEXT NOT NULL,
    -- The silent physical hosts of the last halt, comma-separated (inventory names hold no comma).
    silent_hosts TEXT NOT NULL,
    physical_hosts INTEGER NOT NULL,
    -- Who resumed fencing; null while halted.
    changed_by TEXT,
    changed_at TEXT NOT NULL
);
