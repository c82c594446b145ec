-- When the VM of a failed incident first reported again (HostResponsive): its downtime runs until then, not until
-- ThreeRC gave up. Null while it has not, or for incidents that did not fail.
ALTER TABLE recoveries ADD COLUMN reported_again_at TEXT;
