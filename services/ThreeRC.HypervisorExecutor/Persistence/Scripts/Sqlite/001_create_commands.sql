-- One row per command id the executor accepted. The row is committed (synchronous = FULL) before the first remote
-- command of its action, and completed with the result before the result is published; a command id found here is
-- never run again: its stored result is published instead. A row is deleted once its not-after time is older than
-- Executor:CommandRetention, when a redelivery of it would be refused as expired anyway.
CREATE TABLE commands (
    command_id            TEXT PRIMARY KEY,
    kind                  TEXT NOT NULL,
    recovery_id           TEXT NOT NULL,
    vm_name               TEXT NOT NULL,
    not_after             TEXT NOT NULL,
    started_at            TEXT NOT NULL,
    finished_at           TEXT,
    succeeded             INTEGER,
    reason                TEXT,
    may_have_taken_effect INTEGER,
    commands              TEXT
);

CREATE INDEX commands_by_not_after ON commands (not_after);
