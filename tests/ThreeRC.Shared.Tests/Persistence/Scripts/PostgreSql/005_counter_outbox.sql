CREATE TABLE counter_saga_inbox (message_id TEXT PRIMARY KEY, received_at BIGINT NOT NULL);
CREATE TABLE counter_saga_outbox (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, inbound_message_id TEXT NULL,
    type TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL);
