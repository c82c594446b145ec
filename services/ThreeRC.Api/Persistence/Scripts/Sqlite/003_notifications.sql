-- The operators' notifications (Notifications section): one row per event and channel, written when the event is
-- recorded and sent by NotificationSender with retries. The id (message id and channel) makes an event redelivered,
-- or received by several Api instances, one notification.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    -- The notice as JSON: kind, subject, text, vm, host, recovery id, when.
    notice TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- When to try next (Unix ms); also pushed ahead while one instance sends it, so that no other sends it meanwhile.
    next_attempt_at INTEGER NOT NULL,
    -- Null until sent; a notification given up on keeps its last error and has no next attempt.
    sent_at INTEGER,
    gave_up INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE sent_at IS NULL AND gave_up = 0;
