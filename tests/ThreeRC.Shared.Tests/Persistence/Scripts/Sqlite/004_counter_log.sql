CREATE TABLE counter_log (correlation_id TEXT NOT NULL, number INTEGER NOT NULL);
