-- The open incidents (the dashboard's list, the alerts still raised): a few rows among every incident ever recorded,
-- found without reading the others.
CREATE INDEX recoveries_open ON recoveries (started_at) WHERE completed_at IS NULL;
