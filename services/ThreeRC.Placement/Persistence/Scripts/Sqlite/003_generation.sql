-- Several placement instances may share one database (PostgreSQL): each keeps the state in memory and reads it again
-- when another instance saved a change since (its generation moved on).
CREATE TABLE placement_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);

INSERT INTO placement_generation (id, generation) VALUES (1, 0);
