-- The executor's command record on PostgreSQL, as the SQLite script 001 leaves it (see Scripts/Sqlite for why).
CREATE TABLE commands (
    command_id            TEXT PRIMARY KEY,
    kind                  TEXT NOT NULL,
    recovery_id           TEXT NOT NULL,
    vm_name               TEXT NOT NULL,
    not_after             TEXT NOT NULL,
    started_at            TEXT NOT NULL,
    finished_at           TEXT,
    succeeded             BIGINT,
    reason                TEXT,
    may_have_taken_effect BIGINT,
    commands              TEXT
);

CREATE INDEX commands_by_not_after ON commands (not_after);
