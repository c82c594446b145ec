CREATE TABLE counter_saga_inbox (message_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
CREATE TABLE counter_saga_outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, inbound_message_id TEXT NULL,
    type TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
