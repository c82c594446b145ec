-- Every slot request compared the number of granted slots with the cluster bound by counting them: a scan per
-- request, hundreds of rows in a storm. The count is kept here instead, by triggers, in the same transactions.
CREATE TABLE recovery_slot_count (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    granted INTEGER NOT NULL
);

INSERT INTO recovery_slot_count (id, granted) SELECT 1, count(*) FROM recovery_slots WHERE granted = 1;

CREATE TRIGGER tr_recovery_slots_granted_insert AFTER INSERT ON recovery_slots WHEN NEW.granted = 1
BEGIN
    UPDATE recovery_slot_count SET granted = granted + 1;
END;

CREATE TRIGGER tr_recovery_slots_granted_update AFTER UPDATE OF granted ON recovery_slots WHEN NEW.granted != OLD.granted
BEGIN
    UPDATE recovery_slot_count SET granted = granted + NEW.granted - OLD.granted;
END;

CREATE TRIGGER tr_recovery_slots_granted_delete AFTER DELETE ON recovery_slots WHEN OLD.granted = 1
BEGIN
    UPDATE recovery_slot_count SET granted = granted - 1;
END;

-- The incidents waiting for any host, in the order they are granted.
CREATE INDEX ix_recovery_slots_waiting ON recovery_slots (priority, requested_at) WHERE granted = 0 AND host IS NULL;
