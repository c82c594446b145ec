-- Hosts where a start of a VM failed but may have taken effect (VmRestartFailed with MayHaveTakenEffect): the VM
-- may run there, so GetVmsOnHost lists it and the host counts it, until the host is fenced for it or the VM is
-- verified running somewhere.
CREATE TABLE possible_starts (
    vm_name     TEXT NOT NULL,
    host_name   TEXT NOT NULL,
    recovery_id TEXT NOT NULL,
    since       TEXT NOT NULL,
    PRIMARY KEY (vm_name, host_name)
);
