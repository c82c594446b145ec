CREATE TABLE counter_saga (correlation_id TEXT PRIMARY KEY, version BIGINT NOT NULL, data TEXT NOT NULL, count BIGINT NOT NULL);
