CREATE TABLE counter_saga (correlation_id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL, count INTEGER NOT NULL);
