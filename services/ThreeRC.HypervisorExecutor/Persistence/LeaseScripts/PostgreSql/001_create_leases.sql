-- The executor's leases on PostgreSQL, as LeaseScripts/Sqlite/001 describes them.
CREATE TABLE leases (
    resource   TEXT NOT NULL,
    slot       INTEGER NOT NULL,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (resource, slot)
);
