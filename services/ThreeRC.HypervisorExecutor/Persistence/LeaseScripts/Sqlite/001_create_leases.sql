-- The places every executor instance sharing this store takes before it talks to a host or a BMC: a resource such
-- as "ssh:10.0.0.5" has as many slots as may be in use at once. A lease lapses at expires_at (Unix milliseconds), so
-- an executor that died holding one blocks nobody for longer than its hold.
CREATE TABLE leases (
    resource   TEXT NOT NULL,
    slot       INTEGER NOT NULL,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (resource, slot)
);
