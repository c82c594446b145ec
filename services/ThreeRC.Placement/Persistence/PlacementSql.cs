namespace ThreeRC.Placement.Persistence;

/// <summary>The store's statements: columns are read under their C# names, rows written from the model's properties.</summary>
internal static class PlacementSql
{
    public const string SelectGeneration = "SELECT generation FROM placement_generation WHERE id = 1";
    public const string NextGeneration = "UPDATE placement_generation SET generation = generation + 1 WHERE id = 1";

    public const string SelectMap = "SELECT vm_name, host_name FROM vm_hosts";
    public const string UpsertMap = "INSERT INTO vm_hosts (vm_name, host_name) VALUES (@VmName, @HostName) ON CONFLICT (vm_name) DO UPDATE SET host_name = excluded.host_name";
    public const string DeleteMap = "DELETE FROM vm_hosts WHERE vm_name = @Key";

    public const string SelectHosts = """
        SELECT host_name AS HostName, up AS Up, fenced AS Fenced, in_maintenance AS InMaintenance, load_one AS LoadOne,
               load_five AS LoadFive, cpu_count AS CpuCount, memory_total_kb AS MemoryTotalKb, memory_free_kb AS MemoryFreeKb,
               last_heard_at AS LastHeardAt
        FROM host_states
        """;

    public const string UpsertHost = """
        INSERT INTO host_states (host_name, up, fenced, in_maintenance, load_one, load_five, cpu_count, memory_total_kb, memory_free_kb, last_heard_at)
        VALUES (@HostName, @Up, @Fenced, @InMaintenance, @LoadOne, @LoadFive, @CpuCount, @MemoryTotalKb, @MemoryFreeKb, @LastHeardAt)
        ON CONFLICT (host_name) DO UPDATE SET up = excluded.up, fenced = excluded.fenced, in_maintenance = excluded.in_maintenance, load_one = excluded.load_one, load_five = excluded.load_five, cpu_count = excluded.cpu_count, memory_total_kb = excluded.memory_total_kb, memory_free_kb = excluded.memory_free_kb, last_heard_at = excluded.last_heard_at
        """;

    public const string DeleteHost = "DELETE FROM host_states WHERE host_name = @Key";

    public const string SelectReservations = """
        SELECT recovery_id AS RecoveryId, request_id AS RequestId, vm_name AS VmName, host_name AS HostName, previous_host AS PreviousHost,
               reason AS Reason, placed_at AS PlacedAt, expires_at AS ExpiresAt
        FROM reservations
        """;

    public const string UpsertReservation = """
        INSERT INTO reservations (recovery_id, request_id, vm_name, host_name, previous_host, reason, placed_at, expires_at)
        VALUES (@RecoveryId, @RequestId, @VmName, @HostName, @PreviousHost, @Reason, @PlacedAt, @ExpiresAt)
        ON CONFLICT (recovery_id) DO UPDATE SET request_id = excluded.request_id, vm_name = excluded.vm_name, host_name = excluded.host_name, previous_host = excluded.previous_host, reason = excluded.reason, placed_at = excluded.placed_at, expires_at = excluded.expires_at
        """;

    public const string DeleteReservation = "DELETE FROM reservations WHERE recovery_id = @Key";

    public const string SelectStarts = """
        SELECT vm_name AS VmName, host_name AS HostName, started_at AS StartedAt, settles_at AS SettlesAt FROM recent_starts
        """;

    public const string UpsertStart = """
        INSERT INTO recent_starts (vm_name, host_name, started_at, settles_at) VALUES (@VmName, @HostName, @StartedAt, @SettlesAt)
        ON CONFLICT (vm_name) DO UPDATE SET host_name = excluded.host_name, started_at = excluded.started_at, settles_at = excluded.settles_at
        """;

    public const string DeleteStart = "DELETE FROM recent_starts WHERE vm_name = @Key";

    public const string SelectWaiting = """
        SELECT recovery_id AS RecoveryId, request_id AS RequestId, vm_name AS VmName, must_relocate AS MustRelocate, priority AS Priority,
               requested_at AS RequestedAt, sequence AS Sequence, reason AS Reason, queued_at AS QueuedAt
        FROM waiting_requests
        """;

    public const string UpsertWaiting = """
        INSERT INTO waiting_requests (recovery_id, request_id, vm_name, must_relocate, priority, requested_at, sequence, reason, queued_at)
        VALUES (@RecoveryId, @RequestId, @VmName, @MustRelocate, @Priority, @RequestedAt, @Sequence, @Reason, @QueuedAt)
        ON CONFLICT (recovery_id) DO UPDATE SET request_id = excluded.request_id, vm_name = excluded.vm_name, must_relocate = excluded.must_relocate, priority = excluded.priority, requested_at = excluded.requested_at, sequence = excluded.sequence, reason = excluded.reason, queued_at = excluded.queued_at
        """;

    public const string DeleteWaiting = "DELETE FROM waiting_requests WHERE recovery_id = @Key";

    public const string SelectPossibleStarts = """
        SELECT vm_name AS VmName, host_name AS HostName, recovery_id AS RecoveryId, since AS Since FROM possible_starts
        """;

    public const string InsertPossibleStart = """
        INSERT INTO possible_starts (vm_name, host_name, recovery_id, since) VALUES (@VmName, @HostName, @RecoveryId, @Since)
        """;

    public const string DeletePossibleStarts = "DELETE FROM possible_starts WHERE vm_name = @Key";
}
